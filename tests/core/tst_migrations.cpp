#include "core/RawDatabase.h"
#include "stats/QuarterStats.h"
#include "store/Migrator.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

// Every log ever written by an earlier FOI Desk must open in this one with its data intact, and
// a migration that fails must leave the file as it was.
class TestMigrations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(u"log.sqlite"_s); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void migrationsAreNumberedWithoutGaps()
    {
        const QStringList files = QDir(QStringLiteral(FOIDESK_RESOURCE_DIR "/sql"))
                                      .entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 2);
        QCOMPARE(Migrator::latestVersion(), int(files.size()));
        QCOMPARE(Store::latestSchemaVersion(), Migrator::latestVersion());
        for (const Migrator::Migration &migration : Migrator::migrations()) {
            QCOMPARE(migration.name, files.at(migration.version - 1));
            QVERIFY(!Migrator::splitStatements(migration.sql).isEmpty());
        }
    }

    void splitStatements_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("statements");

        QTest::newRow("two statements")
            << u"CREATE TABLE a (x);\nCREATE TABLE b (y);\n"_s
            << QStringList{u"CREATE TABLE a (x)"_s, u"CREATE TABLE b (y)"_s};
        QTest::newRow("semicolon in a string")
            << u"INSERT INTO a VALUES ('one; two');"_s
            << QStringList{u"INSERT INTO a VALUES ('one; two')"_s};
        QTest::newRow("doubled quote")
            << u"INSERT INTO a VALUES ('it''s; fine'); SELECT 1"_s
            << QStringList{u"INSERT INTO a VALUES ('it''s; fine')"_s, u"SELECT 1"_s};
        QTest::newRow("comments with quotes and semicolons")
            << u"-- the requester's data; never here\nCREATE TABLE a (x); /* it's; */ SELECT 2;"_s
            << QStringList{u"CREATE TABLE a (x)"_s, u"SELECT 2"_s};
        QTest::newRow("trigger body")
            << u"CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\n"
               u"  SELECT 1;\nEND;\nCREATE INDEX i ON a (x);"_s
            << QStringList{u"CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, "
                           u"'no');\n  SELECT 1;\nEND"_s,
                           u"CREATE INDEX i ON a (x)"_s};
        QTest::newRow("case inside a trigger")
            << u"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; "
               u"END; SELECT 3"_s
            << QStringList{u"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 "
                           u"THEN 2 END; END"_s,
                           u"SELECT 3"_s};
        QTest::newRow("only comments") << u"-- nothing\n/* at all */\n"_s << QStringList();
    }

    void splitStatements()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, statements);
        QCOMPARE(Migrator::splitStatements(sql), statements);
    }

    void migrateFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v < Migrator::latestVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }

    // Builds a file at each earlier version, fills it the way that version would, and checks
    // that opening it brings it up to date with nothing lost.
    void migrateFromEveryEarlierVersion()
    {
        QFETCH(int, version);
        if (version == 0) {
            QFile empty(dbPath()); // what a first run leaves: SQLite treats 0 bytes as new
            QVERIFY(empty.open(QIODevice::WriteOnly));
        } else {
            RawDatabase raw(dbPath());
            QVERIFY(raw.db().isOpen());
            const Result<void> migrated = Migrator::migrate(raw.db(), version);
            QVERIFY2(migrated.ok(), qPrintable(migrated.errorMessage()));
            QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), version);
            QVERIFY(raw.exec(
                u"INSERT INTO requests (id, reference, regime, title, received, requester_name, "
                u"requester_kind, officer, status, held, revision, created_at, updated_at) "
                u"VALUES (7, '6370952', 'EIR', 'Chatbots ŵ ŷ £', '2024-03-04', 'A. Person', "
                u"'journalist', 'Priya', 'in_progress', 'some', 4, '2024-03-04T09:00:00Z', "
                u"'2024-03-05T09:00:00Z')"_s));
            QVERIFY(raw.exec(u"INSERT INTO questions (request_id, position, section, label, "
                             u"text, choices, answer) VALUES (7, 0, 'Chatbots', '1.', "
                             u"'Do you use one?', '[\"Yes\",\"No\"]', 'Yes')"_s));
            QVERIFY(raw.exec(u"INSERT INTO questions (request_id, position, condition, text) "
                             u"VALUES (7, 1, 'If yes:', 'Which one?')"_s));
            if (version >= 2) {
                QVERIFY(raw.exec(u"INSERT INTO staff (name, job_title, senior, role) VALUES "
                                 u"('Priya Shah', 'Information Officer', 0, 'officer')"_s));
                QVERIFY(raw.exec(u"INSERT INTO audit (at, action, reference, revision) VALUES "
                                 u"('2024-03-04T09:00:00.000Z', 'create', '6370952', 1)"_s));
            }
            if (version >= 4) {
                QVERIFY(raw.exec(u"UPDATE requests SET letter_final = 1 WHERE id = 7"_s));
            }
        }

        auto opened = Store::open(dbPath());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        Store &store = **opened;
        QCOMPARE(store.schemaVersion(), Store::latestSchemaVersion());
        if (version == 0) {
            QCOMPARE(store.countRequests({}).value(), 0);
            return;
        }
        const Result<Request> request = store.loadRequestByReference(u"6370952"_s);
        QVERIFY2(request.ok(), qPrintable(request.errorMessage()));
        QCOMPARE(request->id, 7);
        QCOMPARE(request->revision, 4);
        QCOMPARE(request->regime, Regime::EIR);
        QCOMPARE(request->title, u"Chatbots ŵ ŷ £"_s);
        QCOMPARE(request->received, QDate(2024, 3, 4));
        QCOMPARE(request->status, RequestStatus::InProgress);
        QCOMPARE(request->held, Held::Some);
        QCOMPARE(request->requester.kind, RequesterKind::Journalist);
        QCOMPARE(request->questions.size(), 2);
        QCOMPARE(request->questions[0].choices, (QStringList{u"Yes"_s, u"No"_s}));
        QCOMPARE(request->questions[1].condition, u"If yes:"_s);
        // Letters written before version 4 were never marked final, and a log upgraded from
        // then has no profile of its own: the shipped defaults apply.
        QCOMPARE(request->letterFinal, version >= 4);
        QCOMPARE(store.hasSavedProfile().value(), false);
        QCOMPARE(store.profile()->name, OrganisationProfile::defaults()->name);
        const Result<QList<StaffMember>> staff = store.staff();
        QVERIFY(staff.ok());
        QCOMPARE(staff->size(), version >= 2 ? 1 : 0);

        // Before version 5 nothing was withheld: every answer was given in full.
        for (const Question &question : request->questions) {
            QCOMPARE(question.disposition, Disposition::Answered);
            QVERIFY(question.exemptions.isEmpty());
            QVERIFY(question.redactions.isEmpty());
        }
        QVERIFY(request->exemptionReasons.isEmpty());
        QVERIFY(!request->withholdsAnything());
        QCOMPARE(store.lastReleaseCheck(request->id).value(), std::nullopt);
        QVERIFY(store.suggestionDecisions(request->id)->isEmpty());

        // The migrated log takes new work like any other, withheld passages included.
        Request edited = *request;
        edited.title = u"Edited after the upgrade"_s;
        edited.questions[0].disposition = Disposition::PartWithheld;
        edited.questions[0].exemptions = {u"reg13"_s};
        edited.questions[0].redactions = {Redaction{0, 3, u"reg13"_s}};
        edited.exemptionReasons.insert(u"reg13"_s, ExemptionReasoning{u"Personal data."_s, {}});
        const Result<Request> saved = store.saveRequest(edited);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(saved->revision, 5);
        QVERIFY(store.loadRequest(7)->sameContent(edited));
        QCOMPARE(store.auditTrail(u"6370952"_s)->size(), version >= 2 ? 2 : 1);
    }

    // The schema itself refuses what the application never writes, so that a row put in with
    // an SQL tool cannot make a withheld answer read as answered or a check read as passed.
    void version5RefusesUnknownCodesAndChangedChecks()
    {
        RawDatabase raw(dbPath());
        QVERIFY(Migrator::migrate(raw.db(), 5).ok());
        QVERIFY(raw.exec(u"INSERT INTO requests (id, reference, created_at, updated_at) VALUES "
                         u"(1, 'R', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"_s));
        QString error;
        QVERIFY(!raw.exec(u"INSERT INTO questions (request_id, position, disposition) VALUES "
                          u"(1, 0, 'partly')"_s,
                          &error));
        QVERIFY(raw.exec(u"INSERT INTO questions (id, request_id, position) VALUES (1, 1, 0)"_s));
        QCOMPARE(raw.value(u"SELECT disposition FROM questions WHERE id = 1"_s).toString(),
                 u"answered"_s);
        QCOMPARE(raw.value(u"SELECT exemptions FROM questions WHERE id = 1"_s).toString(), u"[]"_s);
        QVERIFY(
            !raw.exec(u"INSERT INTO question_redactions VALUES (1, 0, 0, 0, 's40(2)')"_s, &error));
        QVERIFY(!raw.exec(u"INSERT INTO suggestion_decisions (request_id, at, action, kind, "
                          u"text) VALUES (1, 'x', 'ignored', 'email', 'a@b.c')"_s,
                          &error));
        QVERIFY(raw.exec(u"INSERT INTO release_checks (request_id, checked_at, findings) "
                         u"VALUES (1, 'x', '[{\"withheld\":\"A\",\"where\":\"p\"}]')"_s));
        QVERIFY(!raw.exec(u"UPDATE release_checks SET findings = '[]'"_s, &error));
        QVERIFY(error.contains(u"cannot be changed"_s));
    }

    // Version 13 gives an internal review outcome a result. Outcomes recorded before it keep
    // everything they had and read as "result not recorded"; from then on a result is kept,
    // and the schema refuses an unknown result or one on any other kind of event.
    void version13AddsTheResultOfAReview()
    {
        {
            RawDatabase raw(dbPath());
            QVERIFY(Migrator::migrate(raw.db(), 12).ok());
            QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 12);
            QVERIFY(raw.exec(u"INSERT INTO requests (id, reference, regime, received, status, "
                             u"response_sent, revision, created_at, updated_at) VALUES (3, "
                             u"'FOI-12', 'FOIA', '2026-07-01', 'sent', '2026-07-20', 2, "
                             u"'2026-07-01T09:00:00Z', '2026-09-01T09:00:00Z')"_s));
            QVERIFY(raw.exec(u"INSERT INTO clock_events (request_id, position, kind, date, note) "
                             u"VALUES (3, 0, 'internal_review_requested', '2026-07-27', ''), "
                             u"(3, 1, 'internal_review_outcome', '2026-08-17', 'Upheld, by "
                             u"letter')"_s));
        }
        {
            auto opened = Store::open(dbPath());
            QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
            Store &store = **opened;
            QCOMPARE(store.schemaVersion(), Store::latestSchemaVersion());
            Result<Request> request = store.loadRequestByReference(u"FOI-12"_s);
            QVERIFY2(request.ok(), qPrintable(request.errorMessage()));
            QCOMPARE(request->clockEvents.size(), 2);
            const ClockEvent old = request->clockEvents.at(1);
            QCOMPARE(old.kind, ClockEventKind::InternalReviewOutcome);
            QCOMPARE(old.date, QDate(2026, 8, 17));
            QCOMPARE(old.note, u"Upheld, by letter"_s);
            QCOMPARE(old.reviewResult, std::nullopt);
            const Result<QuarterStats> before = QuarterCounter().count(Quarter{2026, 3}, store);
            QVERIFY2(before.ok(), qPrintable(before.errorMessage()));
            QCOMPARE(before->reviewOutcomeGiven, 1);
            QCOMPARE(before->reviewResultNotRecorded, 1);
            QCOMPARE(before->reviewUpheld, 0);

            // The officer records the result the note gave.
            Request edited = request.value();
            edited.clockEvents[1].reviewResult = ReviewResult::Upheld;
            const Result<Request> saved = store.saveRequest(edited);
            QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
            QCOMPARE(store.loadRequest(3)->clockEvents.at(1).reviewResult, ReviewResult::Upheld);
            const Result<QuarterStats> after = QuarterCounter().count(Quarter{2026, 3}, store);
            QCOMPARE(after->reviewResultNotRecorded, 0);
            QCOMPARE(after->reviewUpheld, 1);
        }
        RawDatabase raw(dbPath());
        QCOMPARE(
            raw.value(u"SELECT review_result FROM clock_events WHERE position = 1"_s).toString(),
            u"upheld"_s);
        QVERIFY(raw.value(u"SELECT review_result FROM clock_events WHERE position = 0"_s).isNull());
        QString error;
        QVERIFY(!raw.exec(u"UPDATE clock_events SET review_result = 'partly' WHERE position = 1"_s,
                          &error));
        QVERIFY2(error.contains(u"CHECK constraint failed"_s), qPrintable(error));
        QVERIFY(!raw.exec(u"UPDATE clock_events SET review_result = 'upheld' WHERE position = 0"_s,
                          &error));
        QVERIFY2(error.contains(u"CHECK constraint failed"_s), qPrintable(error));
        QVERIFY(raw.exec(
            u"UPDATE clock_events SET review_result = 'upheld_in_part' WHERE position = 1"_s));
        QVERIFY(
            raw.exec(u"UPDATE clock_events SET review_result = 'overturned' WHERE position = 1"_s));
        QVERIFY(raw.exec(u"UPDATE clock_events SET review_result = NULL WHERE position = 1"_s));
    }

    void everyMigrationMarksTheFileAsOurs()
    {
        RawDatabase raw(dbPath());
        QVERIFY(Migrator::migrate(raw.db(), 1).ok());
        QCOMPARE(raw.value(u"PRAGMA application_id"_s).toInt(), Migrator::ApplicationId);
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 1);
        QVERIFY(Migrator::migrate(raw.db(), Migrator::latestVersion()).ok());
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), Migrator::latestVersion());
        // Migrating again is harmless.
        QVERIFY(Migrator::migrate(raw.db(), Migrator::latestVersion()).ok());
    }

    void failingMigrationRollsBack()
    {
        RawDatabase raw(dbPath());
        QVERIFY(Migrator::migrate(raw.db(), 1).ok());
        // The first statement works, the second is broken: neither may remain.
        const Result<void> applied = Migrator::apply(raw.db(),
                                               2,
                                               u"CREATE TABLE staff (id INTEGER PRIMARY KEY);\n"
                                               u"CREATE TABLE broken (;\n"_s);
        QVERIFY(!applied.ok());
        QVERIFY(!applied.errorMessage().isEmpty());
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'staff'"_s).toInt(),
                 0);
        // Nothing was left half-open: the real migration still runs afterwards.
        QVERIFY(Migrator::migrate(raw.db(), 2).ok());
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 2);
    }

    void conflictingTableStopsTheUpgradeAndLeavesTheVersion()
    {
        {
            RawDatabase raw(dbPath());
            QVERIFY(Migrator::migrate(raw.db(), 1).ok());
            // Something already made a table migration 2 needs to create.
            QVERIFY(raw.exec(u"CREATE TABLE audit (note TEXT)"_s));
        }
        auto opened = Store::open(dbPath());
        QVERIFY(!opened.ok());
        QVERIFY(opened.errorMessage().contains(u"schema version 2"_s));
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'staff'"_s).toInt(),
                 0);
    }

    void applyRefusesToSkipAVersion()
    {
        RawDatabase raw(dbPath());
        QVERIFY(Migrator::migrate(raw.db(), 1).ok());
        const Result<void> applied = Migrator::apply(raw.db(), 3, u"CREATE TABLE x (y)"_s);
        QCOMPARE(applied.errorKind(), ErrorKind::BadInput);
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(Migrator::migrate(raw.db(), Migrator::latestVersion() + 1).errorKind(),
                 ErrorKind::BadInput);
    }

    void migrateRefusesANewerFile()
    {
        RawDatabase raw(dbPath());
        QVERIFY(raw.exec(u"PRAGMA user_version = %1"_s.arg(Migrator::latestVersion() + 1)));
        const Result<void> migrated = Migrator::migrate(raw.db(), Migrator::latestVersion());
        QCOMPARE(migrated.errorKind(), ErrorKind::TooNew);
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), Migrator::latestVersion() + 1);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
