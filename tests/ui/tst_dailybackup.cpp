#include "MainWindow.h"
#include "backup/BackupActions.h"
#include "editor/RequestEditor.h"
#include "store/Backups.h"
#include "store/DatabaseProbe.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"
#include "util/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

// The day's first backup runs after the window is shown, on a thread and a connection of its
// own: the window works meanwhile, quitting waits for it, and no half-written file is left.
class TestDailyBackup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    QString logPath() const { return m_dir->filePath(u"log.sqlite"_s); }
    QString backupFolder() const { return m_dir->filePath(u"backups"_s); }
    QString todaysBackup() const
    {
        return QDir(backupFolder())
            .filePath(u"log-daily-"_s + QDate::currentDate().toString(Qt::ISODate) + u".sqlite"_s);
    }
    QStringList partialFiles() const
    {
        return QDir(backupFolder()).entryList({u"*.part"_s}, QDir::Files);
    }

    void openWindow(int requests)
    {
        auto opened = Store::open(logPath());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        std::unique_ptr<Store> store = std::move(opened).value();
        for (int i = 1; i <= requests; ++i) {
            const Request request =
                test::RequestBuilder(u"DB-%1"_s.arg(i), QDate(2026, 11, 2))
                    .title(u"Parking permits issued in ward %1"_s.arg(i))
                    .question(test::makeQuestion(QString(),
                                                 u"1."_s,
                                                 u"How many permits were issued?"_s,
                                                 u"412"_s,
                                                 QString(),
                                                 {}));
            QVERIFY(store->createRequest(request).ok());
        }
        m_window = std::make_unique<MainWindow>(std::move(store), m_settings.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    int requestsIn(const QString &path)
    {
        auto opened = Store::open(path);
        if (!opened) {
            qWarning() << opened.errorMessage();
            return -1;
        }
        const Result<int> count = (*opened)->countRequests({});
        return count ? *count : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
        m_settings->setBackupFolder(backupFolder());
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void theBackupIsMadeAfterTheWindowShowsAndSaysSo()
    {
        openWindow(30);
        QVERIFY(!m_window->backupActions()->isDailyBackupRunning());
        m_window->runDailyBackup();
        QTRY_VERIFY(!m_window->backupActions()->isDailyBackupRunning());

        QVERIFY(QFile::exists(todaysBackup()));
        QCOMPARE(requestsIn(todaysBackup()), 30);
        QVERIFY(partialFiles().isEmpty());
        auto *note = m_window->findChild<QLabel *>(u"dailyBackupNote"_s);
        QVERIFY(note);
        QCOMPARE(note->text(), u"Today's backup was made"_s);
        QCOMPARE(note->toolTip(), QDir::toNativeSeparators(todaysBackup()));

        // Only the first start of the day makes one.
        m_window->runDailyBackup();
        m_window->backupActions()->waitForDailyBackup();
        QCOMPARE(Backups::list(backupFolder()).size(), 1);
    }

    void typingAndSavingGoOnMeanwhile()
    {
        openWindow(30);
        m_window->runDailyBackup();
        RequestEditor *editor = m_window->editor();
        editor->newRequest();
        auto *reference = m_window->findChild<QLineEdit *>(u"referenceEdit"_s);
        auto *title = m_window->findChild<QLineEdit *>(u"titleEdit"_s);
        QVERIFY(reference && title);
        QTest::keyClicks(reference, u"DB-NEW"_s);
        QTest::keyClicks(title, u"Bus lane fines"_s);
        QVERIFY(editor->save());
        m_window->backupActions()->waitForDailyBackup();

        QVERIFY(m_window->store()->findReference(u"DB-NEW"_s)->has_value());
        // The backup is whole, with or without the request saved while it was written.
        const int backedUp = requestsIn(todaysBackup());
        QVERIFY2(backedUp == 30 || backedUp == 31, qPrintable(QString::number(backedUp)));
        QVERIFY(partialFiles().isEmpty());
    }

    void quittingWaitsForTheBackupToFinish()
    {
        openWindow(200);
        m_window->runDailyBackup();
        // Quit straight away, as someone who opened the window by mistake would.
        m_window->close();
        m_window.reset();

        QVERIFY(partialFiles().isEmpty());
        const QList<BackupInfo> backups = Backups::list(backupFolder());
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.constFirst().path, todaysBackup());
        QCOMPARE(DatabaseProbe::inspect(todaysBackup()).state, DatabaseProbe::State::FoiDesk);
        QCOMPARE(requestsIn(todaysBackup()), 200);
        // Every connection to the log, the backup's too, is closed.
        QCOMPARE(DatabaseProbe::isInUse(logPath()).value(), false);
    }

    void aFailedBackupIsAWarningThatStays()
    {
        // The backup folder cannot be made: a file has its name.
        QFile blocker(backupFolder());
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        openWindow(1);
        m_window->runDailyBackup();
        m_window->backupActions()->waitForDailyBackup();
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(u"today's automatic backup could not be made"_s),
                 qPrintable(message));
        QVERIFY(!m_window->findChild<QLabel *>(u"dailyBackupNote"_s)->isVisible());
    }
};

QTEST_MAIN(TestDailyBackup)
#include "tst_dailybackup.moc"
