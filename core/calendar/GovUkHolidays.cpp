#include "calendar/GovUkHolidays.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace foidesk {

namespace {

using namespace Qt::StringLiterals;

Error badInput(const QString &message)
{
    return Error(ErrorKind::BadInput, message);
}

} // namespace

Result<GovUkHolidays> GovUkHolidayFile::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return badInput(tr("The file is not valid JSON (%1 at byte %2). Download it again from "
                           "https://www.gov.uk/bank-holidays.json and import the file as it "
                           "comes.")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return badInput(tr("The file is not the government's bank holidays file: it must be a "
                           "JSON object with the divisions england-and-wales, scotland and "
                           "northern-ireland."));
    }
    const QJsonObject root = document.object();

    GovUkHolidays result;
    // The years each division lists: a year every division lists is complete.
    QMap<int, int> divisionsPerYear;
    static const QRegularExpression isoDate(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    for (const Nation nation :
         {Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland}) {
        const QString code = HolidayCalendar::nationCode(nation);
        const QJsonValue divisionValue = root.value(code);
        if (!divisionValue.isObject()) {
            return badInput(tr("%1: missing from the file. The government's file lists all three "
                               "divisions; download it again from "
                               "https://www.gov.uk/bank-holidays.json.")
                                .arg(code));
        }
        const QJsonValue eventsValue = divisionValue.toObject().value(u"events"_s);
        if (!eventsValue.isArray())
            return badInput(tr("%1.events: missing; it must be a list of days.").arg(code));
        const QJsonArray events = eventsValue.toArray();

        QSet<QDate> seen;
        QSet<int> years;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString where = u"%1.events[%2]"_s.arg(code).arg(i);
            const QJsonObject event = events.at(i).toObject();
            const QString dateText = event.value(u"date"_s).toString();
            const QDate date = isoDate.match(dateText).hasMatch()
                                   ? QDate::fromString(dateText, u"yyyy-MM-dd"_s)
                                   : QDate();
            if (!date.isValid()) {
                return badInput(tr("%1: \"%2\" is not a date in the form YYYY-MM-DD; nothing was "
                                   "imported.")
                                    .arg(where, dateText));
            }
            if (seen.contains(date)) {
                return badInput(
                    tr("%1: %2 is listed twice; nothing was imported.").arg(where, dateText));
            }
            seen.insert(date);
            QString name = event.value(u"title"_s).toString().simplified();
            if (name.isEmpty())
                return badInput(tr("%1: the day has no title; nothing was imported.").arg(where));
            const QString notes = event.value(u"notes"_s).toString().simplified();
            if (notes.contains(u"substitute"_s, Qt::CaseInsensitive))
                name = tr("%1 (substitute day)").arg(name);
            result.days.append(Holiday{date, name, nation});
            years.insert(date.year());
        }
        for (const int year : std::as_const(years))
            ++divisionsPerYear[year];
    }
    for (auto it = divisionsPerYear.cbegin(); it != divisionsPerYear.cend(); ++it) {
        if (it.value() == 3)
            result.completeYears.append(it.key());
    }
    std::sort(result.days.begin(), result.days.end(), [](const Holiday &a, const Holiday &b) {
        return a.date != b.date ? a.date < b.date : int(a.nation) < int(b.nation);
    });
    return result;
}

} // namespace foidesk
