#pragma once

#include "workflow/Workflow.h"

#include <QDate>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace foidesk {

class DateField;

// Asks what a workflow move needs besides itself: a comment (required to return a request,
// optional for an approval), a reason (required to reopen or withdraw), or, to mark a request
// sent, the day it went and the final letter's PDF as sent. OK stays disabled until what is
// required is there, and a line under the form says what is missing.
class MoveDialog : public QDialog
{
    Q_OBJECT

public:
    // reference names the request in the title; lastLetter is the final letter exported in
    // this session for it (offered for mark sent), or empty.
    MoveDialog(WorkflowMove move,
               const QString &reference,
               const QString &lastLetter,
               QWidget *parent = nullptr);

    // Whether move asks anything of the user; the others are made without a dialog.
    static bool asksForInput(WorkflowMove move);

    QString text() const; // the comment or the reason
    QDate sentOn() const;
    QString letterPath() const;

private:
    void browseForLetter();
    void updateOk();

    WorkflowMove m_move;
    QPlainTextEdit *m_text = nullptr;
    DateField *m_sentOn = nullptr;
    QLineEdit *m_letter = nullptr;
    QLabel *m_missing;
    QDialogButtonBox *m_buttons;
};

} // namespace foidesk
