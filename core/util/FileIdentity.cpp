#include "util/FileIdentity.h"

#include <QFile>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#else
#include <sys/stat.h>
#endif

namespace foidesk {

std::optional<FileIdentity> FileIdentity::of(const QString &path)
{
    if (path.isEmpty())
        return std::nullopt;
#if defined(Q_OS_WIN)
    // Windows locks belong to the handle that took them, so opening another handle here (with
    // no access rights asked for, sharing everything) cannot release SQLite's locks.
    const HANDLE handle = CreateFileW(reinterpret_cast<const wchar_t *>(path.utf16()),
                                      0,
                                      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                      nullptr,
                                      OPEN_EXISTING,
                                      FILE_FLAG_BACKUP_SEMANTICS,
                                      nullptr);
    if (handle == INVALID_HANDLE_VALUE)
        return std::nullopt;
    BY_HANDLE_FILE_INFORMATION info;
    const bool read = GetFileInformationByHandle(handle, &info);
    CloseHandle(handle);
    if (!read)
        return std::nullopt;
    FileIdentity identity;
    identity.device = info.dwVolumeSerialNumber;
    identity.file = (quint64(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
    return identity;
#else
    struct stat status;
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &status) != 0)
        return std::nullopt;
    FileIdentity identity;
    identity.device = quint64(status.st_dev);
    identity.file = quint64(status.st_ino);
    return identity;
#endif
}

} // namespace foidesk
