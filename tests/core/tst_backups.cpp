#include "store/BackupFile.h"
#include "store/Backups.h"
#include "store/Migrator.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

Request sampleRequest(const QString &reference, const QString &title)
{
    return test::RequestBuilder(reference, QDate(2024, 5, 13))
        .title(title)
        .requester(u"Rhys Ŷ. Morgan"_s)
        .question(test::makeQuestion(u"Grounds maintenance"_s,
                                     u"1."_s,
                                     u"How much was spent on weed control in 2023 (£)?"_s,
                                     u"“About £8,000”"_s,
                                     {},
                                     {u"Under £10k"_s, u"£10k or more"_s}));
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs SQL on a file with a plain connection, as an older version or another tool would.
bool rawExec(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-backups"_s);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            ok = ok && query.exec(statement);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw-backups"_s);
    return ok;
}

} // namespace

class TestBackups : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dbPath() const { return m_dir->filePath(u"log.sqlite"_s); }
    QString folder() const { return Backups::defaultFolder(dbPath()); }

    std::unique_ptr<Store> openStore(const QString &path)
    {
        auto opened = Store::open(path);
        if (!opened) {
            qWarning() << opened.errorMessage();
            return {};
        }
        return std::move(opened.value());
    }

    QStringList dailyFiles() const
    {
        return QDir(folder()).entryList({u"*-daily-*.sqlite"_s}, QDir::Files, QDir::Name);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QTest::failOnWarning(QRegularExpression(u"still in use"_s));
    }

    void defaultFolderSitsBesideTheLog()
    {
        QCOMPARE(Backups::defaultFolder(u"/data/foi/foidesk.sqlite"_s),
                 u"/data/foi/foidesk-backups"_s);
        QCOMPARE(Backups::defaultFolder(u"/data/foi/council.log.sqlite"_s),
                 u"/data/foi/council.log-backups"_s);
    }

    void backupNowWritesACopyThatOpens()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        const Request first = store->createRequest(sampleRequest(u"B-1"_s, u"First"_s)).value();
        const Request second = store->createRequest(sampleRequest(u"B-2"_s, u"Second"_s)).value();

        const QDateTime now(QDate(2024, 5, 14), QTime(9, 15, 30));
        const Result<QString> made = Backups::backupNow(*store, folder(), now);
        QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
        QCOMPARE(*made, QDir(folder()).filePath(u"log-2024-05-14-091530.sqlite"_s));

        // The log stays usable while and after it is backed up.
        QVERIFY(store->createRequest(sampleRequest(u"B-3"_s, u"After"_s)).ok());

        auto copy = openStore(*made);
        QVERIFY(copy);
        QCOMPARE(copy->countRequests({}).value(), 2);
        QVERIFY(copy->loadRequest(first.id)->sameContent(first));
        QVERIFY(copy->loadRequest(second.id)->sameContent(second));
        QCOMPARE(copy->loadRequest(second.id)->revision, 1);
    }

    void backupNowNeverOverwrites()
    {
        auto store = openStore(dbPath());
        const QDateTime now(QDate(2024, 5, 14), QTime(9, 15, 30));
        const Result<QString> made = Backups::backupNow(*store, folder(), now);
        QVERIFY(made.ok());
        const QByteArray before = fileBytes(*made);
        QVERIFY(store->createRequest(sampleRequest(u"B-1"_s, u"New"_s)).ok());

        const Result<QString> again = Backups::backupNow(*store, folder(), now);
        QCOMPARE(again.errorKind(), ErrorKind::Conflict);
        QVERIFY(again.errorMessage().contains(QDir::toNativeSeparators(*made)));
        QCOMPARE(fileBytes(*made), before);
        QCOMPARE(store->backupTo(*made).errorKind(), ErrorKind::Conflict);
    }

    void dailyBackupOncePerDay()
    {
        auto store = openStore(dbPath());
        const QDate today(2024, 5, 14);
        const auto first = Backups::dailyBackupIfDue(*store, folder(), today);
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        QVERIFY(first->has_value());
        QCOMPARE(**first, QDir(folder()).filePath(u"log-daily-2024-05-14.sqlite"_s));
        QVERIFY(QFile::exists(**first));

        const auto second = Backups::dailyBackupIfDue(*store, folder(), today);
        QVERIFY(second.ok());
        QVERIFY(!second->has_value());
        QCOMPARE(dailyFiles().size(), 1);
    }

    void dailyBackupsKeepTheNewestFourteenAndEveryManualOne()
    {
        auto store = openStore(dbPath());
        const QDate start(2024, 5, 1);
        QVERIFY(Backups::backupNow(*store, folder(), QDateTime(start, QTime(8, 0))).ok());
        QVERIFY(
            Backups::backupNow(*store, folder(), QDateTime(start.addDays(3), QTime(17, 30))).ok());
        for (int day = 0; day < 16; ++day) {
            QVERIFY(store->createRequest(sampleRequest(u"D-%1"_s.arg(day), u"Day"_s)).ok());
            const auto made = Backups::dailyBackupIfDue(*store, folder(), start.addDays(day));
            QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
            QVERIFY(made->has_value());
        }
        QStringList expected;
        for (int day = 2; day < 16; ++day)
            expected.append(u"log-daily-%1.sqlite"_s.arg(start.addDays(day).toString(Qt::ISODate)));
        QCOMPARE(dailyFiles(), expected);
        QVERIFY(QFile::exists(QDir(folder()).filePath(u"log-2024-05-01-080000.sqlite"_s)));
        QVERIFY(QFile::exists(QDir(folder()).filePath(u"log-2024-05-04-173000.sqlite"_s)));

        // A smaller allowance applies at the next daily backup.
        QVERIFY(Backups::dailyBackupIfDue(*store, folder(), start.addDays(16), 3).ok());
        QCOMPARE(dailyFiles().size(), 3);
        QCOMPARE(Backups::list(folder()).size(), 5);
    }

    void listIsNewestFirst()
    {
        auto store = openStore(dbPath());
        const QDate day(2024, 5, 14);
        QVERIFY(
            Backups::backupNow(*store, folder(), QDateTime(day.addDays(-2), QTime(10, 0))).ok());
        QVERIFY(Backups::dailyBackupIfDue(*store, folder(), day.addDays(-1)).ok());
        QVERIFY(Backups::backupNow(*store, folder(), QDateTime(day, QTime(16, 45, 5))).ok());
        QFile unrelated(QDir(folder()).filePath(u"notes.sqlite"_s));
        QVERIFY(unrelated.open(QIODevice::WriteOnly));
        unrelated.close();

        const QList<BackupInfo> backups = Backups::list(folder());
        QCOMPARE(backups.size(), 3);
        QCOMPARE(QFileInfo(backups[0].path).fileName(), u"log-2024-05-14-164505.sqlite"_s);
        QCOMPARE(backups[0].created, QDateTime(day, QTime(16, 45, 5)));
        QVERIFY(!backups[0].automatic);
        QCOMPARE(QFileInfo(backups[1].path).fileName(), u"log-daily-2024-05-13.sqlite"_s);
        QVERIFY(backups[1].automatic);
        QCOMPARE(backups[1].created.date(), day.addDays(-1));
        QCOMPARE(QFileInfo(backups[2].path).fileName(), u"log-2024-05-12-100000.sqlite"_s);
        for (const BackupInfo &backup : backups)
            QVERIFY(backup.size > 0);
        QVERIFY(Backups::list(m_dir->filePath(u"missing"_s)).isEmpty());
    }

    void restoreBringsBackTheBackedUpContent()
    {
        QString backup;
        {
            auto store = openStore(dbPath());
            QVERIFY(store->createRequest(sampleRequest(u"A-1"_s, u"Kept"_s)).ok());
            backup = Backups::backupNow(*store, folder()).value();
            QVERIFY(store->createRequest(sampleRequest(u"B-1"_s, u"Made later"_s)).ok());
        }
        const Result<QString> kept = Backups::restore(backup, dbPath());
        QVERIFY2(kept.ok(), qPrintable(kept.errorMessage()));
        QVERIFY(QFileInfo(*kept).fileName().startsWith(u"log.before-restore-"_s));
        QVERIFY(QFile::exists(*kept));

        auto restored = openStore(dbPath());
        QVERIFY(restored);
        QVERIFY(restored->loadRequestByReference(u"A-1"_s).ok());
        QCOMPARE(restored->loadRequestByReference(u"B-1"_s).errorKind(), ErrorKind::NotFound);
        QCOMPARE(restored->auditTrail().value().first().action, u"restore"_s);

        // Nothing is lost: the replaced log is kept and still opens.
        auto previous = openStore(*kept);
        QVERIFY(previous);
        QVERIFY(previous->loadRequestByReference(u"B-1"_s).ok());
    }

    // A log left by a program that stopped without checkpointing has changes only in its -wal
    // file. They must travel with the kept copy, and must never be replayed onto the restored
    // file.
    void restoreMovesAnUncheckpointedLogAsideWhole()
    {
        const QString crashed = m_dir->filePath(u"crashed/log.sqlite"_s);
        QVERIFY(QDir().mkpath(QFileInfo(crashed).absolutePath()));
        QString backup;
        {
            auto store = openStore(dbPath());
            QVERIFY(store->createRequest(sampleRequest(u"A-1"_s, u"Kept"_s)).ok());
            backup = Backups::backupNow(*store, folder()).value();
            QVERIFY(store->createRequest(sampleRequest(u"B-1"_s, u"Only in the WAL"_s)).ok());
            QVERIFY(QFileInfo(dbPath() + u"-wal"_s).size() > 0);
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QVERIFY(QFile::copy(dbPath() + suffix, crashed + suffix));
        }
        const Result<QString> kept = Backups::restore(backup, crashed);
        QVERIFY2(kept.ok(), qPrintable(kept.errorMessage()));

        auto restored = openStore(crashed);
        QVERIFY(restored);
        QCOMPARE(restored->countRequests({}).value(), 1);
        QCOMPARE(restored->loadRequestByReference(u"B-1"_s).errorKind(), ErrorKind::NotFound);
        auto previous = openStore(*kept);
        QVERIFY(previous);
        QCOMPARE(previous->loadRequestByReference(u"B-1"_s)->title, u"Only in the WAL"_s);
    }

    void restoreBringsAnOlderBackupUpToDate()
    {
        const QString old = m_dir->filePath(u"old-backup.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
            db.setDatabaseName(old);
            QVERIFY(db.open());
            QVERIFY(Migrator::migrate(db, 1).ok());
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old"_s);
        QVERIFY(rawExec(old,
                        {u"INSERT INTO requests (reference, title, created_at, updated_at) "
                         u"VALUES ('OLD-1', 'From version 1', 'x', 'x')"_s}));
        const Result<QString> kept = Backups::restore(old, dbPath());
        QVERIFY2(kept.ok(), qPrintable(kept.errorMessage()));
        QVERIFY(kept->isEmpty()); // there was no log to keep
        auto restored = openStore(dbPath());
        QCOMPARE(restored->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(restored->loadRequestByReference(u"OLD-1"_s)->title, u"From version 1"_s);
    }

    void restoreRefusesABadBackupAndLeavesTheLogAlone_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("error");
        QTest::newRow("damaged") << u"damaged"_s << int(ErrorKind::Corrupt);
        QTest::newRow("not a database") << u"text"_s << int(ErrorKind::Corrupt);
        QTest::newRow("another program's") << u"other"_s << int(ErrorKind::Corrupt);
        QTest::newRow("from a newer version") << u"newer"_s << int(ErrorKind::TooNew);
        QTest::newRow("missing") << u"missing"_s << int(ErrorKind::NotFound);
    }

    void restoreRefusesABadBackupAndLeavesTheLogAlone()
    {
        QFETCH(QString, kind);
        QFETCH(int, error);
        QString backup = QDir(folder()).filePath(u"log-2024-05-14-120000.sqlite"_s);
        {
            auto store = openStore(dbPath());
            QVERIFY(store->createRequest(sampleRequest(u"A-1"_s, u"Current"_s)).ok());
            QVERIFY(store->backupTo(backup).ok());
        }
        if (kind == u"damaged") {
            QByteArray bytes = fileBytes(backup);
            QVERIFY(bytes.size() > 8192);
            bytes.truncate(bytes.size() / 2);
            QFile file(backup);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
        } else if (kind == u"text") {
            QFile file(backup);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("This is not a backup.\n");
        } else if (kind == u"other") {
            QVERIFY(QFile::remove(backup));
            QVERIFY(rawExec(backup, {u"CREATE TABLE photos (name TEXT)"_s}));
        } else if (kind == u"newer") {
            QVERIFY(rawExec(backup,
                            {u"PRAGMA user_version = %1"_s.arg(Store::latestSchemaVersion() + 1)}));
        } else if (kind == u"missing") {
            QVERIFY(QFile::remove(backup));
        }
        const QByteArray before = fileBytes(dbPath());
        const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files);

        const Result<QString> restored = Backups::restore(backup, dbPath());
        QCOMPARE(int(restored.errorKind()), error);
        QVERIFY2(restored.errorMessage().contains(QDir::toNativeSeparators(backup)),
                 qPrintable(restored.errorMessage()));
        QCOMPARE(fileBytes(dbPath()), before);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), filesBefore);
        auto store = openStore(dbPath());
        QCOMPARE(store->loadRequestByReference(u"A-1"_s)->title, u"Current"_s);
    }

    void restoreRefusesTheLogItself()
    {
        {
            auto store = openStore(dbPath());
            QVERIFY(store);
        }
        QCOMPARE(Backups::restore(dbPath(), dbPath()).errorKind(), ErrorKind::BadInput);
    }

    void dailyBackupOfFileRunsBesideTheStoresWrites()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->createRequest(sampleRequest(u"T-1"_s, u"Before"_s)).ok());
        const QDate today(2024, 5, 20);
        std::optional<Result<std::optional<QString>>> daily;
        QThread *worker = QThread::create([&] {
            daily.emplace(Backups::dailyBackupOfFile(dbPath(), folder(), today));
        });
        worker->start();
        // The window's connection goes on writing while the worker reads.
        int saved = 0;
        do {
            QVERIFY(store->createRequest(sampleRequest(u"T-W%1"_s.arg(saved), u"During"_s)).ok());
            ++saved;
        } while (!worker->isFinished() && saved < 200);
        worker->wait();
        delete worker;

        QVERIFY(daily.has_value());
        QVERIFY2(daily->ok(), qPrintable(daily->errorMessage()));
        QVERIFY(daily->value().has_value());
        const QString made = *daily->value();
        QCOMPARE(made, QDir(folder()).filePath(u"log-daily-2024-05-20.sqlite"_s));
        auto copy = openStore(made);
        QVERIFY(copy);
        const int count = copy->countRequests({}).value();
        QVERIFY2(count >= 1 && count <= 1 + saved, qPrintable(QString::number(count)));
        QVERIFY(QDir(folder()).entryList({u"*.part"_s}, QDir::Files).isEmpty());
    }

    void aBackupThatFailsLeavesNoFile()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        const QString target = QDir(folder()).filePath(u"log-2024-05-14-091530.sqlite"_s);
        // The temporary file cannot be written: a folder has its name.
        QVERIFY(QDir().mkpath(BackupFile::partialName(target)));
        const Result<void> written = store->backupTo(target);
        QVERIFY(!written.ok());
        QVERIFY(!QFile::exists(target));
        QVERIFY(Backups::list(folder()).isEmpty());
    }

    void anUnfinishedCopyIsNeverABackupAndIsCleanedUp()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(QDir().mkpath(folder()));
        // What a program stopped in the middle of a backup two days ago left behind.
        const QString left = QDir(folder()).filePath(u"log-daily-2024-05-18.sqlite.4242.part"_s);
        QFile file(left);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SQLite format 3");
        file.close();
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addDays(-2),
                                 QFileDevice::FileModificationTime));
        file.close();
        QVERIFY(Backups::list(folder()).isEmpty());

        QVERIFY(Backups::dailyBackupIfDue(*store, folder(), QDate(2024, 5, 20)).ok());
        QVERIFY(!QFile::exists(left));
        QCOMPARE(Backups::list(folder()).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBackups)
#include "tst_backups.moc"
