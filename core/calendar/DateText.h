#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace foidesk {

// A date as an officer types it. British order, day first: "17/06/2020", "17/6/20",
// "17.06.2020", "17-06-2020", "17 June 2020", "17 Jun 2020", and ISO "2020-06-17". A date that
// cannot exist ("31/02/2021") is said to be impossible, with the reason, and is never moved to
// a nearby day that does exist.
class DateText
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::DateText)

public:
    enum class State
    {
        Empty,      // nothing typed: no date
        Incomplete, // on its way to a date ("17/06/2"); a problem only once typing has stopped
        Valid,      // date is set
        Impossible, // the parts are there but name no day; problem says why
    };

    struct Parsed
    {
        State state = State::Empty;
        QDate date;
        QString problem; // for Impossible and Incomplete: a sentence saying what is wrong
    };

    static Parsed parse(const QString &text);
    // How a date field shows a date: "17/06/2020".
    static QString format(const QDate &date);
};

} // namespace foidesk
