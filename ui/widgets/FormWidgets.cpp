#include "widgets/FormWidgets.h"

#include <QColor>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSizePolicy>
#include <QToolButton>

namespace foidesk {

void FormWidgets::setUpTextBox(QPlainTextEdit *edit,
                               const QString &objectName,
                               int lines,
                               History history)
{
    edit->setObjectName(objectName);
    if (history == History::Document)
        edit->setUndoRedoEnabled(false);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines);
}

void FormWidgets::setVerticalStretch(QWidget *widget, int stretch)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setVerticalStretch(stretch);
    widget->setSizePolicy(policy);
}

void FormWidgets::fixHeight(QPlainTextEdit *edit, int lines)
{
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() + 8);
}

void FormWidgets::capHeight(QPlainTextEdit *edit, int lines)
{
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * lines);
}

QLineEdit *
FormWidgets::lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QToolButton *FormWidgets::textButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QLabel *FormWidgets::buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

QLabel *FormWidgets::plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void FormWidgets::setItalic(QLabel *label)
{
    QFont font = label->font();
    font.setItalic(true);
    label->setFont(font);
}

void FormWidgets::setWarningColour(QWidget *widget)
{
    QPalette palette = widget->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x9e, 0x8a) : QColor(0xa1, 0x26, 0x0d));
    widget->setPalette(palette);
}

} // namespace foidesk
