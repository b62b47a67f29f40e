#pragma once

#include "model/Request.h"
#include "store/HistoryTable.h"

#include <QList>
#include <QStringList>

namespace foidesk {

// What a save changed, field by field, for the history and for the workflow.
class FieldChanges
{
public:
    // One "change" record per changed field, with its old and new value: "title",
    // "question 2 answer", "question 2 redactions", "exemption reasons", ... The requester's
    // name, email and address are personal data: their records say that they changed and carry
    // no values. reference and revision are filled in.
    static QList<HistoryRecord> records(const Request &before, const Request &after);

    // records() folded into the one history entry of a save: field lists the changed fields
    // ("title, question 2 answer, requester name"), oldValue and newValue are compact JSON
    // objects of field -> value for the fields that carry values (never the requester's).
    static HistoryRecord saveRecord(const Request &before, const Request &after);

    // The names of the changed fields that are the letter's content: everything but the status,
    // the officer, the final mark and the second sign-off. A change to any of them withdraws an
    // approval.
    static QStringList contentChanges(const Request &before, const Request &after);
};

} // namespace foidesk
