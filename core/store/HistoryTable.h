#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

class RequestTable;

// One entry of a log's history (the append-only audit table).
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;   // UTC
    QString action; // "create", "save", "delete", "import", "replace", "restore", ...
    QString reference;
    int revision = 0;
    QString detail;
};

// The SQL of the history: entries are only ever appended (the database refuses UPDATE and
// DELETE on them), inside whatever transaction the Store began for the change they record.
// The history never holds the requester's personal data: details name fields, not values.
class HistoryTable
{
public:
    // Refers to the Store's connection and its request table (for errors), which outlive it.
    HistoryTable(const QSqlDatabase &db, const RequestTable &rows);

    Result<void> append(const QString &action,
                        const QString &reference,
                        int revision,
                        const QString &detail,
                        const QString &outcome);

    // Newest first; reference empty for the whole log; limit <= 0 for all.
    Result<QList<AuditEntry>>
    read(const QString &reference, int limit, const QString &outcome) const;

private:
    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
};

} // namespace foidesk
