#pragma once

// Word documents for tests, written from their XML with minizip's zip writer, so that what a
// test letter holds (numbering, a table, a tracked deletion, a comment, hidden text) is visible
// in the test itself rather than in a binary file.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryFile>
#include <zip.h>

namespace foidesk::test {

// The zip archive holding entries (name, content); empty when minizip fails. bigEntry adds one
// more entry of that many zero bytes (it deflates to almost nothing: a zip bomb).
inline QByteArray zipArchive(const QList<QPair<QString, QByteArray>> &entries, qint64 bigEntry = 0)
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    const QByteArray path = file.fileName().toLocal8Bit();
    file.close();
    zipFile zip = zipOpen64(path.constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return {};
    auto add = [&](const QByteArray &name, const char *data, qint64 size, qint64 repeat) {
        zip_fileinfo info{};
        if (zipOpenNewFileInZip64(zip,
                                  name.constData(),
                                  &info,
                                  nullptr,
                                  0,
                                  nullptr,
                                  0,
                                  nullptr,
                                  Z_DEFLATED,
                                  Z_BEST_COMPRESSION,
                                  1)
            != ZIP_OK)
            return false;
        for (qint64 i = 0; i < repeat; ++i) {
            if (zipWriteInFileInZip(zip, data, unsigned(size)) != ZIP_OK)
                return false;
        }
        return zipCloseFileInZip(zip) == ZIP_OK;
    };
    bool ok = true;
    for (const auto &entry : entries)
        ok = ok && add(entry.first.toUtf8(), entry.second.constData(), entry.second.size(), 1);
    if (bigEntry > 0) {
        const QByteArray zeros(1024 * 1024, '\0');
        ok = ok
             && add(
                 "word/media/filler.bin", zeros.constData(), zeros.size(), bigEntry / zeros.size());
    }
    if (zipClose(zip, nullptr) != ZIP_OK || !ok)
        return {};
    QFile written(QString::fromLocal8Bit(path));
    if (!written.open(QIODevice::ReadOnly))
        return {};
    return written.readAll();
}

// A .docx whose body is bodyXml (the children of w:body), with a numbering part that makes
// numId 1 a "1." list and numId 2 an "a)" list.
inline QByteArray docx(const QByteArray &bodyXml, qint64 bombBytes = 0)
{
    const QByteArray ns =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const QByteArray contentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "</Types>";
    const QByteArray document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + ns
                                + "><w:body>" + bodyXml + "</w:body></w:document>";
    const QByteArray numbering =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " + ns
        + ">"
          "<w:abstractNum w:abstractNumId=\"10\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
          "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
          "<w:abstractNum w:abstractNumId=\"11\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
          "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>"
          "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
          "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"11\"/></w:num>"
          "</w:numbering>";
    return zipArchive({{QStringLiteral("[Content_Types].xml"), contentTypes},
                       {QStringLiteral("word/document.xml"), document},
                       {QStringLiteral("word/numbering.xml"), numbering}},
                      bombBytes);
}

// One paragraph: plain, in a style ("Heading1", "Title"), or an item of list numId.
inline QByteArray docxParagraph(const QByteArray &text, const QByteArray &style = {}, int numId = 0)
{
    QByteArray props;
    if (!style.isEmpty())
        props += "<w:pStyle w:val=\"" + style + "\"/>";
    if (numId > 0)
        props += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + QByteArray::number(numId)
                 + "\"/></w:numPr>";
    return "<w:p>" + (props.isEmpty() ? QByteArray() : "<w:pPr>" + props + "</w:pPr>")
           + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

} // namespace foidesk::test
