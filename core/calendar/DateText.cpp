#include "calendar/DateText.h"

#include <QLocale>
#include <QRegularExpression>

namespace foidesk {

using namespace Qt::StringLiterals;

namespace {

QString monthName(int month)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).monthName(month);
}

// 1 to 12 for an English month name or its first three letters ("Sept" too), else 0.
int monthFromName(const QString &word)
{
    const QString folded = word.toCaseFolded();
    if (folded.size() < 3)
        return 0;
    for (int month = 1; month <= 12; ++month) {
        const QString name = monthName(month).toCaseFolded();
        if (name == folded || (folded.size() <= name.size() && name.startsWith(folded)))
            return month;
    }
    return 0;
}

DateText::Parsed impossible(const QString &why)
{
    return {DateText::State::Impossible, QDate(), why};
}

// The date of day, month and year, or why there is none.
DateText::Parsed fromParts(int day, int month, int year, const QString &typed)
{
    if (month < 1 || month > 12)
        return impossible(
            DateText::tr("%1 is not a date: there is no month %2.").arg(typed).arg(month));
    if (year < 1900 || year > 2999)
        return impossible(DateText::tr("%1 is not a date FOI Desk can use: give a year from 1900 "
                                       "to 2999.")
                              .arg(typed));
    const int days = QDate(year, month, 1).daysInMonth();
    if (day < 1 || day > days) {
        return impossible(DateText::tr("%1 is not a date: %2 %3 has %4 days.")
                              .arg(typed, monthName(month))
                              .arg(year)
                              .arg(days));
    }
    return {DateText::State::Valid, QDate(year, month, day), QString()};
}

int fullYear(const QString &digits)
{
    const int year = digits.toInt();
    return digits.size() == 2 ? 2000 + year : year;
}

} // namespace

DateText::Parsed DateText::parse(const QString &text)
{
    const QString typed = text.simplified();
    if (typed.isEmpty())
        return {};
    const QString example = tr("Type the date as day/month/year, for example 17/06/2020.");

    // 17/06/2020, 17.6.20, 17-06-2020, 17 06 2020
    static const QRegularExpression numeric(
        u"^(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{2}|\\d{4})$"_s);
    if (const auto m = numeric.match(typed); m.hasMatch())
        return fromParts(
            m.captured(1).toInt(), m.captured(2).toInt(), fullYear(m.captured(3)), typed);
    // 2020-06-17
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"_s);
    if (const auto m = iso.match(typed); m.hasMatch())
        return fromParts(
            m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt(), typed);
    // 17 June 2020, 17 Jun 2020, 17th June 2020
    static const QRegularExpression named(
        u"^(\\d{1,2})(?:st|nd|rd|th)?\\s*([A-Za-z]+)\\.?,?\\s*(\\d{4})$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = named.match(typed); m.hasMatch()) {
        const int month = monthFromName(m.captured(2));
        if (month == 0)
            return {State::Incomplete,
                    QDate(),
                    tr("%1 is not a month. %2").arg(m.captured(2), example)};
        return fromParts(m.captured(1).toInt(), month, m.captured(3).toInt(), typed);
    }
    return {State::Incomplete, QDate(), example};
}

QString DateText::format(const QDate &date)
{
    return date.isValid() ? date.toString(u"dd/MM/yyyy"_s) : QString();
}

} // namespace foidesk
