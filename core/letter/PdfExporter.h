#pragma once

#include "letter/LetterDocument.h"
#include "release/ReleaseCheckResult.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace foidesk {

struct ExportOptions
{
    // A draft carries a DRAFT mark on every page and may still have gaps; a final letter has
    // no mark and is refused while the letter reports problems.
    bool draft = true;
    // When the PDF says it was made; now when left invalid. Fixed in tests for stable output.
    QDateTime created;
};

// Writes a letter as an A4 PDF/A-1b file with embedded fonts, selectable text, its title,
// subject and author (the organisation, never the user account) and a footer with the
// reference and "Page x of y". Needs a QGuiApplication (the offscreen platform will do).
class PdfExporter
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::PdfExporter)

public:
    // The PDF bytes. Refused for a document that reveals withheld text (the supervisor view,
    // whether draft or final) and for a final export of a letter with problems (the message
    // lists them); Internal when there is no QGuiApplication or Qt cannot paint the pages.
    static Result<QByteArray> render(const LetterDocument &letter, const ExportOptions &options);

    // render() written to path through a temporary file that replaces path only when complete,
    // so a failure never leaves a half-written PDF; nothing is written when render() refuses. The
    // errors of render(), and Io or DiskFull when the file cannot be written.
    static Result<void>
    exportPdf(const LetterDocument &letter, const QString &path, const ExportOptions &options);

    // The one way a letter is written for use: exportPdf() through release/CheckedWrite, read
    // back with ReleaseCheck::checkPdf for letter.withheldStrings. A letter that withholds
    // nothing is not read back (the result says nothing was looked for). When anything withheld
    // is found, or the file cannot be read back, nothing is left at path and Refused names each
    // finding as "withheld string N". The supervisor view is refused before anything is
    // written. *result receives the check either way (when given); errors of exportPdf pass
    // through.
    static Result<void> exportChecked(const LetterDocument &letter,
                                      const QString &path,
                                      const ExportOptions &options,
                                      const QByteArray &fingerprint,
                                      ReleaseCheckResult *result = nullptr);
};

} // namespace foidesk
