#pragma once

#include "letter/LetterComposer.h"
#include "letter/PdfExporter.h"
#include "model/Request.h"
#include "release/ReleaseCheck.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace foidesk {

class CommandSession;
class Store;

// "foidesk export-pdf REF -o FILE [--draft]" and "foidesk export-pdf --all --out-dir DIR
// [--draft] [--jobs N]": response letters as PDF, composed with the log's organisation profile.
// Without --draft the request decides: a letter marked final is exported as final (refused,
// with nothing written, while anything is missing), any other letter as a draft.
// Every letter is written through exportCheckedPdf: read back, and deleted (exit 3, one line
// per finding) when any withheld string is found in it. The check of a final letter of a request
// that withholds anything is recorded with the request.
class ExportPdfCommand
{
public:
    // The most worker threads --jobs accepts.
    static constexpr int MaxJobs = 64;

    explicit ExportPdfCommand(CommandSession &session);

    // Runs the command with the arguments after "export-pdf"; returns its exit code (for --all
    // the worst of all the letters), with one line on stderr for each letter not written.
    int run(const QStringList &args);


private:
    int exportOne(const QString &reference, const QString &output, bool forceDraft);
    int exportAll(const QString &outDir, bool forceDraft, int jobs);

    // The letter of request ready for export with its options set, or why it cannot be
    // exported: Refused, listing what is missing, for a final letter that is not ready. The
    // letter's withheld strings include every string the request withholds.
    Result<LetterDocument> composeLetter(const LetterComposer &composer,
                                         const Request &request,
                                         bool forceDraft,
                                         ExportOptions *options) const;

    // Reports the outcome of one letter's export and records its release check; returns the
    // exit code. Findings are printed one per line; the check is recorded for a final letter of
    // a request that withholds anything.
    // record is whether the check belongs in the request's history.
    int finishExport(Store &store,
                     qint64 requestId,
                     const QString &reference,
                     bool record,
                     const Result<void> &written,
                     const ReleaseCheckResult &check,
                     const QString &path,
                     bool prefixReference);

    CommandSession &m_session;
};

} // namespace foidesk
