#include "editing/MoveQuestionCommand.h"

#include "editing/RequestDocument.h"

namespace foidesk {

MoveQuestionCommand::MoveQuestionCommand(RequestDocument *document,
                                         int from,
                                         int to,
                                         QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_from(from)
    , m_to(to)
{
    setText(m_to < m_from ? tr("Move question up") : tr("Move question down"));
}

void MoveQuestionCommand::undo()
{
    m_document->applyMove(m_to, m_from);
    Q_EMIT m_document->questionFocusRequested(m_from);
}

void MoveQuestionCommand::redo()
{
    m_document->applyMove(m_from, m_to);
    Q_EMIT m_document->questionFocusRequested(m_to);
}

} // namespace foidesk
