#include "store/HistoryTable.h"

#include "store/RequestTable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace foidesk {

HistoryTable::HistoryTable(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

Result<void> HistoryTable::append(const QString &action,
                                  const QString &reference,
                                  int revision,
                                  const QString &detail,
                                  const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO audit (at, action, reference, revision, detail) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    query.addBindValue(RequestTable::nonNull(action));
    query.addBindValue(RequestTable::nonNull(reference));
    query.addBindValue(revision);
    query.addBindValue(RequestTable::nonNull(detail));
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
        QStringLiteral("SELECT id, at, action, reference, revision, detail FROM audit")
        + (trimmed.isEmpty() ? QString() : QStringLiteral(" WHERE reference = ? COLLATE NOCASE"))
        + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    if (!trimmed.isEmpty())
        query.addBindValue(RequestTable::nonNull(trimmed));
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
        entry.action = query.value(2).toString();
        entry.reference = query.value(3).toString();
        entry.revision = query.value(4).toInt();
        entry.detail = query.value(5).toString();
        entries.append(entry);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return entries;
}

} // namespace foidesk
