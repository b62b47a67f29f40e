#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace foidesk {

// Which file a path names right now, independent of the name: the device and inode on Linux
// and macOS, the volume serial and file index on Windows. Two paths with the same identity are
// one file (a hard link, a symbolic link, another spelling); a file deleted and created again
// under the same name has a new identity.
//
// Taken with stat() on Linux and macOS, which never opens the file: opening and closing a
// database file outside SQLite would drop the process's locks on it (see LiveLogFiles.h).
struct FileIdentity
{
    quint64 device = 0;
    quint64 file = 0;

    // The identity of the file at path, or std::nullopt when there is none (no such file, no
    // permission to look).
    static std::optional<FileIdentity> of(const QString &path);

    friend bool operator==(const FileIdentity &a, const FileIdentity &b)
    {
        return a.device == b.device && a.file == b.file;
    }
    friend bool operator!=(const FileIdentity &a, const FileIdentity &b) { return !(a == b); }
};

} // namespace foidesk
