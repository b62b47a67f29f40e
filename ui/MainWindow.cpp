#include "MainWindow.h"

#include "backup/BackupActions.h"
#include "dashboard/DashboardWindow.h"
#include "settings/BankHolidaysDialog.h"
#include "store/Backups.h"
#include "exchange/ExchangeActions.h"
#include "importing/LetterImportActions.h"
#include "letter/LetterActions.h"
#include "letter/LetterPreviewPane.h"
#include "editor/RequestEditor.h"
#include "requestlist/RequestListPanel.h"
#include "review/HistoryPanel.h"
#include "publish/PublishActions.h"
#include "review/ReviewActions.h"
#include "review/ReviewPanel.h"
#include "review/UserChooser.h"
#include "search/SearchPanel.h"
#include "settings/StaffRegisterDialog.h"
#include "WelcomePanel.h"
#include "help/HelpTopics.h"
#include "editing/RequestDocument.h"
#include "settings/SettingsDialog.h"
#include "listing/RequestListModel.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

namespace foidesk {

namespace {

constexpr int StatusTimeoutMs = 8000;

QIcon appIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<Store> store, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_listModel(new RequestListModel(nullptr, this))
    , m_listPanel(new RequestListPanel(m_listModel, this))
    , m_welcome(new WelcomePanel(this))
    , m_editorStack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_logLabel(new QLabel(this))
    , m_letterActions(new LetterActions(settings, this))
    , m_exchange(new ExchangeActions(settings, this))
    , m_letterImport(new LetterImportActions(settings, this))
    , m_backups(new BackupActions(settings, this))
    , m_letterPreview(new LetterPreviewPane(this))
    , m_review(new ReviewActions(settings, this))
    , m_publish(new PublishActions(settings, this))
    , m_userLabel(new QLabel(this))
    , m_previewDock(new QDockWidget(tr("Letter Preview"), this))
    , m_searchPanel(new SearchPanel(this))
    , m_searchDock(new QDockWidget(tr("Search the Log"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.foidesk.FoiDesk.svg")));
    m_listModel->setDueSoonWorkingDays(m_settings->dueSoonWorkingDays());
    connect(m_settings, &AppSettings::changed, this, [this](const QString &key) {
        if (key == QLatin1String(AppSettings::DueSoonWorkingDaysKey))
            m_listModel->setDueSoonWorkingDays(m_settings->dueSoonWorkingDays());
    });

    m_editorStack->setObjectName(QStringLiteral("editorStack"));
    m_editorStack->addWidget(m_welcome);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_listPanel);
    m_splitter->addWidget(m_editorStack);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_logLabel->setObjectName(QStringLiteral("logPathLabel"));
    statusBar()->addWidget(m_letterActions->profileHint());
    statusBar()->addPermanentWidget(m_backups->dailyBackupNote());
    m_userLabel->setObjectName(QStringLiteral("currentUserLabel"));
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_logLabel);
    connect(m_review, &ReviewActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_publish, &PublishActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_review, &ReviewActions::userChanged, this, &MainWindow::updateUserLabel);
    // My requests and Awaiting my review belong to whoever is working now.
    connect(m_review, &ReviewActions::userChanged, m_listModel, &RequestListModel::refresh);
    connect(m_review, &ReviewActions::moved, this, [this](qint64 id) {
        // The move saved first, so nothing unsaved is dropped by reloading.
        if (m_editor && m_editor->requestId() == id && !m_editor->isModified())
            m_editor->openRequest(id);
        m_listModel->refresh();
    });
    connect(m_letterActions, &LetterActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_letterActions, &LetterActions::settingsRequested, this, &MainWindow::showSettings);
    connect(m_exchange, &ExchangeActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_letterImport, &LetterImportActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_letterImport, &LetterImportActions::requestsImported, this, [this] {
        m_listModel->refresh();
        updateEditorPage();
    });
    connect(m_exchange, &ExchangeActions::requestsImported, this, [this] {
        m_listModel->refresh();
        updateEditorPage();
    });
    connect(m_backups, &BackupActions::restoreChosen, this, &MainWindow::restoreFromBackup);
    connect(m_backups, &BackupActions::statusMessage, this, [this](const QString &message, bool sticky) {
        if (sticky)
            statusBar()->showMessage(message);
        else
            showStatus(message);
    });
    connect(m_letterPreview, &LetterPreviewPane::showWithheldChanged, this, [this](bool on) {
        m_letterActions->setWithheldShown(on);
        // The withheld text is shown in the preview, so the preview must be in view.
        if (on)
            m_previewDock->show();
    });
    m_previewDock->setObjectName(QStringLiteral("letterPreviewDock"));
    m_previewDock->setWidget(m_letterPreview);
    m_previewDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_previewDock);

    // Search the Log shares the letter preview's place: a third of the window, room for a
    // result to read as a few lines on a laptop screen, and the list and the editor keep theirs.
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    m_searchDock->setWidget(m_searchPanel);
    m_searchDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_searchDock);
    tabifyDockWidget(m_previewDock, m_searchDock);
    m_searchDock->hide();
    connect(m_searchPanel, &SearchPanel::openRequested, this, &MainWindow::openSearchResult);
    connect(m_searchPanel, &SearchPanel::closeRequested, this, &MainWindow::closeSearch);

    createActions();
    createMenus();

    connect(m_welcome, &WelcomePanel::newRequestClicked, this, &MainWindow::newRequest);
    connect(m_welcome,
            &WelcomePanel::importExamplesClicked,
            m_exchange,
            &ExchangeActions::importExampleRequests);
    connect(m_welcome,
            &WelcomePanel::importFilesClicked,
            m_exchange,
            &ExchangeActions::chooseFilesToImport);
    // Queued, so that a click finishes selecting its row before we may have to ask about
    // unsaved changes and put the selection back.
    connect(m_listPanel,
            &RequestListPanel::currentRequestChanged,
            this,
            &MainWindow::onListCurrentChanged,
            Qt::QueuedConnection);
    connect(m_listModel, &QAbstractItemModel::modelReset, this, &MainWindow::onListReset);
    connect(m_listPanel, &RequestListPanel::savedViewChanged, this, [this](SavedView view) {
        m_settings->setListSavedView(SavedViews::key(view));
    });
    connect(m_listModel, &RequestListModel::loadFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The request list could not be loaded: %1").arg(message));
    });

    installStore(std::move(store));
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // The editor and the list hold the store; let them go before it does.
    releaseStore();
}

Store *MainWindow::store() const
{
    return m_store.get();
}

RequestEditor *MainWindow::editor() const
{
    return m_editor;
}

RequestListModel *MainWindow::listModel() const
{
    return m_listModel;
}

RequestListPanel *MainWindow::listPanel() const
{
    return m_listPanel;
}

QString MainWindow::backupFolder() const
{
    return m_backups->backupFolder();
}

void MainWindow::createActions()
{
    m_newAction = new QAction(appIcon("document-new"), tr("&New Request"), this);
    m_newAction->setObjectName(QStringLiteral("newRequestAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(
        tr("Log a new request (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newRequest);

    m_saveAction = new QAction(appIcon("document-save"), tr("&Save"), this);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveRequest);

    m_revertAction = new QAction(tr("Re&vert"), this);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    m_revertAction->setStatusTip(tr("Drop unsaved changes and reload the stored request"));
    connect(m_revertAction, &QAction::triggered, this, &MainWindow::revertRequest);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_deleteAction = new QAction(tr("&Delete Request..."), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteRequestAction"));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteRequest);

    m_refreshAction = new QAction(appIcon("view-refresh"), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, m_listModel, &RequestListModel::refresh);
    // Changes made outside this window (the command line) reach the search results this way too.
    connect(m_refreshAction, &QAction::triggered, m_searchPanel, &SearchPanel::searchNow);

    m_findAction = new QAction(tr("&Search the Log"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(
        tr("Find words in the titles, questions and answers of every request in the log"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::showSearch);

    m_filterAction = new QAction(tr("&Filter List"), this);
    m_filterAction->setObjectName(QStringLiteral("filterListAction"));
    m_filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_filterAction->setStatusTip(tr("Type in the box above the request list to show only the "
                                    "requests that match"));
    connect(m_filterAction, &QAction::triggered, m_listPanel, &RequestListPanel::focusFilter);

    m_dashboardAction = new QAction(tr("&Dashboard"), this);
    m_dashboardAction->setObjectName(QStringLiteral("dashboardAction"));
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_dashboardAction->setStatusTip(tr("Show open requests by status and officer, answers in "
                                       "time by month and the quarterly figures"));
    connect(m_dashboardAction, &QAction::triggered, this, &MainWindow::showDashboard);

    connect(m_exchange->exportAction(), &QAction::triggered, this, &MainWindow::exportRequest);

    m_settingsAction = new QAction(tr("Se&ttings..."), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    // Where the platform has a shortcut for preferences; none is invented where it has not.
    m_settingsAction->setShortcuts(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setStatusTip(
        tr("Set up the organisation's details and the wording of its letters"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_staffAction = new QAction(tr("&Staff Register..."), this);
    m_staffAction->setObjectName(QStringLiteral("staffRegisterAction"));
    connect(m_staffAction, &QAction::triggered, this, &MainWindow::showStaffRegister);

    m_holidaysAction = new QAction(tr("&Bank Holidays..."), this);
    m_holidaysAction->setObjectName(QStringLiteral("bankHolidaysAction"));
    m_holidaysAction->setStatusTip(tr("See the bank holidays deadlines skip, add a newly "
                                      "proclaimed one or import the government's file"));
    connect(m_holidaysAction, &QAction::triggered, this, &MainWindow::showBankHolidays);

    m_aboutAction = new QAction(tr("&About FOI Desk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newAction);
    file->addAction(m_saveAction);
    file->addAction(m_revertAction);
    file->addSeparator();
    file->addAction(m_exchange->importAction());
    file->addAction(m_letterImport->importLettersAction());
    file->addAction(m_exchange->importExamplesAction());
    file->addAction(m_exchange->exportAction());
    file->addAction(m_publish->publishAction());
    file->addSeparator();
    file->addAction(m_letterActions->exportPdfAction());
    file->addAction(m_letterActions->printPreviewAction());
    file->addAction(m_letterActions->printAction());
    file->addSeparator();
    file->addAction(m_backups->backupAction());
    file->addAction(m_backups->restoreAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    // Filled by rebuildEditorActions(): undo, redo and the question actions belong to the editor.
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_refreshAction);
    view->addAction(m_findAction);
    view->addAction(m_filterAction);
    view->addAction(m_dashboardAction);
    view->addSeparator();
    QAction *previewToggle = m_previewDock->toggleViewAction();
    previewToggle->setObjectName(QStringLiteral("letterPreviewAction"));
    previewToggle->setText(tr("&Letter Preview"));
    previewToggle->setShortcut(QKeySequence(Qt::Key_F8));
    view->addAction(previewToggle);
    view->addAction(m_letterPreview->showWithheldAction());

    menuBar()->addMenu(m_review->menu());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    tools->addAction(m_staffAction);
    tools->addAction(m_holidaysAction);
    tools->addAction(m_settingsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction((new HelpTopics(this))->guideAction());
    help->addSeparator();
    help->addAction(m_aboutAction);

    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_toolBar->setIconSize(QSize(20, 20));
}

void MainWindow::rebuildEditorActions()
{
    delete m_undoAction;
    delete m_redoAction;
    m_undoAction = m_editor->undoStack()->createUndoAction(m_editor, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(appIcon("edit-undo"));
    m_redoAction = m_editor->undoStack()->createRedoAction(m_editor, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(appIcon("edit-redo"));

    m_editMenu->clear();
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_editor->addQuestionAction());
    m_editMenu->addAction(m_editor->removeQuestionAction());
    m_editMenu->addAction(m_editor->moveQuestionUpAction());
    m_editMenu->addAction(m_editor->moveQuestionDownAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_editor->redactAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_deleteAction);

    m_toolBar->clear();
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_saveAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_exchange->importAction());
    m_toolBar->addAction(m_letterActions->exportPdfAction());
    m_toolBar->addAction(m_backups->backupAction());
}

void MainWindow::installStore(std::unique_ptr<Store> store)
{
    m_store = std::move(store);
    if (m_dashboard)
        m_dashboard->setStore(m_store.get());
    m_editor = new RequestEditor(m_store.get(), m_editorStack);
    m_editor->setObjectName(QStringLiteral("requestEditor"));
    m_editorStack->addWidget(m_editor);
    connect(m_editor, &RequestEditor::requestSaved, this, &MainWindow::onRequestSaved);
    connect(m_editor, &RequestEditor::statusMessage, this, &MainWindow::showStatus);
    connect(m_editor, &RequestEditor::openRequestRequested, this, &MainWindow::openLinkedRequest);
    connect(m_editor, &RequestEditor::captionChanged, this, &MainWindow::updateCaption);
    connect(m_editor, &RequestEditor::modificationChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });
    rebuildEditorActions();
    m_letterActions->setSource(m_store.get(), m_editor->document());
    m_letterPreview->setSource(m_store.get(), m_editor->document());
    connect(m_letterActions,
            &LetterActions::finalLetterChecked,
            m_editor,
            &RequestEditor::recordReleaseCheck);
    m_review->setSource(
        m_store.get(),
        m_editor,
        [this] { return maybeSaveChanges() && !m_editor->isModified(); },
        [this](const QString &reference) { return m_letterActions->lastFinalLetter(reference); });
    m_reviewPanel = new ReviewPanel(m_store.get(), m_editor, m_review, m_editor);
    m_editor->addPage(m_reviewPanel, tr("Re&view"));
    m_historyPanel = new HistoryPanel(m_store.get(), m_editor, m_settings, m_editor);
    m_editor->addPage(m_historyPanel, tr("&History"));
    connect(m_store.get(), &Store::approvalWithdrawn, this, [this](qint64, const QString &notice) {
        QMessageBox box(QMessageBox::Information, tr("Approval Withdrawn"), notice,
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("approvalWithdrawnBox"));
        box.exec();
    });
    updateUserLabel();
    m_exchange->setStore(m_store.get());
    m_searchPanel->setStore(m_store.get());
    m_letterImport->setStore(m_store.get());
    m_backups->setStore(m_store.get());
    m_publish->setStore(m_store.get());

    m_listModel->setStore(m_store.get());
    m_logLabel->setText(QDir::toNativeSeparators(m_store->path()));
    updateCaption(QString());
    updateEditorPage();
    updateActions();
}

void MainWindow::releaseStore()
{
    if (m_dashboard)
        m_dashboard->setStore(nullptr);
    m_listModel->setStore(nullptr);
    m_letterActions->setSource(nullptr, nullptr);
    m_letterPreview->setSource(nullptr, nullptr);
    m_review->setSource(nullptr, nullptr, {}, {});
    m_reviewPanel = nullptr; // the editor's children, deleted with it
    m_historyPanel = nullptr;
    m_exchange->setStore(nullptr);
    m_searchPanel->setStore(nullptr);
    m_letterImport->setStore(nullptr);
    m_backups->setStore(nullptr);
    m_publish->setStore(nullptr);
    if (m_editor) {
        // The undo and redo actions are the editor's children and go with it.
        m_undoAction = nullptr;
        m_redoAction = nullptr;
        m_editMenu->clear();
        m_toolBar->clear();
        m_editorStack->removeWidget(m_editor);
        delete m_editor;
        m_editor = nullptr;
    }
    m_store.reset();
}

DashboardWindow *MainWindow::dashboard() const
{
    return m_dashboard;
}

void MainWindow::showDashboard()
{
    if (!m_dashboard) {
        m_dashboard = new DashboardWindow(m_store.get(), this);
        // A figure clicked shows its requests here, counted by the same query.
        const auto toList = [this] {
            raise();
            activateWindow();
        };
        connect(m_dashboard,
                &DashboardWindow::showStatusAsked,
                this,
                [this, toList](RequestStatus status) {
                    m_listPanel->showStatus(status);
                    toList();
                });
        connect(m_dashboard,
                &DashboardWindow::showOfficerAsked,
                this,
                [this, toList](const QString &officer) {
                    m_listPanel->showOpenOf(officer);
                    toList();
                });
        connect(m_dashboard, &DashboardWindow::showOverdueAsked, this, [this, toList] {
            m_listPanel->showOverdue();
            toList();
        });
    }
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->mainWindowGeometry();
    bool smallScreen = false;
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen, up to a size where lines stay readable. A laptop
        // screen is used whole: the list, the editor and the letter all need the room.
        QSize size(1200, 760);
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QSize available = screen->availableSize();
            smallScreen = available.width() < LargeScreenWidth;
            size = smallScreen ? available
                               : QSize(qMin(1800, available.width() * 9 / 10),
                                       qMin(1000, available.height() * 9 / 10));
        }
        resize(size);
        if (smallScreen)
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    // The letter preview gets a third of the window so that its text can be read at Fit Width;
    // the editor keeps the most room, and the list shows what matters (it drops the columns it
    // can spare when narrow).
    if (!restoreState(m_settings->mainWindowState()))
        resizeDocks({m_previewDock}, {width() / 3}, Qt::Horizontal);
    const QByteArray splitter = m_settings->splitterState();
    if (splitter.isEmpty() || !m_splitter->restoreState(splitter)) {
        const int central = width() - width() / 3;
        // On a large screen the list has room for every column; on a laptop the editor comes
        // first and the list drops the received date and the officer.
        const int list = smallScreen ? central * 2 / 5 : central / 2;
        m_splitter->setSizes({list, central - list}); // the editor needs the room
    }
    const QList<int> widths = m_settings->listColumnWidths();
    if (!widths.isEmpty())
        m_listPanel->setColumnWidths(widths);
    m_listPanel->view()->sortByColumn(m_settings->listSortColumn(), m_settings->listSortOrder());
    m_listPanel->setSavedView(
        SavedViews::fromKey(m_settings->listSavedView()).value_or(SavedView::All));
}

void MainWindow::saveSettings()
{
    m_settings->setMainWindowGeometry(saveGeometry());
    m_settings->setMainWindowState(saveState());
    m_settings->setSplitterState(m_splitter->saveState());
    m_settings->setListColumnWidths(m_listPanel->columnWidths());
    m_settings->setListSortColumn(m_listModel->sortColumn());
    m_settings->setListSortOrder(m_listModel->sortOrder());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSaveChanges()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

bool MainWindow::maybeSaveChanges()
{
    if (!m_editor || !m_editor->isModified())
        return true;

    QMessageBox box(this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Unsaved Changes"));
    box.setText(m_caption.isEmpty() ? tr("The new request has not been saved.")
                                    : tr("Your changes to %1 have not been saved.").arg(m_caption));
    box.setInformativeText(tr("Save them before going on?"));
    box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();

    if (answer == QMessageBox::Save)
        return m_editor->save(); // a refused save keeps the edits and says why
    if (answer == QMessageBox::Discard) {
        if (m_editor->requestId() > 0)
            m_editor->revert();
        else
            m_editor->clear();
        return true;
    }
    return false;
}

void MainWindow::newRequest()
{
    if (!maybeSaveChanges())
        return;
    // Shown first, so that the editor can put the cursor in its first field.
    m_editorStack->setCurrentWidget(m_editor);
    m_editor->newRequest();
    m_listPanel->selectRequest(0);
    updateEditorPage();
    showStatus(tr("New request: type its reference and title, then save with %1.")
                   .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
}

void MainWindow::saveRequest()
{
    if (m_editor->hasRequest())
        m_editor->save();
}

void MainWindow::revertRequest()
{
    if (!m_editor->hasRequest() || !m_editor->isModified())
        return;
    const auto answer = QMessageBox::question(
        this,
        tr("Revert"),
        tr("Drop your unsaved changes to %1 and go back to the stored version?")
            .arg(m_caption.isEmpty() ? tr("this request") : m_caption),
        QMessageBox::Discard | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    if (m_editor->requestId() > 0)
        m_editor->revert();
    else
        m_editor->clear();
    updateEditorPage();
}

qint64 MainWindow::targetRequestId() const
{
    const qint64 selected = m_listPanel->currentRequestId();
    return selected > 0 ? selected : m_editor->requestId();
}

void MainWindow::deleteRequest()
{
    const qint64 id = targetRequestId();
    if (id <= 0)
        return;
    const auto request = m_store->loadRequest(id);
    if (!request) {
        QMessageBox::warning(this, tr("Delete Request"), request.errorMessage());
        return;
    }
    const bool openWithEdits = m_editor->requestId() == id && m_editor->isModified();
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("deleteRequestBox"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Delete Request"));
    box.setText(tr("Delete request %1, \"%2\"?").arg(request->reference, request->title));
    box.setInformativeText(openWithEdits
                               ? tr("It is removed from the log with its questions and answers, "
                                    "and your unsaved changes to it are lost.")
                               : tr("It is removed from the log with its questions and answers. "
                                    "A backup made before now still holds it."));
    QPushButton *deleteButton = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != deleteButton)
        return;

    const Result<void> deleted = m_store->deleteRequest(id, request->revision);
    if (!deleted) {
        QMessageBox::warning(this,
                             tr("Delete Request"),
                             tr("Request %1 was not deleted.\n\n%2")
                                 .arg(request->reference, deleted.errorMessage()));
        return;
    }
    if (m_editor->requestId() == id)
        m_editor->clear();
    m_listModel->refresh();
    updateEditorPage();
    showStatus(tr("Deleted request %1").arg(request->reference));
}

void MainWindow::importFiles(const QStringList &files)
{
    m_exchange->importFiles(files);
}

void MainWindow::importExampleRequests()
{
    m_exchange->importExampleRequests();
}

void MainWindow::exportRequest()
{
    const qint64 id = targetRequestId();
    if (id <= 0)
        return;
    // Export what the user sees: their edits to this request are saved first.
    if (m_editor->requestId() == id && !maybeSaveChanges())
        return;
    m_exchange->exportRequest(id);
}

QString MainWindow::backUpNow()
{
    return m_backups->backUpNow();
}

void MainWindow::runDailyBackup()
{
    m_backups->startDailyBackup();
}

void MainWindow::showSettings()
{
    if (!m_store)
        return;
    SettingsDialog dialog(m_store.get(), this);
    if (dialog.exec() == QDialog::Accepted)
        showStatus(tr("Saved the organisation's details and letter wording"));
}

bool MainWindow::restoreFromBackup(const QString &backupPath)
{
    if (!maybeSaveChanges())
        return false;
    const QString databasePath = m_store->path();
    // Restoring needs the log closed: the editor and the list let go of it first.
    releaseStore();
    const auto restored = Backups::restore(backupPath, databasePath);

    auto reopened = Store::open(databasePath);
    if (!reopened) {
        QMessageBox::critical(this,
                              tr("Restore from Backup"),
                              tr("The log could not be opened again, so FOI Desk will close.\n\n"
                                 "%1\n\nStart FOI Desk again to choose what to do.")
                                  .arg(reopened.errorMessage()));
        close();
        return false;
    }
    installStore(std::move(reopened).value());

    if (!restored) {
        QMessageBox::warning(this,
                             tr("Restore from Backup"),
                             tr("The backup was not restored; the log is as it was.\n\n%1")
                                 .arg(restored.errorMessage()));
        return false;
    }
    const QString kept = QDir::toNativeSeparators(*restored);
    showStatus(tr("Restored the log from %1").arg(QDir::toNativeSeparators(backupPath)));
    QMessageBox::information(this,
                             tr("Restore from Backup"),
                             tr("The log has been restored from the backup.\n\nThe log as it was "
                                "before is kept as %1.")
                                 .arg(kept));
    return true;
}

void MainWindow::showStaffRegister()
{
    StaffRegisterDialog dialog(m_store.get(), this);
    dialog.exec();
}

void MainWindow::showBankHolidays()
{
    if (!m_store)
        return;
    BankHolidaysDialog dialog(m_store.get(), this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this,
        tr("About FOI Desk"),
        tr("<h3>FOI Desk %1</h3>"
           "<p>Logs Freedom of Information and Environmental Information requests, and helps "
           "answer them on time.</p>"
           "<p>Log: %2<br>Qt %3</p>")
            .arg(QStringLiteral(FOIDESK_VERSION),
                 QDir::toNativeSeparators(m_store->path()).toHtmlEscaped(),
                 QString::fromLatin1(qVersion())));
}

void MainWindow::showSearch()
{
    QWidget *focus = QApplication::focusWidget();
    if (focus && !m_searchDock->isAncestorOf(focus))
        m_focusBeforeSearch = focus;
    m_searchDock->show();
    m_searchDock->raise();
    m_searchPanel->focusSearch();
}

void MainWindow::closeSearch()
{
    m_searchDock->hide();
    if (m_focusBeforeSearch && m_focusBeforeSearch != m_editor && m_focusBeforeSearch->isVisible())
        m_focusBeforeSearch->setFocus(Qt::OtherFocusReason);
    else if (m_editor && m_editor->hasRequest() && m_editor->isVisible())
        m_editor->focusCurrentPage();
    else
        m_listPanel->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::openSearchResult(qint64 id, const QString &reference, int questionIndex)
{
    if (openRequestAt(id, reference, questionIndex, [this](const QString &problem) {
            m_searchPanel->showProblem(problem + u' ' + tr("The search has been run again."));
        })) {
        // Escape from the results now comes back to the request opened.
        m_focusBeforeSearch = m_editor;
    }
}

void MainWindow::openLinkedRequest(qint64 id, const QString &reference, int questionIndex)
{
    openRequestAt(id, reference, questionIndex, [this](const QString &problem) {
        QMessageBox::information(this, tr("Request not opened"), problem);
    });
}

bool MainWindow::openRequestAt(qint64 id,
                               QString reference, // a copy: opening may replace its source
                               int questionIndex,
                               const std::function<void(const QString &)> &problem)
{
    if (!m_store || !m_editor)
        return false;
    // The link may be older than the log: the request deleted, or its number given to another
    // since. Check before opening anything.
    const Result<Request> stored = m_store->loadRequest(id);
    if (!stored) {
        problem(stored.error().kind == ErrorKind::NotFound
                    ? tr("Request %1 is no longer in the log: it was deleted since.").arg(reference)
                    : tr("Request %1 could not be opened: %2")
                          .arg(reference, stored.errorMessage()));
        return false;
    }
    if (stored->reference != reference) {
        problem(tr("Request %1 has changed since: its reference is now %2.")
                    .arg(reference, stored->reference));
        return false;
    }
    if (m_editor->requestId() != id) {
        if (!maybeSaveChanges())
            return false;
        m_editorStack->setCurrentWidget(m_editor);
        if (!m_editor->openRequest(id))
            return false;
        m_listPanel->selectRequest(id);
        updateEditorPage();
        updateActions();
    }
    if (questionIndex < 0) {
        showStatus(tr("Opened request %1").arg(reference));
    } else if (m_editor->showQuestion(questionIndex)) {
        showStatus(tr("Opened request %1 at question %2")
                       .arg(reference, stored->questions.size() > questionIndex
                                           ? questionName(stored->questions.at(questionIndex),
                                                          questionIndex)
                                           : QString::number(questionIndex + 1)));
    } else {
        problem(tr("Request %1 no longer has question %2: it was removed since.")
                    .arg(reference)
                    .arg(questionIndex + 1));
    }
    return true;
}

void MainWindow::onListCurrentChanged(qint64 id)
{
    // A queued call can arrive after the user has moved on again.
    if (id != m_listPanel->currentRequestId() || id <= 0)
        return;
    if (id == m_editor->requestId())
        return;
    if (!maybeSaveChanges()) {
        m_listPanel->selectRequest(m_editor->requestId());
        return;
    }
    if (!m_editor->openRequest(id))
        m_listPanel->selectRequest(m_editor->requestId());
    updateEditorPage();
    updateActions();
}

void MainWindow::onRequestSaved(qint64 id)
{
    m_listModel->refresh();
    m_listPanel->selectRequest(id);
    updateEditorPage();
    updateActions();
}

void MainWindow::onListReset()
{
    // A reload drops the view's selection; put it back on the request being edited.
    if (m_editor)
        m_listPanel->selectRequest(m_editor->requestId());
    updateEditorPage();
    updateActions();
}

void MainWindow::updateEditorPage()
{
    if (!m_editor)
        return;
    bool showWelcome = false;
    if (!m_editor->hasRequest() && m_store) {
        const auto count = m_store->countRequests(RequestQuery());
        showWelcome = count && *count == 0;
    }
    m_editorStack->setCurrentWidget(showWelcome ? static_cast<QWidget *>(m_welcome) : m_editor);
}

void MainWindow::updateActions()
{
    if (!m_editor)
        return;
    const bool hasRequest = m_editor->hasRequest();
    m_saveAction->setEnabled(hasRequest);
    m_revertAction->setEnabled(hasRequest && m_editor->isModified());
    const bool hasTarget = targetRequestId() > 0;
    m_exchange->exportAction()->setEnabled(hasTarget);
    m_deleteAction->setEnabled(hasTarget);
}

void MainWindow::updateCaption(const QString &caption)
{
    m_caption = caption;
    const QString shown =
        caption.isEmpty() && m_store ? QFileInfo(m_store->path()).fileName() : caption;
    setWindowTitle(shown + QStringLiteral("[*]"));
    updateActions();
}

void MainWindow::chooseUserAtStart()
{
    if (m_store)
        UserChooser::chooseAtStart(m_store.get(), m_settings, this);
    updateUserLabel();
    m_listModel->refresh(); // the views that name the current user
    m_review->update();
    if (m_reviewPanel)
        m_reviewPanel->refresh();
}

void MainWindow::updateUserLabel()
{
    if (!m_store) {
        m_userLabel->clear();
        return;
    }
    const QString login = m_store->currentUser();
    // No account name at all (a bare session): nothing to say, and nothing is claimed.
    m_userLabel->setVisible(!login.isEmpty());
    const Result<std::optional<StaffMember>> member = m_store->staffMemberByLogin(login);
    const QString name = member && member->has_value() ? (*member)->name : login;
    m_userLabel->setText(tr("Working as %1").arg(name));
    m_userLabel->setToolTip(tr("Changes, comments and decisions are recorded as %1. Review > "
                               "Switch User changes it.")
                                .arg(login));
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, StatusTimeoutMs);
}

} // namespace foidesk
