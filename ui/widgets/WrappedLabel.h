#pragma once

#include <QLabel>
#include <QSize>

class QResizeEvent;

namespace foidesk {

// A word-wrapped label. A plain QLabel with word wrap makes the form report height-for-width,
// and a scroll area then sizes the whole form at its preferred height: the text boxes grow
// taller than the page and the answer slides out of view. This one wraps within the width it
// is given and asks for the height that takes, without height-for-width.
class WrappedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WrappedLabel(const QString &text, QWidget *parent);

    bool hasHeightForWidth() const override { return false; }
    QSize sizeHint() const override { return fitted(QLabel::sizeHint()); }
    QSize minimumSizeHint() const override { return fitted(QLabel::minimumSizeHint()); }

    // setText(), then asks the layout for the height the new text needs.
    void setWrappedText(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QSize fitted(QSize hint) const;

    int m_fittedHeight = -1;
};

} // namespace foidesk
