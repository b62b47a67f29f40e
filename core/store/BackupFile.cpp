#include "store/BackupFile.h"

#include "store/SqlErrors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace foidesk {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("foidesk-backup-%1").arg(++counter);
}

} // namespace

QString BackupFile::partialName(const QString &target)
{
    return target + u'.' + QString::number(QCoreApplication::applicationPid())
           + QStringLiteral(".part");
}

bool BackupFile::isPartialName(const QString &fileName)
{
    return fileName.endsWith(QStringLiteral(".part"));
}

Result<void> BackupFile::write(const QSqlDatabase &db,
                               const QString &databasePath,
                               const QString &target,
                               const QString &outcome)
{
    if (QFileInfo::exists(target)) {
        return Error(ErrorKind::Conflict,
                     tr("%1 already exists, so the backup was not written over it. Choose "
                        "another name or folder.")
                         .arg(shown(target)));
    }
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + tr("The folder %1 could not be created. Check the path, or ask your "
                              "IT team for write access to it.")
                               .arg(shown(folder)));
    }
    const QString partial = partialName(target);
    // Left by a run of this process id that stopped midway; never a finished backup.
    QFile::remove(partial);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(partial);
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        query.finish();
        QFile::remove(partial);
        return SqlErrors::fromSql(error, databasePath, outcome);
    }
    query.finish();
    QFile written(partial);
    if (!written.rename(target)) {
        QFile::remove(partial);
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + tr("The finished copy could not be named %1 (%2). Check that you may "
                              "write to %3.")
                               .arg(shown(target), written.errorString(), shown(folder)));
    }
    return {};
}

Result<void> BackupFile::writeFromFile(const QString &databasePath,
                                       const QString &target,
                                       const QString &outcome)
{
    const QString name = nextConnectionName();
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        // Read-only: this connection must never write, checkpoint or change the journal mode
        // of a log that the window has open.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            result = SqlErrors::fromSql(db.lastError(), databasePath, outcome);
        else
            result = write(db, databasePath, target, outcome);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace foidesk
