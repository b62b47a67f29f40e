#include "widgets/UndoKeyFilter.h"

#include "editing/RequestDocument.h"

#include <QEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QUndoStack>

namespace foidesk {

UndoKeyFilter::UndoKeyFilter(RequestDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{}

void UndoKeyFilter::watch(QObject *widget)
{
    widget->installEventFilter(this);
}

bool UndoKeyFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ShortcutOverride: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            // Not accepted: the window's Undo and Redo actions get the shortcut. Swallowed, so
            // that the widget cannot accept it for its own history.
            event->ignore();
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        // Reached only when no enabled window action took the shortcut (an editor without a
        // main window, or nothing to undo).
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo)) {
            m_document->undoStack()->undo();
            return true;
        }
        if (key->matches(QKeySequence::Redo)) {
            m_document->undoStack()->redo();
            return true;
        }
        break;
    }
    case QEvent::FocusOut:
        m_document->finishTyping();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace foidesk
