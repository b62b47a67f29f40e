#include "editing/SetQuestionFieldCommand.h"

#include "redaction/RedactionSpans.h"

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
    if (m_field == RequestDocument::QuestionField::Answer) {
        m_oldSpans = document->question(row).redactions;
        m_newSpans =
            redaction::adjustedForEdit(m_oldSpans, m_oldValue.toString(), m_newValue.toString());
    }
    setText(
        tr("Edit %1 of question %2").arg(RequestDocument::questionFieldName(field)).arg(row + 1));
}

void SetQuestionFieldCommand::undo()
{
    apply(m_oldValue, m_oldSpans);
    Q_EMIT m_document->questionFieldFocusRequested(m_row, m_field);
}

void SetQuestionFieldCommand::redo()
{
    apply(m_newValue, m_newSpans);
    if (!m_firstRedo)
        Q_EMIT m_document->questionFieldFocusRequested(m_row, m_field);
    m_firstRedo = false;
}

int SetQuestionFieldCommand::id() const
{
    return RequestDocument::mergesTyping(m_field) ? Id : -1;
}

bool SetQuestionFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetQuestionFieldCommand *>(other);
    if (next->m_row != m_row || next->m_field != m_field || next->m_typingRun != m_typingRun)
        return false;
    // The first command's old value and spans stay: undo returns to before the whole run.
    m_newValue = next->m_newValue;
    m_newSpans = next->m_newSpans;
    setObsolete(m_newValue == m_oldValue && m_newSpans == m_oldSpans);
    return true;
}

void SetQuestionFieldCommand::apply(const QVariant &value, const QList<Redaction> &spans)
{
    if (m_field == RequestDocument::QuestionField::Answer)
        m_document->applyAnswer(m_row, value.toString(), spans);
    else
        m_document->applyQuestionValue(m_row, m_field, value);
}

} // namespace foidesk
