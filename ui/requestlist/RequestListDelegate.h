#pragma once

#include <QStyledItemDelegate>

namespace foidesk {

// Paints the request list's Due column: red when overdue, amber when due soon. The colours are
// picked against the view's own background so they stay readable in a dark palette too.
class RequestListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RequestListDelegate(QObject *parent = nullptr);

    // The text colour for a due state (a RequestListModel::DueState) on this background;
    // invalid for states that keep the normal colour.
    static QColor dueStateColor(int dueState, const QColor &background);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace foidesk
