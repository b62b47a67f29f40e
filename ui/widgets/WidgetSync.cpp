#include "widgets/WidgetSync.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QString>
#include <QTextCursor>

namespace foidesk {

namespace {

// Where the changed part of newText ends, so the cursor sits just after the restored text.
qsizetype endOfChange(const QString &oldText, const QString &newText)
{
    const qsizetype shorter = qMin(oldText.size(), newText.size());
    qsizetype prefix = 0;
    while (prefix < shorter && oldText.at(prefix) == newText.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix
           && oldText.at(oldText.size() - 1 - suffix) == newText.at(newText.size() - 1 - suffix))
        ++suffix;
    return newText.size() - suffix;
}

} // namespace

void syncLineEdit(QLineEdit *edit, const QString &text)
{
    const QString old = edit->text();
    if (old == text)
        return;
    edit->setText(text);
    edit->setCursorPosition(int(endOfChange(old, text)));
}

void syncPlainTextEdit(QPlainTextEdit *edit, const QString &text)
{
    const QString old = edit->toPlainText();
    if (old == text)
        return;
    edit->setPlainText(text);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(int(endOfChange(old, text)));
    edit->setTextCursor(cursor);
}

} // namespace foidesk
