#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace foidesk {

// Lets the user pick the backup to restore: the backups in the log's backup folder, newest
// first, or any file chosen with Browse.
class RestoreBackupDialog : public QDialog
{
    Q_OBJECT

public:
    // browseFolder is where Browse starts when the backup folder holds nothing useful.
    RestoreBackupDialog(const QString &backupFolder,
                        const QString &browseFolder,
                        QWidget *parent = nullptr);
    ~RestoreBackupDialog() override;

    // The chosen backup file, empty when none is chosen.
    QString selectedBackup() const;
    // Selects a backup file as if it had been browsed to (and lists it when it is elsewhere).
    void setSelectedBackup(const QString &path);

private:
    void populate();
    void browse();
    void updateOkButton();

    QString m_folder;
    QString m_browseFolder;
    QTreeWidget *m_list;
    QLabel *m_emptyLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace foidesk
