#include "cli/CommandLine.h"
#include "exchange/RequestJson.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;

namespace {

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

const QStringList letterReferences = {QStringLiteral("6370952"),
                                      QStringLiteral("6565528"),
                                      QStringLiteral("7014168"),
                                      QStringLiteral("6299088"),
                                      QStringLiteral("7012568")};

QString letterPath(const QString &reference)
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/letters/") + reference + QStringLiteral(".json");
}

QStringList allLetterPaths()
{
    QStringList paths;
    for (const QString &reference : letterReferences)
        paths.append(letterPath(reference));
    return paths;
}

Request letter(const QString &reference)
{
    const Result<Request> r = RequestJson::readFile(letterPath(reference));
    if (!r)
        qFatal("%s", qPrintable(r.errorMessage()));
    return r.value();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

// The command line is what scripts and other systems drive: exit codes, one-line errors and
// "nothing written" on bad input are promises they rely on.
class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    Outcome run(const QStringList &arguments, const QDate &today = QDate(2020, 7, 1))
    {
        Outcome outcome;
        QTextStream out(&outcome.out);
        QTextStream err(&outcome.err);
        outcome.code = CommandLine::run(arguments, out, err, today);
        return outcome;
    }

    Outcome runOnLog(const QStringList &arguments, const QDate &today = QDate(2020, 7, 1))
    {
        return run(QStringList{QStringLiteral("--db"), m_db} + arguments, today);
    }

    QString tempFile(const QString &name) const { return m_dir->filePath(name); }

    // Every stored request as written, with its revision: any change to the log changes this.
    QPair<int, QByteArray> logChecksum()
    {
        const Result<std::unique_ptr<Store>> store = Store::open(m_db);
        if (!store)
            qFatal("%s", qPrintable(store.errorMessage()));
        const Result<QList<RequestSummary>> rows =
            store.value()->listRequests(RequestQuery(), 0, 100000);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const RequestSummary &row : rows.value()) {
            const Result<Request> r = store.value()->loadRequest(row.id);
            hash.addData(RequestJson::serialize(r.value()));
            hash.addData(QByteArray::number(r->revision));
        }
        return {int(rows->size()), hash.result()};
    }

    Request stored(const QString &reference)
    {
        const Result<std::unique_ptr<Store>> store = Store::open(m_db);
        const Result<Request> r = store.value()->loadRequestByReference(reference);
        if (!r)
            qFatal("%s", qPrintable(r.errorMessage()));
        return r.value();
    }

    void importLetters()
    {
        const Outcome imported = runOnLog(QStringList{QStringLiteral("import")} + allLetterPaths());
        QVERIFY2(imported.code == CommandLine::Done, qPrintable(imported.err));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(QStringLiteral("log.sqlite"));
    }

    void cleanup() { m_dir.reset(); }

    void importListAndShowTheLetters()
    {
        const Outcome imported = runOnLog(QStringList{QStringLiteral("import")} + allLetterPaths());
        QCOMPARE(imported.code, int(CommandLine::Done));
        QVERIFY2(imported.err.isEmpty(), qPrintable(imported.err));
        const QStringList lines = imported.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.first(),
                 QStringLiteral("imported 6370952 from ")
                     + QDir::toNativeSeparators(letterPath(QStringLiteral("6370952"))));

        const Outcome listed = runOnLog({QStringLiteral("list")});
        QCOMPARE(listed.code, int(CommandLine::Done));
        const QStringList rows = listed.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 6);
        QVERIFY(
            rows.first().startsWith(QStringLiteral("REFERENCE  RECEIVED    DUE         STATUS")));
        // Sorted by reference, columns aligned.
        QVERIFY(rows.at(1).startsWith(QStringLiteral("6299088    2020-05-15  ")));
        QVERIFY(rows.at(2).startsWith(QStringLiteral("6370952    2020-06-17  ")));
        QVERIFY(rows.at(2).contains(QStringLiteral("Digital Platform: chatbots")));
        QVERIFY(rows.at(5).startsWith(QStringLiteral("7014168    2021-02-03  ")));

        const Outcome json = runOnLog({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.code, int(CommandLine::Done));
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 5);
        const QJsonObject first = array.first().toObject();
        QCOMPARE(first.value(QStringLiteral("reference")).toString(), QStringLiteral("6299088"));
        QCOMPARE(first.value(QStringLiteral("received")).toString(), QStringLiteral("2020-05-15"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("responded"));
        QVERIFY(first.contains(QStringLiteral("due")));
        QVERIFY(first.contains(QStringLiteral("title")));
        QVERIFY(first.contains(QStringLiteral("officer")));

        const Outcome shown = runOnLog({QStringLiteral("show"), QStringLiteral("6370952")});
        QCOMPARE(shown.code, int(CommandLine::Done));
        // 20 working days from 17 June 2020: day one is Thursday 18 June; Monday 13 July is a
        // bank holiday in Northern Ireland, which FOIA counts, so the 20th day is 16 July.
        QVERIFY2(shown.out.contains(QStringLiteral("Due:          2020-07-16\n")),
                 qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral("Received:     2020-06-17\n")));
        QVERIFY(shown.out.contains(QStringLiteral("\nChatbots\n")));
        QVERIFY(shown.out.contains(QStringLiteral("\nVirtual Appointments\n")));
        QVERIFY(shown.out.contains(QStringLiteral("Answer: It is in our roadmap")));
        QVERIFY(shown.out.contains(
            QStringLiteral("Days left:    not counted: the request is responded")));

        const Outcome combined = runOnLog({QStringLiteral("show"), QStringLiteral("7014168")});
        QVERIFY(
            combined.out.contains(QStringLiteral("Combined response:\n  London Borough of Barnet "
                                                 "Family Services")));
        const Outcome survey = runOnLog({QStringLiteral("show"), QStringLiteral("6299088")});
        QVERIFY(survey.out.contains(QStringLiteral("    - No, we do not plan to do this\n")));
        // A multi-line answer stays indented under its question, and blank lines stay blank.
        QVERIFY2(survey.out.contains(
                     QStringLiteral("    Answer: 51-75%\n\n      (information not held")),
                 qPrintable(survey.out));
    }

    void showCountsWorkingDaysLeft_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("left");
        // Received 17 June 2020 under FOIA, due 16 July 2020 (13 July is a holiday in NI).
        QTest::newRow("three days before")
            << QDate(2020, 7, 10) << QStringLiteral("3 working days left") << 3;
        QTest::newRow("day before")
            << QDate(2020, 7, 15) << QStringLiteral("1 working day left") << 1;
        QTest::newRow("due date") << QDate(2020, 7, 16) << QStringLiteral("due today") << 0;
        QTest::newRow("one day late")
            << QDate(2020, 7, 17) << QStringLiteral("1 working day overdue") << -1;
        QTest::newRow("over a weekend")
            << QDate(2020, 7, 20) << QStringLiteral("2 working days overdue") << -2;
    }

    void showCountsWorkingDaysLeft()
    {
        QFETCH(QDate, today);
        QFETCH(QString, text);
        QFETCH(int, left);
        Request open = letter(QStringLiteral("6370952"));
        open.status = RequestStatus::InProgress;
        const QString file = tempFile(QStringLiteral("open.json"));
        QVERIFY(RequestJson::writeFile(open, file).ok());
        QCOMPARE(runOnLog({QStringLiteral("import"), file}).code, int(CommandLine::Done));

        const Outcome shown = runOnLog({QStringLiteral("show"), QStringLiteral("6370952")}, today);
        QCOMPARE(shown.code, int(CommandLine::Done));
        QVERIFY2(shown.out.contains(QStringLiteral("Days left:    ") + text + u'\n'),
                 qPrintable(shown.out));

        const Outcome json = runOnLog(
            {QStringLiteral("show"), QStringLiteral("6370952"), QStringLiteral("--json")}, today);
        QCOMPARE(json.code, int(CommandLine::Done));
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("due")).toString(), QStringLiteral("2020-07-16"));
        QCOMPARE(object.value(QStringLiteral("working_days_left")).toInt(-999), left);
        QCOMPARE(object.value(QStringLiteral("format")).toString(),
                 QStringLiteral("foidesk.request/1"));
    }

    void showJsonOfAClosedRequestHasNoDaysLeft()
    {
        importLetters();
        const Outcome json =
            runOnLog({QStringLiteral("show"), QStringLiteral("7012568"), QStringLiteral("--json")});
        QCOMPARE(json.code, int(CommandLine::Done));
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(object.value(QStringLiteral("working_days_left")).isNull());
        QVERIFY(!object.value(QStringLiteral("due")).toString().isEmpty());
        // "due" and "working_days_left" come after the exchange fields, so the rest parses back.
        QVERIFY(json.out.indexOf(QStringLiteral("\"letter_date\""))
                < json.out.indexOf(QStringLiteral("\"due\"")));
    }

    void exportJsonRoundTrip_data()
    {
        QTest::addColumn<QString>("reference");
        for (const QString &reference : letterReferences)
            QTest::newRow(qPrintable(reference)) << reference;
    }

    void exportJsonRoundTrip()
    {
        QFETCH(QString, reference);
        importLetters();
        const Request original = letter(reference);

        const Outcome exported = runOnLog({QStringLiteral("export-json"), reference});
        QCOMPARE(exported.code, int(CommandLine::Done));
        const Result<Request> back = RequestJson::parse(exported.out.toUtf8());
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QVERIFY(back->sameContent(original));
        QCOMPARE(exported.out.toUtf8(), readBytes(letterPath(reference)));

        const QString file = tempFile(reference + QStringLiteral("-out.json"));
        const Outcome toFile =
            runOnLog({QStringLiteral("export-json"), reference, QStringLiteral("-o"), file});
        QCOMPARE(toFile.code, int(CommandLine::Done));
        QVERIFY(toFile.out.isEmpty());
        const Result<Request> fromFile = RequestJson::readFile(file);
        QVERIFY2(fromFile.ok(), qPrintable(fromFile.errorMessage()));
        QVERIFY(fromFile->sameContent(original));
    }

    void importExistingReferenceNeedsReplace()
    {
        importLetters();
        const int revisionBefore = stored(QStringLiteral("7012568")).revision;
        Request changed = letter(QStringLiteral("7012568"));
        changed.questions[0].answer = QStringLiteral("Another supplier");
        const QString file = tempFile(QStringLiteral("changed.json"));
        QVERIFY(RequestJson::writeFile(changed, file).ok());
        const auto before = logChecksum();

        const Outcome refused = runOnLog({QStringLiteral("import"), file});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.count(u'\n'), 1);
        QVERIFY2(refused.err.startsWith(QDir::toNativeSeparators(file)
                                        + QStringLiteral(": reference: ")),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(QStringLiteral("--replace")));
        QCOMPARE(logChecksum(), before);
        QCOMPARE(stored(QStringLiteral("7012568")).questions[0].answer,
                 QStringLiteral("Hootsuite"));

        const Outcome replaced =
            runOnLog({QStringLiteral("import"), QStringLiteral("--replace"), file});
        QCOMPARE(replaced.code, int(CommandLine::Done));
        QCOMPARE(replaced.out,
                 QStringLiteral("replaced 7012568 from ") + QDir::toNativeSeparators(file) + u'\n');
        const Request after = stored(QStringLiteral("7012568"));
        QVERIFY(after.sameContent(changed));
        QVERIFY(after.revision > revisionBefore);
        QCOMPARE(logChecksum().first, 5);
    }

    void badFileWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // the error line after "<file>: "
        QByteArray json = readBytes(letterPath(QStringLiteral("6565528")));
        QTest::newRow("impossible date")
            << QByteArray(json).replace("\"2020-09-08\"", "\"2023-02-31\"")
            << QStringLiteral("received: \"2023-02-31\" is not a real date (expected YYYY-MM-DD).");
        QTest::newRow("number for text")
            << QByteArray(json).replace("\"title\": \"Artificial intelligence in recruitment\"",
                                        "\"title\": 5")
            << QStringLiteral("title: expected a string, found a number (5).");
        QTest::newRow("truncated") << json.left(300) << QStringLiteral("JSON syntax error at line");
        QTest::newRow("unknown format")
            << QByteArray(json).replace("foidesk.request/1", "foidesk.request/9")
            << QStringLiteral(
                   "format: expected \"foidesk.request/1\", found \"foidesk.request/9\".");
    }

    void badFileWritesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString file = tempFile(QStringLiteral("bad.json"));
        QVERIFY(writeBytes(file, content));

        // Into a log that does not exist yet: the log is not even created.
        const Outcome first = runOnLog({QStringLiteral("import"), file});
        QCOMPARE(first.code, int(CommandLine::BadInput));
        QVERIFY(!QFile::exists(m_db));

        importLetters();
        const auto before = logChecksum();
        const Outcome outcome =
            runOnLog({QStringLiteral("import"), QStringLiteral("--replace"), file});
        QCOMPARE(outcome.code, int(CommandLine::BadInput));
        QVERIFY(outcome.out.isEmpty());
        QCOMPARE(outcome.err.count(u'\n'), 1);
        QVERIFY2(outcome.err.startsWith(QDir::toNativeSeparators(file) + QStringLiteral(": ")
                                        + expected),
                 qPrintable(outcome.err));
        QCOMPARE(logChecksum(), before);
    }

    void mixedRunImportsTheGoodFilesOnly()
    {
        const QString bad = tempFile(QStringLiteral("bad.json"));
        QVERIFY(writeBytes(bad, "{\"format\": \"foidesk.request/1\", \"reference\": \"B1\"}"));
        const QStringList files = {
            letterPath(QStringLiteral("6370952")), bad, letterPath(QStringLiteral("6299088"))};
        const Outcome outcome = runOnLog(QStringList{QStringLiteral("import")} + files);
        QCOMPARE(outcome.code, int(CommandLine::BadInput));
        QCOMPARE(outcome.out.count(QStringLiteral("imported ")), 2);
        QCOMPARE(outcome.err,
                 QDir::toNativeSeparators(bad)
                     + QStringLiteral(": received: is required but missing (expected a date "
                                      "as YYYY-MM-DD).\n"));
        QCOMPARE(logChecksum().first, 2);
        const Outcome missing = runOnLog({QStringLiteral("show"), QStringLiteral("B1")});
        QCOMPARE(missing.code, int(CommandLine::BadInput));
    }

    void sameReferenceTwiceInOneRun()
    {
        Request second = letter(QStringLiteral("6370952"));
        second.title = QStringLiteral("Second copy");
        const QString copy = tempFile(QStringLiteral("copy.json"));
        QVERIFY(RequestJson::writeFile(second, copy).ok());
        const QStringList files = {
            letterPath(QStringLiteral("6370952")), copy, letterPath(QStringLiteral("7012568"))};

        const Outcome refused = runOnLog(QStringList{QStringLiteral("import")} + files);
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QCOMPARE(refused.out,
                 QStringLiteral("imported 7012568 from ")
                     + QDir::toNativeSeparators(letterPath(QStringLiteral("7012568"))) + u'\n');
        QCOMPARE(refused.err.count(u'\n'), 2);
        QVERIFY(refused.err.contains(QStringLiteral("reference: 6370952 is also in")));
        QCOMPARE(logChecksum().first, 1);

        const Outcome replaced =
            runOnLog(QStringList{QStringLiteral("import"), QStringLiteral("--replace")} + files);
        QCOMPARE(replaced.code, int(CommandLine::Done));
        QCOMPARE(stored(QStringLiteral("6370952")).title, QStringLiteral("Second copy"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command \"frobnicate\"");
        QTest::newRow("later command") << QStringList{QStringLiteral("publish")}
                                       << QStringLiteral("unknown command \"publish\"");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frob")} << QStringLiteral("unknown option \"--frob\"");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command was given");
        QTest::newRow("import without files")
            << QStringList{QStringLiteral("import")} << QStringLiteral("no files were given");
        QTest::newRow("import unknown option") << QStringList{QStringLiteral("import"),
                                                              QStringLiteral("--force"),
                                                              QStringLiteral("a.json")}
                                               << QStringLiteral("unknown option \"--force\"");
        QTest::newRow("show without reference")
            << QStringList{QStringLiteral("show")} << QStringLiteral("no reference was given");
        QTest::newRow("export-json -o without file")
            << QStringList{QStringLiteral("export-json"), QStringLiteral("1"), QStringLiteral("-o")}
            << QStringLiteral("-o needs a file name");
        QTest::newRow("list with extra argument")
            << QStringList{QStringLiteral("list"), QStringLiteral("all")}
            << QStringLiteral("unexpected argument \"all\"");
        QTest::newRow("due without received")
            << QStringList{QStringLiteral("due"), QStringLiteral("--days"), QStringLiteral("20")}
            << QStringLiteral("--received is required");
        QTest::newRow("--db without file")
            << QStringList{QStringLiteral("list"), QStringLiteral("--db")}
            << QStringLiteral("--db needs the path");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Outcome outcome = run(arguments);
        QCOMPARE(outcome.code, int(CommandLine::UsageError));
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(expected), qPrintable(outcome.err));
        QVERIFY(outcome.err.contains(QStringLiteral("--help"))
                || outcome.err.contains(QStringLiteral("foidesk help")));
    }

    void due_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        // Worked by hand from the bank holiday lists.
        QTest::newRow("FOIA counts Northern Ireland's 13 July 2020")
            << QStringList{QStringLiteral("--received"), QStringLiteral("2020-06-17")}
            << QStringLiteral("2020-07-16");
        QTest::newRow("FOISA counts Scottish holidays only")
            << QStringList{QStringLiteral("--received"),
                           QStringLiteral("2020-06-17"),
                           QStringLiteral("--regime"),
                           QStringLiteral("FOISA")}
            << QStringLiteral("2020-07-15");
        QTest::newRow("over Christmas and Scotland's 4 January 2021")
            << QStringList{QStringLiteral("--received=2020-12-18"), QStringLiteral("--regime=EIR")}
            << QStringLiteral("2021-01-21");
        QTest::newRow("EIR extended to 40 days") << QStringList{QStringLiteral("--received"),
                                                                QStringLiteral("2020-12-18"),
                                                                QStringLiteral("--regime"),
                                                                QStringLiteral("EIR"),
                                                                QStringLiteral("--days"),
                                                                QStringLiteral("40")}
                                                 << QStringLiteral("2021-02-18");
        QTest::newRow("received on a Saturday")
            << QStringList{QStringLiteral("--received"), QStringLiteral("2021-02-06")}
            << QStringLiteral("2021-03-05");
    }

    void due()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        // "due" needs no log: none is named and none is created.
        const Outcome outcome = run(QStringList{QStringLiteral("due")} + arguments);
        QCOMPARE(outcome.code, int(CommandLine::Done));
        QCOMPARE(outcome.out, expected + u'\n');
        QVERIFY(outcome.err.isEmpty());
    }

    void dueRefusesBadValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("impossible date")
            << QStringList{QStringLiteral("--received"), QStringLiteral("2023-02-31")}
            << QStringLiteral("--received: \"2023-02-31\" is not a real date");
        QTest::newRow("short date")
            << QStringList{QStringLiteral("--received"), QStringLiteral("23-1-5")}
            << QStringLiteral("--received: \"23-1-5\" is not a real date");
        QTest::newRow("regime in lower case")
            << QStringList{QStringLiteral("--received"),
                           QStringLiteral("2023-02-01"),
                           QStringLiteral("--regime"),
                           QStringLiteral("foi")}
            << QStringLiteral("--regime: \"foi\" is not one of \"FOIA\"");
        QTest::newRow("no days") << QStringList{QStringLiteral("--received"),
                                                QStringLiteral("2023-02-01"),
                                                QStringLiteral("--days"),
                                                QStringLiteral("0")}
                                 << QStringLiteral(
                                        "--days: \"0\" is not a whole number from 1 to 999");
    }

    void dueRefusesBadValues()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Outcome outcome = run(QStringList{QStringLiteral("due")} + arguments);
        QCOMPARE(outcome.code, int(CommandLine::BadInput));
        QVERIFY(outcome.out.isEmpty());
        QCOMPARE(outcome.err.count(u'\n'), 1);
        QVERIFY2(outcome.err.startsWith(expected), qPrintable(outcome.err));
    }

    void versionAndHelp()
    {
        const Outcome version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, int(CommandLine::Done));
        QCOMPARE(version.out, QStringLiteral("FOI Desk " FOIDESK_VERSION "\n"));

        const Outcome help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, int(CommandLine::Done));
        for (const char *command : {"import", "export-json", "list", "show", "due"})
            QVERIFY2(
                help.out.contains(QStringLiteral("\n  ") + QString::fromLatin1(command) + u' '),
                command);
        for (const char *later : {"export-pdf", "settings", "publish"})
            QVERIFY2(!help.out.contains(QString::fromLatin1(later)), later);
        QCOMPARE(run({QStringLiteral("-h")}).out, help.out);

        const Outcome importHelp = run({QStringLiteral("help"), QStringLiteral("import")});
        QCOMPARE(importHelp.code, int(CommandLine::Done));
        QVERIFY(importHelp.out.startsWith(
            QStringLiteral("Usage: foidesk [--db FILE] import [--replace] FILE...")));
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--help")}).out, importHelp.out);
        QCOMPARE(run({QStringLiteral("help"), QStringLiteral("nothing")}).code,
                 int(CommandLine::UsageError));
    }

    void readingCommandsNeedAnExistingLog()
    {
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("list")},
              QStringList{QStringLiteral("show"), QStringLiteral("1")},
              QStringList{QStringLiteral("export-json"), QStringLiteral("1")}}) {
            const Outcome outcome = runOnLog(arguments);
            QCOMPARE(outcome.code, int(CommandLine::BadInput));
            QVERIFY(outcome.err.contains(QStringLiteral("There is no FOI Desk log at")));
            QVERIFY(!QFile::exists(m_db));
        }
        importLetters();
        const Outcome unknown = runOnLog({QStringLiteral("show"), QStringLiteral("9999999")});
        QCOMPARE(unknown.code, int(CommandLine::BadInput));
        QCOMPARE(unknown.err.count(u'\n'), 1);
        QVERIFY(unknown.out.isEmpty());
        QCOMPARE(runOnLog({QStringLiteral("export-json"), QStringLiteral("9999999")}).code,
                 int(CommandLine::BadInput));
    }

    void damagedOrNewerLogIsRefused()
    {
        QVERIFY(writeBytes(m_db, QByteArray(8192, 'x')));
        const Outcome corrupt = runOnLog({QStringLiteral("list")});
        QCOMPARE(corrupt.code, int(CommandLine::Refused));
        QCOMPARE(corrupt.err.count(u'\n'), 1);
        const Outcome importIntoCorrupt =
            runOnLog({QStringLiteral("import"), letterPath(QStringLiteral("6370952"))});
        QCOMPARE(importIntoCorrupt.code, int(CommandLine::Refused));
        QCOMPARE(readBytes(m_db), QByteArray(8192, 'x'));

        const QString newer = tempFile(QStringLiteral("newer.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(x)")));
            QVERIFY(query.exec(
                QStringLiteral("PRAGMA user_version = %1").arg(Store::latestSchemaVersion() + 50)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const QByteArray before = readBytes(newer);
        const Outcome tooNew = run({QStringLiteral("--db"),
                                    newer,
                                    QStringLiteral("import"),
                                    letterPath(QStringLiteral("6370952"))});
        QCOMPARE(tooNew.code, int(CommandLine::Refused));
        QCOMPARE(tooNew.err.count(u'\n'), 1);
        QCOMPARE(readBytes(newer), before);
    }

    void wantsCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("wanted");
        QTest::addColumn<QString>("database");
        QTest::newRow("nothing") << QStringList{} << false << QString();
        QTest::newRow("--db alone")
            << QStringList{QStringLiteral("--db"), QStringLiteral("log.sqlite")} << false
            << QStringLiteral("log.sqlite");
        QTest::newRow("--db= alone") << QStringList{QStringLiteral("--db=a b.sqlite")} << false
                                     << QStringLiteral("a b.sqlite");
        QTest::newRow("Qt option with a value")
            << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen")} << false
            << QString();
        QTest::newRow("command") << QStringList{QStringLiteral("list")} << true << QString();
        QTest::newRow("--db then command") << QStringList{QStringLiteral("--db"),
                                                          QStringLiteral("x"),
                                                          QStringLiteral("import"),
                                                          QStringLiteral("f")}
                                           << true << QStringLiteral("x");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << true << QString();
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << true << QString();
        QTest::newRow("-v") << QStringList{QStringLiteral("-v")} << true << QString();
        QTest::newRow("--help after --db")
            << QStringList{QStringLiteral("--db"), QStringLiteral("x"), QStringLiteral("--help")}
            << true << QStringLiteral("x");
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << true << QString();
    }

    void wantsCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, wanted);
        QFETCH(QString, database);
        QCOMPARE(CommandLine::wantsCommandLine(arguments), wanted);
        QCOMPARE(CommandLine::databaseOption(arguments), database);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
