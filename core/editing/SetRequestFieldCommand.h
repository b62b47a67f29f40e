#pragma once

#include "editing/RequestDocument.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVariant>

namespace foidesk {

// Changes one field of the request (details, requester, combined response). Keystrokes in the
// same field merge into one command until the document's typing run ends.
class SetRequestFieldCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetRequestFieldCommand)

public:
    static constexpr int Id = 1001;

    SetRequestFieldCommand(RequestDocument *document,
                           RequestDocument::Field field,
                           QVariant oldValue,
                           QVariant newValue,
                           QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    RequestDocument::Field field() const { return m_field; }

private:
    RequestDocument *m_document;
    RequestDocument::Field m_field;
    QVariant m_oldValue;
    QVariant m_newValue;
    int m_typingRun;
    bool m_firstRedo = true;
};

} // namespace foidesk
