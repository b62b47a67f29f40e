// The request list's saved views and its days-left column, driven through the main window:
// a small log whose dates sit clearly either side of the deadlines, with "today" fixed.

#include "MainWindow.h"
#include "calendar/Deadlines.h"
#include "listing/RequestListModel.h"
#include "listing/SavedView.h"
#include "requestlist/RequestListPanel.h"
#include "review/ReviewActions.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using foidesk::test::RequestBuilder;

namespace {

// A Wednesday; the spring bank holiday (26 May 2025) falls in the weeks before it.
const QDate Today(2025, 6, 4);

} // namespace

class TestSavedViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void eachViewListsItsRequests();
    void countsFollowSavesAndDeletions();
    void awaitingMyReviewFollowsTheCurrentUser();
    void chosenViewIsRemembered();
    void daysLeftSortsByWorkingDays();
    // Pictures of the window at a laptop's and a desktop's size, for a person to look at;
    // written only when FOIDESK_SHOTS_DIR names a folder.
    void screenshots();

private:
    QString logPath() const { return m_dir->filePath(QStringLiteral("log.sqlite")); }
    void makeLog();
    void openWindow();
    void closeWindow();
    void becomeUser(const QString &login);
    void chooseView(SavedView view);
    QSet<QString> listed() const;
    QString viewText(SavedView view) const;
    QComboBox *combo() const { return m_window->listPanel()->savedViewCombo(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestSavedViews::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setBackupFolder(m_dir->filePath(QStringLiteral("backups")));
    makeLog();
}

void TestSavedViews::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestSavedViews::makeLog()
{
    auto opened = Store::open(logPath());
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    Store &store = **opened;

    StaffMember sue;
    sue.name = QStringLiteral("Sue Smith");
    sue.role = StaffRole::Supervisor;
    sue.login = QStringLiteral("sue");
    StaffMember sam;
    sam.name = QStringLiteral("Sam Patel");
    sam.role = StaffRole::Both;
    sam.login = QStringLiteral("sam");
    StaffMember olly;
    olly.name = QStringLiteral("Olly Owen");
    olly.role = StaffRole::Officer;
    olly.login = QStringLiteral("olly");
    for (const StaffMember &member : {sue, sam, olly})
        QVERIFY(store.saveStaffMember(member));

    struct Row
    {
        const char *reference;
        QDate received;
        RequestStatus status;
        const char *officer;
        const char *firstApproval;
        int daysLeft; // on Today; 999 for a closed request
    };
    const Row rows[] = {
        {"FOI-A", QDate(2025, 4, 1), RequestStatus::InProgress, "Olly Owen", "", -22},
        {"FOI-B", QDate(2025, 5, 6), RequestStatus::InProgress, "olly", "", 0},
        {"FOI-C", QDate(2025, 5, 8), RequestStatus::ClarificationSought, "Sue Smith", "", 2},
        {"FOI-D", QDate(2025, 5, 28), RequestStatus::New, "", "", 15},
        {"FOI-E", QDate(2025, 4, 10), RequestStatus::Closed, "Olly Owen", "", 999},
        {"FOI-F", QDate(2025, 5, 20), RequestStatus::AwaitingReview, "Olly Owen", "", 10},
        {"FOI-G", QDate(2025, 5, 21), RequestStatus::AwaitingReview, "Olly Owen", "sue", 11},
        {"FOI-I", QDate(2025, 5, 13), RequestStatus::InProgress, "", "", 5},
        {"FOI-J", QDate(2025, 5, 14), RequestStatus::InProgress, "", "", 6},
    };
    const Deadlines deadlines;
    for (const Row &row : rows) {
        Request request = RequestBuilder(QString::fromLatin1(row.reference), row.received)
                              .officer(QString::fromLatin1(row.officer))
                              .build();
        request.status = row.status;
        request.firstApprovalBy = QString::fromLatin1(row.firstApproval);
        const auto created = store.createRequest(request);
        QVERIFY2(created, qPrintable(created.errorMessage()));
        QCOMPARE(created->status, row.status);
        QCOMPARE(created->firstApprovalBy, QString::fromLatin1(row.firstApproval));
        // The dates are what the views are tested against: check them with the calendar.
        if (row.daysLeft != 999) {
            const auto due = deadlines.dueDate(row.received, Regime::FOIA);
            QVERIFY(due);
            const auto left = deadlines.workingDaysLeft(Today, *due, Regime::FOIA);
            QVERIFY(left);
            QCOMPARE(*left, row.daysLeft);
        }
    }
}

void TestSavedViews::openWindow()
{
    auto opened = Store::open(logPath());
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    m_window = std::make_unique<MainWindow>(std::move(opened).value(), m_settings.get());
    m_window->listModel()->setToday(Today);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestSavedViews::closeWindow()
{
    QVERIFY(m_window->close());
    m_window.reset();
}

void TestSavedViews::becomeUser(const QString &login)
{
    m_window->store()->setCurrentUser(login);
    // What Review > Switch User says once the user has chosen.
    Q_EMIT m_window->reviewActions()->userChanged(login);
}

void TestSavedViews::chooseView(SavedView view)
{
    const int row = combo()->findData(static_cast<int>(view));
    QVERIFY(row >= 0);
    combo()->setFocus();
    // As the keyboard does it: move to the row above (or below), then onto the view.
    combo()->setCurrentIndex(row == 0 ? 1 : row - 1);
    QTest::keyClick(combo(), row == 0 ? Qt::Key_Up : Qt::Key_Down);
    QCOMPARE(combo()->currentIndex(), row);
    QCOMPARE(m_window->listModel()->savedView(), view);
}

QSet<QString> TestSavedViews::listed() const
{
    RequestListModel *model = m_window->listModel();
    while (model->canFetchMore({}))
        model->fetchMore({});
    QSet<QString> references;
    for (int row = 0; row < model->rowCount(); ++row)
        references.insert(model->summaryAt(row).reference);
    return references;
}

QString TestSavedViews::viewText(SavedView view) const
{
    return combo()->itemText(combo()->findData(static_cast<int>(view)));
}

namespace {

using References = QSet<QString>;

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromLatin1(item));
    return list;
}

References refs(std::initializer_list<const char *> items = {})
{
    const QStringList list = texts(items);
    return References(list.cbegin(), list.cend());
}

} // namespace

void TestSavedViews::eachViewListsItsRequests()
{
    openWindow();
    becomeUser(QStringLiteral("olly"));

    chooseView(SavedView::All);
    QCOMPARE(listed().size(), 9);
    QCOMPARE(viewText(SavedView::All), QStringLiteral("All requests (9)"));

    chooseView(SavedView::Mine); // by register name or by login
    QCOMPARE(listed(), refs({"FOI-A", "FOI-B", "FOI-E", "FOI-F", "FOI-G"}));
    QCOMPARE(viewText(SavedView::Mine), QStringLiteral("My requests (5)"));

    chooseView(SavedView::Overdue); // the closed FOI-E is past its date but not overdue
    QCOMPARE(listed(), refs({"FOI-A"}));
    QCOMPARE(viewText(SavedView::Overdue), QStringLiteral("Overdue (1)"));

    chooseView(SavedView::DueSoon); // 0, 2 and 5 working days left; 6 is not soon
    QCOMPARE(listed(), refs({"FOI-B", "FOI-C", "FOI-I"}));
    QCOMPARE(viewText(SavedView::DueSoon), QStringLiteral("Due within 5 working days (3)"));

    chooseView(SavedView::ClarificationSought);
    QCOMPARE(listed(), refs({"FOI-C"}));

    // The view and the text filter together.
    chooseView(SavedView::Mine);
    m_window->listPanel()->filterEdit()->setText(QStringLiteral("FOI-B"));
    QTest::keyClick(m_window->listPanel()->filterEdit(), Qt::Key_Return);
    QCOMPARE(listed(), refs({"FOI-B"}));
    // The counts are of the views themselves, whatever the filter.
    QCOMPARE(viewText(SavedView::Mine), QStringLiteral("My requests (5)"));

    // The due-soon days come from the settings.
    m_settings->setDueSoonWorkingDays(2);
    m_window->listPanel()->filterEdit()->clear();
    QTest::keyClick(m_window->listPanel()->filterEdit(), Qt::Key_Return);
    chooseView(SavedView::DueSoon);
    QCOMPARE(listed(), refs({"FOI-B", "FOI-C"}));
    QCOMPARE(viewText(SavedView::DueSoon), QStringLiteral("Due within 2 working days (2)"));
}

void TestSavedViews::countsFollowSavesAndDeletions()
{
    openWindow();
    becomeUser(QStringLiteral("sue"));
    chooseView(SavedView::Mine);
    QCOMPARE(listed(), refs({"FOI-C"}));
    QCOMPARE(viewText(SavedView::Overdue), QStringLiteral("Overdue (1)"));

    Store *store = m_window->store();
    auto d = store->loadRequestByReference(QStringLiteral("FOI-D"));
    QVERIFY(d);
    d->officer = QStringLiteral("Sue Smith");
    QVERIFY(store->saveRequest(*d));
    QTRY_COMPARE(viewText(SavedView::Mine), QStringLiteral("My requests (2)"));
    QCOMPARE(listed(), refs({"FOI-C", "FOI-D"}));

    const auto late =
        store->createRequest(RequestBuilder(QStringLiteral("FOI-K"), QDate(2025, 3, 3)).build());
    QVERIFY(late);
    QTRY_COMPARE(viewText(SavedView::Overdue), QStringLiteral("Overdue (2)"));
    QCOMPARE(viewText(SavedView::All), QStringLiteral("All requests (10)"));

    QVERIFY(store->deleteRequest(late->id, late->revision));
    QTRY_COMPARE(viewText(SavedView::Overdue), QStringLiteral("Overdue (1)"));
}

void TestSavedViews::awaitingMyReviewFollowsTheCurrentUser()
{
    openWindow();
    auto *list = qobject_cast<QListView *>(combo()->view());
    QVERIFY(list);
    const int reviewRow = combo()->findData(static_cast<int>(SavedView::AwaitingMyReview));

    becomeUser(QStringLiteral("sue"));
    QVERIFY(!list->isRowHidden(reviewRow));
    chooseView(SavedView::AwaitingMyReview);
    // FOI-G holds Sue's first approval: the second must come from someone else.
    QCOMPARE(listed(), refs({"FOI-F"}));
    QCOMPARE(viewText(SavedView::AwaitingMyReview), QStringLiteral("Awaiting my review (1)"));

    becomeUser(QStringLiteral("sam"));
    QCOMPARE(listed(), refs({"FOI-F", "FOI-G"}));
    QCOMPARE(viewText(SavedView::AwaitingMyReview), QStringLiteral("Awaiting my review (2)"));

    // An officer reviews nothing; the view stays chosen (and empty) but is offered no more.
    becomeUser(QStringLiteral("olly"));
    QCOMPARE(listed(), refs());
    chooseView(SavedView::All);
    QVERIFY(list->isRowHidden(reviewRow));
}

void TestSavedViews::chosenViewIsRemembered()
{
    openWindow();
    chooseView(SavedView::Overdue);
    closeWindow();
    QCOMPARE(m_settings->listSavedView(), QStringLiteral("overdue"));

    openWindow(); // today is fixed again after the window restored the view
    QCOMPARE(m_window->listModel()->savedView(), SavedView::Overdue);
    QCOMPARE(combo()->currentData().toInt(), int(SavedView::Overdue));
    QCOMPARE(listed(), refs({"FOI-A"}));
}

void TestSavedViews::daysLeftSortsByWorkingDays()
{
    openWindow();
    QTableView *view = m_window->listPanel()->view();
    QHeaderView *header = view->horizontalHeader();
    // A narrow list gives the days left up after the received date and the officer; a wide
    // one shows them.
    m_window->resize(1900, 1000);
    m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->setSizes({950, 950});
    QTRY_VERIFY(!view->isColumnHidden(RequestListModel::DaysLeftColumn));
    // Beside the due date.
    QCOMPARE(header->visualIndex(RequestListModel::DaysLeftColumn),
             header->visualIndex(RequestListModel::DueColumn) + 1);

    const int x = header->sectionViewportPosition(RequestListModel::DaysLeftColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    RequestListModel *model = m_window->listModel();
    QCOMPARE(model->sortColumn(), int(RequestListModel::DaysLeftColumn));
    if (model->sortOrder() != Qt::AscendingOrder)
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QCOMPARE(model->sortOrder(), Qt::AscendingOrder);

    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown.append(model->index(row, RequestListModel::DaysLeftColumn).data().toString());
    QCOMPARE(shown, texts({"-22", "0", "2", "5", "6", "10", "11", "15", ""}));
    QCOMPARE(model->summaryAt(model->rowCount() - 1).reference, QStringLiteral("FOI-E"));
}

void TestSavedViews::screenshots()
{
    const QString folder = qEnvironmentVariable("FOIDESK_SHOTS_DIR");
    if (folder.isEmpty())
        QSKIP("FOIDESK_SHOTS_DIR is not set");
    openWindow();
    becomeUser(QStringLiteral("sam"));
    chooseView(SavedView::DueSoon);
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        m_window->showNormal();
        m_window->resize(size);
        QTest::qWait(200);
        const QString name = QStringLiteral("%1/savedviews-%2x%3.png")
                                 .arg(folder)
                                 .arg(size.width())
                                 .arg(size.height());
        QVERIFY(m_window->grab().save(name));
        if (size.width() == 1366) {
            // The list at its usual width on a laptop, with the letter preview open.
            auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            const int total = splitter->sizes().at(0) + splitter->sizes().at(1);
            splitter->setSizes({430, total - 430});
            QTest::qWait(200);
            QVERIFY(m_window->grab().save(
                QStringLiteral("%1/savedviews-1366-list430.png").arg(folder)));
        }
        combo()->showPopup();
        QTest::qWait(200);
        QVERIFY(combo()->view()->window()->grab().save(
            QStringLiteral("%1/savedviews-popup-%2.png").arg(folder).arg(size.width())));
        combo()->hidePopup();
    }
}

QTEST_MAIN(TestSavedViews)
#include "tst_savedviews.moc"
