#pragma once

#include "model/RequestDocument.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QToolButton;

namespace foidesk {

class QuestionListModel;

// The "Questions and answers" page: the ordered list of questions, the fields of the current
// one, and the combined response. Edits become commands on the document; the list reorders
// by drag and drop through the model.
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

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    void buildLayout();
    void connectEdits();
    void showQuestion();
    void showQuestionValue(int row, RequestDocument::QuestionField field);
    void showValue(RequestDocument::Field field);
    void showCombined();
    void editQuestion(RequestDocument::QuestionField field, const QVariant &value);

    RequestDocument *m_document;
    QuestionListModel *m_model;
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
    QPlainTextEdit *m_answer = nullptr;
    QLabel *m_combinedNote = nullptr;

    QCheckBox *m_combinedCheck = nullptr;
    QPlainTextEdit *m_combinedResponse = nullptr;
};

} // namespace foidesk
