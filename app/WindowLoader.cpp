#include "WindowLoader.h"

#include "WindowEntry.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <cstdio>

namespace foidesk {

QStringList WindowLoader::candidatePaths()
{
    // No QCoreApplication exists yet (the module creates the QApplication), so the
    // executable's folder comes from the kernel rather than from applicationDirPath().
    const QFileInfo executable(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath());
    const QDir folder = executable.absoluteDir();
    const QString name = QStringLiteral(FOIDESK_WINDOW_MODULE_FILE);
    return {folder.filePath(name),
            QDir::cleanPath(folder.filePath(QStringLiteral(FOIDESK_WINDOW_MODULE_INSTALL_DIR)
                                            + QLatin1Char('/') + name))};
}

int WindowLoader::run(int &argc, char **argv)
{
    using Entry = int (*)(int *, char **);
    QStringList problems;
    for (const QString &path : candidatePaths()) {
        if (!QFileInfo::exists(path))
            continue;
        QLibrary module(path);
        if (!module.load()) {
            problems.append(module.errorString());
            continue;
        }
        const auto entry = reinterpret_cast<Entry>(module.resolve(FOIDESK_WINDOW_ENTRY_SYMBOL));
        if (!entry) {
            problems.append(module.errorString());
            continue;
        }
        // The module stays loaded until the process ends: its objects are still being torn
        // down when the entry returns.
        return entry(&argc, argv);
    }
    QString why;
    if (problems.isEmpty()) {
        QStringList looked;
        for (const QString &path : candidatePaths())
            looked.append(QDir::toNativeSeparators(path));
        why = QStringLiteral("its module is missing (looked for %1)")
                  .arg(looked.join(QStringLiteral(" and ")));
    } else {
        why = QStringLiteral("its module could not be loaded: %1")
                  .arg(problems.join(QStringLiteral("; ")));
    }
    std::fprintf(stderr,
                 "foidesk: the window cannot start: %s.\nReinstall FOI Desk to restore it; "
                 "the commands work without it (foidesk --help).\n",
                 qPrintable(why));
    return 3;
}

} // namespace foidesk
