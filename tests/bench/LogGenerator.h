#pragma once

#include "model/Request.h"

#include <QDate>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace foidesk {

// The requests of a made-up log, the same ones for the same seed: three questions each, of the
// length real requests have; received dates spread over the five years before asOf, oldest
// first, with references that grow with time; and statuses spread as in a working log, so most
// old requests are answered and a few are left open long past their deadline. About one title
// in a hundred contains markerText(), so filtering by it matches about 1% of the log.
class LogGenerator
{
public:
    LogGenerator(int requests, quint32 seed, const QDate &asOf);

    static QString markerText();
    int size() const { return int(m_received.size()); }
    bool atEnd() const { return m_next >= m_received.size(); }
    // The next request, in the order it was received. Only while !atEnd().
    Request next();

private:
    QRandomGenerator m_rng;
    QDate m_asOf;
    QList<QDate> m_received;
    qsizetype m_next = 0;
};

} // namespace foidesk
