#pragma once

#include <QWidget>

class QAction;
class QListView;
class QToolButton;

namespace foidesk {

class QuestionListModel;

// The ordered list of a request's questions, with the buttons that add, remove and move them.
// Reorders by drag and drop through the model, or by the move actions.
class QuestionList : public QWidget
{
    Q_OBJECT

public:
    QuestionList(QuestionListModel *model, QWidget *parent = nullptr);

    // The buttons trigger these, so they share text, shortcut and state with the menus.
    void setQuestionActions(QAction *add, QAction *remove, QAction *moveUp, QAction *moveDown);

    int currentRow() const; // -1 when there is no question
    void setCurrentRow(int row);

    QListView *view() const { return m_list; }
    QList<QWidget *> focusChain() const;

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    QuestionListModel *m_model;
    QListView *m_list;
    QToolButton *m_addButton;
    QToolButton *m_removeButton;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
};

} // namespace foidesk
