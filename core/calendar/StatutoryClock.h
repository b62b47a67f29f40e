#pragma once

#include "calendar/Deadlines.h"
#include "model/ClockEvent.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// One line of the working of a deadline: the date of receipt, a day counted, a day skipped
// (with the reason), or an event that moved the clock.
struct ClockStep
{
    enum class Kind
    {
        Receipt,
        Event,
        Counted,
        Skipped
    };

    Kind kind = Kind::Counted;
    QDate date;
    int day = 0;  // for Counted: the working day's number, 1 for day one
    QString text; // what happened: "day 1", "skipped: Saturday", "fees notice issued: ..."

    bool operator==(const ClockStep &) const = default;
};

// A deadline and how it was worked out.
struct ClockWorking
{
    Regime regime = Regime::FOIA;
    QDate received;         // the date the request arrived
    QDate start;            // the date of receipt the count runs from (a clarification moves it)
    int period = 20;        // the working days allowed: 20, or 40 after an EIR reg 7 extension
    QDate statutory;        // the 20th working day (the 40th after a reg 7 extension)
    QDate due;              // the date the answer is due: statutory, or a public interest estimate.
                            // Invalid while the clock is stopped.
    QString stopped;        // when due is invalid: a sentence saying why the clock is stopped
    QDate feeLapses;        // an unpaid fees notice: the last day of its three months (FOIA s9(2))
    QDate reviewDue;        // the latest internal review request's due date, if there is one
    QDate reviewLatest;     // FOIA only: the longest a review should take (40 working days)
    QList<ClockStep> steps; // in date order
    QStringList warnings;   // full sentences: lawful, but something the officer should see

    // The working as text, one step per line: "2025-12-13 Sat  skipped: Saturday".
    QStringList lines() const;
};

// The statutory clock of one request: from the date received, the regime and the clock
// events, the due date and every day that went into it. The rules, as DESIGN.md and
// docs/bank-holidays.md give them:
// - a clarification received starts a fresh twenty working days from the day it arrived (FOIA
//   s1(3) with s10(6)(b); EIR reg 9; FOISA s1(3)); while one is sought the clock is stopped;
// - the working days from the day a fees notice is given to the day the fee arrives, both
//   included, are disregarded (FOIA s10(2), FOISA s10(2)); a notice unpaid for three months
//   beginning with the day it was given lapses (FOIA s9(2), FOISA s9(4));
// - a public interest extension (FOIA only, s10(3)) must be given within the twenty days, with
//   an estimated date; more than twenty further working days draws a warning;
// - an EIR reg 7 extension (EIR and EIRS) makes the period forty working days and must be
//   given within the first twenty;
// - an internal review is due twenty working days after it was asked for (forty at most,
//   under FOIA by the Code of Practice; forty by EIR reg 11(4); twenty by FOISA s21(1) and
//   EIRS reg 16(4)); one asked more than forty working days after the response draws a warning.
class StatutoryClock
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::StatutoryClock)

public:
    explicit StatutoryClock(const HolidayCalendar &calendar = HolidayCalendar::active());

    static constexpr int ExtendedWorkingDays = 40; // EIR reg 7(1)
    static constexpr int ReviewRequestLimit = 40;  // the section 45 Code of Practice

    // The working of the deadline. BadInput when received is invalid, or when the events are
    // in an order the law does not allow (a fee paid before its notice, a clarification received
    // before one was sought, an extension after the deadline passed, an event before the
    // request arrived), with a sentence saying why; Refused when the holiday data does not cover
    // a day that had to be counted.
    Result<ClockWorking> work(const QDate &received,
                              Regime regime,
                              const QList<ClockEvent> &events,
                              const QDate &responseSent = QDate()) const;
    Result<ClockWorking> work(const Request &request) const;

    // Why date is not a working day under regime ("Saturday", "Christmas Day", "Good Friday",
    // "St Andrew's Day (Scotland)"), or an empty string when it is one.
    QString nonWorkingReason(const QDate &date, Regime regime) const;

    const Deadlines &deadlines() const { return m_deadlines; }

private:
    // The nth working day after from, or Refused when the data runs out.
    Result<QDate> addWorkingDays(const QDate &from, int n, Regime regime) const;
    // Working days in (from, to]; Refused when the data runs out.
    Result<int> workingDaysBetween(const QDate &from, const QDate &to, Regime regime) const;

    Deadlines m_deadlines;
};

} // namespace foidesk
