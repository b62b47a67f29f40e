#include "listing/RequestListModel.h"

#include "model/RequestEnums.h"

#include <QLocale>
#include <QScopedValueRollback>
#include <algorithm>

namespace foidesk {

RequestListModel::RequestListModel(Store *store, QObject *parent)
    : QAbstractTableModel(parent)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RequestListModel::refresh);
    setStore(store);
}

RequestListModel::~RequestListModel() = default;

void RequestListModel::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &Store::requestCreated, this, &RequestListModel::scheduleRefresh);
        connect(m_store, &Store::requestSaved, this, &RequestListModel::scheduleRefresh);
        connect(m_store, &Store::requestDeleted, this, &RequestListModel::scheduleRefresh);
        connect(m_store, &Store::requestsChanged, this, &RequestListModel::scheduleRefresh);
    }
    m_refreshTimer.stop();
    reload(m_pageSize);
}

Store *RequestListModel::store() const
{
    return m_store;
}

void RequestListModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_query.text)
        return;
    m_query.text = trimmed;
    reload(m_pageSize);
}

QString RequestListModel::filterText() const
{
    return m_query.text;
}

void RequestListModel::setStatusFilter(std::optional<RequestStatus> status)
{
    if (status == m_query.status)
        return;
    m_query.status = status;
    reload(m_pageSize);
}

std::optional<RequestStatus> RequestListModel::statusFilter() const
{
    return m_query.status;
}

void RequestListModel::setOpenOnly(bool openOnly)
{
    if (openOnly == m_query.openOnly)
        return;
    m_query.openOnly = openOnly;
    reload(m_pageSize);
}

void RequestListModel::setOfficerFilter(const QStringList &officers)
{
    if (officers == m_query.officers)
        return;
    m_query.officers = officers;
    reload(m_pageSize);
}

QStringList RequestListModel::officerFilter() const
{
    return m_query.officers;
}

bool RequestListModel::openOnly() const
{
    return m_query.openOnly;
}

RequestQuery RequestListModel::query() const
{
    return m_query;
}

void RequestListModel::setSavedView(SavedView view)
{
    if (view == m_savedView)
        return;
    m_savedView = view;
    reload(m_pageSize);
}

SavedView RequestListModel::savedView() const
{
    return m_savedView;
}

SavedViewContext RequestListModel::savedViewContext() const
{
    return m_viewContext;
}

SavedViewContext RequestListModel::readViewContext() const
{
    SavedViewContext context;
    context.today = today();
    context.dueSoonWorkingDays = m_dueSoonDays;
    if (!m_store)
        return context;
    context.login = m_store->currentUser().trimmed();
    if (context.login.isEmpty())
        return context;
    const auto member = m_store->staffMemberByLogin(context.login);
    if (member && member->has_value()) {
        context.registerName = (*member)->name.trimmed();
        context.supervises = (*member)->role != StaffRole::Officer;
    }
    return context;
}

int RequestListModel::savedViewCount(SavedView view) const
{
    if (!m_store)
        return 0;
    RequestQuery query;
    SavedViews::narrow(query, view, m_viewContext, m_deadlines);
    const auto count = m_store->countRequests(query);
    return count ? *count : -1;
}

RequestQuery RequestListModel::effectiveQuery() const
{
    RequestQuery query = m_query;
    SavedViews::narrow(query, m_savedView, m_viewContext, m_deadlines);
    return query;
}

void RequestListModel::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    dueTermsChanged();
}

QDate RequestListModel::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

void RequestListModel::setDueSoonWorkingDays(int days)
{
    days = std::max(0, days);
    if (days == m_dueSoonDays)
        return;
    m_dueSoonDays = days;
    dueTermsChanged();
}

void RequestListModel::dueTermsChanged()
{
    // The overdue and due-soon views list other requests on another day; the rest keep
    // their rows, whose due states and days left change in place.
    if (m_savedView == SavedView::Overdue || m_savedView == SavedView::DueSoon) {
        reload(std::max(m_pageSize, int(m_rows.size())));
        return;
    }
    m_viewContext.today = today();
    m_viewContext.dueSoonWorkingDays = m_dueSoonDays;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0),
                           index(int(m_rows.size()) - 1, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, DueStateRole, WorkingDaysLeftRole});
    }
    Q_EMIT savedViewsChanged();
}

int RequestListModel::dueSoonWorkingDays() const
{
    return m_dueSoonDays;
}

void RequestListModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

int RequestListModel::pageSize() const
{
    return m_pageSize;
}

int RequestListModel::totalCount() const
{
    return m_total;
}

int RequestListModel::rowOfId(qint64 id) const
{
    if (id <= 0)
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

qint64 RequestListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

RequestSummary RequestListModel::summaryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : RequestSummary();
}

QString RequestListModel::lastError() const
{
    return m_lastError;
}

int RequestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestSummary &row = m_rows.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case ReferenceColumn:
            return row.reference;
        case TitleColumn:
            return row.title;
        case ReceivedColumn:
            return row.received.isValid() ? QVariant(row.received) : QVariant();
        case DueColumn:
            return row.due.isValid() ? QVariant(row.due) : QVariant();
        case StatusColumn:
            return statusDisplayName(row.status);
        case OfficerColumn:
            return row.officer;
        case DaysLeftColumn: {
            int left = 0;
            if (dueStateOf(row, &left) == DueState::None)
                return {};
            return left;
        }
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == DaysLeftColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DueColumn || index.column() == DaysLeftColumn)
            return dueToolTip(row);
        if (index.column() == TitleColumn && !row.title.isEmpty())
            return row.title;
        return {};
    case IdRole:
        return row.id;
    case RevisionRole:
        return row.revision;
    case ReferenceRole:
        return row.reference;
    case StatusRole:
        return static_cast<int>(row.status);
    case DueStateRole:
        return static_cast<int>(dueStateOf(row, nullptr));
    case WorkingDaysLeftRole: {
        int left = 0;
        if (dueStateOf(row, &left) == DueState::None)
            return {};
        return left;
    }
    default:
        return {};
    }
}

QVariant RequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReferenceColumn:
        return tr("Reference");
    case TitleColumn:
        return tr("Title");
    case ReceivedColumn:
        return tr("Received");
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    case OfficerColumn:
        return tr("Officer");
    case DaysLeftColumn:
        return tr("Days left");
    default:
        return {};
    }
}

bool RequestListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_store && m_rows.size() < m_total && !m_fetching;
}

void RequestListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // A view may ask for more from inside rowsInserted; one insertion at a time.
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    const int offset = int(m_rows.size());
    const int wanted = std::min(m_pageSize, m_total - offset);
    const auto page = m_store->listRequests(effectiveQuery(), offset, wanted);
    if (!page) {
        // Stop asking: a view would otherwise call fetchMore again on every scroll.
        setError(page.errorMessage());
        m_total = int(m_rows.size());
        Q_EMIT totalCountChanged(m_total);
        return;
    }
    if (page->isEmpty()) {
        // Requests were deleted since the count; there is nothing more to load.
        m_total = offset;
        Q_EMIT totalCountChanged(m_total);
        return;
    }
    beginInsertRows(QModelIndex(), offset, offset + int(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
    if (page->size() < wanted) {
        m_total = int(m_rows.size());
        Q_EMIT totalCountChanged(m_total);
    }
}

RequestQuery::SortKey RequestListModel::sortKeyForColumn(int column)
{
    switch (column) {
    case ReferenceColumn:
        return RequestQuery::SortKey::Reference;
    case TitleColumn:
        return RequestQuery::SortKey::Title;
    case DueColumn:
        return RequestQuery::SortKey::Due;
    case StatusColumn:
        return RequestQuery::SortKey::Status;
    case OfficerColumn:
        return RequestQuery::SortKey::Officer;
    case DaysLeftColumn:
        return RequestQuery::SortKey::DaysLeft;
    case ReceivedColumn:
    default:
        return RequestQuery::SortKey::Received;
    }
}

void RequestListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_query.order)
        return;
    m_sortColumn = column;
    m_query.sortKey = sortKeyForColumn(column);
    m_query.order = order;
    // A new order makes the loaded pages meaningless; start again from the top.
    reload(m_pageSize);
}

QHash<int, QByteArray> RequestListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "requestId");
    names.insert(RevisionRole, "revision");
    names.insert(ReferenceRole, "reference");
    names.insert(StatusRole, "status");
    names.insert(DueStateRole, "dueState");
    names.insert(WorkingDaysLeftRole, "workingDaysLeft");
    return names;
}

int RequestListModel::sortColumn() const
{
    return m_sortColumn;
}

Qt::SortOrder RequestListModel::sortOrder() const
{
    return m_query.order;
}

void RequestListModel::refresh()
{
    m_refreshTimer.stop();
    const int loaded = int(m_rows.size());
    // Whole pages, so that the next fetchMore continues on a page boundary.
    const int pages = std::max(1, (loaded + m_pageSize - 1) / m_pageSize);
    reload(pages * m_pageSize);
}

void RequestListModel::scheduleRefresh()
{
    m_refreshTimer.start();
}

void RequestListModel::reload(int rowsWanted)
{
    m_refreshTimer.stop();
    const int totalBefore = m_total;
    QList<RequestSummary> rows;
    int total = 0;
    QString error;

    m_viewContext = readViewContext();
    const RequestQuery query = effectiveQuery();
    if (m_store) {
        const auto count = m_store->countRequests(query);
        if (!count) {
            error = count.errorMessage();
        } else {
            total = *count;
            const auto page = m_store->listRequests(query, 0, std::min(rowsWanted, total));
            if (!page) {
                error = page.errorMessage();
                total = 0;
            } else {
                rows = *page;
                // A change between the count and the page: believe the page when it is short.
                if (rows.size() < std::min(rowsWanted, total))
                    total = int(rows.size());
            }
        }
    }

    {
        // No fetching while the reset is announced: rows fetched from a modelAboutToBeReset
        // or modelReset handler would arrive in the middle of the reset. Views fetch later,
        // when they lay themselves out again.
        const QScopedValueRollback<bool> resetting(m_fetching, true);
        beginResetModel();
        m_rows = rows;
        m_total = total;
        endResetModel();
    }

    setError(error);
    if (m_total != totalBefore)
        Q_EMIT totalCountChanged(m_total);
    Q_EMIT savedViewsChanged();
}

RequestListModel::DueState RequestListModel::dueStateOf(const RequestSummary &summary,
                                                        int *workingDaysLeft) const
{
    if (!summary.due.isValid() || !isOpenStatus(summary.status))
        return DueState::None;
    // Counting walks the calendar day by day, and a view asks for every visible row on every
    // paint; many rows share a due date, so each (due date, regime) is counted once a day.
    if (m_leftCacheDay != today()) {
        m_leftCache.clear();
        m_leftCacheDay = today();
    }
    const auto key = qMakePair(summary.due, static_cast<int>(summary.regime));
    auto cached = m_leftCache.constFind(key);
    if (cached == m_leftCache.constEnd()) {
        const Result<int> counted =
            m_deadlines.workingDaysLeft(today(), summary.due, summary.regime);
        cached = m_leftCache.insert(key, counted ? std::optional<int>(*counted) : std::nullopt);
    }
    if (!cached->has_value())
        return DueState::None;
    const int left = **cached;
    if (workingDaysLeft)
        *workingDaysLeft = left;
    // The weekend after a Friday deadline is zero working days late, and still late.
    if (left < 0 || today() > summary.due)
        return DueState::Overdue;
    if (left <= m_dueSoonDays)
        return DueState::DueSoon;
    return DueState::Fine;
}

QString RequestListModel::dueToolTip(const RequestSummary &summary) const
{
    if (!summary.due.isValid()) {
        return summary.received.isValid()
                   ? tr("No due date: the bank-holiday data does not cover these dates.")
                   : tr("No due date: the date received is missing.");
    }
    const QString dueText = QLocale().toString(summary.due, QLocale::LongFormat);
    int left = 0;
    if (dueStateOf(summary, &left) == DueState::None) {
        if (!isOpenStatus(summary.status))
            return tr("Was due %1 (%2).").arg(dueText, statusDisplayName(summary.status));
        return tr("Due %1.").arg(dueText);
    }
    if (left < 0)
        return -left == 1
                   ? tr("Overdue by 1 working day: it was due %1.").arg(dueText)
                   : tr("Overdue by %1 working days: it was due %2.").arg(-left).arg(dueText);
    if (today() > summary.due)
        return tr("Overdue: it was due %1.").arg(dueText);
    if (left > 0)
        return left == 1 ? tr("Due %1: 1 working day left.").arg(dueText)
                         : tr("Due %1: %2 working days left.").arg(dueText).arg(left);
    return tr("Due today, %1.").arg(dueText);
}

void RequestListModel::setError(const QString &message)
{
    m_lastError = message;
    if (!message.isEmpty())
        Q_EMIT loadFailed(message);
}

} // namespace foidesk
