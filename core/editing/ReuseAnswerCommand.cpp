#include "editing/ReuseAnswerCommand.h"

#include <utility>

namespace foidesk {

ReuseAnswerCommand::ReuseAnswerCommand(RequestDocument *document,
                                       int row,
                                       Question before,
                                       Question after,
                                       QMap<QString, ExemptionReasoning> reasonsAdded,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_reasonsAdded(std::move(reasonsAdded))
{
    setText(tr("Copy answer from %1").arg(m_after.reusedFrom.reference));
}

void ReuseAnswerCommand::undo()
{
    for (auto it = m_reasonsAdded.cbegin(); it != m_reasonsAdded.cend(); ++it)
        m_document->applyExemptionReasoning(it.key(), ExemptionReasoning());
    m_document->applyReusedAnswer(m_row, m_before);
    Q_EMIT m_document->questionFieldFocusRequested(m_row, RequestDocument::QuestionField::Answer);
}

void ReuseAnswerCommand::redo()
{
    m_document->applyReusedAnswer(m_row, m_after);
    for (auto it = m_reasonsAdded.cbegin(); it != m_reasonsAdded.cend(); ++it)
        m_document->applyExemptionReasoning(it.key(), it.value());
    Q_EMIT m_document->questionFieldFocusRequested(m_row, RequestDocument::QuestionField::Answer);
}

} // namespace foidesk
