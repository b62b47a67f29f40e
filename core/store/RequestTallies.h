#pragma once

#include "model/Request.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

namespace foidesk {

// Counts of a log's requests, grouped by SQLite (Store::requestTallies) so that a log of
// 50,000 requests is counted without reading a request: what the dashboard
// (stats/DashboardFigures.h) draws.
struct RequestTallies
{
    // Every request, by status: only the statuses that occur, in no particular order.
    QList<QPair<RequestStatus, int>> byStatus;
    // The open requests (isOpenStatus()) by officer: the name trimmed, names that differ only
    // in letter case counted together under one of their spellings; "" for no officer.
    QList<QPair<QString, int>> openByOfficer;

    // The requests answered (Sent or Closed) in one calendar month, by the day they were
    // answered: the response date, else the letter date. Timeliness is judged against the
    // stored due date (the statutory clock with the request's clock events).
    struct Month
    {
        QDate first; // the month's first day
        int answered = 0;
        int inTime = 0;  // answered on or before the due date
        int late = 0;    // answered after it
        int unknown = 0; // no due date stored: neither in time nor late
    };
    // The months with answers between the two days asked for, oldest first.
    QList<Month> answeredByMonth;
};

} // namespace foidesk
