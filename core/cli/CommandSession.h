#pragma once

#include "model/Request.h"
#include "store/Store.h"
#include "util/Result.h"

#include <QDate>
#include <QString>
#include <QTextStream>
#include <memory>
#include <optional>

namespace foidesk {

// What the commands of one command-line run share: the two output streams, today's date, the
// log chosen with --db, and the one way errors are reported. Every command reports through it,
// so that scripts see the same one-line errors and exit codes whichever command they ran.
class CommandSession
{
public:
    CommandSession(QTextStream &out, QTextStream &err, const QDate &today);

    QTextStream &out() const { return m_out; }
    QTextStream &err() const { return m_err; }
    QDate today() const { return m_today; }

    // path is the log named with --db (given is true) or the default log.
    void setDatabase(const QString &path, bool given);
    QString database() const { return m_database; }

    // The login given with --user; empty for the default (the register entry matching the
    // operating-system account, or the account name itself).
    void setUser(const QString &login) { m_user = login; }
    QString user() const { return m_user; }
    // Makes the --user login the store's current user. A login the staff register does not
    // have is refused (BadInput, printed, false) when the register has any logins at all; a
    // log without a register records the name as given.
    bool applyUser(Store &store, int *exitCode);

    // Prints the problem, the command's usage line and where to find more; returns
    // CommandLine::UsageError.
    int usageError(const QString &command, const QString &problem);

    // Prints the error's message on one line; returns the exit code for its kind.
    int fail(const Error &error);

    // The log for commands that only read, or nullptr with the error printed and its exit code
    // in *exitCode: a missing file is reported, never created.
    std::unique_ptr<Store> openExistingStore(int *exitCode);
    // The log, created when it does not exist yet (for commands that add to it), with the
    // --user applied; nullptr with the error printed and its exit code in *exitCode.
    std::unique_ptr<Store> openOrCreateStore(int *exitCode);

    // The request with this reference from the existing log, or nothing with the error printed
    // and its exit code in *exitCode.
    std::optional<Request> loadRequest(const QString &reference, int *exitCode);

    // Errors are printed on one line so that a script can read them line by line.
    static QString oneLine(const QString &message);
    static QString shownPath(const QString &path);
    // error about the request read from file, as "FILE: MESSAGE"; a taken reference is named as
    // the field at fault: "FILE: reference: MESSAGE".
    static Error aboutFile(const QString &file, const Error &error);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QDate m_today;
    QString m_database;
    bool m_databaseGiven = false;
    QString m_user;
};

} // namespace foidesk
