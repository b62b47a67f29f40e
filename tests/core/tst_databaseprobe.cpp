// The look at a log before it is opened: the full check reads every page; the header check,
// used by the command line, must still refuse every file the full check refuses at the file
// level (not SQLite, truncated, another program's, newer) while reading almost nothing.

#include "RawDatabase.h"
#include "store/DatabaseProbe.h"
#include "store/Store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace foidesk {

class TestDatabaseProbe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newPath() { return m_dir.filePath(u"log-%1.sqlite"_s.arg(++m_counter)); }

    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
               && file.write(bytes) == bytes.size();
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // A closed log of `requests` requests, each with a long title so the file spans many pages.
    QString makeLog(int requests)
    {
        const QString path = newPath();
        auto opened = Store::open(path);
        if (!opened)
            return {};
        for (int i = 0; i < requests; ++i) {
            Request request;
            request.reference = u"P-%1"_s.arg(i);
            request.title = u"Spending on the Marlowe Road depot, request %1 "_s.arg(i).repeated(8);
            request.received = QDate(2026, 11, 2);
            Question question;
            question.text = u"How much was spent in each year since 2019?"_s;
            question.answer = u"£27,500 in 2025; the register lists each payment. "_s.repeated(10);
            request.questions.append(question);
            if (!opened.value()->createRequest(request))
                return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void bothDepthsAcceptAGoodLog_data()
    {
        QTest::addColumn<int>("depth");
        QTest::newRow("full") << int(DatabaseProbe::Depth::Full);
        QTest::newRow("header") << int(DatabaseProbe::Depth::Header);
    }
    void bothDepthsAcceptAGoodLog()
    {
        QFETCH(int, depth);
        const QString path = makeLog(40);
        QVERIFY(!path.isEmpty());
        const auto report = DatabaseProbe::inspect(path, DatabaseProbe::Depth(depth));
        QCOMPARE(int(report.state), int(DatabaseProbe::State::FoiDesk));
        QCOMPARE(report.userVersion, Store::latestSchemaVersion());

        auto opened = Store::openWithHeaderCheck(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(opened.value()->loadRequestByReference(u"P-7"_s).value().questions.size(), 1);
    }

    void headerCheckRefusesWhatTheFileLevelShows_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("error");
        QTest::newRow("plain text") << u"text"_s << int(DatabaseProbe::State::NotSqlite)
                                    << int(ErrorKind::Corrupt);
        QTest::newRow("cut to half its length")
            << u"half"_s << int(DatabaseProbe::State::Damaged) << int(ErrorKind::Corrupt);
        QTest::newRow("last page missing")
            << u"lastpage"_s << int(DatabaseProbe::State::Damaged) << int(ErrorKind::Corrupt);
        QTest::newRow("only the header left")
            << u"header"_s << int(DatabaseProbe::State::Damaged) << int(ErrorKind::Corrupt);
        QTest::newRow("another program's database")
            << u"other"_s << int(DatabaseProbe::State::OtherApplication) << int(ErrorKind::Corrupt);
        QTest::newRow("from a newer version")
            << u"newer"_s << int(DatabaseProbe::State::TooNew) << int(ErrorKind::TooNew);
    }
    void headerCheckRefusesWhatTheFileLevelShows()
    {
        QFETCH(QString, kind);
        QFETCH(int, state);
        QFETCH(int, error);
        QString path;
        if (kind == u"text") {
            path = newPath();
            QVERIFY(writeFile(path, "reference,title\n6370952,Chatbots\n"));
        } else if (kind == u"other") {
            path = newPath();
            RawDatabase raw(path);
            QVERIFY(raw.exec(u"CREATE TABLE songs (title TEXT, artist TEXT)"_s));
        } else {
            path = makeLog(120);
            QVERIFY(!path.isEmpty());
            const QByteArray whole = fileBytes(path);
            QVERIFY(whole.size() > 64 * 1024);
            if (kind == u"half")
                QVERIFY(writeFile(path, whole.left(whole.size() / 2)));
            else if (kind == u"lastpage")
                QVERIFY(writeFile(path, whole.left(whole.size() - 4096)));
            else if (kind == u"header")
                QVERIFY(writeFile(path, whole.left(100)));
            else if (kind == u"newer") {
                RawDatabase raw(path);
                QVERIFY(raw.exec(u"PRAGMA journal_mode = DELETE"_s));
                QVERIFY(raw.exec(
                    u"PRAGMA user_version = %1"_s.arg(Store::latestSchemaVersion() + 1)));
            }
        }
        const QByteArray before = fileBytes(path);

        const auto report = DatabaseProbe::inspect(path, DatabaseProbe::Depth::Header);
        QCOMPARE(int(report.state), state);

        auto opened = Store::openWithHeaderCheck(path);
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.error().kind), error);
        QVERIFY2(opened.error().message.contains(QFileInfo(path).fileName()),
                 qPrintable(opened.error().message));
        QCOMPARE(fileBytes(path), before);
    }

    // The price of the header check, stated as a test so that it is a decision and not an
    // accident: a page overwritten in the middle of the file passes the header check and is
    // found by the full one (and by any query that reads that page).
    void damageInsideAPageNeedsTheFullCheck()
    {
        const QString path = makeLog(120);
        QVERIFY(!path.isEmpty());
        QByteArray bytes = fileBytes(path);
        const qsizetype middle = (bytes.size() / 2 / 4096) * 4096;
        for (qsizetype i = middle; i < middle + 4096; ++i)
            bytes[i] = char(0xA5);
        QVERIFY(writeFile(path, bytes));

        QCOMPARE(int(DatabaseProbe::inspect(path, DatabaseProbe::Depth::Header).state),
                 int(DatabaseProbe::State::FoiDesk));
        QCOMPARE(int(DatabaseProbe::inspect(path, DatabaseProbe::Depth::Full).state),
                 int(DatabaseProbe::State::Damaged));
        auto full = Store::open(path);
        QVERIFY(!full.ok());
        QCOMPARE(int(full.error().kind), int(ErrorKind::Corrupt));
    }
};

} // namespace foidesk

QTEST_GUILESS_MAIN(foidesk::TestDatabaseProbe)
#include "tst_databaseprobe.moc"
