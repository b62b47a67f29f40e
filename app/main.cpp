// FOI Desk: one executable, two modes. With a command (import, list, show, ...) or --version or
// --help it runs headless and never needs a display; otherwise it opens the window, which on
// Linux is a module loaded only then (WindowLoader.h).

#include "WindowEntry.h"
#include "cli/CommandLine.h"
#include "util/AppSettings.h"
#include "util/Translations.h"
#ifdef FOIDESK_WINDOW_MODULE
#include "WindowLoader.h"
#endif

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>
#include <memory>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace {

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

// Before any QCoreApplication exists, so argv is decoded by hand; only the command word and
// option names matter here, and those are ASCII.
QStringList rawArguments(int argc, char **argv)
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    return raw;
}

// Painting a PDF needs QtGui and so a platform plugin. On a Linux server, a CI runner or over
// SSH there is no display to connect to, and the default plugin would abort; the offscreen one
// paints just the same. Windows and macOS start their own platform without a visible window.
void preferOffscreenWithoutDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
#endif
}

QtMessageHandler previousMessageHandler = nullptr;

// Without a desktop session (cron, SSH, CI) XDG_RUNTIME_DIR is unset; QtGui then warns on
// stderr and falls back to a private folder under /tmp, which is all a command needs. The
// warning would break the promise that stderr carries one line per problem, so it alone is
// dropped; every other message goes through.
void dropRuntimeDirWarning(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (type == QtWarningMsg
        && text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))) {
        return;
    }
    if (previousMessageHandler)
        previousMessageHandler(type, context, text);
}

// A QGuiApplication only for the commands that paint (export-pdf): the others start faster
// without loading a platform plugin and fonts.
std::unique_ptr<QCoreApplication> commandLineApplication(int &argc, char **argv, bool needsGui)
{
    if (!needsGui)
        return std::make_unique<QCoreApplication>(argc, argv);
    preferOffscreenWithoutDisplay();
    previousMessageHandler = qInstallMessageHandler(dropRuntimeDirWarning);
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList raw = rawArguments(argc, argv);
    if (foidesk::CommandLine::wantsCommandLine(raw)) {
#ifdef Q_OS_WIN
        // The executable is a GUI program on Windows; borrow the console it was started from.
        if (AttachConsole(ATTACH_PARENT_PROCESS)) {
            std::freopen("CONOUT$", "w", stdout);
            std::freopen("CONOUT$", "w", stderr);
        }
#endif
        const std::unique_ptr<QCoreApplication> app =
            commandLineApplication(argc, argv, foidesk::CommandLine::needsGuiApplication(raw));
        foidesk::AppSettings::applyApplicationIdentity();
        foidesk::installAppTranslations();
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = foidesk::CommandLine::run(argumentsWithoutProgram(argc, argv), out, err);
        out.flush();
        err.flush();
        return code;
    }

#ifdef FOIDESK_WINDOW_MODULE
    return foidesk::WindowLoader::run(argc, argv);
#else
    return foidesk::runWindow(argc, argv);
#endif
}
