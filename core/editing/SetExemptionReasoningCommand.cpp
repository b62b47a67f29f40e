#include "editing/SetExemptionReasoningCommand.h"

#include <utility>

namespace foidesk {

SetExemptionReasoningCommand::SetExemptionReasoningCommand(RequestDocument *document,
                                                           QString code,
                                                           ExemptionReasoning oldReasoning,
                                                           ExemptionReasoning newReasoning,
                                                           QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_code(std::move(code))
    , m_oldReasoning(std::move(oldReasoning))
    , m_newReasoning(std::move(newReasoning))
    , m_typingRun(document->typingRun())
{
    setText(tr("Edit reasons for %1").arg(m_code));
}

void SetExemptionReasoningCommand::undo()
{
    m_document->applyExemptionReasoning(m_code, m_oldReasoning);
    Q_EMIT m_document->exemptionReasoningFocusRequested(m_code);
}

void SetExemptionReasoningCommand::redo()
{
    m_document->applyExemptionReasoning(m_code, m_newReasoning);
    // The first redo happens while the officer is typing the reasons; only a real redo needs
    // to bring them into view.
    if (!m_firstRedo)
        Q_EMIT m_document->exemptionReasoningFocusRequested(m_code);
    m_firstRedo = false;
}

bool SetExemptionReasoningCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetExemptionReasoningCommand *>(other);
    if (next->m_code != m_code || next->m_typingRun != m_typingRun)
        return false;
    m_newReasoning = next->m_newReasoning;
    setObsolete(m_newReasoning == m_oldReasoning);
    return true;
}

} // namespace foidesk
