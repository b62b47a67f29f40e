#include "importing/PdfLetterReader.h"

#include "importing/TextLetterReader.h"

#include <QRegularExpression>
#include <QTemporaryFile>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>

using namespace Qt::StringLiterals;

namespace foidesk {

// Qt Pdf (PDFium) often returns the lines of a text block joined by spaces, so a page can come
// back as one long line. Asking where each word sits on the page would tell the lines apart,
// but each such question loads the page again (about 10 ms a word). Instead, a long run is cut
// where a letter's structure shows in its words: before a numbered or lettered item or a
// bullet that follows the end of a sentence, after a question mark, after the sentence that
// introduces the request, and before a greeting, a closing or the start of the response.
QString PdfLetterReader::lines(const QString &pageText)
{
    static const QRegularExpression item(
        u"(?<=[.?:!\"\\x{201D}])\\s+(?=(?:Q(?:uestion)?\\s*[0-9]{1,3}[a-z]?\\b|\\(?[0-9]{1,3}[.)]\\s"
        "|\\(?[a-z][.)]\\s|[\\x{2022}\\x{25AA}\\x{25CF}\\x{25E6}\\-]\\s))"_s);
    static const QRegularExpression afterQuestion(u"(?<=\\?)\\s+(?=[A-Z\\x{201C}\"])"_s);
    static const QRegularExpression introduction(
        u"((?:information|following|below|requested|asked|request)\\s?:)\\s+"_s);
    static const QRegularExpression opening(
        u"\\s+(?=(?:Dear |We have |I can confirm|Yours (?:sincerely|faithfully)|Kind regards"
        "|Response to your|Our response))"_s);
    QString text;
    for (const QString &line : pageText.split(u'\n')) {
        QString cut = line;
        if (cut.size() > 160) {
            cut.replace(item, u"\n\n"_s);
            cut.replace(afterQuestion, u"\n\n"_s);
            cut.replace(introduction, u"\\1\n\n"_s);
            cut.replace(opening, u"\n\n"_s);
        }
        text += cut + u'\n';
    }
    return text;
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
        text += paragraphs(lines(document.getAllText(page).text())) + u"\n\n"_s;
    if (text.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     tr("the PDF has no text layer (a scanned image?); run it through text "
                        "recognition (OCR) first, or import the letter's original document"));
    }
    LetterSource source = TextLetterReader::read(text, u"pdf"_s);
    return source;
}

} // namespace foidesk
