#pragma once

namespace foidesk {

// Creates the QApplication, names the application and runs the window on the log given by
// --db (the default log otherwise) until it is closed. Returns the process exit code.
int runWindow(int &argc, char **argv);

} // namespace foidesk

// The symbol the executable looks up in the window module, when the window is built as one.
#define FOIDESK_WINDOW_ENTRY_SYMBOL "foidesk_run_window"
