#include "calendar/Deadlines.h"

#include <QCoreApplication>

namespace foidesk {

namespace {


// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and
// Butcher). Good Friday is named in the statutes themselves rather than proclaimed, so it is
// computed here instead of trusted to the holiday data.
QDate easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return QDate(year, month, day);
}

bool scottishRules(Regime regime)
{
    return regime == Regime::FOISA || regime == Regime::EIRS;
}

Error outsideCoverage(const HolidayCalendar &calendar, int year)
{
    if (year > calendar.lastYear()) {
        return Error(ErrorKind::Refused,
                     Deadlines::tr("FOI Desk's bank holiday data covers %1 to %2; it cannot compute a "
                        "deadline that falls in %3. Import the government's bank holiday file "
                        "in Tools > Bank Holidays, or update FOI Desk.")
                         .arg(calendar.firstYear())
                         .arg(calendar.lastYear())
                         .arg(year));
    }
    return Error(ErrorKind::Refused,
                 Deadlines::tr("FOI Desk's bank holiday data covers %1 to %2; it cannot count working days "
                    "in %3. Check the date, or import that year's bank holidays in Tools > "
                    "Bank Holidays.")
                     .arg(calendar.firstYear())
                     .arg(calendar.lastYear())
                     .arg(year));
}

} // namespace

Deadlines::Deadlines(const HolidayCalendar &calendar)
    : m_calendar(calendar)
{}

Result<void> Deadlines::checkCovered(const QDate &date) const
{
    if (!m_calendar.covers(date))
        return outsideCoverage(m_calendar, date.year());
    return {};
}

QDate Deadlines::goodFriday(int year)
{
    return easterSunday(year).addDays(-2);
}

bool Deadlines::isWorkingDay(const QDate &date, Regime regime) const
{
    if (!date.isValid())
        return false;
    if (date.dayOfWeek() >= Qt::Saturday)
        return false;
    // Christmas Day and Good Friday are excluded by name in every regime, whatever the data says.
    if (date.month() == 12 && date.day() == 25)
        return false;
    if (date == easterSunday(date.year()).addDays(-2))
        return false;
    if (scottishRules(regime))
        return !m_calendar.isHoliday(date, Nation::Scotland);
    return !m_calendar.isHolidayAnywhereInUk(date);
}

Result<QDate> Deadlines::dueDate(const QDate &received, Regime regime, int workingDays) const
{
    if (!received.isValid()) {
        return Error(ErrorKind::BadInput,
                     Deadlines::tr("The date received is missing or not a real date; enter it as "
                        "YYYY-MM-DD."));
    }
    if (workingDays < 1) {
        return Error(ErrorKind::BadInput,
                     Deadlines::tr("The number of working days must be at least 1, not %1.").arg(workingDays));
    }

    QDate day = received;
    int counted = 0;
    while (counted < workingDays) {
        day = day.addDays(1);
        if (!m_calendar.covers(day))
            return outsideCoverage(m_calendar, day.year());
        if (isWorkingDay(day, regime))
            ++counted;
    }
    return day;
}

Result<int> Deadlines::workingDaysLeft(const QDate &today, const QDate &due, Regime regime) const
{
    if (!today.isValid()) {
        return Error(ErrorKind::BadInput,
                     Deadlines::tr("Today's date is not a real date; check the computer's clock."));
    }
    if (!due.isValid()) {
        return Error(ErrorKind::BadInput,
                     Deadlines::tr("The due date is missing or not a real date; enter it as YYYY-MM-DD."));
    }

    // Count the working days in the half-open span (earlier, later]: the first day is already
    // spent, the last is the one that matters.
    const bool early = today <= due;
    const QDate from = early ? today : due;
    const QDate to = early ? due : today;
    int count = 0;
    for (QDate day = from.addDays(1); day <= to; day = day.addDays(1)) {
        if (!m_calendar.covers(day))
            return outsideCoverage(m_calendar, day.year());
        if (isWorkingDay(day, regime))
            ++count;
    }
    return early ? count : -count;
}

} // namespace foidesk
