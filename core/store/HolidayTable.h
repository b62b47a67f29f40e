#pragma once

#include "calendar/HolidayCalendar.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

class RequestTable;

// A bank holiday a log added to the built-in calendar.
struct AddedHoliday
{
    Holiday holiday;
    QString source;  // "added by hand", or the file it was imported from
    QString addedBy; // the login of who added it
    QDateTime addedAt; // UTC
};

// The SQL of the days a log adds to the built-in bank holidays (schema version 12). Only reads
// and writes rows inside whatever transaction the Store began.
class HolidayTable
{
public:
    HolidayTable(const QSqlDatabase &db, const RequestTable &rows);

    // By date, then part of the UK.
    Result<QList<AddedHoliday>> list(const QString &outcome) const;
    // Years listed in full by an imported file, ascending.
    Result<QList<int>> completeYears(const QString &outcome) const;

    // Inserts day unless the log has it already; true when it was inserted.
    Result<bool> insert(const AddedHoliday &day, const QString &outcome);
    Result<bool> insertYear(int year, const QString &source, const QString &outcome);
    // Deletes the day; false when there was none.
    Result<bool> remove(const QDate &date, Nation nation, const QString &outcome);

    // The built-in calendar with days and years added.
    static HolidayCalendar calendarWith(const QList<AddedHoliday> &days,
                                        const QList<int> &completeYears);

private:
    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
};

} // namespace foidesk
