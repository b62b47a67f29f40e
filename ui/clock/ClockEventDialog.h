#pragma once

#include "model/ClockEvent.h"
#include "util/Result.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace foidesk {

class DateField;

// Add or change one clock event: its kind, the day it happened, the estimated date of a public
// interest extension and the result of an internal review (each field shows only for its kind)
// and a note. OK hands the event to the apply function (the editor records it in the request);
// when that refuses it, the dialog stays open with the event as typed and the reason under the
// fields.
class ClockEventDialog : public QDialog
{
    Q_OBJECT

public:
    using Apply = std::function<Result<void>(const ClockEvent &)>;

    // editing: the dialog changes an existing event (title and button say so).
    ClockEventDialog(const ClockEvent &initial,
                     bool editing,
                     Apply apply,
                     QWidget *parent = nullptr);

    // The event as typed (the estimated date only for a public interest extension, the result
    // only for an internal review outcome).
    ClockEvent clockEvent() const;
    // The message under the fields, empty when there is none.
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    void kindChanged();
    void showProblem(const QString &text);
    void fitContents();

    Apply m_apply;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHint = nullptr;
    DateField *m_date = nullptr;
    QLabel *m_estimateLabel = nullptr;
    DateField *m_estimate = nullptr;
    QLabel *m_resultLabel = nullptr;
    QComboBox *m_result = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace foidesk
