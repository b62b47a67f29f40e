#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>
#include <memory>

class QSettings;

namespace foidesk {

// Every per-user preference FOI Desk remembers, typed, with its key and default in one place.
// The window uses the normal per-user location; tests give an ini file of their own so that
// they never read or change a real user's settings.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    // The per-user settings of the application (registry on Windows, an ini file elsewhere).
    explicit AppSettings(QObject *parent = nullptr);
    // Settings kept in the ini file at iniPath, created when first written.
    explicit AppSettings(const QString &iniPath, QObject *parent = nullptr);
    ~AppSettings() override;

    // The names QSettings and QStandardPaths derive FOI Desk's folders from. Set once, right
    // after the application object exists, by the command line and the window alike, so that
    // both find the same default log and preferences.
    static void applyApplicationIdentity();

    // The keys, as stored. Kept stable: renaming one would forget what users had set.
    static constexpr const char *MainWindowGeometryKey = "MainWindow/geometry";
    static constexpr const char *MainWindowStateKey = "MainWindow/state";
    static constexpr const char *SplitterStateKey = "MainWindow/splitter";
    static constexpr const char *ListColumnWidthsKey = "RequestList/columnWidths";
    static constexpr const char *ListSortColumnKey = "RequestList/sortColumn";
    static constexpr const char *ListSortOrderKey = "RequestList/sortOrder";
    static constexpr const char *DueSoonWorkingDaysKey = "RequestList/dueSoonWorkingDays";
    static constexpr const char *ListSavedViewKey = "RequestList/savedView";
    static constexpr const char *LastImportFolderKey = "Folders/lastImport";
    static constexpr const char *LastExportFolderKey = "Folders/lastExport";
    static constexpr const char *LastBackupFolderKey = "Folders/lastBackupBrowse";
    static constexpr const char *LastPublishFolderKey = "Folders/lastPublish";
    static constexpr const char *BackupFolderKey = "Backups/folder";
    static constexpr const char *DailyBackupKeepKey = "Backups/dailyKeep";
    static constexpr const char *OlderLogNoticeKey = "Log/olderLogNoticeShown";
    static constexpr const char *CurrentUserKey = "Review/currentUser";

    // The value used when a key has never been set.
    static QVariant defaultValue(const QString &key);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);

    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // Widths of the request list's columns in pixels, in column order; empty means "fit".
    QList<int> listColumnWidths() const;
    void setListColumnWidths(const QList<int> &widths);

    int listSortColumn() const;
    void setListSortColumn(int column);
    Qt::SortOrder listSortOrder() const;
    void setListSortOrder(Qt::SortOrder order);

    // The request list's saved view, by its stable name (listing/SavedView.h); "all" by default.
    QString listSavedView() const;
    void setListSavedView(const QString &view);

    // How many working days before the deadline a request is shown as due soon.
    int dueSoonWorkingDays() const;
    void setDueSoonWorkingDays(int days);

    QString lastImportFolder() const;
    void setLastImportFolder(const QString &folder);

    QString lastExportFolder() const;
    void setLastExportFolder(const QString &folder);

    // The folder last browsed for a backup to restore.
    // The folder the disclosure log was last published to.
    QString lastPublishFolder() const;
    void setLastPublishFolder(const QString &folder);
    QString lastBackupFolder() const;
    void setLastBackupFolder(const QString &folder);

    // Where backups go; empty means the folder beside the log (Backups::defaultFolder).
    QString backupFolder() const;
    void setBackupFolder(const QString &folder);

    int dailyBackupKeep() const;
    void setDailyBackupKeep(int keep);

    // The older log (left where earlier versions kept it, beside a log at the new place) the
    // user has been told about once; empty when none.
    // The login the user last chose to work as (Review > Switch User); empty when never chosen.
    QString currentUser() const;
    void setCurrentUser(const QString &login);

    QString olderLogNoticeShown() const;
    void setOlderLogNoticeShown(const QString &path);

    // Writes pending changes to permanent storage. Returns false when it could not be written
    // (a read-only settings file, say); the values stay in effect for this session.
    bool sync();

    // The file the settings live in (empty for the Windows registry).
    QString fileName() const;

Q_SIGNALS:
    // A value was set to something different from what it was.
    void changed(const QString &key);

private:
    QVariant value(const char *key) const;
    void setValue(const char *key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace foidesk
