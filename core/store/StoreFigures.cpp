// The Store's reads for the figures of stats/: counts grouped in SQL for the dashboard, and the
// requests of a quarter read in bulk.

#include "model/RequestEnums.h"
#include "store/Store.h"
#include "store/StorePrivate.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace foidesk {

namespace {

// "?, ?, ?" and the codes of the statuses that pass keep.
template <typename Keep> QPair<QString, QVariantList> statusList(Keep keep)
{
    QStringList marks;
    QVariantList codes;
    for (RequestStatus status : allStatuses()) {
        if (keep(status)) {
            marks.append(QStringLiteral("?"));
            codes.append(statusCode(status));
        }
    }
    return {marks.join(QStringLiteral(", ")), codes};
}

} // namespace

Result<RequestTallies> Store::requestTallies(const QDate &answeredFrom,
                                             const QDate &answeredTo) const
{
    const QString outcome =
        tr("The figures of the log %1 could not be counted.").arg(QDir::toNativeSeparators(m_path));
    RequestTallies tallies;

    QSqlQuery byStatus(d->db);
    byStatus.setForwardOnly(true);
    if (!byStatus.exec(QStringLiteral("SELECT status, count(*) FROM requests GROUP BY status")))
        return d->rows.failed(byStatus, outcome);
    while (byStatus.next()) {
        // A code this build does not know (written by a newer one) is left out.
        if (const auto status = statusFromCode(byStatus.value(0).toString()))
            tallies.byStatus.append({*status, byStatus.value(1).toInt()});
    }
    if (byStatus.lastError().isValid())
        return d->rows.failed(byStatus, outcome);
    byStatus.finish();

    const auto open = statusList(isOpenStatus);
    QSqlQuery byOfficer(d->db);
    byOfficer.setForwardOnly(true);
    // No officer may be stored as NULL or as blanks: both are "no officer", as in the list's
    // officer filter (RequestTable::filter).
    byOfficer.prepare(QStringLiteral("SELECT min(coalesce(trim(officer), '')), count(*) FROM "
                                     "requests WHERE status IN (")
                      + open.first
                      + QStringLiteral(") GROUP BY coalesce(trim(officer), '') COLLATE NOCASE"));
    for (const QVariant &code : open.second)
        byOfficer.addBindValue(code);
    if (!byOfficer.exec())
        return d->rows.failed(byOfficer, outcome);
    while (byOfficer.next())
        tallies.openByOfficer.append({byOfficer.value(0).toString(), byOfficer.value(1).toInt()});
    if (byOfficer.lastError().isValid())
        return d->rows.failed(byOfficer, outcome);
    byOfficer.finish();

    // Dates are ISO text, so comparing the text compares the days.
    const auto answered = statusList([](RequestStatus status) {
        return status == RequestStatus::Sent || status == RequestStatus::Closed;
    });
    QSqlQuery byMonth(d->db);
    byMonth.setForwardOnly(true);
    byMonth.prepare(
        QStringLiteral(
            "SELECT substr(answered, 1, 7), count(*), "
            "sum(due IS NOT NULL AND answered <= due), sum(due IS NOT NULL AND answered > due), "
            "sum(due IS NULL) FROM (SELECT coalesce(nullif(response_sent, ''), "
            "nullif(letter_date, '')) AS answered, nullif(due_date, '') AS due FROM requests "
            "WHERE status IN (")
        + answered.first
        + QStringLiteral(")) WHERE answered >= ? AND answered <= ? GROUP BY 1 ORDER BY 1"));
    for (const QVariant &code : answered.second)
        byMonth.addBindValue(code);
    byMonth.addBindValue(RequestTable::dateValue(answeredFrom));
    byMonth.addBindValue(RequestTable::dateValue(answeredTo));
    if (!byMonth.exec())
        return d->rows.failed(byMonth, outcome);
    while (byMonth.next()) {
        RequestTallies::Month month;
        month.first =
            QDate::fromString(byMonth.value(0).toString() + QStringLiteral("-01"), Qt::ISODate);
        if (!month.first.isValid())
            continue;
        month.answered = byMonth.value(1).toInt();
        month.inTime = byMonth.value(2).toInt();
        month.late = byMonth.value(3).toInt();
        month.unknown = byMonth.value(4).toInt();
        tallies.answeredByMonth.append(month);
    }
    if (byMonth.lastError().isValid())
        return d->rows.failed(byMonth, outcome);
    return tallies;
}

Result<QList<Request>> Store::requestsReceivedBetween(const QDate &first, const QDate &last) const
{
    return d->rows.readReceivedBetween(
        first,
        last,
        tr("The requests received from %1 to %2 could not be read from %3.")
            .arg(first.toString(Qt::ISODate),
                 last.toString(Qt::ISODate),
                 QDir::toNativeSeparators(m_path)));
}

} // namespace foidesk
