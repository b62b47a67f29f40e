#include "store/LogHold.h"

#include <QCoreApplication>
#include <QFile>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

namespace foidesk {

namespace {

#if defined(Q_OS_LINUX)
// Whether /proc/locks lists a lock held (not merely waited for) by this process on a file with
// this inode number. Lines look like "1: POSIX  ADVISORY  READ 5464 fe:00:10952828 128 128";
// a waiter's line has "->" after the number. Only the inode is compared: the device is printed
// differently from stat()'s on some file systems (btrfs subvolumes, overlays).
bool holdsLockOn(quint64 inode)
{
    QFile table(QStringLiteral("/proc/locks"));
    if (!table.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    const QByteArray inodeText = QByteArray::number(inode);
    const QList<QByteArray> lines = table.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 6 || fields.at(1) == "->")
            continue;
        if (fields.at(4) != pid)
            continue;
        const QByteArray &where = fields.at(5); // major:minor:inode
        if (where.mid(where.lastIndexOf(':') + 1) == inodeText)
            return true;
    }
    return false;
}
#endif

} // namespace

void LogHold::take(const QString &databasePath, bool walMode)
{
    m_path = databasePath;
    m_walMode = walMode;
    m_database = FileIdentity::of(databasePath);
    m_wal = walMode ? FileIdentity::of(databasePath + QStringLiteral("-wal")) : std::nullopt;
    m_index = walMode ? FileIdentity::of(databasePath + QStringLiteral("-shm")) : std::nullopt;
    m_checkLocks = false;
#if defined(Q_OS_LINUX)
    m_checkLocks = walMode && m_database && m_index && holdsLockOn(m_database->file)
                   && holdsLockOn(m_index->file);
#endif
}

QString LogHold::lost() const
{
#if defined(Q_OS_WIN)
    // A Windows lock is the handle's, and an open file cannot be deleted under SQLite (it
    // does not share delete access), so nothing here can be lost behind SQLite's back.
    return {};
#else
    if (m_path.isEmpty())
        return {};
    if (m_database && FileIdentity::of(m_path) != m_database)
        return LogHold::tr("the log file was replaced or removed by another program");
    if (m_wal && FileIdentity::of(m_path + QStringLiteral("-wal")) != m_wal)
        return LogHold::tr("its write-ahead log (%1-wal) was deleted by another program")
            .arg(m_path.section(u'/', -1));
    if (m_index && FileIdentity::of(m_path + QStringLiteral("-shm")) != m_index)
        return LogHold::tr("its shared index (%1-shm) was deleted by another program")
            .arg(m_path.section(u'/', -1));
#if defined(Q_OS_LINUX)
    if (m_checkLocks && (!holdsLockOn(m_database->file) || !holdsLockOn(m_index->file)))
        return LogHold::tr(
            "this program's lock on it was released by something that opened the file "
            "outside the database engine");
#endif
    return {};
#endif
}

} // namespace foidesk
