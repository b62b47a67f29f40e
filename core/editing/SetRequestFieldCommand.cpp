#include "editing/SetRequestFieldCommand.h"

#include <utility>

namespace foidesk {

SetRequestFieldCommand::SetRequestFieldCommand(RequestDocument *document,
                                               RequestDocument::Field field,
                                               QVariant oldValue,
                                               QVariant newValue,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_field(field)
    , m_oldValue(std::move(oldValue))
    , m_newValue(std::move(newValue))
    , m_typingRun(document->typingRun())
{
    if (field == RequestDocument::Field::CombinedEnabled) {
        setText(m_newValue.toBool() ? tr("Use a combined response")
                                    : tr("Answer questions separately"));
    } else {
        setText(tr("Edit %1").arg(RequestDocument::fieldName(field)));
    }
}

void SetRequestFieldCommand::undo()
{
    m_document->applyValue(m_field, m_oldValue);
    Q_EMIT m_document->fieldFocusRequested(m_field);
}

void SetRequestFieldCommand::redo()
{
    m_document->applyValue(m_field, m_newValue);
    // The first redo happens while the user is typing in the field; only a real redo needs to
    // bring the field into view.
    if (!m_firstRedo)
        Q_EMIT m_document->fieldFocusRequested(m_field);
    m_firstRedo = false;
}

int SetRequestFieldCommand::id() const
{
    return RequestDocument::mergesTyping(m_field) ? Id : -1;
}

bool SetRequestFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetRequestFieldCommand *>(other);
    if (next->m_field != m_field || next->m_typingRun != m_typingRun)
        return false;
    m_newValue = next->m_newValue;
    // Typing a word and deleting it again leaves nothing to undo.
    setObsolete(m_newValue == m_oldValue);
    return true;
}

} // namespace foidesk
