#pragma once

#include "editing/RequestDocument.h"

#include <QCoreApplication>
#include <QList>
#include <QUndoCommand>
#include <QVariant>

namespace foidesk {

// Changes one field of one question. Keystrokes in the same field of the same question merge
// into one command until the document's typing run ends.
//
// A change of the answer also carries the question's redactions: the spans before it and the
// spans moved with their text after it, so undo and redo restore both exactly.
class SetQuestionFieldCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetQuestionFieldCommand)

public:
    static constexpr int Id = 1002;

    SetQuestionFieldCommand(RequestDocument *document,
                            int row,
                            RequestDocument::QuestionField field,
                            QVariant oldValue,
                            QVariant newValue,
                            QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QVariant &value, const QList<Redaction> &spans);

    RequestDocument *m_document;
    int m_row;
    RequestDocument::QuestionField m_field;
    QVariant m_oldValue;
    QVariant m_newValue;
    QList<Redaction> m_oldSpans; // answer changes only
    QList<Redaction> m_newSpans;
    int m_typingRun;
    bool m_firstRedo = true;
};

} // namespace foidesk
