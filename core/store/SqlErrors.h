#pragma once

#include "util/Result.h"

#include <QSqlError>
#include <QString>

namespace foidesk {

// Turns SQLite's errors into messages a user can act on. Each message starts with what did not
// happen (the caller's sentence) and goes on with why and what to do about it.
class SqlErrors
{
public:
    // SQLite's primary result code (13 for a full disk, 8 for read-only, ...), 0 when unknown.
    static int sqliteCode(const QSqlError &error);

    // An error for a failed statement on the log at path. outcome is a complete sentence saying
    // what was not done, e.g. "Request 6370952 was not saved."
    static Error fromSql(const QSqlError &error, const QString &path, const QString &outcome);

    // The file at path cannot be written; reason says why (no permission, read-only folder).
    static Error readOnly(const QString &path, const QString &reason);
    // The file at path is not an FOI Desk log, or is damaged.
    static Error corrupt(const QString &path);
    // The file at path was written by a newer FOI Desk.
    static Error tooNew(const QString &path, int fileVersion, int latestVersion);
};

} // namespace foidesk
