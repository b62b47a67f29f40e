#pragma once

#include "release/ReleaseCheckResult.h"
#include "util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace foidesk {

class RequestTable;

// The SQL of the release_checks table: the history of reading back a request's exported files.
// Rows are only ever added; like RequestTable it works inside the Store's transaction.
// The findings name withheld strings, so what is read here stays inside the application.
class ReleaseCheckTable
{
public:
    ReleaseCheckTable(const QSqlDatabase &db, RequestTable &rows);

    // Appends a check of request requestId. The caller has checked that the request exists.
    Result<void> append(qint64 requestId, const ReleaseCheckResult &result, const QString &outcome);

    // The checks of request requestId, newest first; at most limit of them (all when limit is
    // negative). Errors only when SQLite fails.
    Result<QList<ReleaseCheckResult>>
    read(qint64 requestId, int limit, const QString &outcome) const;

private:
    const QSqlDatabase &m_db;
    RequestTable &m_rows;
};

} // namespace foidesk
