#pragma once

#include "util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace foidesk {

// Forward-only schema migrations, kept as ordered SQL files in resources/sql
// (001_name.sql, 002_name.sql, ...) and compiled in as :/sql/. The schema version of a file is
// its PRAGMA user_version; each migration runs in its own transaction and sets the version in
// that same transaction, so a failure midway leaves the file exactly at the previous version.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::Migrator)

public:
    // Stored in PRAGMA application_id by every migration: what tells an FOI Desk log apart from
    // some other program's SQLite file. The bytes spell "FOID".
    static constexpr qint32 ApplicationId = 0x464F4944;
    // The migration after whose statements the existing history entries are hash-chained
    // (HistoryTable::chainExisting), in the same transaction.
    static constexpr int HistoryChainVersion = 7;

    struct Migration
    {
        int version = 0;
        QString name; // the file name, for messages
        QString sql;
    };

    // The migrations built in, in order. Their numbers run 1, 2, 3... without gaps; a build
    // where they do not is broken, which the tests catch.
    static const QList<Migration> &migrations();
    static int latestVersion();

    // Splits a migration into single statements, since Qt runs one statement per exec().
    // Semicolons inside quotes, comments and a trigger's BEGIN ... END body do not split.
    static QStringList splitStatements(const QString &sql);

    // The file's PRAGMA user_version. Fails (Corrupt, Io...) when it cannot be read.
    static Result<int> userVersion(const QSqlDatabase &db);

    // Brings db up to targetVersion, one migration per transaction. Fails with TooNew when the
    // file is already newer than this build, BadInput when targetVersion is not a version this
    // build has, and otherwise with the error of the first migration that failed (rolled back;
    // the migrations before it stay applied).
    static Result<void> migrate(const QSqlDatabase &db, int targetVersion);

    // Runs sql as the migration to version, in one transaction: every statement, then the
    // application id and the new user_version. Does nothing when the file is already at version
    // or later (another process got there first); BadInput when the file is not at version - 1.
    // On the first failing statement it rolls back and returns that error.
    static Result<void> apply(const QSqlDatabase &db, int version, const QString &sql);
};

} // namespace foidesk
