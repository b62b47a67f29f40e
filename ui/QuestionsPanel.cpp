#include "QuestionsPanel.h"

#include "WidgetSync.h"
#include "model/QuestionListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

// lines sets the smallest useful height; stretch shares out the rest of the tab's height, so
// the answer, where the officer spends most time, gets most of it.
QPlainTextEdit *makeTextBox(const QString &objectName, int lines, int stretch, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    // One history for the whole editor: the document's.
    edit->setUndoRedoEnabled(false);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setVerticalStretch(stretch);
    edit->setSizePolicy(policy);
    return edit;
}

QLineEdit *makeLineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QToolButton *makeButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QStringList choicesFromText(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

} // namespace

QuestionsPanel::QuestionsPanel(RequestDocument *document, QuestionListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
{
    buildLayout();
    connectEdits();

    connect(m_document,
            &RequestDocument::questionValueChanged,
            this,
            &QuestionsPanel::showQuestionValue);
    connect(m_document, &RequestDocument::valueChanged, this, &QuestionsPanel::showValue);
    connect(m_document, &RequestDocument::reset, this, [this] {
        setCurrentRow(m_document->questionCount() > 0 ? 0 : -1);
        showQuestion();
        showCombined();
    });
    // Rows come and go under the current one: show whatever is current afterwards.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (currentRow() < 0 && m_document->questionCount() > 0)
            setCurrentRow(0);
        showQuestion();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (currentRow() < 0)
            setCurrentRow(0);
        showQuestion();
    });
    connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] { showQuestion(); });

    showQuestion();
    showCombined();
}

void QuestionsPanel::buildLayout()
{
    // Left: the list and the buttons that act on it.
    auto *listSide = new QWidget(this);
    m_list = new QListView(listSide);
    m_list->setObjectName(QStringLiteral("questionList"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(true);
    m_list->setDropIndicatorShown(true);
    m_list->setTextElideMode(Qt::ElideRight);
    // Rows are as wide as the list; long questions are cut, never scrolled sideways.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(2);
    auto *listLabel = new QLabel(tr("Q&uestions (drag or Alt+Up/Alt+Down to reorder):"), listSide);
    listLabel->setBuddy(m_list);
    listLabel->setWordWrap(true);

    m_addButton = makeButton(QStringLiteral("addQuestionButton"), listSide);
    m_removeButton = makeButton(QStringLiteral("removeQuestionButton"), listSide);
    m_upButton = makeButton(QStringLiteral("moveUpButton"), listSide);
    m_downButton = makeButton(QStringLiteral("moveDownButton"), listSide);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);

    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_list, 1);
    listLayout->addLayout(buttons);

    // Right: the current question.
    auto *questionSide = new QWidget;
    m_section = makeLineEdit(
        QStringLiteral("sectionEdit"), tr("Optional, for example Chatbots"), questionSide);
    m_label =
        makeLineEdit(QStringLiteral("labelEdit"), tr("Optional, for example 2a"), questionSide);
    m_condition = makeLineEdit(
        QStringLiteral("conditionEdit"), tr("Optional, for example If yes:"), questionSide);
    m_text = makeTextBox(QStringLiteral("questionTextEdit"), 3, 2, questionSide);
    m_text->setPlaceholderText(tr("The question as the requester asked it"));
    m_choices = makeTextBox(QStringLiteral("choicesEdit"), 2, 1, questionSide);
    m_choices->setPlaceholderText(tr("For a multiple-choice question: one choice per line"));
    m_answer = makeTextBox(QStringLiteral("answerEdit"), 5, 4, questionSide);
    m_answer->setPlaceholderText(tr("The authority's answer to this question"));
    m_noQuestionNote = new QLabel(tr("This request has no questions. Add one with Add Question "
                                     "(Ctrl+Return)."),
                                  questionSide);
    m_noQuestionNote->setWordWrap(true);
    m_combinedNote = new QLabel(tr("Answered by the combined response below."), questionSide);

    m_questionForm = new QFormLayout(questionSide);
    m_questionForm->addRow(m_noQuestionNote);
    auto addRow = [this](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, field->parentWidget());
        label->setBuddy(field);
        m_questionForm->addRow(label, field);
    };
    addRow(tr("Section &heading:"), m_section);
    addRow(tr("&Label:"), m_label);
    addRow(tr("Con&dition:"), m_condition);
    addRow(tr("Question &text:"), m_text);
    addRow(tr("&Choices:"), m_choices);
    addRow(tr("Ans&wer:"), m_answer);
    m_questionForm->addRow(m_combinedNote);

    auto *questionScroll = new QScrollArea(this);
    questionScroll->setWidgetResizable(true);
    questionScroll->setFrameShape(QFrame::NoFrame);
    questionScroll->setWidget(questionSide);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("questionsSplitter"));
    splitter->addWidget(listSide);
    splitter->addWidget(questionScroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setChildrenCollapsible(false);

    // Below: one response covering every question, as some letters answer.
    m_combinedCheck = new QCheckBox(tr("Answer all questions with one co&mbined response"), this);
    m_combinedCheck->setObjectName(QStringLiteral("combinedCheck"));
    m_combinedResponse = makeTextBox(QStringLiteral("combinedResponseEdit"), 6, 1, this);
    m_combinedResponse->setPlaceholderText(tr("One response answering all the questions above"));
    m_combinedResponse->setAccessibleName(tr("Combined response"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 3);
    layout->addWidget(m_combinedCheck);
    layout->addWidget(m_combinedResponse, 2);

    setTabOrder(m_list, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_upButton);
    setTabOrder(m_upButton, m_downButton);
    setTabOrder(m_downButton, m_section);
    setTabOrder(m_section, m_label);
    setTabOrder(m_label, m_condition);
    setTabOrder(m_condition, m_text);
    setTabOrder(m_text, m_choices);
    setTabOrder(m_choices, m_answer);
    setTabOrder(m_answer, m_combinedCheck);
    setTabOrder(m_combinedCheck, m_combinedResponse);
}

void QuestionsPanel::connectEdits()
{
    connect(m_list->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                m_document->finishTyping();
                showQuestion();
                Q_EMIT currentRowChanged(current.isValid() ? current.row() : -1);
            });

    auto line = [this](QLineEdit *edit, QField field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field](const QString &value) {
            editQuestion(field, value);
        });
    };
    line(m_section, QField::Section);
    line(m_label, QField::Label);
    line(m_condition, QField::Condition);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        editQuestion(QField::Text, m_text->toPlainText());
    });
    connect(m_choices, &QPlainTextEdit::textChanged, this, [this] {
        editQuestion(QField::Choices, choicesFromText(m_choices->toPlainText()));
    });
    connect(m_answer, &QPlainTextEdit::textChanged, this, [this] {
        editQuestion(QField::Answer, m_answer->toPlainText());
    });

    connect(m_combinedCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating)
            m_document->setValue(Field::CombinedEnabled, on);
    });
    connect(m_combinedResponse, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_document->setValue(Field::CombinedResponse, m_combinedResponse->toPlainText());
    });
}

void QuestionsPanel::setQuestionActions(QAction *add,
                                        QAction *remove,
                                        QAction *moveUp,
                                        QAction *moveDown)
{
    m_addButton->setDefaultAction(add);
    m_removeButton->setDefaultAction(remove);
    m_upButton->setDefaultAction(moveUp);
    m_downButton->setDefaultAction(moveDown);
}

int QuestionsPanel::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void QuestionsPanel::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->setCurrentIndex(QModelIndex());
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void QuestionsPanel::editQuestion(QField field, const QVariant &value)
{
    if (!m_updating)
        m_document->setQuestionValue(currentRow(), field, value);
}

void QuestionsPanel::showQuestion()
{
    const int row = currentRow();
    const bool hasQuestion = row >= 0;
    m_questionForm->setRowVisible(m_noQuestionNote, m_document->questionCount() == 0);
    for (QWidget *w : {static_cast<QWidget *>(m_section),
                       static_cast<QWidget *>(m_label),
                       static_cast<QWidget *>(m_condition),
                       static_cast<QWidget *>(m_text),
                       static_cast<QWidget *>(m_choices),
                       static_cast<QWidget *>(m_answer)}) {
        w->setEnabled(hasQuestion);
    }
    for (QField f : {QField::Section,
                     QField::Label,
                     QField::Condition,
                     QField::Text,
                     QField::Choices,
                     QField::Answer}) {
        showQuestionValue(row, f);
    }
}

void QuestionsPanel::showQuestionValue(int row, QField field)
{
    if (row != currentRow())
        return; // the list shows it; the fields show the current question only
    const QScopedValueRollback<bool> guard(m_updating, true);
    const QVariant value = m_document->questionValue(row, field);
    switch (field) {
    case QField::Section:
        syncLineEdit(m_section, value.toString());
        break;
    case QField::Label:
        syncLineEdit(m_label, value.toString());
        break;
    case QField::Condition:
        syncLineEdit(m_condition, value.toString());
        break;
    case QField::Text:
        syncPlainTextEdit(m_text, value.toString());
        break;
    case QField::Choices: {
        // The box may hold a trailing empty line the user is about to type into; only replace
        // its text when the choices really differ.
        const QStringList choices = value.toStringList();
        if (choicesFromText(m_choices->toPlainText()) != choices)
            syncPlainTextEdit(m_choices, choices.join(QLatin1Char('\n')));
        break;
    }
    case QField::Answer:
        syncPlainTextEdit(m_answer, value.toString());
        break;
    }
}

void QuestionsPanel::showValue(Field field)
{
    if (field == Field::CombinedEnabled || field == Field::CombinedResponse)
        showCombined();
}

void QuestionsPanel::showCombined()
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    const bool combined = m_document->value(Field::CombinedEnabled).toBool();
    m_combinedCheck->setChecked(combined);
    syncPlainTextEdit(m_combinedResponse, m_document->value(Field::CombinedResponse).toString());
    m_combinedResponse->setEnabled(combined);
    // Shown only when in use: otherwise it takes room from the per-question answers.
    m_combinedResponse->setVisible(combined);
    // With one combined response there is nothing to answer per question.
    m_questionForm->setRowVisible(m_answer, !combined);
    m_questionForm->setRowVisible(m_combinedNote, combined);
}

QWidget *QuestionsPanel::widgetFor(QField field) const
{
    switch (field) {
    case QField::Section:
        return m_section;
    case QField::Label:
        return m_label;
    case QField::Condition:
        return m_condition;
    case QField::Text:
        return m_text;
    case QField::Choices:
        return m_choices;
    case QField::Answer:
        return m_answer;
    }
    return nullptr;
}

QWidget *QuestionsPanel::widgetFor(Field field) const
{
    if (field == Field::CombinedEnabled)
        return m_combinedCheck;
    if (field == Field::CombinedResponse)
        return m_combinedResponse;
    return nullptr;
}

QList<QWidget *> QuestionsPanel::inputWidgets() const
{
    return {m_list,
            m_section,
            m_label,
            m_condition,
            m_text,
            m_choices,
            m_answer,
            m_combinedCheck,
            m_combinedResponse};
}

QWidget *QuestionsPanel::questionTextWidget() const
{
    return m_text;
}

} // namespace foidesk
