// The request list model over a real store: paging, SQL sorting and filtering, due states and
// refreshing when the store changes.

#include "model/RequestEnums.h"
#include "listing/RequestListModel.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>

using namespace foidesk;

namespace {

constexpr int GeneratedCount = 2000;
constexpr int PageSize = 200;

const QStringList &titleWords()
{
    static const QStringList words = {QStringLiteral("Parking fines"),
                                      QStringLiteral("tree felling"),
                                      QStringLiteral("Pothole claims"),
                                      QStringLiteral("library visits"),
                                      QStringLiteral("Budget overspend")};
    return words;
}

const QStringList &officers()
{
    static const QStringList names = {
        QStringLiteral("Carl Dunn"), QStringLiteral("ann baker"), QStringLiteral("Eve Frost")};
    return names;
}

// The i-th generated request. Titles are unique; received dates, statuses and officers repeat
// so that sorting has ties to break.
Request generated(int i)
{
    Request request;
    request.reference = QStringLiteral("R%1").arg(i, 5, 10, QLatin1Char('0'));
    request.title = titleWords().at(i % titleWords().size())
                    + QStringLiteral(" %1").arg(GeneratedCount - i, 5, 10, QLatin1Char('0'));
    request.received = QDate(2023, 1, 2).addDays((i * 7) % 365);
    request.status = allStatuses().at(i % allStatuses().size());
    request.officer = officers().at(i % officers().size());
    request.requester.name = QStringLiteral("Requester %1").arg(i);
    Question question;
    question.text = QStringLiteral("How many in %1?").arg(i);
    request.questions.append(question);
    return request;
}

int statusRank(RequestStatus status)
{
    return int(allStatuses().indexOf(status));
}

// < 0, 0, > 0 as a is before, level with or after b in ascending order of the column.
int compareBy(int column, const RequestSummary &a, const RequestSummary &b)
{
    switch (column) {
    case RequestListModel::ReferenceColumn:
        return a.reference.compare(b.reference, Qt::CaseInsensitive);
    case RequestListModel::TitleColumn:
        return a.title.compare(b.title, Qt::CaseInsensitive);
    case RequestListModel::ReceivedColumn:
        return a.received < b.received ? -1 : (b.received < a.received ? 1 : 0);
    case RequestListModel::DueColumn:
        return a.due < b.due ? -1 : (b.due < a.due ? 1 : 0);
    case RequestListModel::StatusColumn:
        return statusRank(a.status) - statusRank(b.status);
    case RequestListModel::OfficerColumn:
        return a.officer.compare(b.officer, Qt::CaseInsensitive);
    }
    return 0;
}

} // namespace

class TestRequestListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithOnePage();
    void fetchMoreLoadsTheRest();
    void sortsInTheStore_data();
    void sortsInTheStore();
    void pagingKeepsTheSortOrder();
    void filtersByText_data();
    void filtersByText();
    void filtersByStatus();
    void dueState_data();
    void dueState();
    void scottishRequestsCountScottishHolidaysOnly();
    void passesModelTester();
    void refreshesWhenTheStoreChanges();
    void refreshKeepsLoadedRows();
    void setStoreNullEmptiesTheList();

private:
    std::unique_ptr<RequestListModel> makeModel();

    QTemporaryDir m_templateDir;
    QString m_template; // the generated log, copied afresh for each test
    QList<Request> m_generated;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestRequestListModel::initTestCase()
{
    QVERIFY(m_templateDir.isValid());
    auto opened = Store::open(m_templateDir.filePath(QStringLiteral("generate.sqlite")));
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    std::unique_ptr<Store> store = std::move(opened).value();
    for (int i = 0; i < GeneratedCount; ++i) {
        const Request request = generated(i);
        const auto created = store->importRequest(request, false);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        m_generated.append(request);
    }
    m_template = m_templateDir.filePath(QStringLiteral("template.sqlite"));
    const Result<void> copied = store->backupTo(m_template);
    QVERIFY2(copied.ok(), qPrintable(copied.errorMessage()));
}

void TestRequestListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(QStringLiteral("log.sqlite"));
    QVERIFY(QFile::copy(m_template, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto opened = Store::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    m_store = std::move(opened).value();
}

void TestRequestListModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<RequestListModel> TestRequestListModel::makeModel()
{
    auto model = std::make_unique<RequestListModel>(nullptr);
    model->setPageSize(PageSize);
    model->setStore(m_store.get());
    return model;
}

void TestRequestListModel::startsWithOnePage()
{
    const auto model = makeModel();
    QCOMPARE(model->totalCount(), GeneratedCount);
    QCOMPARE(model->rowCount(), PageSize);
    QCOMPARE(model->columnCount(), int(RequestListModel::ColumnCount));
    QVERIFY(model->canFetchMore(QModelIndex()));
    QVERIFY(model->lastError().isEmpty());
    QCOMPARE(
        model->headerData(RequestListModel::DueColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Due"));
}

void TestRequestListModel::fetchMoreLoadsTheRest()
{
    const auto model = makeModel();
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    int fetches = 0;
    while (model->canFetchMore(QModelIndex())) {
        model->fetchMore(QModelIndex());
        ++fetches;
        QCOMPARE(model->rowCount(), std::min(GeneratedCount, PageSize * (fetches + 1)));
    }
    QCOMPARE(fetches, GeneratedCount / PageSize - 1);
    QCOMPARE(inserted.count(), fetches);
    QCOMPARE(model->rowCount(), GeneratedCount);

    // Every request exactly once.
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->idAt(row));
    QCOMPARE(ids.size(), GeneratedCount);
}

void TestRequestListModel::sortsInTheStore_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("firstReference"); // empty: only the order is checked

    // Ties are broken by id in the same direction, so the first row is known exactly.
    QTest::newRow("reference ascending")
        << int(RequestListModel::ReferenceColumn) << Qt::AscendingOrder << QStringLiteral("R00000");
    QTest::newRow("reference descending") << int(RequestListModel::ReferenceColumn)
                                          << Qt::DescendingOrder << QStringLiteral("R01999");
    // Titles end in GeneratedCount - i: "Budget overspend 00001" is request 1999, and the
    // lower-case "tree felling" still sorts last.
    QTest::newRow("title ascending")
        << int(RequestListModel::TitleColumn) << Qt::AscendingOrder << QStringLiteral("R01999");
    QTest::newRow("title descending")
        << int(RequestListModel::TitleColumn) << Qt::DescendingOrder << QStringLiteral("R00001");
    QTest::newRow("received ascending")
        << int(RequestListModel::ReceivedColumn) << Qt::AscendingOrder << QStringLiteral("R00000");
    QTest::newRow("received descending")
        << int(RequestListModel::ReceivedColumn) << Qt::DescendingOrder << QString();
    QTest::newRow("due ascending")
        << int(RequestListModel::DueColumn) << Qt::AscendingOrder << QStringLiteral("R00000");
    QTest::newRow("due descending")
        << int(RequestListModel::DueColumn) << Qt::DescendingOrder << QString();
    QTest::newRow("status ascending")
        << int(RequestListModel::StatusColumn) << Qt::AscendingOrder << QStringLiteral("R00000");
    // Withdrawn, the last of nine statuses, is i % 9 == 8: the last such request is 1997.
    QTest::newRow("status descending")
        << int(RequestListModel::StatusColumn) << Qt::DescendingOrder << QStringLiteral("R01997");
    // "ann baker" is every third request from 1; case does not matter.
    QTest::newRow("officer ascending")
        << int(RequestListModel::OfficerColumn) << Qt::AscendingOrder << QStringLiteral("R00001");
    QTest::newRow("officer descending")
        << int(RequestListModel::OfficerColumn) << Qt::DescendingOrder << QStringLiteral("R01997");
}

void TestRequestListModel::sortsInTheStore()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, firstReference);

    const auto model = makeModel();
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    // Sort by something else first so that every row really asks the store again.
    model->sort(column == 0 ? 1 : 0, Qt::AscendingOrder);
    model->sort(column, order);
    QVERIFY(reset.count() >= 1);
    QCOMPARE(model->sortColumn(), column);
    QCOMPARE(model->sortOrder(), order);
    QCOMPARE(model->rowCount(), PageSize);
    QCOMPARE(model->totalCount(), GeneratedCount);

    if (!firstReference.isEmpty())
        QCOMPARE(model->index(0, RequestListModel::ReferenceColumn).data().toString(),
                 firstReference);
    for (int row = 1; row < model->rowCount(); ++row) {
        const int cmp = compareBy(column, model->summaryAt(row - 1), model->summaryAt(row));
        QVERIFY2(
            order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0,
            qPrintable(QStringLiteral("rows %1 and %2 are out of order").arg(row - 1).arg(row)));
    }
}

void TestRequestListModel::pagingKeepsTheSortOrder()
{
    const auto model = makeModel();
    model->sort(RequestListModel::ReferenceColumn, Qt::AscendingOrder);
    while (model->canFetchMore(QModelIndex()))
        model->fetchMore(QModelIndex());
    QCOMPARE(model->rowCount(), GeneratedCount);
    for (int row = 0; row < GeneratedCount; ++row)
        QCOMPARE(model->summaryAt(row).reference, m_generated.at(row).reference);
}

void TestRequestListModel::filtersByText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");

    QTest::newRow("title word, any case") << QStringLiteral("POTHOLE") << GeneratedCount / 5;
    QTest::newRow("officer") << QStringLiteral("frost") << 666;  // every third from request 2
    QTest::newRow("reference") << QStringLiteral("R0001") << 10; // R00010 to R00019
    QTest::newRow("requester") << QStringLiteral("Requester 1999") << 1;
    QTest::newRow("no match") << QStringLiteral("allotments") << 0;
    QTest::newRow("surrounding spaces ignored")
        << QStringLiteral("  tree felling ") << GeneratedCount / 5;
}

void TestRequestListModel::filtersByText()
{
    QFETCH(QString, text);
    QFETCH(int, expected);

    const auto model = makeModel();
    QSignalSpy totalChanged(model.get(), &RequestListModel::totalCountChanged);
    model->setFilterText(text);
    QCOMPARE(model->totalCount(), expected);
    QCOMPARE(model->rowCount(), std::min(expected, PageSize));
    QCOMPARE(totalChanged.count(), 1);
    const QString needle = text.trimmed();
    for (int row = 0; row < model->rowCount(); ++row) {
        const RequestSummary summary = model->summaryAt(row);
        const bool matches = summary.reference.contains(needle, Qt::CaseInsensitive)
                             || summary.title.contains(needle, Qt::CaseInsensitive)
                             || summary.officer.contains(needle, Qt::CaseInsensitive)
                             || summary.requesterName.contains(needle, Qt::CaseInsensitive);
        QVERIFY2(matches, qPrintable(summary.reference));
    }

    model->setFilterText(QString());
    QCOMPARE(model->totalCount(), GeneratedCount);
}

void TestRequestListModel::filtersByStatus()
{
    const auto model = makeModel();
    const int statuses = int(allStatuses().size());
    const int inProgress = statusRank(RequestStatus::InProgress);
    // Request i has status i % statuses.
    const int expectedInProgress = (GeneratedCount - inProgress + statuses - 1) / statuses;

    model->setStatusFilter(RequestStatus::InProgress);
    QCOMPARE(model->totalCount(), expectedInProgress);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->summaryAt(row).status, RequestStatus::InProgress);

    model->setFilterText(QStringLiteral("frost"));
    int expectedBoth = 0;
    for (const Request &request : std::as_const(m_generated)) {
        if (request.status == RequestStatus::InProgress
            && request.officer == QStringLiteral("Eve Frost"))
            ++expectedBoth;
    }
    QCOMPARE(model->totalCount(), expectedBoth);

    model->setFilterText(QString());
    model->setStatusFilter(std::nullopt);
    model->setOpenOnly(true);
    int expectedOpen = 0;
    for (const Request &request : std::as_const(m_generated)) {
        if (isOpenStatus(request.status))
            ++expectedOpen;
    }
    QCOMPARE(model->totalCount(), expectedOpen);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(isOpenStatus(model->summaryAt(row).status));

    model->setOpenOnly(false);
    QCOMPARE(model->totalCount(), GeneratedCount);
}

void TestRequestListModel::dueState_data()
{
    QTest::addColumn<QDate>("received");
    QTest::addColumn<QDate>("due");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<RequestStatus>("status");
    QTest::addColumn<RequestListModel::DueState>("state");
    QTest::addColumn<QVariant>("daysLeft");

    // Received Monday 3 June 2024: day one is Tuesday 4 June and, with no bank holiday until
    // 12 July, the 20th working day is Monday 1 July. Received Friday 31 May, it is due on
    // Friday 28 June.
    using DS = RequestListModel::DueState;
    const QDate monday(2024, 6, 3);
    const QDate mondayDue(2024, 7, 1);
    const QDate friday(2024, 5, 31);
    const QDate fridayDue(2024, 6, 28);
    QTest::newRow("weeks to go") << monday << mondayDue << QDate(2024, 6, 10)
                                 << RequestStatus::InProgress << DS::Fine << QVariant(15);
    QTest::newRow("six working days left") << monday << mondayDue << QDate(2024, 6, 21)
                                           << RequestStatus::InProgress << DS::Fine << QVariant(6);
    QTest::newRow("five working days left") << monday << mondayDue << QDate(2024, 6, 24)
                                            << RequestStatus::New << DS::DueSoon << QVariant(5);
    QTest::newRow("a weekend does not count") << monday << mondayDue << QDate(2024, 6, 29)
                                              << RequestStatus::New << DS::DueSoon << QVariant(1);
    QTest::newRow("due today") << monday << mondayDue << QDate(2024, 7, 1) << RequestStatus::ClarificationSought
                               << DS::DueSoon << QVariant(0);
    QTest::newRow("one day late") << monday << mondayDue << QDate(2024, 7, 2)
                                  << RequestStatus::AwaitingReview << DS::Overdue << QVariant(-1);
    QTest::newRow("responded has none") << monday << mondayDue << QDate(2024, 7, 2)
                                        << RequestStatus::Sent << DS::None << QVariant();
    QTest::newRow("closed has none") << monday << mondayDue << QDate(2024, 7, 9)
                                     << RequestStatus::Closed << DS::None << QVariant();
    QTest::newRow("withdrawn has none") << monday << mondayDue << QDate(2024, 6, 28)
                                        << RequestStatus::Withdrawn << DS::None << QVariant();
    QTest::newRow("weekend after a Friday deadline")
        << friday << fridayDue << QDate(2024, 6, 30) << RequestStatus::InProgress << DS::Overdue
        << QVariant(0);
    QTest::newRow("Friday deadline, on the Friday")
        << friday << fridayDue << QDate(2024, 6, 28) << RequestStatus::InProgress << DS::DueSoon
        << QVariant(0);
}

// Friday 12 July 2024 is a bank holiday in Northern Ireland only. A FOISA request received
// Monday 17 June 2024 counts it as a working day: day one is 18 June, and 18-21 June (4),
// 24-28 June (9), 1-5 July (14), 8-12 July (19), Monday 15 July (20) make it due on 15 July.
// On Thursday 11 July two working days are left (12 and 15 July); counting UK-wide holidays,
// as for a FOIA request, would wrongly show one.
void TestRequestListModel::scottishRequestsCountScottishHolidaysOnly()
{
    Request request;
    request.reference = QStringLiteral("SCOT-1");
    request.regime = Regime::FOISA;
    request.received = QDate(2024, 6, 17);
    request.status = RequestStatus::InProgress;
    QVERIFY(m_store->createRequest(request).ok());

    const auto model = makeModel();
    model->setToday(QDate(2024, 7, 11));
    model->setFilterText(QStringLiteral("SCOT-1"));
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex cell = model->index(0, RequestListModel::DueColumn);
    QCOMPARE(cell.data().toDate(), QDate(2024, 7, 15));
    QCOMPARE(cell.data(RequestListModel::WorkingDaysLeftRole), QVariant(2));

    // The count is cached for the day; a new day counts afresh.
    model->setToday(QDate(2024, 7, 12));
    QCOMPARE(cell.data(RequestListModel::WorkingDaysLeftRole), QVariant(1));
}

void TestRequestListModel::dueState()
{
    QFETCH(QDate, received);
    QFETCH(QDate, due);
    QFETCH(QDate, today);
    QFETCH(RequestStatus, status);
    QFETCH(RequestListModel::DueState, state);
    QFETCH(QVariant, daysLeft);

    Request request;
    request.reference = QStringLiteral("DUE-1");
    request.title = QStringLiteral("Street lighting");
    request.received = received;
    request.status = status;
    const auto created = m_store->createRequest(request);
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

    const auto model = makeModel();
    model->setToday(today);
    model->setFilterText(QStringLiteral("DUE-1"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->today(), today);
    QCOMPARE(model->summaryAt(0).due, due);

    const QModelIndex cell = model->index(0, RequestListModel::DueColumn);
    QCOMPARE(cell.data().toDate(), due);
    QCOMPARE(cell.data(RequestListModel::DueStateRole).toInt(), int(state));
    QCOMPARE(cell.data(RequestListModel::WorkingDaysLeftRole), daysLeft);

    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY(!tip.isEmpty());
    if (state == RequestListModel::DueState::Overdue)
        QVERIFY2(tip.contains(QStringLiteral("Overdue")), qPrintable(tip));
    else if (daysLeft.isValid() && daysLeft.toInt() > 0)
        QVERIFY2(tip.contains(QString::number(daysLeft.toInt()) + QStringLiteral(" working day")),
                 qPrintable(tip));
}

void TestRequestListModel::passesModelTester()
{
    const auto model = makeModel();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->fetchMore(QModelIndex());
    model->sort(RequestListModel::TitleColumn, Qt::AscendingOrder);
    model->setFilterText(QStringLiteral("tree"));
    model->fetchMore(QModelIndex());
    model->setStatusFilter(RequestStatus::Closed);
    model->setToday(QDate(2024, 1, 5));
    model->setFilterText(QStringLiteral("nothing matches this"));
    model->setFilterText(QString());
    model->refresh();
    QVERIFY(!QTest::currentTestFailed());
}

void TestRequestListModel::refreshesWhenTheStoreChanges()
{
    const auto model = makeModel();
    model->sort(RequestListModel::ReferenceColumn, Qt::AscendingOrder);

    Request request;
    request.reference = QStringLiteral("A-NEW");
    request.title = QStringLiteral("Allotment waiting list");
    request.received = QDate(2024, 2, 1);
    const auto created = m_store->createRequest(request);
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    // Store signals are folded into one reload when control returns to the event loop.
    QTRY_COMPARE(model->totalCount(), GeneratedCount + 1);
    QCOMPARE(model->summaryAt(0).reference, QStringLiteral("A-NEW"));

    Request edited = created.value();
    edited.title = QStringLiteral("Allotment waiting list by ward");
    const auto saved = m_store->saveRequest(edited);
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    QTRY_COMPARE(model->index(0, RequestListModel::TitleColumn).data().toString(),
                 QStringLiteral("Allotment waiting list by ward"));

    const Result<void> deleted = m_store->deleteRequest(saved->id, saved->revision);
    QVERIFY2(deleted.ok(), qPrintable(deleted.errorMessage()));
    QTRY_COMPARE(model->totalCount(), GeneratedCount);
    QCOMPARE(model->rowOfId(saved->id), -1);
}

void TestRequestListModel::refreshKeepsLoadedRows()
{
    const auto model = makeModel();
    model->fetchMore(QModelIndex());
    model->fetchMore(QModelIndex());
    QCOMPARE(model->rowCount(), 3 * PageSize);
    const qint64 deepId = model->idAt(3 * PageSize - 1);
    model->refresh();
    QCOMPARE(model->rowCount(), 3 * PageSize);
    QCOMPARE(model->rowOfId(deepId), 3 * PageSize - 1);
}

void TestRequestListModel::setStoreNullEmptiesTheList()
{
    const auto model = makeModel();
    QVERIFY(model->rowCount() > 0);
    model->setStore(nullptr);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->totalCount(), 0);
    QVERIFY(!model->canFetchMore(QModelIndex()));
}

QTEST_GUILESS_MAIN(TestRequestListModel)
#include "tst_requestlistmodel.moc"
