#include "calendar/HolidayCalendar.h"

#include <QFile>
#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QList<Nation> allNations = {
    Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland};

// A small valid file; tests break one piece of it at a time.
QByteArray validJson(
    const QByteArray &scotlandEntries = R"({"date": "2026-11-30", "name": "St Andrew's Day"})",
    const QByteArray &extraDivision = {})
{
    return R"({"format": "foidesk.bank-holidays/1", "first_year": 2026, "last_year": 2026,
               "divisions": {
                 "england-and-wales": [{"date": "2026-04-06", "name": "Easter Monday"}],
                 "scotland": [)"
           + scotlandEntries + R"(],
                 "northern-ireland": [{"date": "2026-03-17", "name": "St Patrick's Day"}])"
           + extraDivision + "}}";
}

} // namespace

class TestHolidayCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceIsCompiledIn();
    void builtInCoversFifteenToThirty();
    void builtInSpotChecks_data();
    void builtInSpotChecks();
    void easterDaysEveryYear_data();
    void easterDaysEveryYear();
    void builtInEntriesAreSane();
    void holidaysInYearAreListedInDateOrder();
    void fromJsonReadsAValidFile();
    void fromJsonRejectsMalformedInput_data();
    void fromJsonRejectsMalformedInput();
    void addIsIdempotentPerNation();
    void emptyCalendarCoversNothing();
};

void TestHolidayCalendar::resourceIsCompiledIn()
{
    QFile file(u":/data/bank-holidays.json"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const Result<HolidayCalendar> parsed = HolidayCalendar::fromJson(file.readAll());
    // The message names the broken entry, which is what whoever edited the file needs to see.
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
}

void TestHolidayCalendar::builtInCoversFifteenToThirty()
{
    const HolidayCalendar &calendar = HolidayCalendar::builtIn();
    QCOMPARE(calendar.firstYear(), 2015);
    QCOMPARE(calendar.lastYear(), 2030);
    QVERIFY(calendar.covers(QDate(2015, 1, 1)));
    QVERIFY(calendar.covers(QDate(2030, 12, 31)));
    QVERIFY(!calendar.covers(QDate(2014, 12, 31)));
    QVERIFY(!calendar.covers(QDate(2031, 1, 1)));
    QVERIFY(!calendar.covers(QDate()));
    // Loaded once: the same object every time.
    QCOMPARE(&HolidayCalendar::builtIn(), &calendar);
}

void TestHolidayCalendar::builtInSpotChecks_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("englandAndWales");
    QTest::addColumn<bool>("scotland");
    QTest::addColumn<bool>("northernIreland");

    // Easter Monday is not a Scottish bank holiday.
    QTest::newRow("Easter Monday 2026") << QDate(2026, 4, 6) << true << false << true;
    // Scotland's summer holiday is the first Monday of August, elsewhere the last.
    QTest::newRow("Scottish summer 2026") << QDate(2026, 8, 3) << false << true << false;
    QTest::newRow("summer 2026") << QDate(2026, 8, 31) << true << false << true;
    QTest::newRow("Scottish summer 2019") << QDate(2019, 8, 5) << false << true << false;
    QTest::newRow("summer 2019") << QDate(2019, 8, 26) << true << false << true;
    // 12 July 2025 is a Saturday, so Northern Ireland has Monday 14 July.
    QTest::newRow("12 July 2025 Saturday") << QDate(2025, 7, 12) << false << false << false;
    QTest::newRow("Boyne 2025 substitute") << QDate(2025, 7, 14) << false << false << true;
    // 17 March 2024 is a Sunday, so Northern Ireland has Monday 18 March.
    QTest::newRow("17 March 2024 Sunday") << QDate(2024, 3, 17) << false << false << false;
    QTest::newRow("St Patrick 2024 substitute") << QDate(2024, 3, 18) << false << false << true;
    QTest::newRow("St Patrick 2027") << QDate(2027, 3, 17) << false << false << true;
    // 30 November 2025 is a Sunday, so Scotland has Monday 1 December.
    QTest::newRow("30 Nov 2025 Sunday") << QDate(2025, 11, 30) << false << false << false;
    QTest::newRow("St Andrew 2025 substitute") << QDate(2025, 12, 1) << false << true << false;
    QTest::newRow("St Andrew 2026 Monday") << QDate(2026, 11, 30) << false << true << false;
    // 30 November 2030 is a Saturday.
    QTest::newRow("St Andrew 2030 substitute") << QDate(2030, 12, 2) << false << true << false;
    // VE Day 75: the early May holiday moved from Monday 4 to Friday 8 May 2020.
    QTest::newRow("VE Day 2020") << QDate(2020, 5, 8) << true << true << true;
    QTest::newRow("4 May 2020 not a holiday") << QDate(2020, 5, 4) << false << false << false;
    // Platinum Jubilee: spring holiday moved to Thursday 2 June 2022, extra day Friday 3 June.
    QTest::newRow("Jubilee spring 2022") << QDate(2022, 6, 2) << true << true << true;
    QTest::newRow("Jubilee extra 2022") << QDate(2022, 6, 3) << true << true << true;
    QTest::newRow("30 May 2022 not a holiday") << QDate(2022, 5, 30) << false << false << false;
    QTest::newRow("State funeral 2022") << QDate(2022, 9, 19) << true << true << true;
    // Coronation, in addition to the early May holiday on the 1st.
    QTest::newRow("Coronation 2023") << QDate(2023, 5, 8) << true << true << true;
    QTest::newRow("early May 2023") << QDate(2023, 5, 1) << true << true << true;
    // 1 January 2022 Saturday, 2 January Sunday: Scotland takes Monday 3 and Tuesday 4.
    QTest::newRow("New Year 2022 substitute") << QDate(2022, 1, 3) << true << true << true;
    QTest::newRow("2 January 2022 substitute") << QDate(2022, 1, 4) << false << true << false;
    // 1 January 2023 Sunday: Monday 2 everywhere, Tuesday 3 in Scotland as well.
    QTest::newRow("New Year 2023 substitute") << QDate(2023, 1, 2) << true << true << true;
    QTest::newRow("Scottish 3 January 2023") << QDate(2023, 1, 3) << false << true << false;
    QTest::newRow("2 January 2026 Friday") << QDate(2026, 1, 2) << false << true << false;
    // 25 December 2021 Saturday: Monday 27 and Tuesday 28 are the substitutes.
    QTest::newRow("Christmas 2021 substitute") << QDate(2021, 12, 27) << true << true << true;
    QTest::newRow("Boxing Day 2021 substitute") << QDate(2021, 12, 28) << true << true << true;
    // 25 December 2022 Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27.
    QTest::newRow("Boxing Day 2022") << QDate(2022, 12, 26) << true << true << true;
    QTest::newRow("Christmas 2022 substitute") << QDate(2022, 12, 27) << true << true << true;
    // 26 December 2015 and 2026 are Saturdays: Monday 28 instead.
    QTest::newRow("Boxing Day 2015 substitute") << QDate(2015, 12, 28) << true << true << true;
    QTest::newRow("Boxing Day 2026 substitute") << QDate(2026, 12, 28) << true << true << true;
    QTest::newRow("ordinary Tuesday") << QDate(2026, 8, 4) << false << false << false;
}

void TestHolidayCalendar::builtInSpotChecks()
{
    QFETCH(QDate, date);
    QFETCH(bool, englandAndWales);
    QFETCH(bool, scotland);
    QFETCH(bool, northernIreland);

    const HolidayCalendar &calendar = HolidayCalendar::builtIn();
    QCOMPARE(calendar.isHoliday(date, Nation::EnglandAndWales), englandAndWales);
    QCOMPARE(calendar.isHoliday(date, Nation::Scotland), scotland);
    QCOMPARE(calendar.isHoliday(date, Nation::NorthernIreland), northernIreland);
    QCOMPARE(calendar.isHolidayAnywhereInUk(date), englandAndWales || scotland || northernIreland);
}

void TestHolidayCalendar::easterDaysEveryYear_data()
{
    QTest::addColumn<QDate>("easterSunday");
    // Easter Sunday, as printed in the almanac for each year the data covers.
    QTest::newRow("2015") << QDate(2015, 4, 5);
    QTest::newRow("2016") << QDate(2016, 3, 27);
    QTest::newRow("2017") << QDate(2017, 4, 16);
    QTest::newRow("2018") << QDate(2018, 4, 1);
    QTest::newRow("2019") << QDate(2019, 4, 21);
    QTest::newRow("2020") << QDate(2020, 4, 12);
    QTest::newRow("2021") << QDate(2021, 4, 4);
    QTest::newRow("2022") << QDate(2022, 4, 17);
    QTest::newRow("2023") << QDate(2023, 4, 9);
    QTest::newRow("2024") << QDate(2024, 3, 31);
    QTest::newRow("2025") << QDate(2025, 4, 20);
    QTest::newRow("2026") << QDate(2026, 4, 5);
    QTest::newRow("2027") << QDate(2027, 3, 28);
    QTest::newRow("2028") << QDate(2028, 4, 16);
    QTest::newRow("2029") << QDate(2029, 4, 1);
    QTest::newRow("2030") << QDate(2030, 4, 21);
}

void TestHolidayCalendar::easterDaysEveryYear()
{
    QFETCH(QDate, easterSunday);
    const HolidayCalendar &calendar = HolidayCalendar::builtIn();
    const QDate goodFriday = easterSunday.addDays(-2);
    const QDate easterMonday = easterSunday.addDays(1);
    for (const Nation nation : allNations)
        QVERIFY(calendar.isHoliday(goodFriday, nation));
    QVERIFY(calendar.isHoliday(easterMonday, Nation::EnglandAndWales));
    QVERIFY(calendar.isHoliday(easterMonday, Nation::NorthernIreland));
    QVERIFY(!calendar.isHoliday(easterMonday, Nation::Scotland));
}

void TestHolidayCalendar::builtInEntriesAreSane()
{
    const HolidayCalendar &calendar = HolidayCalendar::builtIn();
    for (const Holiday &holiday : calendar.holidays()) {
        const QString what = holiday.date.toString(Qt::ISODate);
        QVERIFY2(holiday.date.dayOfWeek() < Qt::Saturday,
                 qPrintable(what + u" falls on a weekend"_s));
        QVERIFY2(!holiday.name.trimmed().isEmpty(), qPrintable(what + u" has no name"_s));
    }
    for (int year = 2015; year <= 2030; ++year) {
        const QList<Holiday> inYear = calendar.holidaysIn(year);
        for (const Nation nation : allNations) {
            const auto count = std::count_if(inYear.cbegin(), inYear.cend(), [&](const Holiday &h) {
                return h.nation == nation;
            });
            QVERIFY2(count >= 8 && count <= 12,
                     qPrintable(u"%1 has %2 holidays for nation %3"_s.arg(year).arg(count).arg(
                         static_cast<int>(nation))));
        }
    }
}

void TestHolidayCalendar::holidaysInYearAreListedInDateOrder()
{
    const QList<Holiday> year = HolidayCalendar::builtIn().holidaysIn(2026);
    const auto countFor = [&](Nation nation) {
        return std::count_if(
            year.cbegin(), year.cend(), [&](const Holiday &h) { return h.nation == nation; });
    };
    // Counted on the 2026 calendar: E&W 1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 and
    // 28 Dec; Scotland swaps Easter Monday and late August for 2 Jan, 3 Aug and 30 Nov; Northern
    // Ireland adds 17 March and Monday 13 July to the E&W list.
    QCOMPARE(countFor(Nation::EnglandAndWales), 8);
    QCOMPARE(countFor(Nation::Scotland), 9);
    QCOMPARE(countFor(Nation::NorthernIreland), 10);
    QCOMPARE(year.first().date, QDate(2026, 1, 1));
    QCOMPARE(year.last().date, QDate(2026, 12, 28));
    for (qsizetype i = 1; i < year.size(); ++i)
        QVERIFY(year.at(i - 1).date <= year.at(i).date);
}

void TestHolidayCalendar::fromJsonReadsAValidFile()
{
    const Result<HolidayCalendar> parsed = HolidayCalendar::fromJson(validJson());
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const HolidayCalendar &calendar = parsed.value();
    QCOMPARE(calendar.firstYear(), 2026);
    QCOMPARE(calendar.lastYear(), 2026);
    QVERIFY(calendar.covers(QDate(2026, 6, 1)));
    QVERIFY(!calendar.covers(QDate(2027, 1, 1)));
    const QList<Holiday> expected = {
        Holiday{QDate(2026, 3, 17), u"St Patrick's Day"_s, Nation::NorthernIreland},
        Holiday{QDate(2026, 4, 6), u"Easter Monday"_s, Nation::EnglandAndWales},
        Holiday{QDate(2026, 11, 30), u"St Andrew's Day"_s, Nation::Scotland},
    };
    QCOMPARE(calendar.holidays(), expected);
}

void TestHolidayCalendar::fromJsonRejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"must be a JSON object"_s;
    QTest::newRow("wrong format tag")
        << validJson().replace("foidesk.bank-holidays/1", "foidesk.holidays/9")
        << u"format: the bank holiday data must be tagged"_s;
    QTest::newRow("missing first_year")
        << validJson().replace("\"first_year\": 2026,", "") << u"first_year: must be"_s;
    QTest::newRow("fractional first_year")
        << validJson().replace("\"first_year\": 2026", "\"first_year\": 2025.5")
        << u"first_year: must be a whole year"_s;
    QTest::newRow("last before first")
        << validJson().replace("\"last_year\": 2026", "\"last_year\": 2020")
        << u"last_year: 2020 is before first_year 2026"_s;
    QTest::newRow("unknown top-level field")
        << validJson().replace("\"format\"", "\"years\": 3, \"format\"")
        << u"years: unknown field"_s;
    QTest::newRow("unknown division")
        << validJson("{\"date\": \"2026-11-30\", \"name\": \"St Andrew's Day\"}", ", \"wales\": []")
        << u"divisions.wales: unknown division"_s;
    QTest::newRow("missing division")
        << QByteArray(R"({"format": "foidesk.bank-holidays/1", "first_year": 2026,
                          "last_year": 2026, "divisions": {"england-and-wales": [],
                          "scotland": []}})")
        << u"divisions.northern-ireland: missing"_s;
    QTest::newRow("impossible date")
        << validJson(R"({"date": "2026-11-30", "name": "St Andrew's Day"},
                        {"date": "2026-02-31", "name": "Nonsense"})")
        << u"scotland[1].date: 2026-02-31 is not a valid date"_s;
    QTest::newRow("date without leading zeros")
        << validJson(R"({"date": "2026-2-3", "name": "Nonsense"})")
        << u"scotland[0].date: 2026-2-3 is not a valid date"_s;
    QTest::newRow("date with a time")
        << validJson(R"({"date": "2026-11-30T00:00", "name": "St Andrew's Day"})")
        << u"scotland[0].date: 2026-11-30T00:00 is not a valid date"_s;
    QTest::newRow("date outside the years")
        << validJson(R"({"date": "2027-01-04", "name": "2nd January"})")
        << u"scotland[0].date: 2027-01-04 is outside the years the file covers (2026 to 2026)"_s;
    QTest::newRow("missing date") << validJson(R"({"name": "St Andrew's Day"})")
                                  << u"scotland[0].date: missing"_s;
    QTest::newRow("date as a number")
        << validJson(R"({"date": 20261130, "name": "St Andrew's Day"})")
        << u"scotland[0].date: missing"_s;
    QTest::newRow("missing name") << validJson(R"({"date": "2026-11-30"})")
                                  << u"scotland[0].name: missing"_s;
    QTest::newRow("blank name") << validJson(R"({"date": "2026-11-30", "name": "  "})")
                                << u"scotland[0].name: missing"_s;
    QTest::newRow("unknown entry field")
        << validJson(R"({"date": "2026-11-30", "name": "St Andrew's Day", "day": "Monday"})")
        << u"scotland[0].day: unknown field"_s;
    QTest::newRow("entry not an object")
        << validJson(R"("2026-11-30")") << u"scotland[0]: must be an object"_s;
    QTest::newRow("date listed twice")
        << validJson(R"({"date": "2026-11-30", "name": "St Andrew's Day"},
                        {"date": "2026-11-30", "name": "St Andrew's Day"})")
        << u"scotland[1].date: 2026-11-30 is listed twice for scotland"_s;
}

void TestHolidayCalendar::fromJsonRejectsMalformedInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    const Result<HolidayCalendar> parsed = HolidayCalendar::fromJson(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.errorKind(), ErrorKind::BadInput);
    QVERIFY2(parsed.errorMessage().contains(expected), qPrintable(parsed.errorMessage()));
}

void TestHolidayCalendar::addIsIdempotentPerNation()
{
    HolidayCalendar calendar;
    const QDate jubilee(2022, 6, 3);
    calendar.add(Holiday{jubilee, u"Platinum Jubilee bank holiday"_s, Nation::Scotland});
    calendar.add(Holiday{jubilee, u"Platinum Jubilee bank holiday"_s, Nation::Scotland});
    QCOMPARE(calendar.holidays().size(), 1);
    QVERIFY(calendar.isHoliday(jubilee, Nation::Scotland));
    QVERIFY(!calendar.isHoliday(jubilee, Nation::EnglandAndWales));
    QVERIFY(calendar.isHolidayAnywhereInUk(jubilee));

    calendar.add(Holiday{jubilee, u"Platinum Jubilee bank holiday"_s, Nation::EnglandAndWales});
    QCOMPARE(calendar.holidays().size(), 2);
    QVERIFY(calendar.isHoliday(jubilee, Nation::EnglandAndWales));
    QCOMPARE(calendar.holidaysIn(2022).size(), 2);
    QVERIFY(calendar.holidaysIn(2023).isEmpty());
}

void TestHolidayCalendar::emptyCalendarCoversNothing()
{
    HolidayCalendar calendar;
    QVERIFY(!calendar.covers(QDate(2026, 1, 1)));
    QVERIFY(!calendar.isHolidayAnywhereInUk(QDate(2026, 12, 25)));
    calendar.setCoveredYears(2031, 2031);
    QVERIFY(calendar.covers(QDate(2031, 6, 1)));
    QVERIFY(!calendar.covers(QDate(2030, 12, 31)));
}

QTEST_GUILESS_MAIN(TestHolidayCalendar)

#include "tst_holidaycalendar.moc"
