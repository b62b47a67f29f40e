#include "store/LogLocation.h"

#include "store/Backups.h"
#include "store/DatabaseProbe.h"
#include "util/LiveLogFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <filesystem>
#include <system_error>

namespace foidesk {

namespace {

const QString LogFileName = QStringLiteral("foidesk.sqlite");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

std::filesystem::path fsPath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

// A rename only: std::filesystem::rename never falls back to copying (QFile::rename does,
// without checking the copy), and fails across drives.
bool renameOnly(const QString &from, const QString &to, QString *why)
{
    std::error_code error;
    std::filesystem::rename(fsPath(from), fsPath(to), error);
    if (error && why)
        *why = QString::fromStdString(error.message());
    return !error;
}

QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return hash.addData(&file) ? hash.result() : QByteArray();
}

// Moves one file, never over an existing one: a rename, or a copy that is checked byte for
// byte before the original is removed. On failure the file is where it was and nothing is
// left at to; why says what went wrong.
bool moveFile(const QString &from, const QString &to, QString *why)
{
    if (QFileInfo::exists(to)) {
        *why = LogLocation::tr("%1 already exists").arg(shown(to));
        return false;
    }
    QString renameError;
    if (renameOnly(from, to, &renameError))
        return true;

    const QString partial = to + QStringLiteral(".moving");
    QFile::remove(partial);
    QFile source(from);
    if (!source.copy(partial)) {
        QFile::remove(partial);
        *why = LogLocation::tr("%1 could not be copied to %2 (%3)")
                   .arg(shown(from), shown(to), source.errorString());
        return false;
    }
    const QByteArray original = sha256(from);
    if (original.isEmpty() || original != sha256(partial)) {
        QFile::remove(partial);
        *why = LogLocation::tr("the copy of %1 at %2 did not match the original")
                   .arg(shown(from), shown(to));
        return false;
    }
    if (QFileInfo::exists(to) || !renameOnly(partial, to, why)) {
        QFile::remove(partial);
        if (why->isEmpty())
            *why = LogLocation::tr("%1 already exists").arg(shown(to));
        return false;
    }
    if (!QFile::remove(from)) {
        QFile::remove(to);
        *why = LogLocation::tr("%1 could not be removed after it was copied").arg(shown(from));
        return false;
    }
    return true;
}

// SQLite's files that hold part of the log's content, besides the log itself. The -shm index
// holds none: SQLite rebuilds it from the write-ahead log.
constexpr const char *ContentSuffixes[] = {"-wal", "-journal"};

bool anyLogFileExists(const QString &path)
{
    if (QFileInfo::exists(path))
        return true;
    for (const char *suffix : ContentSuffixes) {
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            return true;
    }
    return false;
}

// Moves each file of folder `from` into `to` (made when missing), never over a file already
// there; a file whose name is taken stays where it is. Returns the files moved and left.
QPair<int, int> moveFolderFiles(const QString &from, const QString &to, const QString &pattern)
{
    int moved = 0;
    int left = 0;
    const QFileInfoList files = QDir(from).entryInfoList(
        pattern.isEmpty() ? QStringList() : QStringList{pattern}, QDir::Files | QDir::Hidden);
    if (files.isEmpty())
        return {0, 0};
    QDir().mkpath(to);
    for (const QFileInfo &file : files) {
        QString why;
        if (moveFile(file.absoluteFilePath(), QDir(to).filePath(file.fileName()), &why))
            ++moved;
        else
            ++left;
    }
    return {moved, left};
}

} // namespace

QString LogLocation::defaultPath()
{
    const QString appData =
        QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QString organisation = QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName();
    // AppDataLocation ends in "<organisation>/<application>"; one folder is enough.
    const QString twice = u'/' + organisation + u'/' + application;
    if (!organisation.isEmpty() && appData.endsWith(twice)) {
        return appData.left(appData.size() - twice.size()) + u'/' + application + u'/'
               + LogFileName;
    }
    return appData + u'/' + LogFileName;
}

QString LogLocation::legacyPath()
{
    const QString legacy =
        QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)) + u'/'
        + LogFileName;
    return legacy == defaultPath() ? QString() : legacy;
}

QString LogLocation::pathToUse()
{
    const QString current = defaultPath();
    const QString legacy = legacyPath();
    if (!legacy.isEmpty() && !anyLogFileExists(current) && QFileInfo(legacy).isFile())
        return legacy;
    return current;
}

LogLocation::Move LogLocation::moveLegacyLog()
{
    const QString legacy = legacyPath();
    if (legacy.isEmpty()) {
        Move move;
        move.path = defaultPath();
        return move;
    }
    return moveLog(legacy, defaultPath());
}

LogLocation::Move LogLocation::moveLog(const QString &fromPath, const QString &toPath)
{
    const QString from = QDir::cleanPath(QFileInfo(fromPath).absoluteFilePath());
    const QString to = QDir::cleanPath(QFileInfo(toPath).absoluteFilePath());
    Move move;
    move.path = to;
    if (from == to || !QFileInfo(from).isFile())
        return move;

    if (anyLogFileExists(to)) {
        move.outcome = Move::Outcome::BothExist;
        move.message = tr("An older log is still at %1. It was not moved, so that neither log "
                          "is overwritten; to open it, start FOI Desk with --db and its path.")
                           .arg(shown(from));
        return move;
    }

    const auto keep = [&](const QString &why) {
        move.outcome = Move::Outcome::Kept;
        move.path = from;
        move.message = tr("Your log was not moved into FOI Desk's own folder: %1. It is used "
                          "where it is, shown on the right; FOI Desk will try again next time.")
                           .arg(why);
        return move;
    };

    const QString folder = QFileInfo(to).absolutePath();
    if (!QDir().mkpath(folder))
        return keep(tr("the folder %1 could not be created").arg(shown(folder)));

    // Moving a log someone has open would leave them writing to a file that is gone. (Asking
    // SQLite may copy the write-ahead log into the log, as closing it does: nothing is lost.)
    if (!LiveLogFiles::owningLog(from).isEmpty())
        return keep(tr("it is open in this FOI Desk"));
    const Result<bool> inUse = DatabaseProbe::isInUse(from);
    if (!inUse)
        return keep(tr("it could not be looked at (%1)").arg(inUse.errorMessage()));
    if (*inUse)
        return keep(tr("it is open in another FOI Desk window or command"));

    // The write-ahead log first and the log last, each undone if a later one fails, so that
    // the log is never apart from the changes its write-ahead log still holds.
    QStringList suffixes;
    for (const char *suffix : ContentSuffixes) {
        if (QFileInfo::exists(from + QLatin1String(suffix)))
            suffixes.append(QLatin1String(suffix));
    }
    suffixes.append(QString());
    QStringList done;
    for (const QString &suffix : std::as_const(suffixes)) {
        QString why;
        if (!moveFile(from + suffix, to + suffix, &why)) {
            for (const QString &back : std::as_const(done)) {
                QString ignored;
                moveFile(to + back, from + back, &ignored);
            }
            return keep(why);
        }
        done.append(suffix);
    }
    QFile::remove(from + QStringLiteral("-shm"));

    // The backups beside the log, and the logs a restore kept beside it, follow it.
    const QString oldBackups = Backups::defaultFolder(from);
    const QString newBackups = Backups::defaultFolder(to);
    if (QFileInfo(oldBackups).isDir()) {
        const int count = int(QDir(oldBackups).entryList(QDir::Files | QDir::Hidden).size());
        if (!QFileInfo::exists(newBackups) && renameOnly(oldBackups, newBackups, nullptr)) {
            move.backupsMoved = count;
        } else {
            const QPair<int, int> files = moveFolderFiles(oldBackups, newBackups, QString());
            move.backupsMoved = files.first;
            move.backupsLeft = files.second;
            QDir().rmdir(oldBackups);
        }
    }
    const QString fromFolder = QFileInfo(from).absolutePath();
    const QPair<int, int> kept =
        moveFolderFiles(fromFolder,
                        folder,
                        QFileInfo(from).completeBaseName() + QStringLiteral(".before-restore-*"));
    move.backupsLeft += kept.second;
    // The old folder goes when nothing else is in it.
    QDir().rmdir(fromFolder);

    move.outcome = Move::Outcome::Moved;
    move.message = move.backupsMoved > 0
                       ? tr("Your log and its backups were moved into FOI Desk's own folder, "
                            "shown on the right.")
                       : tr("Your log was moved into FOI Desk's own folder, shown on the right.");
    if (move.backupsLeft > 0) {
        move.message += u' '
                        + tr("%n backup(s) stayed in %1, as the new folder has a file of the same "
                             "name.",
                             nullptr,
                             move.backupsLeft)
                              .arg(shown(fromFolder));
    }
    return move;
}

} // namespace foidesk
