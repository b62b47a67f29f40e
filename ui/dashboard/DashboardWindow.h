#pragma once

#include "stats/DashboardFigures.h"
#include "stats/QuarterStats.h"

#include <QDate>
#include <QPointer>
#include <QString>
#include <QWidget>
#include <functional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace foidesk {

class Store;

// View > Dashboard: a window of its own beside the main one, showing the log's figures.
//
// Three tabs: the open requests by status and by officer; the share of answers given in time
// in each of the last twelve months, against the Information Commissioner's expectation of
// 90%; and the quarterly figures of the section 45 Code of Practice for any quarter, which
// can be exported as the same CSV file "foidesk stats --csv" prints. Every chart has a table
// of the same numbers beside it, so nothing is only in a picture. The figures are counted
// again whenever the log changes; a log with no requests shows a short note instead of empty
// axes.
class DashboardWindow : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardWindow(Store *store, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    // The log shown; nullptr while the main window changes logs.
    void setStore(Store *store);

    // For tests: the day the figures are counted on (today when invalid), and what stands in
    // for the file dialog of Export CSV (given the suggested path, returns the chosen one, or
    // an empty string for "cancelled").
    void setToday(const QDate &today);
    void setSaveFileChooser(std::function<QString(const QString &)> chooser);

    const DashboardFigures &figures() const { return m_figures; }
    const QuarterStats &quarterStats() const { return m_quarterStats; }
    Quarter quarter() const;
    void setQuarter(const Quarter &quarter);

    // Counts everything again now.
    void refresh();
    // Asks where to save the chosen quarter's figures as CSV and writes them. Returns true when
    // a file was written.
    bool exportCsv();

Q_SIGNALS:
    // A figure was clicked: show the requests it counts in the request list, narrowed by the
    // query that counted it (DashboardCounter::statusQuery and the others).
    void showStatusAsked(foidesk::RequestStatus status);
    void showOfficerAsked(const QString &officer); // "" for the requests with no officer
    void showOverdueAsked();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createOpenPage();
    QWidget *createTimelinessPage();
    QWidget *createQuarterPage();
    void scheduleRefresh();
    void refreshQuarter();
    void showOpenRequests();
    void showTimeliness();
    void showQuarter();
    QDate today() const;
    QString chooseSaveFile(const QString &suggested) const;

    QPointer<Store> m_store;
    QDate m_today;
    std::function<QString(const QString &)> m_chooser;
    DashboardFigures m_figures;
    QuarterStats m_quarterStats;
    bool m_quarterChosen = false; // false: follow the last complete quarter as days pass
    bool m_stale = true;

    QTimer *m_refreshTimer;
    QStackedWidget *m_stack;
    QLabel *m_emptyNote;
    QLabel *m_problem;
    QTabWidget *m_tabs;
    QLabel *m_openSummary;
    QPushButton *m_overdueButton;
    QChartView *m_statusView;
    QTableWidget *m_statusTable;
    QChartView *m_officerView;
    QTableWidget *m_officerTable;
    QLabel *m_timelinessSummary;
    QChartView *m_timelinessView;
    QTableWidget *m_monthTable;
    QSpinBox *m_yearBox;
    QComboBox *m_quarterBox;
    QLabel *m_quarterRange;
    QTableWidget *m_quarterTable;
    QPushButton *m_exportButton;
    QLabel *m_exportNote;
};

} // namespace foidesk
