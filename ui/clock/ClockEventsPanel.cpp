#include "clock/ClockEventsPanel.h"

#include "calendar/DateText.h"
#include "calendar/StatutoryClock.h"
#include "clock/ClockEventDialog.h"
#include "editing/RequestDocument.h"
#include "widgets/DateField.h"
#include "widgets/FormWidgets.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
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
    KindColumn,
    EstimateColumn,
    NoteColumn,
    ColumnCount
};

} // namespace

ClockEventsPanel::ClockEventsPanel(RequestDocument *document, QWidget *parent)
    : QGroupBox(tr("Statutory clock"), parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("clockEventsPanel"));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("clockEventList"));
    m_list->setAccessibleName(tr("Clock events"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Date"), tr("Event"), tr("Estimated date"), tr("Note")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    // Room for four events (and a scroll bar) before it scrolls, the header included.
    const int row = fontMetrics().lineSpacing() + 8;
    m_list->setFixedHeight(row * 6 + 2 * m_list->frameWidth());

    m_emptyHint = FormWidgets::plainLabel(QStringLiteral("clockEventsEmptyHint"), this);
    m_emptyHint->setText(tr("No clock events: the answer is due twenty working days after the "
                            "date received. Add a clarification, a fees notice, an extension or "
                            "an internal review when one happens."));
    FormWidgets::setItalic(m_emptyHint);

    m_problem = FormWidgets::plainLabel(QStringLiteral("clockProblemLabel"), this);
    m_problem->setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e9; color: #5c0a0f; border: 1px solid #e8a0a6; "
                       "border-radius: 3px; padding: 4px 6px; }"));
    m_problem->hide();

    m_add = new QPushButton(tr("Add\u2026"), this);
    m_add->setObjectName(QStringLiteral("addClockEventButton"));
    m_add->setToolTip(tr("Record a clarification, fees notice, extension, internal review or "
                         "complaint"));
    m_edit = new QPushButton(tr("Ed&it\u2026"), this);
    m_edit->setObjectName(QStringLiteral("editClockEventButton"));
    m_edit->setToolTip(tr("Change the selected event"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removeClockEventButton"));
    m_remove->setToolTip(tr("Remove the selected event; Undo brings it back"));

    m_responseSent = new DateField(QStringLiteral("responseSentEdit"), this);
    m_responseSent->setPlaceholderText(tr("Not sent yet"));
    m_responseSent->setToolTip(tr("The day the response went to the requester; clear it if it "
                                  "has not gone yet"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addLayout(buttons);

    auto *sentForm = new QFormLayout;
    sentForm->setContentsMargins(0, 0, 0, 0);
    sentForm->addRow(FormWidgets::buddyLabel(tr("Res&ponse sent:"), m_responseSent->lineEdit()),
                     m_responseSent);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(listRow);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_problem);
    layout->addLayout(sentForm);

    connect(m_add, &QPushButton::clicked, this, &ClockEventsPanel::addEvent);
    connect(m_edit, &QPushButton::clicked, this, &ClockEventsPanel::editSelectedEvent);
    connect(m_remove, &QPushButton::clicked, this, &ClockEventsPanel::removeSelectedEvent);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ClockEventsPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { editSelectedEvent(); });
    // Delete in the list removes the selected event, as the Remove button does.
    m_list->installEventFilter(this);
    // Typed dates are recorded when the typing is done (Enter, or leaving the field), so that
    // "15/04/20" on the way to "15/04/2026" is never a step of its own; a date picked from the
    // calendar is recorded at once.
    connect(m_responseSent, &DateField::dateChanged, this, [this] {
        if (m_updating)
            return;
        // Typing marks the text modified; a date picked from the calendar is set as a whole.
        if (m_responseSent->lineEdit()->isModified())
            m_sentPending = true;
        else
            commitResponseSent();
    });
    connect(m_responseSent->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_sentPending)
            commitResponseSent();
    });

    connect(m_document, &RequestDocument::clockChanged, this, [this] {
        m_refusal.clear();
        refresh();
    });
    connect(m_document, &RequestDocument::reset, this, [this] {
        m_refusal.clear();
        m_sentPending = false;
        refresh();
    });
    // A new regime or date received can make recorded events unlawful, or lawful again.
    connect(m_document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::Received || field == Field::Regime)
            refresh();
    });
    refresh();
}

void ClockEventsPanel::refresh()
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    const int selected =
        m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    m_list->clear();
    const QList<ClockEvent> &events = m_document->clockEvents();
    for (const ClockEvent &event : events) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(DateColumn, DateText::format(event.date));
        item->setText(KindColumn, clockEventDisplayText(event));
        if (event.estimatedDate.isValid())
            item->setText(EstimateColumn, DateText::format(event.estimatedDate));
        item->setText(NoteColumn, event.note);
        item->setToolTip(NoteColumn, event.note);
    }
    m_emptyHint->setVisible(events.isEmpty());
    if (selected >= 0 && selected < events.size())
        selectEvent(selected);

    const QDate sent = m_document->responseSent();
    if (!m_sentPending && m_responseSent->date() != sent)
        m_responseSent->setDate(sent);

    QString message = m_refusal;
    const QDate received = m_document->value(Field::Received).toDate();
    if (message.isEmpty() && received.isValid() && (!events.isEmpty() || sent.isValid())) {
        const Result<ClockWorking> working = StatutoryClock().work(
            received, Regime(m_document->value(Field::Regime).toInt()), events, sent);
        if (!working && working.errorKind() == ErrorKind::BadInput) {
            message = tr("The due date cannot be worked out from these events: %1 Edit or remove "
                         "the event named, or correct the regime or the date received.")
                          .arg(working.errorMessage());
        }
    }
    showProblem(message);
    updateButtons();
}

void ClockEventsPanel::commitPendingEdit()
{
    if (m_sentPending)
        commitResponseSent();
}

void ClockEventsPanel::commitResponseSent()
{
    m_sentPending = false;
    const Result<void> set = m_document->setResponseSent(m_responseSent->date());
    if (!set) {
        m_refusal =
            tr("The date the response was sent was not changed: %1").arg(set.errorMessage());
        refresh();
    }
}

void ClockEventsPanel::showProblem(const QString &text)
{
    const bool news = !text.isEmpty() && text != m_problem->text();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    if (!news)
        return;
    // A new message is brought into view: the Request page scrolls, and the message may be
    // below the part shown.
    QTimer::singleShot(0, this, [this] {
        for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
            if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
                scroll->ensureWidgetVisible(m_problem);
                break;
            }
        }
    });
}

QString ClockEventsPanel::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ClockEventsPanel::updateButtons()
{
    const bool selected = !m_list->selectedItems().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void ClockEventsPanel::selectEvent(int index)
{
    if (QTreeWidgetItem *item = m_list->topLevelItem(index)) {
        m_list->setCurrentItem(item);
        item->setSelected(true);
    }
}

void ClockEventsPanel::addEvent()
{
    openDialog(-1);
}

void ClockEventsPanel::editSelectedEvent()
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    if (!items.isEmpty())
        openDialog(m_list->indexOfTopLevelItem(items.first()));
}

void ClockEventsPanel::openDialog(int index)
{
    const bool editing = index >= 0 && index < m_document->clockEvents().size();
    ClockEvent initial;
    if (editing) {
        initial = m_document->clockEvents().at(index);
    } else {
        // A new event most often happens today, and never before the request arrived.
        const QDate received = m_document->value(Field::Received).toDate();
        initial.date =
            received.isValid() && received > QDate::currentDate() ? received : QDate::currentDate();
    }
    ClockEvent recorded;
    ClockEventDialog dialog(
        initial,
        editing,
        [this, editing, index, &recorded](const ClockEvent &event) -> Result<void> {
            const Result<void> done = editing ? m_document->replaceClockEvent(index, event)
                                              : m_document->addClockEvent(event);
            if (done) {
                recorded = event;
            } else {
                // Said under the list too, so that it is still there after Cancel.
                m_refusal = editing ? tr("The event was not changed: %1").arg(done.errorMessage())
                                    : tr("The event was not recorded: %1").arg(done.errorMessage());
                showProblem(m_refusal);
            }
            return done;
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int at = int(m_document->clockEvents().indexOf(recorded));
    if (at >= 0)
        selectEvent(at);
    m_list->setFocus(Qt::OtherFocusReason);
}

void ClockEventsPanel::removeSelectedEvent()
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    if (items.isEmpty())
        return;
    const int index = m_list->indexOfTopLevelItem(items.first());
    const Result<void> removed = m_document->removeClockEvent(index);
    if (!removed) {
        m_refusal = tr("The event was not removed: %1").arg(removed.errorMessage());
        showProblem(m_refusal);
        return;
    }
    if (!m_document->clockEvents().isEmpty())
        selectEvent(std::min(index, int(m_document->clockEvents().size()) - 1));
}

bool ClockEventsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) && !m_list->selectedItems().isEmpty()) {
            removeSelectedEvent();
            return true;
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

QList<QWidget *> ClockEventsPanel::inputWidgets() const
{
    return {m_list, m_add, m_edit, m_remove, m_responseSent->lineEdit()};
}

} // namespace foidesk
