// bench_holidays: what adding or taking back a bank holiday costs on a large log.
//
// A day added in Tools > Bank Holidays moves the due date of every open request it falls
// before, in one transaction with a history entry for each request moved. This builds a made-up
// log (50,000 requests by default, the ones bench_requestlog makes: LogGenerator) or opens one
// given with --log, then times, several times each:
//  - adding a day for the whole UK on a weekday most open requests' deadlines run over;
//  - removing it again, which moves the same dates back;
//  - opening the log, which reads the days it added into its calendar.
// It prints median and worst as Markdown for docs/benchmarks.md. It reports and never fails on
// a slow number, so it is not a test and CTest does not run it.

#include "BenchSupport.h"
#include "LogGenerator.h"
#include "MachineReport.h"
#include "calendar/HolidayCalendar.h"
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
// A Wednesday inside the twenty working days of every request received in the month before
// AsOf, and no bank holiday anywhere in the UK.
const QDate Proclaimed(2026, 12, 2);
constexpr double ChangeTargetMs = 2000.0;
constexpr double OpenOverheadMs = 20.0;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times adding and removing a bank holiday on a large log."_s);
    parser.addHelpOption();
    const QCommandLineOption requestsOption(
        u"requests"_s, u"Requests in the generated log (default 50000)."_s, u"n"_s, u"50000"_s);
    const QCommandLineOption repeatOption(
        u"repeat"_s, u"Runs of each measurement (default 5)."_s, u"n"_s, u"5"_s);
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
        err << "bench_holidays: --requests and --repeat take a whole number of at least 1."
            << Qt::endl;
        return 2;
    }

    try {
        QTemporaryDir dir;
        QString path = parser.value(logOption);
        if (path.isEmpty())
            path = dir.filePath(u"holidays-bench.sqlite"_s);
        const bool build = !QFileInfo::exists(path);
        std::unique_ptr<Store> store = need(Store::open(path), u"The log could not be opened"_s);
        store->setCurrentUser(u"bench"_s);
        QElapsedTimer building;
        building.start();
        if (build)
            buildLog(*store, path, requests, Seed, AsOf, err);
        const qint64 buildMs = build ? building.elapsed() : -1;
        RequestQuery openQuery;
        openQuery.openOnly = true;
        const int total = need(store->countRequests(RequestQuery()), u"count"_s);
        const int open = need(store->countRequests(openQuery), u"count open"_s);
        const QString loadAtStart = loadAverage();

        QList<Holiday> day;
        for (const Nation nation :
             {Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland})
            day.append(Holiday{Proclaimed, u"Proclaimed bank holiday"_s, nation});

        Samples adding;
        Samples removing;
        qsizetype moved = 0;
        for (int i = 0; i < repeat; ++i) {
            adding.values.append(timeMs([&] {
                const HolidayChange change =
                    need(store->addHolidays(day, u"added by hand"_s), u"Add"_s);
                moved = change.moved.size();
            }));
            removing.values.append(timeMs([&] {
                need(store->removeAddedHolidays(
                         Proclaimed,
                         {Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland}),
                     u"Remove"_s);
            }));
        }
        if (moved == 0)
            throw Failure{u"Adding the day moved no due date: the log has no open request it "
                          "affects, so the numbers would mean nothing."_s};

        // Opening the log without added days, then with one: the difference is what reading
        // them into the calendar costs (the rest is the file probe and quick check).
        store.reset();
        Samples plainOpening;
        for (int i = 0; i < repeat; ++i) {
            plainOpening.values.append(
                timeMs([&] { store = need(Store::open(path), u"The log could not be opened"_s); }));
            store.reset();
        }
        store = need(Store::open(path), u"The log could not be opened"_s);
        store->setCurrentUser(u"bench"_s);
        need(store->addHolidays(day, u"added by hand"_s), u"Add"_s);
        store.reset();
        Samples opening;
        for (int i = 0; i < repeat; ++i) {
            opening.values.append(
                timeMs([&] { store = need(Store::open(path), u"The log could not be opened"_s); }));
            if (store->calendar().isHoliday(Proclaimed, Nation::Scotland) == false)
                throw Failure{u"The reopened log lost the added day."_s};
            store.reset();
        }

        const auto verdict = [](const Samples &samples, double target) {
            return samples.worst() < target ? u"pass"_s : u"**miss**"_s;
        };
        out << "## bench_holidays results\n\n";
        out << "- Log: " << QLocale(QLocale::English).toString(total) << " requests, "
            << QLocale(QLocale::English).toString(open) << " open ("
            << (build ? u"generated, seed "_s + QString::number(Seed) + u", as of "_s
                            + AsOf.toString(Qt::ISODate)
                      : u"given with --log"_s)
            << "), " << mebibytes(QFileInfo(path).size()) << " on disk";
        if (buildMs >= 0)
            out << "; built in " << QString::number(double(buildMs) / 1000.0, 'f', 1) << " s";
        out << "\n";
        out << "- The day added: " << Proclaimed.toString(Qt::ISODate)
            << ", for the whole UK; it moves " << moved << " open due dates each time\n";
        out << "- Load average at start / end: " << loadAtStart << " / " << loadAverage() << "\n\n";
        out << "| Measurement | Runs | Median | Worst | Target | Result |\n";
        out << "|---|---:|---:|---:|---|---|\n";
        out << "| Add a bank holiday: every open due date worked out again, moves recorded | "
            << adding.values.size() << " | " << ms(adding.median()) << " | " << ms(adding.worst())
            << " | < 2 s | " << verdict(adding, ChangeTargetMs) << " |\n";
        out << "| Remove it again | " << removing.values.size() << " | " << ms(removing.median())
            << " | " << ms(removing.worst()) << " | < 2 s | " << verdict(removing, ChangeTargetMs)
            << " |\n";
        out << "| Open the log (Store::open), no days added | " << plainOpening.values.size()
            << " | " << ms(plainOpening.median()) << " | " << ms(plainOpening.worst())
            << " |  |  |\n";
        out << "| Open the log with an added day in its calendar | " << opening.values.size()
            << " | " << ms(opening.median()) << " | " << ms(opening.worst())
            << " | no more than 20 ms over the line above (medians) | "
            << (opening.median() - plainOpening.median() < OpenOverheadMs ? u"pass"_s
                                                                          : u"**miss**"_s)
            << " |\n";
        printMachine(out, FOIDESK_BENCH_BUILD_TYPE);
    } catch (const Failure &failure) {
        err << "bench_holidays: " << failure.message << Qt::endl;
        return 1;
    }
    return 0;
}
