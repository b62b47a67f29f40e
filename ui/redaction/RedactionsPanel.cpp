#include "redaction/RedactionsPanel.h"

#include "redaction/ExemptionChooser.h"
#include "redaction/RedactionSpans.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSet>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace foidesk {

namespace {

using QField = RequestDocument::QuestionField;

enum Column
{
    QuestionColumn,
    TextColumn,
    ExemptionColumn
};
constexpr int RowRole = Qt::UserRole;
constexpr int SpanRole = Qt::UserRole + 1;
constexpr int StartRole = Qt::UserRole + 2;

} // namespace

RedactionsPanel::RedactionsPanel(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("redactionSummary"));
    m_summary->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("redactionList"));
    m_list->setHeaderLabels({tr("Question"), tr("Withheld text"), tr("Exemption")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Withheld passages"));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QuestionColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ExemptionColumn, QHeaderView::ResizeToContents);

    m_exemption = new QComboBox(this);
    m_exemption->setObjectName(QStringLiteral("redactionExemptionCombo"));
    m_exemption->setToolTip(tr("The exemption the selected passage is withheld under"));
    m_exemption->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_exemption->setMinimumContentsLength(18);
    auto *exemptionLabel = new QLabel(tr("E&xemption:"), this);
    exemptionLabel->setBuddy(m_exemption);

    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeRedactionButton"));
    m_remove->setToolTip(tr("Stop withholding the selected passages: they will be sent in the "
                            "letter (Delete). Undo brings them back."));

    // Delete and Backspace in the list release the selected passages, as the button does.
    auto *removeAction = new QAction(tr("Remove"), m_list);
    removeAction->setShortcuts(
        {QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)});
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeAction);

    auto *controls = new QHBoxLayout;
    controls->addWidget(exemptionLabel);
    controls->addWidget(m_exemption, 1);
    controls->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(controls);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showCurrent(); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] { showCurrent(); });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        const int row = item->data(QuestionColumn, RowRole).toInt();
        const int index = item->data(QuestionColumn, SpanRole).toInt();
        if (row < m_document->questionCount()
            && index < m_document->question(row).redactions.size()) {
            const Redaction &span = m_document->question(row).redactions.at(index);
            Q_EMIT jumpRequested(row, span.start, span.length);
        }
    });
    connect(m_exemption, &QComboBox::activated, this, &RedactionsPanel::changeExemption);
    connect(m_remove, &QPushButton::clicked, this, &RedactionsPanel::removeSelected);
    connect(removeAction, &QAction::triggered, this, &RedactionsPanel::removeSelected);

    connect(m_document, &RequestDocument::reset, this, &RedactionsPanel::rebuild);
    connect(m_document, &RequestDocument::questionInserted, this, &RedactionsPanel::rebuild);
    connect(m_document, &RequestDocument::questionRemoved, this, &RedactionsPanel::rebuild);
    connect(m_document, &RequestDocument::questionMoved, this, &RedactionsPanel::rebuild);
    connect(m_document, &RequestDocument::valueChanged, this, [this](RequestDocument::Field f) {
        if (f == RequestDocument::Field::Regime)
            rebuild();
    });
    connect(m_document, &RequestDocument::questionValueChanged, this, [this](int row, QField f) {
        // Typing moves spans (a Redactions change); typing over withheld characters changes
        // what the list shows without moving anything.
        if (f == QField::Redactions || f == QField::Label
            || (f == QField::Answer && !m_document->question(row).redactions.isEmpty())) {
            rebuild();
        }
    });

    rebuild();
}

void RedactionsPanel::setCatalogue(const ExemptionCatalogue &catalogue)
{
    m_catalogue = catalogue;
    rebuild();
}

Regime RedactionsPanel::regime() const
{
    return Regime(m_document->value(RequestDocument::Field::Regime).toInt());
}

int RedactionsPanel::passageCount() const
{
    return m_list->topLevelItemCount();
}

void RedactionsPanel::rebuild()
{
    // Keep the same passage current across the rebuild: found again by where it starts.
    int currentRow = -1;
    qsizetype currentStart = -1;
    if (QTreeWidgetItem *current = m_list->currentItem()) {
        currentRow = current->data(QuestionColumn, RowRole).toInt();
        currentStart = current->data(QuestionColumn, StartRole).toLongLong();
    }
    // Typing in an answer rebuilds the list; where the officer had scrolled it stays put.
    const int scrolledTo = m_list->verticalScrollBar()->value();

    {
        const QScopedValueRollback<bool> guard(m_rebuilding, true);
        m_list->clear();
        QSet<int> answers;
        for (int row = 0; row < m_document->questionCount(); ++row) {
            const Question &question = m_document->question(row);
            for (int i = 0; i < question.redactions.size(); ++i) {
                const Redaction &span = question.redactions.at(i);
                const QString text = question.answer.mid(span.start, span.length);
                auto *item = new QTreeWidgetItem(m_list);
                item->setText(QuestionColumn, questionName(question, row));
                item->setText(TextColumn, text.simplified());
                item->setText(ExemptionColumn,
                              ExemptionChooser::describe(m_catalogue, regime(), span.exemption));
                item->setToolTip(TextColumn, text);
                item->setToolTip(QuestionColumn, question.text.simplified());
                item->setData(QuestionColumn, RowRole, row);
                item->setData(QuestionColumn, SpanRole, i);
                item->setData(QuestionColumn, StartRole, span.start);
                answers.insert(row);
            }
        }
        const int count = m_list->topLevelItemCount();
        if (count == 0) {
            m_summary->setText(tr("Nothing is withheld. Select text in an answer and press "
                                  "Ctrl+R to withhold it."));
        } else {
            m_summary->setText(tr("%n passage(s) withheld", nullptr, count) + QLatin1Char(' ')
                               + tr("in %n answer(s).", nullptr, int(answers.size())));
        }
    }
    if (currentRow >= 0)
        selectPassage(currentRow, currentStart);
    // After selecting, which scrolls to the current passage: the officer may have scrolled
    // away from it, and the list shows what it showed before. The view sizes its scroll range
    // lazily, so it is laid out first for the old position to fit.
    m_list->doItemsLayout();
    m_list->verticalScrollBar()->setValue(scrolledTo);
    showCurrent();
    Q_EMIT passageCountChanged(m_list->topLevelItemCount());
}

void RedactionsPanel::selectPassage(int row, qsizetype position)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(QuestionColumn, RowRole).toInt() != row)
            continue;
        const int index = item->data(QuestionColumn, SpanRole).toInt();
        const Redaction &span = m_document->question(row).redactions.at(index);
        if (position >= span.start && position <= span.end()) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return;
        }
    }
}

QList<QPair<int, int>> RedactionsPanel::selectedSpans() const
{
    QList<QPair<int, int>> spans;
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    for (const QTreeWidgetItem *item : items) {
        spans.append({item->data(QuestionColumn, RowRole).toInt(),
                      item->data(QuestionColumn, SpanRole).toInt()});
    }
    std::sort(spans.begin(), spans.end());
    return spans;
}

void RedactionsPanel::showCurrent()
{
    if (m_rebuilding)
        return;
    const QList<QPair<int, int>> selected = selectedSpans();
    QTreeWidgetItem *current = m_list->currentItem();
    m_remove->setEnabled(!selected.isEmpty());
    // The exemption of one passage at a time: several selected may differ.
    const bool one = current && selected.size() == 1;
    m_exemption->setEnabled(one);
    if (!one) {
        fillExemptionChoices(QString());
        return;
    }
    const int row = current->data(QuestionColumn, RowRole).toInt();
    const int index = current->data(QuestionColumn, SpanRole).toInt();
    fillExemptionChoices(m_document->question(row).redactions.at(index).exemption);
}

void RedactionsPanel::fillExemptionChoices(const QString &current)
{
    const QSignalBlocker blocker(m_exemption);
    m_exemption->clear();
    if (current.isEmpty())
        return;
    const QList<Exemption> entries = m_catalogue.forRegime(regime());
    for (const Exemption &entry : entries) {
        m_exemption->addItem(ExemptionChooser::describe(m_catalogue, regime(), entry.code),
                             entry.code);
    }
    int index = m_exemption->findData(current);
    if (index < 0) {
        m_exemption->insertItem(
            0, ExemptionChooser::describe(m_catalogue, regime(), current), current);
        index = 0;
    }
    m_exemption->setCurrentIndex(index);
}

void RedactionsPanel::changeExemption(int comboIndex)
{
    QTreeWidgetItem *current = m_list->currentItem();
    if (!current || comboIndex < 0)
        return;
    const QString code = m_exemption->itemData(comboIndex).toString();
    const int row = current->data(QuestionColumn, RowRole).toInt();
    const int index = current->data(QuestionColumn, SpanRole).toInt();
    m_document->finishTyping();
    m_document->setRedactionExemption(row, index, code);
}

void RedactionsPanel::removeSelected()
{
    QList<Passage> passages;
    for (const auto &[row, index] : selectedSpans())
        passages.append({row, m_document->question(row).redactions.at(index)});
    if (passages.isEmpty())
        return;
    // The passage after the removed ones becomes current, so Delete can be pressed again.
    int first = m_list->topLevelItemCount();
    for (QTreeWidgetItem *item : m_list->selectedItems())
        first = qMin(first, m_list->indexOfTopLevelItem(item));
    release(m_document, passages);
    const int count = m_list->topLevelItemCount();
    if (count > 0)
        m_list->setCurrentItem(m_list->topLevelItem(qMin(first, count - 1)));
}

bool RedactionsPanel::withhold(RequestDocument *document,
                               const QList<Passage> &passages,
                               const QString &undoText)
{
    // Work out first what would change, so that a request to withhold what is already
    // withheld leaves no empty step in the history.
    QMap<int, QList<Redaction>> after;
    for (const auto &[row, span] : passages) {
        if (row < 0 || row >= document->questionCount())
            continue;
        const Question &question = document->question(row);
        if (!after.contains(row))
            after.insert(row, question.redactions);
        after[row] = redaction::added(after.value(row), span, question.answer.size());
    }
    bool changes = false;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        changes = changes || it.value() != document->question(it.key()).redactions;
    if (!changes)
        return false;

    document->finishTyping();
    QUndoStack *stack = document->undoStack();
    stack->beginMacro(undoText);
    for (const auto &[row, span] : passages)
        document->redact(row, span.start, span.length, span.exemption);
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const int row = it.key();
        if (document->question(row).disposition == Disposition::Answered
            && !document->question(row).redactions.isEmpty()) {
            document->setQuestionValue(row, QField::Disposition, int(Disposition::PartWithheld));
        }
    }
    stack->endMacro();
    return true;
}

bool RedactionsPanel::release(RequestDocument *document, const QList<Passage> &passages)
{
    QMap<int, QList<Redaction>> after;
    for (const auto &[row, span] : passages) {
        if (row < 0 || row >= document->questionCount())
            continue;
        const Question &question = document->question(row);
        if (!after.contains(row))
            after.insert(row, question.redactions);
        after[row] =
            redaction::cleared(after.value(row), span.start, span.length, question.answer.size());
    }
    bool changes = false;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        changes = changes || it.value() != document->question(it.key()).redactions;
    if (!changes)
        return false;

    document->finishTyping();
    QUndoStack *stack = document->undoStack();
    stack->beginMacro(tr("Release withheld text"));
    for (const auto &[row, span] : passages)
        document->unredact(row, span.start, span.length);
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const Question &question = document->question(it.key());
        if (question.disposition == Disposition::PartWithheld && question.redactions.isEmpty())
            document->setQuestionValue(it.key(), QField::Disposition, int(Disposition::Answered));
    }
    stack->endMacro();
    return true;
}

} // namespace foidesk
