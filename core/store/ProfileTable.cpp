#include "store/ProfileTable.h"

#include "store/RequestTable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace foidesk {

namespace {


} // namespace

ProfileTable::ProfileTable(const QSqlDatabase &db, const QString &path, RequestTable &rows)
    : m_db(db)
    , m_path(path)
    , m_rows(rows)
{}

Result<std::optional<OrganisationProfile>> ProfileTable::read() const
{
    const QString outcome = ProfileTable::tr("The organisation profile could not be read.");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT json FROM organisation_profile WHERE id = 1")))
        return m_rows.failed(query, outcome);
    if (!query.next()) {
        if (query.lastError().isValid())
            return m_rows.failed(query, outcome);
        return std::optional<OrganisationProfile>();
    }
    Result<OrganisationProfile> parsed = OrganisationProfile::parse(query.value(0).toByteArray());
    if (!parsed) {
        return Error(ErrorKind::Corrupt,
                     ProfileTable::tr("The organisation profile stored in %1 is damaged (%2). Import a saved "
                        "copy in Settings, or restore the log from a backup.")
                         .arg(QDir::toNativeSeparators(m_path), parsed.errorMessage()));
    }
    return std::optional<OrganisationProfile>(std::move(parsed).value());
}

Result<void> ProfileTable::write(const OrganisationProfile &profile, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO organisation_profile (id, json, updated_at) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at"));
    query.addBindValue(QString::fromUtf8(profile.serialize()));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

} // namespace foidesk
