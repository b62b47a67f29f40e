#include "clock/ClockEventDialog.h"

#include "help/HelpTopics.h"
#include "widgets/DateField.h"
#include "widgets/FormWidgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// What recording an event of this kind does to the deadline, in a line.
QString kindHint(ClockEventKind kind)
{
    switch (kind) {
    case ClockEventKind::ClarificationSought:
        return ClockEventDialog::tr("The clock stops on this day until the clarification arrives.");
    case ClockEventKind::ClarificationReceived:
        return ClockEventDialog::tr("A fresh twenty working days run from this day. Record the "
                                    "day it was sought first.");
    case ClockEventKind::FeesNoticeIssued:
        return ClockEventDialog::tr("Working days from this day until the fee is paid do not "
                                    "count. Unpaid for three months, the notice lapses.");
    case ClockEventKind::FeePaid:
        return ClockEventDialog::tr("The clock runs again from the next working day.");
    case ClockEventKind::PublicInterestExtension:
        return ClockEventDialog::tr("FOIA only, given within the twenty working days: the answer "
                                    "is due by the estimated date the requester was given.");
    case ClockEventKind::EirExtension:
        return ClockEventDialog::tr("Environmental information only, given within the twenty "
                                    "working days: forty working days are allowed instead.");
    case ClockEventKind::InternalReviewRequested:
        return ClockEventDialog::tr("The review's due date is worked out from this day.");
    case ClockEventKind::InternalReviewOutcome:
        return ClockEventDialog::tr("The day the review's result was sent to the requester. "
                                    "Choose the result for the quarterly figures: upheld in part "
                                    "when some information is released after the review.");
    case ClockEventKind::ComplaintToCommissioner:
        return ClockEventDialog::tr("Kept in the request's history; it does not move the clock.");
    }
    return QString();
}

} // namespace

ClockEventDialog::ClockEventDialog(const ClockEvent &initial,
                                   bool editing,
                                   Apply apply,
                                   QWidget *parent)
    : QDialog(parent)
    , m_apply(std::move(apply))
{
    setObjectName(QStringLiteral("clockEventDialog"));
    setWindowTitle(editing ? tr("Change Clock Event") : tr("Add Clock Event"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("clockEventKindCombo"));
    for (ClockEventKind kind : allClockEventKinds())
        m_kind->addItem(clockEventKindDisplayName(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(initial.kind)));

    m_kindHint = FormWidgets::plainLabel(QStringLiteral("clockEventKindHint"), this);
    FormWidgets::setItalic(m_kindHint);

    m_date = new DateField(QStringLiteral("clockEventDateEdit"), this);
    m_date->setPlaceholderText(tr("DD/MM/YYYY"));
    m_date->setDate(initial.date);

    m_estimate = new DateField(QStringLiteral("clockEventEstimateEdit"), this);
    m_estimate->setPlaceholderText(tr("DD/MM/YYYY"));
    m_estimate->setDate(initial.estimatedDate);
    m_estimateLabel = FormWidgets::buddyLabel(tr("&Estimated date:"), m_estimate->lineEdit());
    m_estimateLabel->setObjectName(QStringLiteral("clockEventEstimateLabel"));
    m_estimate->setToolTip(tr("The date by which the requester was told to expect a decision"));

    m_result = new QComboBox(this);
    m_result->setObjectName(QStringLiteral("clockEventResultCombo"));
    m_result->addItem(tr("Not recorded"), -1);
    for (ReviewResult result : allReviewResults())
        m_result->addItem(reviewResultDisplayName(result), int(result));
    m_result->setCurrentIndex(
        m_result->findData(initial.reviewResult ? int(*initial.reviewResult) : -1));
    m_result->setToolTip(tr("What the review decided about the original response"));
    m_resultLabel = FormWidgets::buddyLabel(tr("&Result:"), m_result);
    m_resultLabel->setObjectName(QStringLiteral("clockEventResultLabel"));

    m_note = FormWidgets::lineEdit(
        QStringLiteral("clockEventNoteEdit"), tr("Optional, for example how it was sent"), this);
    m_note->setText(initial.note);

    m_problem = FormWidgets::plainLabel(QStringLiteral("clockEventProblemLabel"), this);
    FormWidgets::setWarningColour(m_problem);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(FormWidgets::buddyLabel(tr("&Kind:"), m_kind), m_kind);
    form->addRow(QString(), m_kindHint);
    form->addRow(FormWidgets::buddyLabel(tr("&Date:"), m_date->lineEdit()), m_date);
    form->addRow(m_estimateLabel, m_estimate);
    form->addRow(m_resultLabel, m_result);
    form->addRow(FormWidgets::buddyLabel(tr("&Note:"), m_note), m_note);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("&Save") : tr("&Add"));
    HelpTopics::addHelpButton(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ClockEventDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ClockEventDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ClockEventDialog::kindChanged);
    kindChanged();
    // Wide enough for the hints and most refusals on two or three lines.
    const int startWidth = fontMetrics().averageCharWidth() * 80;
    setMinimumWidth(startWidth);
    resize(startWidth, qMax(sizeHint().height(), heightForWidth(startWidth)));
    m_date->lineEdit()->setFocus(Qt::OtherFocusReason);
}

void ClockEventDialog::kindChanged()
{
    const auto kind = ClockEventKind(m_kind->currentData().toInt());
    const bool estimate = kind == ClockEventKind::PublicInterestExtension;
    m_estimateLabel->setVisible(estimate);
    m_estimate->setVisible(estimate);
    const bool result = kind == ClockEventKind::InternalReviewOutcome;
    m_resultLabel->setVisible(result);
    m_result->setVisible(result);
    m_kindHint->setText(kindHint(kind));
    showProblem(QString());
}

void ClockEventDialog::fitContents()
{
    // Wrapped text needs more height as it grows (a longer hint, a refusal): never clip it.
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

ClockEvent ClockEventDialog::clockEvent() const
{
    ClockEvent typed;
    typed.kind = ClockEventKind(m_kind->currentData().toInt());
    typed.date = m_date->date();
    typed.note = m_note->text().simplified();
    if (typed.kind == ClockEventKind::PublicInterestExtension)
        typed.estimatedDate = m_estimate->date();
    if (typed.kind == ClockEventKind::InternalReviewOutcome && m_result->currentData().toInt() >= 0)
        typed.reviewResult = ReviewResult(m_result->currentData().toInt());
    return typed;
}

QString ClockEventDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ClockEventDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    fitContents();
}

void ClockEventDialog::accept()
{
    const ClockEvent typed = clockEvent();
    if (!m_date->problem().isEmpty()) {
        showProblem(tr("The date is not a real date: correct it, then press %1 again.")
                        .arg(m_buttons->button(QDialogButtonBox::Ok)->text().remove(u'&')));
        m_date->lineEdit()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!typed.date.isValid()) {
        showProblem(tr("Enter the day this happened, for example 17/06/2026."));
        m_date->lineEdit()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (typed.kind == ClockEventKind::PublicInterestExtension
        && (!typed.estimatedDate.isValid() || !m_estimate->problem().isEmpty())) {
        showProblem(tr("Enter the estimated date: the day the requester was told to expect a "
                       "decision."));
        m_estimate->lineEdit()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_apply) {
        const Result<void> applied = m_apply(typed);
        if (!applied) {
            showProblem(applied.errorMessage());
            return;
        }
    }
    QDialog::accept();
}

} // namespace foidesk
