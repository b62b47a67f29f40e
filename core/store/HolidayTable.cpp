#include "store/HolidayTable.h"

#include "store/RequestTable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace foidesk {

HolidayTable::HolidayTable(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

Result<QList<AddedHoliday>> HolidayTable::list(const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT date, nation, name, source, added_by, added_at "
                                   "FROM added_holidays ORDER BY date, nation")))
        return m_rows.failed(query, outcome);
    QList<AddedHoliday> days;
    while (query.next()) {
        AddedHoliday day;
        day.holiday.date = RequestTable::dateFrom(query.value(0));
        const std::optional<Nation> nation =
            HolidayCalendar::nationFromCode(query.value(1).toString());
        if (!day.holiday.date.isValid() || !nation)
            continue; // the table's CHECKs keep such rows out
        day.holiday.nation = *nation;
        day.holiday.name = query.value(2).toString();
        day.source = query.value(3).toString();
        day.addedBy = query.value(4).toString();
        day.addedAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        days.append(day);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return days;
}

Result<QList<int>> HolidayTable::completeYears(const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT year FROM holiday_years ORDER BY year")))
        return m_rows.failed(query, outcome);
    QList<int> years;
    while (query.next())
        years.append(query.value(0).toInt());
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return years;
}

Result<bool> HolidayTable::insert(const AddedHoliday &day, const QString &outcome)
{
    QSqlQuery query(m_db);
    // Only a day already there is skipped: any other broken rule must fail loudly, not vanish
    // the way OR IGNORE would let it.
    query.prepare(QStringLiteral("INSERT INTO added_holidays "
                                 "(date, nation, name, source, added_by, added_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (date, nation) DO NOTHING"));
    query.addBindValue(RequestTable::dateValue(day.holiday.date));
    query.addBindValue(HolidayCalendar::nationCode(day.holiday.nation));
    query.addBindValue(day.holiday.name);
    // A null QString binds as NULL; these columns hold text, empty when unknown.
    query.addBindValue(day.source.isNull() ? QStringLiteral("") : day.source);
    query.addBindValue(day.addedBy.isNull() ? QStringLiteral("") : day.addedBy);
    query.addBindValue((day.addedAt.isValid() ? day.addedAt : QDateTime::currentDateTimeUtc())
                           .toUTC()
                           .toString(Qt::ISODateWithMs));
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return query.numRowsAffected() > 0;
}

Result<bool> HolidayTable::insertYear(int year, const QString &source, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO holiday_years (year, source) VALUES (?, ?) "
                       "ON CONFLICT (year) DO NOTHING"));
    query.addBindValue(year);
    query.addBindValue(source.isNull() ? QStringLiteral("") : source);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return query.numRowsAffected() > 0;
}

Result<bool> HolidayTable::remove(const QDate &date, Nation nation, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM added_holidays WHERE date = ? AND nation = ?"));
    query.addBindValue(RequestTable::dateValue(date));
    query.addBindValue(HolidayCalendar::nationCode(nation));
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return query.numRowsAffected() > 0;
}

HolidayCalendar HolidayTable::calendarWith(const QList<AddedHoliday> &days,
                                           const QList<int> &completeYears)
{
    HolidayCalendar calendar = HolidayCalendar::builtIn();
    for (const AddedHoliday &day : days)
        calendar.add(day.holiday);
    // A year listed in full extends the covered years only where it touches them: a gap would
    // leave a year nobody listed.
    int first = calendar.firstYear();
    int last = calendar.lastYear();
    while (completeYears.contains(last + 1))
        ++last;
    while (completeYears.contains(first - 1))
        --first;
    calendar.setCoveredYears(first, last);
    return calendar;
}

} // namespace foidesk
