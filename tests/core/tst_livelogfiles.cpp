// The files of an open log are never opened outside SQLite (util/LiveLogFiles.h): the registry
// recognises them under any name, every reader and writer of user-named files refuses them,
// and opening a log a second time in one process leaves the first store's locks in place.

#include "exchange/PublicRequestJson.h"
#include "exchange/RequestJson.h"
#include "profile/OrganisationProfile.h"
#include "store/DatabaseProbe.h"
#include "store/LogHold.h"
#include "store/Store.h"
#include "util/FileIdentity.h"
#include "util/LiveLogFiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

// Whether /proc/locks shows a lock of this process on the file at path (Linux); elsewhere
// there is no such table and the answer is taken as yes.
bool holdsLockOn(const QString &path)
{
#if defined(Q_OS_LINUX)
    const std::optional<FileIdentity> identity = FileIdentity::of(path);
    QFile table(u"/proc/locks"_s);
    if (!identity || !table.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    const QByteArray inode = ':' + QByteArray::number(identity->file);
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 6 && fields.at(1) != "->" && fields.at(4) == pid
            && fields.at(5).endsWith(inode))
            return true;
    }
    return false;
#else
    Q_UNUSED(path);
    return true;
#endif
}

} // namespace

class TestLiveLogFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void recognisesTheLogUnderAnyName_data();
    void recognisesTheLogUnderAnyName();
    void forgetsTheLogOnceClosed();
    void readersAndWritersRefuseTheOpenLog_data();
    void readersAndWritersRefuseTheOpenLog();
    void openingTheLogTwiceKeepsTheFirstLock();
    void probingTheOpenLogKeepsItsLock();
    void holdSeesTheLocksItTook();
    void holdNoticesADeletedWriteAheadLog();
    void inUseIsSeenThroughSqlite();

private:
    QString logPath() const { return m_dir->filePath(u"log.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestLiveLogFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Store::open(logPath());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    m_store = std::move(opened).value();
}

void TestLiveLogFiles::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestLiveLogFiles::recognisesTheLogUnderAnyName_data()
{
    QTest::addColumn<QString>("name"); // relative to the temporary folder
    QTest::addColumn<bool>("live");

    QTest::newRow("the log") << u"log.sqlite"_s << true;
    QTest::newRow("its write-ahead log") << u"log.sqlite-wal"_s << true;
    QTest::newRow("its shared index") << u"log.sqlite-shm"_s << true;
    QTest::newRow("its rollback journal") << u"log.sqlite-journal"_s << true;
    QTest::newRow("another spelling") << u"sub/../log.sqlite"_s << true;
    QTest::newRow("a symbolic link") << u"link.sqlite"_s << true;
    QTest::newRow("a hard link") << u"hard.sqlite"_s << true;
    QTest::newRow("a backup beside it") << u"log.sqlite.bak"_s << false;
    QTest::newRow("another log") << u"other.sqlite"_s << false;
    QTest::newRow("a letter") << u"log.pdf"_s << false;
}

void TestLiveLogFiles::recognisesTheLogUnderAnyName()
{
    QFETCH(QString, name);
    QFETCH(bool, live);
    QVERIFY(QDir(m_dir->path()).mkpath(u"sub"_s));
    QVERIFY(QFile::link(logPath(), m_dir->filePath(u"link.sqlite"_s)));
#if defined(Q_OS_UNIX)
    QVERIFY(::link(QFile::encodeName(logPath()).constData(),
                   QFile::encodeName(m_dir->filePath(u"hard.sqlite"_s)).constData())
            == 0);
#else
    if (name == u"hard.sqlite"_s)
        QSKIP("Hard links are made with ::link, which only Unix-like systems have here.");
#endif
    const QString path = m_dir->path() + u'/' + name;
    QCOMPARE(LiveLogFiles::owningLog(path), live ? logPath() : QString());
    const Result<void> refused = LiveLogFiles::refuse(path, u"Nothing was done."_s);
    QCOMPARE(refused.ok(), !live);
    if (live) {
        QCOMPARE(refused.errorKind(), ErrorKind::BadInput);
        QVERIFY(refused.errorMessage().startsWith(u"Nothing was done. "_s));
        QVERIFY2(refused.errorMessage().contains(u"Choose another file."_s),
                 qPrintable(refused.errorMessage()));
    }
}

void TestLiveLogFiles::forgetsTheLogOnceClosed()
{
    // Open twice in this process: registered until both are closed.
    auto second = Store::open(logPath());
    QVERIFY(second.ok());
    m_store.reset();
    QCOMPARE(LiveLogFiles::owningLog(logPath()), logPath());
    second.value().reset();
    QCOMPARE(LiveLogFiles::owningLog(logPath()), QString());
    QVERIFY(LiveLogFiles::refuse(logPath(), QString()).ok());
}

void TestLiveLogFiles::readersAndWritersRefuseTheOpenLog_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("the log") << QString();
    QTest::newRow("its write-ahead log") << u"-wal"_s;
}

// Each path that opens a file named by a user or a command refuses the log's own files, and
// the log is left as it was: same file, still locked, still readable.
void TestLiveLogFiles::readersAndWritersRefuseTheOpenLog()
{
    QFETCH(QString, suffix);
    const QString target = logPath() + suffix;
    const std::optional<FileIdentity> before = FileIdentity::of(target);
    QVERIFY(before);
    Request request;
    request.reference = u"LIVE-1"_s;
    request.title = u"Potholes"_s;
    request.received = QDate(2026, 3, 4);

    QCOMPARE(RequestJson::readFile(target).errorKind(), ErrorKind::BadInput);
    QCOMPARE(RequestJson::writeFile(request, target).errorKind(), ErrorKind::BadInput);
    QCOMPARE(PublicRequestJson::writeFile(request, target).errorKind(), ErrorKind::BadInput);
    QCOMPARE(OrganisationProfile::readFile(target).errorKind(), ErrorKind::BadInput);
    const Result<OrganisationProfile> defaults = OrganisationProfile::defaults();
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->writeFile(target).errorKind(), ErrorKind::BadInput);
    OrganisationProfile withLogo = *defaults;
    withLogo.logoFile = target;
    QCOMPARE(withLogo.logo().errorKind(), ErrorKind::BadInput);

    QCOMPARE(FileIdentity::of(target), before);
    QVERIFY(holdsLockOn(logPath()));
    QVERIFY(m_store->createRequest(request).ok());
}

// Store::open reads a file's raw header only when the file is not open here: a second store on
// the same log (two windows in one process, a test) must not release the first one's locks.
void TestLiveLogFiles::openingTheLogTwiceKeepsTheFirstLock()
{
    QVERIFY(holdsLockOn(logPath()));
    {
        auto second = Store::open(logPath());
        QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    }
    QVERIFY(holdsLockOn(logPath()));
    {
        auto third = Store::openWithHeaderCheck(logPath());
        QVERIFY2(third.ok(), qPrintable(third.errorMessage()));
    }
    QVERIFY(holdsLockOn(logPath()));
}

void TestLiveLogFiles::probingTheOpenLogKeepsItsLock()
{
    const DatabaseProbe::Report report = DatabaseProbe::inspect(logPath());
    QCOMPARE(report.state, DatabaseProbe::State::FoiDesk);
    const DatabaseProbe::Report header =
        DatabaseProbe::inspect(logPath(), DatabaseProbe::Depth::Header);
    QCOMPARE(header.state, DatabaseProbe::State::FoiDesk);
    QVERIFY(holdsLockOn(logPath()));
}

void TestLiveLogFiles::holdSeesTheLocksItTook()
{
    LogHold hold;
    hold.take(logPath(), true);
    QVERIFY(hold.lost().isEmpty());
#if defined(Q_OS_LINUX)
    QVERIFY(hold.checksLocks());
    {
        // What the file dialog used to do: open and close the log outside SQLite.
        QFile file(logPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
    }
    QVERIFY(!holdsLockOn(logPath()));
    QVERIFY2(hold.lost().contains(u"lock"_s), qPrintable(hold.lost()));
#endif
}

void TestLiveLogFiles::holdNoticesADeletedWriteAheadLog()
{
#if defined(Q_OS_WIN)
    QSKIP("Windows does not let a file SQLite has open be deleted.");
#else
    LogHold hold;
    hold.take(logPath(), true);
    QVERIFY(hold.lost().isEmpty());
    // Another program that wrongly believed itself the last user deleted it.
    QVERIFY(QFile::remove(logPath() + u"-wal"_s));
    QVERIFY2(hold.lost().contains(u"write-ahead log"_s), qPrintable(hold.lost()));
    // A new one under the same name is not the same file.
    QFile fresh(logPath() + u"-wal"_s);
    QVERIFY(fresh.open(QIODevice::WriteOnly));
    fresh.close();
    QVERIFY2(hold.lost().contains(u"write-ahead log"_s), qPrintable(hold.lost()));
#endif
}

void TestLiveLogFiles::inUseIsSeenThroughSqlite()
{
    // Open here (any connection counts), then closed.
    const Result<bool> open = DatabaseProbe::isInUse(logPath());
    QVERIFY(open.ok());
    QVERIFY(*open);
    m_store.reset();
    const Result<bool> closed = DatabaseProbe::isInUse(logPath());
    QVERIFY(closed.ok());
    QVERIFY(!*closed);
}

QTEST_GUILESS_MAIN(TestLiveLogFiles)
#include "tst_livelogfiles.moc"
