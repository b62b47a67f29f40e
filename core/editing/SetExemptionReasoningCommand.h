#pragma once

#include "editing/RequestDocument.h"

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

namespace foidesk {

// Changes the officer's reasoning for one exemption of the request. Keystrokes in the reasoning
// of the same exemption merge into one command until the document's typing run ends.
class SetExemptionReasoningCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetExemptionReasoningCommand)

public:
    static constexpr int Id = 1003;

    SetExemptionReasoningCommand(RequestDocument *document,
                                 QString code,
                                 ExemptionReasoning oldReasoning,
                                 ExemptionReasoning newReasoning,
                                 QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    RequestDocument *m_document;
    QString m_code;
    ExemptionReasoning m_oldReasoning;
    ExemptionReasoning m_newReasoning;
    int m_typingRun;
    bool m_firstRedo = true;
};

} // namespace foidesk
