#include "cli/ImportCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "exchange/RequestJson.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <optional>

namespace foidesk {

namespace {

// The messages belong to the public CommandLine interface, so they keep its translation context.

} // namespace

ImportCommand::ImportCommand(CommandSession &session)
    : m_session(session)
{}

int ImportCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("import");
    bool replace = false;
    QStringList files;
    bool optionsEnded = false;
    for (const QString &arg : args) {
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && arg == QLatin1String("--replace")) {
            replace = true;
        } else if (!optionsEnded && arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return m_session.usageError(command, CommandLine::tr("unknown option \"%1\".").arg(arg));
        } else {
            files.append(arg);
        }
    }
    if (files.isEmpty())
        return m_session.usageError(command, CommandLine::tr("no files were given."));

    m_worst = CommandLine::Done;
    QList<Incoming> incoming = readFiles(files);
    if (!replace)
        incoming = refuseSharedReferences(incoming);
    if (!incoming.isEmpty())
        storeRequests(incoming, replace);
    return m_worst;
}

void ImportCommand::noteExitCode(int code)
{
    m_worst = std::max(m_worst, code);
}

// Everything is read and checked before the log is touched, so a bad file writes nothing.
QList<ImportCommand::Incoming> ImportCommand::readFiles(const QStringList &files)
{
    QList<Incoming> incoming;
    for (const QString &file : files) {
        Result<Request> parsed = RequestJson::readFile(file);
        if (!parsed) {
            noteExitCode(m_session.fail(parsed.error()));
            continue;
        }
        incoming.append({file, std::move(parsed).value()});
    }
    return incoming;
}

// Without --replace, which of two files with one reference should win is not ours to guess:
// both are refused.
QList<ImportCommand::Incoming>
ImportCommand::refuseSharedReferences(const QList<Incoming> &incoming)
{
    QHash<QString, QStringList> filesByReference;
    for (const Incoming &in : incoming)
        filesByReference[in.request.reference].append(in.file);
    QList<Incoming> unique;
    for (const Incoming &in : incoming) {
        const QStringList &sameReference = filesByReference.value(in.request.reference);
        if (sameReference.size() == 1) {
            unique.append(in);
            continue;
        }
        QStringList others = sameReference;
        others.removeOne(in.file);
        for (QString &other : others)
            other = CommandSession::shownPath(other);
        noteExitCode(m_session.fail(
            Error(ErrorKind::Conflict,
                  CommandSession::shownPath(in.file) + QStringLiteral(": reference: ")
                      + CommandLine::tr("%1 is also in %2; import one of them, or use "
                           "--replace to let the last one win.")
                            .arg(in.request.reference, others.join(QStringLiteral(", "))))));
    }
    return unique;
}

void ImportCommand::storeRequests(const QList<Incoming> &incoming, bool replace)
{
    Result<std::unique_ptr<Store>> opened = Store::open(m_session.database());
    if (!opened) {
        noteExitCode(m_session.fail(opened.error()));
        return;
    }
    Store &store = *opened.value();
    if (int code = CommandLine::Done; !m_session.applyUser(store, &code)) {
        noteExitCode(code);
        return;
    }

    for (const Incoming &in : incoming) {
        const Result<std::optional<qint64>> existing = store.findReference(in.request.reference);
        if (!existing) {
            noteExitCode(m_session.fail(existing.error()));
            continue;
        }
        const Result<Request> stored = store.importRequest(in.request, replace);
        if (!stored) {
            noteExitCode(m_session.fail(CommandSession::aboutFile(in.file, stored.error())));
            continue;
        }
        m_session.out() << (existing->has_value() ? CommandLine::tr("replaced %1 from %2")
                                                  : CommandLine::tr("imported %1 from %2"))
                               .arg(stored->reference, CommandSession::shownPath(in.file))
                        << QLatin1Char('\n');
    }
}

} // namespace foidesk
