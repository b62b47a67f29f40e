#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

namespace foidesk {

class RequestDocument;

// Moves one question so that it ends at index to; undo moves it back.
class MoveQuestionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveQuestionCommand)

public:
    MoveQuestionCommand(RequestDocument *document,
                        int from,
                        int to,
                        QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    RequestDocument *m_document;
    int m_from;
    int m_to;
};

} // namespace foidesk
