#pragma once

#include "editing/RequestDocument.h"

#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QTimer;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace foidesk {

class ClockEventsPanel;
class DateField;

// The "Request" page of the editor: the request's details and its requester. Every change the
// user makes becomes a command on the document; every change the document reports (typing,
// undo, redo, loading) is shown here.
class RequestDetailsForm : public QWidget
{
    Q_OBJECT

public:
    explicit RequestDetailsForm(RequestDocument *document, QWidget *parent = nullptr);

    // Shows the document's current values in every field.
    void refresh();
    // The names offered by the assigned officer box; free text stays allowed.
    void setOfficerNames(const QStringList &names);

    // Decides whether the user may change the status to the one given: nullopt lets the change
    // through; a message refuses it, the box shows the status as it was and statusRefused()
    // carries the message. Changes made by undo, redo or loading are never asked about.
    using StatusGate = std::function<std::optional<QString>(RequestStatus)>;
    void setStatusGate(StatusGate gate);
    // Says, for a reference typed, why it cannot be used (another request has it), or an empty
    // string. Asked a moment after typing stops; the answer shows under the reference field.
    using ReferenceCheck = std::function<QString(const QString &)>;
    void setReferenceCheck(ReferenceCheck check);
    // Asks the reference check now, for the reference shown (tests, and after loading).
    void checkReference();

    // The widget that edits field, or nullptr when this form does not show it.
    QWidget *widgetFor(RequestDocument::Field field) const;
    // Every widget that takes typing, for the editor's undo key filter.
    QList<QWidget *> inputWidgets() const;
    QWidget *firstInput() const;
    // The statutory clock's events and the date the response was sent.
    ClockEventsPanel *clockPanel() const { return m_clock; }
    QWidget *lastInput() const;

Q_SIGNALS:
    // The user's change of status was refused by the gate, for reason; nothing was changed.
    void statusRefused(const QString &reason);

private:
    void buildLayout();
    void connectEdits();
    void showValue(RequestDocument::Field field);
    void edit(RequestDocument::Field field, const QVariant &value);

    RequestDocument *m_document;
    StatusGate m_statusGate;
    ReferenceCheck m_referenceCheck;
    QTimer *m_referenceTimer = nullptr;
    QLabel *m_referenceTaken = nullptr;
    bool m_updating = false;

    QLineEdit *m_reference = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_introduction = nullptr;
    QComboBox *m_regime = nullptr;
    DateField *m_received = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_held = nullptr;
    QComboBox *m_officer = nullptr;
    QCheckBox *m_letterDateCheck = nullptr;
    QCheckBox *m_letterFinal = nullptr;
    DateField *m_letterDate = nullptr;
    QLineEdit *m_requesterName = nullptr;
    QLineEdit *m_requesterEmail = nullptr;
    QPlainTextEdit *m_requesterAddress = nullptr;
    QComboBox *m_requesterKind = nullptr;
    QCheckBox *m_notForPublication = nullptr;
    QLineEdit *m_notForPublicationReason = nullptr;
    QCheckBox *m_publishAfterCheck = nullptr;
    DateField *m_publishAfter = nullptr;
    ClockEventsPanel *m_clock = nullptr;
};

} // namespace foidesk
