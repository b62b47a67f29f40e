#pragma once

#include "editing/RequestDocument.h"
#include "exemptions/ExemptionCatalogue.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace foidesk {

class AnswerEdit;
class QuestionListModel;
class RedactionsPanel;
class Store;
class SuggestionsPanel;

// The "Questions and answers" page: the ordered list of questions, the fields of the current
// one (with what the letter does with its answer, the exemptions it relies on and the passages
// withheld from it), the request's withheld passages and the suggestions of what else to
// withhold, and the combined response. Edits become commands on the document; the list
// reorders by drag and drop through the model.
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

    const ExemptionCatalogue &catalogue() const { return m_catalogue; }

Q_SIGNALS:
    void currentRowChanged(int row);
    // A short note for the window's status bar ("Select text first", "Withheld under ...").
    void statusMessage(const QString &message);

private:
    void buildLayout();
    void connectEdits();
    void showQuestion();
    void showQuestionValue(int row, RequestDocument::QuestionField field);
    void showValue(RequestDocument::Field field);
    void showCombined();
    void editQuestion(RequestDocument::QuestionField field, const QVariant &value);
    void loadCatalogue();
    void showDisposition();
    void showSpans();
    void chooseExemptions();
    void releaseSpan(int spanIndex);
    // The exemption for a new redaction, picked from a menu at the selection; empty when the
    // user cancelled.
    QString pickRedactionExemption();
    QString defaultRedactionExemption() const;
    Regime regime() const;
    void updateTabTitles();

    RequestDocument *m_document;
    QuestionListModel *m_model;
    Store *m_store = nullptr;
    ExemptionCatalogue m_catalogue;
    QString m_catalogueProblem;
    QString m_lastExemption; // the exemption of the last redaction made in this request
    bool m_updating = false;

    QListView *m_list = nullptr;
    QToolButton *m_addButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;

    QFormLayout *m_questionForm = nullptr;
    QLabel *m_noQuestionNote = nullptr;
    QLineEdit *m_section = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_condition = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPlainTextEdit *m_choices = nullptr;
    QComboBox *m_disposition = nullptr;
    QWidget *m_exemptionsRow = nullptr;
    QLabel *m_exemptions = nullptr; // a word-wrapping label that keeps the form unscrolled
    QPushButton *m_chooseExemptions = nullptr;
    QLabel *m_withheldBanner = nullptr;
    QWidget *m_answerBox = nullptr;
    AnswerEdit *m_answer = nullptr;
    QAction *m_redactAction = nullptr;
    QToolButton *m_redactButton = nullptr;
    QLabel *m_combinedNote = nullptr;

    QTabWidget *m_withholdingTabs = nullptr;
    RedactionsPanel *m_redactions = nullptr;
    SuggestionsPanel *m_suggestions = nullptr;

    QCheckBox *m_combinedCheck = nullptr;
    QPlainTextEdit *m_combinedResponse = nullptr;
};

} // namespace foidesk
