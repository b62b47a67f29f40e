#include "importing/PdfLetterReader.h"

#include "importing/TextLetterReader.h"

#include <QTemporaryFile>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>

using namespace Qt::StringLiterals;

namespace foidesk {

QString PdfLetterReader::paragraphs(const QString &pageText)
{
    QString text = pageText;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    const QStringList lines = text.split(u'\n');
    qsizetype longest = 0;
    for (const QString &line : lines)
        longest = std::max(longest, line.trimmed().size());
    QString out;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            out += u"\n\n"_s;
            continue;
        }
        out += line;
        const bool shortLine = line.size() * 10 < longest * 7;
        const bool ends = line.endsWith(u'?') || line.endsWith(u':');
        out += (shortLine || ends) ? u"\n\n"_s : u"\n"_s;
    }
    return out;
}

Result<LetterSource> PdfLetterReader::read(const QByteArray &bytes)
{
    if (!bytes.startsWith("%PDF-"))
        return Error(ErrorKind::BadInput, tr("this is not a PDF file"));
    if (!QCoreApplication::instance())
        return Error(ErrorKind::Internal, tr("the PDF reader needs the application to be started first"));
    // Qt Pdf reads a document from a file synchronously; from a device it loads in the
    // background. A private temporary copy keeps the user's file opened once, by us.
    QTemporaryFile copy;
    if (!copy.open() || copy.write(bytes) != bytes.size() || !copy.flush())
        return Error(ErrorKind::Io, tr("a temporary copy of the PDF could not be written"));
    copy.close();

    QPdfDocument document;
    const QPdfDocument::Error loaded = document.load(copy.fileName());
    if (loaded == QPdfDocument::Error::IncorrectPassword) {
        return Error(ErrorKind::BadInput,
                     tr("the PDF is protected by a password; save a copy without the password "
                        "and import that"));
    }
    if (loaded != QPdfDocument::Error::None || document.status() != QPdfDocument::Status::Ready)
        return Error(ErrorKind::BadInput, tr("the PDF is damaged and could not be read"));

    QString text;
    for (int page = 0; page < document.pageCount(); ++page)
        text += paragraphs(document.getAllText(page).text()) + u"\n\n"_s;
    if (text.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     tr("the PDF has no text layer (a scanned image?); run it through text "
                        "recognition (OCR) first, or import the letter's original document"));
    }
    LetterSource source = TextLetterReader::read(text, u"pdf"_s);
    return source;
}

} // namespace foidesk
