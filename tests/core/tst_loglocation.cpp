#include "RawDatabase.h"
#include "store/Backups.h"
#include "store/LogLocation.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Request sampleRequest(const QString &reference)
{
    return test::RequestBuilder(reference, QDate(2026, 11, 2))
        .title(u"Road gritting routes"_s)
        .question(test::makeQuestion(
            QString(), u"1."_s, u"Which roads are gritted?"_s, QString(), QString(), {}));
}

} // namespace

// Where the default log lives, and how a log left where earlier versions kept it is moved.
class TestLogLocation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString oldLog() const { return m_dir->filePath(u"data/FOI Desk/FOI Desk/foidesk.sqlite"_s); }
    QString newLog() const { return m_dir->filePath(u"data/FOI Desk/foidesk.sqlite"_s); }

    // A log at the old place with two requests, one of them only in its write-ahead log (not
    // yet checkpointed into the file), and two backups beside it.
    void makeOldLog()
    {
        const QString work = m_dir->filePath(u"work/foidesk.sqlite"_s);
        {
            auto store = Store::open(work);
            QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
            QVERIFY((*store)->createRequest(sampleRequest(u"OLD-1"_s)).ok());
        }
        auto opened = Store::open(work);
        QVERIFY(opened.ok());
        std::unique_ptr<Store> store = std::move(opened).value();
        QVERIFY(store->createRequest(sampleRequest(u"OLD-2"_s)).ok());
        QVERIFY(Backups::backupNow(*store,
                                   Backups::defaultFolder(oldLog()),
                                   QDateTime(QDate(2026, 11, 30), QTime(9, 0)))
                    .ok());
        QVERIFY(Backups::backupNow(*store,
                                   Backups::defaultFolder(oldLog()),
                                   QDateTime(QDate(2026, 12, 1), QTime(9, 0)))
                    .ok());
        // OLD-2 is in the write-ahead log only: copy the pair as a program that stopped
        // without closing the log would have left it.
        QVERIFY(QFileInfo(work + u"-wal"_s).size() > 0);
        QDir().mkpath(QFileInfo(oldLog()).absolutePath());
        QVERIFY(QFile::copy(work, oldLog()));
        QVERIFY(QFile::copy(work + u"-wal"_s, oldLog() + u"-wal"_s));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QTest::failOnWarning(QRegularExpression(u"still in use"_s));
    }

    void theDefaultLogIsInOneFolder()
    {
        const QString data = m_dir->filePath(u"xdg"_s);
        qputenv("XDG_DATA_HOME", QFile::encodeName(data));
        QCoreApplication::setOrganizationName(u"FOI Desk"_s);
        QCoreApplication::setApplicationName(u"FOI Desk"_s);
        const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(appData.endsWith(u"/FOI Desk/FOI Desk"_s));

        QCOMPARE(LogLocation::defaultPath(), data + u"/FOI Desk/foidesk.sqlite"_s);
        QCOMPARE(Store::defaultPath(), LogLocation::defaultPath());
        QCOMPARE(LogLocation::legacyPath(), appData + u"/foidesk.sqlite"_s);

        // The command line uses the old log until the window has moved it.
        QCOMPARE(LogLocation::pathToUse(), LogLocation::defaultPath());
        QDir().mkpath(appData);
        QFile old(LogLocation::legacyPath());
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        QCOMPARE(LogLocation::pathToUse(), LogLocation::legacyPath());
        QDir().mkpath(QFileInfo(LogLocation::defaultPath()).absolutePath());
        QFile current(LogLocation::defaultPath());
        QVERIFY(current.open(QIODevice::WriteOnly));
        current.close();
        QCOMPARE(LogLocation::pathToUse(), LogLocation::defaultPath());
        qunsetenv("XDG_DATA_HOME");
    }

    void theLogMovesWithItsWriteAheadLogAndBackups()
    {
        makeOldLog();
        if (QTest::currentTestFailed())
            return;
        const QString oldFolder = QFileInfo(oldLog()).absolutePath();

        const LogLocation::Move move = LogLocation::moveLog(oldLog(), newLog());
        QCOMPARE(move.outcome, LogLocation::Move::Outcome::Moved);
        QCOMPARE(move.path, newLog());
        QCOMPARE(move.backupsMoved, 2);
        QCOMPARE(move.backupsLeft, 0);
        QVERIFY2(move.message.contains(u"were moved"_s), qPrintable(move.message));

        // Nothing is left at the old place, not even the folder.
        QVERIFY(!QFileInfo::exists(oldLog()));
        QVERIFY(!QFileInfo::exists(oldLog() + u"-wal"_s));
        QVERIFY(!QFileInfo::exists(oldFolder));

        // Both requests, the one that was only in the write-ahead log too, are in the moved log.
        {
            RawDatabase raw(newLog());
            QCOMPARE(raw.value(u"SELECT count(*) FROM requests WHERE reference IN "
                               "('OLD-1', 'OLD-2')"_s)
                         .toInt(),
                     2);
        }
        auto store = Store::open(newLog());
        QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
        QVERIFY((*store)->findReference(u"OLD-2"_s)->has_value());

        const QList<BackupInfo> backups = Backups::list(Backups::defaultFolder(newLog()));
        QCOMPARE(backups.size(), 2);
        for (const BackupInfo &backup : backups) {
            auto copy = Store::open(backup.path);
            QVERIFY2(copy.ok(), qPrintable(copy.errorMessage()));
            QCOMPARE((*copy)->countRequests({}).value(), 2);
        }
    }

    void aLogInUseStaysWhereItIs()
    {
        makeOldLog();
        if (QTest::currentTestFailed())
            return;
        // Another program (here a plain SQLite connection) has the old log open.
        RawDatabase other(oldLog());
        QVERIFY(other.value(u"SELECT count(*) FROM requests"_s).toInt() == 2);

        const LogLocation::Move move = LogLocation::moveLog(oldLog(), newLog());
        QCOMPARE(move.outcome, LogLocation::Move::Outcome::Kept);
        QCOMPARE(move.path, oldLog());
        QVERIFY2(move.message.contains(u"open in another"_s), qPrintable(move.message));
        QVERIFY(QFileInfo::exists(oldLog()));
        QVERIFY(!QFileInfo::exists(newLog()));
        QVERIFY(!QFileInfo::exists(Backups::defaultFolder(newLog())));
        QCOMPARE(Backups::list(Backups::defaultFolder(oldLog())).size(), 2);
    }

    void aFailedMoveLeavesEverythingInPlace()
    {
        makeOldLog();
        if (QTest::currentTestFailed())
            return;
        const QByteArray before = digest(oldLog());
        const QByteArray walBefore = digest(oldLog() + u"-wal"_s);
        // The new folder cannot be made: a file has its parent's name.
        QFile blocker(m_dir->filePath(u"blocked"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString target = m_dir->filePath(u"blocked/FOI Desk/foidesk.sqlite"_s);

        const LogLocation::Move move = LogLocation::moveLog(oldLog(), target);
        QCOMPARE(move.outcome, LogLocation::Move::Outcome::Kept);
        QCOMPARE(move.path, oldLog());
        QVERIFY2(move.message.contains(u"could not be created"_s), qPrintable(move.message));
        QCOMPARE(digest(oldLog()), before);
        QCOMPARE(digest(oldLog() + u"-wal"_s), walBefore);
        QCOMPARE(Backups::list(Backups::defaultFolder(oldLog())).size(), 2);

        // The log kept at the old place opens with everything in it.
        auto store = Store::open(move.path);
        QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
        QCOMPARE((*store)->countRequests({}).value(), 2);
    }

    void aLogAtTheNewPlaceIsNeverOverwritten()
    {
        makeOldLog();
        if (QTest::currentTestFailed())
            return;
        {
            auto store = Store::open(newLog());
            QVERIFY(store.ok());
            QVERIFY((*store)->createRequest(sampleRequest(u"NEW-1"_s)).ok());
        }
        const QByteArray newBefore = digest(newLog());
        const QByteArray oldBefore = digest(oldLog());

        const LogLocation::Move move = LogLocation::moveLog(oldLog(), newLog());
        QCOMPARE(move.outcome, LogLocation::Move::Outcome::BothExist);
        QCOMPARE(move.path, newLog());
        QVERIFY(move.message.contains(QDir::toNativeSeparators(oldLog())));
        QCOMPARE(digest(newLog()), newBefore);
        QCOMPARE(digest(oldLog()), oldBefore);
    }

    void aBackupWhoseNameIsTakenStaysBehind()
    {
        makeOldLog();
        if (QTest::currentTestFailed())
            return;
        const QString oldBackups = Backups::defaultFolder(oldLog());
        const QString taken = Backups::list(oldBackups).constFirst().path;
        const QString newBackups = Backups::defaultFolder(newLog());
        QVERIFY(QDir().mkpath(newBackups));
        const QString inTheWay = QDir(newBackups).filePath(QFileInfo(taken).fileName());
        QFile file(inTheWay);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("already here");
        file.close();

        const LogLocation::Move move = LogLocation::moveLog(oldLog(), newLog());
        QCOMPARE(move.outcome, LogLocation::Move::Outcome::Moved);
        QCOMPARE(move.backupsMoved, 1);
        QCOMPARE(move.backupsLeft, 1);
        QVERIFY(QFileInfo::exists(taken));
        QFile check(inTheWay);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("already here"));
    }
};

QTEST_GUILESS_MAIN(TestLogLocation)
#include "tst_loglocation.moc"
