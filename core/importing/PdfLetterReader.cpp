#include "importing/PdfLetterReader.h"

#include "importing/TextLetterReader.h"

#include <QTemporaryFile>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>

using namespace Qt::StringLiterals;

namespace foidesk {

// Qt Pdf joins the lines of a text block with spaces; where the next word starts lower on the
// page than the one before, it is a new line (and after a gap of more than a line, a new
// paragraph), as the letter was laid out.
QString PdfLetterReader::lines(QPdfDocument &document, int page)
{
    const QString text = document.getAllText(page).text();
    // Where a word starts: its character index in the page (the text's index, as PDFium
    // counts) and whether a new line or a new paragraph starts there.
    QList<QPair<int, bool>> breaks;
    qreal lastTop = -1;
    qreal lastHeight = 0;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace() || (i > 0 && !text.at(i - 1).isSpace()))
            continue;
        const QRectF box = document.getSelectionAtIndex(page, i, 1).boundingRectangle();
        if (box.isEmpty())
            continue;
        if (lastTop >= 0 && i > 0 && text.at(i - 1) == u' ' && box.top() > lastTop + lastHeight / 2)
            breaks.append({i - 1, box.top() > lastTop + lastHeight * 2.2});
        lastTop = box.top();
        lastHeight = box.height();
    }
    QString out = text;
    for (auto it = breaks.crbegin(); it != breaks.crend(); ++it)
        out.replace(it->first, 1, it->second ? u"\n\n"_s : u"\n"_s);
    return out;
}

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
        return Error(ErrorKind::Internal,
                     tr("the PDF reader needs the application to be started first"));
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
        text += paragraphs(lines(document, page)) + u"\n\n"_s;
    if (text.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     tr("the PDF has no text layer (a scanned image?); run it through text "
                        "recognition (OCR) first, or import the letter's original document"));
    }
    LetterSource source = TextLetterReader::read(text, u"pdf"_s);
    return source;
}

} // namespace foidesk
