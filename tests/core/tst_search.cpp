// Searching the log (Store::search, SQLite FTS5): what an officer types finds past questions
// and answers by word prefix, phrase, without accents and by English stem; the most relevant
// come first; snippets mark the words found and any withheld text; the index follows every
// save and delete; the requester's details are never found; and `foidesk search` prints it.

#include "RawDatabase.h"
#include "cli/CommandLine.h"
#include "store/Migrator.h"
#include "store/SearchQuery.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace foidesk;
using namespace foidesk::test;
using namespace Qt::StringLiterals;

namespace {

// The text of each range in text.
QStringList rangeTexts(const SearchText &text, const QList<SearchText::Range> &ranges)
{
    QStringList result;
    for (const SearchText::Range &range : ranges)
        result.append(text.text.mid(range.start, range.length));
    return result;
}

QStringList references(const QList<SearchHit> &hits)
{
    QStringList result;
    for (const SearchHit &hit : hits)
        result.append(hit.reference);
    return result;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    QString logPath() const { return m_dir.filePath(u"search.sqlite"_s); }

    Request store(const Request &request)
    {
        Result<Request> created = m_store->createRequest(request);
        if (!created)
            qWarning("%s", qPrintable(created.errorMessage()));
        return created ? created.value() : Request();
    }
    QList<SearchHit> search(const QString &typed)
    {
        const Result<QList<SearchHit>> hits = m_store->search(typed);
        if (!hits)
            qWarning("%s", qPrintable(hits.errorMessage()));
        return hits ? hits.value() : QList<SearchHit>();
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(logPath());
        auto opened = Store::open(logPath());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        m_store = std::move(opened).value();
        store(RequestBuilder(u"CHAT-1"_s, QDate(2020, 6, 17))
                  .title(u"Digital platform: chatbots"_s)
                  .requester(u"Gwenllian Prydderch"_s)
                  .question(makeQuestion(u"Chatbots"_s,
                                         u"1."_s,
                                         u"Do you use a chatbot on your website?"_s,
                                         u"Yes, since 2019."_s))
                  .question(u"Who parked the project?"_s, u"The board of Siân Lloyd."_s)
                  .build());
        store(RequestBuilder(u"TREE-2"_s, QDate(2021, 3, 1))
                  .title(u"Street trees"_s)
                  .question(u"How many street trees were felled?"_s, u"Forty trees."_s)
                  .build());
        store(RequestBuilder(u"TREE-1"_s, QDate(2019, 3, 1))
                  .title(u"Street trees"_s)
                  .question(u"How many street trees were felled?"_s, u"Thirty trees."_s)
                  .build());
    }
    void cleanup() { m_store.reset(); }

    // What is typed becomes a query that cannot fail: operators and stray quotes are words.
    void queryFromTyping_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("match");
        QTest::newRow("words are prefixes") << u"street tre"_s << u"\"street\"* \"tre\"*"_s;
        QTest::newRow("phrase") << u"\"street trees\" felled"_s
                                << u"\"street trees\" \"felled\"*"_s;
        QTest::newRow("curly quotes") << u"\u201Cstreet trees\u201D"_s << u"\"street trees\""_s;
        QTest::newRow("operators are words")
            << u"trees OR NOT"_s << u"\"trees\"* \"OR\"* \"NOT\"*"_s;
        QTest::newRow("unclosed quote") << u"\"street"_s << u"\"street\""_s;
        QTest::newRow("quote inside a word") << u"o\"neil"_s << u"\"o\"* \"neil\""_s;
        QTest::newRow("punctuation only") << u"( * - )"_s << QString();
        QTest::newRow("nothing") << u"   "_s << QString();
    }
    void queryFromTyping()
    {
        QFETCH(QString, typed);
        QFETCH(QString, match);
        QCOMPARE(SearchQuery(typed).matchExpression(), match);
    }

    // Anything typed runs: no query an officer can type makes the search fail.
    void oddTypingNeverFails()
    {
        for (const QString &typed : {u"\""_s,
                                     u"*"_s,
                                     u"NEAR("_s,
                                     u"title:trees"_s,
                                     u"s40(2)"_s,
                                     u"-trees"_s,
                                     u"^trees"_s,
                                     u"AND"_s}) {
            const Result<QList<SearchHit>> hits = m_store->search(typed);
            QVERIFY2(hits.ok(), qPrintable(typed + u": "_s + hits.errorMessage()));
        }
    }

    void prefixFindsTheWholeWord()
    {
        const QList<SearchHit> hits = search(u"chatb"_s);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().reference, u"CHAT-1"_s);
        QCOMPARE(hits.first().questionIndex, 0);
        QCOMPARE(hits.first().questionName, u"1"_s);
        QCOMPARE(rangeTexts(hits.first().heading, hits.first().heading.matches),
                 QStringList{u"chatbot"_s});
    }

    void phraseMustBeWhole()
    {
        QCOMPARE(references(search(u"\"street trees\""_s)).size(), 4); // 2 titles, 2 questions
        QVERIFY(search(u"\"trees street\""_s).isEmpty());
        QVERIFY(!search(u"trees street"_s).isEmpty());
    }

    void accentsAndStemsAreIgnored()
    {
        const QList<SearchHit> sian = search(u"Sian"_s);
        QCOMPARE(sian.size(), 1);
        QCOMPARE(rangeTexts(sian.first().detail, sian.first().detail.matches),
                 QStringList{u"Siân"_s});
        const QList<SearchHit> parking = search(u"parking"_s);
        QCOMPARE(parking.size(), 1);
        QCOMPARE(rangeTexts(parking.first().heading, parking.first().heading.matches),
                 QStringList{u"parked"_s});
    }

    // The question that asks it ranks above one that merely mentions it in the answer; among
    // equals the newest request comes first.
    void mostRelevantThenNewest()
    {
        store(RequestBuilder(u"OTHER-1"_s, QDate(2022, 1, 1))
                  .question(u"What budget do you have?"_s,
                            u"None is spent on felled trees; see the list of street works."_s)
                  .build());
        const QList<SearchHit> hits = search(u"felled"_s);
        QCOMPARE(hits.size(), 3);
        QCOMPARE(references(hits), (QStringList{u"TREE-2"_s, u"TREE-1"_s, u"OTHER-1"_s}));
        QVERIFY(hits.at(0).score <= hits.at(1).score);
        QVERIFY(hits.at(1).score < hits.at(2).score);
    }

    // Search while typing ranks only the most recently logged matches when there are more than
    // it can rank within a keystroke, and says so; the command line ranks them all.
    void typingRanksTheNewestMatchesOfAHugeResult()
    {
        for (int i = 1; i <= 5; ++i) {
            store(RequestBuilder(u"WINTER-%1"_s.arg(i), QDate(2024, 1, i))
                      .question(u"How much grit was spread in week %1?"_s.arg(i), u"Tonnes."_s)
                      .build());
        }
        bool narrowed = true;
        Result<QList<SearchHit>> all = m_store->search(u"grit"_s, 50, 0, &narrowed);
        QVERIFY2(all, qPrintable(all.errorMessage()));
        QCOMPARE(all->size(), 5);
        QVERIFY(!narrowed);

        // The three logged last are WINTER-3, 4 and 5; equally relevant, newest received first.
        Result<QList<SearchHit>> newest = m_store->search(u"grit"_s, 50, 3, &narrowed);
        QVERIFY2(newest, qPrintable(newest.errorMessage()));
        QVERIFY(narrowed);
        QCOMPARE(references(*newest), (QStringList{u"WINTER-5"_s, u"WINTER-4"_s, u"WINTER-3"_s}));
        // Each result still carries its highlighted words.
        QCOMPARE(rangeTexts(newest->first().heading, newest->first().heading.matches),
                 QStringList{u"grit"_s});

        // No more matches than may be ranked: nothing is left out, nothing said.
        Result<QList<SearchHit>> enough = m_store->search(u"grit"_s, 50, 5, &narrowed);
        QVERIFY(enough);
        QCOMPARE(enough->size(), 5);
        QVERIFY(!narrowed);
    }

    // The requester's details are never indexed: searching the name finds nothing.
    void requesterIsNeverFound()
    {
        QVERIFY(search(u"Gwenllian"_s).isEmpty());
        QVERIFY(search(u"Prydderch"_s).isEmpty());
        // Negative control: the same word in an answer is found.
        Request chat = m_store->loadRequestByReference(u"CHAT-1"_s).value();
        chat.questions[0].answer = u"Asked by Gwenllian in 2019."_s;
        QVERIFY(m_store->saveRequest(chat).ok());
        QCOMPARE(search(u"Gwenllian"_s).size(), 1);
    }

    // Saves and deletes keep the index in step: an old word is gone, a new one found.
    void indexFollowsEveryChange()
    {
        Request tree = m_store->loadRequestByReference(u"TREE-2"_s).value();
        tree.questions[0].answer = u"Sycamores only."_s;
        tree.title = u"Roadside sycamores"_s;
        const Result<Request> saved = m_store->saveRequest(tree);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(references(search(u"Forty"_s)), QStringList());
        QCOMPARE(references(search(u"sycamore"_s)), (QStringList{u"TREE-2"_s, u"TREE-2"_s}));

        QVERIFY(m_store->deleteRequest(saved->id, saved->revision).ok());
        QVERIFY(search(u"sycamore"_s).isEmpty());
        QCOMPARE(references(search(u"felled"_s)), QStringList{u"TREE-1"_s});
        // FTS5's own check that each index holds exactly what its table holds, including the
        // questions that went with their request.
        RawDatabase raw(logPath());
        QString error;
        QVERIFY2(raw.exec(u"INSERT INTO question_search (question_search, rank) "
                          "VALUES ('integrity-check', 1)"_s,
                          &error),
                 qPrintable(error));
        QVERIFY2(raw.exec(u"INSERT INTO request_search (request_search, rank) "
                          "VALUES ('integrity-check', 1)"_s,
                          &error),
                 qPrintable(error));
        // Negative control: an index out of step with its table fails the check.
        QVERIFY(raw.exec(u"INSERT INTO question_search (rowid, section, text, answer) "
                         "VALUES (9999, '', 'stray', '')"_s));
        QVERIFY(!raw.exec(u"INSERT INTO question_search (question_search, rank) "
                          "VALUES ('integrity-check', 1)"_s,
                          &error));
    }

    // Withheld text is found (it is the officers' own log), and the result marks it.
    void withheldTextIsMarked()
    {
        Request chat = m_store->loadRequestByReference(u"CHAT-1"_s).value();
        Question &who = chat.questions[1];
        const qsizetype at = who.answer.indexOf(u"Siân Lloyd"_s);
        who.redactions.append(Redaction{at, 10, u"s40(2)"_s});
        QVERIFY(m_store->saveRequest(chat).ok());

        const QList<SearchHit> board = search(u"board"_s);
        QCOMPARE(board.size(), 1);
        QVERIFY(board.first().showsWithheld());
        QCOMPARE(rangeTexts(board.first().detail, board.first().detail.withheld),
                 QStringList{u"Siân Lloyd"_s});
        // A result from the same log with nothing withheld in it is not marked.
        const QList<SearchHit> chatbot = search(u"chatbot"_s);
        QVERIFY(!chatbot.isEmpty());
        QVERIFY(!chatbot.first().showsWithheld());
    }

    // A log made before search existed is indexed whole when it is upgraded.
    void upgradedLogIsIndexed()
    {
        const QString path = m_dir.filePath(u"old.sqlite"_s);
        QFile::remove(path);
        int searchVersion = 0;
        for (const Migrator::Migration &migration : Migrator::migrations()) {
            if (migration.name.endsWith(u"_search.sql"_s))
                searchVersion = migration.version;
        }
        QVERIFY(searchVersion > 1);
        {
            RawDatabase raw(path);
            QVERIFY(Migrator::migrate(raw.db(), searchVersion - 1).ok());
            QVERIFY(raw.exec(u"INSERT INTO requests (id, reference, title, created_at, "
                             "updated_at) VALUES (1, 'OLD-1', 'Potholes on the ring road', "
                             "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')"_s));
            QVERIFY(raw.exec(u"INSERT INTO questions (request_id, position, text, answer) "
                             "VALUES (1, 0, 'How many potholes were filled?', 'Ninety.')"_s));
        }
        auto opened = Store::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        const Result<QList<SearchHit>> hits = (*opened)->search(u"pothole"_s);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->first().reference, u"OLD-1"_s);
    }

    void commandLine()
    {
        m_store.reset();
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const auto run = [&](const QStringList &args) {
            out.clear();
            err.clear();
            const int code = CommandLine::run(args, outStream, errStream, QDate(2026, 12, 3));
            outStream.flush();
            errStream.flush();
            return code;
        };
        QCOMPARE(run({u"--db"_s, logPath(), u"search"_s, u"felled"_s}), 0);
        QVERIFY2(out.startsWith(u"TREE-2  2021-03-01  Street trees\n"_s), qPrintable(out));
        QVERIFY(out.contains(u"Question 1: How many street trees were *felled*?"_s));
        QVERIFY(out.contains(u"TREE-1"_s));

        QCOMPARE(run({u"--db"_s,
                      logPath(),
                      u"search"_s,
                      u"felled"_s,
                      u"--json"_s,
                      u"--limit"_s,
                      u"1"_s}),
                 0);
        const QJsonArray array = QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject hit = array.first().toObject();
        QCOMPARE(hit[u"reference"_s].toString(), u"TREE-2"_s);
        QCOMPARE(hit[u"question"_s].toInt(), 1);
        const QJsonObject heading = hit[u"heading"_s].toObject();
        const QJsonObject match = heading[u"matches"_s].toArray().first().toObject();
        QCOMPARE(heading[u"text"_s].toString().mid(match[u"start"_s].toInt(),
                                                   match[u"length"_s].toInt()),
                 u"felled"_s);

        QCOMPARE(run({u"--db"_s, logPath(), u"search"_s, u"nothing-like-it"_s}), 0);
        QVERIFY(out.isEmpty());
        QVERIFY(err.contains(u"Nothing in the log matches"_s));
        QCOMPARE(run({u"--db"_s, logPath(), u"search"_s}), int(CommandLine::UsageError));
        QCOMPARE(run({u"--db"_s, logPath(), u"search"_s, u"trees"_s, u"--limit"_s, u"0"_s}),
                 int(CommandLine::UsageError));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
