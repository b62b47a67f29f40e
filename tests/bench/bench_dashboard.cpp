// bench_dashboard: how long the dashboard's figures take on a large log.
//
// It builds a made-up log (50,000 requests by default, the same ones bench_requestlog makes:
// LogGenerator) or opens one given with --log, then times, several times each:
//  - the figures the dashboard opens with (DashboardCounter::count: open requests by status and
//    by officer, answers in time in each of the last twelve months), grouped in SQL;
//  - a refresh of the window: those figures and the one quarter it shows;
//  - a year of quarterly statistics: QuarterCounter::count for each of the four quarters before
//    today, reading the requests received in each quarter whole and working out their clocks;
//  - for comparison, the same year counted the way QuarterCounter did before it read a
//    quarter's requests in bulk: every request's summary listed a page at a time, and those of
//    the quarter loaded one by one.
// It prints median and worst as Markdown for docs/benchmarks.md. It reports and never fails on
// a slow number, so it is not a test and CTest does not run it.

#include "BenchSupport.h"
#include "LogGenerator.h"
#include "MachineReport.h"
#include "stats/DashboardFigures.h"
#include "stats/QuarterStats.h"
#include "stats/QuarterStatsCsv.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
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
constexpr double TargetMs = 300.0;

// The four quarters that ended before today, oldest first.
QList<Quarter> yearOfQuarters(const QDate &today)
{
    QList<Quarter> quarters;
    Quarter quarter = DashboardCounter::lastCompleteQuarter(today);
    for (int i = 0; i < 4; ++i) {
        quarters.prepend(quarter);
        quarter = quarter.number == 1 ? Quarter{quarter.year - 1, 4}
                                      : Quarter{quarter.year, quarter.number - 1};
    }
    return quarters;
}

// How QuarterCounter::count(quarter, store) read a quarter before Store::requestsReceivedBetween:
// every summary a page of 500 at a time, then the quarter's requests one loadRequest() each.
QuarterStats countOneByOne(const Quarter &quarter, const Store &store)
{
    RequestQuery query;
    query.sortKey = RequestQuery::SortKey::Received;
    query.order = Qt::AscendingOrder;
    const int total = need(store.countRequests(query), u"count"_s);
    QList<Request> requests;
    for (int offset = 0; offset < total; offset += 500) {
        for (const RequestSummary &summary :
             need(store.listRequests(query, offset, 500), u"list"_s)) {
            if (quarter.contains(summary.received))
                requests.append(need(store.loadRequest(summary.id), u"load"_s));
        }
    }
    return QuarterCounter().count(quarter, requests);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the dashboard's figures on a large log."_s);
    parser.addHelpOption();
    const QCommandLineOption requestsOption(
        u"requests"_s, u"Requests in the generated log (default 50000)."_s, u"n"_s, u"50000"_s);
    const QCommandLineOption repeatOption(
        u"repeat"_s, u"Runs of each measurement (default 7)."_s, u"n"_s, u"7"_s);
    const QCommandLineOption logOption(
        u"log"_s,
        u"Use this log instead of building one; when the file does not exist it is built there "
        "and kept."_s,
        u"path"_s);
    parser.addOptions({requestsOption, repeatOption, logOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int requests = parser.value(requestsOption).toInt();
    const int repeat = parser.value(repeatOption).toInt();
    if (requests < 1 || repeat < 1) {
        err << "bench_dashboard: --requests and --repeat take a whole number of at least 1."
            << Qt::endl;
        return 2;
    }

    try {
        QTemporaryDir dir;
        QString path = parser.value(logOption);
        if (path.isEmpty())
            path = dir.filePath(u"dashboard-bench.sqlite"_s);
        const bool build = !QFileInfo::exists(path);
        std::unique_ptr<Store> store = need(Store::open(path), u"The log could not be opened"_s);
        QElapsedTimer building;
        building.start();
        if (build)
            buildLog(*store, path, requests, Seed, AsOf, err);
        const qint64 buildMs = build ? building.elapsed() : -1;
        const int total = need(store->countRequests(RequestQuery()), u"count"_s);
        const QString loadAtStart = loadAverage();

        Samples dashboard;
        DashboardFigures figures;
        for (int i = 0; i < repeat; ++i) {
            dashboard.values.append(timeMs(
                [&] { figures = need(DashboardCounter::count(*store, AsOf), u"Dashboard"_s); }));
        }

        // What the window does on each refresh (a request saved while it is open): the
        // figures and the one quarter it shows, the last complete one by default.
        Samples refresh;
        const Quarter shown = DashboardCounter::lastCompleteQuarter(AsOf);
        for (int i = 0; i < repeat; ++i) {
            refresh.values.append(timeMs([&] {
                need(DashboardCounter::count(*store, AsOf), u"Dashboard"_s);
                need(QuarterCounter().count(shown, *store), u"Quarter"_s);
            }));
        }

        const QList<Quarter> quarters = yearOfQuarters(AsOf);
        Samples year;
        QList<QuarterStats> stats;
        for (int i = 0; i < repeat; ++i) {
            year.values.append(timeMs([&] {
                stats.clear();
                for (const Quarter &quarter : quarters)
                    stats.append(need(QuarterCounter().count(quarter, *store), u"Quarter"_s));
            }));
        }

        Samples oneByOne;
        const int slowRuns = std::min(repeat, 3);
        for (int i = 0; i < slowRuns; ++i) {
            oneByOne.values.append(timeMs([&] {
                for (const Quarter &quarter : quarters) {
                    // Every figure, not only the count received: the CSV has them all.
                    const QuarterStats before = countOneByOne(quarter, *store);
                    if (QuarterStatsText::csv(before)
                        != QuarterStatsText::csv(stats.at(quarters.indexOf(quarter))))
                        throw Failure{u"The two ways of counting disagree on "_s + quarter.text()};
                }
            }));
        }

        const auto verdict = [](const Samples &samples) {
            return samples.worst() < TargetMs ? u"pass"_s : u"**miss**"_s;
        };
        int received = 0;
        for (const QuarterStats &quarter : stats)
            received += quarter.received;

        out << "## bench_dashboard results\n\n";
        out << "- Log: " << QLocale(QLocale::English).toString(total) << " requests ("
            << (build ? u"generated, seed "_s + QString::number(Seed) + u", as of "_s
                            + AsOf.toString(Qt::ISODate)
                      : u"given with --log"_s)
            << "), " << mebibytes(QFileInfo(path).size()) << " on disk";
        if (buildMs >= 0)
            out << "; built in " << QString::number(double(buildMs) / 1000.0, 'f', 1) << " s";
        out << "\n";
        out << "- Dashboard as of " << AsOf.toString(Qt::ISODate) << ": " << figures.open
            << " open requests, " << figures.openByOfficer.size() << " officers with open "
            << "requests\n";
        out << "- Year of quarters: " << quarters.constFirst().text() << " to "
            << quarters.constLast().text() << ", " << received << " requests received\n";
        out << "- Load average at start / end: " << loadAtStart << " / " << loadAverage() << "\n\n";
        out << "| Measurement | Runs | Median | Worst | Target | Result |\n";
        out << "|---|---:|---:|---:|---|---|\n";
        out << "| Open the dashboard (DashboardCounter::count, grouped in SQL) | "
            << dashboard.values.size() << " | " << ms(dashboard.median()) << " | "
            << ms(dashboard.worst()) << " | < 300 ms | " << verdict(dashboard) << " |\n";
        out << "| Refresh the dashboard: the figures and the quarter shown (" << shown.text()
            << ") | " << refresh.values.size() << " | " << ms(refresh.median()) << " | "
            << ms(refresh.worst()) << " | < 300 ms | " << verdict(refresh) << " |\n";
        out << "| A year of quarterly statistics (4 x QuarterCounter::count) | "
            << year.values.size() << " | " << ms(year.median()) << " | " << ms(year.worst())
            << " | < 300 ms | " << verdict(year) << " |\n";
        out << "| &nbsp;&nbsp;for comparison: the same year read a summary page and a request "
               "at a time | "
            << oneByOne.values.size() << " | " << ms(oneByOne.median()) << " | "
            << ms(oneByOne.worst()) << " |  |  |\n";
        printMachine(out, FOIDESK_BENCH_BUILD_TYPE);
    } catch (const Failure &failure) {
        err << "bench_dashboard: " << failure.message << Qt::endl;
        return 1;
    }
    return 0;
}
