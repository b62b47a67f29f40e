#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace foidesk {

class AppSettings;
class Store;

// The conversations around backups that the window and the start-up share: backing up now and
// saying where, and choosing a backup to restore with a clear warning of what it replaces.
class BackupPrompts
{
    Q_DECLARE_TR_FUNCTIONS(BackupPrompts)

public:
    // Backs the log up into folder and tells the user where, offering to open the folder.
    // Returns the backup's path, or an empty string when it failed (the user has been told why).
    static QString backUpNow(const Store &store, const QString &folder, QWidget *parent);

    // Lets the user pick a backup (from folder, or anywhere with Browse) and confirm that it
    // should replace the log. Returns the chosen file, or an empty string when cancelled.
    static QString
    chooseBackupToRestore(const QString &folder, AppSettings &settings, QWidget *parent);
};

} // namespace foidesk
