#pragma once

#include <QString>

namespace foidesk {

// Starts the window on the log at databasePath (the default log when empty) and runs the
// event loop. A QApplication must exist. Returns the process exit code.
int runDesktopApp(const QString &databasePath);

} // namespace foidesk
