#include "model/SetQuestionFieldCommand.h"

#include <utility>

namespace foidesk {

SetQuestionFieldCommand::SetQuestionFieldCommand(RequestDocument *document,
                                                 int row,
                                                 RequestDocument::QuestionField field,
                                                 QVariant oldValue,
                                                 QVariant newValue,
                                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_field(field)
    , m_oldValue(std::move(oldValue))
    , m_newValue(std::move(newValue))
    , m_typingRun(document->typingRun())
{
    setText(
        tr("Edit %1 of question %2").arg(RequestDocument::questionFieldName(field)).arg(row + 1));
}

void SetQuestionFieldCommand::undo()
{
    m_document->applyQuestionValue(m_row, m_field, m_oldValue);
    Q_EMIT m_document->questionFieldFocusRequested(m_row, m_field);
}

void SetQuestionFieldCommand::redo()
{
    m_document->applyQuestionValue(m_row, m_field, m_newValue);
    if (!m_firstRedo)
        Q_EMIT m_document->questionFieldFocusRequested(m_row, m_field);
    m_firstRedo = false;
}

bool SetQuestionFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetQuestionFieldCommand *>(other);
    if (next->m_row != m_row || next->m_field != m_field || next->m_typingRun != m_typingRun)
        return false;
    m_newValue = next->m_newValue;
    setObsolete(m_newValue == m_oldValue);
    return true;
}

} // namespace foidesk
