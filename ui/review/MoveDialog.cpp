#include "review/MoveDialog.h"

#include "widgets/DateField.h"
#include "widgets/FileDialogs.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

bool needsText(WorkflowMove move)
{
    return move == WorkflowMove::Return || move == WorkflowMove::Reopen
           || move == WorkflowMove::Withdraw;
}

} // namespace

bool MoveDialog::asksForInput(WorkflowMove move)
{
    return needsText(move) || move == WorkflowMove::Approve || move == WorkflowMove::SecondApproval
           || move == WorkflowMove::MarkSent;
}

MoveDialog::MoveDialog(WorkflowMove move,
                       const QString &reference,
                       const QString &lastLetter,
                       QWidget *parent)
    : QDialog(parent)
    , m_move(move)
    , m_missing(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("moveDialog"));
    setWindowTitle(tr("%1: %2").arg(Workflow::moveDisplayName(move), reference));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    switch (move) {
    case WorkflowMove::Return:
        intro->setText(tr("Tell the officer what to change. Comments on single answers, made "
                          "on the Review tab, go back with this one."));
        break;
    case WorkflowMove::Approve:
    case WorkflowMove::SecondApproval:
        intro->setText(tr("Approve request %1 as it stands. A comment is optional; any later "
                          "change to its content withdraws the approval.")
                           .arg(reference));
        break;
    case WorkflowMove::Reopen:
        intro->setText(tr("Request %1 is locked. Say why it is reopened: the reason is kept in "
                          "its history, and the letter as sent stays in the log.")
                           .arg(reference));
        break;
    case WorkflowMove::Withdraw:
        intro->setText(tr("Say why request %1 is withdrawn (for example, the requester withdrew "
                          "it). The reason is kept in its history.")
                           .arg(reference));
        break;
    case WorkflowMove::MarkSent:
        intro->setText(tr("The letter as sent is kept in the log with the content it was made "
                          "from, for the Commissioner after a complaint. Choose the final "
                          "letter you exported and sent."));
        break;
    default:
        break;
    }

    if (move != WorkflowMove::MarkSent) {
        m_text = new QPlainTextEdit(this);
        m_text->setObjectName(QStringLiteral("moveText"));
        m_text->setTabChangesFocus(true);
        m_text->setPlaceholderText(needsText(move) ? tr("Required") : tr("Optional"));
        m_text->setMinimumSize(420, 110);
        auto *label = new QLabel(move == WorkflowMove::Reopen || move == WorkflowMove::Withdraw
                                     ? tr("&Reason:")
                                     : tr("&Comment:"),
                                 this);
        label->setBuddy(m_text);
        layout->addWidget(label);
        layout->addWidget(m_text, 1);
        connect(m_text, &QPlainTextEdit::textChanged, this, &MoveDialog::updateOk);
    } else {
        auto *form = new QFormLayout;
        m_sentOn = new DateField(QStringLiteral("sentOnEdit"), this);
        m_sentOn->setDate(QDate::currentDate());
        form->addRow(tr("&Sent on:"), m_sentOn);
        m_letter = new QLineEdit(lastLetter, this);
        m_letter->setObjectName(QStringLiteral("sentLetterPath"));
        m_letter->setMinimumWidth(360);
        auto *browse = new QPushButton(tr("&Browse..."), this);
        browse->setObjectName(QStringLiteral("browseLetterButton"));
        auto *row = new QHBoxLayout;
        row->addWidget(m_letter, 1);
        row->addWidget(browse);
        form->addRow(tr("&Letter (PDF):"), row);
        layout->addLayout(form);
        connect(browse, &QPushButton::clicked, this, &MoveDialog::browseForLetter);
        connect(m_letter, &QLineEdit::textChanged, this, &MoveDialog::updateOk);
        connect(m_sentOn, &DateField::dateChanged, this, &MoveDialog::updateOk);
    }

    m_missing->setObjectName(QStringLiteral("moveMissing"));
    m_missing->setWordWrap(true);
    layout->addWidget(m_missing);
    m_buttons->button(QDialogButtonBox::Ok)->setText(Workflow::moveDisplayName(move));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QString MoveDialog::text() const
{
    return m_text ? m_text->toPlainText().trimmed() : QString();
}

QDate MoveDialog::sentOn() const
{
    return m_sentOn ? m_sentOn->date() : QDate();
}

QString MoveDialog::letterPath() const
{
    return m_letter ? m_letter->text().trimmed() : QString();
}

void MoveDialog::browseForLetter()
{
    QFileDialog dialog(this, tr("Letter as Sent"));
    FileDialogs::prepare(dialog);
    dialog.setObjectName(QStringLiteral("sentLetterFileDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilter(tr("PDF documents (*.pdf)"));
    if (!letterPath().isEmpty())
        dialog.setDirectory(QFileInfo(letterPath()).absolutePath());
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        m_letter->setText(dialog.selectedFiles().constFirst());
}

void MoveDialog::updateOk()
{
    QString missing;
    if (m_text && needsText(m_move) && text().isEmpty()) {
        missing = m_move == WorkflowMove::Return ? tr("Write what the officer should change.")
                                                 : tr("Write the reason.");
    } else if (m_sentOn && !m_sentOn->date().isValid()) {
        missing = tr("Give the day the letter was sent.");
    } else if (m_sentOn && m_sentOn->date() > QDate::currentDate()) {
        missing = tr("The day the letter was sent cannot be in the future.");
    } else if (m_letter && letterPath().isEmpty()) {
        missing =
            tr("Choose the PDF of the letter as sent (File > Export Letter as PDF makes it).");
    } else if (m_letter && !QFileInfo(letterPath()).isFile()) {
        missing = tr("There is no file at that path: choose the PDF of the letter as sent.");
    }
    m_missing->setText(missing);
    m_missing->setVisible(!missing.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty());
}

} // namespace foidesk
