#include "DesktopApp.h"

#include "backup/BackupPrompts.h"
#include "widgets/FileDialogs.h"
#include "MainWindow.h"
#include "StartupTrace.h"
#include "store/Backups.h"
#include "store/LogLocation.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/Translations.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>
#include <memory>
#include <optional>

namespace foidesk {

namespace {


void installTranslations()
{
    // Qt's own strings (standard buttons, file dialogs) first, then ours, which win.
    auto *qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(QLocale(),
                           QStringLiteral("qtbase"),
                           QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }
    installAppTranslations();
}

// Lets the user pick a log file to open, or a new name to start a new log. Empty on Cancel.
QString chooseAnotherLog(const QString &currentPath)
{
    return FileDialogs::saveFile(nullptr,
                                 QStringLiteral("openAnotherLogDialog"),
                                 QCoreApplication::translate("foidesk::DesktopApp", "Open Another Log"),
                                 QFileInfo(currentPath).absolutePath(),
                                 QCoreApplication::translate("foidesk::DesktopApp", "FOI Desk logs (*.sqlite);;All files (*)"),
                                 QFileDialog::DontConfirmOverwrite);
}

// Offers to restore the log at path from one of its backups. True when it was restored.
bool offerRestore(const QString &path, AppSettings &settings)
{
    const QString folder =
        settings.backupFolder().isEmpty() ? Backups::defaultFolder(path) : settings.backupFolder();
    const QString backup = BackupPrompts::chooseBackupToRestore(folder, settings, nullptr);
    if (backup.isEmpty())
        return false;
    const auto restored = Backups::restore(backup, path);
    if (!restored) {
        QMessageBox::warning(nullptr,
                             QCoreApplication::translate("foidesk::DesktopApp", "Restore from Backup"),
                             QCoreApplication::translate("foidesk::DesktopApp", "The backup was not restored.\n\n%1").arg(restored.errorMessage()));
        return false;
    }
    QMessageBox::information(nullptr,
                             QCoreApplication::translate("foidesk::DesktopApp", "Restore from Backup"),
                             QCoreApplication::translate("foidesk::DesktopApp", "The log has been restored. The damaged file is kept as %1.")
                                 .arg(QDir::toNativeSeparators(*restored)));
    return true;
}

// Explains why the log at path did not open and asks what to do. Returns the next path to
// try, or std::nullopt to quit.
std::optional<QString>
askAfterFailedOpen(const QString &path, const Error &error, AppSettings &settings)
{
    QMessageBox box;
    box.setObjectName(QStringLiteral("openFailedBox"));
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(QCoreApplication::translate("foidesk::DesktopApp", "FOI Desk"));
    box.setDetailedText(error.message);

    QPushButton *restoreButton = nullptr;
    QPushButton *otherButton = nullptr;
    const QString shownPath = QDir::toNativeSeparators(path);
    switch (error.kind) {
    case ErrorKind::Corrupt:
        box.setText(QCoreApplication::translate("foidesk::DesktopApp", "The log %1 is damaged or is not an FOI Desk log.").arg(shownPath));
        box.setInformativeText(QCoreApplication::translate("foidesk::DesktopApp", "You can restore it from a backup, open another log, or "
                                  "quit. Nothing has been changed in the file."));
        restoreButton = box.addButton(QCoreApplication::translate("foidesk::DesktopApp", "Restore from Backup..."), QMessageBox::AcceptRole);
        otherButton = box.addButton(QCoreApplication::translate("foidesk::DesktopApp", "Open Another Log..."), QMessageBox::ActionRole);
        break;
    case ErrorKind::TooNew:
        box.setText(QCoreApplication::translate("foidesk::DesktopApp", "The log %1 was written by a newer version of FOI Desk.").arg(shownPath));
        box.setInformativeText(QCoreApplication::translate("foidesk::DesktopApp", "This version cannot read it safely and has left it "
                                  "untouched. Update FOI Desk to open it."));
        break;
    case ErrorKind::ReadOnly:
        box.setText(QCoreApplication::translate("foidesk::DesktopApp", "The log %1 cannot be written.").arg(shownPath));
        box.setInformativeText(QCoreApplication::translate("foidesk::DesktopApp", "Ask for write access to the file and its folder, or open "
                                  "another log."));
        otherButton = box.addButton(QCoreApplication::translate("foidesk::DesktopApp", "Open Another Log..."), QMessageBox::AcceptRole);
        break;
    default:
        box.setText(QCoreApplication::translate("foidesk::DesktopApp", "The log %1 could not be opened.").arg(shownPath));
        box.setInformativeText(error.message);
        otherButton = box.addButton(QCoreApplication::translate("foidesk::DesktopApp", "Open Another Log..."), QMessageBox::AcceptRole);
        break;
    }
    QPushButton *quitButton = box.addButton(QCoreApplication::translate("foidesk::DesktopApp", "Quit"), QMessageBox::RejectRole);
    box.setEscapeButton(quitButton);
    box.exec();

    if (restoreButton && box.clickedButton() == restoreButton) {
        offerRestore(path, settings);
        return path; // try again: restored, or the user sees the choice once more
    }
    if (otherButton && box.clickedButton() == otherButton) {
        const QString other = chooseAnotherLog(path);
        return other.isEmpty() ? path : other;
    }
    return std::nullopt;
}

} // namespace

int runDesktopApp(const QString &databasePath)
{
    installTranslations();
    if (QApplication::windowIcon().isNull())
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.foidesk.FoiDesk.svg")));

    AppSettings settings;
    QString path = databasePath;
    QString locationNote;
    if (path.isEmpty()) {
        const LogLocation::Move move = LogLocation::moveLegacyLog();
        path = move.path;
        locationNote = move.message;
        // An older log beside the one in use is mentioned once, not at every start.
        if (move.outcome == LogLocation::Move::Outcome::BothExist) {
            if (settings.olderLogNoticeShown() == LogLocation::legacyPath())
                locationNote.clear();
            else
                settings.setOlderLogNoticeShown(LogLocation::legacyPath());
        }
    }
    std::unique_ptr<Store> store;
    while (!store) {
        auto opened = Store::open(path);
        if (opened) {
            store = std::move(opened).value();
            break;
        }
        const std::optional<QString> next = askAfterFailedOpen(path, opened.error(), settings);
        if (!next)
            return 1;
        path = *next;
    }

    MainWindow window(std::move(store), &settings);
    window.show();
    if (!locationNote.isEmpty())
        window.statusBar()->showMessage(locationNote);
    // Once the event loop runs, so that the window is on screen first; the backup itself runs
    // on a thread of its own.
    QTimer::singleShot(0, &window, &MainWindow::chooseUserAtStart);
    QTimer::singleShot(0, &window, &MainWindow::runDailyBackup);
    StartupTrace::attach(&window);
    return QApplication::exec();
}

} // namespace foidesk
