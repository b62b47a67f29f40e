// View > Dashboard on the main window: the figures it shows for a small log counted by hand,
// its refresh when the log changes, the empty state and the CSV export.
//
// "Today" is Friday 20 November 2026. The log (FOIA, bank holidays of England and Wales; none
// between September and November 2026 apart from the Summer bank holiday on Monday 31 August):
//  U-01 received Thu 1 Oct 2026, due Thu 29 Oct (Fri 2 Oct (1), 5-9 (2-6), 12-16 (7-11), 19-23
//       (12-16), 26-29 (17-20)); sent 29 Oct: in time, in October. Officer Alice Jones.
//  U-02 received Tue 1 Sep 2026, due Tue 29 Sep (2-4 Sep (1-3), 7-11 (4-8), 14-18 (9-13), 21-25
//       (14-18), 28 (19), 29 (20)); sent Wed 30 Sep: one day late, in September. Bob Smith.
//       An internal review asked for on Mon 5 Oct overturned the decision on Mon 26 Oct.
//  U-03 received Mon 2 Nov 2026, in progress: open, Alice Jones.
//  U-04 received Wed 18 Nov 2026, new, no officer: open.
//  U-05 received Mon 7 Sep 2026, awaiting review: open, Bob Smith. Due Mon 5 Oct (8-11 Sep
//       (1-4), 14-18 (5-9), 21-25 (10-14), 28 Sep - 2 Oct (15-19), 5 Oct (20)): overdue, the
//       only one (U-03 is due Mon 30 Nov).

#include "MainWindow.h"
#include "dashboard/DashboardWindow.h"
#include "listing/RequestListModel.h"
#include "requestlist/RequestListPanel.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/Translations.h"
#include "support/ModalBoxes.h"
#include "support/RequestBuilder.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace foidesk;
using namespace foidesk::test;
using namespace Qt::StringLiterals;

namespace {

const QDate Today(2026, 11, 20);

Request request(const QString &reference,
                const QDate &received,
                RequestStatus status,
                const QString &officer,
                const QDate &sent = QDate())
{
    Request result = RequestBuilder(reference, received)
                         .title(u"Figures "_s + reference)
                         .officer(officer)
                         .build();
    result.status = status;
    result.responseSent = sent;
    return result;
}

Request reviewed(Request r)
{
    ClockEvent overturned{ClockEventKind::InternalReviewOutcome, QDate(2026, 10, 26), {}, {}};
    overturned.reviewResult = ReviewResult::Overturned;
    r.clockEvents = {
        ClockEvent{ClockEventKind::InternalReviewRequested, QDate(2026, 10, 5), {}, {}},
        overturned};
    return r;
}

QList<Request> theLog()
{
    return {
        request(u"U-01"_s,
                QDate(2026, 10, 1),
                RequestStatus::Sent,
                u"Alice Jones"_s,
                QDate(2026, 10, 29)),
        reviewed(request(
            u"U-02"_s, QDate(2026, 9, 1), RequestStatus::Sent, u"Bob Smith"_s, QDate(2026, 9, 30))),
        request(u"U-03"_s, QDate(2026, 11, 2), RequestStatus::InProgress, u"Alice Jones"_s),
        request(u"U-04"_s, QDate(2026, 11, 18), RequestStatus::New, QString()),
        request(u"U-05"_s, QDate(2026, 9, 7), RequestStatus::AwaitingReview, u"Bob Smith"_s),
    };
}

QString cell(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

// The row whose first column reads label, or -1.
int rowOf(QTableWidget *table, const QString &label)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (cell(table, row, 0) == label)
            return row;
    }
    return -1;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    QString logPath() const { return m_dir->filePath(u"dashboard.sqlite"_s); }

    void openWindow(const QList<Request> &log)
    {
        auto opened = Store::open(logPath());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        std::unique_ptr<Store> store = std::move(opened).value();
        for (const Request &entry : log)
            QVERIFY2(store->createRequest(entry).ok(), qPrintable(entry.reference));
        m_window = std::make_unique<MainWindow>(std::move(store), m_settings.get());
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // Opens the dashboard the way a user does: View > Dashboard.
    DashboardWindow *openDashboard()
    {
        auto *view = m_window->menuBar()->findChild<QMenu *>(u"viewMenu"_s);
        if (!view)
            return nullptr;
        QAction *action = nullptr;
        for (QAction *candidate : view->actions()) {
            if (candidate->objectName() == u"dashboardAction"_s)
                action = candidate;
        }
        if (!action || action->shortcut() != QKeySequence(u"Ctrl+Shift+D"_s))
            return nullptr;
        action->trigger();
        DashboardWindow *dashboard = m_window->dashboard();
        if (!dashboard || !dashboard->isVisible())
            return nullptr;
        // The list counts overdue against the same day.
        m_window->listModel()->setToday(Today);
        dashboard->setToday(Today);
        return dashboard;
    }

private Q_SLOTS:
    void initTestCase() { installAppTranslations(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
        m_settings->setBackupFolder(m_dir->filePath(u"backups"_s));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void showsTheFigures()
    {
        openWindow(theLog());
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        QVERIFY(!dashboard->isModal());

        auto *stack = dashboard->findChild<QStackedWidget *>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), u"dashboardTabs"_s);

        // Open: U-03, U-04, U-05 of the five.
        auto *summary = dashboard->findChild<QLabel *>(u"openSummary"_s);
        QVERIFY(summary);
        QCOMPARE(summary->text(), u"3 open requests of 5 in the log."_s);

        auto *statuses = dashboard->findChild<QTableWidget *>(u"statusTable"_s);
        QVERIFY(statuses);
        QCOMPARE(cell(statuses, rowOf(statuses, u"New"_s), 1), u"1"_s);         // U-04
        QCOMPARE(cell(statuses, rowOf(statuses, u"In progress"_s), 1), u"1"_s); // U-03
        QCOMPARE(cell(statuses, rowOf(statuses, u"Awaiting review"_s), 1), u"1"_s); // U-05
        QCOMPARE(cell(statuses, rowOf(statuses, u"Approved"_s), 1), u"0"_s);

        auto *officers = dashboard->findChild<QTableWidget *>(u"officerTable"_s);
        QVERIFY(officers);
        QCOMPARE(officers->rowCount(), 3);
        QCOMPARE(cell(officers, 0, 0), u"Alice Jones"_s); // U-03
        QCOMPARE(cell(officers, 0, 1), u"1"_s);
        QCOMPARE(cell(officers, 1, 0), u"Bob Smith"_s); // U-05
        QCOMPARE(cell(officers, 1, 1), u"1"_s);
        QCOMPARE(cell(officers, 2, 0), u"(no officer)"_s); // U-04
        QCOMPARE(cell(officers, 2, 1), u"1"_s);

        // The charts carry the same numbers for a screen reader.
        auto *statusChart = dashboard->findChild<QChartView *>(u"statusChart"_s);
        QVERIFY(statusChart);
        QVERIFY(!statusChart->accessibleName().isEmpty());
        QVERIFY2(statusChart->accessibleDescription().contains(u"In progress: 1"_s),
                 qPrintable(statusChart->accessibleDescription()));

        // Answered: U-02 in September (late), U-01 in October (in time).
        auto *months = dashboard->findChild<QTableWidget *>(u"monthTable"_s);
        QVERIFY(months);
        QCOMPARE(months->rowCount(), 12);
        QCOMPARE(cell(months, 0, 0), QLocale().toString(QDate(2025, 12, 1), u"MMM yyyy"_s));
        const int september = rowOf(months, QLocale().toString(QDate(2026, 9, 1), u"MMM yyyy"_s));
        QCOMPARE(september, 9);
        QCOMPARE(cell(months, september, 1), u"1"_s); // answered
        QCOMPARE(cell(months, september, 2), u"0"_s); // in time
        QCOMPARE(cell(months, september, 3), u"1"_s); // late: U-02, a day after its due date
        QCOMPARE(cell(months, september, 5), u"0.0%"_s);
        QCOMPARE(cell(months, 10, 2), u"1"_s);         // October: U-01, on its due date
        QCOMPARE(cell(months, 10, 5), u"100.0%"_s);
        QCOMPARE(cell(months, 11, 1), u"0"_s);         // November: nothing answered
        QCOMPARE(cell(months, 11, 5), u"\u2013"_s);

        auto *timeliness = dashboard->findChild<QChartView *>(u"timelinessChart"_s);
        QVERIFY(timeliness);
        QLineSeries *line = nullptr;
        for (QAbstractSeries *series : timeliness->chart()->series()) {
            if (auto *candidate = qobject_cast<QLineSeries *>(series))
                line = candidate;
        }
        QVERIFY(line);
        QCOMPARE(line->name(), u"ICO expectation 90%"_s);
        QCOMPARE(line->pen().style(), Qt::DashLine);
        QCOMPARE(line->at(0).y(), 90.0);
        auto *timelinessSummary = dashboard->findChild<QLabel *>(u"timelinessSummary"_s);
        QVERIFY(timelinessSummary);
        QVERIFY2(timelinessSummary->text().startsWith(u"1 of the 2 requests answered"_s),
                 qPrintable(timelinessSummary->text()));

        // The quarter shown first is the last complete one: 2026Q3, which received U-02 and
        // U-05.
        QCOMPARE(dashboard->quarter(), (Quarter{2026, 3}));
        auto *year = dashboard->findChild<QSpinBox *>(u"quarterYear"_s);
        auto *number = dashboard->findChild<QComboBox *>(u"quarterNumber"_s);
        QVERIFY(year && number);
        QCOMPARE(year->value(), 2026);
        QCOMPARE(number->currentIndex(), 2);
        auto *quarterTable = dashboard->findChild<QTableWidget *>(u"quarterTable"_s);
        QVERIFY(quarterTable);
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"Requests received"_s), 1), u"2"_s);
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"Answered (sent or closed)"_s), 1),
                 u"1"_s);
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"late"_s), 1), u"1"_s);
        // U-02's review, by its result.
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"Internal review outcome given"_s), 1),
                 u"1"_s);
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"overturned"_s), 1), u"1"_s);
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"original decision upheld"_s), 1), u"0"_s);
        QCOMPARE(cell(quarterTable,
                      rowOf(quarterTable, u"upheld in part (some information released)"_s),
                      1),
                 u"0"_s);
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"result not recorded"_s), 1), u"0"_s);

        // Another quarter: 2026Q4 received U-01, U-03 and U-04.
        number->setCurrentIndex(3);
        QCOMPARE(dashboard->quarter(), (Quarter{2026, 4}));
        QCOMPARE(cell(quarterTable, rowOf(quarterTable, u"Requests received"_s), 1), u"3"_s);
        QCOMPARE(cell(quarterTable,
                      rowOf(quarterTable, u"in time (by the due date, extensions included)"_s),
                      1),
                 u"1"_s);
    }

    // Each open-request figure, clicked, narrows the request list to the requests it counts.
    void clickingAFigureShowsItsRequests()
    {
        openWindow(theLog());
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        RequestListModel *model = m_window->listModel();
        RequestListPanel *panel = m_window->listPanel();
        const auto shown = [model] {
            QStringList references;
            for (int row = 0; row < model->rowCount(); ++row)
                references.append(
                    model->index(row, RequestListModel::ReferenceColumn).data().toString());
            references.sort();
            return references;
        };
        const auto click = [](QTableWidget *table, int row) {
            QVERIFY(row >= 0);
            const QRect rect = table->visualItemRect(table->item(row, 1));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        };
        QCOMPARE(shown().size(), 5);
        auto *officerBar = panel->findChild<QWidget *>(u"officerFilterBar"_s);
        QVERIFY(officerBar);
        QVERIFY(officerBar->isHidden());

        // Typed filters are dropped: the list shows what the figure counts.
        panel->filterEdit()->setText(u"U-0"_s);
        auto *statuses = dashboard->findChild<QTableWidget *>(u"statusTable"_s);
        QVERIFY(statuses);
        click(statuses, rowOf(statuses, u"In progress"_s));
        QTRY_COMPARE(shown(), QStringList{u"U-03"_s});
        QVERIFY(panel->filterEdit()->text().isEmpty());
        click(statuses, rowOf(statuses, u"Approved"_s)); // the figure says 0
        QTRY_COMPARE(shown(), QStringList());

        auto *officers = dashboard->findChild<QTableWidget *>(u"officerTable"_s);
        QVERIFY(officers);
        click(officers, rowOf(officers, u"Bob Smith"_s)); // U-05; U-02 is answered
        QTRY_COMPARE(shown(), QStringList{u"U-05"_s});
        QVERIFY(!officerBar->isHidden());
        auto *officerLabel = panel->findChild<QLabel *>(u"officerFilterLabel"_s);
        QVERIFY(officerLabel && officerLabel->text().contains(u"Bob Smith"_s));
        click(officers, rowOf(officers, u"(no officer)"_s));
        QTRY_COMPARE(shown(), QStringList{u"U-04"_s});
        // Show All drops the officer and keeps the open requests.
        auto *showAll = panel->findChild<QToolButton *>(u"officerFilterClear"_s);
        QVERIFY(showAll);
        showAll->click();
        QTRY_COMPARE(shown(), (QStringList{u"U-03"_s, u"U-04"_s, u"U-05"_s}));
        QVERIFY(officerBar->isHidden());

        auto *overdue = dashboard->findChild<QPushButton *>(u"overdueButton"_s);
        QVERIFY(overdue);
        QCOMPARE(overdue->text(), u"1 overdue"_s);
        QVERIFY(overdue->isEnabled());
        overdue->click();
        QTRY_COMPARE(shown(), QStringList{u"U-05"_s});
        QCOMPARE(panel->savedView(), SavedView::Overdue);

        // When U-05 is answered nothing is overdue, and the button says so.
        const Result<Request> loaded = m_window->store()->loadRequestByReference(u"U-05"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        Request answered = loaded.value();
        answered.status = RequestStatus::Sent;
        answered.responseSent = QDate(2026, 11, 19);
        QVERIFY(m_window->store()->saveRequest(answered).ok());
        QTRY_COMPARE(overdue->text(), u"0 overdue"_s);
        QVERIFY(!overdue->isEnabled());
    }

    void refreshesWhenTheLogChanges()
    {
        openWindow(theLog());
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        auto *summary = dashboard->findChild<QLabel *>(u"openSummary"_s);
        QVERIFY(summary);
        QCOMPARE(summary->text(), u"3 open requests of 5 in the log."_s);

        QVERIFY(m_window->store()
                    ->createRequest(request(u"U-06"_s, QDate(2026, 11, 19),
                                            RequestStatus::New, u"Carys Evans"_s))
                    .ok());
        QTRY_COMPARE(summary->text(), u"4 open requests of 6 in the log."_s);
        QCOMPARE(dashboard->figures().openByOfficer.size(), 4);
    }

    void refreshesOnRequestsChanged()
    {
        openWindow(theLog());
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        auto *summary = dashboard->findChild<QLabel *>(u"openSummary"_s);
        QVERIFY(summary);
        // A change the store does not signal one by one is not seen...
        {
            const QSignalBlocker blocker(m_window->store());
            QVERIFY(m_window->store()
                        ->createRequest(request(u"U-07"_s, QDate(2026, 11, 19),
                                                RequestStatus::New, QString()))
                        .ok());
        }
        QTest::qWait(300);
        QCOMPARE(summary->text(), u"3 open requests of 5 in the log."_s);
        // ...and counted when the store says that many requests changed.
        Q_EMIT m_window->store()->requestsChanged();
        QTRY_COMPARE(summary->text(), u"4 open requests of 6 in the log."_s);
    }

    void emptyLog()
    {
        openWindow({});
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        auto *stack = dashboard->findChild<QStackedWidget *>();
        QVERIFY(stack);
        auto *note = dashboard->findChild<QLabel *>(u"dashboardEmptyNote"_s);
        QVERIFY(note);
        QCOMPARE(stack->currentWidget(), note);
        QVERIFY(note->text().contains(u"No requests yet"_s));

        // The first request brings the figures.
        QVERIFY(m_window->store()
                    ->createRequest(request(u"U-01"_s, QDate(2026, 11, 2),
                                            RequestStatus::InProgress, u"Alice Jones"_s))
                    .ok());
        QTRY_COMPARE(stack->currentWidget()->objectName(), u"dashboardTabs"_s);
    }

    void exportsCsv()
    {
        openWindow(theLog());
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        const QString path = m_dir->filePath(u"figures.csv"_s);
        QString suggested;
        dashboard->setSaveFileChooser([&](const QString &offered) {
            suggested = offered;
            return path;
        });
        auto *button = dashboard->findChild<QPushButton *>(u"exportCsvButton"_s);
        QVERIFY(button);
        button->click();
        QVERIFY2(suggested.endsWith(u"foi-figures-2026Q3.csv"_s), qPrintable(suggested));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        // 2026Q3: U-02 (answered late, no questions, review overturned) and U-05 (open).
        QCOMPARE(QString::fromUtf8(file.readAll()),
                 u"quarter,first_day,last_day,received,answered,answered_in_time,answered_late,"
                 "timeliness_unknown,granted_in_full,granted_in_part,refused_in_full,not_held,"
                 "no_questions,clarification_sought,withdrawn,extended,review_requested,"
                 "review_outcome_given,review_upheld,review_upheld_in_part,review_overturned,"
                 "review_result_not_recorded\n"
                 "2026Q3,2026-07-01,2026-09-30,2,1,0,1,0,0,0,0,0,1,0,0,0,1,1,0,0,1,0\n"_s);
        auto *note = dashboard->findChild<QLabel *>(u"exportNote"_s);
        QVERIFY(note && note->text().contains(u"2026Q3"_s));

        // Cancelled: nothing written, nothing said.
        dashboard->setSaveFileChooser([](const QString &) { return QString(); });
        QVERIFY(!dashboard->exportCsv());
    }

    void exportFailureIsShown()
    {
        openWindow(theLog());
        DashboardWindow *dashboard = openDashboard();
        QVERIFY(dashboard);
        const QString path = m_dir->filePath(u"no such folder/figures.csv"_s);
        dashboard->setSaveFileChooser([&](const QString &) { return path; });
        SeenBox seen;
        const auto handler = pressInBox(QString(), QMessageBox::Ok, &seen);
        QVERIFY(!dashboard->exportCsv());
        QVERIFY2(seen.text.contains(u"were not saved"_s), qPrintable(seen.text));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
