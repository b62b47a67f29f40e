#pragma once

#include "profile/OrganisationProfile.h"
#include "util/Result.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace foidesk {

class RequestTable;

// The SQL of the organisation_profile table: the authority's profile as one JSON document.
// Like RequestTable, it only reads and writes rows inside the Store's transaction.
class ProfileTable
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ProfileTable)

public:
    ProfileTable(const QSqlDatabase &db, const QString &path, RequestTable &rows);

    // The stored profile, or std::nullopt when none has been saved. Corrupt when the stored
    // JSON no longer parses (edited outside FOI Desk).
    Result<std::optional<OrganisationProfile>> read() const;

    // Replaces the stored profile. The caller validates and holds the transaction.
    Result<void> write(const OrganisationProfile &profile, const QString &outcome);

private:
    const QSqlDatabase &m_db;
    const QString &m_path;
    RequestTable &m_rows;
};

} // namespace foidesk
