#include "widgets/WrappedLabel.h"

namespace foidesk {

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
}

void WrappedLabel::setWrappedText(const QString &text)
{
    setText(text);
    updateGeometry();
}

void WrappedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    // A new width can need another number of lines: ask the layout again.
    const int height = heightForWidth(width());
    if (height != m_fittedHeight) {
        m_fittedHeight = height;
        updateGeometry();
    }
}

QSize WrappedLabel::fitted(QSize hint) const
{
    if (width() > 0 && !text().isEmpty())
        hint.setHeight(heightForWidth(width()));
    return hint;
}

} // namespace foidesk
