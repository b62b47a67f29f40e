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
    // "N working days late", counted to the date the response was sent, else the letter date).
    // The due date is calendar/StatutoryClock's, so the clock events move it; while the clock
    // is stopped the sentence says why, and events in an order the law refuses say where to
    // correct them. Empty when there is no date received or the holiday data runs out (the
    // warnings then say why).
    static QString deadline(const Request &request, const QDate &today, const Deadlines &deadlines);

    // Sentences, each ending with what to do: a date received in the future, a letter dated
    // before the request was received, a date received the holiday data does not cover; then
    // the statutory clock's own warnings (an extension longer than the ICO expects, ...).
    static QStringList
    warnings(const Request &request, const QDate &today, const Deadlines &deadlines);
};

} // namespace foidesk
