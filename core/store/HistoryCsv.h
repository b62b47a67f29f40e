#pragma once

#include "model/Request.h"
#include "store/HistoryTable.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace foidesk {

// A request's history as CSV (RFC 4180, UTF-8, CRLF), for the window's Export and `foidesk
// history REF --csv`. The history keeps old and new answers whole, withheld passages included;
// a file that leaves FOI Desk must not carry them, so every string the request withholds now
// (release/WithheldText) is replaced by "[withheld]" in each value, the longest first.
class HistoryCsv
{
public:
    // Every string the request withholds now, and every one it withheld at an earlier revision
    // that the history still holds: a passage marked withheld and later deleted from the answer
    // (or a question withheld in full and later removed) is in the old values of the history,
    // and must be masked as well. Worked out by walking the history back from the request as
    // it is, undoing each save's changes to answers, redactions and dispositions.
    static QStringList withheldStrings(const Request &now, const QList<AuditEntry> &entries);

    static QByteArray write(const QList<AuditEntry> &entries, const QStringList &withheld);
    // value with each withheld string replaced by "[withheld]".
    static QString masked(QString value, const QStringList &withheld);
};

} // namespace foidesk
