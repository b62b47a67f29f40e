// bench_requestlog: how a request log behaves at the size the request list is designed for.
//
// It builds a log of N requests (50,000 by default) through the store, the way an import does,
// then times what a person waits for: reopening the log, the first page of the request list,
// scrolling it to the end, sorting and filtering it, opening and saving one request, and a
// backup. Each measurement is repeated and reported as median and worst beside the targets
// recorded in docs/benchmarks.md. It reports and never fails on a slow number, so it is not a
// test and CTest does not run it.

#include "LogGenerator.h"
#include "MachineReport.h"
#include "model/RequestEnums.h"
#include "listing/RequestListModel.h"
#include "store/Backups.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <memory>
#include <utility>

#ifndef FOIDESK_BENCH_BUILD_TYPE
#define FOIDESK_BENCH_BUILD_TYPE "unknown"
#endif

using namespace foidesk;
using namespace Qt::StringLiterals;

using namespace foidesk::bench;

namespace {

// The generated log is "as of" this day: its requests were received over the five years
// before it, and the list works out due states as if it were today, so every run sees the
// same log with the same due states.
QDate asOf()
{
    return QDate(2026, 11, 20);
}
constexpr quint32 Seed = 6370952;
// Text in no request: a filter that matches nothing.
const QString NoMatchText = u"qzxv"_s;
// Rows a maximised window shows at 100% scaling.
constexpr int VisibleRows = 40;

// Thrown when the store fails or the list does not show what the log holds: the numbers would
// mean nothing, so the run stops.
struct Failure
{
    QString message;
};

template <typename T> T need(Result<T> result, const QString &what)
{
    if (!result)
        throw Failure{what + u": "_s + result.errorMessage()};
    return std::move(result).value();
}

void check(bool condition, const QString &message)
{
    if (!condition)
        throw Failure{message};
}

QString number(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(value);
}

QString milliseconds(double ms)
{
    if (ms >= 1000.0)
        return QString::number(ms / 1000.0, 'f', 2) + u" s"_s;
    return QString::number(ms, 'f', ms < 10.0 ? 2 : 1) + u" ms"_s;
}

template <typename Work> double timeMs(Work &&work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Samples
{
    QList<double> values;

    void add(double value) { values.append(value); }
    double median() const
    {
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype n = sorted.size();
        if (n == 0)
            return 0.0;
        return n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2.0;
    }
    double worst() const
    {
        return values.isEmpty() ? 0.0 : *std::max_element(values.begin(), values.end());
    }
};

// One line of the results table.
struct Line
{
    QString what;
    QString runs;
    QString median;
    QString worst;
    QString target;
    QString verdict;
};

struct Report
{
    QList<Line> lines;
    int misses = 0;
};

// Adds a timing. With a target, the worst run decides pass or miss: a person feels every slow
// run, not the typical one.
void addTiming(Report &report, const QString &what, const Samples &samples, double targetMs = 0.0)
{
    Line line{what,
              QString::number(samples.values.size()),
              milliseconds(samples.median()),
              milliseconds(samples.worst()),
              QString(),
              QString()};
    if (targetMs > 0.0) {
        line.target = u"< "_s + QString::number(targetMs) + u" ms"_s;
        const bool met = samples.worst() < targetMs;
        line.verdict = met ? u"pass"_s : u"**miss**"_s;
        if (!met)
            ++report.misses;
    }
    report.lines.append(line);
}

// What the generator put in the log, to check that the list finds the same.
struct LogFacts
{
    QList<qint64> ids;
    int marked = 0;
    int open = 0;
    int questions = 0;
};

// ---- The request list, as a view drives it -----------------------------------------------

// What a table view asks of each visible cell when it paints it, plus the due state the list's
// delegate reads for the Due column. Returns how many cells had something to show.
int paintRows(const RequestListModel &model, int firstRow, int rows)
{
    static const int roles[] = {Qt::DisplayRole,
                                Qt::DecorationRole,
                                Qt::FontRole,
                                Qt::TextAlignmentRole,
                                Qt::ForegroundRole,
                                Qt::BackgroundRole,
                                Qt::CheckStateRole};
    int shown = 0;
    const int last = std::min(model.rowCount(), firstRow + rows);
    for (int row = firstRow; row < last; ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            for (int role : roles) {
                if (model.data(index, role).isValid())
                    ++shown;
            }
        }
        model.data(model.index(row, RequestListModel::DueColumn), RequestListModel::DueStateRole);
    }
    return shown;
}

void checkLoaded(const RequestListModel &model, const QString &what)
{
    check(model.lastError().isEmpty(), what + u": "_s + model.lastError());
}

// ---- The machine --------------------------------------------------------------------------

QString sqliteVersion()
{
    const QString connection = u"bench-sqlite-version"_s;
    QString version = u"n/a"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(u":memory:"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT sqlite_version()"_s) && query.next())
                version = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return version;
}

// ---- The run ------------------------------------------------------------------------------

struct Options
{
    int requests = 50000;
    int repeat = 5;
    QString folder;
    bool keep = false;
};

class Bench
{
public:
    Bench(const Options &options, QTextStream &progress)
        : m_options(options)
        , m_progress(progress)
        , m_rng(Seed)
    {}

    void run(QTextStream &out);

private:
    void build(const QString &path);
    void reopen(const QString &path);
    void firstPage();
    void fullScroll();
    void sorting();
    void filtering();
    void dueStates();
    void loadAndSave();
    void backups(const QString &folder);
    void say(const QString &text) { m_progress << text << Qt::endl; }

    Options m_options;
    QTextStream &m_progress;
    QRandomGenerator m_rng; // picks the requests to load and save
    std::unique_ptr<Store> m_store;
    LogFacts m_facts;
    Report m_report;
    QStringList m_notes;
    int m_shownCells = 0;
};

void Bench::build(const QString &path)
{
    const int n = m_options.requests;
    say(u"Building a log of "_s + number(n) + u" requests in "_s + QDir::toNativeSeparators(path));
    m_store = need(Store::open(path), u"The log could not be created"_s);

    LogGenerator generator(n, Seed, asOf());

    // The build is timed in fifths, to show whether importing slows down as the log grows.
    const int chunks = std::min(5, n);
    Samples perSecond;
    double totalMs = 0.0;
    int done = 0;
    m_facts.ids.reserve(n);
    for (int chunk = 0; chunk < chunks; ++chunk) {
        const int end = int(qint64(n) * (chunk + 1) / chunks);
        double chunkMs = 0.0;
        const int start = done;
        for (; done < end; ++done) {
            const Request request = generator.next();
            if (request.title.contains(LogGenerator::markerText()))
                ++m_facts.marked;
            if (isOpenStatus(request.status))
                ++m_facts.open;
            m_facts.questions += int(request.questions.size());
            Request stored;
            chunkMs += timeMs([&] {
                stored = need(m_store->importRequest(request, false),
                              u"Request "_s + request.reference + u" could not be imported"_s);
            });
            m_facts.ids.append(stored.id);
        }
        totalMs += chunkMs;
        perSecond.add(double(end - start) / (chunkMs / 1000.0));
        say(u"  "_s + number(done) + u" imported"_s);
    }
    const double slowest = *std::min_element(perSecond.values.begin(), perSecond.values.end());
    m_report.lines.append({u"Build: import one request (one transaction each), requests/second"_s,
                           QString::number(perSecond.values.size()) + u" fifths"_s,
                           number(qRound64(perSecond.median())) + u"/s"_s,
                           number(qRound64(slowest)) + u"/s (slowest fifth)"_s,
                           QString(),
                           QString()});
    m_notes.append(u"Building the log: "_s + number(n) + u" imports took "_s + milliseconds(totalMs)
                   + u" ("_s + number(qRound64(double(n) / (totalMs / 1000.0)))
                   + u" requests/second overall)."_s);
    m_store.reset();
}

void Bench::reopen(const QString &path)
{
    say(u"Reopening the log"_s);
    Samples samples;
    for (int i = 0; i < m_options.repeat; ++i) {
        m_store.reset();
        samples.add(
            timeMs([&] { m_store = need(Store::open(path), u"The log could not be reopened"_s); }));
    }
    addTiming(m_report, u"Reopen the log (Store::open: probe, quick check, schema)"_s, samples);
}

void Bench::firstPage()
{
    say(u"The first page of the request list"_s);
    Samples samples;
    for (int i = 0; i < m_options.repeat; ++i) {
        std::unique_ptr<RequestListModel> model;
        samples.add(timeMs([&] {
            model = std::make_unique<RequestListModel>(m_store.get());
            model->setToday(asOf());
            m_shownCells += paintRows(*model, 0, VisibleRows);
        }));
        checkLoaded(*model, u"The first page could not be loaded"_s);
        check(model->totalCount() == m_options.requests,
              u"The list counts "_s + number(model->totalCount()) + u" requests, not "_s
                  + number(m_options.requests));
    }
    addTiming(
        m_report, u"First page: construct the model, rowCount, paint 40 rows"_s, samples, 100);
}

void Bench::fullScroll()
{
    say(u"Scrolling the whole list"_s);
    Samples whole;
    Samples fetching;
    Samples deepest;
    for (int i = 0; i < m_options.repeat; ++i) {
        RequestListModel model(m_store.get());
        model.setToday(asOf());
        double fetchMs = 0.0;
        double lastFetchMs = 0.0;
        whole.add(timeMs([&] {
            while (model.canFetchMore(QModelIndex())) {
                lastFetchMs = timeMs([&] { model.fetchMore(QModelIndex()); });
                fetchMs += lastFetchMs;
            }
            for (int row = 0; row < model.rowCount(); ++row) {
                for (int column = 0; column < model.columnCount(); ++column) {
                    if (model.data(model.index(row, column)).isValid())
                        ++m_shownCells;
                }
            }
        }));
        checkLoaded(model, u"Scrolling the list failed"_s);
        check(model.rowCount() == m_options.requests,
              u"Scrolling to the end loaded "_s + number(model.rowCount()) + u" rows, not "_s
                  + number(m_options.requests));
        fetching.add(fetchMs);
        deepest.add(lastFetchMs);
    }
    addTiming(m_report, u"Full scroll: fetchMore to the end, data() of every cell"_s, whole);
    addTiming(m_report, u"  of which fetchMore, all pages"_s, fetching);
    addTiming(m_report, u"  one fetchMore at the end of the list (the deepest page)"_s, deepest);
}

void Bench::sorting()
{
    say(u"Sorting by each column"_s);
    RequestListModel model(m_store.get());
    model.setToday(asOf());
    Samples statusNextPage;
    for (int column = 0; column < RequestListModel::ColumnCount; ++column) {
        const QString name = model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            Samples samples;
            for (int i = 0; i < m_options.repeat; ++i) {
                // Sorting the other way first, so that every timed sort is a real change.
                model.sort(column,
                           order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
                samples.add(timeMs([&] {
                    model.sort(column, order);
                    m_shownCells += paintRows(model, 0, VisibleRows);
                }));
                checkLoaded(model, u"Sorting by "_s + name + u" failed"_s);
                // Status is the one order no index gives (the workflow order is a CASE
                // expression), so every page of it sorts the whole table again.
                if (column == RequestListModel::StatusColumn && order == Qt::AscendingOrder) {
                    statusNextPage.add(timeMs([&] { model.fetchMore(QModelIndex()); }));
                    checkLoaded(model, u"The next page by status could not be loaded"_s);
                }
            }
            addTiming(m_report,
                      u"Sort by "_s + name
                          + (order == Qt::AscendingOrder ? u", ascending"_s : u", descending"_s),
                      samples,
                      200);
        }
    }
    addTiming(m_report, u"Next page (fetchMore) when sorted by Status"_s, statusNextPage);
}

void Bench::filtering()
{
    say(u"Filtering"_s);
    RequestListModel model(m_store.get());
    model.setToday(asOf());
    Samples some;
    Samples none;
    Samples openOnly;
    Samples cleared;
    for (int i = 0; i < m_options.repeat; ++i) {
        some.add(timeMs([&] {
            model.setFilterText(LogGenerator::markerText());
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));
        checkLoaded(model, u"Filtering by text failed"_s);
        check(model.totalCount() == m_facts.marked,
              u"The text filter found "_s + number(model.totalCount()) + u" requests, not "_s
                  + number(m_facts.marked));
        cleared.add(timeMs([&] {
            model.setFilterText(QString());
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));

        none.add(timeMs([&] {
            model.setFilterText(NoMatchText);
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));
        check(model.totalCount() == 0, u"The filter that should match nothing matched"_s);
        cleared.add(timeMs([&] {
            model.setFilterText(QString());
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));

        openOnly.add(timeMs([&] {
            model.setOpenOnly(true);
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));
        checkLoaded(model, u"The status filter failed"_s);
        check(model.totalCount() == m_facts.open,
              u"The status filter found "_s + number(model.totalCount()) + u" open requests, not "_s
                  + number(m_facts.open));
        cleared.add(timeMs([&] {
            model.setOpenOnly(false);
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));
        checkLoaded(model, u"Clearing a filter failed"_s);
    }
    const double share = 100.0 * m_facts.marked / std::max(1, m_options.requests);
    addTiming(m_report,
              u"Text filter matching "_s + number(m_facts.marked) + u" requests ("_s
                  + QString::number(share, 'f', 1) + u"%)"_s,
              some,
              200);
    addTiming(m_report, u"Text filter matching nothing"_s, none, 200);
    addTiming(m_report,
              u"Status filter: open requests only ("_s + number(m_facts.open) + u')',
              openOnly,
              200);
    addTiming(m_report, u"Clear a filter (back to the whole log)"_s, cleared, 200);
}

void Bench::dueStates()
{
    say(u"Due states"_s);
    RequestListModel model(m_store.get());
    model.setToday(asOf());
    auto duePage = [&] {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QVariant state = model.data(model.index(row, RequestListModel::DueColumn),
                                              RequestListModel::DueStateRole);
            if (state.toInt() != int(RequestListModel::DueState::None))
                ++m_shownCells;
        }
    };
    Samples newest;
    for (int i = 0; i < m_options.repeat; ++i)
        newest.add(timeMs(duePage));
    addTiming(m_report, u"Due state of one page (200 rows, newest first)"_s, newest);

    // The slowest page to work out: the oldest overdue requests, many working days late.
    model.setOpenOnly(true);
    model.sort(RequestListModel::DueColumn, Qt::AscendingOrder);
    checkLoaded(model, u"The overdue requests could not be listed"_s);
    Samples overdue;
    for (int i = 0; i < m_options.repeat; ++i)
        overdue.add(timeMs(duePage));
    addTiming(m_report, u"Due state of one page (open only, oldest due first)"_s, overdue);
}

void Bench::loadAndSave()
{
    say(u"Loading and saving single requests"_s);
    const int count = std::max(10, m_options.repeat * 10);
    RequestListModel model(m_store.get());
    model.setToday(asOf());
    Samples loads;
    Samples saves;
    Samples refreshes;
    for (int i = 0; i < count; ++i) {
        const qint64 id = m_facts.ids.at(m_rng.bounded(int(m_facts.ids.size())));
        Request request;
        loads.add(timeMs(
            [&] { request = need(m_store->loadRequest(id), u"A request could not be loaded"_s); }));
        check(request.questions.size() == 3,
              u"Request "_s + request.reference + u" came back without its questions"_s);
        const int revision = request.revision;
        request.questions[0].answer += u" Checked again before sending."_s;
        Request saved;
        saves.add(timeMs([&] {
            saved = need(m_store->saveRequest(request), u"A request could not be saved"_s);
        }));
        check(saved.revision == revision + 1,
              u"Saving request "_s + request.reference + u" did not bump its revision"_s);
        // After a save the window's list reloads the rows it has loaded.
        refreshes.add(timeMs([&] {
            model.refresh();
            m_shownCells += paintRows(model, 0, VisibleRows);
        }));
        checkLoaded(model, u"The list could not be refreshed after a save"_s);
    }
    addTiming(m_report, u"Load one request with its questions (loadRequest)"_s, loads, 20);
    addTiming(
        m_report, u"Save one request (saveRequest: check, update, questions, audit)"_s, saves, 20);
    addTiming(m_report, u"Refresh the list after a save (one page loaded)"_s, refreshes);
}

void Bench::backups(const QString &folder)
{
    say(u"Backing up"_s);
    Samples samples;
    qint64 size = 0;
    for (int i = 0; i < m_options.repeat; ++i) {
        const QDateTime now = QDateTime(asOf(), QTime(9, 0)).addSecs(i);
        QString path;
        samples.add(timeMs([&] {
            path = need(Backups::backupNow(*m_store, folder, now), u"The backup failed"_s);
        }));
        size = QFileInfo(path).size();
        QFile::remove(path);
    }
    addTiming(m_report, u"Back up the log (Backups::backupNow, VACUUM INTO)"_s, samples);
    m_notes.append(u"Each backup file was "_s + mebibytes(size) + u"."_s);
}

void Bench::run(QTextStream &out)
{
    const QString loadBefore = loadAverage();
    QTemporaryDir dir(QDir(m_options.folder.isEmpty() ? QDir::tempPath() : m_options.folder)
                          .filePath(u"foidesk-bench-XXXXXX"_s));
    check(dir.isValid(),
          u"No temporary folder could be made for the log: "_s + dir.errorString()
              + u". Give a writable folder with --dir."_s);
    dir.setAutoRemove(!m_options.keep);
    const QString path = dir.filePath(u"bench.sqlite"_s);

    QElapsedTimer wholeRun;
    wholeRun.start();
    build(path);
    const qint64 logSize = QFileInfo(path).size();
    reopen(path);
    firstPage();
    fullScroll();
    sorting();
    filtering();
    dueStates();
    loadAndSave();
    backups(dir.filePath(u"backups"_s));
    check(m_shownCells > 0, u"The list showed nothing"_s);
    m_store.reset();

    out << "## bench_requestlog results\n\n";
    out << "- Log: " << number(m_options.requests) << " requests, " << number(m_facts.questions)
        << " questions, " << mebibytes(logSize) << " on disk; received over the five years to "
        << asOf().toString(Qt::ISODate) << ", random seed " << Seed << "\n";
    out << "- Each timing repeated " << m_options.repeat << " times (load and save "
        << std::max(10, m_options.repeat * 10) << " times, on different requests)\n";
    for (const QString &note : std::as_const(m_notes))
        out << "- " << note << "\n";
    out << "- Whole run: " << milliseconds(double(wholeRun.elapsed()))
        << "; peak memory (RSS): " << peakResidentMemory() << "\n";
    out << "- Load average before / after: " << loadBefore << " / " << loadAverage() << "\n\n";

    out << "| Measurement | Runs | Median | Worst | Target | Result |\n";
    out << "|---|---:|---:|---:|---|---|\n";
    for (const Line &line : m_report.lines) {
        out << "| " << line.what << " | " << line.runs << " | " << line.median << " | "
            << line.worst << " | " << line.target << " | " << line.verdict << " |\n";
    }
    out << "\n" << m_report.misses << " of the targets missed (judged by the worst run).\n\n";

    out << "### Machine\n\n";
    out << "- CPU: " << cpuModel() << ", " << QThread::idealThreadCount() << " logical cores\n";
    out << "- Memory: " << totalMemory() << "\n";
    out << "- OS: " << QSysInfo::prettyProductName() << " (kernel " << QSysInfo::kernelVersion()
        << ")\n";
    out << "- Compiler: " << compiler() << "; build type: " << FOIDESK_BENCH_BUILD_TYPE << "\n";
    out << "- Qt " << qVersion() << " (built against " << QT_VERSION_STR << "), SQLite "
        << sqliteVersion() << "\n";
    if (m_options.keep)
        out << "- The log was kept: " << QDir::toNativeSeparators(path) << "\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_requestlog"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Builds an FOI Desk log of many requests in a temporary folder and times the store "
        "and the request list on it. Prints the results as a Markdown table."_s);
    parser.addHelpOption();
    const QCommandLineOption requestsOption(
        u"requests"_s, u"Number of requests in the log (default 50000)."_s, u"N"_s, u"50000"_s);
    const QCommandLineOption repeatOption(
        u"repeat"_s, u"Times each measurement is repeated (default 5)."_s, u"N"_s, u"5"_s);
    const QCommandLineOption dirOption(
        u"dir"_s,
        u"Folder to build the log in, e.g. a network drive (default: the temporary folder)."_s,
        u"FOLDER"_s);
    const QCommandLineOption keepOption(
        u"keep"_s, u"Keep the log afterwards, to open it in FOI Desk with --db."_s);
    parser.addOptions({requestsOption, repeatOption, dirOption, keepOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    Options options;
    bool requestsOk = false;
    bool repeatOk = false;
    options.requests = parser.value(requestsOption).toInt(&requestsOk);
    options.repeat = parser.value(repeatOption).toInt(&repeatOk);
    if (!requestsOk || options.requests < 1 || !repeatOk || options.repeat < 1) {
        err << "bench_requestlog: --requests and --repeat take a whole number of at least 1."
            << Qt::endl;
        return 1;
    }
    options.folder = parser.value(dirOption);
    options.keep = parser.isSet(keepOption);

    try {
        Bench bench(options, err);
        bench.run(out);
    } catch (const Failure &failure) {
        err << "bench_requestlog: " << failure.message << Qt::endl;
        return 2;
    }
    return 0;
}
