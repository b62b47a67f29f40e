#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace foidesk {

class RequestTable;

// One entry of a log's history (the append-only audit table).
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;   // UTC
    QString user;   // the login of who made the change; empty for entries older than version 7
    QString action; // "create", "save", "change", "submit", "approve", "comment", "restore", ...
    QString reference;
    int revision = 0;
    QString field;    // for "change": the field ("title", "question 2 answer", "requester name")
    QString oldValue; // never the requester's personal data: empty for those fields
    QString newValue;
    QString detail;
    QString prevHash; // the hash of the entry before it; empty for the first entry
    QString hash;     // SHA-256 (hex) of this entry's content and prevHash
};

// What the history is asked to append; the table adds the time, the user and the hashes.
struct HistoryRecord
{
    QString action;
    QString reference;
    int revision = 0;
    QString field;
    QString oldValue;
    QString newValue;
    QString detail;
};

// The first entry that does not fit the history's hash chain, and why.
struct HistoryBreak
{
    qint64 id = 0;
    QString reason; // a complete sentence
};

// The SQL of the history: entries are only ever appended (the database refuses UPDATE and
// DELETE on them), inside whatever transaction the Store began for the change they record.
// Each entry is chained to the one before it by hash, so an entry changed, removed or moved
// with an SQL tool (which can drop the triggers) is found by verify().
// The history never holds the requester's personal data: details name fields, not values.
class HistoryTable
{
public:
    // Refers to the Store's connection and its request table (for errors), which outlive it.
    HistoryTable(const QSqlDatabase &db, const RequestTable &rows);

    // The login recorded with every entry appended from now on.
    void setUser(const QString &login) { m_user = login; }
    QString user() const { return m_user; }

    Result<void> append(const HistoryRecord &record, const QString &outcome);
    Result<void> append(const QString &action,
                        const QString &reference,
                        int revision,
                        const QString &detail,
                        const QString &outcome);

    // Newest first; reference empty for the whole log; limit <= 0 for all.
    Result<QList<AuditEntry>>
    read(const QString &reference, int limit, const QString &outcome) const;

    // Walks the whole chain, oldest first. Nothing when every entry fits; otherwise the first
    // entry that does not. Errors when the table cannot be read.
    Result<std::optional<HistoryBreak>> verify(const QString &outcome) const;

    // The hash of entry, computed from its content and its prevHash: SHA-256 over a JSON array
    // of id, at, user, action, reference, revision, field, old value, new value, detail and
    // prevHash (compact, UTF-8), in hex.
    static QString hashOf(const AuditEntry &entry);

    // For migration 007: gives every entry without a hash its place in the chain, oldest first.
    // Runs inside the migration's transaction.
    static Result<void> chainExisting(const QSqlDatabase &db, const QString &outcome);

private:
    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
    QString m_user;
};

} // namespace foidesk
