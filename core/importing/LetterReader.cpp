#include "importing/LetterReader.h"

#include "importing/DocxLetterReader.h"
#include "importing/HtmlLetterReader.h"
#include "importing/PdfLetterReader.h"
#include "importing/TextDecoding.h"
#include "importing/TextLetterReader.h"
#include "util/LiveLogFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foidesk {

QString LetterReader::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"txt"_s || suffix == u"text"_s || suffix == u"eml"_s)
        return u"text"_s;
    if (suffix == u"md"_s || suffix == u"markdown"_s)
        return u"markdown"_s;
    if (suffix == u"html"_s || suffix == u"htm"_s || suffix == u"xhtml"_s)
        return u"html"_s;
    if (suffix == u"docx"_s)
        return u"docx"_s;
    if (suffix == u"pdf"_s)
        return u"pdf"_s;
    return {};
}

Result<LetterSource>
LetterReader::readBytes(const QByteArray &bytes, const QString &format, TextEncoding encoding)
{
    if (bytes.trimmed().isEmpty())
        return Error(ErrorKind::BadInput, tr("the file is empty; there is no letter to import"));
    if (format == u"docx"_s)
        return DocxLetterReader::read(bytes);
    if (format == u"pdf"_s)
        return PdfLetterReader::read(bytes);
    bool legacy = false;
    const Result<QString> text = TextDecoding::decode(bytes, encoding, &legacy);
    if (!text)
        return text.error();
    LetterSource source =
        format == u"html"_s ? HtmlLetterReader::read(*text) : TextLetterReader::read(*text, format);
    if (legacy) {
        source.notes.append(tr("The file is not UTF-8; it was read as Windows-1252. Check "
                               "pound signs, quotes and accented names."));
    }
    if (source.isEmpty())
        return Error(ErrorKind::BadInput, tr("the file has no text; there is no letter to import"));
    return source;
}

Result<LetterSource>
LetterReader::readFile(const QString &path, QByteArray *bytesOut, TextEncoding encoding)
{
    const QString shown = QDir::toNativeSeparators(path);
    auto failed = [&](const Error &error) {
        return Error(error.kind, shown + u": "_s + error.message);
    };
    if (const Result<void> refused =
            LiveLogFiles::refuse(path, tr("The letter %1 was not imported.").arg(shown));
        !refused)
        return refused.error();
    const QString format = formatOf(path);
    if (format.isEmpty()) {
        return failed(Error(ErrorKind::BadInput,
                            tr("not a letter format FOI Desk reads; give a .txt, .md, .html, "
                               ".docx or .pdf file")));
    }
    const QFileInfo info(path);
    if (!info.exists())
        return failed(Error(ErrorKind::NotFound, tr("no such file")));
    if (info.isDir())
        return failed(Error(ErrorKind::BadInput, tr("this is a folder, not a letter")));
    if (info.size() > MaxFileBytes) {
        return failed(Error(ErrorKind::BadInput,
                            tr("the file is %1 MB; letters larger than %2 MB are not imported")
                                .arg(info.size() / (1024 * 1024))
                                .arg(MaxFileBytes / (1024 * 1024))));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(
            Error(ErrorKind::Io, tr("the file could not be read: %1").arg(file.errorString())));
    // Read one byte more than the cap, in case the file grew since it was measured.
    const QByteArray bytes = file.read(MaxFileBytes + 1);
    if (bytes.size() > MaxFileBytes) {
        return failed(Error(ErrorKind::BadInput,
                            tr("the file is larger than %1 MB; it was not imported")
                                .arg(MaxFileBytes / (1024 * 1024))));
    }
    Result<LetterSource> source = readBytes(bytes, format, encoding);
    if (!source)
        return failed(source.error());
    if (bytesOut)
        *bytesOut = bytes;
    return source;
}

} // namespace foidesk
