#pragma once

#include "letter/LetterDocument.h"
#include "letter/PdfExporter.h"
#include "release/ReleaseCheck.h"
#include "util/Result.h"
#include "exchange/RequestFingerprint.h"

#include <QString>
#include <functional>

namespace foidesk {

// One letter of a bulk export: the composed letter and where it goes.
struct PdfJob
{
    QString reference; // for progress and errors, set even when the letter could not be made
    QString path;
    LetterDocument letter;
    ExportOptions options;
    // The request's RequestFingerprint::of(), kept with the check of the written file.
    QByteArray fingerprint;
    // Why the letter could not be made (a request that cannot be read, a final letter that is
    // not ready). Such a job is reported as failed and nothing is rendered.
    Result<void> prepared;
};

// Exports many letters to PDF on several threads. The letters are made on the calling thread,
// a few ahead of the workers (the store is not thread-safe, and composing is cheap next to
// painting), and painted and written on worker threads: QTextDocument, QPainter and QPdfWriter
// are reentrant, so each worker uses its own. Every letter is written through exportCheckedPdf,
// so each is read back and checked for withheld text before it is kept. One letter failing
// never stops the others.
class BulkPdfExport
{
public:
    struct Outcome
    {
        int index = 0;
        QString reference;
        QString path;
        Result<void> status;
        // Time spent painting, writing and checking this letter, on its worker thread.
        qint64 workNanoseconds = 0;
        // The release check of the written file (checkedAt invalid when the letter was never
        // written, so never checked).
        ReleaseCheckResult check;
    };

    // Makes the job for letter index (0 .. count-1); called on the thread that called run().
    using JobSource = std::function<PdfJob(int index)>;
    // Called on the thread that called run() each time a letter is done, in the order they
    // finish; finished counts the letters done so far, this one included.
    using Progress = std::function<void(const Outcome &outcome, int finished, int total)>;

    // jobs is the number of worker threads; 0 or less means one per processor core.
    explicit BulkPdfExport(int jobs = 0);

    int jobs() const { return m_jobs; }

    // Exports count letters and returns once every one has been reported to progress.
    void run(int count, const JobSource &source, const Progress &progress) const;

private:
    int m_jobs = 1;
};

} // namespace foidesk
