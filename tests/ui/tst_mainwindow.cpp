// The main window driven as a person would: by objectName, with the keyboard and the mouse,
// answering its message boxes, over a fresh log and settings file for each test.

#include "MainWindow.h"
#include "editor/RequestEditor.h"
#include "requestlist/RequestListDelegate.h"
#include "requestlist/RequestListPanel.h"
#include "exchange/ExampleRequests.h"
#include "exchange/RequestJson.h"
#include "listing/RequestListModel.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "support/ModalBoxes.h"
#include "support/RequestBuilder.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QHeaderView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

using namespace foidesk;

namespace {

void clickMessageBoxButton(QWidget *modal, QMessageBox::StandardButton which)
{
    auto *box = qobject_cast<QMessageBox *>(modal);
    QVERIFY(box);
    QAbstractButton *button = box->button(which);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

Request sampleRequest(const QString &reference, const QString &title)
{
    return test::RequestBuilder(reference).title(title).question(
        QStringLiteral("How many were there in 2023?"));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyLogShowsWelcome();
    void importExamplesFillsTheList();
    void newRequestWithKeyboard();
    void filterNarrowsTheList();
    void switchingWithUnsavedChanges();
    void closingWithUnsavedChanges_data();
    void closingWithUnsavedChanges();
    void layoutIsRemembered();
    void narrowListKeepsTheColumnsThatMatter();
    void backUpNowWritesToTheBackupFolder();
    void restoreBringsBackTheBackup();
    void importFilesAsksBeforeReplacing();
    void deleteRequestAsksFirst();
    void staffRegisterSavesMembers();
    void longListLoadsLazily();
    void dueColoursReadOnLightAndDark();
    void supervisorViewIsInTheViewMenuAndNeverRemembered();
    void staffRegisterOffersThePolicyGrades();

private:
    QString logPath() const { return m_dir->filePath(QStringLiteral("log.sqlite")); }
    QString backupPath() const { return m_dir->filePath(QStringLiteral("backups")); }
    std::unique_ptr<Store> openStore();
    void openWindow();
    void closeWindow();
    QAction *action(const char *name) const;
    template <typename T> T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("No %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    void selectRow(int row);
    int importExamples();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setBackupFolder(backupPath());
}

void TestMainWindow::cleanup()
{
    if (m_window && m_window->editor() && m_window->editor()->isModified())
        m_window->editor()->clear(); // nothing left to ask about when the fixture closes it
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<Store> TestMainWindow::openStore()
{
    auto opened = Store::open(logPath());
    if (!opened) {
        qWarning("%s", qPrintable(opened.errorMessage()));
        return {};
    }
    return std::move(opened).value();
}

void TestMainWindow::openWindow()
{
    auto store = openStore();
    QVERIFY(store);
    m_window = std::make_unique<MainWindow>(std::move(store), m_settings.get());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::closeWindow()
{
    QVERIFY(m_window->close());
    m_window.reset();
}

QAction *TestMainWindow::action(const char *name) const
{
    return child<QAction>(name);
}

void TestMainWindow::selectRow(int row)
{
    QTableView *view = m_window->listPanel()->view();
    const QModelIndex index = view->model()->index(row, RequestListModel::TitleColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

int TestMainWindow::importExamples()
{
    auto *button = child<QPushButton>("importExamplesButton");
    if (!button)
        return -1;
    QTest::mouseClick(button, Qt::LeftButton);
    return m_window->listModel()->totalCount();
}

void TestMainWindow::emptyLogShowsWelcome()
{
    openWindow();
    auto *stack = child<QStackedWidget>("editorStack");
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("welcomePanel"));
    QVERIFY(child<QPushButton>("newRequestButton")->isVisible());
    QVERIFY(child<QPushButton>("importExamplesButton")->isVisible());
    QVERIFY(child<QPushButton>("importFilesButton")->isVisible());
    QCOMPARE(m_window->listModel()->rowCount(), 0);

    // The welcome panel's New Request opens the editor on a new request.
    QTest::mouseClick(child<QPushButton>("newRequestButton"), Qt::LeftButton);
    QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(m_window->editor()));
    QVERIFY(m_window->editor()->hasRequest());
    QCOMPARE(m_window->editor()->requestId(), 0);
}

void TestMainWindow::importExamplesFillsTheList()
{
    const auto examples = ExampleRequests::load();
    QVERIFY2(examples.ok(), qPrintable(examples.errorMessage()));
    QVERIFY(!examples->isEmpty());

    openWindow();
    QCOMPARE(importExamples(), int(examples->size()));
    QCOMPARE(m_window->listModel()->rowCount(), int(examples->size()));
    auto *stack = child<QStackedWidget>("editorStack");
    QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(m_window->editor()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QString::number(examples->size())));

    // A second time nothing is duplicated: the examples already in the log are skipped.
    action("importExamplesAction")->trigger();
    QCOMPARE(m_window->listModel()->totalCount(), int(examples->size()));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("already in the log")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindow::newRequestWithKeyboard()
{
    openWindow();
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    RequestEditor *editor = m_window->editor();
    QVERIFY(editor->hasRequest());

    auto *reference = child<QLineEdit>("referenceEdit");
    QVERIFY(reference);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(reference));
    QTest::keyClicks(reference, QStringLiteral("6370952"));
    auto *title = child<QLineEdit>("titleEdit");
    QTest::keyClicks(title, QStringLiteral("Chatbots and virtual appointments"));
    child<QTabWidget>("editorTabs")->setCurrentIndex(1);
    auto *question = child<QPlainTextEdit>("questionTextEdit");
    QVERIFY(question);
    question->setFocus();
    QTest::keyClicks(question, QStringLiteral("Does the council use a chatbot?"));
    QVERIFY(editor->isModified());
    QVERIFY(m_window->isWindowModified());

    QTest::keyClick(question, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!editor->isModified());
    const qint64 id = editor->requestId();
    QVERIFY(id > 0);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Saved request 6370952"));

    // In the list, and selected.
    RequestListModel *model = m_window->listModel();
    QTRY_COMPARE(model->totalCount(), 1);
    QCOMPARE(model->summaryAt(0).reference, QStringLiteral("6370952"));
    QCOMPARE(model->summaryAt(0).title, QStringLiteral("Chatbots and virtual appointments"));
    QCOMPARE(m_window->listPanel()->currentRequestId(), id);

    const auto stored = m_window->store()->loadRequest(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->questions.size(), 1);
    QCOMPARE(stored->questions.first().text, QStringLiteral("Does the council use a chatbot?"));
}

void TestMainWindow::filterNarrowsTheList()
{
    openWindow();
    const int all = importExamples();
    QVERIFY(all >= 2);
    const RequestSummary target = m_window->listModel()->summaryAt(1);

    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    auto *filter = child<QLineEdit>("filterEdit");
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(filter));
    QTest::keyClicks(filter, target.reference);
    // The list waits for a pause in the typing, then asks the store.
    QTRY_COMPARE(m_window->listModel()->totalCount(), 1);
    QCOMPARE(m_window->listModel()->summaryAt(0).reference, target.reference);

    filter->clear();
    QTRY_COMPARE(m_window->listModel()->totalCount(), all);
}

void TestMainWindow::switchingWithUnsavedChanges()
{
    openWindow();
    QVERIFY(importExamples() >= 3);
    RequestListModel *model = m_window->listModel();
    RequestEditor *editor = m_window->editor();
    const RequestSummary first = model->summaryAt(0);
    const RequestSummary second = model->summaryAt(1);
    const RequestSummary third = model->summaryAt(2);

    selectRow(0);
    QTRY_COMPARE(editor->requestId(), first.id);
    auto *title = child<QLineEdit>("titleEdit");
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" (edited)"));
    QVERIFY(editor->isModified());

    // Cancel: the edits stay and so does the selection.
    {
        ModalHandler cancel(QStringLiteral("unsavedChangesBox"),
                            [](QWidget *box) { clickMessageBoxButton(box, QMessageBox::Cancel); });
        selectRow(1);
        QTRY_VERIFY(cancel.handled());
        QTRY_COMPARE(m_window->listPanel()->currentRequestId(), first.id);
        QCOMPARE(editor->requestId(), first.id);
        QVERIFY(editor->isModified());
        QCOMPARE(title->text(), first.title + QStringLiteral(" (edited)"));
    }

    // Discard: the other request opens and the stored one is as it was.
    {
        ModalHandler discard(QStringLiteral("unsavedChangesBox"), [](QWidget *box) {
            clickMessageBoxButton(box, QMessageBox::Discard);
        });
        selectRow(1);
        QTRY_VERIFY(discard.handled());
        QTRY_COMPARE(editor->requestId(), second.id);
        QVERIFY(!editor->isModified());
        QCOMPARE(m_window->store()->loadRequest(first.id)->title, first.title);
    }

    // Save: the edits reach the store before the next request opens.
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" (saved)"));
    {
        ModalHandler save(QStringLiteral("unsavedChangesBox"),
                          [](QWidget *box) { clickMessageBoxButton(box, QMessageBox::Save); });
        selectRow(model->rowOfId(third.id));
        QTRY_VERIFY(save.handled());
        QTRY_COMPARE(editor->requestId(), third.id);
        QCOMPARE(m_window->store()->loadRequest(second.id)->title,
                 second.title + QStringLiteral(" (saved)"));
    }
}

void TestMainWindow::closingWithUnsavedChanges_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("stored");

    QTest::newRow("cancel") << int(QMessageBox::Cancel) << false << false;
    QTest::newRow("discard") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("save") << int(QMessageBox::Save) << true << true;
}

void TestMainWindow::closingWithUnsavedChanges()
{
    QFETCH(int, answer);
    QFETCH(bool, closes);
    QFETCH(bool, stored);

    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store
                    ->createRequest(
                        sampleRequest(QStringLiteral("CLOSE-1"), QStringLiteral("Grass cutting")))
                    .ok());
    }
    openWindow();
    selectRow(0);
    QTRY_VERIFY(m_window->editor()->hasRequest());
    auto *title = child<QLineEdit>("titleEdit");
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" schedule"));
    QVERIFY(m_window->editor()->isModified());

    ModalHandler handler(QStringLiteral("unsavedChangesBox"), [answer](QWidget *box) {
        clickMessageBoxButton(box, QMessageBox::StandardButton(answer));
    });
    const bool closed = m_window->close();
    QVERIFY(handler.handled());
    QCOMPARE(closed, closes);
    QCOMPARE(m_window->isVisible(), !closes);
    if (!closes) {
        QVERIFY(m_window->editor()->isModified());
        QCOMPARE(title->text(), QStringLiteral("Grass cutting schedule"));
    }
    const auto request = m_window->store()->loadRequestByReference(QStringLiteral("CLOSE-1"));
    QVERIFY(request.ok());
    QCOMPARE(request->title,
             stored ? QStringLiteral("Grass cutting schedule") : QStringLiteral("Grass cutting"));
}

void TestMainWindow::layoutIsRemembered()
{
    openWindow();
    m_window->resize(1010, 640);
    auto *splitter = child<QSplitter>("mainSplitter");
    const QList<int> before = splitter->sizes();
    // Move the handle by 100 pixels, as a drag would.
    splitter->setSizes({before.at(0) + 100, before.at(1) - 100});
    QTRY_VERIFY(splitter->sizes() != before);
    const QList<int> sizes = splitter->sizes();
    m_window->listPanel()->view()->setColumnWidth(RequestListModel::ReferenceColumn, 123);
    m_window->listPanel()->view()->sortByColumn(RequestListModel::ReferenceColumn,
                                                Qt::AscendingOrder);
    closeWindow();

    // A second window over the same settings file comes back as the first was left.
    openWindow();
    QCOMPARE(m_window->size(), QSize(1010, 640));
    QCOMPARE(child<QSplitter>("mainSplitter")->sizes(), sizes);
    QCOMPARE(m_window->listPanel()->view()->columnWidth(RequestListModel::ReferenceColumn), 123);
    QCOMPARE(m_window->listModel()->sortColumn(), int(RequestListModel::ReferenceColumn));
    QCOMPARE(m_window->listModel()->sortOrder(), Qt::AscendingOrder);
}

void TestMainWindow::narrowListKeepsTheColumnsThatMatter()
{
    openWindow();
    importExamples();
    auto *splitter = child<QSplitter>("mainSplitter");
    QTableView *view = m_window->listPanel()->view();
    const auto shown = [view](int column) { return !view->isColumnHidden(column); };
    m_window->resize(1900, 1000);
    splitter->setSizes({950, 950});
    QTRY_VERIFY(shown(RequestListModel::ReceivedColumn));
    const int receivedWidth = view->columnWidth(RequestListModel::ReceivedColumn);
    QVERIFY(receivedWidth > 0);

    // A laptop with the letter preview open: the list is about 330 pixels wide.
    m_window->resize(1360, 700);
    splitter->setSizes({330, 1030});
    QTRY_VERIFY(!shown(RequestListModel::ReceivedColumn));
    QVERIFY(!shown(RequestListModel::OfficerColumn));
    for (const int column : {RequestListModel::ReferenceColumn,
                             RequestListModel::TitleColumn,
                             RequestListModel::DueColumn,
                             RequestListModel::StatusColumn})
        QVERIFY2(shown(column), qPrintable(QString::number(column)));
    // Every column left in view fits: no scrolling sideways to find the status.
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    QVERIFY(view->columnWidth(RequestListModel::TitleColumn) > 0);
    // The width the user gave the hidden column is still what is remembered.
    QCOMPARE(m_window->listPanel()->columnWidths().at(RequestListModel::ReceivedColumn),
             receivedWidth);

    // Given room again, the columns come back at their own widths.
    splitter->setSizes({900, 460});
    QTRY_VERIFY(shown(RequestListModel::ReceivedColumn));
    QVERIFY(shown(RequestListModel::OfficerColumn));
    QCOMPARE(view->columnWidth(RequestListModel::ReceivedColumn), receivedWidth);
}

void TestMainWindow::backUpNowWritesToTheBackupFolder()
{
    openWindow();
    importExamples();
    ModalHandler done(QStringLiteral("backupDoneBox"),
                      [](QWidget *box) { clickMessageBoxButton(box, QMessageBox::Ok); });
    action("backupAction")->trigger();
    QVERIFY(done.handled());

    const QStringList files =
        QDir(backupPath()).entryList({QStringLiteral("*.sqlite")}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Backed up to ")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(files.first()));

    // The backup is a readable log holding what was backed up.
    auto backup = Store::open(QDir(backupPath()).filePath(files.first()));
    QVERIFY2(backup.ok(), qPrintable(backup.errorMessage()));
    QCOMPARE(*backup.value()->countRequests(RequestQuery()), m_window->listModel()->totalCount());
}

void TestMainWindow::restoreBringsBackTheBackup()
{
    openWindow();
    const int all = importExamples();
    QString backup;
    {
        ModalHandler done(QStringLiteral("backupDoneBox"),
                          [](QWidget *box) { clickMessageBoxButton(box, QMessageBox::Ok); });
        backup = m_window->backUpNow();
    }
    QVERIFY(!backup.isEmpty());

    const RequestSummary gone = m_window->listModel()->summaryAt(0);
    QVERIFY(m_window->store()->deleteRequest(gone.id, gone.revision).ok());
    QTRY_COMPARE(m_window->listModel()->totalCount(), all - 1);

    ModalHandler restored(QString(),
                          [](QWidget *box) { clickMessageBoxButton(box, QMessageBox::Ok); });
    QVERIFY(m_window->restoreFromBackup(backup));
    QVERIFY(restored.handled());
    QCOMPARE(m_window->listModel()->totalCount(), all);
    QVERIFY(m_window->listModel()->rowOfId(gone.id) >= 0
            || all > RequestListModel::DefaultPageSize);
    // The editor works on the reopened log.
    QCOMPARE(m_window->editor()->isModified(), false);
    selectRow(0);
    QTRY_VERIFY(m_window->editor()->hasRequest());

    // The log as it was before the restore is kept beside it.
    const QStringList kept =
        QDir(m_dir->path()).entryList({QStringLiteral("*before-restore*")}, QDir::Files);
    QVERIFY2(!kept.isEmpty(), qPrintable(QDir(m_dir->path()).entryList().join(u' ')));
}

void TestMainWindow::importFilesAsksBeforeReplacing()
{
    const QString first = m_dir->filePath(QStringLiteral("first.json"));
    const QString second = m_dir->filePath(QStringLiteral("second.json"));
    const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
    QVERIFY(RequestJson::writeFile(sampleRequest(QStringLiteral("IMP-1"), QStringLiteral("Bins")),
                                   first)
                .ok());
    QVERIFY(RequestJson::writeFile(sampleRequest(QStringLiteral("IMP-2"), QStringLiteral("Roads")),
                                   second)
                .ok());
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"foidesk.request/1\", \"reference\": ");
    }

    openWindow();
    {
        ModalHandler results(QStringLiteral("importResultsDialog"),
                             [](QWidget *dialog) { static_cast<QDialog *>(dialog)->accept(); });
        m_window->importFiles({first, second, broken});
        QVERIFY(results.handled());
    }
    QCOMPARE(m_window->listModel()->totalCount(), 2);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Imported 2")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // The same file again, changed: the user is asked and chooses Replace.
    QVERIFY(RequestJson::writeFile(
                sampleRequest(QStringLiteral("IMP-1"), QStringLiteral("Bin collections")), first)
                .ok());
    bool asked = false;
    ModalHandler replace(QStringLiteral("replaceRequestBox"), [&asked](QWidget *box) {
        asked = true;
        auto *button = box->findChild<QPushButton *>(QStringLiteral("replaceButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    });
    ModalHandler results(QStringLiteral("importResultsDialog"),
                         [](QWidget *dialog) { static_cast<QDialog *>(dialog)->accept(); });
    m_window->importFiles({first});
    QVERIFY(asked);
    QVERIFY(results.handled());
    QCOMPARE(m_window->store()->loadRequestByReference(QStringLiteral("IMP-1"))->title,
             QStringLiteral("Bin collections"));
    QCOMPARE(m_window->listModel()->totalCount(), 2);
}

void TestMainWindow::deleteRequestAsksFirst()
{
    openWindow();
    const int all = importExamples();
    selectRow(0);
    const qint64 id = m_window->listModel()->idAt(0);
    QTRY_COMPARE(m_window->editor()->requestId(), id);

    {
        ModalHandler cancel(QStringLiteral("deleteRequestBox"),
                            [](QWidget *box) { clickMessageBoxButton(box, QMessageBox::Cancel); });
        action("deleteRequestAction")->trigger();
        QVERIFY(cancel.handled());
        QCOMPARE(m_window->listModel()->totalCount(), all);
    }
    ModalHandler confirm(QStringLiteral("deleteRequestBox"), [](QWidget *box) {
        auto *messageBox = qobject_cast<QMessageBox *>(box);
        QVERIFY(messageBox);
        for (QAbstractButton *button : messageBox->buttons()) {
            if (messageBox->buttonRole(button) == QMessageBox::DestructiveRole)
                QTest::mouseClick(button, Qt::LeftButton);
        }
    });
    action("deleteRequestAction")->trigger();
    QVERIFY(confirm.handled());
    QCOMPARE(m_window->listModel()->totalCount(), all - 1);
    QVERIFY(!m_window->editor()->hasRequest());
    QCOMPARE(m_window->store()->loadRequest(id).errorKind(), ErrorKind::NotFound);
}

void TestMainWindow::staffRegisterSavesMembers()
{
    openWindow();
    ModalHandler dialog(QStringLiteral("staffRegisterDialog"), [](QWidget *widget) {
        QTest::keyClicks(widget->findChild<QLineEdit *>(QStringLiteral("staffNameEdit")),
                         QStringLiteral("Priya Shah"));
        QTest::keyClicks(widget->findChild<QLineEdit *>(QStringLiteral("staffJobTitleEdit")),
                         QStringLiteral("Information Governance Manager"));
        widget->findChild<QCheckBox *>(QStringLiteral("staffSeniorCheck"))->setChecked(true);
        QTest::mouseClick(widget->findChild<QPushButton *>(QStringLiteral("staffSaveButton")),
                          Qt::LeftButton);
        auto *table = widget->findChild<QTableWidget *>(QStringLiteral("staffTable"));
        QCOMPARE(table->rowCount(), 1);
        // Every column is in view at the dialog's own size, the role included.
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        const QHeaderView *header = table->horizontalHeader();
        const int last = header->count() - 1;
        QVERIFY2(header->sectionViewportPosition(last) + header->sectionSize(last)
                     <= table->viewport()->width(),
                 "the Role column is cut off");
        static_cast<QDialog *>(widget)->reject();
    });
    action("staffRegisterAction")->trigger();
    QVERIFY(dialog.handled());

    const auto staff = m_window->store()->staff();
    QVERIFY(staff.ok());
    QCOMPARE(staff->size(), 1);
    QCOMPARE(staff->first().name, QStringLiteral("Priya Shah"));
    QCOMPARE(staff->first().jobTitle, QStringLiteral("Information Governance Manager"));
    QVERIFY(staff->first().senior);
}

void TestMainWindow::longListLoadsLazily()
{
    constexpr int Count = 1000;
    {
        auto store = openStore();
        QVERIFY(store);
        for (int i = 0; i < Count; ++i) {
            const auto created = store->importRequest(
                sampleRequest(QStringLiteral("L%1").arg(i, 4, 10, QLatin1Char('0')),
                              QStringLiteral("Request number %1").arg(i)),
                false);
            QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        }
    }
    openWindow();
    RequestListModel *model = m_window->listModel();
    QCOMPARE(model->totalCount(), Count);
    QCOMPARE(model->rowCount(), RequestListModel::DefaultPageSize);

    // Scrolling to the end asks for the next page, and so on to the last row.
    QTableView *view = m_window->listPanel()->view();
    QScrollBar *scrollBar = view->verticalScrollBar();
    for (int pages = 1; model->rowCount() < Count && pages <= Count; ++pages) {
        const int loaded = model->rowCount();
        QTRY_VERIFY(scrollBar->maximum() > scrollBar->value()); // laid out for the new rows
        scrollBar->setValue(scrollBar->maximum());
        QTRY_VERIFY(model->rowCount() > loaded);
    }
    QCOMPARE(model->rowCount(), Count);
}

void TestMainWindow::dueColoursReadOnLightAndDark()
{
    using DS = RequestListModel::DueState;
    const QColor light(Qt::white);
    const QColor dark(0x20, 0x20, 0x20);
    for (DS state : {DS::Overdue, DS::DueSoon}) {
        const QColor onLight = RequestListDelegate::dueStateColor(int(state), light);
        const QColor onDark = RequestListDelegate::dueStateColor(int(state), dark);
        QVERIFY(onLight.isValid() && onDark.isValid());
        QVERIFY(onLight.lightnessF() < 0.45); // dark text on a light list
        QVERIFY(onDark.lightnessF() > 0.55);  // light text on a dark list
    }
    // Overdue and due soon are told apart by hue, not only by shade.
    QVERIFY(RequestListDelegate::dueStateColor(int(DS::Overdue), light).hue()
            != RequestListDelegate::dueStateColor(int(DS::DueSoon), light).hue());
    QVERIFY(!RequestListDelegate::dueStateColor(int(DS::Fine), light).isValid());
    QVERIFY(!RequestListDelegate::dueStateColor(int(DS::None), dark).isValid());
}

void TestMainWindow::supervisorViewIsInTheViewMenuAndNeverRemembered()
{
    openWindow();
    QAction *show = action("showWithheldAction");
    QVERIFY(show);
    QVERIFY(show->isCheckable());
    QVERIFY(!show->isChecked());
    auto *view = child<QMenu>("viewMenu");
    QVERIFY(view && view->actions().contains(show));

    m_window->editor()->newRequest();
    QAction *exportPdf = action("exportPdfAction");
    QVERIFY(exportPdf->isEnabled());
    show->trigger();
    QVERIFY(show->isChecked());
    QVERIFY(!exportPdf->isEnabled());
    QVERIFY(!action("printAction")->isEnabled());
    QVERIFY(!action("printPreviewAction")->isEnabled());

    // A new session starts with the letter as it will be sent.
    m_window->editor()->clear();
    closeWindow();
    openWindow();
    QVERIFY(!action("showWithheldAction")->isChecked());
}

void TestMainWindow::staffRegisterOffersThePolicyGrades()
{
    openWindow();
    const auto profile = m_window->store()->profile();
    QVERIFY(profile.ok());
    QVERIFY(profile->grades.contains(QStringLiteral("Officer")));
    QStringList offered;
    ModalHandler dialog(QStringLiteral("staffRegisterDialog"), [&offered](QWidget *widget) {
        auto *grade = widget->findChild<QComboBox *>(QStringLiteral("staffGradeEdit"));
        QVERIFY(grade && grade->isEditable());
        for (int i = 0; i < grade->count(); ++i)
            offered.append(grade->itemText(i));
        QTest::keyClicks(widget->findChild<QLineEdit *>(QStringLiteral("staffNameEdit")),
                         QStringLiteral("Tomasz Nowak"));
        grade->setCurrentIndex(grade->findText(QStringLiteral("Officer")));
        QTest::mouseClick(widget->findChild<QPushButton *>(QStringLiteral("staffSaveButton")),
                          Qt::LeftButton);
        static_cast<QDialog *>(widget)->reject();
    });
    action("staffRegisterAction")->trigger();
    QVERIFY(dialog.handled());
    QCOMPARE(offered, profile->grades);
    const auto staff = m_window->store()->staff();
    QVERIFY(staff.ok());
    QCOMPARE(staff->size(), 1);
    QCOMPARE(staff->first().grade, QStringLiteral("Officer"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
