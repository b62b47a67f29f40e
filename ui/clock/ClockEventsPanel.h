#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace foidesk {

class DateField;
class RequestDocument;

// The "Statutory clock" part of the Request page: the request's clock events in date order
// with Add, Edit and Remove, and the day the response was sent. Every change goes through the
// document, so it is one undo step and is saved with the request. When the law refuses an
// order of events (a clarification received before one was sought, ...), or the events no
// longer fit the request's regime or date received, a message under the list says what is
// wrong and what to do; nothing is dropped.
class ClockEventsPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit ClockEventsPanel(RequestDocument *document, QWidget *parent = nullptr);

    // Shows the document's events, response date and the clock's verdict on them.
    void refresh();

    // Opens the dialog for a new event, or for the selected one.
    void addEvent();
    void editSelectedEvent();
    void removeSelectedEvent();

    // Records a response date still being typed (a save must not leave it behind).
    void commitPendingEdit();

    QTreeWidget *eventList() const { return m_list; }
    // The message under the list, empty when there is none.
    QString problem() const;
    // The widgets that take keys, in tab order, for the editor's undo key filter.
    QList<QWidget *> inputWidgets() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openDialog(int index);
    void commitResponseSent();
    void showProblem(const QString &text);
    void updateButtons();
    void selectEvent(int index);

    RequestDocument *m_document;
    QTreeWidget *m_list = nullptr;
    QLabel *m_emptyHint = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    DateField *m_responseSent = nullptr;
    // Why the last change asked for was not made; shown until the events change.
    QString m_refusal;
    bool m_updating = false;
    // A date typed into the response field, recorded when the typing is done.
    bool m_sentPending = false;
};

} // namespace foidesk
