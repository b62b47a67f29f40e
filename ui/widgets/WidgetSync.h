#pragma once

class QLineEdit;
class QPlainTextEdit;
class QString;

namespace foidesk {

// Put text a command produced into an input widget without disturbing the user more than
// needed: nothing happens when the widget already shows it (the user just typed it), and
// otherwise the cursor lands at the end of what changed, as in a text editor's undo.
void syncLineEdit(QLineEdit *edit, const QString &text);
void syncPlainTextEdit(QPlainTextEdit *edit, const QString &text);

} // namespace foidesk
