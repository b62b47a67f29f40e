#include "cli/CommandLine.h"
#include "cli/ExportPdfCommand.h"
#include "letter/LetterFileName.h"
#include "exchange/PublicRequestJson.h"
#include "exchange/RequestFingerprint.h"
#include "exchange/RequestJson.h"
#include "profile/OrganisationProfile.h"
#include "release/ReleaseCheck.h"
#include "store/Store.h"
#include "workflow/ReleaseGate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

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

QString testProfile()
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json");
}

// A letter fixture as JSON, marked final or not.
QByteArray fixtureWith(const QString &reference, bool letterFinal)
{
    QJsonObject object = QJsonDocument::fromJson(readBytes(letterPath(reference))).object();
    object.insert(QStringLiteral("letter_final"), letterFinal);
    return QJsonDocument(object).toJson();
}

// The 6370952 fixture marked final while its first question has no answer yet.
QByteArray unansweredFinal()
{
    QJsonObject object =
        QJsonDocument::fromJson(fixtureWith(QStringLiteral("6370952"), true)).object();
    QJsonArray questions = object.value(QStringLiteral("questions")).toArray();
    QJsonObject first = questions.first().toObject();
    first.remove(QStringLiteral("answer"));
    questions.replace(0, first);
    object.insert(QStringLiteral("questions"), questions);
    return QJsonDocument(object).toJson();
}

QString redactedPath(const QString &reference)
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/redacted/") + reference + QStringLiteral(".json");
}

// The redacted 7012568 fixture with the name it withholds in question 1's answer also typed
// into that question as asked, where the letter quotes it: a leak the release check must catch.
QByteArray redactedWithLeak()
{
    QJsonObject object =
        QJsonDocument::fromJson(readBytes(redactedPath(QStringLiteral("7012568")))).object();
    QJsonArray questions = object.value(QStringLiteral("questions")).toArray();
    QJsonObject first = questions.first().toObject();
    first.insert(QStringLiteral("text"),
                 QStringLiteral("Is Siân Llŷr the administrator of the social media tool?"));
    questions.replace(0, first);
    object.insert(QStringLiteral("questions"), questions);
    return QJsonDocument(object).toJson();
}

// Text compared with pdftotext output: ligatures folded, every run of white space one space.
QString normalised(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString out = text.normalized(QString::NormalizationForm_KC);
    out.replace(space, QStringLiteral(" "));
    return out.trimmed();
}

QString firstWords(const QString &text, int count)
{
    return normalised(text).section(u' ', 0, count - 1);
}

// The text of a PDF as a reader extracts it (poppler's pdftotext), normalised.
QString pdfText(const QString &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return normalised(QString::fromUtf8(process.readAllStandardOutput()));
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
        // The fixtures say "responded", as logs before schema version 7 did: read as sent.
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
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
            QStringLiteral("Days left:    not counted: the request is sent")));

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
        QTest::newRow("unknown command") << QStringList{QStringLiteral("archive")}
                                         << QStringLiteral("unknown command \"archive\"");
        QTest::newRow("publish without a folder")
            << QStringList{QStringLiteral("publish")}
            << QStringLiteral("give the site's folder with --out DIR");
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
        for (const char *command :
             {"import", "export-json", "list", "show", "export-pdf", "settings", "due"})
            QVERIFY2(
                help.out.contains(QStringLiteral("\n  ") + QString::fromLatin1(command) + u' '),
                command);
        QVERIFY(help.out.contains(QStringLiteral("\n  publish --out DIR")));
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

    // export-pdf and settings: the letter as PDF, and the profile that words it.

    void exportPdfWritesTheLetter_data()
    {
        QTest::addColumn<QString>("reference");
        for (const QString &reference : letterReferences)
            QTest::newRow(qPrintable(reference)) << reference;
    }

    void exportPdfWritesTheLetter()
    {
        QFETCH(QString, reference);
        importLetters();
        const QString pdf = tempFile(QStringLiteral("letter.pdf"));
        const Outcome exported =
            runOnLog({QStringLiteral("export-pdf"), reference, QStringLiteral("-o"), pdf});
        QVERIFY2(exported.code == CommandLine::Done, qPrintable(exported.err));
        QCOMPARE(exported.out, QDir::toNativeSeparators(pdf) + QLatin1Char('\n'));
        QVERIFY(readBytes(pdf).startsWith("%PDF-"));

        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(reference), qPrintable(text));
        // Every answer of the request reaches the letter (or its one combined response), except
        // the answers withheld in full, which must not.
        const Request request = letter(reference);
        QStringList answers;
        for (const Question &q : request.questions) {
            if (q.disposition == Disposition::Withheld) {
                const QString start = firstWords(q.answer, 8);
                QVERIFY2(start.isEmpty() || !text.contains(start), qPrintable(start));
                continue;
            }
            answers.append(q.answer);
        }
        answers.append(request.combinedResponse);
        int found = 0;
        for (const QString &answer : std::as_const(answers)) {
            const QString start = firstWords(answer, 8);
            if (start.isEmpty())
                continue;
            QVERIFY2(text.contains(start), qPrintable(start));
            ++found;
        }
        QVERIFY(found > 0);
        // The letter is not marked final in the fixture: a draft.
        QVERIFY(text.contains(QStringLiteral("DRAFT")));
    }

    void exportPdfFinalOrDraft()
    {
        QVERIFY(runOnLog({QStringLiteral("settings"), QStringLiteral("import"), testProfile()}).code
                == CommandLine::Done);
        const QString finalJson = tempFile(QStringLiteral("final.json"));
        QVERIFY(writeBytes(finalJson, fixtureWith(QStringLiteral("6370952"), true)));
        QCOMPARE(runOnLog({QStringLiteral("import"), finalJson}).code, int(CommandLine::Done));
        QVERIFY(stored(QStringLiteral("6370952")).letterFinal);

        const QString finalPdf = tempFile(QStringLiteral("final.pdf"));
        const Outcome finalExport =
            runOnLog({QStringLiteral("export-pdf"), QStringLiteral("6370952"), u"-o"_s, finalPdf});
        QVERIFY2(finalExport.code == CommandLine::Done, qPrintable(finalExport.err));
        const QString finalText = pdfText(finalPdf);
        QVERIFY(finalText.contains(QStringLiteral("Northmoor District Council")));
        QVERIFY(finalText.contains(QStringLiteral("It is in our roadmap")));
        QVERIFY2(!finalText.contains(QStringLiteral("DRAFT")), qPrintable(finalText));

        // --draft forces the mark even on a letter marked final.
        const QString draftPdf = tempFile(QStringLiteral("draft.pdf"));
        const Outcome draft = runOnLog({QStringLiteral("export-pdf"),
                                        QStringLiteral("--draft"),
                                        QStringLiteral("6370952"),
                                        QStringLiteral("--output"),
                                        draftPdf});
        QVERIFY2(draft.code == CommandLine::Done, qPrintable(draft.err));
        QVERIFY(pdfText(draftPdf).contains(QStringLiteral("DRAFT")));
    }

    void exportPdfRefusesAFinalLetterThatIsNotReady()
    {
        // A complete profile, so that the missing answer is the one thing wrong.
        QCOMPARE(
            runOnLog({QStringLiteral("settings"), QStringLiteral("import"), testProfile()}).code,
            int(CommandLine::Done));
        const QString json = tempFile(QStringLiteral("unanswered.json"));
        QVERIFY(writeBytes(json, unansweredFinal()));
        QCOMPARE(runOnLog({QStringLiteral("import"), json}).code, int(CommandLine::Done));

        const QString pdf = tempFile(QStringLiteral("refused.pdf"));
        const Outcome refused =
            runOnLog({QStringLiteral("export-pdf"), QStringLiteral("6370952"), u"-o"_s, pdf});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.count(u'\n'), 1);
        // The one thing missing is named, with what to do.
        QVERIFY2(refused.err.startsWith(
                     QStringLiteral("The letter for request 6370952 is not ready to send: "
                                    "Question 1 has no answer yet")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("--draft")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(pdf));

        // The same letter as a draft is written, gap and all.
        QCOMPARE(runOnLog({QStringLiteral("export-pdf"),
                           QStringLiteral("6370952"),
                           u"-o"_s,
                           pdf,
                           QStringLiteral("--draft")})
                     .code,
                 int(CommandLine::Done));
        QVERIFY(QFile::exists(pdf));
    }

    void exportPdfUnknownReference()
    {
        importLetters();
        const QString pdf = tempFile(QStringLiteral("none.pdf"));
        const Outcome unknown =
            runOnLog({QStringLiteral("export-pdf"), QStringLiteral("9999999"), u"-o"_s, pdf});
        QCOMPARE(unknown.code, int(CommandLine::BadInput));
        QCOMPARE(unknown.err.count(u'\n'), 1);
        QVERIFY(unknown.err.contains(QStringLiteral("9999999")));
        QVERIFY(!QFile::exists(pdf));
    }

    void exportPdfAll_data()
    {
        QTest::addColumn<QStringList>("jobs");
        QTest::newRow("one per core") << QStringList{};
        QTest::newRow("one job") << QStringList{QStringLiteral("--jobs"), QStringLiteral("1")};
        QTest::newRow("three jobs") << QStringList{QStringLiteral("--jobs=3")};
    }

    void exportPdfAll()
    {
        QFETCH(QStringList, jobs);
        importLetters();
        const QString dir = tempFile(QStringLiteral("letters/out"));
        const Outcome all = runOnLog(
            QStringList{QStringLiteral("export-pdf"), QStringLiteral("--all"), u"--out-dir"_s, dir}
            + jobs);
        QVERIFY2(all.code == CommandLine::Done, qPrintable(all.err));

        QStringList written = QDir(dir).entryList(QDir::Files, QDir::Name);
        QStringList expected;
        // None of the letters is marked final: each is a draft, named so.
        for (const QString &reference : letterReferences)
            expected.append(reference + QStringLiteral(" response DRAFT.pdf"));
        expected.sort();
        QCOMPARE(written, expected);
        for (const QString &name : std::as_const(written))
            QVERIFY2(readBytes(QDir(dir).filePath(name)).startsWith("%PDF-"), qPrintable(name));
        QVERIFY(pdfText(QDir(dir).filePath(QStringLiteral("7014168 response DRAFT.pdf")))
                    .contains(QStringLiteral("7014168")));

        // One progress line per letter, counting up, in the order they finish.
        static const QRegularExpression progressLine(QStringLiteral("^\\[(\\d+)/5\\] (\\d+)$"));
        QStringList progressed;
        int counter = 0;
        for (const QString &line : all.err.split(u'\n', Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch match = progressLine.match(line);
            if (!match.hasMatch())
                continue;
            QCOMPARE(match.captured(1).toInt(), ++counter);
            progressed.append(match.captured(2));
        }
        QCOMPARE(counter, 5);
        progressed.sort();
        QStringList references = letterReferences;
        references.sort();
        QCOMPARE(progressed, references);
        QVERIFY(all.err.contains(QStringLiteral("5 of 5 letters written")));
        // The paths written, one a line, for scripts.
        QCOMPARE(all.out.count(u'\n'), 5);
    }

    void exportPdfAllGoesOnAfterAFailure()
    {
        QVERIFY(runOnLog({QStringLiteral("settings"), QStringLiteral("import"), testProfile()}).code
                == CommandLine::Done);
        importLetters();
        // A final letter with a gap is refused; the other four are still written.
        QVERIFY(writeBytes(tempFile(QStringLiteral("gap.json")), unansweredFinal()));
        QCOMPARE(runOnLog({QStringLiteral("import"),
                           QStringLiteral("--replace"),
                           tempFile(QStringLiteral("gap.json"))})
                     .code,
                 int(CommandLine::Done));

        const QString dir = tempFile(QStringLiteral("out"));
        const Outcome all =
            runOnLog({QStringLiteral("export-pdf"), QStringLiteral("--all"), u"--out-dir"_s, dir});
        QCOMPARE(all.code, int(CommandLine::Refused));
        QVERIFY2(all.err.contains(QStringLiteral("6370952 is not ready to send")),
                 qPrintable(all.err));
        QVERIFY(all.err.contains(QStringLiteral("4 of 5 letters written")));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 4);
        QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("6370952 response.pdf"))));
    }

    void exportPdfAllMakesSafeFileNames()
    {
        Request unsafe = letter(QStringLiteral("6370952"));
        unsafe.reference = QStringLiteral("FOI/2024:7*\"a\"?<b>|c\\d");
        Request clash = unsafe;
        clash.reference = QStringLiteral("FOI_2024_7__a___b__c_d");
        const QString one = tempFile(QStringLiteral("unsafe.json"));
        const QString two = tempFile(QStringLiteral("clash.json"));
        QVERIFY(writeBytes(one, RequestJson::serialize(unsafe)));
        QVERIFY(writeBytes(two, RequestJson::serialize(clash)));
        QCOMPARE(runOnLog({QStringLiteral("import"), one, two}).code, int(CommandLine::Done));

        const QString dir = tempFile(QStringLiteral("out"));
        const Outcome all =
            runOnLog({QStringLiteral("export-pdf"), QStringLiteral("--all"), u"--out-dir"_s, dir});
        QVERIFY2(all.code == CommandLine::Done, qPrintable(all.err));
        // Sorted by reference, the one typed with underscores comes first and keeps its name;
        // the other maps to the same name and gets a number rather than overwriting it.
        QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("FOI_2024_7__a___b__c_d (2) response DRAFT.pdf"),
                              QStringLiteral("FOI_2024_7__a___b__c_d response DRAFT.pdf")}));
    }

    // The release check: every exported file is read back and searched for withheld text.

    void exportPdfRecordsTheReleaseCheck()
    {
        QCOMPARE(runOnLog({u"settings"_s, u"import"_s, testProfile()}).code,
                 int(CommandLine::Done));
        QCOMPARE(runOnLog({u"import"_s, redactedPath(u"7012568"_s)}).code, int(CommandLine::Done));

        // A draft is checked too, but only a final letter's check goes into the history.
        const QString draftPdf = tempFile(u"draft.pdf"_s);
        const Outcome draft =
            runOnLog({u"export-pdf"_s, u"7012568"_s, u"-o"_s, draftPdf, u"--draft"_s});
        QVERIFY2(draft.code == CommandLine::Done, qPrintable(draft.err));
        QVERIFY(!draft.err.contains(u"Release check"_s));

        const QString pdf = tempFile(u"final.pdf"_s);
        const Outcome exported = runOnLog({u"export-pdf"_s, u"7012568"_s, u"-o"_s, pdf});
        QVERIFY2(exported.code == CommandLine::Done, qPrintable(exported.err));
        QCOMPARE(exported.out, QDir::toNativeSeparators(pdf) + QLatin1Char('\n'));
        static const QRegularExpression passed(
            u"^Release check passed: \\d+ withheld string\\(s\\), none found in \\d+ "
            "page\\(s\\)\\.\n$"_s);
        QVERIFY2(passed.match(exported.err).hasMatch(), qPrintable(exported.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(u"[withheld: s40(2)]"_s));
        QVERIFY(!text.contains(u"Siân"_s));

        const Request request = stored(u"7012568"_s);
        const Result<std::unique_ptr<Store>> store = Store::open(m_db);
        QVERIFY(store);
        const Result<QList<ReleaseCheckResult>> checks = store.value()->releaseChecks(request.id);
        QVERIFY(checks);
        QCOMPARE(checks->size(), 1);
        const ReleaseCheckResult &check = checks->first();
        QVERIFY(check.passed());
        QCOMPARE(check.fingerprint, RequestFingerprint::of(request));
        QCOMPARE(check.fileSha256,
                 QCryptographicHash::hash(readBytes(pdf), QCryptographicHash::Sha256).toHex());
        QVERIFY(ReleaseGate::mayRelease(request, check));
    }

    void exportPdfDeletesALetterThatLeaks()
    {
        QCOMPARE(runOnLog({u"settings"_s, u"import"_s, testProfile()}).code,
                 int(CommandLine::Done));
        const QString json = tempFile(u"leak.json"_s);
        QVERIFY(writeBytes(json, redactedWithLeak()));
        QCOMPARE(runOnLog({u"import"_s, json}).code, int(CommandLine::Done));

        // The withheld name is also in the request as asked. A draft may be exported with the
        // letter's problems, so it reaches the release check, which reads the file back, finds
        // the name and deletes the file.
        const QString pdf = tempFile(u"leak.pdf"_s);
        const Outcome refused =
            runOnLog({u"export-pdf"_s, u"7012568"_s, u"-o"_s, pdf, u"--draft"_s});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.startsWith(
                     u"7012568: withheld string 1 found in page 1 text; the file was deleted.\n"_s),
                 qPrintable(refused.err));
        // One line per finding, none of them quoting what is withheld.
        static const QRegularExpression finding(
            u"^7012568: withheld string \\d+ found in [^;]+; the file was deleted\\.$"_s);
        for (const QString &line : refused.err.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(finding.match(line).hasMatch(), qPrintable(line));
        QVERIFY(!refused.err.contains(u"Siân"_s));
        QVERIFY(!QFile::exists(pdf));
        QCOMPARE(QDir(m_dir->path()).entryList({u"*.pdf*"_s}, QDir::Files | QDir::Hidden),
                 QStringList());

        // The final letter does not get that far: the letter check names the problem first,
        // without quoting the name, and nothing is written.
        const Outcome final = runOnLog({u"export-pdf"_s, u"7012568"_s, u"-o"_s, pdf});
        QCOMPARE(final.code, int(CommandLine::Refused));
        QVERIFY2(final.err.contains(u"also appears in the request as asked"_s),
                 qPrintable(final.err));
        QVERIFY(!final.err.contains(u"Siân"_s));
        QVERIFY(!QFile::exists(pdf));

        // No check ever passed, so the request may not be released.
        const Request request = stored(u"7012568"_s);
        const Result<std::unique_ptr<Store>> store = Store::open(m_db);
        const Result<std::optional<ReleaseCheckResult>> last =
            store.value()->lastReleaseCheck(request.id);
        QVERIFY(last.ok());
        QVERIFY(!last->has_value() || !last->value().passed());
        QVERIFY(!ReleaseGate::mayRelease(request, last.value()));
    }

    void exportPdfAllChecksEveryLetter()
    {
        QCOMPARE(runOnLog({u"settings"_s, u"import"_s, testProfile()}).code,
                 int(CommandLine::Done));
        const QString leak = tempFile(u"leak.json"_s);
        QVERIFY(writeBytes(leak, redactedWithLeak()));
        QStringList files = {leak};
        for (const QString &reference : letterReferences) {
            if (reference != u"7012568"_s)
                files.append(redactedPath(reference));
        }
        QCOMPARE(runOnLog(QStringList{u"import"_s} + files).code, int(CommandLine::Done));

        // Drafts, so that the leaking letter gets past its own letter check (which would name
        // the problem first) to the release check that reads the written file back.
        const QString dir = tempFile(u"letters"_s);
        const Outcome all = runOnLog({u"export-pdf"_s, u"--all"_s, u"--out-dir"_s, dir,
                                      u"--jobs"_s, u"2"_s, u"--draft"_s});
        QCOMPARE(all.code, int(CommandLine::Refused));
        QVERIFY2(all.err.contains(u"\n7012568: withheld string 1 found in page 1 text; the file "
                                  "was deleted.\n"_s),
                 qPrintable(all.err));
        QVERIFY(all.err.contains(u"4 of 5 letters written"_s));
        QVERIFY(!all.err.contains(u"Siân"_s));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 4);
        QVERIFY(!QFile::exists(QDir(dir).filePath(u"7012568 response DRAFT.pdf"_s)));
    }

    void exportJsonPublic()
    {
        QCOMPARE(runOnLog({u"import"_s, redactedPath(u"7012568"_s)}).code, int(CommandLine::Done));
        const QString json = tempFile(u"public.json"_s);
        const Outcome written =
            runOnLog({u"export-json"_s, u"7012568"_s, u"--public"_s, u"-o"_s, json});
        QVERIFY2(written.code == CommandLine::Done, qPrintable(written.err));
        QCOMPARE(written.err,
                 u"exported the public copy of 7012568 to "_s + QDir::toNativeSeparators(json)
                     + QLatin1Char('\n'));
        const QByteArray bytes = readBytes(json);
        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(object.value(u"format"_s).toString(), u"foidesk.request/1"_s);
        QCOMPARE(object.value(u"public"_s), QJsonValue(true));
        QVERIFY(!object.contains(u"requester"_s));
        QVERIFY(!object.contains(u"officer"_s));
        QVERIFY(!object.contains(u"exemption_reasons"_s));
        const QJsonArray questions = object.value(u"questions"_s).toArray();
        QCOMPARE(questions.at(0).toObject().value(u"answer"_s).toString(),
                 u"Hootsuite\nAccount administrator: [withheld: s40(2)], [withheld: s40(2)]"_s);
        QCOMPARE(questions.at(2).toObject().value(u"answer"_s).toString(), u"£27,500"_s);
        QCOMPARE(questions.at(3).toObject().value(u"answer"_s).toString(),
                 u"This information is withheld under s40(2)."_s);
        QCOMPARE(questions.at(3).toObject().value(u"disposition"_s).toString(), u"withheld"_s);
        for (const QJsonValue &question : questions)
            QVERIFY(!question.toObject().contains(u"redactions"_s));
        QVERIFY(!bytes.contains("Gareth"));
        QVERIFY(!bytes.contains("Si\xC3\xA2n"));

        // To standard output: the same bytes.
        const Outcome printed = runOnLog({u"export-json"_s, u"--public"_s, u"7012568"_s});
        QCOMPARE(printed.code, int(CommandLine::Done));
        QCOMPARE(printed.out.toUtf8(), bytes);

        // A public copy is not a request: importing it is refused.
        QVERIFY(PublicRequestJson::isPublicExport(bytes));
        QVERIFY(!PublicRequestJson::isPublicExport(readBytes(redactedPath(u"7012568"_s))));
    }

    void exportJsonPublicRefusesALeak()
    {
        const QString leak = tempFile(u"leak.json"_s);
        QVERIFY(writeBytes(leak, redactedWithLeak()));
        QCOMPARE(runOnLog({u"import"_s, leak}).code, int(CommandLine::Done));

        const QString json = tempFile(u"public.json"_s);
        const Outcome refused =
            runOnLog({u"export-json"_s, u"7012568"_s, u"--public"_s, u"-o"_s, json});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY2(refused.err.startsWith(u"7012568: withheld string 1 found in "_s),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(u"; the file was deleted.\n"_s));
        QVERIFY(!refused.err.contains(u"Siân"_s));
        QVERIFY(!QFile::exists(json));

        const Outcome printed = runOnLog({u"export-json"_s, u"7012568"_s, u"--public"_s});
        QCOMPARE(printed.code, int(CommandLine::Refused));
        QVERIFY(printed.out.isEmpty());
    }

    void fileNameFor_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("plain") << u"6370952"_s << u"6370952 response.pdf"_s;
        QTest::newRow("slashes") << u"FOI/2024/17"_s << u"FOI_2024_17 response.pdf"_s;
        QTest::newRow("windows reserved")
            << u"a\\b:c*d?e\"f<g>h|i"_s << u"a_b_c_d_e_f_g_h_i response.pdf"_s;
        QTest::newRow("control characters") << u"A\tB\nC\x7f"_s << u"A_B_C_ response.pdf"_s;
        QTest::newRow("accents and spaces kept") << u"Cais ŵ 12"_s << u"Cais ŵ 12 response.pdf"_s;
    }

    void fileNameFor()
    {
        QFETCH(QString, reference);
        QFETCH(QString, fileName);
        QCOMPARE(letterFileName(reference, false), fileName);
        QCOMPARE(letterFileName(reference, true),
                 fileName.chopped(4) + u" DRAFT.pdf"_s);
    }

    void exportPdfUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::newRow("nothing") << QStringList{} << int(CommandLine::UsageError);
        QTest::newRow("no -o") << QStringList{u"6370952"_s} << int(CommandLine::UsageError);
        QTest::newRow("-o without file")
            << QStringList{u"6370952"_s, u"-o"_s} << int(CommandLine::UsageError);
        QTest::newRow("two references")
            << QStringList{u"1"_s, u"2"_s, u"-o"_s, u"x.pdf"_s} << int(CommandLine::UsageError);
        QTest::newRow("--all without --out-dir")
            << QStringList{u"--all"_s} << int(CommandLine::UsageError);
        QTest::newRow("--all with a reference")
            << QStringList{u"--all"_s, u"1"_s, u"--out-dir"_s, u"d"_s}
            << int(CommandLine::UsageError);
        QTest::newRow("--all with -o")
            << QStringList{u"--all"_s, u"-o"_s, u"x.pdf"_s} << int(CommandLine::UsageError);
        QTest::newRow("--out-dir without --all")
            << QStringList{u"1"_s, u"--out-dir"_s, u"d"_s} << int(CommandLine::UsageError);
        QTest::newRow("unknown option") << QStringList{u"1"_s, u"-o"_s, u"x.pdf"_s, u"--fast"_s}
                                        << int(CommandLine::UsageError);
        QTest::newRow("--jobs 0")
            << QStringList{u"--all"_s, u"--out-dir"_s, u"d"_s, u"--jobs"_s, u"0"_s}
            << int(CommandLine::BadInput);
        QTest::newRow("--jobs word") << QStringList{u"--all"_s, u"--out-dir=d"_s, u"--jobs=many"_s}
                                     << int(CommandLine::BadInput);
    }

    void exportPdfUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        importLetters();
        const Outcome outcome = runOnLog(QStringList{QStringLiteral("export-pdf")} + arguments);
        QCOMPARE(outcome.code, code);
        QVERIFY(outcome.out.isEmpty());
        if (code == CommandLine::UsageError)
            QVERIFY2(outcome.err.contains(QStringLiteral("Usage: foidesk [--db FILE] export-pdf")),
                     qPrintable(outcome.err));
        else
            QCOMPARE(outcome.err.count(u'\n'), 1);
        QVERIFY(!QFile::exists(tempFile(QStringLiteral("x.pdf"))));
        QVERIFY(!QFile::exists(tempFile(QStringLiteral("d"))));
    }

    void settingsRoundTrip()
    {
        importLetters();
        // Nothing saved yet: the shipped defaults.
        const QString defaultsFile = tempFile(QStringLiteral("defaults.json"));
        const Outcome exportedDefaults =
            runOnLog({QStringLiteral("settings"), QStringLiteral("export"), defaultsFile});
        QVERIFY2(exportedDefaults.code == CommandLine::Done, qPrintable(exportedDefaults.err));
        QCOMPARE(exportedDefaults.err,
                 QStringLiteral("exported the organisation profile to ")
                     + QDir::toNativeSeparators(defaultsFile) + QLatin1Char('\n'));
        const Result<OrganisationProfile> defaults = OrganisationProfile::readFile(defaultsFile);
        QVERIFY2(defaults.ok(), qPrintable(defaults.errorMessage()));
        QVERIFY(defaults.value() == OrganisationProfile::defaults().value());
        QVERIFY(readBytes(defaultsFile).contains("\"format\": \"foidesk.profile/1\""));

        const Outcome imported =
            runOnLog({QStringLiteral("settings"), QStringLiteral("import"), testProfile()});
        QVERIFY2(imported.code == CommandLine::Done, qPrintable(imported.err));
        QCOMPARE(imported.out,
                 QStringLiteral("imported the organisation profile from ")
                     + QDir::toNativeSeparators(testProfile()) + QLatin1Char('\n'));

        const QString again = tempFile(QStringLiteral("again.json"));
        QCOMPARE(runOnLog({QStringLiteral("settings"), QStringLiteral("export"), again}).code,
                 int(CommandLine::Done));
        const Result<OrganisationProfile> roundTrip = OrganisationProfile::readFile(again);
        QVERIFY(roundTrip.ok());
        QVERIFY(roundTrip.value() == OrganisationProfile::readFile(testProfile()).value());
        QCOMPARE(roundTrip->name, QStringLiteral("Northmoor District Council"));

        // The exported file imports into another log as it is.
        const QString otherDb = tempFile(QStringLiteral("other.sqlite"));
        QCOMPARE(run({QStringLiteral("--db"),
                      otherDb,
                      QStringLiteral("settings"),
                      QStringLiteral("import"),
                      again})
                     .code,
                 int(CommandLine::Done));
        const Result<std::unique_ptr<Store>> other = Store::open(otherDb);
        QVERIFY(other.value()->profile().value() == roundTrip.value());
    }

    void settingsImportRefusesABadFile_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("field");
        QTest::newRow("name not a string")
            << QByteArray(R"({"format": "foidesk.profile/1", "name": 5})") << u"name"_s;
        QTest::newRow("wrong format tag")
            << QByteArray(R"({"format": "foidesk.profile/9", "name": "X"})") << u"format"_s;
        QTest::newRow("unknown placeholder")
            << QByteArray(R"({"format": "foidesk.profile/1", "signature": "{nonsense}"})")
            << u"signature"_s;
        QTest::newRow("truncated")
            << QByteArray("{\"format\": \"foidesk.profile/1\", \"na") << QString();
    }

    void settingsImportRefusesABadFile()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, field);
        const QString bad = tempFile(QStringLiteral("bad-profile.json"));
        QVERIFY(writeBytes(bad, contents));

        // Into no log at all: nothing is created.
        const Outcome intoNothing =
            runOnLog({QStringLiteral("settings"), QStringLiteral("import"), bad});
        QCOMPARE(intoNothing.code, int(CommandLine::BadInput));
        QVERIFY(!QFile::exists(m_db));

        importLetters();
        QCOMPARE(
            runOnLog({QStringLiteral("settings"), QStringLiteral("import"), testProfile()}).code,
            int(CommandLine::Done));
        const Outcome refused =
            runOnLog({QStringLiteral("settings"), QStringLiteral("import"), bad});
        QCOMPARE(refused.code, int(CommandLine::BadInput));
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.count(u'\n'), 1);
        const QString prefix = QDir::toNativeSeparators(bad) + QStringLiteral(": ")
                               + (field.isEmpty() ? QString() : field + QStringLiteral(": "));
        QVERIFY2(refused.err.startsWith(prefix), qPrintable(refused.err));

        // The profile saved before is still the one in use.
        const Result<std::unique_ptr<Store>> store = Store::open(m_db);
        QCOMPARE(store.value()->profile()->name, QStringLiteral("Northmoor District Council"));
    }

    void settingsErrors()
    {
        const QString file = tempFile(QStringLiteral("profile.json"));
        // export never creates a log.
        const Outcome noLog =
            runOnLog({QStringLiteral("settings"), QStringLiteral("export"), file});
        QCOMPARE(noLog.code, int(CommandLine::BadInput));
        QVERIFY(noLog.err.contains(QStringLiteral("There is no FOI Desk log at")));
        QVERIFY(!QFile::exists(m_db));
        QVERIFY(!QFile::exists(file));

        const Outcome missing = runOnLog({QStringLiteral("settings"),
                                          QStringLiteral("import"),
                                          tempFile(QStringLiteral("missing.json"))});
        QCOMPARE(missing.code, int(CommandLine::BadInput));
        QVERIFY(!QFile::exists(m_db));

        for (const QStringList &arguments : {QStringList{},
                                             QStringList{QStringLiteral("export")},
                                             QStringList{QStringLiteral("copy"), file},
                                             QStringList{QStringLiteral("import"), file, file},
                                             QStringList{QStringLiteral("--all")}}) {
            const Outcome usage = runOnLog(QStringList{QStringLiteral("settings")} + arguments);
            QCOMPARE(usage.code, int(CommandLine::UsageError));
            QVERIFY(usage.err.contains(QStringLiteral("settings import|export FILE")));
        }
    }

    void helpForTheLetterCommands()
    {
        const Outcome help = run({QStringLiteral("help"), QStringLiteral("export-pdf")});
        QCOMPARE(help.code, int(CommandLine::Done));
        QVERIFY(help.out.startsWith(
            QStringLiteral("Usage: foidesk [--db FILE] export-pdf REF -o FILE [--draft]")));
        QVERIFY(help.out.contains(QStringLiteral("--jobs N")));
        QCOMPARE(run({QStringLiteral("export-pdf"), QStringLiteral("--help")}).out, help.out);
        const Outcome settings = run({QStringLiteral("settings"), QStringLiteral("--help")});
        QCOMPARE(settings.code, int(CommandLine::Done));
        QVERIFY(settings.out.contains(QStringLiteral("foidesk.profile/1")));
    }

    void needsGuiApplication_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("needed");
        QTest::newRow("export-pdf") << QStringList{u"export-pdf"_s, u"1"_s} << true;
        QTest::newRow("after --db")
            << QStringList{u"--db"_s, u"export-pdf"_s, u"export-pdf"_s} << true;
        QTest::newRow("list") << QStringList{u"list"_s} << false;
        QTest::newRow("settings") << QStringList{u"settings"_s, u"export"_s, u"f"_s} << false;
        QTest::newRow("file named export-pdf")
            << QStringList{u"--db"_s, u"export-pdf"_s, u"list"_s} << false;
        QTest::newRow("window") << QStringList{} << false;
    }

    void needsGuiApplication()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, needed);
        QCOMPARE(CommandLine::needsGuiApplication(arguments), needed);
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

// export-pdf paints with QtGui: a QGuiApplication, on the offscreen platform in the tests.
QTEST_MAIN(TestCommandLine)
#include "tst_commandline.moc"
