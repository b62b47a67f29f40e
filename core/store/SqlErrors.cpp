#include "store/SqlErrors.h"

#include "store/Store.h"
#include <QCoreApplication>
#include <QDir>

namespace foidesk {

namespace {

// SQLite's primary result codes, from sqlite3.h; Qt reports them as text.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoError = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADatabase = 26;


QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString joined(const QString &outcome, const QString &cause)
{
    if (outcome.isEmpty())
        return cause;
    return outcome + u' ' + cause;
}

} // namespace

int SqlErrors::sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended codes (SQLITE_IOERR_WRITE = 778, ...) carry the primary code in their low byte.
    return ok ? (code & 0xff) : 0;
}

Error SqlErrors::fromSql(const QSqlError &error, const QString &path, const QString &outcome)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (sqliteCode(error)) {
    case SqliteFull:
        return Error(ErrorKind::DiskFull,
                     joined(outcome,
                            Store::tr("The disk holding %1 is full, so nothing was changed. Free some "
                               "space on that drive (or ask your IT team to), then try again.")
                                .arg(shown(path))));
    case SqliteReadOnly:
        return Error(
            ErrorKind::ReadOnly,
            joined(outcome, readOnly(path, Store::tr("the file or its folder is read-only")).message));
    case SqliteBusy:
    case SqliteLocked:
        return Error(ErrorKind::Io,
                     joined(outcome,
                            Store::tr("%1 was kept locked by another FOI Desk window or program for "
                               "more than five seconds, so nothing was changed. Wait a moment, "
                               "then try again.")
                                .arg(shown(path))));
    case SqliteIoError:
    case SqliteCantOpen:
        return Error(ErrorKind::Io,
                     joined(outcome,
                            Store::tr("%1 could not be read or written (%2), so nothing was changed. "
                               "Check that the drive or network folder is available, then try "
                               "again.")
                                .arg(shown(path), detail)));
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return Error(ErrorKind::Corrupt, joined(outcome, corrupt(path).message));
    default:
        break;
    }
    return Error(ErrorKind::Internal,
                 joined(outcome,
                        Store::tr("The database reported an unexpected error (%1) for %2. Please send "
                           "this message to your IT team.")
                            .arg(detail, shown(path))));
}

Error SqlErrors::readOnly(const QString &path, const QString &reason)
{
    return Error(ErrorKind::ReadOnly,
                 Store::tr("%1 cannot be written: %2. Ask your IT team for write access, or copy it "
                    "somewhere you can write and open that with --db.")
                     .arg(shown(path), reason));
}

Error SqlErrors::corrupt(const QString &path)
{
    return Error(ErrorKind::Corrupt,
                 Store::tr("%1 is not an FOI Desk log or is damaged. Restore it from a backup (File > "
                    "Restore from Backup) or open another file with --db.")
                     .arg(shown(path)));
}

Error SqlErrors::tooNew(const QString &path, int fileVersion, int latestVersion)
{
    return Error(ErrorKind::TooNew,
                 Store::tr("%1 was written by a newer version of FOI Desk (schema version %2; this "
                    "version reads up to %3), so it was not opened and has not been changed. "
                    "Open it with the newer FOI Desk, or ask your IT team to update this one.")
                     .arg(shown(path))
                     .arg(fileVersion)
                     .arg(latestVersion));
}

} // namespace foidesk
