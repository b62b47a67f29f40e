#pragma once

#include "calendar/Deadlines.h"
#include "model/Request.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

namespace foidesk {

// What the editor shows above every tab about a request's dates: when its answer is due and how
// many working days are left, and the date mistakes an officer would want to see without
// hovering over anything.
class DateChecks
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::DateChecks)

public:
    // "Due Wednesday 15 July 2020: 12 working days left", "... due today", "... 3 working days
    // overdue"; for a request answered or closed "... answered on 10 July 2020, in time" (or
    // "N working days late", counted to the letter date); empty when there is no date received or no deadline can be worked out (the
    // warnings then say why).
    static QString deadline(const Request &request, const QDate &today, const Deadlines &deadlines);

    // Sentences, each ending with what to do: a date received in the future, a letter dated
    // before the request was received, and a date received the holiday data does not cover.
    static QStringList
    warnings(const Request &request, const QDate &today, const Deadlines &deadlines);
};

} // namespace foidesk
