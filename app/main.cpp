// FOI Desk: one executable, two modes. With a command (import, list, show, ...) or --version or
// --help it runs headless and never needs a display; otherwise it opens the window.

#include "DesktopApp.h"
#include "cli/CommandLine.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FOI Desk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("foidesk.org"));
    QCoreApplication::setApplicationName(QStringLiteral("FOI Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOIDESK_VERSION));
}

QStringList argumentsWithoutProgram(int argc, char **argv)
{
    // QCoreApplication decodes argv in the local 8-bit encoding (UTF-16 on Windows).
    QStringList args = QCoreApplication::arguments();
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    if (!args.isEmpty())
        args.removeFirst();
    return args;
}

bool looksLikeCommandLine(int argc, char **argv)
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    return foidesk::CommandLine::wantsCommandLine(raw);
}

} // namespace

int main(int argc, char **argv)
{
    if (looksLikeCommandLine(argc, argv)) {
#ifdef Q_OS_WIN
        // The executable is a GUI program on Windows; borrow the console it was started from.
        if (AttachConsole(ATTACH_PARENT_PROCESS)) {
            std::freopen("CONOUT$", "w", stdout);
            std::freopen("CONOUT$", "w", stderr);
        }
#endif
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = foidesk::CommandLine::run(argumentsWithoutProgram(argc, argv), out, err);
        out.flush();
        err.flush();
        return code;
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("FOI Desk"));
    QApplication::setDesktopFileName(QStringLiteral("org.foidesk.FoiDesk"));
    return foidesk::runDesktopApp(
        foidesk::CommandLine::databaseOption(argumentsWithoutProgram(argc, argv)));
}
