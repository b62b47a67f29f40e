#pragma once

#include "model/Request.h"
#include "stats/QuarterStats.h"
#include "store/Store.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace foidesk {

class Store;
struct RequestTallies;

// Open requests with one status.
struct StatusFigure
{
    RequestStatus status = RequestStatus::New;
    int count = 0;
};

// Open requests with one officer; an empty officer is "no officer yet".
struct OfficerFigure
{
    QString officer;
    int count = 0;
};

// The requests answered in one calendar month (by the day they were answered: the response
// date, else the letter date) and whether each was answered by its due date: the deadline of
// calendar/StatutoryClock with the request's clock events, as the list and the letters show it.
struct MonthFigure
{
    QDate first; // the month's first day
    int answered = 0;
    int inTime = 0;  // on or before the due date
    int late = 0;    // after it
    int unknown = 0; // no due date could be worked out: neither in time nor late

    // inTime out of answered, from 0 to 1 (an answer of unknown timeliness is not counted as in
    // time); std::nullopt when nothing was answered that month.
    std::optional<double> shareInTime() const;
};

// What the dashboard shows, counted at one moment.
struct DashboardFigures
{
    // The share of requests the Information Commissioner expects to be answered in time.
    static constexpr double IcoExpectation = 0.9;

    QDate today;
    int total = 0;   // requests in the log, whatever their status
    int open = 0;    // of which open (isOpenStatus())
    int overdue = 0; // of which past their due date: the list's Overdue view on today
    // Every open status in the order of allStatuses(), with those that have none.
    QList<StatusFigure> openByStatus;
    // Each officer with open requests, most first (then by name); no officer last.
    QList<OfficerFigure> openByOfficer;
    // The twelve months ending with today's month (which is still going on), oldest first;
    // months with no answers are there with zeros.
    QList<MonthFigure> months;

    bool isEmpty() const { return total == 0; }
};

class DashboardCounter
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::DashboardCounter)

public:
    // Counts the figures of the log, grouped in SQL (Store::requestTallies): a log of 50,000
    // requests is counted without reading a request whole.
    static Result<DashboardFigures> count(const Store &store, const QDate &today);
    // The figures from counts already made.
    static DashboardFigures fromTallies(const RequestTallies &tallies, const QDate &today);

    // The request list's queries whose counts are the figures: clicking a figure shows the
    // list narrowed by the same query, so the list shows as many requests as the figure says.
    static RequestQuery statusQuery(RequestStatus status);
    static RequestQuery officerQuery(const QString &officer); // open ones; "" for no officer
    static RequestQuery overdueQuery(const QDate &today);

    // The first day of the earliest of the twelve months the figures show.
    static QDate firstMonth(const QDate &today);
    // The quarter the dashboard shows first: the last one that has ended before today.
    static Quarter lastCompleteQuarter(const QDate &today);
};

} // namespace foidesk
