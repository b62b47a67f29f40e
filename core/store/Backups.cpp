#include "store/Backups.h"

#include "store/BackupFile.h"
#include "store/DatabaseProbe.h"
#include "store/Migrator.h"
#include "store/SqlErrors.h"
#include "store/Store.h"
#include "util/LiveLogFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace foidesk {

namespace {


QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString logName(const QString &databasePath)
{
    return QFileInfo(databasePath).completeBaseName();
}

const QRegularExpression &manualPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^.+-(\\d{4}-\\d{2}-\\d{2})-(\\d{6})\\.sqlite$"));
    return pattern;
}

const QRegularExpression &dailyPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^.+-daily-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$"));
    return pattern;
}

Result<void> makeFolder(const QString &folder, const QString &outcome)
{
    if (QDir().mkpath(folder))
        return {};
    return Error(ErrorKind::Io,
                 outcome + u' '
                     + Backups::tr("The backup folder %1 could not be created. Check that its drive is "
                          "available, or ask your IT team for write access to it.")
                           .arg(shown(folder)));
}

// Moves a database file and its write-ahead log together, so the moved copy keeps every
// committed change even if the program that wrote it stopped before checkpointing.
bool moveDatabase(const QString &from, const QString &to)
{
    if (!QFile::rename(from, to))
        return false;
    const QString wal = QStringLiteral("-wal");
    if (QFileInfo::exists(from + wal) && !QFile::rename(from + wal, to + wal)) {
        QFile::rename(to, from);
        return false;
    }
    // The shared-memory index is rebuilt from the log on the next open; a stale one is removed
    // so it can never be paired with the wrong file.
    QFile::remove(from + QStringLiteral("-shm"));
    return true;
}

QString uniqueKeepPath(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    const QString stem = info.absolutePath() + u'/' + info.completeBaseName()
                         + QStringLiteral(".before-restore-")
                         + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = stem + QStringLiteral(".sqlite");
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = stem + QStringLiteral("-%1.sqlite").arg(n);
    return candidate;
}

} // namespace

QString Backups::defaultFolder(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    return info.absolutePath() + u'/' + info.completeBaseName() + QStringLiteral("-backups");
}

Result<QString> Backups::backupNow(const Store &store, const QString &folder, const QDateTime &now)
{
    const QString outcome = Backups::tr("The backup was not made.");
    if (const Result<void> made = makeFolder(folder, outcome); !made)
        return made.error();
    const QString target = QDir(folder).absoluteFilePath(
        logName(store.path()) + u'-' + now.toString(QStringLiteral("yyyy-MM-dd-HHmmss"))
        + QStringLiteral(".sqlite"));
    const Result<void> written = store.backupTo(target);
    if (!written)
        return written.error();
    return target;
}

namespace {

// The daily backup, whichever connection writes it: write(target) makes the file.
Result<std::optional<QString>>
dailyBackup(const QString &databasePath,
            const QString &folder,
            const QDate &today,
            int keep,
            const std::function<Result<void>(const QString &)> &write)
{
    const QString outcome = Backups::tr("Today's automatic backup was not made.");
    if (const Result<void> made = makeFolder(folder, outcome); !made)
        return made.error();
    const QString name = logName(databasePath);
    const QString target = QDir(folder).absoluteFilePath(
        name + QStringLiteral("-daily-") + today.toString(Qt::ISODate) + QStringLiteral(".sqlite"));
    if (QFileInfo::exists(target))
        return std::optional<QString>();
    const Result<void> written = write(target);
    if (!written) {
        // Another FOI Desk starting on the same day may have made it meanwhile.
        if (written.errorKind() == ErrorKind::Conflict && QFileInfo::exists(target))
            return std::optional<QString>();
        return written.error();
    }

    // Keep the newest daily backups. A file that cannot be deleted now stays and is tried
    // again at the next daily backup; the new backup exists either way.
    QList<QDate> dailies;
    QHash<QDate, QString> paths;
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files);
    const QDateTime dayAgo = QDateTime::currentDateTime().addDays(-1);
    for (const QFileInfo &file : files) {
        // Only this log's files: another log's may share the folder.
        if (!file.fileName().startsWith(name + u'-'))
            continue;
        // A copy left unfinished by a program that stopped while writing it is not a backup;
        // one a day old is no longer being written by anyone.
        if (BackupFile::isPartialName(file.fileName())) {
            if (file.lastModified() < dayAgo)
                QFile::remove(file.absoluteFilePath());
            continue;
        }
        const QRegularExpressionMatch match = dailyPattern().match(file.fileName());
        if (!match.hasMatch() || !file.fileName().startsWith(name + QStringLiteral("-daily-")))
            continue;
        const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
        if (date.isValid()) {
            dailies.append(date);
            paths.insert(date, file.absoluteFilePath());
        }
    }
    std::sort(dailies.begin(), dailies.end(), std::greater<>());
    for (qsizetype i = qMax(1, keep); i < dailies.size(); ++i)
        QFile::remove(paths.value(dailies.at(i)));
    return std::optional<QString>(target);
}

} // namespace

Result<std::optional<QString>>
Backups::dailyBackupIfDue(const Store &store, const QString &folder, const QDate &today, int keep)
{
    return dailyBackup(store.path(), folder, today, keep, [&store](const QString &target) {
        return store.backupTo(target);
    });
}

Result<std::optional<QString>> Backups::dailyBackupOfFile(const QString &databasePath,
                                                          const QString &folder,
                                                          const QDate &today,
                                                          int keep)
{
    const QString log = QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
    return dailyBackup(log, folder, today, keep, [&log](const QString &target) {
        return BackupFile::writeFromFile(
            log,
            target,
            Backups::tr("The backup %1 was not written.").arg(QDir::toNativeSeparators(target)));
    });
}

QList<BackupInfo> Backups::list(const QString &folder)
{
    QList<BackupInfo> backups;
    const QFileInfoList files =
        QDir(folder).entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files);
    for (const QFileInfo &file : files) {
        BackupInfo backup;
        backup.path = file.absoluteFilePath();
        backup.size = file.size();
        const QRegularExpressionMatch daily = dailyPattern().match(file.fileName());
        const QRegularExpressionMatch manual = manualPattern().match(file.fileName());
        if (daily.hasMatch()) {
            const QDate date = QDate::fromString(daily.captured(1), Qt::ISODate);
            // The name holds the day only; the file's own time orders it within that day.
            const QDateTime modified = file.lastModified();
            backup.created = modified.date() == date ? modified : QDateTime(date, QTime(0, 0));
            backup.automatic = true;
        } else if (manual.hasMatch()) {
            backup.created = QDateTime::fromString(manual.captured(1) + manual.captured(2),
                                                   QStringLiteral("yyyy-MM-ddHHmmss"));
        }
        if (backup.created.isValid())
            backups.append(backup);
    }
    std::sort(backups.begin(), backups.end(), [](const BackupInfo &a, const BackupInfo &b) {
        if (a.created != b.created)
            return a.created > b.created;
        return a.path > b.path;
    });
    return backups;
}

Result<QString> Backups::restore(const QString &backupPath, const QString &databasePath)
{
    const QString backup = QDir::cleanPath(QFileInfo(backupPath).absoluteFilePath());
    const QString database = QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
    const QString outcome = Backups::tr("The log was not restored and has not been changed.");
    if (!QFileInfo(backup).isFile()) {
        return Error(
            ErrorKind::NotFound,
            outcome + u' '
                + Backups::tr("The backup %1 does not exist. Choose another backup.").arg(shown(backup)));
    }
    if (backup == database) {
        return Error(ErrorKind::BadInput,
                     outcome + u' '
                         + Backups::tr("%1 is the log itself, not a backup of it. Choose a file from "
                              "the backup folder.")
                               .arg(shown(backup)));
    }

    if (const Result<void> live = LiveLogFiles::refuse(backup, outcome); !live)
        return live.error();
    // The log itself must be closed here: the window lets go of it before restoring.
    if (!LiveLogFiles::owningLog(database).isEmpty()) {
        return Error(
            ErrorKind::Conflict,
            outcome + u' '
                + Backups::tr("%1 is still open in FOI Desk. Close it, then restore.").arg(shown(database)));
    }

    const DatabaseProbe::Report probe = DatabaseProbe::inspect(backup);
    switch (probe.state) {
    case DatabaseProbe::State::FoiDesk:
        break;
    case DatabaseProbe::State::TooNew:
        return SqlErrors::tooNew(backup, probe.userVersion, Migrator::latestVersion());
    case DatabaseProbe::State::Unreadable:
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + Backups::tr("The backup %1 could not be read (%2). Check that its drive is "
                              "available, then try again.")
                               .arg(shown(backup), probe.detail));
    case DatabaseProbe::State::Missing:
    case DatabaseProbe::State::Empty:
    case DatabaseProbe::State::OtherApplication:
    case DatabaseProbe::State::NotSqlite:
    case DatabaseProbe::State::Damaged:
        return Error(ErrorKind::Corrupt,
                     outcome + u' '
                         + Backups::tr("The backup %1 is damaged or is not a backup of an FOI Desk log. "
                              "Choose another backup.")
                               .arg(shown(backup)));
    }

    // Another program using the log would go on writing to the file moved aside, and its work
    // would be missing from the restored log.
    const Result<bool> inUse = DatabaseProbe::isInUse(database);
    if (inUse && *inUse) {
        return Error(ErrorKind::Conflict,
                     outcome + u' '
                         + Backups::tr("%1 is open in another FOI Desk window or command, on this "
                              "computer or another one. Close it there, then restore.")
                               .arg(shown(database)));
    }

    // Copy the backup beside the log first: a copy that fails midway (a full disk, a network
    // drive gone) then leaves the log exactly as it was.
    const QString folder = QFileInfo(database).absolutePath();
    if (const Result<void> made = makeFolder(folder, outcome); !made)
        return made.error();
    const QString incoming = database + QStringLiteral(".restoring");
    QFile::remove(incoming);
    QFile source(backup);
    if (!source.copy(incoming)) {
        QFile::remove(incoming);
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + Backups::tr("The backup could not be copied into %1 (%2). Check that there is "
                              "enough free space there and that you may write to it.")
                               .arg(shown(folder), source.errorString()));
    }
    QFile::setPermissions(incoming,
                          QFile::permissions(incoming) | QFile::WriteOwner | QFile::WriteUser);

    QString kept;
    if (QFileInfo::exists(database)) {
        kept = uniqueKeepPath(database);
        if (!moveDatabase(database, kept)) {
            QFile::remove(incoming);
            return Error(ErrorKind::Io,
                         outcome + u' '
                             + Backups::tr("%1 could not be moved aside. Close FOI Desk everywhere it "
                                  "has this log open, then try again.")
                                   .arg(shown(database)));
        }
    } else {
        QFile::remove(database + QStringLiteral("-wal"));
        QFile::remove(database + QStringLiteral("-shm"));
    }
    if (!QFile::rename(incoming, database)) {
        if (!kept.isEmpty())
            moveDatabase(kept, database);
        QFile::remove(incoming);
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + Backups::tr("The restored copy could not be put in place of %1. Close FOI "
                              "Desk everywhere it has this log open, then try again.")
                               .arg(shown(database)));
    }

    // Opening brings an older backup's schema up to date and notes the restore in the trail.
    Result<std::unique_ptr<Store>> opened = Store::open(database);
    Result<void> noted = opened ? (*opened)->recordRestore(backup) : Result<void>(opened.error());
    if (opened)
        opened.value().reset();
    if (!noted) {
        QFile::remove(database);
        QFile::remove(database + QStringLiteral("-wal"));
        QFile::remove(database + QStringLiteral("-shm"));
        if (!kept.isEmpty())
            moveDatabase(kept, database);
        return Error(noted.errorKind(),
                     Backups::tr("The restored log could not be opened, so the log was put back as it "
                        "was. %1")
                         .arg(noted.errorMessage()));
    }
    return kept;
}

} // namespace foidesk
