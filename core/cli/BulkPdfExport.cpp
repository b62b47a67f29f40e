#include "cli/BulkPdfExport.h"
#include "letter/PdfExporter.h"

#include <QElapsedTimer>
#include <QList>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace foidesk {

namespace {

// What the workers hand back to the thread that reports progress. The standard mutex and
// condition variable rather than Qt's: ThreadSanitizer follows them into the wait, so the
// hand-over can be checked with -fsanitize=thread against a Qt built without it.
struct Shared
{
    std::mutex mutex;
    std::condition_variable changed;
    QList<BulkPdfExport::Outcome> finished;
    int inFlight = 0;
};

} // namespace

BulkPdfExport::BulkPdfExport(int jobs)
    : m_jobs(jobs > 0 ? jobs : std::max(1, QThread::idealThreadCount()))
{}

void BulkPdfExport::run(int count, const JobSource &source, const Progress &progress) const
{
    // Declared before the pool, whose destructor waits for the workers: they use it to the end.
    Shared shared;
    QThreadPool pool;
    pool.setMaxThreadCount(m_jobs);
    // Two letters queued per worker keep every core busy while bounding the memory held by
    // letters waiting to be painted, however large the log.
    const int window = m_jobs * 2;
    int next = 0;
    int reported = 0;

    const auto report = [&](const Outcome &outcome) {
        ++reported;
        progress(outcome, reported, count);
    };

    while (reported < count) {
        while (next < count) {
            {
                const std::lock_guard lock(shared.mutex);
                if (shared.inFlight >= window)
                    break;
            }
            const int index = next++;
            PdfJob job = source(index);
            if (!job.prepared) {
                report(Outcome{index, job.reference, job.path, job.prepared, 0, {}});
                continue;
            }
            {
                const std::lock_guard lock(shared.mutex);
                ++shared.inFlight;
            }
            pool.start([job = std::move(job), index, &shared]() {
                QElapsedTimer timer;
                timer.start();
                ReleaseCheckResult check;
                Result<void> written =
                    PdfExporter::exportChecked(job.letter, job.path, job.options, job.fingerprint, &check);
                Outcome outcome{index,
                                job.reference,
                                job.path,
                                std::move(written),
                                timer.nsecsElapsed(),
                                std::move(check)};
                const std::lock_guard lock(shared.mutex);
                shared.finished.append(std::move(outcome));
                --shared.inFlight;
                shared.changed.notify_all();
            });
        }

        QList<Outcome> done;
        {
            std::unique_lock lock(shared.mutex);
            shared.changed.wait(lock,
                                [&] { return !shared.finished.isEmpty() || shared.inFlight == 0; });
            done.swap(shared.finished);
        }
        for (const Outcome &outcome : std::as_const(done))
            report(outcome);
    }
    pool.waitForDone();
}

} // namespace foidesk
