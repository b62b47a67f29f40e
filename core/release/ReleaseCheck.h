#pragma once

#include "release/ReleaseCheckResult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace foidesk {

class LeakMatcher;

// Reads an exported file back with an independent reader and looks for every withheld string
// in it (release/LeakMatcher: case-insensitively, with runs of white space and line breaks as
// one space, after NFKC). For a PDF: the text of every page through Qt Pdf (PDFium), the
// document metadata and bookmarks, and every stream of the raw file inflated
// (release/PdfByteScanner). Thread-safe (one QPdfDocument per call). Files are written through
// release/CheckedWrite, which calls these before a file gets its name.
class ReleaseCheck
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ReleaseCheck)

public:
    // Checks pdfFile for withheldStrings. Never fails: an unreadable file gives a result with
    // error set, which counts as not passed.
    static ReleaseCheckResult checkPdf(const QString &pdfFile,
                                       const QStringList &withheldStrings,
                                       const QByteArray &fingerprint);

    // Checks an exported text file (JSON, plain text, HTML) the same way, without the PDF
    // parts; the strings of a JSON document are also searched with their escapes undone.
    static ReleaseCheckResult checkTextFile(const QString &file,
                                            const QStringList &withheldStrings,
                                            const QByteArray &fingerprint);

    // The same two checks with the strings prepared once (a LeakMatcher), for checking many
    // files against the same strings, as publishing a whole log does.
    static ReleaseCheckResult checkPdfWith(const QString &pdfFile,
                                           const LeakMatcher &prepared,
                                           const QByteArray &fingerprint);
    static ReleaseCheckResult checkTextFileWith(const QString &file,
                                                const LeakMatcher &prepared,
                                                const QByteArray &fingerprint);
};

} // namespace foidesk
