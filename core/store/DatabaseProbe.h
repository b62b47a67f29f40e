#pragma once

#include "util/Result.h"

#include <QString>

namespace foidesk {

// Looks at a file without writing to it: is it empty, an FOI Desk log of which version, some
// other program's SQLite file, or not a database at all?
//
// Needed because SQLite "opens" any file and reports a non-database only at the first query,
// and because a file written by a newer FOI Desk must be recognised before anything (even
// switching it to WAL) writes to it. The file is opened read-only for the look.
class DatabaseProbe
{
public:
    enum class State
    {
        Missing,          // no file, or 0 bytes: SQLite makes it a new database
        Empty,            // an SQLite database with no tables and no FOI Desk mark
        FoiDesk,          // an FOI Desk log whose version this build can read
        TooNew,           // an FOI Desk log from a newer version
        OtherApplication, // SQLite, but another program's tables
        NotSqlite,        // not an SQLite database at all
        Damaged,          // SQLite, but it fails its quick check or cannot be read through
        Unreadable,       // the file system would not let us read it
    };

    struct Report
    {
        State state = State::Missing;
        int userVersion = 0;
        QString detail; // what SQLite or the file system said, for Damaged and Unreadable
    };

    // How thoroughly to look at an FOI Desk log's content.
    enum class Depth
    {
        // SQLite's quick_check: reads every page, so damage anywhere is found now rather than
        // in the middle of someone's work. Costs about 2.5 ms per MiB of log.
        Full,
        // The header only: the file must be as long as the page count its header records, so a
        // truncated copy is still refused; damage inside a page shows at the first query that
        // reads it. For commands that read a few rows and stop.
        Header,
    };

    static Report inspect(const QString &path, Depth depth = Depth::Full);

    // Whether another program (or another connection in this process) has the log at path
    // open now. Asked through SQLite alone: a connection in exclusive locking mode cannot even
    // read a log in WAL mode while anyone else holds it. Io when SQLite fails otherwise.
    // Call it only for a log this process does not have open (util/LiveLogFiles.h).
    static Result<bool> isInUse(const QString &path);
};

} // namespace foidesk
