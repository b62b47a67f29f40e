#pragma once

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
    static QByteArray write(const QList<AuditEntry> &entries, const QStringList &withheld);
    // value with each withheld string replaced by "[withheld]".
    static QString masked(QString value, const QStringList &withheld);
};

} // namespace foidesk
