#include "editing/SetClockEventsCommand.h"

#include <utility>

namespace foidesk {

SetClockEventsCommand::SetClockEventsCommand(RequestDocument *document,
                                             State oldState,
                                             State newState,
                                             const QString &text,
                                             QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_oldState(std::move(oldState))
    , m_newState(std::move(newState))
{}

void SetClockEventsCommand::undo()
{
    m_document->applyClock(m_oldState.events, m_oldState.responseSent);
    Q_EMIT m_document->clockFocusRequested();
}

void SetClockEventsCommand::redo()
{
    m_document->applyClock(m_newState.events, m_newState.responseSent);
    // The first redo is the officer's own edit, already in view.
    if (!m_firstRedo)
        Q_EMIT m_document->clockFocusRequested();
    m_firstRedo = false;
}

} // namespace foidesk
