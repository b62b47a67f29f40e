#pragma once

#include <QString>
#include <QStringList>

namespace foidesk {

class CommandSession;

// The workflow, the history and the staff register on the command line:
//   submit | start | seek-clarification | resume | close | withdraw REF
//   approve REF [--comment TEXT]     return REF --comment TEXT
//   comment REF [--question N] TEXT  mark-sent REF [--date YYYY-MM-DD]
//   reopen REF --reason TEXT         history REF [--csv]      verify-history
//   staff list [--json]              staff add NAME --login LOGIN --role ROLE [--grade G]
//   [--senior]
// Every move is made as the current user (--user LOGIN) and refused (exit 3) with the state
// machine's sentence when it is not allowed.
class WorkflowCommand
{
public:
    explicit WorkflowCommand(CommandSession &session);

    // The command words this class runs.
    static QStringList commands();

    // Runs command with the arguments after it; returns its exit code.
    int run(const QString &command, const QStringList &args);

private:
    int move(const QString &command, const QStringList &args);
    int comment(const QStringList &args);
    int markSent(const QStringList &args);
    int history(const QStringList &args);
    int verifyHistory(const QStringList &args);
    int staff(const QStringList &args);
    int staffList(const QStringList &args);
    int staffAdd(const QStringList &args);
    int staffReview(const QStringList &args);

    CommandSession &m_session;
};

} // namespace foidesk
