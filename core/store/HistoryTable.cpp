#include "store/HistoryTable.h"

#include "store/RequestTable.h"
#include "store/SqlErrors.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace foidesk {

namespace {

const QString entryColumns = QStringLiteral(
    "id, at, user_login, action, reference, revision, field, old_value, new_value, detail, "
    "prev_hash, hash");

// The stored text of at, exactly as written: the hash covers the text, not a parsed time.
struct StoredEntry
{
    AuditEntry entry;
    QString atText;
};

StoredEntry entryFrom(const QSqlQuery &query)
{
    StoredEntry stored;
    AuditEntry &entry = stored.entry;
    entry.id = query.value(0).toLongLong();
    stored.atText = query.value(1).toString();
    entry.at = QDateTime::fromString(stored.atText, Qt::ISODateWithMs).toUTC();
    entry.user = query.value(2).toString();
    entry.action = query.value(3).toString();
    entry.reference = query.value(4).toString();
    entry.revision = query.value(5).toInt();
    entry.field = query.value(6).toString();
    entry.oldValue = query.value(7).toString();
    entry.newValue = query.value(8).toString();
    entry.detail = query.value(9).toString();
    entry.prevHash = query.value(10).toString();
    entry.hash = query.value(11).toString();
    return stored;
}

QString hashOfStored(const AuditEntry &entry, const QString &atText)
{
    const QJsonArray canonical{QString::number(entry.id),
                               atText,
                               entry.user,
                               entry.action,
                               entry.reference,
                               QString::number(entry.revision),
                               entry.field,
                               entry.oldValue,
                               entry.newValue,
                               entry.detail,
                               entry.prevHash};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

QString atText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

HistoryTable::HistoryTable(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

QString HistoryTable::hashOf(const AuditEntry &entry)
{
    return hashOfStored(entry, atText(entry.at));
}

Result<void> HistoryTable::append(const QString &action,
                                  const QString &reference,
                                  int revision,
                                  const QString &detail,
                                  const QString &outcome)
{
    HistoryRecord record;
    record.action = action;
    record.reference = reference;
    record.revision = revision;
    record.detail = detail;
    return append(record, outcome);
}

Result<void> HistoryTable::append(const HistoryRecord &record, const QString &outcome)
{
    // Inside the Store's BEGIN IMMEDIATE: no other writer can append between this read and
    // the insert, so the chain cannot fork.
    QSqlQuery last(m_db);
    last.setForwardOnly(true);
    if (!last.exec(QStringLiteral("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")))
        return m_rows.failed(last, outcome);
    AuditEntry entry;
    entry.id = 1;
    if (last.next()) {
        entry.id = last.value(0).toLongLong() + 1;
        entry.prevHash = last.value(1).toString();
    } else if (last.lastError().isValid()) {
        return m_rows.failed(last, outcome);
    }
    last.finish();
    entry.at = QDateTime::currentDateTimeUtc();
    entry.user = RequestTable::nonNull(m_user);
    entry.action = RequestTable::nonNull(record.action);
    entry.reference = RequestTable::nonNull(record.reference);
    entry.revision = record.revision;
    entry.field = RequestTable::nonNull(record.field);
    entry.oldValue = RequestTable::nonNull(record.oldValue);
    entry.newValue = RequestTable::nonNull(record.newValue);
    entry.detail = RequestTable::nonNull(record.detail);
    entry.hash = hashOf(entry);

    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO audit (") + entryColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.id);
    query.addBindValue(atText(entry.at));
    query.addBindValue(entry.user);
    query.addBindValue(entry.action);
    query.addBindValue(entry.reference);
    query.addBindValue(entry.revision);
    query.addBindValue(entry.field);
    query.addBindValue(entry.oldValue);
    query.addBindValue(entry.newValue);
    query.addBindValue(entry.detail);
    query.addBindValue(RequestTable::nonNull(entry.prevHash));
    query.addBindValue(entry.hash);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

Result<QList<AuditEntry>>
HistoryTable::read(const QString &reference, int limit, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString trimmed = reference.trimmed();
    query.prepare(
        QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM audit")
        + (trimmed.isEmpty() ? QString() : QStringLiteral(" WHERE reference = ? COLLATE NOCASE"))
        + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    if (!trimmed.isEmpty())
        query.addBindValue(RequestTable::nonNull(trimmed));
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<AuditEntry> entries;
    while (query.next())
        entries.append(entryFrom(query).entry);
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return entries;
}

Result<std::optional<HistoryBreak>> HistoryTable::verify(const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + entryColumns
                    + QStringLiteral(" FROM audit ORDER BY id")))
        return m_rows.failed(query, outcome);
    QString previousHash;
    while (query.next()) {
        const StoredEntry stored = entryFrom(query);
        const AuditEntry &entry = stored.entry;
        if (entry.prevHash != previousHash) {
            return std::optional<HistoryBreak>(HistoryBreak{
                entry.id,
                Store::tr("History entry %1 does not follow the entry before it: an entry was "
                          "removed or moved there with a tool other than FOI Desk. Restore the "
                          "log from a backup made before the change, or keep this copy as "
                          "evidence and ask whoever manages the log.")
                    .arg(entry.id)});
        }
        if (hashOfStored(entry, stored.atText) != entry.hash) {
            return std::optional<HistoryBreak>(HistoryBreak{
                entry.id,
                Store::tr("History entry %1 was changed after it was written: its content no "
                          "longer matches its hash. Restore the log from a backup made before "
                          "the change, or keep this copy as evidence and ask whoever manages "
                          "the log.")
                    .arg(entry.id)});
        }
        previousHash = entry.hash;
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return std::optional<HistoryBreak>();
}

Result<void> HistoryTable::chainExisting(const QSqlDatabase &db, const QString &outcome)
{
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT ") + entryColumns
                     + QStringLiteral(" FROM audit ORDER BY id")))
        return SqlErrors::fromSql(select.lastError(), db.databaseName(), outcome);
    // Collected first: rows are not updated while the same table is being stepped through.
    QList<StoredEntry> entries;
    while (select.next())
        entries.append(entryFrom(select));
    if (select.lastError().isValid())
        return SqlErrors::fromSql(select.lastError(), db.databaseName(), outcome);
    select.finish();

    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?"));
    QString previousHash;
    for (StoredEntry &stored : entries) {
        stored.entry.prevHash = previousHash;
        stored.entry.hash = hashOfStored(stored.entry, stored.atText);
        update.addBindValue(RequestTable::nonNull(stored.entry.prevHash));
        update.addBindValue(stored.entry.hash);
        update.addBindValue(stored.entry.id);
        if (!update.exec())
            return SqlErrors::fromSql(update.lastError(), db.databaseName(), outcome);
        previousHash = stored.entry.hash;
    }
    return {};
}

} // namespace foidesk
