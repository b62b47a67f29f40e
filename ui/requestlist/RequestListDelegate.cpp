#include "requestlist/RequestListDelegate.h"

#include "listing/RequestListModel.h"

#include <QPalette>

namespace foidesk {

RequestListDelegate::RequestListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor RequestListDelegate::dueStateColor(int dueState, const QColor &background)
{
    const bool dark = background.lightnessF() < 0.5;
    switch (static_cast<RequestListModel::DueState>(dueState)) {
    case RequestListModel::DueState::Overdue:
        // Dark red on light, a soft red on dark: both well above 4.5:1 contrast.
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1e, 0x1e);
    case RequestListModel::DueState::DueSoon:
        return dark ? QColor(0xff, 0xc8, 0x4a) : QColor(0x8a, 0x5a, 0x00);
    case RequestListModel::DueState::None:
    case RequestListModel::DueState::Fine:
        break;
    }
    return {};
}

void RequestListDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != RequestListModel::DueColumn
        && index.column() != RequestListModel::DaysLeftColumn)
        return;
    const int state = index.data(RequestListModel::DueStateRole).toInt();
    const auto dueState = static_cast<RequestListModel::DueState>(state);
    if (dueState != RequestListModel::DueState::Overdue
        && dueState != RequestListModel::DueState::DueSoon)
        return;

    // Weight as well as colour, so the state is not told by colour alone.
    option->font.setBold(true);
    const bool selected = option->state.testFlag(QStyle::State_Selected);
    if (selected)
        return; // the highlight's own text colour is the readable one there
    const QColor background = option->backgroundBrush.style() != Qt::NoBrush
                                  ? option->backgroundBrush.color()
                                  : option->palette.color(QPalette::Base);
    const QColor text = dueStateColor(state, background);
    if (text.isValid())
        option->palette.setColor(QPalette::Text, text);
}

} // namespace foidesk
