#pragma once

#include "calendar/Deadlines.h"
#include "listing/SavedView.h"
#include "model/Request.h"
#include "store/Store.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <optional>

namespace foidesk {

// The request list: one row per request, loaded from the store a page at a time, filtered and
// sorted in SQL so that a log of 50,000 requests stays quick to open, scroll and re-sort.
// Views sort by calling sort(); a QSortFilterProxyModel on top would load every row.
class RequestListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReferenceColumn,
        TitleColumn,
        ReceivedColumn,
        DueColumn,
        StatusColumn,
        OfficerColumn,
        // Working days until due, negative when overdue, empty when the deadline no longer
        // matters. Last, so that saved column widths keep their places; views show it after Due.
        DaysLeftColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // How close a request is to its statutory deadline. None for closed requests and for those
    // without a due date.
    enum class DueState
    {
        None,
        Fine,
        DueSoon,
        Overdue
    };
    Q_ENUM(DueState)

    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64
        RevisionRole,              // int
        ReferenceRole,             // QString
        StatusRole,                // int, a RequestStatus
        DueStateRole,              // int, a DueState
        WorkingDaysLeftRole,       // int, or invalid when there is no due state
    };

    static constexpr int DefaultPageSize = 200;
    static constexpr int DefaultDueSoonWorkingDays = 5;

    explicit RequestListModel(Store *store, QObject *parent = nullptr);
    ~RequestListModel() override;

    // Switches to another store (after a restore, say) and reloads; nullptr empties the list.
    void setStore(Store *store);
    Store *store() const;

    void setFilterText(const QString &text);
    QString filterText() const;
    // std::nullopt for every status.
    void setStatusFilter(std::optional<RequestStatus> status);
    std::optional<RequestStatus> statusFilter() const;
    // Only requests whose deadline still matters (see isOpenStatus()).
    void setOpenOnly(bool openOnly);
    bool openOnly() const;
    // Only the requests of these officers (ignoring case and blanks; "" for no officer); empty
    // for every officer. The dashboard's officer figures narrow the list this way.
    void setOfficerFilter(const QStringList &officers);
    QStringList officerFilter() const;
    // The base query (text, status, sort), without the saved view.
    RequestQuery query() const;

    // The ready-made view the list shows, combined with the filters above.
    void setSavedView(SavedView view);
    SavedView savedView() const;
    // What the views were worked out against at the last reload: today, the due-soon days
    // and the store's current user with their register name and role.
    SavedViewContext savedViewContext() const;
    // The number of requests in a view, whatever the text and status filters; -1 when the
    // store cannot count them.
    int savedViewCount(SavedView view) const;

    // The day due states are worked out for; an invalid date means the real today.
    void setToday(const QDate &today);
    QDate today() const;
    void setDueSoonWorkingDays(int days);
    int dueSoonWorkingDays() const;

    void setPageSize(int rows);
    int pageSize() const;

    // Requests matching the filter, loaded or not.
    int totalCount() const;
    // The row of a loaded request, or -1.
    int rowOfId(qint64 id) const;
    qint64 idAt(int row) const;
    RequestSummary summaryAt(int row) const;
    // The message of the last failed load, empty when the last load worked.
    QString lastError() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    static RequestQuery::SortKey sortKeyForColumn(int column);

public Q_SLOTS:
    // Reloads from the store now, keeping at least as many rows loaded as before so that a
    // selected request further down stays in the list.
    void refresh();

Q_SIGNALS:
    // Loading from the store failed; message says why.
    void loadFailed(const QString &message);
    // The number of matching requests changed.
    void totalCountChanged(int total);
    // The saved views may hold other requests now (a reload, another day, other due-soon
    // days): their counts are worth asking again.
    void savedViewsChanged();

private:
    void scheduleRefresh();
    void reload(int rowsWanted);
    SavedViewContext readViewContext() const;
    // Today or the due-soon days changed.
    void dueTermsChanged();
    // m_query narrowed to the saved view.
    RequestQuery effectiveQuery() const;
    DueState dueStateOf(const RequestSummary &summary, int *workingDaysLeft) const;
    QString dueToolTip(const RequestSummary &summary) const;
    void setError(const QString &message);

    QPointer<Store> m_store;
    Deadlines m_deadlines;
    RequestQuery m_query;
    SavedView m_savedView = SavedView::All;
    SavedViewContext m_viewContext; // as of the last reload
    int m_sortColumn = ReceivedColumn;
    QDate m_today;
    // Working days left per (due date, regime), valid for m_leftCacheDay only.
    mutable QHash<QPair<QDate, int>, std::optional<int>> m_leftCache;
    mutable QDate m_leftCacheDay;
    int m_dueSoonDays = DefaultDueSoonWorkingDays;
    int m_pageSize = DefaultPageSize;
    int m_total = 0;
    QList<RequestSummary> m_rows;
    QString m_lastError;
    bool m_fetching = false; // inserting or resetting: no fetchMore until it is done
    // Store signals arrive one per request during an import; they are folded into one reload.
    QTimer m_refreshTimer;
};

} // namespace foidesk
