#pragma once

#include "store/LogHold.h"
#include "util/Result.h"

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace foidesk {

// A store's connection to its log file: how it is opened (looked at first, the version
// checked before anything is written, WAL, foreign keys, the busy timeout, the migrations),
// registered as a live log (util/LiveLogFiles.h), and opened again when the process lost its
// hold on the file (store/LogHold.h).
class LogConnection
{
public:
    // Checks the path before anything opens it: not empty, not a folder, its folder creatable
    // and writable, the file an FOI Desk log of a version this build reads (probed at
    // probeDepth, a DatabaseProbe::Depth), and writable. Returns the absolute path. BadInput,
    // Io, ReadOnly, Corrupt or TooNew otherwise, each with a message saying what to do.
    static Result<QString> checkFile(const QString &path, int probeDepth);

    explicit LogConnection(QString path);
    ~LogConnection();
    LogConnection(const LogConnection &) = delete;
    LogConnection &operator=(const LogConnection &) = delete;

    // Opens the connection and brings the schema up to date; registers the log as live.
    Result<void> open();

    // Called before every write: success while this process still holds the log. Otherwise
    // the connection is closed and opened afresh, nothing is written, and the error says so
    // (Reopened; Io when it could not be opened again).
    Result<void> checkHold(const QString &outcome);

    const QString &path() const { return m_path; }

    // The connection itself; the tables refer to it.
    QSqlDatabase db;

private:
    Result<void> connect();
    Error failed(const QSqlQuery &query, const QString &outcome) const;

    QString m_path;
    QString m_connectionName;
    LogHold m_hold;
    bool m_registered = false;
};

} // namespace foidesk
