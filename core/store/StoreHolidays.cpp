// The Store's bank holidays: the days a log adds to the built-in calendar, and the due dates
// they move.

#include "store/StorePrivate.h"

#include "calendar/StatutoryClock.h"

#include <QLocale>
#include <QMutex>
#include <QSqlQuery>

namespace foidesk {

namespace {

// The Store whose calendar is HolidayCalendar::active(), so that closing it puts the built-in
// calendar back rather than leave one log's days in force for the next.
QMutex ownerMutex;
const void *activeOwner = nullptr;

QString longDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("d MMMM yyyy"));
}

void makeActive(const void *owner, const HolidayCalendar &calendar)
{
    const QMutexLocker locker(&ownerMutex);
    activeOwner = owner;
    HolidayCalendar::setActive(calendar);
}

QString dayList(const QList<Holiday> &days)
{
    // "19 September 2022, State Funeral (England and Wales, Scotland, Northern Ireland)": one
    // entry per date, naming the parts of the UK.
    QStringList parts;
    for (qsizetype i = 0; i < days.size();) {
        const Holiday &first = days.at(i);
        QStringList nations;
        qsizetype j = i;
        for (; j < days.size() && days.at(j).date == first.date; ++j)
            nations.append(HolidayCalendar::nationName(days.at(j).nation));
        parts.append(QStringLiteral("%1, %2 (%3)")
                         .arg(longDate(first.date), first.name, nations.join(u", ")));
        i = j;
    }
    if (parts.size() > 5) {
        const qsizetype more = parts.size() - 4;
        parts = parts.mid(0, 4);
        parts.append(Store::tr("and %n more", nullptr, int(more)));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

Result<void> Store::Private::loadCalendar(const QString &outcome, bool force)
{
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral(
            "SELECT (SELECT count(*) || '/' || coalesce(max(added_at), '') FROM added_holidays) "
            "|| '/' || (SELECT count(*) FROM holiday_years)"))
        || !probe.next())
        return rows.failed(probe, outcome);
    const QString signature = probe.value(0).toString();
    probe.finish();
    if (!force && signature == holidaySignature)
        return {};
    const Result<QList<AddedHoliday>> days = holidayRows.list(outcome);
    if (!days)
        return days.error();
    const Result<QList<int>> years = holidayRows.completeYears(outcome);
    if (!years)
        return years.error();
    calendar = HolidayTable::calendarWith(*days, *years);
    holidaySignature = signature;
    makeActive(this, calendar);
    return {};
}

Result<QList<DueDateMove>> Store::Private::recomputeDue(bool openOnly,
                                                        const HolidayCalendar &withCalendar,
                                                        const QString &detail,
                                                        const QString &outcome)
{
    const Result<QHash<qint64, QList<ClockEvent>>> events = rows.readAllClockEvents(outcome);
    if (!events)
        return events.error();
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, reference, revision, received, regime, due_date, "
                                    "response_sent, status FROM requests")))
        return rows.failed(select, outcome);
    // Collected first: updating rows while stepping through the same table is avoided.
    QList<DueDateMove> moves;
    QList<int> revisions;
    QList<QVariant> values;
    const StatutoryClock clock(withCalendar);
    while (select.next()) {
        if (openOnly) {
            const std::optional<RequestStatus> status =
                statusFromCode(select.value(7).toString());
            if (status && !isOpenStatus(*status))
                continue;
        }
        Request request;
        request.received = RequestTable::dateFrom(select.value(3));
        request.regime = regimeFromCode(select.value(4).toString()).value_or(Regime::FOIA);
        request.responseSent = RequestTable::dateFrom(select.value(6));
        request.clockEvents = events->value(select.value(0).toLongLong());
        const QVariant due = rows.dueDateFor(request, clock);
        const QVariant stored = select.value(5);
        if (due.isNull() == stored.isNull() && due.toString() == stored.toString())
            continue;
        DueDateMove move;
        move.id = select.value(0).toLongLong();
        move.reference = select.value(1).toString();
        move.before = RequestTable::dateFrom(stored);
        move.after = RequestTable::dateFrom(due);
        moves.append(move);
        revisions.append(select.value(2).toInt());
        values.append(due);
    }
    if (select.lastError().isValid())
        return rows.failed(select, outcome);
    select.finish();

    // A derived date is not an edit: the revision stays, so open editors are not put in
    // conflict by a holiday being added.
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE requests SET due_date = ? WHERE id = ?"));
    for (qsizetype i = 0; i < moves.size(); ++i) {
        update.addBindValue(values.at(i));
        update.addBindValue(moves.at(i).id);
        if (!update.exec())
            return rows.failed(update, outcome);
        if (detail.isEmpty())
            continue;
        HistoryRecord record;
        record.action = QStringLiteral("due_date_moved");
        record.reference = moves.at(i).reference;
        record.revision = revisions.at(i);
        record.field = QStringLiteral("due date");
        record.oldValue = moves.at(i).before.toString(Qt::ISODate);
        record.newValue = moves.at(i).after.toString(Qt::ISODate);
        record.detail = detail;
        if (const Result<void> noted = history.append(record, outcome); !noted)
            return noted.error();
    }
    return moves;
}

HolidayCalendar Store::calendar() const
{
    return d->calendar;
}

Result<QList<AddedHoliday>> Store::addedHolidays() const
{
    return d->holidayRows.list(tr("The bank holidays added to this log could not be read."));
}

Result<HolidayChange> Store::addHolidays(const QList<Holiday> &days,
                                         const QString &source,
                                         const QList<int> &completeYears)
{
    const QString outcome = tr("The bank holidays were not added.");
    for (const Holiday &day : days) {
        if (!day.date.isValid() || day.name.trimmed().isEmpty()) {
            return Error(ErrorKind::BadInput,
                         tr("%1 Every day needs an existing date and a name.").arg(outcome));
        }
    }
    HolidayCalendar updated;
    const Result<HolidayChange> change = d->write(outcome, [&]() -> Result<HolidayChange> {
        // Another program may have added days meanwhile: start from what the file holds now.
        if (const Result<void> loaded = d->loadCalendar(outcome); !loaded)
            return loaded.error();
        HolidayChange result;
        QList<Holiday> added;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Holiday &day : days) {
            if (d->calendar.isHoliday(day.date, day.nation)) {
                ++result.daysKnown;
                continue;
            }
            AddedHoliday row{day, source, d->history.user(), now};
            row.holiday.name = day.name.simplified();
            const Result<bool> inserted = d->holidayRows.insert(row, outcome);
            if (!inserted)
                return inserted.error();
            if (*inserted) {
                ++result.daysChanged;
                added.append(row.holiday);
            } else {
                ++result.daysKnown;
            }
        }
        const int lastBefore = d->calendar.lastYear();
        const int firstBefore = d->calendar.firstYear();
        for (const int year : completeYears) {
            const Result<bool> inserted = d->holidayRows.insertYear(year, source, outcome);
            if (!inserted)
                return inserted.error();
        }
        const Result<QList<AddedHoliday>> rowsNow = d->holidayRows.list(outcome);
        if (!rowsNow)
            return rowsNow.error();
        const Result<QList<int>> yearsNow = d->holidayRows.completeYears(outcome);
        if (!yearsNow)
            return yearsNow.error();
        updated = HolidayTable::calendarWith(*rowsNow, *yearsNow);
        result.yearsAdded = (updated.lastYear() - lastBefore) + (firstBefore - updated.firstYear());
        if (added.isEmpty() && result.yearsAdded == 0)
            return result;

        QString detail;
        if (!added.isEmpty()) {
            detail = tr("Bank holiday added: %1.").arg(dayList(added));
        } else {
            detail = tr("Bank holidays now known up to %1.").arg(updated.lastYear());
        }
        if (!source.isEmpty())
            detail += QLatin1Char(' ') + tr("Source: %1.").arg(source);
        const Result<QList<DueDateMove>> moved =
            d->recomputeDue(true, updated, detail, outcome);
        if (!moved)
            return moved.error();
        result.moved = *moved;
        HistoryRecord record;
        record.action = QStringLiteral("holidays_added");
        record.detail = detail + QLatin1Char(' ')
                        + tr("%n open deadline(s) moved.", nullptr, int(moved->size()));
        if (const Result<void> noted = d->history.append(record, outcome); !noted)
            return noted.error();
        return result;
    });
    if (!change)
        return change;
    if (change->daysChanged > 0 || change->yearsAdded > 0) {
        // Read back, so the signature matches what was written.
        static_cast<void>(d->loadCalendar(outcome, true));
        Q_EMIT calendarChanged();
        Q_EMIT requestsChanged();
    }
    return change;
}

Result<HolidayChange> Store::removeAddedHolidays(const QDate &date, const QList<Nation> &nations)
{
    const QString outcome = tr("The bank holiday was not removed.");
    const Result<HolidayChange> change = d->write(outcome, [&]() -> Result<HolidayChange> {
        const Result<QList<AddedHoliday>> before = d->holidayRows.list(outcome);
        if (!before)
            return before.error();
        QList<Holiday> removed;
        for (const Nation nation : nations) {
            QString name;
            for (const AddedHoliday &day : *before) {
                if (day.holiday.date == date && day.holiday.nation == nation)
                    name = day.holiday.name;
            }
            if (name.isEmpty()) {
                const bool builtIn = HolidayCalendar::builtIn().isHoliday(date, nation);
                return Error(ErrorKind::NotFound,
                             builtIn ? tr("%1 %2 in %3 is one of the built-in bank holidays, "
                                          "which cannot be removed.")
                                           .arg(outcome,
                                                longDate(date),
                                                HolidayCalendar::nationName(nation))
                                     : tr("%1 This log did not add a bank holiday on %2 in %3.")
                                           .arg(outcome,
                                                longDate(date),
                                                HolidayCalendar::nationName(nation)));
            }
            const Result<bool> gone = d->holidayRows.remove(date, nation, outcome);
            if (!gone)
                return gone.error();
            if (*gone)
                removed.append(Holiday{date, name, nation});
        }
        if (removed.isEmpty()) {
            return Error(ErrorKind::BadInput,
                         tr("%1 Choose the part of the UK to remove it from.").arg(outcome));
        }
        const Result<QList<AddedHoliday>> rowsNow = d->holidayRows.list(outcome);
        if (!rowsNow)
            return rowsNow.error();
        const Result<QList<int>> yearsNow = d->holidayRows.completeYears(outcome);
        if (!yearsNow)
            return yearsNow.error();
        const HolidayCalendar updated = HolidayTable::calendarWith(*rowsNow, *yearsNow);
        const QString detail = tr("Bank holiday removed: %1.").arg(dayList(removed));
        const Result<QList<DueDateMove>> moved = d->recomputeDue(true, updated, detail, outcome);
        if (!moved)
            return moved.error();
        HistoryRecord record;
        record.action = QStringLiteral("holiday_removed");
        record.detail = detail + QLatin1Char(' ')
                        + tr("%n open deadline(s) moved.", nullptr, int(moved->size()));
        if (const Result<void> noted = d->history.append(record, outcome); !noted)
            return noted.error();
        HolidayChange result;
        result.daysChanged = int(removed.size());
        result.moved = *moved;
        return result;
    });
    if (change) {
        static_cast<void>(d->loadCalendar(outcome, true));
        Q_EMIT calendarChanged();
        Q_EMIT requestsChanged();
    }
    return change;
}

void Store::releaseCalendar()
{
    const QMutexLocker locker(&ownerMutex);
    if (activeOwner == d.get()) {
        activeOwner = nullptr;
        HolidayCalendar::resetActive();
    }
}

} // namespace foidesk
