#pragma once

#include <QDialog>
#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace foidesk {

class RequestDocument;

// How the request's due date was worked out, from calendar/StatutoryClock: the date counted
// from, every working day counted and every day skipped with its reason, the events that moved
// the clock, the clock's warnings, and the fee lapse and internal review dates when they apply.
// Follows the document: an event added, changed or undone shows at once.
class ClockWorkingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ClockWorkingPanel(RequestDocument *document, QWidget *parent = nullptr);

    void refresh();

    QTreeWidget *stepList() const { return m_steps; }
    // The texts shown, for tests: the summary, the warnings (one per line) and the problem
    // (empty when the working could be done).
    QString summary() const;
    QString warnings() const;
    QString problem() const;

private:
    // Sets each row's height to fit its sentence wrapped at the column's width.
    void fitRowHeights();

    RequestDocument *m_document;
    QLabel *m_summary = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_problem = nullptr;
    QTreeWidget *m_steps = nullptr;
    QTimer *m_fitTimer = nullptr;
    int m_fittedWidth = -1; // the text column's width the row heights were made for
};

// The panel in a window of its own beside the editor ("How was this worked out?"), left open
// while the officer records events.
class ClockWorkingDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ClockWorkingDialog(RequestDocument *document, QWidget *parent = nullptr);

    ClockWorkingPanel *panel() const { return m_panel; }

private:
    ClockWorkingPanel *m_panel;
};

} // namespace foidesk
