#pragma once

#include "letter/LetterDocument.h"
#include "letter/PdfExporter.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace foidesk {

// One withheld string found in an exported file.
struct LeakFinding
{
    QString withheld; // the withheld string that was found
    // Where: "page 2 text", "document title", "document metadata (XMP)", "file bytes
    // (uncompressed stream 14)", "file bytes".
    QString where;

    bool operator==(const LeakFinding &) const = default;
};

// The result of reading back an exported file and looking for every withheld string in it.
struct ReleaseCheckResult
{
    QDateTime checkedAt;     // UTC
    QString file;            // the file that was checked
    QByteArray fileSha256;   // hex
    // SHA-256 (hex) of the request's content when the file was made (requestFingerprint()):
    // a check only counts for the request as it was when it was checked.
    QByteArray fingerprint;
    int withheldCount = 0;   // how many withheld strings were looked for
    int pagesRead = 0;
    QList<LeakFinding> findings; // empty when nothing withheld was found
    // Set when the file could not be read back at all (then passed() is false).
    QString error;

    bool passed() const { return error.isEmpty() && findings.isEmpty(); }
    // One line for the status bar and the request's history: "Release check passed: 3 withheld
    // strings, none found in 2 pages." / "Release check FAILED: "J… (10 characters)" found in
    // page 1 text." Withheld strings are never shown in full here.
    QString summary() const;

    bool operator==(const ReleaseCheckResult &) const = default;
};

// Reads an exported PDF back with an independent reader (Qt Pdf, i.e. PDFium), extracts the text
// of every page and the document metadata, inflates every compressed stream of the raw file, and
// looks for each withheld string in all of them: as written, case-insensitively, with runs of
// white space and line breaks treated as one space, and in the file bytes as UTF-8, UTF-16BE and
// Latin-1. Thread-safe (one QPdfDocument per call).
class ReleaseCheck
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ReleaseCheck)

public:
    // Checks pdfFile for withheldStrings. Never fails: an unreadable file gives a result with
    // error set, which counts as not passed.
    static ReleaseCheckResult checkPdf(const QString &pdfFile,
                                       const QStringList &withheldStrings,
                                       const QByteArray &fingerprint);

    // Checks an exported text file (JSON, plain text) the same way, without the PDF parts.
    static ReleaseCheckResult checkTextFile(const QString &file,
                                            const QStringList &withheldStrings,
                                            const QByteArray &fingerprint);

    // SHA-256 (hex) of everything in the request that decides what a letter discloses (its
    // exchange-format JSON without ids, revision, status and letter_final, plus the offsets of
    // every redaction): two requests with the same fingerprint produce the same letter from the
    // same profile.
    static QByteArray requestFingerprint(const Request &request);

    // Whether request may be marked released (status Responded or Closed): true when it withholds
    // nothing, or when lastCheck passed for its current fingerprint. *reason (when given) gets a
    // complete sentence saying what to do otherwise.
    static bool mayRelease(const Request &request,
                           const std::optional<ReleaseCheckResult> &lastCheck,
                           QString *reason = nullptr);
};

// The one way a letter is written to a file: PdfExporter::exportPdf, then checkPdf of the file
// for letter.withheldStrings. When the letter withholds nothing the file is not read back and
// the result says so (nothing to look for). When anything withheld is found, or the file cannot
// be read back, the file is deleted - a letter that leaks must not be left where it could be
// sent - and Refused is returned naming each finding (the withheld strings themselves are named
// only as "withheld string 1", "2", ... so that the message can be shown and logged safely).
// *result receives the check either way (when given). Errors of exportPdf pass through.
Result<void> exportCheckedPdf(const LetterDocument &letter,
                        const QString &path,
                        const ExportOptions &options,
                        const QByteArray &fingerprint,
                        ReleaseCheckResult *result = nullptr);

} // namespace foidesk
