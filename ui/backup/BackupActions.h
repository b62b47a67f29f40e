#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace foidesk {

class AppSettings;
class Store;

// The window's backup commands: Back Up Now, Restore from Backup, and the day's automatic
// backup. Restoring replaces the open log, which only the window can do: this object asks
// which backup, then hands it over with restoreChosen().
class BackupActions : public QObject
{
    Q_OBJECT

public:
    // window parents the dialogs and message boxes; settings must outlive this object.
    BackupActions(AppSettings *settings, QWidget *window);

    void setStore(Store *store);

    QAction *backupAction() const { return m_backupAction; }
    QAction *restoreAction() const { return m_restoreAction; }

    // The folder backups are written to and listed from.
    QString backupFolder() const;
    // Backs the log up now and says where. Returns the backup's path, empty when it failed.
    QString backUpNow();
    // The first start of each day makes a backup; a failure becomes a lasting status-bar
    // warning, as it must not stop anyone from working.
    void runDailyBackup();
    // Asks which backup to restore (and to confirm), then emits restoreChosen().
    void chooseBackupToRestore();

Q_SIGNALS:
    void restoreChosen(const QString &backupPath);
    // sticky: stays until something else is shown (a warning worth seeing).
    void statusMessage(const QString &message, bool sticky);

private:
    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QAction *m_backupAction;
    QAction *m_restoreAction;
};

} // namespace foidesk
