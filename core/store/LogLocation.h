#pragma once

#include <QCoreApplication>
#include <QString>

namespace foidesk {

// Where the default log lives, and moving it there from where earlier versions kept it.
//
// Earlier versions kept the log in QStandardPaths::AppDataLocation, which names the
// organisation and then the application, both "FOI Desk": ".../FOI Desk/FOI Desk/
// foidesk.sqlite". The log now lives in one folder, ".../FOI Desk/foidesk.sqlite", and the
// first start of the window moves an existing log there with its write-ahead log and backups.
class LogLocation
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LogLocation)

public:
    // <per-user data folder>/FOI Desk/foidesk.sqlite (on Windows in %APPDATA%, on Linux in
    // ~/.local/share, on macOS in ~/Library/Application Support).
    static QString defaultPath();
    // Where versions before this one kept the default log: <AppDataLocation>/foidesk.sqlite.
    // Empty when that is the default path itself (no organisation name set).
    static QString legacyPath();
    // The log to use when none is named, without moving anything (for the command line): the
    // default path, unless the log is still only at the legacy path.
    static QString pathToUse();

    struct Move
    {
        enum class Outcome
        {
            NothingToMove, // no log at the old place: the new path is used
            Moved,         // the log (and what belongs to it) is now at the new path
            Kept,          // the move was not possible: the old path is used, message says why
            BothExist,     // a log exists at both places: the new one is used, nothing moved
        };
        Outcome outcome = Outcome::NothingToMove;
        QString path;    // the log to open
        QString message; // for the status bar; empty for NothingToMove
        int backupsMoved = 0;
        int backupsLeft = 0; // backups that stayed in the old folder (a name already taken)
    };

    // Moves the log at from to to, with its write-ahead log, its backup folder beside it
    // (Backups::defaultFolder) and the copies a restore kept beside it, provided:
    //  - nothing exists at to (a file there is never overwritten: BothExist);
    //  - no program has the log open, here or elsewhere (DatabaseProbe::isInUse).
    // Each file is renamed, or, when a rename is not possible (another drive), copied, checked
    // to be the same byte for byte, and only then removed at the old place. When anything
    // fails the log is left, or put back, at from and used from there (Kept, with why).
    static Move moveLog(const QString &from, const QString &to);
    // moveLog(legacyPath(), defaultPath()).
    static Move moveLegacyLog();
};

} // namespace foidesk
