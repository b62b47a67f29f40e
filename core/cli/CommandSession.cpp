#include "cli/CommandSession.h"

#include "cli/CommandHelp.h"
#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace foidesk {

namespace {

// The messages belong to the public CommandLine interface, so they keep its translation context.

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return CommandLine::Done;
    case ErrorKind::BadInput:
    case ErrorKind::NotFound:
        return CommandLine::BadInput;
    case ErrorKind::Conflict:
    case ErrorKind::Taken:
    case ErrorKind::Reopened:
    case ErrorKind::Refused:
    case ErrorKind::Io:
    case ErrorKind::ReadOnly:
    case ErrorKind::DiskFull:
    case ErrorKind::Corrupt:
    case ErrorKind::TooNew:
    case ErrorKind::Internal:
        return CommandLine::Refused;
    }
    return CommandLine::Refused;
}

} // namespace

Error CommandSession::aboutFile(const QString &file, const Error &error)
{
    const QString field = error.kind == ErrorKind::Taken ? QStringLiteral("reference: ") : QString();
    return Error(error.kind, shownPath(file) + QStringLiteral(": ") + field + error.message);
}

CommandSession::CommandSession(QTextStream &out, QTextStream &err, const QDate &today)
    : m_out(out)
    , m_err(err)
    , m_today(today)
{}

void CommandSession::setDatabase(const QString &path, bool given)
{
    m_database = path;
    m_databaseGiven = given;
}

int CommandSession::usageError(const QString &command, const QString &problem)
{
    m_err << QStringLiteral("foidesk")
          << (command.isEmpty() ? QString() : QLatin1Char(' ') + command) << QStringLiteral(": ")
          << problem << QLatin1Char('\n') << CommandHelp::usage(command) << QLatin1Char('\n')
          << (command.isEmpty() ? CommandLine::tr("Run \"foidesk --help\" to see the commands and options.")
                                : CommandLine::tr("Run \"foidesk help %1\" for more.").arg(command))
          << QLatin1Char('\n');
    return CommandLine::UsageError;
}

int CommandSession::fail(const Error &error)
{
    m_err << oneLine(error.message) << QLatin1Char('\n');
    return exitCodeFor(error.kind);
}

std::unique_ptr<Store> CommandSession::openExistingStore(int *exitCode)
{
    if (!QFileInfo::exists(m_database)) {
        const QString advice = m_databaseGiven
                                   ? CommandLine::tr("Check the path given with --db, or import requests "
                                        "into it first with \"foidesk --db FILE import FILE...\".")
                                   : CommandLine::tr("Import requests first with \"foidesk import FILE...\", "
                                        "or name another log with --db FILE.");
        *exitCode = fail(
            Error(ErrorKind::NotFound,
                  CommandLine::tr("There is no FOI Desk log at %1. %2").arg(shownPath(m_database), advice)));
        return nullptr;
    }
    // A command reads a few rows and exits: checking every page of a large log first would
    // cost more than the command itself. A damaged page still fails the query that meets it.
    Result<std::unique_ptr<Store>> opened = Store::openWithHeaderCheck(m_database);
    if (!opened) {
        *exitCode = fail(opened.error());
        return nullptr;
    }
    std::unique_ptr<Store> store = std::move(opened).value();
    if (!applyUser(*store, exitCode))
        return nullptr;
    return store;
}

std::unique_ptr<Store> CommandSession::openOrCreateStore(int *exitCode)
{
    Result<std::unique_ptr<Store>> opened = Store::open(m_database);
    if (!opened) {
        *exitCode = fail(opened.error());
        return nullptr;
    }
    std::unique_ptr<Store> store = std::move(opened).value();
    if (!applyUser(*store, exitCode))
        return nullptr;
    return store;
}

bool CommandSession::applyUser(Store &store, int *exitCode)
{
    const QString wanted = m_user.trimmed();
    if (wanted.isEmpty())
        return true; // Store::open chose the default
    const Result<std::optional<StaffMember>> member = store.staffMemberByLogin(wanted);
    if (!member) {
        *exitCode = fail(member.error());
        return false;
    }
    if (member->has_value()) {
        store.setCurrentUser((*member)->login);
        return true;
    }
    const Result<QList<StaffMember>> staff = store.staff();
    if (!staff) {
        *exitCode = fail(staff.error());
        return false;
    }
    for (const StaffMember &someone : staff.value()) {
        if (!someone.login.isEmpty()) {
            *exitCode = fail(Error(
                ErrorKind::BadInput,
                QStringLiteral("--user: ")
                    + CommandLine::tr("no one in the staff register of %1 has the login \"%2\". "
                                      "Check the spelling (\"foidesk staff list\" shows the "
                                      "logins), or add the person with \"foidesk staff add\".")
                          .arg(shownPath(store.path()), wanted)));
            return false;
        }
    }
    store.setCurrentUser(wanted);
    return true;
}

std::optional<Request> CommandSession::loadRequest(const QString &reference, int *exitCode)
{
    const std::unique_ptr<Store> store = openExistingStore(exitCode);
    if (!store)
        return std::nullopt;
    Result<Request> loaded = store->loadRequestByReference(reference);
    if (!loaded) {
        *exitCode = fail(loaded.error());
        return std::nullopt;
    }
    return std::move(loaded).value();
}

QString CommandSession::oneLine(const QString &message)
{
    QString line = message;
    line.replace(QLatin1String("\r\n"), QLatin1String(" "));
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line.simplified();
}

QString CommandSession::shownPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace foidesk
