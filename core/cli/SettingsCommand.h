#pragma once

#include <QString>
#include <QStringList>

namespace foidesk {

class CommandSession;

// "foidesk settings export FILE" and "foidesk settings import FILE": the log's organisation
// profile (name, addresses, letter wording) as a "foidesk.profile/1" file, so that one
// authority's settings can be kept, reviewed and copied to another log.
class SettingsCommand
{
public:
    explicit SettingsCommand(CommandSession &session);

    // Runs the command with the arguments after "settings"; returns its exit code.
    int run(const QStringList &args);

private:
    // Writes the profile saved in the log, or the defaults when none has been saved.
    int exportProfile(const QString &file);
    // Reads and checks the whole file first; a bad file writes nothing.
    int importProfile(const QString &file);

    CommandSession &m_session;
};

} // namespace foidesk
