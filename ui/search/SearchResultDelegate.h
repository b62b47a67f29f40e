#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace foidesk {

// Draws one search result (SearchResultsModel) as a few lines of text: the reference, date
// received and status, with a "Withheld" badge when the result shows withheld text; the title;
// where the words were found and the question; and the part of the answer that matched. The
// words found are bold on a highlight; withheld words have their own colour and a dashed
// underline, so they are never mistaken for text the letter gives.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SearchResultDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The row as it is drawn, laid out to width. Public so that tests can read what is shown.
    static void layOut(QTextDocument &document,
                       const QStyleOptionViewItem &option,
                       const QModelIndex &index,
                       int width);

    static constexpr int Padding = 6;
};

} // namespace foidesk
