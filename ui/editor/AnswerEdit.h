#pragma once

#include "model/Request.h"

#include <QList>
#include <QPlainTextEdit>
#include <QStringList>

class QAction;

namespace foidesk {

// The answer box of the question editor. Shows the withheld passages of the answer on a dark
// background, with their exemption as a tooltip, and offers Redact and Release This Text in its
// context menu. It holds no spans of its own making: the question editor passes the document's
// spans after every change, so the highlight follows typing, undo and redo.
class AnswerEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit AnswerEdit(QWidget *parent = nullptr);

    // The action that withholds the selection. Offered in the context menu; its shortcut is
    // taken here before any window shortcut, so that Ctrl+R in the answer always redacts.
    void setRedactAction(QAction *action);

    // Spans as UTF-16 offsets into toPlainText(); labels[i] is the tooltip of spans[i].
    void setSpans(const QList<Redaction> &spans, const QStringList &labels);
    const QList<Redaction> &spans() const { return m_spans; }

    // The index of the span holding the character at position, or -1.
    int spanAt(qsizetype position) const;
    // Selects [start, start + length) and scrolls it into view.
    void selectRange(qsizetype start, qsizetype length);

Q_SIGNALS:
    // The user chose Release This Text on the span at spanIndex.
    void releaseRequested(int spanIndex);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    bool isRedactShortcut(const QKeyEvent *event) const;
    void applyHighlight();

    QAction *m_redactAction = nullptr;
    QList<Redaction> m_spans;
    QStringList m_labels;
};

} // namespace foidesk
