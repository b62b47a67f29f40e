#include "importing/ZipArchive.h"

#include <cstring>
#include <memory>
#include <unzip.h>

namespace foidesk {

namespace {

// minizip reads through these callbacks, so the archive never has to be a file on disk (the
// fuzzer and the tests hand it bytes) and the file a user named is opened only once, by us.
struct MemoryStream
{
    const QByteArray *bytes = nullptr;
    qint64 position = 0;
};

voidpf ZCALLBACK memoryOpen(voidpf opaque, const void *, int)
{
    auto *stream = new MemoryStream;
    stream->bytes = static_cast<const QByteArray *>(opaque);
    return stream;
}

uLong ZCALLBACK memoryRead(voidpf, voidpf handle, void *buffer, uLong size)
{
    auto *stream = static_cast<MemoryStream *>(handle);
    const qint64 available = stream->bytes->size() - stream->position;
    const qint64 count = std::max<qint64>(0, std::min<qint64>(available, qint64(size)));
    if (count > 0)
        std::memcpy(buffer, stream->bytes->constData() + stream->position, size_t(count));
    stream->position += count;
    return uLong(count);
}

uLong ZCALLBACK memoryWrite(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T ZCALLBACK memoryTell(voidpf, voidpf handle)
{
    return ZPOS64_T(static_cast<MemoryStream *>(handle)->position);
}

long ZCALLBACK memorySeek(voidpf, voidpf handle, ZPOS64_T offset, int origin)
{
    auto *stream = static_cast<MemoryStream *>(handle);
    qint64 base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = stream->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = stream->bytes->size();
    const qint64 target = base + qint64(offset);
    if (target < 0 || target > stream->bytes->size())
        return -1;
    stream->position = target;
    return 0;
}

int ZCALLBACK memoryClose(voidpf, voidpf handle)
{
    delete static_cast<MemoryStream *>(handle);
    return 0;
}

int ZCALLBACK memoryError(voidpf, voidpf)
{
    return 0;
}

struct UnzClose
{
    void operator()(void *file) const { unzClose(file); }
};
using UnzHandle = std::unique_ptr<void, UnzClose>;

UnzHandle openArchive(const QByteArray *bytes)
{
    zlib_filefunc64_def functions{};
    functions.zopen64_file = memoryOpen;
    functions.zread_file = memoryRead;
    functions.zwrite_file = memoryWrite;
    functions.ztell64_file = memoryTell;
    functions.zseek64_file = memorySeek;
    functions.zclose_file = memoryClose;
    functions.zerror_file = memoryError;
    functions.opaque = const_cast<QByteArray *>(bytes);
    return UnzHandle(unzOpen2_64("memory", &functions));
}

} // namespace

Result<ZipArchive> ZipArchive::open(const QByteArray &bytes)
{
    ZipArchive archive;
    archive.m_bytes = bytes;
    const UnzHandle zip = openArchive(&archive.m_bytes);
    if (!zip)
        return Error(ErrorKind::BadInput,
                     tr("this is not a zip archive, so not a Word (.docx) document"));
    unz_global_info64 global{};
    if (unzGetGlobalInfo64(zip.get(), &global) != UNZ_OK)
        return Error(ErrorKind::BadInput, tr("the zip archive's directory is damaged"));
    if (global.number_entry > ZipArchive::MaxEntries) {
        return Error(ErrorKind::BadInput,
                     tr("the archive holds %1 entries, more than the %2 a letter could need; it "
                        "was not unpacked")
                         .arg(global.number_entry)
                         .arg(MaxEntries));
    }
    quint64 declared = 0;
    int status = unzGoToFirstFile(zip.get());
    while (status == UNZ_OK) {
        unz_file_info64 info{};
        char name[512] = {};
        if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof name - 1, nullptr, 0, nullptr, 0)
            != UNZ_OK)
            return Error(ErrorKind::BadInput, tr("the zip archive's directory is damaged"));
        declared += info.uncompressed_size;
        if (declared > quint64(MaxTotalBytes)) {
            return Error(ErrorKind::BadInput,
                         tr("the archive would unpack to more than %1 MB (a zip bomb?); it was "
                            "not unpacked")
                             .arg(MaxTotalBytes / (1024 * 1024)));
        }
        archive.m_names.append(QString::fromUtf8(name));
        status = unzGoToNextFile(zip.get());
    }
    if (status != UNZ_END_OF_LIST_OF_FILE)
        return Error(ErrorKind::BadInput, tr("the zip archive's directory is damaged"));
    return archive;
}

Result<QByteArray> ZipArchive::read(const QString &name) const
{
    const UnzHandle zip = openArchive(&m_bytes);
    if (!zip || unzLocateFile(zip.get(), name.toUtf8().constData(), 1) != UNZ_OK)
        return Error(ErrorKind::NotFound, tr("the archive has no %1").arg(name));
    if (unzOpenCurrentFile(zip.get()) != UNZ_OK)
        return Error(ErrorKind::BadInput,
                     tr("%1 in the archive cannot be unpacked (damaged or encrypted)").arg(name));
    QByteArray content;
    char buffer[64 * 1024];
    for (;;) {
        const int count = unzReadCurrentFile(zip.get(), buffer, sizeof buffer);
        if (count < 0) {
            unzCloseCurrentFile(zip.get());
            return Error(ErrorKind::BadInput, tr("%1 in the archive is damaged").arg(name));
        }
        if (count == 0)
            break;
        // The sizes in the directory can lie: the cap holds for what really comes out.
        if (content.size() + count > MaxEntryBytes) {
            unzCloseCurrentFile(zip.get());
            return Error(ErrorKind::BadInput,
                         tr("%1 unpacks to more than %2 MB (a zip bomb?); it was not read")
                             .arg(name)
                             .arg(MaxEntryBytes / (1024 * 1024)));
        }
        content.append(buffer, count);
    }
    if (unzCloseCurrentFile(zip.get()) == UNZ_CRCERROR)
        return Error(ErrorKind::BadInput, tr("%1 in the archive is damaged (checksum)").arg(name));
    return content;
}

} // namespace foidesk
