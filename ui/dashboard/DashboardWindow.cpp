#include "dashboard/DashboardWindow.h"

#include "model/RequestEnums.h"
#include "stats/QuarterStatsCsv.h"
#include "store/Store.h"
#include "widgets/FileDialogs.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPen>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace foidesk {

namespace {

QString monthName(const QDate &first)
{
    return QLocale().toString(first, QStringLiteral("MMM yyyy"));
}

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

QTableWidgetItem *numberItem(int value)
{
    auto *item = new QTableWidgetItem(QLocale().toString(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *
figuresTable(const QString &objectName, const QString &accessibleName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return table;
}

QChartView *chartView(const QString &objectName, const QString &accessibleName)
{
    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->hide();
    auto *view = new QChartView(chart);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 220);
    view->setFocusPolicy(Qt::NoFocus); // the table beside it carries the same numbers
    return view;
}

// Drops what a chart showed, with its axes.
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A horizontal bar for each (label, count), the first at the top. Returns the series, whose
// clicked(index) counts from the bottom bar.
QHorizontalBarSeries *
drawBars(QChartView *view, const QList<QPair<QString, int>> &bars, const QString &setName)
{
    QChart *chart = view->chart();
    clearChart(chart);
    auto *set = new QBarSet(setName);
    QStringList categories;
    int most = 0;
    // A category axis on the left puts its first category at the bottom.
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        categories.append(it->first);
        set->append(it->second);
        most = std::max(most, it->second);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setBarWidth(0.7);
    chart->addSeries(series);

    auto *names = new QBarCategoryAxis;
    names->append(categories);
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto *counts = new QValueAxis;
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->setRange(0, std::max(most, 4));
    counts->applyNiceNumbers();
    counts->setMinorTickCount(0);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
    return series;
}

} // namespace

DashboardWindow::DashboardWindow(Store *store, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_refreshTimer(new QTimer(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("dashboardWindow"));
    setWindowTitle(tr("Dashboard"));
    setAccessibleName(tr("Dashboard"));

    // A burst of changes (an import saves many requests) is counted once.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardWindow::refresh);

    m_emptyNote = new QLabel(
        tr("<h2>No requests yet</h2><p>The dashboard counts the requests in the log: open "
           "requests by status and by officer, the share answered in time each month and the "
           "quarterly figures. Log a request, or import some, and they appear here.</p>"));
    m_emptyNote->setObjectName(QStringLiteral("dashboardEmptyNote"));
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setMargin(24);
    m_emptyNote->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("dashboardProblem"));
    m_problem->setAlignment(Qt::AlignCenter);
    m_problem->setWordWrap(true);
    m_problem->setMargin(24);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    m_tabs->addTab(createOpenPage(), tr("&Open Requests"));
    m_tabs->addTab(createTimelinessPage(), tr("Answered in &Time"));
    m_tabs->addTab(createQuarterPage(), tr("&Quarterly Figures"));

    m_stack->addWidget(m_emptyNote);
    m_stack->addWidget(m_problem);
    m_stack->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_stack);

    // Fits a 1366 x 768 laptop with the taskbar, and leaves room on a larger screen.
    QSize size(1100, 680);
    if (const QScreen *screen = parent ? parent->screen() : nullptr) {
        const QSize available = screen->availableSize();
        size = size.boundedTo(QSize(available.width() - 40, available.height() - 60));
    }
    resize(size);

    setStore(store);
}

DashboardWindow::~DashboardWindow() = default;

QWidget *DashboardWindow::createOpenPage()
{
    auto *page = new QWidget;
    m_openSummary = new QLabel;
    m_openSummary->setObjectName(QStringLiteral("openSummary"));
    m_openSummary->setWordWrap(true);

    m_overdueButton = new QPushButton;
    m_overdueButton->setObjectName(QStringLiteral("overdueButton"));
    m_overdueButton->setToolTip(tr("Show the open requests past their due date in the list"));
    connect(m_overdueButton, &QPushButton::clicked, this, &DashboardWindow::showOverdueAsked);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_openSummary, 1);
    summaryRow->addWidget(m_overdueButton);

    m_statusView = chartView(QStringLiteral("statusChart"), tr("Chart of open requests by status"));
    m_statusTable = figuresTable(QStringLiteral("statusTable"),
                                 tr("Open requests by status"),
                                 {tr("Status"), tr("Open requests")});
    m_officerView =
        chartView(QStringLiteral("officerChart"), tr("Chart of open requests by officer"));
    m_officerTable = figuresTable(QStringLiteral("officerTable"),
                                  tr("Open requests by officer"),
                                  {tr("Officer"), tr("Open requests")});

    // A row clicked, or chosen with Enter, shows its requests in the list.
    for (QTableWidget *table : {m_statusTable, m_officerTable}) {
        table->setToolTip(tr("Click a row to show its requests in the list"));
        table->viewport()->setCursor(Qt::PointingHandCursor);
        const auto asked = [this, table](int row) {
            const QTableWidgetItem *item = table->item(row, 0);
            if (!item)
                return;
            if (table == m_statusTable)
                Q_EMIT showStatusAsked(
                    static_cast<RequestStatus>(item->data(Qt::UserRole).toInt()));
            else
                Q_EMIT showOfficerAsked(item->data(Qt::UserRole).toString());
        };
        connect(table, &QTableWidget::cellClicked, this, asked);
        connect(table, &QTableWidget::cellActivated, this, asked);
    }

    const auto box = [](const QString &title, QChartView *view, QTableWidget *table) {
        auto *group = new QGroupBox(title);
        auto *column = new QVBoxLayout(group);
        column->addWidget(view, 3);
        column->addWidget(table, 2);
        return group;
    };
    auto *row = new QHBoxLayout;
    row->addWidget(box(tr("By status"), m_statusView, m_statusTable), 1);
    row->addWidget(box(tr("By officer"), m_officerView, m_officerTable), 1);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(summaryRow);
    layout->addLayout(row, 1);
    return page;
}

QWidget *DashboardWindow::createTimelinessPage()
{
    auto *page = new QWidget;
    m_timelinessSummary = new QLabel;
    m_timelinessSummary->setObjectName(QStringLiteral("timelinessSummary"));
    m_timelinessSummary->setWordWrap(true);
    m_timelinessView = chartView(QStringLiteral("timelinessChart"),
                                 tr("Chart of the share of requests answered in time each month"));
    m_timelinessView->chart()->legend()->show();
    m_timelinessView->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_monthTable = figuresTable(QStringLiteral("monthTable"),
                                tr("Requests answered in time each month"),
                                {tr("Month"),
                                 tr("Answered"),
                                 tr("In time"),
                                 tr("Late"),
                                 tr("No due date"),
                                 tr("Share in time")});

    auto *row = new QHBoxLayout;
    row->addWidget(m_timelinessView, 1);
    row->addWidget(m_monthTable, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_timelinessSummary);
    layout->addLayout(row, 1);
    return page;
}

QWidget *DashboardWindow::createQuarterPage()
{
    auto *page = new QWidget;

    m_yearBox = new QSpinBox;
    m_yearBox->setObjectName(QStringLiteral("quarterYear"));
    m_yearBox->setAccessibleName(tr("Year of the quarter"));
    m_yearBox->setRange(1900, 9999);
    m_yearBox->setGroupSeparatorShown(false);
    m_quarterBox = new QComboBox;
    m_quarterBox->setObjectName(QStringLiteral("quarterNumber"));
    m_quarterBox->setAccessibleName(tr("Quarter"));
    m_quarterBox->addItem(tr("Q1 (January to March)"), 1);
    m_quarterBox->addItem(tr("Q2 (April to June)"), 2);
    m_quarterBox->addItem(tr("Q3 (July to September)"), 3);
    m_quarterBox->addItem(tr("Q4 (October to December)"), 4);
    auto *quarterLabel = new QLabel(tr("Q&uarter:"));
    quarterLabel->setBuddy(m_yearBox);

    m_exportButton = new QPushButton(tr("&Export CSV..."));
    m_exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportButton->setToolTip(
        tr("Save the quarter's figures as a CSV file, the same file as \"foidesk stats --csv\""));
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportCsv(); });

    const auto chosen = [this] {
        m_quarterChosen = true;
        refreshQuarter();
    };
    connect(m_yearBox, &QSpinBox::valueChanged, this, chosen);
    connect(m_quarterBox, &QComboBox::currentIndexChanged, this, chosen);

    auto *chooser = new QHBoxLayout;
    chooser->addWidget(quarterLabel);
    chooser->addWidget(m_yearBox);
    chooser->addWidget(m_quarterBox);
    chooser->addStretch(1);
    chooser->addWidget(m_exportButton);

    m_quarterRange = new QLabel;
    m_quarterRange->setObjectName(QStringLiteral("quarterRange"));
    m_quarterRange->setWordWrap(true);
    m_quarterTable = figuresTable(
        QStringLiteral("quarterTable"), tr("Quarterly figures"), {tr("Figure"), tr("Requests")});
    m_exportNote = new QLabel;
    m_exportNote->setObjectName(QStringLiteral("exportNote"));
    m_exportNote->setWordWrap(true);
    m_exportNote->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(chooser);
    layout->addWidget(m_quarterRange);
    layout->addWidget(m_quarterTable, 1);
    layout->addWidget(m_exportNote);
    return page;
}

void DashboardWindow::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &Store::requestsChanged, this, &DashboardWindow::scheduleRefresh);
        connect(m_store, &Store::requestCreated, this, &DashboardWindow::scheduleRefresh);
        connect(m_store, &Store::requestSaved, this, &DashboardWindow::scheduleRefresh);
        connect(m_store, &Store::requestDeleted, this, &DashboardWindow::scheduleRefresh);
    }
    scheduleRefresh();
}

void DashboardWindow::setToday(const QDate &today)
{
    m_today = today;
    refresh();
}

void DashboardWindow::setSaveFileChooser(std::function<QString(const QString &)> chooser)
{
    m_chooser = std::move(chooser);
}

QDate DashboardWindow::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

Quarter DashboardWindow::quarter() const
{
    return Quarter{m_yearBox->value(), m_quarterBox->currentData().toInt()};
}

void DashboardWindow::setQuarter(const Quarter &quarter)
{
    {
        const QSignalBlocker yearBlocker(m_yearBox);
        const QSignalBlocker quarterBlocker(m_quarterBox);
        m_yearBox->setValue(quarter.year);
        m_quarterBox->setCurrentIndex(std::clamp(quarter.number, 1, 4) - 1);
    }
    m_quarterChosen = true;
    refreshQuarter();
}

void DashboardWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void DashboardWindow::scheduleRefresh()
{
    m_stale = true;
    // Counted when it is seen: a hidden dashboard costs nothing as the log changes.
    if (isVisible())
        m_refreshTimer->start();
}

void DashboardWindow::refresh()
{
    m_refreshTimer->stop();
    m_stale = false;
    if (!m_store) {
        m_figures = DashboardFigures();
        m_problem->setText(tr("No log is open."));
        m_stack->setCurrentWidget(m_problem);
        return;
    }
    const Result<DashboardFigures> figures = DashboardCounter::count(*m_store, today());
    if (!figures) {
        m_figures = DashboardFigures();
        m_problem->setText(figures.errorMessage());
        m_stack->setCurrentWidget(m_problem);
        return;
    }
    m_figures = figures.value();
    if (!m_quarterChosen) {
        const Quarter last = DashboardCounter::lastCompleteQuarter(today());
        const QSignalBlocker yearBlocker(m_yearBox);
        const QSignalBlocker quarterBlocker(m_quarterBox);
        m_yearBox->setValue(last.year);
        m_quarterBox->setCurrentIndex(last.number - 1);
    }
    if (m_figures.isEmpty()) {
        m_stack->setCurrentWidget(m_emptyNote);
        m_quarterStats = QuarterStats();
        m_quarterStats.quarter = quarter();
        return;
    }
    m_stack->setCurrentWidget(m_tabs);
    showOpenRequests();
    showTimeliness();
    refreshQuarter();
}

void DashboardWindow::showOpenRequests()
{
    const QLocale locale;
    m_openSummary->setText(tr("%Ln open request(s) of %1 in the log.", nullptr, m_figures.open)
                               .arg(locale.toString(m_figures.total)));
    m_overdueButton->setText(tr("%Ln overdue", nullptr, m_figures.overdue));
    m_overdueButton->setAccessibleName(
        tr("Show the %Ln overdue request(s) in the list", nullptr, m_figures.overdue));
    m_overdueButton->setEnabled(m_figures.overdue > 0);

    QList<QPair<QString, int>> statusBars;
    QStringList statusWords;
    m_statusTable->setRowCount(int(m_figures.openByStatus.size()));
    for (int row = 0; row < m_figures.openByStatus.size(); ++row) {
        const StatusFigure &figure = m_figures.openByStatus.at(row);
        const QString name = statusDisplayName(figure.status);
        statusBars.append({name, figure.count});
        statusWords.append(tr("%1: %2").arg(name, locale.toString(figure.count)));
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setData(Qt::UserRole, static_cast<int>(figure.status));
        m_statusTable->setItem(row, 0, nameItem);
        m_statusTable->setItem(row, 1, numberItem(figure.count));
    }
    QHorizontalBarSeries *statusSeries = drawBars(m_statusView, statusBars, tr("Open requests"));
    const QList<StatusFigure> statuses = m_figures.openByStatus;
    connect(statusSeries, &QAbstractBarSeries::clicked, this, [this, statuses](int index) {
        const qsizetype at = statuses.size() - 1 - index;
        if (at >= 0 && at < statuses.size())
            Q_EMIT showStatusAsked(statuses.at(at).status);
    });
    m_statusView->setAccessibleDescription(statusWords.join(QStringLiteral("; ")));

    QList<QPair<QString, int>> officerBars;
    QStringList officerWords;
    m_officerTable->setRowCount(int(m_figures.openByOfficer.size()));
    for (int row = 0; row < m_figures.openByOfficer.size(); ++row) {
        const OfficerFigure &figure = m_figures.openByOfficer.at(row);
        const QString name = figure.officer.isEmpty() ? tr("(no officer)") : figure.officer;
        officerBars.append({name, figure.count});
        officerWords.append(tr("%1: %2").arg(name, locale.toString(figure.count)));
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setData(Qt::UserRole, figure.officer);
        m_officerTable->setItem(row, 0, nameItem);
        m_officerTable->setItem(row, 1, numberItem(figure.count));
    }
    // More bars than this leave too little height for their names, which the chart would
    // then elide to nothing; the table beside it lists every officer.
    constexpr qsizetype ChartedOfficers = 8;
    if (officerBars.isEmpty()) {
        clearChart(m_officerView->chart());
        m_officerView->chart()->setTitle(tr("No open requests"));
    } else {
        const bool cut = officerBars.size() > ChartedOfficers;
        m_officerView->chart()->setTitle(
            cut ? tr("The %1 with the most open requests; the table lists all %2")
                      .arg(ChartedOfficers)
                      .arg(officerBars.size())
                : QString());
        QHorizontalBarSeries *series =
            drawBars(m_officerView,
                     officerBars.first(std::min(ChartedOfficers, officerBars.size())),
                     tr("Open requests"));
        const QList<OfficerFigure> officers =
            m_figures.openByOfficer.first(std::min(ChartedOfficers, officerBars.size()));
        connect(series, &QAbstractBarSeries::clicked, this, [this, officers](int index) {
            const qsizetype at = officers.size() - 1 - index;
            if (at >= 0 && at < officers.size())
                Q_EMIT showOfficerAsked(officers.at(at).officer);
        });
    }
    m_officerView->setAccessibleDescription(
        officerWords.isEmpty() ? tr("No open requests") : officerWords.join(QStringLiteral("; ")));
}

void DashboardWindow::showTimeliness()
{
    const QLocale locale;
    QChart *chart = m_timelinessView->chart();
    clearChart(chart);

    auto *shares = new QBarSet(tr("Answered in time"));
    QStringList months;
    QStringList words;
    int answered = 0;
    int inTime = 0;
    m_monthTable->setRowCount(int(m_figures.months.size()));
    for (int row = 0; row < m_figures.months.size(); ++row) {
        const MonthFigure &month = m_figures.months.at(row);
        const std::optional<double> share = month.shareInTime();
        answered += month.answered;
        inTime += month.inTime;
        // "Jan 2026" twelve times does not fit under the bars; the axis title gives the years.
        months.append(QLocale().toString(month.first, QStringLiteral("MMM")));
        shares->append(share ? *share * 100.0 : 0.0);
        const QString shareText = share ? percent(*share) : tr("none answered");
        words.append(tr("%1: %2").arg(monthName(month.first), shareText));
        m_monthTable->setItem(row, 0, new QTableWidgetItem(monthName(month.first)));
        m_monthTable->setItem(row, 1, numberItem(month.answered));
        m_monthTable->setItem(row, 2, numberItem(month.inTime));
        m_monthTable->setItem(row, 3, numberItem(month.late));
        m_monthTable->setItem(row, 4, numberItem(month.unknown));
        auto *shareItem = new QTableWidgetItem(share ? percent(*share) : QStringLiteral("\u2013"));
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (share && *share < DashboardFigures::IcoExpectation)
            shareItem->setToolTip(tr("Below the ICO's expectation of 90%"));
        m_monthTable->setItem(row, 5, shareItem);
    }

    auto *bars = new QBarSeries;
    bars->append(shares);
    bars->setBarWidth(0.7);
    chart->addSeries(bars);

    auto *line = new QLineSeries;
    line->setName(tr("ICO expectation 90%"));
    line->append(-0.5, DashboardFigures::IcoExpectation * 100.0);
    line->append(double(months.size()) - 0.5, DashboardFigures::IcoExpectation * 100.0);
    QPen pen(QColor(0xb0, 0x20, 0x20));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(2.0);
    line->setPen(pen);
    chart->addSeries(line);

    auto *axisX = new QBarCategoryAxis;
    axisX->append(months);
    axisX->setTitleText(tr("Month answered, %1 to %2")
                            .arg(monthName(m_figures.months.constFirst().first),
                                 monthName(m_figures.months.constLast().first)));
    chart->addAxis(axisX, Qt::AlignBottom);
    bars->attachAxis(axisX);
    line->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setTickCount(6);
    axisY->setLabelFormat(QStringLiteral("%d%%"));
    axisY->setTitleText(tr("Answered in time"));
    chart->addAxis(axisY, Qt::AlignLeft);
    bars->attachAxis(axisY);
    line->attachAxis(axisY);

    m_timelinessView->setAccessibleDescription(
        tr("Share answered in time, by month: %1. The ICO expects 90%.")
            .arg(words.join(QStringLiteral("; "))));
    if (answered == 0) {
        m_timelinessSummary->setText(
            tr("No requests were answered in the twelve months from %1 to %2.")
                .arg(monthName(m_figures.months.constFirst().first),
                     monthName(m_figures.months.constLast().first)));
    } else {
        m_timelinessSummary->setText(
            tr("%1 of the %Ln request(s) answered from %2 to %3 were answered in time (%4). "
               "The Information Commissioner expects at least 90%.",
               nullptr,
               answered)
                .arg(locale.toString(inTime),
                     monthName(m_figures.months.constFirst().first),
                     monthName(m_figures.months.constLast().first),
                     percent(double(inTime) / double(answered))));
    }
}

void DashboardWindow::refreshQuarter()
{
    m_exportNote->clear();
    const Quarter chosen = quarter();
    if (!m_store) {
        m_quarterStats = QuarterStats();
        m_quarterStats.quarter = chosen;
        return;
    }
    const Result<QuarterStats> stats = QuarterCounter().count(chosen, *m_store);
    if (!stats) {
        m_quarterStats = QuarterStats();
        m_quarterStats.quarter = chosen;
        m_quarterTable->setRowCount(0);
        m_quarterRange->setText(stats.errorMessage());
        m_exportButton->setEnabled(false);
        return;
    }
    m_quarterStats = stats.value();
    m_exportButton->setEnabled(true);
    showQuarter();
}

void DashboardWindow::showQuarter()
{
    const QLocale locale;
    m_quarterRange->setText(
        tr("Requests received from %1 to %2, counted with whatever has happened to them since. "
           "Open requests received in the quarter are counted as received only.")
            .arg(locale.toString(m_quarterStats.quarter.first(), QLocale::LongFormat),
                 locale.toString(m_quarterStats.quarter.last(), QLocale::LongFormat)));
    const QList<QuarterStatsLine> lines = QuarterStatsText::lines(m_quarterStats);
    m_quarterTable->setRowCount(int(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        const QuarterStatsLine &line = lines.at(row);
        auto *label = new QTableWidgetItem(QString(line.indent * 4, QLatin1Char(' ')) + line.label);
        label->setData(Qt::UserRole, line.column);
        m_quarterTable->setItem(row, 0, label);
        m_quarterTable->setItem(row, 1, numberItem(line.value));
    }
}

QString DashboardWindow::chooseSaveFile(const QString &suggested) const
{
    if (m_chooser)
        return m_chooser(suggested);
    return FileDialogs::saveFile(const_cast<DashboardWindow *>(this),
                                 QStringLiteral("exportStatsDialog"),
                                 tr("Export Quarterly Figures"),
                                 suggested,
                                 tr("CSV files (*.csv)"));
}

bool DashboardWindow::exportCsv()
{
    if (!m_store)
        return false;
    refreshQuarter();
    const QString name = QStringLiteral("foi-figures-%1.csv").arg(m_quarterStats.quarter.text());
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = chooseSaveFile(QDir(folder).filePath(name));
    if (path.isEmpty())
        return false;

    QSaveFile file(path);
    const QByteArray csv = QuarterStatsText::csv(m_quarterStats).toUtf8();
    const bool written =
        file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size() && file.commit();
    if (!written) {
        QMessageBox::warning(this,
                             tr("Export CSV"),
                             tr("The figures of %1 were not saved to %2: %3")
                                 .arg(m_quarterStats.quarter.text(),
                                      QDir::toNativeSeparators(path),
                                      file.errorString()));
        return false;
    }
    m_exportNote->setText(tr("The figures of %1 were saved to %2.")
                              .arg(m_quarterStats.quarter.text(), QDir::toNativeSeparators(path)));
    return true;
}

} // namespace foidesk
