#pragma once

#include "editing/RequestDocument.h"

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace foidesk {

class QuestionForm;

// Withholding from the current answer: Redact Selection (Ctrl+R) withholds the selected text
// under an exemption picked from a short menu (the likeliest first, so Ctrl+R then Enter does
// it), and the answer's context menu releases a passage. Both are undoable commands on the
// document.
class AnswerRedaction : public QObject
{
    Q_OBJECT

public:
    // scope: the widget within which Ctrl+R works (the whole Questions page).
    AnswerRedaction(RequestDocument *document, QuestionForm *form, QWidget *scope);

    QAction *action() const { return m_action; }
    void setEnabled(bool enabled);

    // With no text selected in the answer, only a status message.
    void redactSelection();
    void releaseSpan(int spanIndex);

Q_SIGNALS:
    // A short note for the window's status bar ("Select text first", "Withheld under ...").
    void statusMessage(const QString &message);

private:
    QString defaultExemption() const;
    // The exemption for a new redaction, picked from a menu at the selection; empty when the
    // user cancelled.
    QString pickExemption();

    RequestDocument *m_document;
    QuestionForm *m_form;
    QAction *m_action = nullptr;
    QString m_lastExemption; // the exemption of the last redaction made in this request
};

} // namespace foidesk
