#include "editor/QuestionsPanel.h"

#include "widgets/FormWidgets.h"
#include "widgets/WrappedLabel.h"

#include "editor/AnswerEdit.h"
#include "redaction/ExemptionChooser.h"
#include "redaction/RedactionsPanel.h"
#include "redaction/SuggestionsPanel.h"
#include "widgets/WidgetSync.h"
#include "editing/QuestionListModel.h"
#include "model/RequestEnums.h"
#include "redaction/SuggestionScanner.h"
#include "store/Store.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

// lines sets the smallest useful height; stretch shares out the rest of the tab's height, so
// the answer, where the officer spends most time, gets most of it.
template <typename Edit = QPlainTextEdit>
Edit *makeTextBox(const QString &objectName, int lines, int stretch, QWidget *parent)
{
    auto *edit =
        FormWidgets::textBox<Edit>(objectName, lines, FormWidgets::History::Document, parent);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setVerticalStretch(stretch);
    edit->setSizePolicy(policy);
    return edit;
}

QStringList choicesFromText(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

// "s40(2) and s43(2)", for sentences.
QString joinedLabels(const QStringList &codes)
{
    QStringList labels;
    for (const QString &code : codes)
        labels.append(ExemptionCatalogue::shortLabel(code));
    if (labels.size() < 2)
        return labels.join(QString());
    const QString last = labels.takeLast();
    return QuestionsPanel::tr("%1 and %2").arg(labels.join(QStringLiteral(", ")), last);
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
    connect(m_document, &RequestDocument::reset, this, [this] {
        // The exemption last used for a redaction in this request is the likeliest next one.
        m_lastExemption.clear();
        for (int row = 0; row < m_document->questionCount(); ++row) {
            if (!m_document->question(row).redactions.isEmpty())
                m_lastExemption = m_document->question(row).redactions.constLast().exemption;
        }
    });
    connect(m_document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::Regime)
            showDisposition(); // the exemption names depend on the regime
    });

    loadCatalogue();
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

    m_addButton = FormWidgets::textButton(QStringLiteral("addQuestionButton"), listSide);
    m_removeButton = FormWidgets::textButton(QStringLiteral("removeQuestionButton"), listSide);
    m_upButton = FormWidgets::textButton(QStringLiteral("moveUpButton"), listSide);
    m_downButton = FormWidgets::textButton(QStringLiteral("moveDownButton"), listSide);
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
    m_section = FormWidgets::lineEdit(
        QStringLiteral("sectionEdit"), tr("Optional, for example Chatbots"), questionSide);
    m_label =
        FormWidgets::lineEdit(QStringLiteral("labelEdit"), tr("Optional, for example 2a"), questionSide);
    m_condition = FormWidgets::lineEdit(
        QStringLiteral("conditionEdit"), tr("Optional, for example If yes:"), questionSide);
    m_text = makeTextBox(QStringLiteral("questionTextEdit"), 3, 2, questionSide);
    m_text->setPlaceholderText(tr("The question as the requester asked it"));
    m_choices = makeTextBox(QStringLiteral("choicesEdit"), 2, 1, questionSide);
    m_choices->setPlaceholderText(tr("For a multiple-choice question: one choice per line"));
    m_disposition = new QComboBox(questionSide);
    m_disposition->setObjectName(QStringLiteral("dispositionCombo"));
    m_disposition->setToolTip(tr("What the letter does with this question's answer"));
    for (Disposition disposition : allDispositions())
        m_disposition->addItem(dispositionDisplayName(disposition), int(disposition));

    m_exemptionsRow = new QWidget(questionSide);
    m_exemptions = new WrappedLabel(QString(), m_exemptionsRow);
    m_exemptions->setObjectName(QStringLiteral("exemptionsLabel"));
    m_exemptions->setTextFormat(Qt::PlainText);
    m_exemptions->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_chooseExemptions = new QPushButton(tr("C&hoose\u2026"), m_exemptionsRow);
    m_chooseExemptions->setObjectName(QStringLiteral("chooseExemptionsButton"));
    m_chooseExemptions->setToolTip(tr("Choose the exemptions this question relies on"));
    auto *exemptionsLayout = new QHBoxLayout(m_exemptionsRow);
    exemptionsLayout->setContentsMargins(0, 0, 0, 0);
    exemptionsLayout->addWidget(m_exemptions, 1);
    exemptionsLayout->addWidget(m_chooseExemptions, 0, Qt::AlignTop);

    m_withheldBanner = new WrappedLabel(QString(), questionSide);
    m_withheldBanner->setObjectName(QStringLiteral("withheldBanner"));
    m_withheldBanner->setStyleSheet(QStringLiteral(
        "QLabel#withheldBanner { background: #fff1c2; color: #3d3000; border: 1px solid #d9a800;"
        " border-radius: 3px; padding: 6px; }"));

    m_answerBox = new QWidget(questionSide);
    m_answer = makeTextBox<AnswerEdit>(QStringLiteral("answerEdit"), 5, 4, m_answerBox);
    m_answer->setPlaceholderText(tr("The authority's answer to this question"));
    m_answerBox->setSizePolicy(m_answer->sizePolicy());

    m_redactAction = new QAction(tr("Redact Se&lection\u2026"), this);
    m_redactAction->setObjectName(QStringLiteral("redactAction"));
    m_redactAction->setIconText(tr("Redact Selection\u2026"));
    m_redactAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_redactAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redactAction->setToolTip(tr("Withhold the text selected in the answer under an exemption "
                                  "(Ctrl+R)"));
    addAction(m_redactAction);
    m_answer->setRedactAction(m_redactAction);
    m_redactButton = FormWidgets::textButton(QStringLiteral("redactButton"), m_answerBox);
    m_redactButton->setDefaultAction(m_redactAction);
    auto *redactRow = new QHBoxLayout;
    redactRow->addStretch(1);
    redactRow->addWidget(m_redactButton);
    auto *answerLayout = new QVBoxLayout(m_answerBox);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_answer, 1);
    answerLayout->addLayout(redactRow);
    m_noQuestionNote =
        new WrappedLabel(tr("This request has no questions. Add one with Add Question "
                            "(Ctrl+Return)."),
                         questionSide);
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
    addRow(tr("The letter &says:"), m_disposition);
    auto *exemptionsLabel = new QLabel(tr("Exemptions:"), questionSide);
    exemptionsLabel->setBuddy(m_chooseExemptions);
    m_questionForm->addRow(exemptionsLabel, m_exemptionsRow);
    m_questionForm->addRow(m_withheldBanner);
    auto *answerLabel = new QLabel(tr("Ans&wer:"), questionSide);
    answerLabel->setBuddy(m_answer);
    m_questionForm->addRow(answerLabel, m_answerBox);
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

    // Under the question: what the request withholds and what it might still need to.
    m_redactions = new RedactionsPanel(m_document, this);
    m_redactions->setObjectName(QStringLiteral("redactionsPanel"));
    m_suggestions = new SuggestionsPanel(m_document, this);
    m_suggestions->setObjectName(QStringLiteral("suggestionsPanel"));
    m_withholdingTabs = new QTabWidget(this);
    m_withholdingTabs->setObjectName(QStringLiteral("withholdingTabs"));
    m_withholdingTabs->setDocumentMode(true);
    m_withholdingTabs->addTab(m_redactions, QString());
    m_withholdingTabs->addTab(m_suggestions, QString());
    m_withholdingTabs->setMinimumHeight(fontMetrics().lineSpacing() * 9);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("withholdingSplitter"));
    vertical->addWidget(splitter);
    vertical->addWidget(m_withholdingTabs);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);

    // Below: one response covering every question, as some letters answer.
    m_combinedCheck = new QCheckBox(tr("Answer all questions with one co&mbined response"), this);
    m_combinedCheck->setObjectName(QStringLiteral("combinedCheck"));
    m_combinedResponse = makeTextBox(QStringLiteral("combinedResponseEdit"), 6, 1, this);
    m_combinedResponse->setPlaceholderText(tr("One response answering all the questions above"));
    m_combinedResponse->setAccessibleName(tr("Combined response"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(vertical, 3);
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
    setTabOrder(m_choices, m_disposition);
    setTabOrder(m_disposition, m_chooseExemptions);
    setTabOrder(m_chooseExemptions, m_answer);
    setTabOrder(m_answer, m_redactButton);
    setTabOrder(m_redactButton, m_withholdingTabs);
    setTabOrder(m_withholdingTabs, m_combinedCheck);
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

    connect(m_disposition, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_document->finishTyping();
        editQuestion(QField::Disposition, m_disposition->currentData().toInt());
    });
    connect(m_chooseExemptions, &QPushButton::clicked, this, &QuestionsPanel::chooseExemptions);
    connect(m_redactAction, &QAction::triggered, this, &QuestionsPanel::redactSelection);
    connect(m_answer, &AnswerEdit::releaseRequested, this, &QuestionsPanel::releaseSpan);
    // The passage under the cursor is the current row of the Redactions list.
    connect(m_answer, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        const int index = m_answer->spanAt(m_answer->textCursor().position());
        if (index >= 0)
            m_redactions->selectPassage(currentRow(), m_answer->spans().at(index).start);
    });
    connect(m_redactions, &RedactionsPanel::jumpRequested, this, &QuestionsPanel::showAnswerText);
    connect(m_suggestions, &SuggestionsPanel::jumpRequested, this, &QuestionsPanel::showAnswerText);
    connect(m_suggestions, &SuggestionsPanel::statusMessage, this, &QuestionsPanel::statusMessage);
    connect(
        m_redactions, &RedactionsPanel::passageCountChanged, this, [this] { updateTabTitles(); });
    connect(
        m_suggestions, &SuggestionsPanel::suggestionsChanged, this, [this] { updateTabTitles(); });
    updateTabTitles();

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
                       static_cast<QWidget *>(m_disposition),
                       static_cast<QWidget *>(m_chooseExemptions),
                       static_cast<QWidget *>(m_answer)}) {
        w->setEnabled(hasQuestion);
    }
    m_redactAction->setEnabled(hasQuestion);
    for (QField f : {QField::Section,
                     QField::Label,
                     QField::Condition,
                     QField::Text,
                     QField::Choices,
                     QField::Answer}) {
        showQuestionValue(row, f);
    }
    showDisposition();
    showSpans();
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
        // Replacing the text drops the highlight: an undo brings text and spans back together.
        showSpans();
        break;
    case QField::Disposition:
    case QField::Exemptions:
        showDisposition();
        break;
    case QField::Redactions:
        showSpans();
        showDisposition();
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
    m_questionForm->setRowVisible(m_answerBox, !combined);
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
    case QField::Redactions:
        return m_answer;
    case QField::Disposition:
        return m_disposition;
    case QField::Exemptions:
        return m_chooseExemptions;
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
            m_disposition,
            m_chooseExemptions,
            m_answer,
            m_redactions,
            m_suggestions,
            m_combinedCheck,
            m_combinedResponse};
}

QWidget *QuestionsPanel::questionTextWidget() const
{
    return m_text;
}

void QuestionsPanel::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &Store::profileChanged, this, &QuestionsPanel::loadCatalogue);
    m_suggestions->setStore(store);
    loadCatalogue();
}

QAction *QuestionsPanel::redactAction() const
{
    return m_redactAction;
}

Regime QuestionsPanel::regime() const
{
    return Regime(m_document->value(Field::Regime).toInt());
}

void QuestionsPanel::loadCatalogue()
{
    m_catalogueProblem.clear();
    const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
    if (!shipped.ok()) {
        m_catalogue = ExemptionCatalogue();
        m_catalogueProblem = shipped.errorMessage();
    } else {
        m_catalogue = shipped.value();
        if (m_store) {
            // The authority's wording and its own exemptions come with its profile.
            const Result<OrganisationProfile> profile = m_store->profile();
            if (profile.ok()) {
                m_catalogue = m_catalogue.withCustomisations(profile->exemptionOverrides,
                                                             profile->localExemptions);
            } else {
                m_catalogueProblem = profile.errorMessage();
            }
        }
    }
    m_redactions->setCatalogue(m_catalogue);
    showDisposition();
    showSpans();
}

void QuestionsPanel::showDisposition()
{
    const int row = currentRow();
    if (row < 0) {
        const QScopedValueRollback<bool> guard(m_updating, true);
        m_disposition->setCurrentIndex(0);
        static_cast<WrappedLabel *>(m_exemptions)->setWrappedText(QString());
        m_questionForm->setRowVisible(m_withheldBanner, false);
        return;
    }
    const Question &question = m_document->question(row);
    {
        const QScopedValueRollback<bool> guard(m_updating, true);
        m_disposition->setCurrentIndex(m_disposition->findData(int(question.disposition)));
    }

    // The question's own exemptions, then those of its withheld passages: all of them reach
    // the letter's refusal notices.
    QStringList described;
    for (const QString &code : question.exemptions) {
        const Exemption *entry = m_catalogue.find(regime(), code);
        const QString name = ExemptionChooser::describe(m_catalogue, regime(), code);
        described.append(
            entry ? tr("%1 (%2)").arg(name, ExemptionChooser::kindText(entry->kind).toLower())
                  : name);
    }
    QStringList fromPassages;
    for (const Redaction &span : question.redactions) {
        if (!question.exemptions.contains(span.exemption)
            && !fromPassages.contains(span.exemption)) {
            fromPassages.append(span.exemption);
        }
    }
    for (const QString &code : std::as_const(fromPassages)) {
        described.append(tr("%1 (for withheld text)")
                             .arg(ExemptionChooser::describe(m_catalogue, regime(), code)));
    }
    static_cast<WrappedLabel *>(m_exemptions)
        ->setWrappedText(described.isEmpty() ? tr("None chosen") : described.join(u"; "));
    if (!m_catalogueProblem.isEmpty())
        m_exemptions->setToolTip(
            tr("The exemption catalogue is incomplete: %1").arg(m_catalogueProblem));
    else
        m_exemptions->setToolTip(QString());

    // The answer box stays editable for internal notes, but nobody should think it is sent.
    QString banner;
    switch (question.disposition) {
    case Disposition::Withheld:
        banner = question.exemptions.isEmpty()
                     ? tr("This answer is not sent: the letter says it is withheld, but no "
                          "exemption is chosen yet. Choose one above.")
                     : tr("This answer is not sent: the letter says it is withheld under %1. "
                          "Anything typed here stays internal.")
                           .arg(joinedLabels(question.exemptions));
        break;
    case Disposition::NotHeld:
        banner = tr("This answer is not sent: the letter says the information is not held. "
                    "Anything typed here stays internal.");
        break;
    case Disposition::NeitherConfirmNorDeny:
        banner = question.exemptions.isEmpty()
                     ? tr("This answer is not sent: the letter neither confirms nor denies "
                          "that the information is held. Choose the exemption that allows "
                          "this above.")
                     : tr("This answer is not sent: the letter neither confirms nor denies "
                          "that the information is held, under %1.")
                           .arg(joinedLabels(question.exemptions));
        break;
    case Disposition::Answered:
    case Disposition::PartWithheld:
        break;
    }
    static_cast<WrappedLabel *>(m_withheldBanner)->setWrappedText(banner);
    m_questionForm->setRowVisible(m_withheldBanner, !banner.isEmpty());
}

void QuestionsPanel::showSpans()
{
    const int row = currentRow();
    if (row < 0) {
        m_answer->setSpans({}, {});
        return;
    }
    const QList<Redaction> &spans = m_document->question(row).redactions;
    QStringList labels;
    for (const Redaction &span : spans) {
        labels.append(tr("Withheld under %1. Right-click to release it.")
                          .arg(ExemptionChooser::describe(m_catalogue, regime(), span.exemption)));
    }
    m_answer->setSpans(spans, labels);
}

void QuestionsPanel::chooseExemptions()
{
    const int row = currentRow();
    if (row < 0)
        return;
    ExemptionChooser chooser(m_catalogue,
                             regime(),
                             m_document->question(row).exemptions,
                             ExemptionChooser::Mode::Several,
                             this);
    if (chooser.exec() != QDialog::Accepted)
        return;
    m_document->finishTyping();
    m_document->setQuestionValue(row, QField::Exemptions, chooser.selectedCodes());
}

QString QuestionsPanel::defaultRedactionExemption() const
{
    if (!m_lastExemption.isEmpty()
        && (m_catalogue.all().isEmpty() || m_catalogue.find(regime(), m_lastExemption))) {
        return m_lastExemption;
    }
    return SuggestionScanner::personalDataExemption(regime());
}

QString QuestionsPanel::pickRedactionExemption()
{
    // The likeliest exemption first, so that Ctrl+R then Enter withholds under it; then the
    // others this request already relies on; then the whole catalogue.
    QStringList codes{defaultRedactionExemption()};
    QStringList used = m_document->request().exemptionsUsed();
    if (currentRow() >= 0)
        used += m_document->question(currentRow()).exemptions;
    for (const QString &code : std::as_const(used)) {
        if (!codes.contains(code))
            codes.append(code);
    }

    const QRect at = m_answer->cursorRect(m_answer->textCursor());
    return ExemptionChooser::pickFromMenu(
        m_catalogue, regime(), codes, m_answer->viewport()->mapToGlobal(at.bottomRight()), this);
}

void QuestionsPanel::redactSelection()
{
    const int row = currentRow();
    const QTextCursor cursor = m_answer->textCursor();
    if (row < 0 || !m_answerBox->isVisibleTo(this) || !cursor.hasSelection()) {
        Q_EMIT statusMessage(tr("Select the text to withhold in an answer first, then press "
                                "Ctrl+R."));
        return;
    }
    // The box shows the document's answer; if they ever differed the offsets would point at
    // other text, and withholding the wrong words is worse than refusing.
    if (m_answer->toPlainText() != m_document->question(row).answer) {
        Q_EMIT statusMessage(tr("The answer is still being updated. Select the text again and "
                                "press Ctrl+R."));
        return;
    }
    const qsizetype start = cursor.selectionStart();
    const qsizetype length = cursor.selectionEnd() - start;
    const QString code = pickRedactionExemption();
    if (code.isEmpty())
        return;
    m_lastExemption = code;
    if (RedactionsPanel::withhold(
            m_document, {{row, Redaction{start, length, code}}}, tr("Withhold text"))) {
        Q_EMIT statusMessage(
            tr("Withheld under %1 \u2014 Undo (%2) releases it")
                .arg(ExemptionCatalogue::shortLabel(code),
                     QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    } else {
        Q_EMIT statusMessage(tr("That text is already withheld under %1.")
                                 .arg(ExemptionCatalogue::shortLabel(code)));
    }
    // Leave the cursor after the passage, so the highlight shows instead of the selection.
    QTextCursor after = m_answer->textCursor();
    after.setPosition(int(start + length));
    m_answer->setTextCursor(after);
    m_answer->setFocus(Qt::OtherFocusReason);
}

void QuestionsPanel::releaseSpan(int spanIndex)
{
    const int row = currentRow();
    if (row < 0 || spanIndex < 0 || spanIndex >= m_document->question(row).redactions.size())
        return;
    const Redaction span = m_document->question(row).redactions.at(spanIndex);
    if (RedactionsPanel::release(m_document, {{row, span}})) {
        Q_EMIT statusMessage(
            tr("Released \u2014 the text will be sent in the letter. Undo (%1) withholds it "
               "again")
                .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    }
}

void QuestionsPanel::showAnswerText(int row, qsizetype start, qsizetype length)
{
    if (row < 0 || row >= m_document->questionCount())
        return;
    m_document->finishTyping();
    setCurrentRow(row);
    m_answer->selectRange(start, length);
    if (m_answer->isEnabled())
        m_answer->setFocus(Qt::OtherFocusReason);
}

void QuestionsPanel::updateTabTitles()
{
    m_withholdingTabs->setTabText(0, tr("Redactions (%1)").arg(m_redactions->passageCount()));
    m_withholdingTabs->setTabText(1,
                                  tr("Suggestions (%1)").arg(m_suggestions->suggestions().size()));
}

} // namespace foidesk
