#include "backup/BackupPrompts.h"

#include "backup/RestoreBackupDialog.h"
#include "store/Backups.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace foidesk {

QString BackupPrompts::backUpNow(const Store &store, const QString &folder, QWidget *parent)
{
    const auto backup = Backups::backupNow(store, folder);
    if (!backup) {
        QMessageBox::warning(parent,
                             tr("Back Up Now"),
                             tr("The log was not backed up.\n\n%1").arg(backup.errorMessage()));
        return {};
    }

    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("backupDoneBox"));
    box.setIcon(QMessageBox::Information);
    box.setWindowTitle(tr("Back Up Now"));
    box.setText(tr("The log has been backed up."));
    box.setInformativeText(tr("The backup is %1.").arg(QDir::toNativeSeparators(*backup)));
    QPushButton *openFolder = box.addButton(tr("Open Folder"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Ok);
    box.exec();
    if (box.clickedButton() == openFolder)
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(*backup).absolutePath()));
    return *backup;
}

QString
BackupPrompts::chooseBackupToRestore(const QString &folder, AppSettings &settings, QWidget *parent)
{
    RestoreBackupDialog dialog(folder, settings.lastBackupFolder(), parent);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedBackup().isEmpty())
        return {};
    const QString backup = dialog.selectedBackup();
    // Remember where a backup kept elsewhere was found, for the next Browse.
    if (QFileInfo(backup).absolutePath() != QFileInfo(folder).absoluteFilePath())
        settings.setLastBackupFolder(QFileInfo(backup).absolutePath());

    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("confirmRestoreBox"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Restore from Backup"));
    box.setText(tr("Replace the whole log with the backup %1?")
                    .arg(QDir::toNativeSeparators(QFileInfo(backup).fileName())));
    box.setInformativeText(tr("Every change made since that backup will be gone from the log. "
                              "The log as it is now is kept as a separate file, so nothing is "
                              "lost for good."));
    QPushButton *restore = box.addButton(tr("&Restore"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == restore ? backup : QString();
}

} // namespace foidesk
