#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace foidesk {

// The files of every log this process has open, and the one rule about them.
//
// SQLite on Linux and macOS keeps processes apart with POSIX advisory locks, and those belong
// to the process and the file, not to the descriptor that took them: closing ANY descriptor of
// the database file, or of its -shm index, silently drops every lock the process holds on it.
// SQLite goes on believing it holds them. The next program to open the log then finds the
// write-ahead log apparently abandoned, copies it into the database and deletes it, and from
// then on everything this process saves goes into a deleted file and is lost when it closes,
// taking the other program's changes with it. (SQLite's "How To Corrupt An SQLite Database
// File", section 2.2; Windows locks belong to the handle, so Windows is not affected.)
//
// The rule: while a log is open, nothing in FOI Desk opens its files except SQLite.
//  - Every place that opens a file a user or a command named (import, export, settings,
//    logos, restore, the release check's read-back) calls refuse() first; the checked writes
//    in release/ and the readers in exchange/ and profile/ do it for their callers.
//  - DatabaseProbe and Store::open read a file's raw header only when it is not open here.
//  - The window's file dialogs never read file contents to guess a type (ui/FileDialogs.h).
//  - Store checks before each write that it still holds the log (store/LogHold.h), and opens
//    it again, writing nothing, when it does not.
//
// Thread-safe: the bulk PDF export asks from several threads.
class LiveLogFiles
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LiveLogFiles)

public:
    // Store::open registers each log it opened and Store's destructor lets it go; a log opened
    // twice in one process stays registered until both are closed.
    static void add(const QString &databasePath);
    static void remove(const QString &databasePath);

    // The open log that path is, or whose working file it is (its -wal, -shm or -journal),
    // compared by name and by file identity (so a link or another spelling is caught). Empty
    // when path belongs to no open log.
    static QString owningLog(const QString &path);

    // BadInput when path belongs to an open log: outcome (what was not done, a whole sentence)
    // followed by why and what to do. Success otherwise. Call it before opening a file that
    // was named by a user or a command line.
    static Result<void> refuse(const QString &path, const QString &outcome);
};

} // namespace foidesk
