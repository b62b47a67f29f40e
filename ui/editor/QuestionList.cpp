#include "editor/QuestionList.h"

#include "editing/QuestionListModel.h"
#include "widgets/FormWidgets.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace foidesk {

QuestionList::QuestionList(QuestionListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_list(new QListView(this))
    , m_addButton(FormWidgets::textButton(QStringLiteral("addQuestionButton"), this))
    , m_removeButton(FormWidgets::textButton(QStringLiteral("removeQuestionButton"), this))
    , m_upButton(FormWidgets::textButton(QStringLiteral("moveUpButton"), this))
    , m_downButton(FormWidgets::textButton(QStringLiteral("moveDownButton"), this))
{
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
    auto *listLabel = new QLabel(tr("Q&uestions (drag or Alt+Up/Alt+Down to reorder):"), this);
    listLabel->setBuddy(m_list);
    listLabel->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                Q_EMIT currentRowChanged(current.isValid() ? current.row() : -1);
            });
}

void QuestionList::setQuestionActions(QAction *add,
                                      QAction *remove,
                                      QAction *moveUp,
                                      QAction *moveDown)
{
    m_addButton->setDefaultAction(add);
    m_removeButton->setDefaultAction(remove);
    m_upButton->setDefaultAction(moveUp);
    m_downButton->setDefaultAction(moveDown);
}

int QuestionList::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void QuestionList::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->setCurrentIndex(QModelIndex());
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

QList<QWidget *> QuestionList::focusChain() const
{
    return {m_list, m_addButton, m_removeButton, m_upButton, m_downButton};
}

} // namespace foidesk
