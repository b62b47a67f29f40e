// The window's way in. Built into the executable, or (on Linux) into a module of its own that
// the executable loads only when it opens the window, so that command-line runs never load
// Qt Widgets and Qt Print Support (see WindowLoader.h).

#include "WindowEntry.h"

#include "DesktopApp.h"
#include "cli/CommandLine.h"
#include "util/AppSettings.h"

#include <QApplication>

namespace foidesk {

int runWindow(int &argc, char **argv)
{
    QApplication app(argc, argv);
    AppSettings::applyApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("FOI Desk"));
    QApplication::setDesktopFileName(QStringLiteral("org.foidesk.FoiDesk"));
    QStringList arguments = QCoreApplication::arguments();
    if (!arguments.isEmpty())
        arguments.removeFirst();
    return runDesktopApp(CommandLine::databaseOption(arguments));
}

} // namespace foidesk

#ifdef FOIDESK_WINDOW_MODULE_ENTRY
extern "C" Q_DECL_EXPORT int foidesk_run_window(int *argc, char **argv)
{
    return foidesk::runWindow(*argc, argv);
}
#endif
