#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace foidesk {

// The parts of the United Kingdom with their own bank holidays.
enum class Nation
{
    EnglandAndWales,
    Scotland,
    NorthernIreland
};

struct Holiday
{
    QDate date;
    QString name;
    Nation nation = Nation::EnglandAndWales;

    bool operator==(const Holiday &) const = default;
};

// Bank holidays as data, never as rules in code: substitute days and proclaimed one-off days
// (a state funeral, a coronation) are listed like any other. Built from the JSON resource
// :/data/bank-holidays.json, documented in docs/bank-holidays.md.
class HolidayCalendar
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::HolidayCalendar)

public:
    HolidayCalendar() = default;

    // The calendar shipped with FOI Desk. Loaded once; a damaged resource is a build error,
    // caught by the tests, so this returns an empty calendar only in a broken build.
    static const HolidayCalendar &builtIn();

    // The calendar every deadline is worked with: the built-in one, plus the days the open log
    // added (a holiday proclaimed at short notice, a newer government file). Store::open sets
    // it; until then, and after resetActive(), it is builtIn(). Safe to read from any thread.
    static HolidayCalendar active();
    static void setActive(const HolidayCalendar &calendar);
    static void resetActive();

    // "england-and-wales", "scotland", "northern-ireland": the codes of the government's file.
    static QString nationCode(Nation nation);
    static std::optional<Nation> nationFromCode(const QString &code);
    // "England and Wales", "Scotland", "Northern Ireland", translated.
    static QString nationName(Nation nation);

    // Parses the bank-holiday JSON; BadInput naming the entry when it is malformed.
    static Result<HolidayCalendar> fromJson(const QByteArray &json);

    // Adds a day (a newly proclaimed holiday, say). Adding a date twice for a nation is harmless.
    void add(const Holiday &holiday);

    bool isHoliday(const QDate &date, Nation nation) const;
    // A bank holiday in any part of the UK: what FOIA s10(6) and the EIR count.
    bool isHolidayAnywhereInUk(const QDate &date) const;

    QList<Holiday> holidays() const;
    QList<Holiday> holidaysIn(int year) const;
    // The holidays on one day, in nation order; cheap (the clock asks for every day it counts).
    QList<Holiday> holidaysOn(const QDate &date) const;

    // The years the data covers completely. Deadlines outside them cannot be computed.
    int firstYear() const { return m_firstYear; }
    int lastYear() const { return m_lastYear; }
    bool covers(const QDate &date) const;
    // Sets the years counted as complete, for a calendar built by hand or extended with a new
    // year's holidays in Settings.
    void setCoveredYears(int firstYear, int lastYear);

private:
    QHash<QDate, QList<Holiday>> m_byDate;
    int m_firstYear = 0;
    int m_lastYear = -1;
};

} // namespace foidesk
