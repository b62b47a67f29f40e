#include "cli/SettingsCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "profile/OrganisationProfile.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <memory>

namespace foidesk {

namespace {

// The messages belong to the public CommandLine interface, so they keep its translation context.

} // namespace

SettingsCommand::SettingsCommand(CommandSession &session)
    : m_session(session)
{}

int SettingsCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("settings");
    QStringList words;
    bool optionsEnded = false;
    for (const QString &arg : args) {
        if (!optionsEnded && arg == QLatin1String("--"))
            optionsEnded = true;
        else if (!optionsEnded && arg.startsWith(QLatin1Char('-')) && arg.size() > 1)
            return m_session.usageError(command, CommandLine::tr("unknown option \"%1\".").arg(arg));
        else
            words.append(arg);
    }
    if (words.isEmpty())
        return m_session.usageError(command, CommandLine::tr("say import or export, and name a file."));
    const QString action = words.takeFirst();
    if (action != QLatin1String("import") && action != QLatin1String("export"))
        return m_session.usageError(command,
                                    CommandLine::tr("\"%1\" is neither import nor export.").arg(action));
    if (words.size() != 1)
        return m_session.usageError(command, CommandLine::tr("settings %1 takes one file.").arg(action));
    return action == QLatin1String("import") ? importProfile(words.first())
                                             : exportProfile(words.first());
}

int SettingsCommand::exportProfile(const QString &file)
{
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<OrganisationProfile> profile = store->profile();
    if (!profile)
        return m_session.fail(profile.error());
    const Result<void> written = profile->writeFile(file);
    if (!written)
        return m_session.fail(written.error());
    m_session.err()
        << CommandLine::tr("exported the organisation profile to %1").arg(CommandSession::shownPath(file))
        << QLatin1Char('\n');
    return CommandLine::Done;
}

int SettingsCommand::importProfile(const QString &file)
{
    const Result<OrganisationProfile> profile = OrganisationProfile::readFile(file);
    if (!profile)
        return m_session.fail(profile.error());

    // Like "import", this writes, so it creates the log when there is none yet; but only now
    // that the file is known to be good.
    Result<std::unique_ptr<Store>> opened = Store::open(m_session.database());
    if (!opened)
        return m_session.fail(opened.error());
    if (int code = CommandLine::Done; !m_session.applyUser(*opened.value(), &code))
        return code;
    const Result<void> saved = opened.value()->saveProfile(profile.value());
    if (!saved) {
        return m_session.fail(
            Error(saved.errorKind(),
                  CommandSession::shownPath(file) + QStringLiteral(": ") + saved.errorMessage()));
    }
    m_session.out()
        << CommandLine::tr("imported the organisation profile from %1").arg(CommandSession::shownPath(file))
        << QLatin1Char('\n');
    return CommandLine::Done;
}

} // namespace foidesk
