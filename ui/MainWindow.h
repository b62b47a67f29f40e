#pragma once

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <QString>
#include <QStringList>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace foidesk {

class AppSettings;
class BackupActions;
class DashboardWindow;
class ExchangeActions;
class LetterImportActions;
class LetterActions;
class LetterPreviewPane;
class RequestEditor;
class RequestListModel;
class RequestListPanel;
class PublishActions;
class ReviewActions;
class ReviewPanel;
class HistoryPanel;
class SearchPanel;
class Store;
class WelcomePanel;

// The application window: the request list on the left, the request editor (or, for an empty
// log, the welcome panel) on the right, and the menus, toolbar and status bar that tie them
// together. The work itself lives in the panels, the editor and the core.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Takes over the open store. settings must outlive the window; it also says where backups
    // go, which lets tests keep them in a temporary folder.
    MainWindow(std::unique_ptr<Store> store, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Below this screen width (a council laptop is 1366 or 1360 pixels) the first start fills
    // the screen instead of leaving a margin around the window.
    static constexpr int LargeScreenWidth = 1600;

    Store *store() const;
    RequestEditor *editor() const;
    RequestListModel *listModel() const;
    RequestListPanel *listPanel() const;
    LetterActions *letterActions() const { return m_letterActions; }
    LetterPreviewPane *letterPreview() const { return m_letterPreview; }
    ReviewActions *reviewActions() const { return m_review; }
    PublishActions *publishActions() const { return m_publish; }
    ReviewPanel *reviewPanel() const { return m_reviewPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    // View > Dashboard: made the first time it is asked for; nullptr until then.
    DashboardWindow *dashboard() const;
    // Shows the dashboard (making it the first time) and brings it to the front.
    void showDashboard();

    // The folder backups are written to and listed from.
    QString backupFolder() const;

    // Imports the files (asking about references already in the log) and shows what happened
    // to each one.
    void importFiles(const QStringList &files);
    // Imports the example requests built into FOI Desk, skipping any already in the log.
    void importExampleRequests();
    // Backs the log up now and says where. Returns the backup's path, empty when it failed.
    QString backUpNow();
    // The first start of each day makes a backup, in the background after the window is shown
    // (BackupActions::startDailyBackup); a failure becomes a status-bar warning, as it must
    // not stop anyone from working.
    void runDailyBackup();
    BackupActions *backupActions() const { return m_backups; }
    // Replaces the log with the backup (after asking about unsaved edits) and reloads.
    // Returns false when nothing was restored.
    bool restoreFromBackup(const QString &backupPath);

    // While review is on: works as the person chosen before, or asks who is working (never for
    // a one-person office with review off).
    void chooseUserAtStart();

    // Asks to save the editor's unsaved changes: Save, Discard or Cancel. Returns true when it
    // is safe to move on (saved, discarded, or nothing to save).
    bool maybeSaveChanges();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void rebuildEditorActions();
    void installStore(std::unique_ptr<Store> store);
    void releaseStore();
    void restoreSettings();
    void saveSettings();

    void newRequest();
    void saveRequest();
    void revertRequest();
    void deleteRequest();
    void exportRequest();
    void showSettings();
    void showStaffRegister();
    void showBankHolidays();
    void showAbout();

    // Find (Ctrl+F): shows Search the Log with the cursor in its box; Escape there hides it and
    // gives the focus back to where it was.
    void showSearch();
    void closeSearch();
    // Opens a search result: request id, which the result showed as reference, at question
    // questionIndex (-1: the request). Says so in the panel when the request has gone.
    void openSearchResult(qint64 id, const QString &reference, int questionIndex);
    // A request linked from the editor (a round robin, an earlier answer).
    void openLinkedRequest(qint64 id, const QString &reference, int questionIndex);
    // Opens request id (checked to still be reference) at questionIndex (-1: the request);
    // problem() is told why when it cannot. False when nothing was opened.
    bool openRequestAt(qint64 id,
                       QString reference,
                       int questionIndex,
                       const std::function<void(const QString &)> &problem);

    void onListCurrentChanged(qint64 id);
    void onRequestSaved(qint64 id);
    void onListReset();
    void updateEditorPage();
    void updateActions();
    void updateCaption(const QString &caption);
    // The request Export and Delete act on: the selected row, else the one in the editor.
    qint64 targetRequestId() const;
    void showStatus(const QString &message);
    void updateUserLabel();

    AppSettings *m_settings;
    std::unique_ptr<Store> m_store;
    RequestListModel *m_listModel;
    RequestListPanel *m_listPanel;
    WelcomePanel *m_welcome;
    RequestEditor *m_editor = nullptr;
    QStackedWidget *m_editorStack;
    QSplitter *m_splitter;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_logLabel;
    LetterActions *m_letterActions;
    ExchangeActions *m_exchange;
    LetterImportActions *m_letterImport;
    BackupActions *m_backups;
    LetterPreviewPane *m_letterPreview;
    ReviewActions *m_review;
    PublishActions *m_publish;
    ReviewPanel *m_reviewPanel = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    QLabel *m_userLabel;
    QDockWidget *m_previewDock;
    SearchPanel *m_searchPanel;
    QPointer<DashboardWindow> m_dashboard;
    QDockWidget *m_searchDock;
    QPointer<QWidget> m_focusBeforeSearch;
    QString m_caption;

    QMenu *m_editMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_dashboardAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_staffAction = nullptr;
    QAction *m_holidaysAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
};

} // namespace foidesk
