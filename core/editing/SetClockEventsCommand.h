#pragma once

#include "editing/RequestDocument.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUndoCommand>

namespace foidesk {

// Changes the statutory clock of the request: its events (one added, changed or removed) and
// the date the response was sent. Each change is one undo step; none merge.
class SetClockEventsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetClockEventsCommand)

public:
    struct State
    {
        QList<ClockEvent> events;
        QDate responseSent;

        bool operator==(const State &) const = default;
    };

    SetClockEventsCommand(RequestDocument *document,
                          State oldState,
                          State newState,
                          const QString &text,
                          QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    RequestDocument *m_document;
    State m_oldState;
    State m_newState;
    bool m_firstRedo = true;
};

} // namespace foidesk
