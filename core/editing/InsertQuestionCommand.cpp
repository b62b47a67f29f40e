#include "editing/InsertQuestionCommand.h"

#include "editing/RequestDocument.h"

namespace foidesk {

InsertQuestionCommand::InsertQuestionCommand(RequestDocument *document,
                                             int row,
                                             const Question &question,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_question(question)
{
    setText(tr("Add question"));
}

void InsertQuestionCommand::undo()
{
    // Keep what was typed into the question after it was added, for a later redo.
    m_question = m_document->applyRemove(m_row);
    if (m_document->questionCount() > 0)
        Q_EMIT m_document->questionFocusRequested(qMin(m_row, m_document->questionCount() - 1));
}

void InsertQuestionCommand::redo()
{
    m_document->applyInsert(m_row, m_question);
    Q_EMIT m_document->questionFocusRequested(m_row);
}

} // namespace foidesk
