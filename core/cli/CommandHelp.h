#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace foidesk {

// The help texts of the command line, kept apart from the code that runs the commands so that
// what --help promises and what the commands do can be read side by side.
class CommandHelp
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::CommandHelp)

public:
    // The commands this version offers, in the order --help lists them.
    static QStringList commands();
    static bool isCommand(const QString &name);

    // The full help (foidesk --help). defaultDatabase is shown as the log used without --db.
    static QString general(const QString &defaultDatabase);
    // The help of one command (foidesk help import); empty for an unknown command.
    static QString command(const QString &name);
    // The usage line, "Usage: foidesk [--db FILE] import [--replace] FILE...", or lines when a
    // command has two forms (export-pdf).
    static QString usage(const QString &name);
};

} // namespace foidesk
