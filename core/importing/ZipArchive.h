#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace foidesk {

// A zip archive held in memory, read with minizip (zlib's unzip). Built for files from outside:
// a file that is not a zip, holds too many entries or claims or inflates to more than the caps
// below (a zip bomb) is refused with a message, never read to the end.
class ZipArchive
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ZipArchive)

public:
    static constexpr int MaxEntries = 5000;
    // A letter's document part is a few hundred kilobytes; 64 MB is far beyond any real one.
    static constexpr qint64 MaxEntryBytes = 64 * 1024 * 1024;
    static constexpr qint64 MaxTotalBytes = 256 * 1024 * 1024;

    // The archive's directory, or BadInput when bytes are not a zip archive or break a cap.
    static Result<ZipArchive> open(const QByteArray &bytes);

    const QStringList &names() const { return m_names; }
    bool contains(const QString &name) const { return m_names.contains(name); }

    // The inflated content of one entry. NotFound when there is no such entry; BadInput when it
    // is damaged, encrypted or inflates past MaxEntryBytes.
    Result<QByteArray> read(const QString &name) const;

private:
    QByteArray m_bytes;
    QStringList m_names;
};

} // namespace foidesk
