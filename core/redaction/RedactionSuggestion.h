#pragma once

#include "model/Request.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// A passage the officer may want to withhold under section 40(2) (reg 13 under EIR, s38(1)(b)
// under FOISA, reg 11(2) under EIRS). Never applied without the officer's say.
struct RedactionSuggestion
{
    enum class Kind
    {
        StaffName,        // a name from the staff register below the policy's grade
        Email,            // an email address
        Phone,            // a UK telephone number
        Postcode,         // a UK postcode
        WithheldElsewhere // text already withheld in another answer of the same request
    };

    Kind kind = Kind::Email;
    int question = 0;      // index into Request::questions
    qsizetype start = 0;   // UTF-16 offsets into that question's answer
    qsizetype length = 0;
    QString text;          // the matched text
    QString exemption;     // the exemption proposed: the personal-data code for the regime
    QString reason;        // one translated sentence: "Ann Lee is in the staff register as
                           // Officer, below Assistant Director."

    bool operator==(const RedactionSuggestion &) const = default;
};

// What the officer did with a suggestion; kept with the request (Store::recordSuggestionDecision)
// so a supervisor can see what was accepted and dismissed, and dismissed ones are not offered
// again for the same text.
struct SuggestionDecision
{
    enum class Action { Accepted, Dismissed };

    Action action = Action::Accepted;
    RedactionSuggestion::Kind kind = RedactionSuggestion::Kind::Email;
    QString text;
    QString exemption;
    int question = 0;
    QDateTime at;   // UTC
    QString user;   // who decided (the officer's name as set in the application)

    bool operator==(const SuggestionDecision &) const = default;
};

} // namespace foidesk
