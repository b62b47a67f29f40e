// The typed settings wrapper: defaults, round trips through an ini file, the changed signal.

#include "util/AppSettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace foidesk;

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void defaults();
    void roundTrip();
    void changedSignal();
    void damagedValuesFallBack();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAppSettings::defaults()
{
    const AppSettings settings(iniPath());
    QCOMPARE(settings.fileName(), iniPath());
    QVERIFY(settings.mainWindowGeometry().isEmpty());
    QVERIFY(settings.mainWindowState().isEmpty());
    QVERIFY(settings.splitterState().isEmpty());
    QVERIFY(settings.listColumnWidths().isEmpty());
    QCOMPARE(settings.listSortColumn(), 2); // Received
    QCOMPARE(settings.listSortOrder(), Qt::DescendingOrder);
    QCOMPARE(settings.dueSoonWorkingDays(), 5);
    QCOMPARE(settings.dailyBackupKeep(), 14);
    QVERIFY(settings.backupFolder().isEmpty());
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QCOMPARE(settings.lastImportFolder(), documents);
    QCOMPARE(settings.lastExportFolder(), documents);
    QCOMPARE(settings.lastBackupFolder(), documents);
    // Reading never writes.
    QVERIFY(!QFile::exists(iniPath()));
}

void TestAppSettings::roundTrip()
{
    const QByteArray geometry("\x01\x02\x00\xffgeometry", 12);
    {
        AppSettings settings(iniPath());
        settings.setMainWindowGeometry(geometry);
        settings.setMainWindowState(QByteArrayLiteral("state"));
        settings.setSplitterState(QByteArrayLiteral("splitter"));
        settings.setListColumnWidths({90, 250, 80, 80, 100});
        settings.setListSortColumn(0);
        settings.setListSortOrder(Qt::AscendingOrder);
        settings.setDueSoonWorkingDays(3);
        settings.setDailyBackupKeep(30);
        settings.setBackupFolder(m_dir->filePath(QStringLiteral("backups")));
        settings.setLastImportFolder(QStringLiteral("/data/in"));
        settings.setLastExportFolder(QStringLiteral("/data/out"));
        settings.setLastBackupFolder(QStringLiteral("/data/old"));
        QVERIFY(settings.sync());
    }
    QVERIFY(QFile::exists(iniPath()));

    const AppSettings reread(iniPath());
    QCOMPARE(reread.mainWindowGeometry(), geometry);
    QCOMPARE(reread.mainWindowState(), QByteArrayLiteral("state"));
    QCOMPARE(reread.splitterState(), QByteArrayLiteral("splitter"));
    QCOMPARE(reread.listColumnWidths(), QList<int>({90, 250, 80, 80, 100}));
    QCOMPARE(reread.listSortColumn(), 0);
    QCOMPARE(reread.listSortOrder(), Qt::AscendingOrder);
    QCOMPARE(reread.dueSoonWorkingDays(), 3);
    QCOMPARE(reread.dailyBackupKeep(), 30);
    QCOMPARE(reread.backupFolder(), m_dir->filePath(QStringLiteral("backups")));
    QCOMPARE(reread.lastImportFolder(), QStringLiteral("/data/in"));
    QCOMPARE(reread.lastExportFolder(), QStringLiteral("/data/out"));
    QCOMPARE(reread.lastBackupFolder(), QStringLiteral("/data/old"));
}

void TestAppSettings::changedSignal()
{
    AppSettings settings(iniPath());
    QSignalSpy changed(&settings, &AppSettings::changed);

    settings.setDueSoonWorkingDays(7);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).toString(),
             QString::fromLatin1(AppSettings::DueSoonWorkingDaysKey));

    settings.setDueSoonWorkingDays(7); // the same value again
    QCOMPARE(changed.count(), 0);

    settings.setListSortOrder(Qt::DescendingOrder); // what it already was, by default
    QCOMPARE(changed.count(), 0);

    settings.setLastImportFolder(QStringLiteral("/somewhere/else"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).toString(),
             QString::fromLatin1(AppSettings::LastImportFolderKey));

    settings.setListColumnWidths({100, 200});
    settings.setListColumnWidths({100, 200});
    QCOMPARE(changed.count(), 1);
}

void TestAppSettings::damagedValuesFallBack()
{
    {
        QFile file(iniPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
        file.write("[RequestList]\n"
                   "columnWidths=90, -4, abc\n"
                   "dueSoonWorkingDays=soon\n"
                   "[Backups]\n"
                   "dailyKeep=0\n");
    }
    const AppSettings settings(iniPath());
    QVERIFY(settings.listColumnWidths().isEmpty());
    QCOMPARE(settings.dueSoonWorkingDays(), 5);
    QCOMPARE(settings.dailyBackupKeep(), 14);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
