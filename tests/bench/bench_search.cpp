// bench_search: the disclosure log as a memory and as a site, on a large log.
//
// It builds a made-up log (50,000 requests by default, the ones bench_requestlog makes:
// LogGenerator) or opens one given with --log, then times:
//  - a search while typing: Store::search for each prefix of a few phrases an officer types,
//    a keystroke at a time, the first page (50 results) each;
//  - similar-question suggestions: Store::similarQuestions for questions as asked;
//  - a full publish of the log (Publisher::publish into an empty folder);
//  - a publish after one request changed, into the folder the full publish wrote.
// It prints median and worst as Markdown for docs/benchmarks.md. It reports and never fails on
// a slow number, so it is not a test and CTest does not run it.

#include "BenchSupport.h"
#include "LogGenerator.h"
#include "MachineReport.h"
#include "publish/Publisher.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>

#ifndef FOIDESK_BENCH_BUILD_TYPE
#define FOIDESK_BENCH_BUILD_TYPE "unknown"
#endif

using namespace foidesk;
using namespace foidesk::bench;
using namespace Qt::StringLiterals;

namespace {

// The same day and seed as bench_requestlog, so both time the same log.
const QDate AsOf(2026, 11, 20);
constexpr quint32 Seed = 6370952;

// What an officer types into the search box, a keystroke at a time.
const QStringList Typed = {
    u"complaints about parking"_s,
    u"spent on contractors"_s,
    u"escalated to a senior manager"_s,
    u"staff who work on"_s,
};

// Questions as a requester asks them, for the suggestions shown beside a question.
const QStringList Asked = {
    u"How many complaints did the council receive about potholes, broken down by ward?"_s,
    u"Please send me the total amount spent on agency staff for each of the last three years."_s,
    u"I would like to know the names of the companies contracted for grounds maintenance."_s,
    u"How many service requests about fly-tipping were closed without any action?"_s,
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times search, suggestions and publishing on a large log."_s);
    parser.addHelpOption();
    const QCommandLineOption requestsOption(
        u"requests"_s, u"Requests in the generated log (default 50000)."_s, u"n"_s, u"50000"_s);
    const QCommandLineOption repeatOption(
        u"repeat"_s,
        u"Runs of the suggestion and republish measurements (default 5)."_s,
        u"n"_s,
        u"5"_s);
    const QCommandLineOption logOption(
        u"log"_s,
        u"Use this log instead of building one; when the file does not exist it is built there "
        "and kept."_s,
        u"path"_s);
    const QCommandLineOption noPublishOption(
        u"no-publish"_s,
        u"Time search and suggestions only (a full publish of a large log takes long: see "
        "docs/benchmarks.md)."_s);
    parser.addOptions({requestsOption, repeatOption, logOption, noPublishOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int requests = parser.value(requestsOption).toInt();
    const int repeat = parser.value(repeatOption).toInt();
    if (requests < 1 || repeat < 1) {
        err << "bench_search: --requests and --repeat take a whole number of at least 1."
            << Qt::endl;
        return 2;
    }

    try {
        QTemporaryDir dir;
        QString path = parser.value(logOption);
        if (path.isEmpty())
            path = dir.filePath(u"search-bench.sqlite"_s);
        const bool build = !QFileInfo::exists(path);
        std::unique_ptr<Store> store = need(Store::open(path), u"The log could not be opened"_s);
        store->setCurrentUser(u"bench"_s);
        if (build)
            buildLog(*store, path, requests, Seed, AsOf, err);
        const int total = need(store->countRequests(RequestQuery()), u"count"_s);
        const QString loadAtStart = loadAverage();

        // Search while typing: every prefix of two characters or more, as the box searches.
        Samples typing;
        int keystrokes = 0;
        qsizetype lastHits = 0;
        for (const QString &phrase : Typed) {
            for (qsizetype n = 2; n <= phrase.size(); ++n) {
                const QString prefix = phrase.left(n);
                if (prefix.endsWith(u' '))
                    continue;
                typing.values.append(timeMs(
                    [&] {
                        lastHits = need(store->search(prefix, 50, SearchScope::TypingNewest),
                                        u"Search"_s)
                                       .size();
                    }));
                ++keystrokes;
            }
        }

        Samples suggesting;
        qsizetype suggestions = 0;
        for (int i = 0; i < repeat; ++i) {
            for (const QString &question : Asked) {
                suggesting.values.append(timeMs([&] {
                    suggestions +=
                        need(store->similarQuestions(question, 0, 5), u"Suggestions"_s).size();
                }));
            }
        }

        const bool publish = !parser.isSet(noPublishOption);
        const QString site = dir.filePath(u"site"_s);
        PublishOptions options;
        options.outDir = site;
        options.today = AsOf;
        PublishResult full;
        double fullMs = 0.0;
        Samples republishing;
        qsizetype rewritten = 0;
        if (publish) {
            err << "Publishing the whole log..." << Qt::endl;
            fullMs =
                timeMs([&] { full = need(Publisher::publish(*store, options), u"Publish"_s); });
            if (full.published.isEmpty())
                throw Failure{u"The publish published nothing, so its time would mean nothing."_s};

            // One published request changed: its title, as an officer correcting a typo would.
            const QString changedReference = full.published.constFirst();
            for (int i = 0; i < repeat; ++i) {
                Request changed = need(store->loadRequestByReference(changedReference), u"Load"_s);
                changed.title = changed.title + (i % 2 ? u" (corrected)"_s : u" (amended)"_s);
                // Sent requests are locked against content changes; the title goes straight in
                // through import, as a correction from another system would.
                need(store->importRequest(changed, true), u"Change"_s);
                PublishResult again;
                republishing.values.append(timeMs(
                    [&] { again = need(Publisher::publish(*store, options), u"Republish"_s); }));
                rewritten = again.written.size();
            }
        }

        const auto verdict = [](double value, double target) {
            return value < target ? u"pass"_s : u"**miss**"_s;
        };
        qint64 siteBytes = 0;
        int siteFiles = 0;
        {
            QDirIterator it(site, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                it.next();
                siteBytes += it.fileInfo().size();
                ++siteFiles;
            }
        }
        out << "## bench_search results\n\n";
        out << "- Log: " << QLocale(QLocale::English).toString(total) << " requests ("
            << (build ? u"generated, seed "_s + QString::number(Seed) + u", as of "_s
                            + AsOf.toString(Qt::ISODate)
                      : u"given with --log"_s)
            << "), " << mebibytes(QFileInfo(path).size()) << " on disk\n";
        out << "- Search: " << keystrokes << " keystrokes over " << Typed.size()
            << " phrases; the last returned " << lastHits << " hits\n";
        out << "- Suggestions: " << suggestions << " offered over " << suggesting.values.size()
            << " look-ups\n";
        if (publish)
            out << "- Site: " << QLocale(QLocale::English).toString(full.published.size())
                << " requests published, " << full.skipped.size() << " kept out by the gate; "
                << siteFiles << " files, " << mebibytes(siteBytes) << "; a republish after one "
                << "change rewrote " << rewritten << " files\n";
        out << "- Load average at start / end: " << loadAtStart << " / " << loadAverage() << "\n\n";
        out << "| Measurement | Runs | Median | Worst | Target | Result |\n";
        out << "|---|---:|---:|---:|---|---|\n";
        out << "| Search while typing, first page (Store::search) | " << typing.values.size()
            << " | " << ms(typing.median()) << " | " << ms(typing.worst())
            << " | < 20 ms median, < 50 ms worst | "
            << (typing.median() < 20.0 && typing.worst() < 50.0 ? u"pass"_s : u"**miss**"_s)
            << " |\n";
        out << "| Similar-question suggestions (Store::similarQuestions) | "
            << suggesting.values.size() << " | " << ms(suggesting.median()) << " | "
            << ms(suggesting.worst()) << " | < 50 ms | " << verdict(suggesting.worst(), 50.0)
            << " |\n";
        if (publish) {
            out << "| Publish the whole log (Publisher::publish, empty folder) | 1 | " << ms(fullMs)
                << " | " << ms(fullMs) << " | < 60 s | " << verdict(fullMs, 60000.0) << " |\n";
            out << "| Publish again after one request changed | " << republishing.values.size()
                << " | " << ms(republishing.median()) << " | " << ms(republishing.worst())
                << " | < 2 s | " << verdict(republishing.worst(), 2000.0) << " |\n";
        }
        printMachine(out, FOIDESK_BENCH_BUILD_TYPE);
    } catch (const Failure &failure) {
        err << "bench_search: " << failure.message << Qt::endl;
        return 1;
    }
    return 0;
}
