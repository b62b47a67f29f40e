#pragma once

// The inside of Store, shared by Store.cpp (requests, staff, profile), StoreWorkflow.cpp (users,
// review, moves, comments and the history's chain) and StoreFigures.cpp (the reads of the
// figures). Included by those three only.

#include "store/HistoryTable.h"
#include "store/HolidayTable.h"
#include "store/LogConnection.h"
#include "store/ProfileTable.h"
#include "store/ReleaseCheckTable.h"
#include "store/RequestTable.h"
#include "store/ScopedTransaction.h"
#include "store/SqlErrors.h"
#include "store/StaffTable.h"
#include "store/Store.h"
#include "store/SuggestionTable.h"
#include "store/WorkflowTables.h"
#include "workflow/Workflow.h"

namespace foidesk {

class Store::Private
{
public:
    explicit Private(const QString &logPath)
        : connection(logPath)
    {}

    Store *q = nullptr;
    LogConnection connection;
    QSqlDatabase &db = connection.db;
    const QString &path = connection.path();
    RequestTable rows{db, path};
    ProfileTable profiles{db, path, rows};
    StaffTable staffRows{db, rows};
    HistoryTable history{db, rows};
    ReleaseCheckTable checks{db, rows};
    SuggestionTable suggestions{db, rows};
    SearchTable searchRows{db, rows};
    SimilarQuestions similar{db, rows};
    WorkflowTables workflowRows{db, rows};
    HolidayTable holidayRows{db, rows};

    // This log's bank holidays (StoreHolidays.cpp): the calendar, and what the holiday tables
    // held when it was read, to notice another program changing them.
    HolidayCalendar calendar = HolidayCalendar::builtIn();
    QString holidaySignature;
    // Reads the holiday tables when they changed since the last read (or always, with force),
    // and makes the calendar the active one.
    Result<void> loadCalendar(const QString &outcome, bool force = false);
    // Works out the due date of every request (openOnly: of every open one) with calendar and
    // stores those that changed. With a non-empty detail, each change is recorded in the
    // request's history with that detail. Inside the caller's transaction.
    Result<QList<DueDateMove>> recomputeDue(bool openOnly,
                                            const HolidayCalendar &calendar,
                                            const QString &detail,
                                            const QString &outcome);

    // The one write skeleton every change goes through: the hold is checked, BEGIN IMMEDIATE,
    // body() (which returns a Result), COMMIT. A failed body or commit rolls everything back
    // and returns the error, each message starting with outcome.
    template <typename Body> auto write(const QString &outcome, Body body) -> decltype(body());

    // What create, save and import check before writing: a reference (trimmed) and redaction
    // spans that lie inside their answers. notDone is the outcome for a request with no
    // reference ("The request was not saved.").
    Result<Request>
    prepare(const Request &request, const QString &outcome, const QString &notDone) const;

    // Taken, naming the request that already has reference (its title and date received, so
    // the officer can tell whether it is the same request entered twice) and what was not done.
    Error referenceTaken(const QString &reference, qint64 ownerId, const QString &notDone) const;

    // Whether review is on: the register has a supervisor and it was not switched off.
    Result<bool> reviewOn(const QString &outcome) const;
    // What the state machine needs to judge a move of request by the current user.
    Result<WorkflowContext> workflowContext(const Request &request, const QString &outcome) const;
};

template <typename Body>
auto Store::Private::write(const QString &outcome, Body body) -> decltype(body())
{
    if (const Result<void> held = connection.checkHold(outcome); !held) {
        // What other programs wrote meanwhile is visible now.
        if (held.errorKind() == ErrorKind::Reopened)
            Q_EMIT q->requestsChanged();
        return held.error();
    }
    ScopedTransaction transaction(db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), path, outcome);
    auto result = body();
    if (!result)
        return result;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), path, outcome);
    return result;
}

} // namespace foidesk
