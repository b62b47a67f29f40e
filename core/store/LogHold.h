#pragma once

#include "util/FileIdentity.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace foidesk {

// Whether this process still holds its log the way SQLite believes it does: the guard that
// notices if the rule in util/LiveLogFiles.h was broken anyway (by a library, a plug-in, a
// file manager extension loaded into the process).
//
// Taken just after the store opened the log, it notes which files the log, its write-ahead log
// and its shared-memory index are. Before each write the store asks lost():
//  - everywhere but Windows: is each of them still the file on disk under its name? Another
//    program deletes the write-ahead log only when it believes no one else has the log open,
//    so a WAL that was deleted or replaced means our locks were gone, and anything written now
//    would go into a deleted file;
//  - on Linux also: does /proc/locks still show this process's lock on the log? That notices
//    the lost locks themselves, before any other program has acted on them. It is used only
//    when the lock was seen at the start, so an unusual file system that reports locks
//    differently can never block saving.
class LogHold
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LogHold)

public:
    // Notes the log at databasePath as it is now. walMode: the log uses a write-ahead log (a
    // connection in rollback-journal mode holds no lock between transactions).
    void take(const QString &databasePath, bool walMode);

    // Empty while the hold is intact; otherwise what went wrong, as a clause for a message
    // ("its write-ahead log was deleted by another program").
    QString lost() const;

    // Whether lost() also consults the operating system's lock table (Linux, WAL mode, and the
    // lock was visible when the hold was taken). For tests.
    bool checksLocks() const { return m_checkLocks; }

private:
    QString m_path;
    bool m_walMode = false;
    bool m_checkLocks = false;
    std::optional<FileIdentity> m_database;
    std::optional<FileIdentity> m_wal;
    std::optional<FileIdentity> m_index;
};

} // namespace foidesk
