#pragma once

#include "listing/SavedView.h"

#include <QHash>
#include <QList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace foidesk {

class RequestListModel;

// The left side of the window: a filter bar (text and status) over the request list.
// Typing in the filter waits for a pause before asking the store, so a long log is not
// queried once per keystroke.
class RequestListPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RequestListPanel(RequestListModel *model, QWidget *parent = nullptr);
    ~RequestListPanel() override;

    static constexpr int FilterDelayMs = 200;

    QTableView *view() const;
    QLineEdit *filterEdit() const;
    // The ready-made views, each with its count.
    QComboBox *savedViewCombo() const;

    void setSavedView(SavedView view);
    SavedView savedView() const;

    // The request of the current row, or 0.
    qint64 currentRequestId() const;
    // Makes the request's row current without emitting currentRequestChanged; clears the
    // selection when it is not loaded (or id is 0).
    void selectRequest(qint64 id);

    // What the dashboard's figures show when clicked: the list narrowed by the same query that
    // counted the figure, any other filter cleared.
    void showStatus(RequestStatus status);     // every request with this status
    void showOpenOf(const QString &officer);   // the open requests of one officer ("" for none)
    void showOverdue();                        // the Overdue view
    // The officer the list is narrowed to, or std::nullopt.
    std::optional<QString> officerShown() const;

    // Puts the cursor in the filter box, its text selected.
    void focusFilter();

    QList<int> columnWidths() const;
    void setColumnWidths(const QList<int> &widths);

    // The columns a narrow list leaves out, least needed first: the received date, the
    // officer, then the days left (the due date's tooltip says them too). Reference, title,
    // due date and status always stay in view.
    static QList<int> droppableColumns();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The user moved to another request (0 when the selection was cleared).
    void currentRequestChanged(qint64 id);
    // The user chose another saved view.
    void savedViewChanged(foidesk::SavedView view);

private:
    void applyFilter();
    void applyStatusFilter();
    void applySavedView();
    // Counts each view again and hides the ones that do not apply to the current user.
    void updateViewCounts();
    void updateCountLabel();
    // Clears the text, status, view and officer filters without reloading for each.
    void clearFilters();
    void setOfficerShown(const std::optional<QString> &officer);
    void onCurrentRowChanged();
    // Shows the columns that fit beside a readable title and hides the rest (by priority).
    void fitColumns();
    // A column's width, as it would be shown (a hidden column keeps the width it had).
    int wantedWidth(int column) const;

    RequestListModel *m_model;
    QLineEdit *m_filterEdit;
    QComboBox *m_statusFilter;
    QComboBox *m_viewCombo;
    QTableView *m_view;
    QLabel *m_countLabel;
    QWidget *m_officerBar;
    QLabel *m_officerLabel;
    QToolButton *m_officerClear;
    QTimer *m_filterTimer;
    bool m_selecting = false;
    QHash<int, int> m_droppedWidths; // column -> its width before fitColumns() hid it
};

} // namespace foidesk
