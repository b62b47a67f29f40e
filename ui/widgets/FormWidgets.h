#pragma once

#include <QPlainTextEdit>
#include <QString>

class QLabel;
class QLineEdit;
class QToolButton;
class QWidget;

namespace foidesk {

// The small input widgets every form builds the same way, named for tests and screen readers by
// their objectName.
class FormWidgets
{
public:
    // Whose undo history a text box uses: its own, or the request document's, which gives the
    // whole editor one history (widgets/UndoKeyFilter.h).
    enum class History
    {
        Own,
        Document
    };

    // A multi-line box at least lines high, in which Tab moves on to the next field rather
    // than typing a tab. Edit may be a subclass of QPlainTextEdit (the answer box).
    template <typename Edit = QPlainTextEdit>
    static Edit *textBox(const QString &objectName, int lines, History history, QWidget *parent)
    {
        auto *edit = new Edit(parent);
        setUpTextBox(edit, objectName, lines, history);
        return edit;
    }
    // Lets a widget grow in both directions, taking stretch shares of the spare height.
    static void setVerticalStretch(QWidget *widget, int stretch);
    // Fixes a box's height to exactly lines, or caps it at lines.
    static void fixHeight(QPlainTextEdit *edit, int lines);
    static void capHeight(QPlainTextEdit *edit, int lines);

    static QLineEdit *
    lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent);
    // A tool button that shows its text (for actions that have no icon).
    static QToolButton *textButton(const QString &objectName, QWidget *parent);
    // A label for buddy, whose mnemonic moves the focus to it.
    static QLabel *buddyLabel(const QString &text, QWidget *buddy);
    // A word-wrapped label of plain text (never rich text, whatever it holds).
    static QLabel *plainLabel(const QString &objectName, QWidget *parent);

    static void setItalic(QLabel *label);
    // A warning colour for text that reads on light and dark palettes alike.
    static void setWarningColour(QWidget *widget);

private:
    static void
    setUpTextBox(QPlainTextEdit *edit, const QString &objectName, int lines, History history);
};

} // namespace foidesk
