#include "requestlist/RequestListPanel.h"

#include "requestlist/RequestListDelegate.h"
#include "model/RequestEnums.h"
#include "listing/RequestListModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// The status combo's data: a RequestStatus, or one of these.
constexpr int AllStatuses = -1;
constexpr int OpenRequests = -2;

} // namespace

RequestListPanel::RequestListPanel(RequestListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filterEdit(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_viewCombo(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_countLabel(new QLabel(this))
    , m_officerBar(new QWidget(this))
    , m_officerLabel(new QLabel(m_officerBar))
    , m_officerClear(new QToolButton(m_officerBar))
    , m_filterTimer(new QTimer(this))
{
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by reference, title, requester or officer"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter requests"));

    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Show requests with status"));
    m_statusFilter->addItem(tr("All statuses"), AllStatuses);
    m_statusFilter->addItem(tr("Open requests"), OpenRequests);
    for (RequestStatus status : allStatuses())
        m_statusFilter->addItem(statusDisplayName(status), static_cast<int>(status));

    m_viewCombo->setObjectName(QStringLiteral("savedViewCombo"));
    m_viewCombo->setAccessibleName(tr("Show the view"));
    m_viewCombo->setToolTip(tr("Ready-made views of the log, each with its number of requests; "
                               "the filter and status narrow them further"));
    // Only a QListView can hide rows; the style may have chosen another view.
    m_viewCombo->setView(new QListView(m_viewCombo));
    for (SavedView view : SavedViews::all())
        m_viewCombo->addItem(SavedViews::displayName(view), static_cast<int>(view));
    // Its longest name should not widen the list: a narrow list elides it instead.
    m_viewCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_viewCombo->setMinimumContentsLength(12);

    m_countLabel->setObjectName(QStringLiteral("requestCountLabel"));

    m_view->setObjectName(QStringLiteral("requestTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RequestListDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    // Rows of one line: uniform heights keep scrolling a long list cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    // The title takes whatever width the other columns leave, so every column stays in view
    // without a horizontal scroll bar.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(RequestListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(m_view->fontMetrics().averageCharWidth() * 6);
    m_view->horizontalHeader()->setSectionsMovable(false);
    // The model sorts in SQL; the view only asks it to. The indicator goes first because
    // enabling sorting sorts by whatever the indicator shows.
    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->setSortingEnabled(true);
    // Sized from the font, so that the columns fit their dates at any scaling.
    const int dateWidth =
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("00 Sept 0000")) + 16;
    const int referenceWidth =
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("FOI-0000000")) + 16;
    const int statusWidth =
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("In progress")) + 24;
    m_view->setColumnWidth(RequestListModel::ReferenceColumn, referenceWidth);
    m_view->setColumnWidth(RequestListModel::ReceivedColumn, dateWidth);
    m_view->setColumnWidth(RequestListModel::DueColumn, dateWidth);
    m_view->setColumnWidth(RequestListModel::StatusColumn, statusWidth);
    m_view->setColumnWidth(RequestListModel::OfficerColumn, dateWidth);
    m_view->setColumnWidth(
        RequestListModel::DaysLeftColumn,
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("Days left")) + 24);
    // Days left reads best beside the due date it counts down to.
    m_view->horizontalHeader()->moveSection(
        m_view->horizontalHeader()->visualIndex(RequestListModel::DaysLeftColumn),
        m_view->horizontalHeader()->visualIndex(RequestListModel::DueColumn) + 1);
    // A narrow list (a laptop with the letter preview open) drops the columns it can spare
    // rather than squeezing the title to nothing or scrolling sideways.
    m_view->viewport()->installEventFilter(this);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &RequestListPanel::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    // Enter filters at once rather than waiting for the pause.
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &RequestListPanel::applyFilter);
    connect(m_statusFilter,
            &QComboBox::currentIndexChanged,
            this,
            &RequestListPanel::applyStatusFilter);
    connect(m_viewCombo, &QComboBox::activated, this, &RequestListPanel::applySavedView);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &RequestListPanel::onCurrentRowChanged);
    connect(
        m_model, &RequestListModel::totalCountChanged, this, &RequestListPanel::updateCountLabel);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestListPanel::updateCountLabel);
    // Every reload (a save, an import, a deletion, another user, a new day) recounts.
    connect(m_model, &RequestListModel::savedViewsChanged, this, &RequestListPanel::updateViewCounts);

    // Shown while the list is narrowed to one officer (a dashboard figure), which no other
    // control of the panel says.
    m_officerBar->setObjectName(QStringLiteral("officerFilterBar"));
    m_officerLabel->setObjectName(QStringLiteral("officerFilterLabel"));
    m_officerLabel->setWordWrap(true);
    m_officerClear->setObjectName(QStringLiteral("officerFilterClear"));
    m_officerClear->setText(tr("Show All"));
    m_officerClear->setAccessibleName(tr("Show every officer's requests"));
    connect(m_officerClear, &QToolButton::clicked, this, [this] { setOfficerShown(std::nullopt); });
    auto *officerRow = new QHBoxLayout(m_officerBar);
    officerRow->setContentsMargins(0, 0, 0, 0);
    officerRow->addWidget(m_officerLabel, 1);
    officerRow->addWidget(m_officerClear);
    m_officerBar->hide();

    auto *viewBar = new QHBoxLayout;
    viewBar->addWidget(m_viewCombo, 1);
    viewBar->addWidget(m_statusFilter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(viewBar);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_officerBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_countLabel);
    setFocusProxy(m_view);
    setSavedView(m_model->savedView());
    updateCountLabel();
    updateViewCounts();
}

RequestListPanel::~RequestListPanel() = default;

QTableView *RequestListPanel::view() const
{
    return m_view;
}

QLineEdit *RequestListPanel::filterEdit() const
{
    return m_filterEdit;
}

QComboBox *RequestListPanel::savedViewCombo() const
{
    return m_viewCombo;
}

void RequestListPanel::setSavedView(SavedView view)
{
    const int row = m_viewCombo->findData(static_cast<int>(view));
    if (row >= 0)
        m_viewCombo->setCurrentIndex(row);
    m_model->setSavedView(view);
}

SavedView RequestListPanel::savedView() const
{
    return m_model->savedView();
}

void RequestListPanel::clearFilters()
{
    m_filterTimer->stop();
    {
        const QSignalBlocker blocker(m_filterEdit);
        m_filterEdit->clear();
    }
    m_model->setFilterText(QString());
    {
        const QSignalBlocker blocker(m_statusFilter);
        m_statusFilter->setCurrentIndex(m_statusFilter->findData(AllStatuses));
    }
    m_model->setOpenOnly(false);
    m_model->setStatusFilter(std::nullopt);
    setOfficerShown(std::nullopt);
    if (m_model->savedView() != SavedView::All) {
        setSavedView(SavedView::All);
        Q_EMIT savedViewChanged(SavedView::All);
    }
}

void RequestListPanel::showStatus(RequestStatus status)
{
    clearFilters();
    m_statusFilter->setCurrentIndex(m_statusFilter->findData(static_cast<int>(status)));
}

void RequestListPanel::showOpenOf(const QString &officer)
{
    clearFilters();
    m_statusFilter->setCurrentIndex(m_statusFilter->findData(OpenRequests));
    setOfficerShown(officer.trimmed());
}

void RequestListPanel::showOverdue()
{
    clearFilters();
    setSavedView(SavedView::Overdue);
    Q_EMIT savedViewChanged(SavedView::Overdue);
}

std::optional<QString> RequestListPanel::officerShown() const
{
    const QStringList officers = m_model->officerFilter();
    if (officers.isEmpty())
        return std::nullopt;
    return officers.constFirst();
}

void RequestListPanel::setOfficerShown(const std::optional<QString> &officer)
{
    m_model->setOfficerFilter(officer ? QStringList{*officer} : QStringList());
    if (officer) {
        m_officerLabel->setText(officer->isEmpty()
                                    ? tr("Only requests with no officer")
                                    : tr("Only the requests of %1").arg(*officer));
    }
    m_officerBar->setVisible(officer.has_value());
    updateCountLabel();
}

void RequestListPanel::applySavedView()
{
    const auto view = static_cast<SavedView>(m_viewCombo->currentData().toInt());
    if (view == m_model->savedView())
        return;
    // Mine names its own officers; another officer's filter would widen it.
    if (view == SavedView::Mine)
        setOfficerShown(std::nullopt);
    m_model->setSavedView(view);
    Q_EMIT savedViewChanged(view);
}

void RequestListPanel::updateViewCounts()
{
    const SavedViewContext context = m_model->savedViewContext();
    auto *list = qobject_cast<QListView *>(m_viewCombo->view());
    for (int row = 0; row < m_viewCombo->count(); ++row) {
        const auto view = static_cast<SavedView>(m_viewCombo->itemData(row).toInt());
        const QString name = SavedViews::displayName(view, context.dueSoonWorkingDays);
        const int count = m_model->store() ? m_model->savedViewCount(view) : -1;
        m_viewCombo->setItemText(
            row, count < 0 ? name : tr("%1 (%2)").arg(name, QLocale().toString(count)));
        // Awaiting my review is for supervisors; the chosen view stays shown whatever it is.
        if (list) {
            list->setRowHidden(row,
                               !SavedViews::appliesTo(view, context)
                                   && row != m_viewCombo->currentIndex());
        }
    }
}

qint64 RequestListPanel::currentRequestId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void RequestListPanel::selectRequest(qint64 id)
{
    m_selecting = true;
    const int row = m_model->rowOfId(id);
    QItemSelectionModel *selection = m_view->selectionModel();
    if (row < 0) {
        selection->clear();
    } else {
        const QModelIndex index = m_model->index(row, RequestListModel::ReferenceColumn);
        selection->setCurrentIndex(index,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    }
    m_selecting = false;
}

void RequestListPanel::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

QList<int> RequestListPanel::columnWidths() const
{
    QList<int> widths;
    for (int column = 0; column < m_model->columnCount(); ++column)
        widths.append(wantedWidth(column));
    return widths;
}

void RequestListPanel::setColumnWidths(const QList<int> &widths)
{
    // The title stretches to fill the view; only the others are worth restoring.
    const int columns = std::min(int(widths.size()), m_model->columnCount());
    for (int column = 0; column < columns; ++column) {
        if (column == RequestListModel::TitleColumn || widths.at(column) <= 0)
            continue;
        if (m_view->isColumnHidden(column))
            m_droppedWidths.insert(column, widths.at(column));
        else
            m_view->setColumnWidth(column, widths.at(column));
    }
    fitColumns();
}

QList<int> RequestListPanel::droppableColumns()
{
    return {RequestListModel::ReceivedColumn,
            RequestListModel::OfficerColumn,
            RequestListModel::DaysLeftColumn};
}

bool RequestListPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void RequestListPanel::fitColumns()
{
    const int available = m_view->viewport()->width();
    const int titleRoom = m_view->fontMetrics().averageCharWidth() * 14;
    int needed = titleRoom;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column != RequestListModel::TitleColumn)
            needed += wantedWidth(column);
    }
    // Drop the least needed columns until the rest fit; show again what fits once more.
    for (const int column : droppableColumns()) {
        const bool fits = needed <= available;
        if (fits == !m_view->isColumnHidden(column)) {
            if (!fits)
                needed -= wantedWidth(column);
            continue;
        }
        if (fits) {
            m_view->setColumnHidden(column, false);
            m_view->setColumnWidth(column, m_droppedWidths.take(column));
        } else {
            needed -= wantedWidth(column);
            m_droppedWidths.insert(column, m_view->columnWidth(column));
            m_view->setColumnHidden(column, true);
        }
    }
}

int RequestListPanel::wantedWidth(int column) const
{
    if (m_view->isColumnHidden(column))
        return m_droppedWidths.value(column);
    return m_view->columnWidth(column);
}

void RequestListPanel::applyFilter()
{
    m_filterTimer->stop();
    m_model->setFilterText(m_filterEdit->text());
}

void RequestListPanel::applyStatusFilter()
{
    const int choice = m_statusFilter->currentData().toInt();
    m_model->setOpenOnly(choice == OpenRequests);
    m_model->setStatusFilter(choice >= 0 ? std::optional(static_cast<RequestStatus>(choice))
                                         : std::nullopt);
}

void RequestListPanel::updateCountLabel()
{
    const int total = m_model->totalCount();
    const bool filtered = !m_model->filterText().isEmpty() || m_model->statusFilter()
                          || !m_model->officerFilter().isEmpty()
                          || m_model->openOnly() || m_model->savedView() != SavedView::All;
    const QString count = QLocale().toString(total);
    if (filtered) {
        m_countLabel->setText(total == 1 ? tr("1 matching request")
                                         : tr("%1 matching requests").arg(count));
    } else {
        m_countLabel->setText(total == 1 ? tr("1 request") : tr("%1 requests").arg(count));
    }
}

void RequestListPanel::onCurrentRowChanged()
{
    if (m_selecting)
        return;
    Q_EMIT currentRequestChanged(currentRequestId());
}

} // namespace foidesk
