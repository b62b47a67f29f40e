#include "MainWindow.h"
#include "backup/RestoreBackupDialog.h"
#include "help/HelpTopics.h"
#include "help/HelpViewer.h"
#include "settings/SettingsDialog.h"
#include "settings/StaffRegisterDialog.h"
#include "store/Store.h"
#include "support/ModalBoxes.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QString guideSource()
{
    return QStringLiteral(FOIDESK_RESOURCE_DIR) + u"/../docs/user-guide.md"_s;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

HelpViewer *viewerOf(QWidget *window)
{
    return window->findChild<HelpViewer *>(QString(), Qt::FindDirectChildrenOnly);
}

} // namespace

// Help > User Guide, F1 and the Help buttons: the guide opens at the section about the window
// or dialog it was asked from, and everything the guide shows is shipped with it.
class TestHelp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
        m_settings->setBackupFolder(m_dir->filePath(u"backups"_s));
        auto store = Store::open(m_dir->filePath(u"log.sqlite"_s));
        QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
        m_window = std::make_unique<MainWindow>(std::move(store).value(), m_settings.get());
        m_window->resize(1100, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void theBuiltInGuideIsTheDocument()
    {
        const QString shipped = readAll(HelpViewer::guideResource());
        QVERIFY(!shipped.isEmpty());
        QCOMPARE(shipped, readAll(guideSource()));
    }

    void everyPictureTheGuideShowsExists()
    {
        const QString guide = readAll(guideSource());
        static const QRegularExpression picture(u"!\\[[^\\]]*\\]\\(([^)\\s]+)\\)"_s);
        int count = 0;
        for (const QRegularExpressionMatch &match : picture.globalMatch(guide)) {
            const QString path = match.captured(1);
            const QString file = QFileInfo(guideSource()).absoluteDir().filePath(path);
            QVERIFY2(QFile::exists(file), qPrintable(file + u" is missing"_s));
            QVERIFY2(!QImage(u":/help/"_s + path).isNull(),
                     qPrintable(path + u" is not built into the program"_s));
            ++count;
        }
        QVERIFY(count >= 5);
    }

    void everyLinkLeadsToASection()
    {
        HelpViewer viewer;
        const QStringList sections = viewer.sections();
        QVERIFY(sections.contains(u"the-days-work"_s));
        // The links inside the guide.
        static const QRegularExpression link(u"\\]\\(#([^)]+)\\)"_s);
        for (const QRegularExpressionMatch &match : link.globalMatch(readAll(guideSource())))
            QVERIFY2(sections.contains(match.captured(1)), qPrintable(match.captured(1)));
        // The sections the program opens.
        const QStringList linked = HelpTopics::linkedSections();
        QVERIFY(linked.size() >= 8);
        for (const QString &section : linked)
            QVERIFY2(sections.contains(section), qPrintable(section));
    }

    void anchorsAreTheOnesGitHubMakes()
    {
        QCOMPARE(HelpViewer::anchorFor(u"The day's work"_s), u"the-days-work"_s);
        QCOMPARE(HelpViewer::anchorFor(u"Redaction and the release check"_s),
                 u"redaction-and-the-release-check"_s);
        QCOMPARE(HelpViewer::anchorFor(u"Restoring from a backup"_s), u"restoring-from-a-backup"_s);
    }

    void userGuideOpensAtTheStart()
    {
        auto *action = m_window->findChild<QAction *>(u"userGuideAction"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        action->trigger();
        HelpViewer *viewer = viewerOf(m_window.get());
        QVERIFY(viewer);
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->browser()->verticalScrollBar()->value(), 0);
        // Asked again, the same guide comes forward.
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QCOMPARE(m_window->findChildren<HelpViewer *>().size(), 1);
        // Escape closes it.
        QPointer<HelpViewer> closing = viewer;
        QApplication::setActiveWindow(viewer);
        QVERIFY(QTest::qWaitForWindowActive(viewer));
        QTest::keyClick(viewer->browser(), Qt::Key_Escape);
        QTRY_VERIFY(!closing);
    }

    void sectionsCanBeShown()
    {
        HelpViewer *viewer = HelpViewer::open(m_window.get(), u"backups"_s);
        QVERIFY(QTest::qWaitForWindowExposed(viewer));
        QTRY_COMPARE(viewer->currentSection(), u"backups"_s);
        QVERIFY(viewer->showSection(u"the-command-line"_s));
        QCOMPARE(viewer->currentSection(), u"the-command-line"_s);
        QVERIFY(!viewer->showSection(u"no-such-section"_s));
        QCOMPARE(viewer->currentSection(), u"the-command-line"_s);
    }

    void f1InEachSettingsPageOpensItsSection_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("section");
        QTest::newRow("organisation") << 0 << u"organisation"_s;
        QTest::newRow("regulators") << 1 << u"regulators"_s;
        QTest::newRow("letter wording") << 2 << u"letter-wording"_s;
        QTest::newRow("exemptions") << 3 << u"exemptions"_s;
        QTest::newRow("personal data") << 4 << u"personal-data"_s;
    }

    void f1InEachSettingsPageOpensItsSection()
    {
        // Settings opens modally from the menu; the guide must open beside it, at the page's
        // section, and be usable while the dialog waits.
        QFETCH(int, page);
        QFETCH(QString, section);
        QString seen;
        bool usable = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *tabs = dialog->findChild<QTabWidget *>(u"settingsTabs"_s);
            tabs->setCurrentIndex(page);
            QTest::keyClick(tabs->currentWidget(), Qt::Key_F1);
            QTRY_VERIFY(viewerOf(dialog));
            HelpViewer *viewer = viewerOf(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(viewer));
            QTRY_COMPARE(viewer->currentSection(), section);
            seen = viewer->currentSection();
            // A window that belongs to the modal dialog is not blocked by it.
            usable = viewer->parentWidget() == QApplication::activeModalWidget();
            dialog->reject();
        });
        m_window->findChild<QAction *>(u"settingsAction"_s)->trigger();
        QCOMPARE(seen, section);
        QVERIFY(usable);
    }

    void theHelpButtonOpensTheDialogsSection()
    {
        StaffRegisterDialog staff(m_window->store(), m_window.get());
        staff.show();
        staff.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&staff));
        auto *help = staff.findChild<QPushButton *>(u"helpButton"_s);
        QVERIFY(help);
        QTest::mouseClick(help, Qt::LeftButton);
        QVERIFY(staff.isVisible()); // Help does not close the dialog
        QVERIFY(viewerOf(&staff));
        QTRY_COMPARE(viewerOf(&staff)->currentSection(), u"staff-register"_s);

        RestoreBackupDialog restore(m_dir->filePath(u"backups"_s), m_dir->path(), m_window.get());
        restore.show();
        QTest::mouseClick(restore.findChild<QPushButton *>(u"helpButton"_s), Qt::LeftButton);
        QVERIFY(viewerOf(&restore));
        QTRY_COMPARE(viewerOf(&restore)->currentSection(), u"restoring-from-a-backup"_s);
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
