#include "widgets/DateField.h"

#include "calendar/DateText.h"

#include <QCalendarWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace foidesk {

DateField::DateField(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_calendarButton(new QToolButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(objectName + QStringLiteral("Field"));
    m_edit->setObjectName(objectName);
    m_edit->setToolTip(tr("Type the date as day/month/year (17/06/2020) or as 17 June 2020, or "
                          "pick it from the calendar."));
    // Room for "00/00/0000" and a little more, so the field does not stretch across the form.
    m_edit->setMaximumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000"))
                            + 24);
    setFocusProxy(m_edit);

    m_calendarButton->setObjectName(objectName + QStringLiteral("CalendarButton"));
    m_calendarButton->setText(tr("Calendar..."));
    m_calendarButton->setToolTip(tr("Pick the date from a calendar"));
    m_calendarButton->setFocusPolicy(Qt::TabFocus);
    connect(m_calendarButton, &QToolButton::clicked, this, &DateField::pickFromCalendar);

    m_problem->setObjectName(objectName + QStringLiteral("Problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #a4262c;"));
    m_problem->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit);
    row->addWidget(m_calendarButton);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_problem);

    connect(m_edit, &QLineEdit::textEdited, this, &DateField::textEdited);
    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::finishEditing);
}

void DateField::setDate(const QDate &date)
{
    m_date = date.isValid() ? date : QDate();
    m_edit->setText(DateText::format(m_date));
    showProblem(QString());
}

void DateField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

QString DateField::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void DateField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::EnabledChange)
        m_calendarButton->setEnabled(isEnabled());
    QWidget::changeEvent(event);
}

void DateField::textEdited(const QString &text)
{
    const DateText::Parsed parsed = DateText::parse(text);
    switch (parsed.state) {
    case DateText::State::Empty:
        showProblem(QString());
        accept(QDate());
        break;
    case DateText::State::Valid:
        showProblem(QString());
        accept(parsed.date);
        break;
    case DateText::State::Impossible:
        // Said at once: the date stays as it was.
        showProblem(
            tr("%1 The date stays %2.")
                .arg(parsed.problem, m_date.isValid() ? DateText::format(m_date) : tr("empty")));
        break;
    case DateText::State::Incomplete:
        showProblem(QString()); // still typing
        break;
    }
}

void DateField::finishEditing()
{
    const DateText::Parsed parsed = DateText::parse(m_edit->text());
    if (parsed.state == DateText::State::Valid || parsed.state == DateText::State::Empty) {
        // Written the one way dates are shown.
        m_edit->setText(DateText::format(m_date));
        return;
    }
    // The text shown is not the date kept: show the date kept and say why.
    const QString typed = m_edit->text().simplified();
    const QString kept = m_date.isValid() ? DateText::format(m_date) : tr("empty");
    m_edit->setText(DateText::format(m_date));
    showProblem(
        parsed.state == DateText::State::Impossible
            ? tr("%1 The date stays %2.").arg(parsed.problem, kept)
            : tr("\"%1\" is not a date. %2 The date stays %3.").arg(typed, parsed.problem, kept));
}

void DateField::pickFromCalendar()
{
    QMenu menu(this);
    auto *calendar = new QCalendarWidget(&menu);
    calendar->setObjectName(objectName() + QStringLiteral("Calendar"));
    calendar->setFirstDayOfWeek(Qt::Monday);
    calendar->setGridVisible(true);
    if (m_date.isValid())
        calendar->setSelectedDate(m_date);
    auto *action = new QWidgetAction(&menu);
    action->setDefaultWidget(calendar);
    menu.addAction(action);
    connect(calendar, &QCalendarWidget::activated, &menu, [this, &menu](QDate picked) {
        m_edit->setText(DateText::format(picked));
        showProblem(QString());
        accept(picked);
        menu.close();
    });
    connect(calendar, &QCalendarWidget::clicked, &menu, [this, &menu](QDate picked) {
        m_edit->setText(DateText::format(picked));
        showProblem(QString());
        accept(picked);
        menu.close();
    });
    menu.exec(m_calendarButton->mapToGlobal(QPoint(0, m_calendarButton->height())));
}

void DateField::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void DateField::accept(const QDate &date)
{
    if (date == m_date)
        return;
    m_date = date;
    Q_EMIT dateChanged(m_date);
}

} // namespace foidesk
