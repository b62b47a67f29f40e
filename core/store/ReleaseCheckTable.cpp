#include "store/ReleaseCheckTable.h"

#include "store/RequestTable.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSqlError>
#include <QSqlQuery>

namespace foidesk {

namespace {


QString findingsToJson(const QList<LeakFinding> &findings)
{
    QJsonArray array;
    for (const LeakFinding &finding : findings) {
        array.append(QJsonObject{{QStringLiteral("withheld"), finding.withheld},
                                 {QStringLiteral("where"), finding.where}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The findings of a stored check. When they cannot be read the check is made to fail: a row
// damaged outside FOI Desk must never read back as a pass.
void readFindings(const QString &json, ReleaseCheckResult *result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        result->findings.clear();
        result->error = Store::tr("The findings of this release check could not be read back from the "
                           "log. Export the letter again to check it afresh.");
        return;
    }
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        LeakFinding finding;
        finding.withheld = object.value(QStringLiteral("withheld")).toString();
        finding.where = object.value(QStringLiteral("where")).toString();
        result->findings.append(finding);
    }
}

} // namespace

ReleaseCheckTable::ReleaseCheckTable(const QSqlDatabase &db, RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

Result<void> ReleaseCheckTable::append(qint64 requestId,
                                 const ReleaseCheckResult &result,
                                 const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO release_checks (request_id, checked_at, file, file_sha256, fingerprint, "
        "withheld_count, pages_read, findings, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QDateTime at =
        result.checkedAt.isValid() ? result.checkedAt.toUTC() : QDateTime::currentDateTimeUtc();
    query.addBindValue(requestId);
    query.addBindValue(at.toString(Qt::ISODateWithMs));
    query.addBindValue(RequestTable::nonNull(result.file));
    query.addBindValue(RequestTable::nonNull(QString::fromLatin1(result.fileSha256)));
    query.addBindValue(RequestTable::nonNull(QString::fromLatin1(result.fingerprint)));
    query.addBindValue(result.withheldCount);
    query.addBindValue(result.pagesRead);
    query.addBindValue(findingsToJson(result.findings));
    query.addBindValue(RequestTable::nonNull(result.error));
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

Result<QList<ReleaseCheckResult>>
ReleaseCheckTable::read(qint64 requestId, int limit, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // Ordered by id, not by checked_at: rows are only added, and the clock of another
    // computer writing to the same log may be wrong.
    query.prepare(QStringLiteral(
        "SELECT checked_at, file, file_sha256, fingerprint, withheld_count, pages_read, "
        "findings, error FROM release_checks WHERE request_id = ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(requestId);
    query.addBindValue(limit < 0 ? -1 : limit);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<ReleaseCheckResult> checks;
    while (query.next()) {
        ReleaseCheckResult result;
        result.checkedAt =
            QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs).toUTC();
        result.file = query.value(1).toString();
        result.fileSha256 = query.value(2).toString().toLatin1();
        result.fingerprint = query.value(3).toString().toLatin1();
        result.withheldCount = query.value(4).toInt();
        result.pagesRead = query.value(5).toInt();
        result.error = query.value(7).toString();
        readFindings(query.value(6).toString(), &result);
        checks.append(result);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return checks;
}

} // namespace foidesk
