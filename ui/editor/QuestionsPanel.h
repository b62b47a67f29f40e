#pragma once

#include "editing/RequestDocument.h"
#include "exemptions/ExemptionCatalogue.h"

#include <QWidget>

class QAction;
class QResizeEvent;
class QSplitter;
class QTabWidget;

namespace foidesk {

class AnswerRedaction;
class CombinedResponseBox;
class QuestionForm;
class QuestionList;
class QuestionListModel;
class AnsweredBeforePanel;
class RedactionsPanel;
class Store;
class SuggestionsPanel;

// The "Questions and answers" page: the ordered list of questions (QuestionList), the fields of
// the current one (QuestionForm) with Redact Selection (AnswerRedaction), the request's withheld
// passages and the suggestions of what else to withhold, and the combined response
// (CombinedResponseBox). This class puts them together and keeps them on the same question.
class QuestionsPanel : public QWidget
{
    Q_OBJECT

public:
    QuestionsPanel(RequestDocument *document, QuestionListModel *model, QWidget *parent = nullptr);

    // The buttons under the list trigger these, so they share text, shortcut and state.
    void setQuestionActions(QAction *add, QAction *remove, QAction *moveUp, QAction *moveDown);

    int currentRow() const; // -1 when there is no question
    void setCurrentRow(int row);

    QWidget *widgetFor(RequestDocument::QuestionField field) const;
    QWidget *widgetFor(RequestDocument::Field field) const; // the combined response widgets
    QList<QWidget *> inputWidgets() const;
    QWidget *questionTextWidget() const;

    // The log the staff register, the redaction policy, the authority's exemptions and the
    // suggestion decisions come from. Without one the shipped catalogue is used and names are
    // not suggested.
    void setStore(Store *store);

    // Redact Selection (Ctrl+R): withholds the text selected in the answer under an exemption
    // picked from a short menu. Works while the focus is anywhere in this page; the window may
    // also put it in its Edit menu.
    QAction *redactAction() const;
    // What the action does: with no text selected in the answer, only a status message.
    void redactSelection();

    // Shows the question at row with [start, start + length) of its answer selected.
    void showAnswerText(int row, qsizetype start, qsizetype length);

    const ExemptionCatalogue &catalogue() const;
    AnsweredBeforePanel *answeredBeforePanel() const { return m_answeredBefore; }

    // Below this width the question list sits above the question instead of beside it, so the
    // answer box keeps the page's width (a 1366-pixel screen with the letter preview open).
    static constexpr int SideBySideMinimumWidth = 760;

Q_SIGNALS:
    void currentRowChanged(int row);
    // An earlier request offered under Answered before was asked for, at that question.
    void openRequested(qint64 requestId, const QString &reference, int questionIndex);
    // A short note for the window's status bar ("Select text first", "Withheld under ...").
    void statusMessage(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildLayout();
    void arrangeFor(int width);
    void connectParts();
    void showCurrentQuestion();
    void loadCatalogue();
    void updateTabTitles();

    RequestDocument *m_document;
    QuestionListModel *m_model;
    QSplitter *m_questionsSplitter = nullptr;
    Store *m_store = nullptr;

    QuestionList *m_list = nullptr;
    QuestionForm *m_form = nullptr;
    AnswerRedaction *m_redaction = nullptr;
    QTabWidget *m_withholdingTabs = nullptr;
    RedactionsPanel *m_redactions = nullptr;
    SuggestionsPanel *m_suggestions = nullptr;
    AnsweredBeforePanel *m_answeredBefore = nullptr;
    CombinedResponseBox *m_combined = nullptr;
};

} // namespace foidesk
