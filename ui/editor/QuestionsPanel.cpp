#include "editor/QuestionsPanel.h"

#include "editing/QuestionListModel.h"
#include "editor/AnswerEdit.h"
#include "editor/AnswerRedaction.h"
#include "editor/CombinedResponseBox.h"
#include "editor/QuestionForm.h"
#include "search/AnsweredBeforePanel.h"
#include "editor/QuestionList.h"
#include "redaction/RedactionsPanel.h"
#include "redaction/SuggestionsPanel.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QFrame>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

} // namespace

QuestionsPanel::QuestionsPanel(RequestDocument *document, QuestionListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
{
    buildLayout();
    connectParts();
    loadCatalogue();
    showCurrentQuestion();
}

void QuestionsPanel::buildLayout()
{
    // Left: the list and the buttons that act on it. Right: the current question.
    m_list = new QuestionList(m_model, this);
    m_form = new QuestionForm(m_document);
    m_redaction = new AnswerRedaction(m_document, m_form, this);

    auto *questionScroll = new QScrollArea(this);
    questionScroll->setWidgetResizable(true);
    questionScroll->setFrameShape(QFrame::NoFrame);
    questionScroll->setWidget(m_form);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_questionsSplitter = splitter;
    splitter->setObjectName(QStringLiteral("questionsSplitter"));
    splitter->addWidget(m_list);
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
    // Beside the question as it is typed: what the log answered to questions like it.
    m_answeredBefore = new AnsweredBeforePanel(m_document, this);
    m_answeredBefore->setObjectName(QStringLiteral("answeredBeforePanel"));
    m_withholdingTabs->addTab(m_answeredBefore, QString());
    m_withholdingTabs->setMinimumHeight(fontMetrics().lineSpacing() * 9);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("withholdingSplitter"));
    vertical->addWidget(splitter);
    vertical->addWidget(m_withholdingTabs);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);

    // Below: one response covering every question, as some letters answer.
    m_combined = new CombinedResponseBox(m_document, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(vertical, 3);
    layout->addWidget(m_combined->check());
    layout->addWidget(m_combined->response(), 2);

    QList<QWidget *> chain = m_list->focusChain();
    chain += m_form->focusChain();
    chain += {m_withholdingTabs, m_combined->check(), m_combined->response()};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void QuestionsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeFor(width());
}

void QuestionsPanel::arrangeFor(int available)
{
    const Qt::Orientation wanted =
        available < SideBySideMinimumWidth ? Qt::Vertical : Qt::Horizontal;
    if (m_questionsSplitter->orientation() == wanted)
        return;
    m_questionsSplitter->setOrientation(wanted);
    if (wanted == Qt::Vertical) {
        // Stacked: the list about five rows high (it scrolls), the question and its answer the
        // rest, which is what the officer types into.
        const int rows = fontMetrics().lineSpacing() * 5 + fontMetrics().height() * 3;
        m_questionsSplitter->setStretchFactor(0, 0);
        m_questionsSplitter->setStretchFactor(1, 1);
        m_questionsSplitter->setSizes({rows, QWIDGETSIZE_MAX});
    } else {
        m_questionsSplitter->setStretchFactor(0, 2);
        m_questionsSplitter->setStretchFactor(1, 5);
        const int total = m_questionsSplitter->width();
        m_questionsSplitter->setSizes({total * 2 / 7, total - total * 2 / 7});
    }
}

void QuestionsPanel::connectParts()
{
    connect(m_list, &QuestionList::currentRowChanged, this, [this](int row) {
        m_document->finishTyping();
        showCurrentQuestion();
        Q_EMIT currentRowChanged(row);
    });
    connect(m_document, &RequestDocument::reset, this, [this] {
        setCurrentRow(m_document->questionCount() > 0 ? 0 : -1);
        showCurrentQuestion();
    });
    // Rows come and go under the current one: show whatever is current afterwards.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (currentRow() < 0 && m_document->questionCount() > 0)
            setCurrentRow(0);
        showCurrentQuestion();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (currentRow() < 0)
            setCurrentRow(0);
        showCurrentQuestion();
    });
    connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] { showCurrentQuestion(); });

    connect(m_combined, &CombinedResponseBox::combinedShown, m_form, &QuestionForm::setCombined);
    m_form->setCombined(m_document->value(Field::CombinedEnabled).toBool());

    connect(m_redaction, &AnswerRedaction::statusMessage, this, &QuestionsPanel::statusMessage);
    // The passage under the cursor is the current row of the Redactions list.
    AnswerEdit *answer = m_form->answerEdit();
    connect(answer, &QPlainTextEdit::cursorPositionChanged, this, [this, answer] {
        const int index = answer->spanAt(answer->textCursor().position());
        if (index >= 0)
            m_redactions->selectPassage(currentRow(), answer->spans().at(index).start);
    });
    connect(m_redactions, &RedactionsPanel::jumpRequested, this, &QuestionsPanel::showAnswerText);
    connect(m_suggestions, &SuggestionsPanel::jumpRequested, this, &QuestionsPanel::showAnswerText);
    connect(m_suggestions, &SuggestionsPanel::statusMessage, this, &QuestionsPanel::statusMessage);
    connect(
        m_redactions, &RedactionsPanel::passageCountChanged, this, [this] { updateTabTitles(); });
    connect(
        m_suggestions, &SuggestionsPanel::suggestionsChanged, this, [this] { updateTabTitles(); });
    connect(m_answeredBefore, &AnsweredBeforePanel::countChanged, this, [this] { updateTabTitles(); });
    connect(m_answeredBefore, &AnsweredBeforePanel::statusMessage, this, &QuestionsPanel::statusMessage);
    connect(m_answeredBefore, &AnsweredBeforePanel::openRequested, this, &QuestionsPanel::openRequested);
    updateTabTitles();
}

void QuestionsPanel::showCurrentQuestion()
{
    const int row = currentRow();
    m_form->setRow(row);
    m_answeredBefore->setRow(row);
    m_redaction->setEnabled(row >= 0);
}

void QuestionsPanel::setQuestionActions(QAction *add,
                                        QAction *remove,
                                        QAction *moveUp,
                                        QAction *moveDown)
{
    m_list->setQuestionActions(add, remove, moveUp, moveDown);
}

int QuestionsPanel::currentRow() const
{
    return m_list->currentRow();
}

void QuestionsPanel::setCurrentRow(int row)
{
    m_list->setCurrentRow(row);
}

QWidget *QuestionsPanel::widgetFor(QField field) const
{
    return m_form->widgetFor(field);
}

QWidget *QuestionsPanel::widgetFor(Field field) const
{
    if (field == Field::CombinedEnabled)
        return m_combined->check();
    if (field == Field::CombinedResponse)
        return m_combined->response();
    return nullptr;
}

QList<QWidget *> QuestionsPanel::inputWidgets() const
{
    QList<QWidget *> widgets{m_list->view()};
    widgets += m_form->focusChain();
    widgets.removeAll(nullptr);
    widgets += {m_redactions, m_suggestions, m_combined->check(), m_combined->response()};
    return widgets;
}

QWidget *QuestionsPanel::questionTextWidget() const
{
    return m_form->questionTextWidget();
}

const ExemptionCatalogue &QuestionsPanel::catalogue() const
{
    return m_form->catalogue();
}

void QuestionsPanel::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &Store::profileChanged, this, &QuestionsPanel::loadCatalogue);
    m_suggestions->setStore(store);
    m_answeredBefore->setStore(store);
    loadCatalogue();
}

QAction *QuestionsPanel::redactAction() const
{
    return m_redaction->action();
}

void QuestionsPanel::redactSelection()
{
    m_redaction->redactSelection();
}

void QuestionsPanel::loadCatalogue()
{
    QString problem;
    ExemptionCatalogue catalogue;
    const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
    if (!shipped.ok()) {
        problem = shipped.errorMessage();
    } else {
        catalogue = shipped.value();
        if (m_store) {
            // The authority's wording and its own exemptions come with its profile.
            const Result<OrganisationProfile> profile = m_store->profile();
            if (profile.ok()) {
                catalogue = catalogue.withCustomisations(profile->exemptionOverrides,
                                                         profile->localExemptions);
            } else {
                problem = profile.errorMessage();
            }
        }
    }
    m_redactions->setCatalogue(catalogue);
    m_form->setCatalogue(catalogue, problem);
    m_answeredBefore->setCatalogue(&m_form->catalogue());
}

void QuestionsPanel::showAnswerText(int row, qsizetype start, qsizetype length)
{
    if (row < 0 || row >= m_document->questionCount())
        return;
    m_document->finishTyping();
    setCurrentRow(row);
    AnswerEdit *answer = m_form->answerEdit();
    answer->selectRange(start, length);
    if (answer->isEnabled())
        answer->setFocus(Qt::OtherFocusReason);
}

void QuestionsPanel::updateTabTitles()
{
    m_withholdingTabs->setTabText(0, tr("Redactions (%1)").arg(m_redactions->passageCount()));
    m_withholdingTabs->setTabText(1,
                                  tr("Suggestions (%1)").arg(m_suggestions->suggestions().size()));
    m_withholdingTabs->setTabText(2,
                                  tr("Answered before (%1)").arg(m_answeredBefore->found().size()));
}

} // namespace foidesk
