#pragma once

#include "model/ClockEvent.h"
#include "model/Request.h"
#include "store/Store.h"
#include "util/Result.h"

#include <QDate>
#include <QHash>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <optional>

namespace foidesk {

class StatutoryClock;

// The SQL of the requests, questions (with their redactions) and exemption reasons tables:
// how a Request becomes rows and back. Store decides what a user action means (transactions,
// conflicts, signals); this class only reads and writes rows, inside whatever transaction the Store
// has begun.
class RequestTable
{
public:
    // Refers to the Store's connection and path, which outlive it.
    RequestTable(const QSqlDatabase &db, const QString &path);

    // The error for a failed query, starting with outcome ("Request X was not saved.").
    Error failed(const QSqlQuery &query, const QString &outcome) const;

    // Reads the request matching `column = key`, with its questions in order. NotFound when
    // there is none; other kinds when SQLite fails.
    Result<Request> read(const QString &column, const QVariant &key, const QString &outcome) const;
    // Every request received between first and last (both included), whole, oldest first.
    Result<QList<Request>>
    readReceivedBetween(const QDate &first, const QDate &last, const QString &outcome) const;
    // The id of the request with this reference (any letter case), or std::nullopt.
    Result<std::optional<qint64>> idOf(const QString &reference, const QString &outcome) const;

    // The reference and revision of the request with this id. NotFound when there is none.
    Result<QPair<QString, int>> referenceOf(qint64 id, const QString &outcome) const;

    // Inserts a new request at revision 1 and sets its id and its questions' ids.
    Result<void> insert(Request &request, const QString &outcome);
    // Overwrites the row with request.id if it is still at storedRevision, bumping the
    // revision and replacing the questions. Returns false when no row was at that revision.
    Result<bool> update(Request &request, int storedRevision, const QString &outcome);

    // BadInput (starting with outcome) when a withheld passage of a question does not lie
    // inside its answer: storing it could leave the passage shown or cut at the wrong place.
    Result<void> checkRedactions(const Request &request, const QString &outcome) const;

    // BadInput (starting with outcome, then the reason) when an event has a field its kind
    // cannot have, or the clock events are in an order the law does not allow
    // (calendar/StatutoryClock).
    Result<void> checkClockEvents(const Request &request, const QString &outcome) const;

    // Every request's clock events, by request id, for recomputing the stored due dates.
    Result<QHash<qint64, QList<ClockEvent>>> readAllClockEvents(const QString &outcome) const;

    // BadInput for a request without a reference, starting with outcome.
    Error referenceMissing(const QString &outcome) const;
    // The stored due date for a request: the statutory deadline with its clock events, or NULL
    // when there is none (no date received, the clock stopped, or beyond the holiday data).
    QVariant dueDateFor(const Request &request, const StatutoryClock &clock) const;

    // The names (never the values) of the fields that differ, for the audit trail: "changed:
    // title, questions", or "no changes".
    static QString changedFields(const Request &before, const Request &after);
    static QStringList changedFieldNames(const Request &before, const Request &after);

    struct Filter
    {
        QString where; // " WHERE ..." or empty
        QVariantList values;
    };
    // The WHERE clause and its values for the request list.
    static Filter filter(const RequestQuery &query);
    // The ORDER BY clause for the request list, with id as the tiebreak.
    static QString orderBy(const RequestQuery &query);

    // Column conversions: dates are ISO text or NULL; text columns are never NULL.
    static QVariant dateValue(const QDate &date);
    static QDate dateFrom(const QVariant &value);
    static QString nonNull(const QString &value);

private:
    void bindContent(QSqlQuery &query, const Request &request) const;
    Result<void> writeQuestions(qint64 requestId, QList<Question> &questions, const QString &outcome);
    Result<void> writeExemptionReasons(qint64 requestId,
                                 const QMap<QString, ExemptionReasoning> &reasons,
                                 const QString &outcome);
    Result<void> writeClockEvents(qint64 requestId,
                                  const QList<ClockEvent> &events,
                                  const QString &outcome);
    Result<void> readRedactions(Request &request, const QString &outcome) const;
    Result<void> readClockEvents(Request &request, const QString &outcome) const;
    Result<void> readExemptionReasons(Request &request, const QString &outcome) const;

    const QSqlDatabase &m_db;
    const QString &m_path;
};

} // namespace foidesk
