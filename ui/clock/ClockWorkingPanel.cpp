#include "clock/ClockWorkingPanel.h"

#include "calendar/StatutoryClock.h"
#include "editing/RequestDocument.h"
#include "help/HelpTopics.h"
#include "model/RequestEnums.h"
#include "widgets/FormWidgets.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;

enum Column
{
    DateColumn,
    DayColumn,
    TextColumn,
    ColumnCount
};

QString longDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

QString stepDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("ddd d MMM yyyy"));
}

} // namespace

ClockWorkingPanel::ClockWorkingPanel(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("clockWorkingPanel"));
    m_summary = FormWidgets::plainLabel(QStringLiteral("clockWorkingSummary"), this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_warnings = FormWidgets::plainLabel(QStringLiteral("clockWorkingWarnings"), this);
    // The strip's amber: the same kind of message, seen without hovering.
    m_warnings->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; color: #3b2300; border: 1px solid #e0c060; "
                       "border-radius: 3px; padding: 4px 6px; }"));
    m_warnings->hide();

    m_problem = FormWidgets::plainLabel(QStringLiteral("clockWorkingProblem"), this);
    m_problem->setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e9; color: #5c0a0f; border: 1px solid #e8a0a6; "
                       "border-radius: 3px; padding: 4px 6px; }"));
    m_problem->hide();

    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("clockWorkingSteps"));
    m_steps->setAccessibleName(tr("Days counted and skipped"));
    m_steps->setColumnCount(ColumnCount);
    m_steps->setHeaderLabels({tr("Date"), tr("Working day"), tr("What happened")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(false);
    m_steps->setWordWrap(true);
    m_steps->setTextElideMode(Qt::ElideNone);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_steps->header()->setSectionResizeMode(DateColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(DayColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setStretchLastSection(true);

    // The long sentences of the events wrap within the column instead of being cut off.
    m_fitTimer = new QTimer(this);
    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(0);
    connect(m_fitTimer, &QTimer::timeout, this, &ClockWorkingPanel::fitRowHeights);
    connect(m_steps->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == TextColumn)
            m_fitTimer->start();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_warnings);
    layout->addWidget(m_problem);
    layout->addWidget(m_steps, 1);

    connect(m_document, &RequestDocument::clockChanged, this, &ClockWorkingPanel::refresh);
    connect(m_document, &RequestDocument::reset, this, &ClockWorkingPanel::refresh);
    connect(m_document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::Received || field == Field::Regime)
            refresh();
    });
    refresh();
}

void ClockWorkingPanel::refresh()
{
    m_steps->clear();
    const QDate received = m_document->value(Field::Received).toDate();
    const auto regime = Regime(m_document->value(Field::Regime).toInt());
    if (!received.isValid()) {
        m_summary->setText(tr("No date received yet: the due date is worked out from it."));
        m_warnings->hide();
        m_problem->hide();
        return;
    }
    const Result<ClockWorking> working = StatutoryClock().work(
        received, regime, m_document->clockEvents(), m_document->responseSent());
    if (!working) {
        m_summary->setText(
            tr("Received %1, under %2.").arg(longDate(received), regimeShortName(regime)));
        m_problem->setText(
            working.errorKind() == ErrorKind::BadInput
                ? tr("No due date: %1 Correct the events under Statutory clock on the Request "
                     "tab.")
                      .arg(working.errorMessage())
                : tr("No due date: %1").arg(working.errorMessage()));
        m_problem->show();
        m_warnings->hide();
        return;
    }
    m_problem->hide();

    const ClockWorking &w = *working;
    QStringList lines;
    if (w.due.isValid()) {
        lines.append(tr("Due %1.").arg(longDate(w.due)));
    } else {
        lines.append(w.stopped);
    }
    if (w.start != w.received) {
        lines.append(tr("Received %1; counted from %2, the day the clarification arrived, "
                        "which is the new date of receipt.")
                         .arg(longDate(w.received), longDate(w.start)));
    } else {
        lines.append(tr("Counted from the date of receipt, %1.").arg(longDate(w.start)));
    }
    lines.append(tr("Working days allowed: %1 (%2).").arg(w.period).arg(regimeShortName(w.regime)));
    if (w.due.isValid() && w.statutory.isValid() && w.due != w.statutory) {
        lines.append(tr("The statutory deadline was %1; the public interest extension moves "
                        "the answer to the estimated date.")
                         .arg(longDate(w.statutory)));
    }
    if (w.feeLapses.isValid()) {
        lines.append(
            tr("Unpaid, the fees notice lapses after %1 (FOIA s9(2)).").arg(longDate(w.feeLapses)));
    }
    if (w.reviewDue.isValid()) {
        lines.append(w.reviewLatest.isValid()
                         ? tr("Internal review due %1, and %2 at the latest.")
                               .arg(longDate(w.reviewDue), longDate(w.reviewLatest))
                         : tr("Internal review due %1.").arg(longDate(w.reviewDue)));
    }
    m_summary->setText(lines.join(u'\n'));
    m_warnings->setText(w.warnings.join(u'\n'));
    m_warnings->setVisible(!w.warnings.isEmpty());

    const QColor muted = palette().color(QPalette::Disabled, QPalette::Text);
    for (const ClockStep &step : w.steps) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(DateColumn, stepDate(step.date));
        if (step.kind == ClockStep::Kind::Counted)
            item->setText(DayColumn, QString::number(step.day));
        item->setText(TextColumn, step.text);
        item->setToolTip(TextColumn, step.text);
        item->setTextAlignment(DayColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (step.kind == ClockStep::Kind::Skipped) {
            for (int c = 0; c < ColumnCount; ++c)
                item->setForeground(c, muted);
        } else if (step.kind != ClockStep::Kind::Counted || step.date == w.due) {
            QFont bold = item->font(TextColumn);
            bold.setBold(true);
            for (int c = 0; c < ColumnCount; ++c)
                item->setFont(c, bold);
        }
    }
    m_fittedWidth = -1;
    fitRowHeights();
}

void ClockWorkingPanel::fitRowHeights()
{
    // The item's text margins, as the style draws them, on both sides.
    const int margin = 2 * (m_steps->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 2);
    const int columnWidth = m_steps->header()->sectionSize(TextColumn) - margin;
    // Settled when the widths are the ones the heights were made for; a new width (the window
    // resized, a scroll bar come or gone) comes back here through sectionResized.
    if (columnWidth <= 0 || columnWidth == m_fittedWidth)
        return;
    m_fittedWidth = columnWidth;
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_steps->topLevelItem(i);
        const QFontMetrics metrics(item->font(TextColumn));
        const QRect text = metrics.boundingRect(
            QRect(0, 0, columnWidth, 100000), Qt::TextWordWrap, item->text(TextColumn));
        item->setSizeHint(TextColumn, QSize(0, std::max(text.height(), metrics.height()) + 4));
    }
    m_steps->doItemsLayout();
}

QString ClockWorkingPanel::summary() const
{
    return m_summary->text();
}

QString ClockWorkingPanel::warnings() const
{
    return m_warnings->isHidden() ? QString() : m_warnings->text();
}

QString ClockWorkingPanel::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

ClockWorkingDialog::ClockWorkingDialog(RequestDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_panel(new ClockWorkingPanel(document, this))
{
    setObjectName(QStringLiteral("clockWorkingDialog"));
    setWindowTitle(tr("How Was This Worked Out?"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    HelpTopics::addHelpButton(buttons);
    // The focus starts on Close, so that no day of the list looks picked out.
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    buttons->button(QDialogButtonBox::Close)->setFocus(Qt::OtherFocusReason);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_panel, 1);
    layout->addWidget(buttons);

    // Tall enough for a month of days, never taller than the screen it opens on.
    QSize wanted(fontMetrics().averageCharWidth() * 130, fontMetrics().lineSpacing() * 40);
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        wanted = wanted.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(wanted);
}

} // namespace foidesk
