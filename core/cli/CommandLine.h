#pragma once

#include <QDate>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace foidesk {

// The command-line mode of the foidesk executable. Runs without a display; everything it
// prints goes to out (results) and err (progress, one-line errors).
//
// Exit codes: 0 done; 1 usage error; 2 bad input (nothing written); 3 refused (conflict, a
// check failed).
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::CommandLine)

public:
    enum ExitCode { Done = 0, UsageError = 1, BadInput = 2, Refused = 3 };

    // True when arguments (without argv[0]) ask for the command-line mode rather than the
    // window: a command name, --version or --help.
    static bool wantsCommandLine(const QStringList &arguments);

    // True when the command needs a QGuiApplication rather than a QCoreApplication: export-pdf
    // paints its letters with QtGui. The others start faster without one.
    static bool needsGuiApplication(const QStringList &arguments);

    // The database path chosen by --db FILE (or --db=FILE), or an empty string.
    static QString databaseOption(const QStringList &arguments);

    // Runs one command. today is injectable so that "days left" is testable.
    static int run(const QStringList &arguments,
                   QTextStream &out,
                   QTextStream &err,
                   const QDate &today = QDate::currentDate());
};

} // namespace foidesk
