#pragma once

#include "util/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace foidesk {

class Store;

struct BackupInfo
{
    QString path;
    QDateTime created; // local time, from the file name
    qint64 size = 0;
    bool automatic = false; // made by the daily backup, not by Back Up Now
};

// Backups of a log: copies made with VACUUM INTO into a folder beside it.
class Backups
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::Backups)

public:
    static constexpr int DefaultDailyKeep = 14;

    // <folder of the log>/<log file name without suffix>-backups
    static QString defaultFolder(const QString &databasePath);

    // Backs the log up now, to "<folder>/<name>-YYYY-MM-DD-HHMMSS.sqlite". Returns the path.
    static Result<QString> backupNow(const Store &store, const QString &folder,
                                     const QDateTime &now = QDateTime::currentDateTime());

    // The first start of each day makes "<folder>/<name>-daily-YYYY-MM-DD.sqlite" and keeps the
    // newest `keep` daily backups, deleting older daily ones (never the Back Up Now ones).
    // Returns the new backup's path, or std::nullopt when today's already exists.
    static Result<std::optional<QString>> dailyBackupIfDue(const Store &store,
                                                           const QString &folder,
                                                           const QDate &today
                                                           = QDate::currentDate(),
                                                           int keep = DefaultDailyKeep);
    // The same for the log at databasePath, read on a connection of its own opened on the
    // calling thread (store/BackupFile.h): what the window runs on a worker thread after it has
    // opened, so that the backup neither delays the window nor stops anyone typing.
    static Result<std::optional<QString>> dailyBackupOfFile(const QString &databasePath,
                                                            const QString &folder,
                                                            const QDate &today,
                                                            int keep = DefaultDailyKeep);

    // The backups in folder, newest first.
    static QList<BackupInfo> list(const QString &folder);

    // Replaces the log at databasePath with the backup. The log must not be open. The backup is
    // checked first (Corrupt / TooNew refuse it); the replaced log is kept beside it as
    // "<name>.before-restore-YYYYMMDD-HHMMSS.sqlite" and that path is returned.
    static Result<QString> restore(const QString &backupPath, const QString &databasePath);
};

} // namespace foidesk
