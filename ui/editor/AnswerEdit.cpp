#include "editor/AnswerEdit.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QTextBlock>
#include <QToolTip>
#include <memory>

namespace foidesk {

namespace {

// Withheld text stays readable for the officer but cannot be mistaken for ordinary text.
QTextCharFormat withheldFormat()
{
    QTextCharFormat format;
    format.setBackground(QColor(0x26, 0x2b, 0x33));
    format.setForeground(QColor(0xff, 0xe0, 0x82));
    return format;
}

} // namespace

AnswerEdit::AnswerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{}

void AnswerEdit::setRedactAction(QAction *action)
{
    m_redactAction = action;
}

void AnswerEdit::setSpans(const QList<Redaction> &spans, const QStringList &labels)
{
    m_spans = spans;
    m_labels = labels;
    applyHighlight();
}

int AnswerEdit::spanAt(qsizetype position) const
{
    for (int i = 0; i < m_spans.size(); ++i) {
        if (position >= m_spans[i].start && position < m_spans[i].end())
            return i;
    }
    return -1;
}

void AnswerEdit::selectRange(qsizetype start, qsizetype length)
{
    const qsizetype last = document()->characterCount() - 1;
    QTextCursor cursor(document());
    cursor.setPosition(int(qBound<qsizetype>(qsizetype(0), start, last)));
    cursor.setPosition(int(qBound<qsizetype>(qsizetype(0), start + length, last)),
                       QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void AnswerEdit::applyHighlight()
{
    // The document may be shorter than the spans for a moment while the text and the spans of
    // an undo arrive one after the other: clip rather than point past the end.
    const qsizetype last = document()->characterCount() - 1;
    const QTextCharFormat format = withheldFormat();
    QList<QTextEdit::ExtraSelection> selections;
    for (const Redaction &span : std::as_const(m_spans)) {
        const int start = int(qBound<qsizetype>(qsizetype(0), span.start, last));
        const int end = int(qBound<qsizetype>(qsizetype(0), span.end(), last));
        if (end <= start)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selection.format = format;
        selections.append(selection);
    }
    setExtraSelections(selections);
}

bool AnswerEdit::isRedactShortcut(const QKeyEvent *event) const
{
    if (!m_redactAction || !m_redactAction->isEnabled())
        return false;
    const QKeySequence pressed(event->keyCombination());
    for (const QKeySequence &shortcut : m_redactAction->shortcuts()) {
        if (shortcut.matches(pressed) == QKeySequence::ExactMatch)
            return true;
    }
    return false;
}

bool AnswerEdit::event(QEvent *event)
{
    // Accepting the override delivers the key here even when a window action (Refresh on
    // some desktops) claims the same keys.
    if (event->type() == QEvent::ShortcutOverride
        && isRedactShortcut(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void AnswerEdit::keyPressEvent(QKeyEvent *event)
{
    if (isRedactShortcut(event)) {
        m_redactAction->trigger();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool AnswerEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        // cursorForPosition gives the nearest gap between characters; the character under the
        // pointer is the one before that gap when the pointer is left of it.
        const QTextCursor cursor = cursorForPosition(help->pos());
        int position = cursor.position();
        if (help->pos().x() < cursorRect(cursor).x() && position > 0)
            --position;
        const int index = spanAt(position);
        if (index >= 0 && index < m_labels.size()) {
            QToolTip::showText(help->globalPos(), m_labels.at(index), viewport());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void AnswerEdit::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->setObjectName(QStringLiteral("answerContextMenu"));
    // The standard menu's Undo and Redo act on the box's own history, which is switched off:
    // the document's history is the one that counts.
    for (QAction *action : menu->actions()) {
        if (action->objectName() == QLatin1String("edit-undo")
            || action->objectName() == QLatin1String("edit-redo")) {
            menu->removeAction(action);
        }
    }

    // A right click on withheld text offers to release it; with the keyboard's menu key the
    // text cursor says where.
    const int position = event->reason() == QContextMenuEvent::Mouse
                             ? cursorForPosition(event->pos()).position()
                             : textCursor().selectionStart();
    const int spanIndex = spanAt(position);

    QAction *first = menu->actions().isEmpty() ? nullptr : menu->actions().constFirst();
    if (m_redactAction)
        menu->insertAction(first, m_redactAction);
    QAction *release = nullptr;
    if (spanIndex >= 0) {
        release = new QAction(tr("Re&lease This Text"), menu.get());
        release->setObjectName(QStringLiteral("releaseTextAction"));
        release->setToolTip(tr("Stop withholding this passage: it will be sent in the letter"));
        menu->insertAction(first, release);
    }
    if (first)
        menu->insertSeparator(first);

    QAction *chosen = menu->exec(event->globalPos());
    if (release && chosen == release)
        Q_EMIT releaseRequested(spanIndex);
}

} // namespace foidesk
