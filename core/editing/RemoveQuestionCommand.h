#pragma once

#include "model/Request.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace foidesk {

class RequestDocument;

// Takes a question out. The command owns the removed question, answer included, so that undo
// puts it back exactly where it was.
class RemoveQuestionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveQuestionCommand)

public:
    RemoveQuestionCommand(RequestDocument *document, int row, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    RequestDocument *m_document;
    int m_row;
    Question m_question;
};

} // namespace foidesk
