#pragma once

#include "calendar/HolidayCalendar.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace foidesk {

// What the government's published bank-holidays file holds: every division's days, and the
// years it lists for all three divisions, which it therefore covers completely.
struct GovUkHolidays
{
    QList<Holiday> days;     // by date, then division
    QList<int> completeYears; // ascending
};

// Reads the file GOV.UK publishes at https://www.gov.uk/bank-holidays.json: an object with the
// divisions "england-and-wales", "scotland" and "northern-ireland", each
// {"division": ..., "events": [{"title", "date" (YYYY-MM-DD), "notes", "bunting"}]}. A day
// whose notes say it is a substitute day is named so ("Boxing Day (substitute day)").
// BadInput, naming the entry, for anything else: a missing division, a date that does not
// exist, a day listed twice.
class GovUkHolidayFile
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::GovUkHolidayFile)

public:
    static Result<GovUkHolidays> parse(const QByteArray &json);
};

} // namespace foidesk
