// The window and the command line on one log at the same time, as an office works: whatever
// the window does with files (its dialogs listing the log's own folder, exports, imports,
// backups, restore, settings), it must keep its hold on the log, so that what the command line
// writes meanwhile survives the window closing and what the window saves is seen by the
// command line. Losing the hold lost saves silently (util/LiveLogFiles.h explains how).
//
// The window runs in this process under the offscreen platform; the command line is the real
// foidesk executable in a second process.

#include "support/ModalBoxes.h"
#include "widgets/FileDialogs.h"
#include "MainWindow.h"
#include "backup/BackupActions.h"
#include "editor/RequestEditor.h"
#include "requestlist/RequestListPanel.h"
#include "exchange/RequestJson.h"
#include "listing/RequestListModel.h"
#include "store/Backups.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/FileIdentity.h"
#include "util/LiveLogFiles.h"
#include "support/RequestBuilder.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileSystemModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QMetaEnum>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <functional>
#include <memory>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

void cancel(QWidget *modal)
{
    static_cast<QDialog *>(modal)->reject();
}

ModalScript::Handler choose(const QString &path)
{
    return [path](QWidget *modal) {
        auto *dialog = static_cast<QFileDialog *>(modal);
        dialog->selectFile(path);
        // As a user would: the name typed into the dialog's own box.
        if (auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s))
            name->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected
    };
}

Request sampleRequest(const QString &reference, const QString &title)
{
    return test::RequestBuilder(reference, QDate(2026, 3, 4))
        .title(title)
        .question(u"How many potholes were filled in 2025?"_s, u"1,204."_s);
}

// SQLite's own verdict on the file, on a connection of its own.
QString integrity(const QString &path)
{
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"integrity"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"PRAGMA integrity_check"_s) && query.next())
                verdict = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"integrity"_s);
    return verdict;
}

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestLiveLog : public QObject
{
    Q_OBJECT

public:
    enum class Path
    {
        ExportPdfCancelled,
        ExportPdfWritten,
        ImportCancelled,
        ImportFromLogFolder,
        ExportJson,
        BackUpNow,
        DailyBackup,
        BrowseBackupCancelled,
        RestoreFromBackup,
        SettingsExportAndImport,
        LogoCancelled,
    };
    Q_ENUM(Path)

private Q_SLOTS:
    void init();
    void cleanup();

    void windowKeepsItsHoldBesideTheCommandLine_data();
    void windowKeepsItsHoldBesideTheCommandLine();
    void theOpenLogIsNeverReadAsAFile_data();
    void theOpenLogIsNeverReadAsAFile();
    void dialogsNameTypesWithoutReadingFiles();
    void lostHoldIsNoticedBeforeWriting();
    void windowSurvivesALostHold();
    void restoreRefusesWhileTheLogIsOpen();
    void restoreRefusesWhileAnotherProgramHasTheLog();

private:
    QString logPath() const { return m_dir->filePath(u"log.sqlite"_s); }
    Run foidesk(const QStringList &arguments) const;
    void openWindow();
    void openRequest(const QString &reference);
    void runPath(Path path);
    bool holdsLock(qint64 pid = 0) const;
    template <typename T> T *child(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QString m_oldCurrent;
};

void TestLiveLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Every dialog opens in the log's own folder: the last export and import folders, and the
    // working folder, where a dialog given only a file name opens.
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_settings->setLastExportFolder(m_dir->path());
    m_settings->setLastImportFolder(m_dir->path());
    m_settings->setLastBackupFolder(m_dir->path());
    m_oldCurrent = QDir::currentPath();
    QDir::setCurrent(m_dir->path());

    auto store = Store::open(logPath());
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    QVERIFY((*store)->createRequest(sampleRequest(u"LIVE-1"_s, u"Potholes"_s)).ok());
}

void TestLiveLog::cleanup()
{
    if (m_window && m_window->editor() && m_window->editor()->isModified())
        m_window->editor()->clear();
    m_window.reset();
    QDir::setCurrent(m_oldCurrent);
    m_settings.reset();
    m_dir.reset();
}

Run TestLiveLog::foidesk(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_dir->path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FOIDESK_BINARY), QStringList{u"--db"_s, logPath()} + arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestLiveLog::openWindow()
{
    auto store = Store::open(logPath());
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_window = std::make_unique<MainWindow>(std::move(store).value(), m_settings.get());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestLiveLog::openRequest(const QString &reference)
{
    RequestListModel *model = m_window->listModel();
    QTRY_VERIFY(model->totalCount() > 0);
    for (int row = 0; row < model->totalCount(); ++row) {
        if (model->summaryAt(row).reference != reference)
            continue;
        QTableView *view = m_window->listPanel()->view();
        const QModelIndex index = view->model()->index(row, RequestListModel::TitleColumn);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QTRY_COMPARE(m_window->editor()->requestId(), model->summaryAt(row).id);
        return;
    }
    QFAIL(qPrintable(u"No request %1 in the list"_s.arg(reference)));
}

// Whether this process still holds a lock on the log: /proc/locks lists it by pid and inode.
// Elsewhere the round trip through the command line in the test is the proof.
bool TestLiveLog::holdsLock(qint64 processId) const
{
#if defined(Q_OS_LINUX)
    const std::optional<FileIdentity> log = FileIdentity::of(logPath());
    if (!log)
        return false;
    QFile table(u"/proc/locks"_s);
    if (!table.open(QIODevice::ReadOnly))
        return true;
    const QByteArray pid = QByteArray::number(processId > 0 ? processId : qint64(::getpid()));
    const QByteArray inode = ':' + QByteArray::number(log->file);
    const QList<QByteArray> lines = table.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 6 && fields.at(1) != "->" && fields.at(4) == pid
            && fields.at(5).endsWith(inode))
            return true;
    }
    return false;
#else
    return true;
#endif
}

void TestLiveLog::runPath(Path path)
{
    const QString folder = m_dir->path();
    ModalScript script;
    switch (path) {
    case Path::ExportPdfCancelled:
        script.on(u"exportPdfFileDialog"_s, cancel);
        m_window->findChild<QAction *>(u"exportPdfAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"exportPdfFileDialog"_s));
        break;
    case Path::ExportPdfWritten:
        script.on(u"exportPdfFileDialog"_s, choose(m_dir->filePath(u"LIVE-1 letter.pdf"_s)));
        m_window->findChild<QAction *>(u"exportPdfAction"_s)->trigger();
        QVERIFY2(QFile::exists(m_dir->filePath(u"LIVE-1 letter.pdf"_s)),
                 qPrintable(QDir(folder).entryList(QDir::Files).join(u", "_s)));
        break;
    case Path::ImportCancelled:
        script.on(u"importFileDialog"_s, cancel);
        m_window->findChild<QAction *>(u"importAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"importFileDialog"_s));
        break;
    case Path::ImportFromLogFolder: {
        const QString file = m_dir->filePath(u"LIVE-3.json"_s);
        QVERIFY(RequestJson::writeFile(sampleRequest(u"LIVE-3"_s, u"Street lights"_s), file).ok());
        script.on(u"importFileDialog"_s, choose(file));
        m_window->findChild<QAction *>(u"importAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"importResultsDialog"_s));
        QVERIFY(m_window->store()->findReference(u"LIVE-3"_s)->has_value());
        break;
    }
    case Path::ExportJson:
        script.on(u"exportJsonFileDialog"_s, choose(m_dir->filePath(u"LIVE-1 copy.json"_s)));
        m_window->findChild<QAction *>(u"exportAction"_s)->trigger();
        QVERIFY(QFile::exists(m_dir->filePath(u"LIVE-1 copy.json"_s)));
        break;
    case Path::BackUpNow:
        m_window->findChild<QAction *>(u"backupAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"backupDoneBox"_s));
        QCOMPARE(Backups::list(Backups::defaultFolder(logPath())).size(), 1);
        break;
    case Path::DailyBackup:
        m_window->runDailyBackup();
        m_window->backupActions()->waitForDailyBackup();
        QCOMPARE(Backups::list(Backups::defaultFolder(logPath())).size(), 1);
        break;
    case Path::BrowseBackupCancelled:
        // No backups yet, so Browse opens in the last folder a backup was found in: the log's.
        script.on(u"restoreBackupDialog"_s, [&script](QWidget *modal) {
            script.on(u"browseBackupFileDialog"_s, [modal](QWidget *dialog) {
                cancel(dialog);
                cancel(modal);
            });
            QTimer::singleShot(0, modal, [modal] {
                modal->findChild<QPushButton *>(u"browseBackupButton"_s)->click();
            });
        });
        m_window->findChild<QAction *>(u"restoreAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"browseBackupFileDialog"_s));
        break;
    case Path::RestoreFromBackup: {
        const auto backup = Backups::backupNow(*m_window->store(),
                                               Backups::defaultFolder(logPath()),
                                               QDateTime::currentDateTime().addSecs(-60));
        QVERIFY2(backup.ok(), qPrintable(backup.errorMessage()));
        script.on(u"restoreBackupDialog"_s, [](QWidget *modal) {
            auto *dialog = static_cast<QDialog *>(modal);
            QTimer::singleShot(0, dialog, [dialog] { dialog->accept(); });
        });
        script.on(u"confirmRestoreBox"_s, [](QWidget *modal) {
            auto *box = static_cast<QMessageBox *>(modal);
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
            }
        });
        m_window->findChild<QAction *>(u"restoreAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"confirmRestoreBox"_s));
        openRequest(u"LIVE-1"_s);
        break;
    }
    case Path::SettingsExportAndImport: {
        const QString exported = m_dir->filePath(u"exported settings.json"_s);
        script.on(u"settingsDialog"_s, [&script, exported](QWidget *modal) {
            script.on(u"exportSettingsFileDialog"_s, [&script, modal, exported](QWidget *d) {
                choose(exported)(d);
                script.on(u"importSettingsFileDialog"_s, [modal, exported](QWidget *d2) {
                    choose(exported)(d2);
                    QTimer::singleShot(0, modal, [modal] { cancel(modal); });
                });
                QTimer::singleShot(0, modal, [modal] {
                    modal->findChild<QPushButton *>(u"importProfileButton"_s)->click();
                });
            });
            QTimer::singleShot(0, modal, [modal] {
                modal->findChild<QPushButton *>(u"exportProfileButton"_s)->click();
            });
        });
        m_window->findChild<QAction *>(u"settingsAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"importSettingsFileDialog"_s));
        QVERIFY(QFile::exists(exported));
        break;
    }
    case Path::LogoCancelled:
        script.on(u"settingsDialog"_s, [&script](QWidget *modal) {
            script.on(u"logoFileDialog"_s, [modal](QWidget *dialog) {
                cancel(dialog);
                QTimer::singleShot(0, modal, [modal] { cancel(modal); });
            });
            QTimer::singleShot(0, modal, [modal] {
                modal->findChild<QPushButton *>(u"chooseLogoButton"_s)->click();
            });
        });
        m_window->findChild<QAction *>(u"settingsAction"_s)->trigger();
        QVERIFY(script.answered().contains(u"logoFileDialog"_s));
        break;
    }
}

void TestLiveLog::windowKeepsItsHoldBesideTheCommandLine_data()
{
    QTest::addColumn<Path>("path");
    const QMetaEnum paths = QMetaEnum::fromType<Path>();
    for (int i = 0; i < paths.keyCount(); ++i)
        QTest::newRow(paths.key(i)) << Path(paths.value(i));
}

void TestLiveLog::windowKeepsItsHoldBesideTheCommandLine()
{
    QFETCH(Path, path);
    openWindow();
    openRequest(u"LIVE-1"_s);
    QVERIFY(holdsLock());

    runPath(path);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(holdsLock(), "the window no longer holds a lock on its log");
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // Another program writes to the log while the window has it open.
    const QString incoming = m_dir->filePath(u"incoming/LIVE-2.json"_s);
    QVERIFY(QDir().mkpath(QFileInfo(incoming).absolutePath()));
    QVERIFY(
        RequestJson::writeFile(sampleRequest(u"LIVE-2"_s, u"Bin collections"_s), incoming).ok());
    const Run imported = foidesk({u"import"_s, incoming});
    QVERIFY2(imported.code == 0, imported.err.constData());

    // The window saves, and the other program sees the save.
    auto *title = child<QLineEdit>(u"titleEdit"_s);
    QVERIFY(title);
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, u" and pavements"_s);
    QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!m_window->editor()->isModified(),
             qPrintable(u"the save was refused: "_s + m_window->statusBar()->currentMessage()));
    const Run shown = foidesk({u"show"_s, u"LIVE-1"_s, u"--json"_s});
    QVERIFY2(shown.code == 0, shown.err.constData());
    QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(u"title"_s).toString(),
             u"Potholes and pavements"_s);

    // The window closes; both changes are in the log.
    m_window.reset();
    auto store = Store::open(logPath());
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    QVERIFY2((*store)->findReference(u"LIVE-2"_s)->has_value(),
             "the request the command line imported is gone");
    QCOMPARE((*store)->loadRequestByReference(u"LIVE-1"_s)->title, u"Potholes and pavements"_s);
    QCOMPARE(integrity(logPath()), u"ok"_s);
}

void TestLiveLog::theOpenLogIsNeverReadAsAFile_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("the log") << QString();
    QTest::newRow("its write-ahead log") << u"-wal"_s;
    QTest::newRow("its shared index") << u"-shm"_s;
}

// A user who picks the open log, or one of its working files, in a file dialog is told so,
// and the file is not opened: the import, the letter export over it and the settings export
// over it are all refused, and the window keeps its hold.
void TestLiveLog::theOpenLogIsNeverReadAsAFile()
{
    QFETCH(QString, suffix);
    openWindow();
    openRequest(u"LIVE-1"_s);
    const QString file = logPath() + suffix;
    const std::optional<FileIdentity> before = FileIdentity::of(file);
    QVERIFY(before);

    const Result<Request> read = RequestJson::readFile(file);
    QVERIFY(!read.ok());
    QCOMPARE(read.errorKind(), ErrorKind::BadInput);
    QVERIFY2(read.errorMessage().contains(u"open now"_s), qPrintable(read.errorMessage()));
    QVERIFY2(read.errorMessage().contains(u"Choose another file"_s),
             qPrintable(read.errorMessage()));

    const Result<void> written = RequestJson::writeFile(sampleRequest(u"X"_s, u"X"_s), file);
    QCOMPARE(written.errorKind(), ErrorKind::BadInput);

    // Through the window: the letter exported over the log is refused with that message.
    {
        ModalScript script;
        script.on(u"exportPdfFileDialog"_s, choose(file));
        QString seen;
        script.on(u"exportErrorBox"_s, [&seen](QWidget *modal) {
            auto *box = static_cast<QMessageBox *>(modal);
            seen = box->informativeText();
            box->button(QMessageBox::Ok)->click();
        });
        // Writing over an existing file asks first; say yes, as a hurried user would.
        script.on(u""_s, [](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (box && box->button(QMessageBox::Yes))
                box->button(QMessageBox::Yes)->click();
            else if (box)
                box->defaultButton()->click();
        });
        m_window->findChild<QAction *>(u"exportPdfAction"_s)->trigger();
        QVERIFY2(seen.contains(u"open now"_s) || seen.contains(u"working file"_s),
                 qPrintable(seen));
    }
    QVERIFY(holdsLock());
    QCOMPARE(FileIdentity::of(file), before);
    // The log is still a log.
    QVERIFY(m_window->store()->loadRequestByReference(u"LIVE-1"_s).ok());
}

// The dialogs' icon provider names a type from the file name alone. The negative control: Qt's
// own provider reads the same file and finds it is a PDF.
void TestLiveLog::dialogsNameTypesWithoutReadingFiles()
{
    const QString file = m_dir->filePath(u"no-extension"_s);
    QFile pdf(file);
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n");
    pdf.close();

    QFileIconProvider sniffing;
    QVERIFY2(sniffing.type(QFileInfo(file)).contains(u"PDF"_s),
             qPrintable(sniffing.type(QFileInfo(file))));
    const QString named = FileDialogs::iconProvider()->type(QFileInfo(file));
    QVERIFY2(!named.contains(u"PDF"_s), qPrintable(named));

    QFileDialog dialog(nullptr, u"Any"_s);
    FileDialogs::prepare(dialog);
    QCOMPARE(dialog.iconProvider(), FileDialogs::iconProvider());
#if !defined(Q_OS_WIN)
    QVERIFY(dialog.testOption(QFileDialog::DontUseNativeDialog));
#endif
}

// If the hold is lost anyway (here: a descriptor of the log opened and closed behind SQLite's
// back, as the file dialog used to), the next write is refused before anything is written, the
// log is opened again, and the write after that succeeds; nothing another program wrote is lost.
void TestLiveLog::lostHoldIsNoticedBeforeWriting()
{
    auto opened = Store::open(logPath());
    QVERIFY(opened.ok());
    Store &store = **opened;
    Result<Request> request = store.loadRequestByReference(u"LIVE-1"_s);
    QVERIFY(request.ok());

#if defined(Q_OS_LINUX)
    QVERIFY(holdsLock());
    {
        QFile behindTheBack(logPath());
        QVERIFY(behindTheBack.open(QIODevice::ReadOnly));
    }
    QVERIFY(!holdsLock());
    // Now a second program writes and closes: seeing no lock, it deletes the write-ahead log.
    const Run imported = [&] {
        const QString incoming = m_dir->filePath(u"LIVE-2.json"_s);
        RequestJson::writeFile(sampleRequest(u"LIVE-2"_s, u"Bins"_s), incoming);
        return foidesk({u"import"_s, incoming});
    }();
    QVERIFY2(imported.code == 0, imported.err.constData());

    QSignalSpy reloaded(&store, &Store::requestsChanged);
    Request edited = *request;
    edited.title = u"Potholes, edited"_s;
    const Result<Request> refused = store.saveRequest(edited);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.errorKind(), ErrorKind::Reopened);
    QVERIFY2(refused.errorMessage().contains(u"lost its hold on the log"_s),
             qPrintable(refused.errorMessage()));
    QVERIFY2(refused.errorMessage().contains(u"Try once more"_s),
             qPrintable(refused.errorMessage()));
    QCOMPARE(reloaded.count(), 1);
    QVERIFY(holdsLock());

    // Opened again, the store sees the other program's request, and saving works.
    QVERIFY(store.findReference(u"LIVE-2"_s)->has_value());
    const Result<Request> saved = store.saveRequest(edited);
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    opened.value().reset();

    auto reopened = Store::open(logPath());
    QVERIFY(reopened.ok());
    QVERIFY((*reopened)->findReference(u"LIVE-2"_s)->has_value());
    QCOMPARE((*reopened)->loadRequestByReference(u"LIVE-1"_s)->title, u"Potholes, edited"_s);
#else
    QSKIP("POSIX locks are what is lost; Windows locks belong to the handle.");
#endif
}

// The same seen by the officer: the save is refused with a message that says what happened and
// what to do, the typing is still there, the list shows the other program's request, and the
// second save goes through. After closing, nothing is missing.
void TestLiveLog::windowSurvivesALostHold()
{
#if defined(Q_OS_LINUX)
    openWindow();
    openRequest(u"LIVE-1"_s);
    {
        QFile behindTheBack(logPath());
        QVERIFY(behindTheBack.open(QIODevice::ReadOnly));
    }
    QVERIFY(!holdsLock());
    const QString incoming = m_dir->filePath(u"LIVE-2.json"_s);
    QVERIFY(RequestJson::writeFile(sampleRequest(u"LIVE-2"_s, u"Bins"_s), incoming).ok());
    QCOMPARE(foidesk({u"import"_s, incoming}).code, 0);

    auto *title = child<QLineEdit>(u"titleEdit"_s);
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, u" and pavements"_s);
    QString text;
    QString advice;
    {
        ModalScript script;
        script.on(u"saveErrorBox"_s, [&](QWidget *modal) {
            auto *box = static_cast<QMessageBox *>(modal);
            text = box->text();
            advice = box->informativeText();
            box->button(QMessageBox::Ok)->click();
        });
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!text.isEmpty());
    }
    QVERIFY2(text.contains(u"lost its hold on the log"_s), qPrintable(text));
    QCOMPARE(advice, u"Your changes are still here. Save again."_s);
    QVERIFY(m_window->editor()->isModified());
    QCOMPARE(title->text(), u"Potholes and pavements"_s);
    QTRY_COMPARE(m_window->listModel()->totalCount(), 2);
    QVERIFY(holdsLock());

    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!m_window->editor()->isModified(),
             qPrintable(m_window->statusBar()->currentMessage()));
    m_window.reset();
    auto store = Store::open(logPath());
    QVERIFY(store.ok());
    QVERIFY((*store)->findReference(u"LIVE-2"_s)->has_value());
    QCOMPARE((*store)->loadRequestByReference(u"LIVE-1"_s)->title, u"Potholes and pavements"_s);
    QCOMPARE(integrity(logPath()), u"ok"_s);
#else
    QSKIP("POSIX locks are what is lost; Windows locks belong to the handle.");
#endif
}

// Restoring needs the log closed in this process: the window lets go of it first, and a
// restore into a log still open here is refused before anything is moved.
void TestLiveLog::restoreRefusesWhileTheLogIsOpen()
{
    auto opened = Store::open(logPath());
    QVERIFY(opened.ok());
    const auto backup = Backups::backupNow(**opened, m_dir->filePath(u"backups"_s));
    QVERIFY(backup.ok());
    const Result<QString> restored = Backups::restore(*backup, logPath());
    QVERIFY(!restored.ok());
    QCOMPARE(restored.errorKind(), ErrorKind::Conflict);
    QVERIFY2(restored.errorMessage().contains(u"still open"_s),
             qPrintable(restored.errorMessage()));
    QVERIFY(holdsLock());
    QVERIFY((*opened)->loadRequestByReference(u"LIVE-1"_s).ok());
}

// A restore while another program (here the real window, in its own process) has the log open
// is refused: that program would go on writing to the file moved aside.
void TestLiveLog::restoreRefusesWhileAnotherProgramHasTheLog()
{
    QString backup;
    {
        auto opened = Store::open(logPath());
        QVERIFY(opened.ok());
        const auto made = Backups::backupNow(**opened, m_dir->filePath(u"backups"_s));
        QVERIFY(made.ok());
        backup = *made;
    }
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_dir->path());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(FOIDESK_BINARY), {u"--db"_s, logPath()});
    QVERIFY(window.waitForStarted());
    // Open once its daily backup is made, which happens once the window is up.
    QTRY_VERIFY_WITH_TIMEOUT(!Backups::list(Backups::defaultFolder(logPath())).isEmpty(), 20000);

    const Result<QString> restored = Backups::restore(backup, logPath());
    window.kill();
    window.waitForFinished();
    QVERIFY(!restored.ok());
    QCOMPARE(restored.errorKind(), ErrorKind::Conflict);
    QVERIFY2(restored.errorMessage().contains(u"open in another FOI Desk window or command"_s),
             qPrintable(restored.errorMessage()));
    QVERIFY(QFile::exists(logPath()));

    // Once it has gone, the same restore goes ahead.
    const Result<QString> again = Backups::restore(backup, logPath());
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
}

QTEST_MAIN(TestLiveLog)
#include "tst_livelog.moc"
