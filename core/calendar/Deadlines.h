#pragma once

#include <QCoreApplication>

#include "calendar/HolidayCalendar.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QDate>

namespace foidesk {

// Working days and statutory deadlines, as the law writes them:
// - FOIA s10(6) and the EIR: a working day is any day except Saturday, Sunday, Christmas Day,
//   Good Friday, or a bank holiday in any part of the United Kingdom.
// - FOISA s73 (and the EIRS): Scottish bank holidays only, with Christmas Day and Good Friday.
// - Day one is the first working day after the date of receipt, whatever day the request came;
//   the answer is due on the Nth working day (20 by default).
class Deadlines
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::Deadlines)

public:
    explicit Deadlines(const HolidayCalendar &calendar = HolidayCalendar::active());

    static constexpr int StandardWorkingDays = 20;

    bool isWorkingDay(const QDate &date, Regime regime) const;

    // The Nth working day after received. BadInput when received is invalid or N < 1;
    // Refused when the holiday data does not cover the dates needed (it names the year).
    Result<QDate> dueDate(const QDate &received,
                          Regime regime,
                          int workingDays = StandardWorkingDays) const;

    // Working days from today to due: positive while there is time (1 = due tomorrow, counting
    // only working days), 0 on the due date, negative when overdue (-1 = one working day late).
    Result<int> workingDaysLeft(const QDate &today, const QDate &due, Regime regime) const;

    // Refused, with the same message as dueDate(), when the holiday data does not cover date;
    // nothing when it does.
    Result<void> checkCovered(const QDate &date) const;

    // Good Friday of a year, which the statutes name and the code computes from Easter.
    static QDate goodFriday(int year);

    const HolidayCalendar &calendar() const { return m_calendar; }

private:
    HolidayCalendar m_calendar;
};

} // namespace foidesk
