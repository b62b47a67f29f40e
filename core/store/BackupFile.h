#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

// How a backup file comes into being, for every backup FOI Desk makes (Back Up Now, the daily
// backup, the one made on its own connection after the window opened).
//
// SQLite's VACUUM INTO writes a consistent copy of the log, but it writes it page by page; a
// program that stops in the middle (closed, killed, the computer switched off) would leave a
// file that looks like a backup and is not one. So the copy is written under a temporary name
// ("<target>.<process id>.part", which no backup listing matches) and renamed to its final name
// only when it is complete.
class BackupFile
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::BackupFile)

public:
    // Writes the database of connection db to target through a temporary file. databasePath is
    // the log's path, for messages. Conflict (nothing written) when target exists; Io or
    // DiskFull, with the temporary file removed, when the copy or the rename fails. outcome
    // starts each error message.
    static Result<void> write(const QSqlDatabase &db,
                              const QString &databasePath,
                              const QString &target,
                              const QString &outcome);

    // Opens a read-only connection of its own to the log at databasePath (on the calling
    // thread), writes the backup as write() does and closes the connection. For a backup made
    // on a worker thread while the window goes on reading and writing the log on its own
    // connection: in WAL mode neither waits for the other.
    static Result<void>
    writeFromFile(const QString &databasePath, const QString &target, const QString &outcome);

    // The temporary name write() uses for target in this process.
    static QString partialName(const QString &target);
    // Whether fileName is such a temporary name (of any process).
    static bool isPartialName(const QString &fileName);
};

} // namespace foidesk
