#pragma once

#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QThread;
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
    // Waits for a daily backup still being written (see startDailyBackup).
    ~BackupActions() override;

    void setStore(Store *store);

    QAction *backupAction() const { return m_backupAction; }
    QAction *restoreAction() const { return m_restoreAction; }

    // The folder backups are written to and listed from.
    QString backupFolder() const;
    // Backs the log up now and says where. Returns the backup's path, empty when it failed.
    QString backUpNow();
    // The first start of each day makes a backup. It runs on a worker thread with a connection
    // of its own, after the window is shown, so that neither opening the window nor typing
    // waits for it; dailyBackupNote() says it is running. When it is done the status bar says
    // so; a failure becomes a lasting status-bar warning, as it must not stop anyone from
    // working. The backup is written under a temporary name and renamed when complete
    // (store/BackupFile.h), so a program stopped midway never leaves half a backup.
    void startDailyBackup();
    bool isDailyBackupRunning() const { return m_dailyThread != nullptr; }
    // Blocks until the daily backup (if one is running) has finished, and reports it. Called
    // before the log is let go (a restore, another log, quitting): a backup is never cut short.
    void waitForDailyBackup();
    // The permanent status-bar note shown while the daily backup is being written.
    QLabel *dailyBackupNote() const { return m_dailyNote; }
    // Asks which backup to restore (and to confirm), then emits restoreChosen().
    void chooseBackupToRestore();

Q_SIGNALS:
    void restoreChosen(const QString &backupPath);
    // sticky: stays until something else is shown (a warning worth seeing).
    void statusMessage(const QString &message, bool sticky);
    // The daily backup finished (made, not due, or failed).
    void dailyBackupFinished();

private:
    void reportDailyBackup();

    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QAction *m_backupAction;
    QAction *m_restoreAction;
    QLabel *m_dailyNote;
    QThread *m_dailyThread = nullptr;
    // Written by the worker, read once it has finished.
    std::shared_ptr<std::optional<Result<std::optional<QString>>>> m_dailyResult;
};

} // namespace foidesk
