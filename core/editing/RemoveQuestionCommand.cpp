#include "editing/RemoveQuestionCommand.h"

#include "editing/RequestDocument.h"

namespace foidesk {

RemoveQuestionCommand::RemoveQuestionCommand(RequestDocument *document,
                                             int row,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_question(document->question(row))
{
    setText(tr("Remove question %1").arg(row + 1));
}

void RemoveQuestionCommand::undo()
{
    m_document->applyInsert(m_row, m_question);
    Q_EMIT m_document->questionFocusRequested(m_row);
}

void RemoveQuestionCommand::redo()
{
    m_question = m_document->applyRemove(m_row);
    if (m_document->questionCount() > 0)
        Q_EMIT m_document->questionFocusRequested(qMin(m_row, m_document->questionCount() - 1));
}

} // namespace foidesk
