#pragma once

#include "model/RequestDocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace foidesk {

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

    // The widget that edits field, or nullptr when this form does not show it.
    QWidget *widgetFor(RequestDocument::Field field) const;
    // Every widget that takes typing, for the editor's undo key filter.
    QList<QWidget *> inputWidgets() const;
    QWidget *firstInput() const;
    QWidget *lastInput() const;

private:
    void buildLayout();
    void connectEdits();
    void showValue(RequestDocument::Field field);
    void edit(RequestDocument::Field field, const QVariant &value);

    RequestDocument *m_document;
    bool m_updating = false;

    QLineEdit *m_reference = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_regime = nullptr;
    QDateEdit *m_received = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_held = nullptr;
    QComboBox *m_officer = nullptr;
    QCheckBox *m_letterDateCheck = nullptr;
    QCheckBox *m_letterFinal = nullptr;
    QDateEdit *m_letterDate = nullptr;
    QLineEdit *m_requesterName = nullptr;
    QLineEdit *m_requesterEmail = nullptr;
    QPlainTextEdit *m_requesterAddress = nullptr;
    QComboBox *m_requesterKind = nullptr;
};

} // namespace foidesk
