#pragma once

#include "editing/RequestDocument.h"
#include "exemptions/ExemptionCatalogue.h"

#include <QWidget>

class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace foidesk {

class AnswerEdit;
class WrappedLabel;

// The fields of the current question: section, label, condition, text and choices as asked,
// what the letter does with its answer, the exemptions it relies on, and the answer itself with
// its withheld passages highlighted. Edits become commands on the document.
class QuestionForm : public QWidget
{
    Q_OBJECT

public:
    QuestionForm(RequestDocument *document, QWidget *parent = nullptr);

    // The question shown: a row of the document, or -1 for none.
    int row() const { return m_row; }
    void setRow(int row);

    // The catalogue the exemptions are named from; problem says why it is incomplete, if it is.
    void setCatalogue(const ExemptionCatalogue &catalogue, const QString &problem);
    const ExemptionCatalogue &catalogue() const { return m_catalogue; }
    Regime regime() const;

    // The Redact Selection action, for the button under the answer and its context menu.
    void setRedactAction(QAction *action);
    // With one combined response the per-question answer is hidden.
    void setCombined(bool combined);
    // Whether the answer box is shown (not replaced by the combined response).
    bool answerShown() const;

    AnswerEdit *answerEdit() const { return m_answer; }
    QWidget *widgetFor(RequestDocument::QuestionField field) const;
    QWidget *questionTextWidget() const;
    QList<QWidget *> focusChain() const;

private:
    void buildLayout();
    void connectEdits();
    void showQuestion();
    void showQuestionValue(int row, RequestDocument::QuestionField field);
    void showDisposition();
    void showSpans();
    // The note under the answer saying which earlier request it was copied from.
    void showSource();
    void chooseExemptions();
    void editQuestion(RequestDocument::QuestionField field, const QVariant &value);

    RequestDocument *m_document;
    ExemptionCatalogue m_catalogue;
    QString m_catalogueProblem;
    int m_row = -1;
    bool m_updating = false;
    bool m_combined = false;

    QFormLayout *m_form = nullptr;
    WrappedLabel *m_noQuestionNote = nullptr;
    QLineEdit *m_section = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_condition = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPlainTextEdit *m_choices = nullptr;
    QComboBox *m_disposition = nullptr;
    QWidget *m_exemptionsRow = nullptr;
    WrappedLabel *m_exemptions = nullptr; // word-wrapping without scrolling the form sideways
    QPushButton *m_chooseExemptions = nullptr;
    WrappedLabel *m_withheldBanner = nullptr;
    WrappedLabel *m_sourceNote = nullptr;
    QWidget *m_answerBox = nullptr;
    AnswerEdit *m_answer = nullptr;
    QToolButton *m_redactButton = nullptr;
    QLabel *m_combinedNote = nullptr;
};

} // namespace foidesk
