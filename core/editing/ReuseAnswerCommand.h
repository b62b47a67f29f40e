#pragma once

#include "editing/RequestDocument.h"

#include <QCoreApplication>
#include <QMap>
#include <QUndoCommand>

namespace foidesk {

// Copies an earlier answer into a question in one step: the answer with its withheld passages,
// what the letter says about it, the exemptions it relies on, where it came from, and the
// reasons for any of those exemptions this request had none for. Undo restores the question
// and the reasons exactly as they were.
class ReuseAnswerCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ReuseAnswerCommand)

public:
    ReuseAnswerCommand(RequestDocument *document,
                       int row,
                       Question before,
                       Question after,
                       QMap<QString, ExemptionReasoning> reasonsAdded,
                       QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    RequestDocument *m_document;
    int m_row;
    Question m_before;
    Question m_after;
    QMap<QString, ExemptionReasoning> m_reasonsAdded;
};

} // namespace foidesk
