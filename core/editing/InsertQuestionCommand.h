#pragma once

#include "model/Request.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace foidesk {

class RequestDocument;

// Adds a question at a position; undo takes it out again.
class InsertQuestionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(InsertQuestionCommand)

public:
    InsertQuestionCommand(RequestDocument *document,
                          int row,
                          const Question &question,
                          QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    RequestDocument *m_document;
    int m_row;
    Question m_question;
};

} // namespace foidesk
