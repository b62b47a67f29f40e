#include "search/SearchResultDelegate.h"

#include "search/SearchResultsModel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <cmath>

namespace foidesk {

namespace {

struct Colours
{
    QColor text;
    QColor muted;
    QColor matchText;
    QColor matchBackground;
    QColor withheldText;
    QColor withheldBackground;
    QColor badgeText;
    QColor badgeBackground;
};

Colours coloursFor(const QStyleOptionViewItem &option)
{
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette &palette = option.palette;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    Colours colours;
    colours.text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    colours.muted = selected ? colours.text : palette.color(QPalette::PlaceholderText);
    // The words found: bold on a soft yellow that reads on a selected row too.
    colours.matchText = dark ? QColor(Qt::white) : QColor(Qt::black);
    colours.matchBackground = dark ? QColor(0x6b, 0x58, 0x10) : QColor(0xff, 0xec, 0x99);
    colours.withheldText = dark ? QColor(0xff, 0xb4, 0xb4) : QColor(0x9b, 0x1c, 0x1c);
    colours.withheldBackground = dark ? QColor(0x4d, 0x1f, 0x1f) : QColor(0xfd, 0xe8, 0xe8);
    colours.badgeText = QColor(Qt::white);
    colours.badgeBackground = QColor(0xb0, 0x24, 0x24);
    return colours;
}

// Appends text to the cursor's block, the matched and withheld ranges in their own formats.
void appendMarked(QTextCursor &cursor,
                  const SearchText &text,
                  const QTextCharFormat &plain,
                  const Colours &colours)
{
    const qsizetype size = text.text.size();
    QList<quint8> marks(size, 0); // bit 0: matched, bit 1: withheld
    const auto mark = [&marks, size](const QList<SearchText::Range> &ranges, quint8 bit) {
        for (const SearchText::Range &range : ranges) {
            const qsizetype end = std::min(size, range.start + range.length);
            for (qsizetype i = std::max<qsizetype>(0, range.start); i < end; ++i)
                marks[i] |= bit;
        }
    };
    mark(text.matches, 1);
    mark(text.withheld, 2);
    qsizetype at = 0;
    while (at < size) {
        qsizetype end = at + 1;
        while (end < size && marks.at(end) == marks.at(at))
            ++end;
        QTextCharFormat format = plain;
        if (marks.at(at) & 1) {
            format.setFontWeight(QFont::Bold);
            format.setBackground(colours.matchBackground);
            format.setForeground(colours.matchText);
        }
        if (marks.at(at) & 2) {
            format.setForeground(colours.withheldText);
            if (!(marks.at(at) & 1))
                format.setBackground(colours.withheldBackground);
            format.setUnderlineStyle(QTextCharFormat::DashUnderline);
            format.setUnderlineColor(colours.withheldText);
        }
        // Line breaks of the answer become spaces: a result is a few lines at most.
        QString run = text.text.mid(at, end - at);
        run.replace(QLatin1Char('\n'), QLatin1Char(' '));
        run.replace(QChar::ParagraphSeparator, QLatin1Char(' '));
        cursor.insertText(run, format);
        at = end;
    }
}

} // namespace

SearchResultDelegate::SearchResultDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void SearchResultDelegate::layOut(QTextDocument &document,
                                  const QStyleOptionViewItem &option,
                                  const QModelIndex &index,
                                  int width)
{
    const Colours colours = coloursFor(option);
    document.setDocumentMargin(0);
    document.setDefaultFont(option.font);
    document.setTextWidth(std::max(width, 80));
    QTextCursor cursor(&document);

    QTextCharFormat plain;
    plain.setForeground(colours.text);
    QTextCharFormat muted = plain;
    muted.setForeground(colours.muted);
    QTextCharFormat strong = plain;
    strong.setFontWeight(QFont::Bold);

    QTextBlockFormat spaced;
    spaced.setTopMargin(2);

    // The reference, the date received and the status, then the badge.
    cursor.insertText(index.data(SearchResultsModel::ReferenceRole).toString(), strong);
    const QDate received = index.data(SearchResultsModel::ReceivedRole).toDate();
    QStringList facts;
    facts.append(received.isValid() ? SearchResultsModel::tr("received %1")
                                          .arg(QLocale().toString(received, QLocale::ShortFormat))
                                    : SearchResultsModel::tr("date received not set"));
    facts.append(index.data(SearchResultsModel::StatusRole).toString());
    cursor.insertText(QStringLiteral("   ") + facts.join(QStringLiteral(" \u00b7 ")), muted);
    if (index.data(SearchResultsModel::ShowsWithheldRole).toBool()) {
        QTextCharFormat badge;
        badge.setForeground(colours.badgeText);
        badge.setBackground(colours.badgeBackground);
        badge.setFontWeight(QFont::Bold);
        cursor.insertText(QStringLiteral("   "), plain);
        cursor.insertText(QStringLiteral("\u00a0") + SearchResultsModel::tr("Withheld")
                              + QStringLiteral("\u00a0"),
                          badge);
    }

    const bool questionHit = index.data(SearchResultsModel::QuestionIndexRole).toInt() >= 0;
    const SearchText heading = index.data(SearchResultsModel::HeadingRole).value<SearchText>();
    const SearchText detail = index.data(SearchResultsModel::DetailRole).value<SearchText>();

    // The title: with the words found in it when the request itself matched.
    cursor.insertBlock(spaced);
    if (questionHit || heading.isEmpty())
        cursor.insertText(index.data(SearchResultsModel::TitleRole).toString(), plain);
    else
        appendMarked(cursor, heading, plain, colours);

    if (questionHit) {
        cursor.insertBlock(spaced);
        cursor.insertText(
            index.data(SearchResultsModel::WhereRole).toString() + QStringLiteral(": "), strong);
        appendMarked(cursor, heading, plain, colours);
    }
    if (!detail.isEmpty()) {
        QTextBlockFormat quoted = spaced;
        quoted.setLeftMargin(12);
        cursor.insertBlock(quoted);
        if (questionHit)
            cursor.insertText(SearchResultsModel::tr("Answer: "), muted);
        appendMarked(cursor, detail, plain, colours);
    }
}

void SearchResultDelegate::paint(QPainter *painter,
                                 const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The background, selection and focus of the row, without its text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
    QTextDocument document;
    layOut(document, option, index, area.width());
    painter->save();
    painter->translate(area.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), area.size()));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    document.documentLayout()->draw(painter, context);
    painter->restore();

    // A line between results.
    painter->save();
    QColor rule = option.palette.color(QPalette::Text);
    rule.setAlpha(48); // faint on light and dark lists alike
    painter->setPen(rule);
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width();
    width -= 2 * Padding;
    QTextDocument document;
    layOut(document, option, index, width);
    return QSize(width + 2 * Padding, int(std::ceil(document.size().height())) + 2 * Padding + 1);
}

} // namespace foidesk
