#pragma once

#include <QString>
#include <QStringList>

namespace foidesk {

// On Linux the window lives in a module (foidesk-window.so) beside the executable or in
// lib/foidesk under the install prefix. Every command-line run, and above all each
// `export-pdf` of one letter, would otherwise pay for loading and linking Qt Widgets and
// Qt Print Support, which only the window uses: about 6 ms of a 45 ms export on the
// benchmark machine (docs/benchmarks.md).
class WindowLoader
{
public:
    // Where the module is looked for, in order: beside the executable (a build folder or an
    // unpacked archive), then where `cmake --install` puts it.
    static QStringList candidatePaths();

    // Loads the module and runs the window. When the module is missing or cannot be loaded,
    // says so on stderr (which file, why, and that the command line still works) and
    // returns 3.
    static int run(int &argc, char **argv);
};

} // namespace foidesk
