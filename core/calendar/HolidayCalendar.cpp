#include "calendar/HolidayCalendar.h"

#include "util/JsonFields.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QtDebug>
#include <algorithm>
#include <cmath>
#include <optional>

namespace foidesk {

namespace {

using namespace Qt::StringLiterals;

constexpr auto FormatTag = "foidesk.bank-holidays/1";
// Years outside this range are certainly typing mistakes, and keeping them out keeps every
// loop over the covered years short.
constexpr int EarliestYear = 1972;
constexpr int LatestYear = 2199;

QString nationCodeOf(Nation nation)
{
    switch (nation) {
    case Nation::EnglandAndWales:
        return u"england-and-wales"_s;
    case Nation::Scotland:
        return u"scotland"_s;
    case Nation::NorthernIreland:
        return u"northern-ireland"_s;
    }
    return {};
}

std::optional<Nation> nationOfCode(const QString &code)
{
    for (const Nation nation :
         {Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland}) {
        if (code == nationCodeOf(nation))
            return nation;
    }
    return std::nullopt;
}

// The active calendar: std::nullopt while it is the built-in one.
QMutex activeMutex;
std::optional<HolidayCalendar> activeCalendar;

Error badInput(const QString &message)
{
    return Error(ErrorKind::BadInput, message);
}

// A JSON number that is a whole year in the accepted range, or nothing.
std::optional<int> yearValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (std::floor(number) != number || number < EarliestYear || number > LatestYear)
        return std::nullopt;
    return static_cast<int>(number);
}

} // namespace

const HolidayCalendar &HolidayCalendar::builtIn()
{
    static const HolidayCalendar calendar = [] {
        QFile file(u":/data/bank-holidays.json"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qCritical("The built-in bank holiday data :/data/bank-holidays.json is missing");
            return HolidayCalendar();
        }
        Result<HolidayCalendar> parsed = fromJson(file.readAll());
        if (!parsed) {
            qCritical("The built-in bank holiday data is damaged: %s",
                      qUtf8Printable(parsed.errorMessage()));
            return HolidayCalendar();
        }
        return std::move(parsed).value();
    }();
    return calendar;
}

HolidayCalendar HolidayCalendar::active()
{
    const QMutexLocker locker(&activeMutex);
    return activeCalendar ? *activeCalendar : builtIn();
}

void HolidayCalendar::setActive(const HolidayCalendar &calendar)
{
    const QMutexLocker locker(&activeMutex);
    activeCalendar = calendar;
}

void HolidayCalendar::resetActive()
{
    const QMutexLocker locker(&activeMutex);
    activeCalendar.reset();
}

QString HolidayCalendar::nationCode(Nation nation)
{
    return nationCodeOf(nation);
}

std::optional<Nation> HolidayCalendar::nationFromCode(const QString &code)
{
    return nationOfCode(code);
}

QString HolidayCalendar::nationName(Nation nation)
{
    switch (nation) {
    case Nation::EnglandAndWales:
        return tr("England and Wales");
    case Nation::Scotland:
        return tr("Scotland");
    case Nation::NorthernIreland:
        return tr("Northern Ireland");
    }
    return {};
}

Result<HolidayCalendar> HolidayCalendar::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return badInput(
            HolidayCalendar::tr("The bank holiday data is not valid JSON: %1 at byte %2. Check the "
                                "file's punctuation around that point.")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return badInput(HolidayCalendar::tr(
            "The bank holiday data must be a JSON object with the fields format, "
            "first_year, last_year and divisions."));
    }
    const QJsonObject root = document.object();

    static const QStringList knownKeys = {
        u"format"_s, u"first_year"_s, u"last_year"_s, u"source"_s, u"divisions"_s};
    if (auto unknown = JsonFields::unknownKey(
            root, QString(), knownKeys, HolidayCalendar::tr("the bank holiday data")))
        return *unknown;

    if (root.value(u"format"_s).toString() != QLatin1String(FormatTag)) {
        return badInput(HolidayCalendar::tr("format: the bank holiday data must be tagged \"%1\".")
                            .arg(QLatin1String(FormatTag)));
    }
    if (root.contains(u"source"_s) && !root.value(u"source"_s).isString())
        return badInput(
            HolidayCalendar::tr("source: must be text saying where the dates come from."));

    const std::optional<int> firstYear = yearValue(root.value(u"first_year"_s));
    const std::optional<int> lastYear = yearValue(root.value(u"last_year"_s));
    if (!firstYear) {
        return badInput(HolidayCalendar::tr("first_year: must be a whole year between %1 and %2.")
                            .arg(EarliestYear)
                            .arg(LatestYear));
    }
    if (!lastYear) {
        return badInput(HolidayCalendar::tr("last_year: must be a whole year between %1 and %2.")
                            .arg(EarliestYear)
                            .arg(LatestYear));
    }
    if (*lastYear < *firstYear) {
        return badInput(HolidayCalendar::tr(
                            "last_year: %1 is before first_year %2; the file must cover at least "
                            "one year.")
                            .arg(*lastYear)
                            .arg(*firstYear));
    }

    const QJsonValue divisionsValue = root.value(u"divisions"_s);
    if (!divisionsValue.isObject()) {
        return badInput(
            HolidayCalendar::tr("divisions: missing; it must be an object listing the holidays of "
                                "england-and-wales, scotland and northern-ireland."));
    }
    const QJsonObject divisions = divisionsValue.toObject();

    HolidayCalendar calendar;
    calendar.m_firstYear = *firstYear;
    calendar.m_lastYear = *lastYear;

    static const QRegularExpression isoDate(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    for (auto it = divisions.begin(); it != divisions.end(); ++it) {
        const QString division = it.key();
        const std::optional<Nation> nation = nationOfCode(division);
        if (!nation) {
            return badInput(HolidayCalendar::tr(
                                "divisions.%1: unknown division; use england-and-wales, scotland "
                                "or northern-ireland.")
                                .arg(division));
        }
        if (!it.value().isArray())
            return badInput(HolidayCalendar::tr("%1: must be a list of holidays.").arg(division));

        const QJsonArray entries = it.value().toArray();
        QSet<QDate> seen;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QString where = u"%1[%2]"_s.arg(division).arg(i);
            if (!entries.at(i).isObject()) {
                return badInput(HolidayCalendar::tr("%1: must be an object with a date and a name.")
                                    .arg(where));
            }
            const QJsonObject entry = entries.at(i).toObject();
            if (auto unknown = JsonFields::unknownKey(
                    entry, where, {u"date"_s, u"name"_s}, HolidayCalendar::tr("a holiday")))
                return *unknown;

            if (!entry.value(u"date"_s).isString()) {
                return badInput(
                    HolidayCalendar::tr(
                        "%1.date: missing; write the date as text in the form YYYY-MM-DD.")
                        .arg(where));
            }
            const QString dateText = entry.value(u"date"_s).toString();
            const QDate date = isoDate.match(dateText).hasMatch()
                                   ? QDate::fromString(dateText, u"yyyy-MM-dd"_s)
                                   : QDate();
            if (!date.isValid()) {
                return badInput(
                    HolidayCalendar::tr(
                        "%1.date: %2 is not a valid date; write an existing date in the "
                        "form YYYY-MM-DD.")
                        .arg(where, dateText));
            }
            if (date.year() < *firstYear || date.year() > *lastYear) {
                return badInput(HolidayCalendar::tr(
                                    "%1.date: %2 is outside the years the file covers (%3 to %4); "
                                    "widen first_year or last_year or remove the entry.")
                                    .arg(where, dateText)
                                    .arg(*firstYear)
                                    .arg(*lastYear));
            }
            if (seen.contains(date)) {
                return badInput(
                    HolidayCalendar::tr("%1.date: %2 is listed twice for %3; remove one of them.")
                        .arg(where, dateText, division));
            }
            seen.insert(date);

            const QString name = entry.value(u"name"_s).toString().trimmed();
            if (!entry.value(u"name"_s).isString() || name.isEmpty()) {
                return badInput(
                    HolidayCalendar::tr(
                        "%1.name: missing; give the holiday's name, e.g. \"Boxing Day\".")
                        .arg(where));
            }
            calendar.add(Holiday{date, name, *nation});
        }
    }

    for (const Nation nation :
         {Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland}) {
        if (!divisions.contains(nationCodeOf(nation))) {
            return badInput(HolidayCalendar::tr(
                                "divisions.%1: missing; every part of the United Kingdom must be "
                                "listed, since FOIA deadlines depend on all of them.")
                                .arg(nationCodeOf(nation)));
        }
    }
    return calendar;
}

void HolidayCalendar::add(const Holiday &holiday)
{
    if (!holiday.date.isValid())
        return;
    QList<Holiday> &onDate = m_byDate[holiday.date];
    const bool known = std::any_of(onDate.cbegin(), onDate.cend(), [&](const Holiday &h) {
        return h.nation == holiday.nation;
    });
    if (!known)
        onDate.append(holiday);
}

void HolidayCalendar::setCoveredYears(int firstYear, int lastYear)
{
    m_firstYear = firstYear;
    m_lastYear = lastYear;
}

bool HolidayCalendar::isHoliday(const QDate &date, Nation nation) const
{
    const auto it = m_byDate.constFind(date);
    if (it == m_byDate.cend())
        return false;
    return std::any_of(
        it->cbegin(), it->cend(), [nation](const Holiday &h) { return h.nation == nation; });
}

bool HolidayCalendar::isHolidayAnywhereInUk(const QDate &date) const
{
    const auto it = m_byDate.constFind(date);
    return it != m_byDate.cend() && !it->isEmpty();
}

QList<Holiday> HolidayCalendar::holidays() const
{
    QList<Holiday> all;
    for (const QList<Holiday> &onDate : m_byDate)
        all.append(onDate);
    // QHash has no order; callers list holidays by date, and a stable order keeps tests exact.
    std::sort(all.begin(), all.end(), [](const Holiday &a, const Holiday &b) {
        if (a.date != b.date)
            return a.date < b.date;
        return a.nation < b.nation;
    });
    return all;
}

QList<Holiday> HolidayCalendar::holidaysIn(int year) const
{
    QList<Holiday> inYear = holidays();
    inYear.removeIf([year](const Holiday &h) { return h.date.year() != year; });
    return inYear;
}

QList<Holiday> HolidayCalendar::holidaysOn(const QDate &date) const
{
    QList<Holiday> onDate = m_byDate.value(date);
    std::sort(onDate.begin(), onDate.end(), [](const Holiday &a, const Holiday &b) {
        return a.nation < b.nation;
    });
    return onDate;
}

bool HolidayCalendar::covers(const QDate &date) const
{
    return date.isValid() && date.year() >= m_firstYear && date.year() <= m_lastYear;
}

} // namespace foidesk
