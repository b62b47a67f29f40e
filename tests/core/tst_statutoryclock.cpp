#include "calendar/StatutoryClock.h"
#include "cli/CommandLine.h"
#include "editing/RequestDocument.h"
#include "exchange/RequestJson.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUndoStack>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

ClockEvent ev(ClockEventKind kind, const char *date, const char *estimated = nullptr)
{
    return ClockEvent{kind, d(date), QString(), estimated ? d(estimated) : QDate()};
}

using K = ClockEventKind;

// An internal review outcome, with the review's result when one is given.
ClockEvent outcome(const char *date, std::optional<ReviewResult> result)
{
    ClockEvent event = ev(K::InternalReviewOutcome, date);
    event.reviewResult = result;
    return event;
}

// An event of another kind carrying a review result, as a careless import or SQL tool might.
ClockEvent withResult(ClockEvent event, ReviewResult result)
{
    event.reviewResult = result;
    return event;
}

QList<ClockEvent> none()
{
    return {};
}

QList<ClockEvent> clarification(const char *sought, const char *received)
{
    return {ev(K::ClarificationSought, sought), ev(K::ClarificationReceived, received)};
}

QList<ClockEvent> fees(const char *notice, const char *paid)
{
    return {ev(K::FeesNoticeIssued, notice), ev(K::FeePaid, paid)};
}

} // namespace

// Every expected date below was counted by hand, day by day, on a printed calendar against the
// bank holidays published at https://www.gov.uk/bank-holidays for England and Wales (E&W),
// Scotland (Sc) and Northern Ireland (NI); the comment on each row is that count. "hol" marks a
// day that is not a working day for the row's regime (FOIA and EIR: a holiday anywhere in the UK;
// FOISA and EIRS: Scottish holidays only); "dis" a working day disregarded for a fees notice.
// None of them was produced by running the code.
class TestStatutoryClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workedDates_data();
    void workedDates();
    void skippedDaysAreNamed();
    void clarificationSoughtStopsTheClock();
    void unpaidFeesNoticeStopsTheClockAndLapses();
    void feePaidAfterTheThreeMonthsIsWarned();
    void refusedSequences_data();
    void refusedSequences();
    void calendarRunningOutIsRefused();
    void exchangeFormatRoundTrip();
    void exchangeFormatRefusesAnIllegalSequence();
    void storeRoundTrip();
    void undoOfAnAddedEvent();
    void reviewResultSurvivesUndo();
    void documentRefusesAnIllegalEvent();
    void commandLineShowsTheWorking();
    void commandLineRefusesAFeePaidBeforeItsNotice();
    void showJsonGivesTheClock();
};

void TestStatutoryClock::workedDates_data()
{
    QTest::addColumn<Regime>("regime");
    QTest::addColumn<QDate>("received");
    QTest::addColumn<QList<ClockEvent>>("events");
    QTest::addColumn<QDate>("responseSent");
    QTest::addColumn<QDate>("due");
    QTest::addColumn<QDate>("reviewDue");
    QTest::addColumn<int>("warnings");

    // --- Plain requests across proclaimed and regional holidays ---

    // gov.uk E&W/Sc/NI 2022: Mon 19 Sep 2022, State Funeral of Queen Elizabeth II, all three.
    // Thu 1 Sep: Sep 2 (1), 5-9 (2-6), 12-16 (7-11), 19 hol, 20-23 (12-15), 26-30 (16-20).
    QTest::newRow("FOIA across the 2022 state funeral")
        << Regime::FOIA << d("2022-09-01") << none() << QDate() << d("2022-09-30") << QDate() << 0;
    // gov.uk 2022, all three: Thu 2 Jun (spring, moved) and Fri 3 Jun (Platinum Jubilee); Mon 30
    // May 2022 was NOT a holiday. Fri 20 May: May 23-27 (1-5), 30-31 (6-7), Jun 1 (8), 2-3 hol,
    // 6-10 (9-13), 13-17 (14-18), 20 (19), 21 (20).
    QTest::newRow("FOIA across the 2022 jubilee")
        << Regime::FOIA << d("2022-05-20") << none() << QDate() << d("2022-06-21") << QDate() << 0;
    // gov.uk Sc 2022: Wed 30 Nov St Andrew's Day, which counts for an English council under FOIA.
    // Tue 15 Nov: 16-18 (1-3), 21-25 (4-8), 28-29 (9-10), 30 hol, Dec 1-2 (11-12), 5-9 (13-17),
    // 12-14 (18-20).
    QTest::newRow("FOIA across St Andrew's Day 2022")
        << Regime::FOIA << d("2022-11-15") << none() << QDate() << d("2022-12-14") << QDate() << 0;
    // gov.uk Sc 2022, as above, for FOISA: the same count.
    QTest::newRow("FOISA across St Andrew's Day 2022")
        << Regime::FOISA << d("2022-11-15") << none() << QDate() << d("2022-12-14") << QDate() << 0;
    // gov.uk NI 2022: Tue 12 Jul Battle of the Boyne. Thu 30 Jun: Jul 1 (1), 4-8 (2-6), 11 (7),
    // 12 hol, 13-15 (8-10), 18-22 (11-15), 25-29 (16-20).
    QTest::newRow("FOIA across the Battle of the Boyne 2022")
        << Regime::FOIA << d("2022-06-30") << none() << QDate() << d("2022-07-29") << QDate() << 0;
    // gov.uk Sc 2022 has no holiday in July (summer is Mon 1 Aug): 12 Jul is a working day.
    // Thu 30 Jun: Jul 1 (1), 4-8 (2-6), 11-15 (7-11), 18-22 (12-16), 25-28 (17-20).
    QTest::newRow("FOISA counts 12 July 2022")
        << Regime::FOISA << d("2022-06-30") << none() << QDate() << d("2022-07-28") << QDate() << 0;
    // gov.uk E&W/Sc/NI 2024: Wed 25, Thu 26 Dec, Wed 1 Jan 2025; Sc Thu 2 Jan 2025. Fri 13 Dec
    // 2024: 16-20 (1-5), 23-24 (6-7), 25-26 hol, 27 (8), 30-31 (9-10), Jan 1-2 hol, 3 (11), 6-10
    // (12-16), 13-16 (17-20).
    QTest::newRow("FOIA across Christmas 2024")
        << Regime::FOIA << d("2024-12-13") << none() << QDate() << d("2025-01-16") << QDate() << 0;
    // gov.uk E&W/NI 2025: Good Friday 18 Apr, Easter Monday 21 Apr. Tue 1 Apr: 2-4 (1-3), 7-11
    // (4-8), 14-17 (9-12), 18 and 21 hol, 22-25 (13-16), 28-30 (17-19), May 1 (20).
    QTest::newRow("FOIA across Easter 2025")
        << Regime::FOIA << d("2025-04-01") << none() << QDate() << d("2025-05-01") << QDate() << 0;
    // gov.uk Sc 2025: Good Friday only; Easter Monday 21 Apr is a working day. Tue 1 Apr: 2-4
    // (1-3), 7-11 (4-8), 14-17 (9-12), 18 hol, 21-25 (13-17), 28-30 (18-20).
    QTest::newRow("FOISA across Easter 2025")
        << Regime::FOISA << d("2025-04-01") << none() << QDate() << d("2025-04-30") << QDate() << 0;
    // gov.uk NI 2026: Mon 13 Jul Battle of the Boyne (substitute day; the 12th is a Sunday).
    // Thu 2 Jul: 3 (1), 6-10 (2-6), 13 hol, 14-17 (7-10), 20-24 (11-15), 27-31 (16-20).
    QTest::newRow("FOIA across the Boyne substitute 2026")
        << Regime::FOIA << d("2026-07-02") << none() << QDate() << d("2026-07-31") << QDate() << 0;

    // --- Clarification: a fresh twenty working days from the day it arrived ---

    // gov.uk 2022-23: E&W/Sc/NI Mon 26, Tue 27 Dec 2022; E&W/NI Mon 2 Jan 2023; Sc Mon 2 and
    // Tue 3 Jan 2023. Clarification arrived Thu 15 Dec: 16 (1), 19-23 (2-6), 26-27 hol, 28-30
    // (7-9), Jan 2-3 hol, 4-6 (10-12), 9-13 (13-17), 16-18 (18-20).
    QTest::newRow("FOIA clarification across Christmas 2022")
        << Regime::FOIA << d("2022-11-21") << clarification("2022-11-22", "2022-12-15") << QDate()
        << d("2023-01-18") << QDate() << 0;
    // gov.uk Sc 2022-23: 26, 27 Dec, 2, 3 Jan are all Scottish: the same count.
    QTest::newRow("FOISA clarification across Christmas 2022")
        << Regime::FOISA << d("2022-11-21") << clarification("2022-11-22", "2022-12-15") << QDate()
        << d("2023-01-18") << QDate() << 0;
    // gov.uk E&W/NI 2023: Good Friday 7 Apr, Easter Monday 10 Apr. Clarification arrived Sat
    // 18 Mar: day one is Mon 20. 20-24 (1-5), 27-31 (6-10), Apr 3-6 (11-14), 7 and 10 hol, 11-14
    // (15-18), 17-18 (19-20).
    QTest::newRow("FOIA clarification arriving on a Saturday")
        << Regime::FOIA << d("2023-03-06") << clarification("2023-03-07", "2023-03-18") << QDate()
        << d("2023-04-18") << QDate() << 0;
    // gov.uk Sc 2023: Good Friday 7 Apr only. 20-24 (1-5), 27-31 (6-10), Apr 3-6 (11-14), 7 hol,
    // 10-14 (15-19), 17 (20).
    QTest::newRow("FOISA clarification arriving on a Saturday")
        << Regime::FOISA << d("2023-03-06") << clarification("2023-03-07", "2023-03-18") << QDate()
        << d("2023-04-17") << QDate() << 0;
    // EIR reg 9. gov.uk NI 2023: Fri 17 Mar St Patrick's Day; E&W/NI 7 and 10 Apr. Clarification
    // arrived Thu 16 Mar: 17 hol, 20-24 (1-5), 27-31 (6-10), Apr 3-6 (11-14), 7 and 10 hol, 11-14
    // (15-18), 17-18 (19-20).
    QTest::newRow("EIR clarification before St Patrick's Day 2023")
        << Regime::EIR << d("2023-03-01") << clarification("2023-03-02", "2023-03-16") << QDate()
        << d("2023-04-18") << QDate() << 0;

    // --- Fees notices: the days from notice to payment, both included, are disregarded ---

    // gov.uk 2023: E&W/Sc/NI Mon 1 May (early May), Mon 8 May (coronation), Mon 29 May (spring).
    // Fri 21 Apr: 24-28 (1-5), May 1 hol, 2-3 (6-7); notice Thu 4 May, paid Wed 10 May: 4-5 dis,
    // 8 hol, 9-10 dis; 11-12 (8-9), 15-19 (10-14), 22-26 (15-19), 29 hol, 30 (20).
    QTest::newRow("FOIA fees notice spanning the 2023 coronation holiday")
        << Regime::FOIA << d("2023-04-21") << fees("2023-05-04", "2023-05-10") << QDate()
        << d("2023-05-30") << QDate() << 0;
    // gov.uk Sc 2023: Mon 7 Aug summer holiday; Mon 28 Aug is an E&W/NI holiday only, a working
    // day under FOISA. Mon 24 Jul: 25-28 (1-4), 31 (5), Aug 1-4 (6-9), 7 hol, 8 (10); notice Wed
    // 9 Aug, paid Mon 14 Aug: 9-11 and 14 dis; 15-18 (11-14), 21-25 (15-19), 28 (20).
    QTest::newRow("FOISA with a fees notice, summer 2023")
        << Regime::FOISA << d("2023-07-24") << fees("2023-08-09", "2023-08-14") << QDate()
        << d("2023-08-28") << QDate() << 0;
    // The same under FOIA: Sc 7 Aug and E&W/NI 28 Aug both count. 25-28 (1-4), 31 (5), Aug 1-4
    // (6-9), 7 hol, 8 (10), 9-11 and 14 dis, 15-18 (11-14), 21-25 (15-19), 28 hol, 29 (20).
    QTest::newRow("FOIA with a fees notice, summer 2023")
        << Regime::FOIA << d("2023-07-24") << fees("2023-08-09", "2023-08-14") << QDate()
        << d("2023-08-29") << QDate() << 0;
    // No holidays in June 2023 (gov.uk, all three). Mon 5 Jun: 6-9 (1-4), 12-16 (5-9); notice and
    // fee both on Mon 19 Jun: 19 dis; 20-23 (10-13), 26-30 (14-18), Jul 3-4 (19-20).
    QTest::newRow("FOIA fee paid the day the notice was given")
        << Regime::FOIA << d("2023-06-05") << fees("2023-06-19", "2023-06-19") << QDate()
        << d("2023-07-04") << QDate() << 0;
    // Clarification then a fees notice, gov.uk 2022-23 as in the Christmas row above. From Thu 15
    // Dec: 16 (1), 19-23 (2-6), 26-27 hol, 28-30 (7-9), Jan 2-3 hol; notice Wed 4 Jan, paid Mon
    // 9 Jan: 4-6 and 9 dis; 10-13 (10-13), 16-20 (14-18), 23-24 (19-20).
    QTest::newRow("FOIA clarification and a fees notice over New Year")
        << Regime::FOIA << d("2022-11-21")
        << (clarification("2022-11-22", "2022-12-15") + fees("2023-01-04", "2023-01-09")) << QDate()
        << d("2023-01-24") << QDate() << 0;

    // --- Extensions ---

    // EIR reg 7, forty working days. gov.uk 2024: NI Mon 18 Mar (St Patrick's, substitute);
    // E&W/Sc/NI Good Friday 29 Mar; E&W/NI Easter Monday 1 Apr. Mon 4 Mar: 5-8 (1-4), 11-15
    // (5-9), 18 hol, 19-22 (10-13), 25-28 (14-17), 29 and Apr 1 hol, 2-5 (18-21; day 20 is Thu 4
    // Apr), 8-12 (22-26), 15-19 (27-31), 22-26 (32-36), 29-30 (37-38), May 1-2 (39-40). Extended
    // on Wed 27 Mar, day 16, within the twenty.
    QTest::newRow("EIR reg 7 extension over Easter 2024")
        << Regime::EIR << d("2024-03-04") << QList<ClockEvent>{ev(K::EirExtension, "2024-03-27")}
        << QDate() << d("2024-05-02") << QDate() << 0;
    // EIRS reg 7. gov.uk Sc 2024: Good Friday 29 Mar only before May. Mon 4 Mar: 5-8 (1-4),
    // 11-15 (5-9), 18-22 (10-14), 25-28 (15-18), 29 hol, Apr 1-5 (19-23), 8-12 (24-28), 15-19
    // (29-33), 22-26 (34-38), 29-30 (39-40).
    QTest::newRow("EIRS reg 7 extension over Easter 2024")
        << Regime::EIRS << d("2024-03-04") << QList<ClockEvent>{ev(K::EirExtension, "2024-03-27")}
        << QDate() << d("2024-04-30") << QDate() << 0;
    // EIR reg 7, gov.uk 2022 as in the funeral row: day 20 is Fri 30 Sep; Oct 3-7 (21-25),
    // 10-14 (26-30), 17-21 (31-35), 24-28 (36-40). No holidays in October 2022.
    QTest::newRow("EIR reg 7 extension after the 2022 state funeral")
        << Regime::EIR << d("2022-09-01") << QList<ClockEvent>{ev(K::EirExtension, "2022-09-26")}
        << QDate() << d("2022-10-28") << QDate() << 0;
    // FOIA s10(3). No holidays from January to mid-March 2024 (gov.uk, all three). Mon 8 Jan:
    // 9-12 (1-4), 15-19 (5-9), 22-26 (10-14), 29-Feb 2 (15-19), Feb 5 (20). Estimated Mon 4 Mar:
    // Feb 6-9 (4), 12-16 (9), 19-23 (14), 26-Mar 1 (19), Mar 4 (20 further): no warning.
    QTest::newRow("FOIA public interest extension of twenty days")
        << Regime::FOIA << d("2024-01-08")
        << QList<ClockEvent>{ev(K::PublicInterestExtension, "2024-02-01", "2024-03-04")} << QDate()
        << d("2024-03-04") << QDate() << 0;
    // As above, estimated Tue 5 Mar: 21 further working days, past the ICO's expectation.
    QTest::newRow("FOIA public interest extension of twenty-one days")
        << Regime::FOIA << d("2024-01-08")
        << QList<ClockEvent>{ev(K::PublicInterestExtension, "2024-02-01", "2024-03-05")} << QDate()
        << d("2024-03-05") << QDate() << 1;

    // --- Internal reviews ---
    // No holidays in September 2023 (gov.uk, all three): Mon 4 Sep: 5-8 (1-4), 11-15 (5-9),
    // 18-22 (10-14), 25-29 (15-19), Oct 2 (20); the response went that day. From Mon 2 Oct,
    // no holidays until Sc Thu 30 Nov: Oct 3-6 (1-4), 9-13 (5-9), 16-20 (10-14), 23-27 (15-19),
    // Oct 30-Nov 3 (20-24), 6-10 (25-29), 13-17 (30-34), 20-24 (35-39), 27 (40), 28 (41).

    // Asked on day 41 (Tue 28 Nov): warned. Review due, gov.uk Sc 30 Nov (counts for FOIA), all
    // three 25, 26 Dec: Nov 29 (1), 30 hol, Dec 1 (2), 4-8 (3-7), 11-15 (8-12), 18-22 (13-17),
    // 25-26 hol, 27-29 (18-20).
    QTest::newRow("FOIA review requested on day forty-one")
        << Regime::FOIA << d("2023-09-04")
        << QList<ClockEvent>{ev(K::InternalReviewRequested, "2023-11-28")} << d("2023-10-02")
        << d("2023-10-02") << d("2023-12-29") << 1;
    // Asked on day 40 (Mon 27 Nov): no warning. Nov 28-29 (1-2), 30 hol, Dec 1 (3), 4-8 (4-8),
    // 11-15 (9-13), 18-22 (14-18), 25-26 hol, 27-28 (19-20).
    QTest::newRow("FOIA review requested on day forty")
        << Regime::FOIA << d("2023-09-04")
        << QList<ClockEvent>{ev(K::InternalReviewRequested, "2023-11-27")} << d("2023-10-02")
        << d("2023-10-02") << d("2023-12-28") << 0;
    // EIR reg 11(4): forty working days. From Tue 28 Nov, as the FOIA row to Fri 29 Dec (20),
    // then gov.uk 2024 E&W/Sc/NI Mon 1 Jan and Sc Tue 2 Jan hol, 3-5 (21-23), 8-12 (24-28),
    // 15-19 (29-33), 22-26 (34-38), 29-30 (39-40).
    QTest::newRow("EIR reconsideration due in forty working days")
        << Regime::EIR << d("2023-09-04")
        << QList<ClockEvent>{ev(K::InternalReviewRequested, "2023-11-28")} << d("2023-10-02")
        << d("2023-10-02") << d("2024-01-30") << 1;
    // FOISA s21(1): twenty working days; the Scottish holidays 30 Nov, 25 and 26 Dec give the same
    // count as the FOIA row.
    QTest::newRow("FOISA review due in twenty working days")
        << Regime::FOISA << d("2023-09-04")
        << QList<ClockEvent>{ev(K::InternalReviewRequested, "2023-11-28")} << d("2023-10-02")
        << d("2023-10-02") << d("2023-12-29") << 1;
    // EIRS reg 16(4): twenty working days, Scottish holidays, as FOISA.
    QTest::newRow("EIRS review due in twenty working days")
        << Regime::EIRS << d("2023-09-04")
        << QList<ClockEvent>{ev(K::InternalReviewRequested, "2023-11-28")} << d("2023-10-02")
        << d("2023-10-02") << d("2023-12-29") << 1;
}

void TestStatutoryClock::workedDates()
{
    QFETCH(Regime, regime);
    QFETCH(QDate, received);
    QFETCH(QList<ClockEvent>, events);
    QFETCH(QDate, responseSent);
    QFETCH(QDate, due);
    QFETCH(QDate, reviewDue);
    QFETCH(int, warnings);

    const Result<ClockWorking> working =
        StatutoryClock().work(received, regime, events, responseSent);
    QVERIFY2(working.ok(), qPrintable(working.errorMessage()));
    QCOMPARE(working->due, due);
    QVERIFY(working->stopped.isEmpty());
    QCOMPARE(working->reviewDue, reviewDue);
    QVERIFY2(working->warnings.size() == warnings, qPrintable(working->warnings.join(u'\n')));

    // The working ends on the due date, counted as the last day.
    QList<ClockStep> counted;
    for (const ClockStep &step : working->steps) {
        if (step.kind == ClockStep::Kind::Counted)
            counted.append(step);
    }
    QVERIFY(!counted.isEmpty());
    QCOMPARE(counted.last().date, due);
    QVERIFY(counted.last().text.endsWith(u": due"_s));
    QCOMPARE(counted.first().day, 1);
    for (qsizetype i = 1; i < counted.size(); ++i)
        QCOMPARE(counted.at(i).day, counted.at(i - 1).day + 1);
}

void TestStatutoryClock::skippedDaysAreNamed()
{
    const StatutoryClock clock;
    // gov.uk 2022 lists; 25 Dec 2025 is a Thursday, Good Friday 2025 is 18 April.
    QCOMPARE(clock.nonWorkingReason(d("2022-07-12"), Regime::FOIA),
             u"Battle of the Boyne (Orangemen's Day) (Northern Ireland)"_s);
    QCOMPARE(clock.nonWorkingReason(d("2022-11-30"), Regime::FOIA),
             u"St Andrew's Day (Scotland)"_s);
    QCOMPARE(clock.nonWorkingReason(d("2022-11-30"), Regime::FOISA),
             u"St Andrew's Day (Scotland)"_s);
    QCOMPARE(clock.nonWorkingReason(d("2022-07-12"), Regime::FOISA), QString());
    QCOMPARE(clock.nonWorkingReason(d("2025-12-25"), Regime::FOIA), u"Christmas Day"_s);
    QCOMPARE(clock.nonWorkingReason(d("2025-04-18"), Regime::FOISA), u"Good Friday"_s);
    QCOMPARE(clock.nonWorkingReason(d("2025-04-19"), Regime::FOIA), u"Saturday"_s);
    QCOMPARE(clock.nonWorkingReason(d("2025-04-20"), Regime::FOIA), u"Sunday"_s);
    QCOMPARE(clock.nonWorkingReason(d("2025-04-21"), Regime::FOIA),
             u"Easter Monday (England and Wales, Northern Ireland)"_s);
    QCOMPARE(clock.nonWorkingReason(d("2022-09-19"), Regime::FOIA),
             u"Bank Holiday for the State Funeral of Queen Elizabeth II"_s);

    // The fees row of workedDates: the disregarded days and the coronation holiday are listed.
    const Result<ClockWorking> working =
        clock.work(d("2023-04-21"), Regime::FOIA, fees("2023-05-04", "2023-05-10"));
    QVERIFY(working.ok());
    const QStringList lines = working->lines();
    QVERIFY2(lines.first() == u"2023-04-21 Fri  received (the date of receipt)"_s,
             qPrintable(lines.join(u'\n')));
    QVERIFY(lines.contains(u"2023-04-24 Mon  day 1"_s));
    QVERIFY(lines.contains(u"2023-05-01 Mon  skipped: Early May bank holiday"_s));
    QVERIFY(lines.contains(u"2023-05-05 Fri  skipped: disregarded: fees notice unpaid"_s));
    QVERIFY(lines.contains(
        u"2023-05-08 Mon  skipped: Bank holiday for the coronation of King Charles III"_s));
    QVERIFY(lines.contains(u"2023-05-10 Wed  skipped: disregarded: fees notice unpaid"_s));
    QVERIFY(lines.contains(u"2023-05-11 Thu  day 8"_s));
    QCOMPARE(lines.last(), u"2023-05-30 Tue  day 20: due"_s);
}

void TestStatutoryClock::clarificationSoughtStopsTheClock()
{
    const Result<ClockWorking> working = StatutoryClock().work(
        d("2023-03-06"), Regime::FOIA, {ev(K::ClarificationSought, "2023-03-07")});
    QVERIFY(working.ok());
    QVERIFY(!working->due.isValid());
    QVERIFY(working->stopped.contains(u"clarification was sought on Tuesday 7 March 2023"_s));
}

void TestStatutoryClock::unpaidFeesNoticeStopsTheClockAndLapses()
{
    // FOIA s9(2): three months beginning with Thu 4 May 2023 end on Thu 3 Aug 2023.
    const Result<ClockWorking> working = StatutoryClock().work(
        d("2023-04-21"), Regime::FOIA, {ev(K::FeesNoticeIssued, "2023-05-04")});
    QVERIFY(working.ok());
    QVERIFY(!working->due.isValid());
    QCOMPARE(working->feeLapses, d("2023-08-03"));
    QVERIFY(working->stopped.contains(u"Thursday 3 August 2023"_s));
    QCOMPARE(working->lines().last(),
             u"2023-05-04 Thu  skipped from here: disregarded: fees notice unpaid"_s);
}

void TestStatutoryClock::feePaidAfterTheThreeMonthsIsWarned()
{
    const Result<ClockWorking> late =
        StatutoryClock().work(d("2023-04-21"), Regime::FOIA, fees("2023-05-04", "2023-08-04"));
    QVERIFY(late.ok());
    QCOMPARE(late->warnings.size(), 1);
    QVERIFY(late->warnings.first().contains(u"FOIA s9(2)"_s));
    const Result<ClockWorking> inTime =
        StatutoryClock().work(d("2023-04-21"), Regime::FOIA, fees("2023-05-04", "2023-08-03"));
    QVERIFY(inTime.ok());
    QVERIFY(inTime->warnings.isEmpty());
}

void TestStatutoryClock::refusedSequences_data()
{
    QTest::addColumn<Regime>("regime");
    QTest::addColumn<QList<ClockEvent>>("events");
    QTest::addColumn<QString>("why");

    // Received Mon 4 Mar 2024 throughout. The twentieth working day is Thu 4 Apr under the EIR
    // and FOIA alike (the count is in workedDates, "EIR reg 7 extension over Easter 2024").
    QTest::newRow("fee paid before its notice")
        << Regime::FOIA
        << QList<ClockEvent>{ev(K::FeePaid, "2024-03-06"), ev(K::FeesNoticeIssued, "2024-03-08")}
        << u"no fees notice was issued on or before that day"_s;
    QTest::newRow("clarification received before it was sought")
        << Regime::FOIA
        << QList<ClockEvent>{ev(K::ClarificationReceived, "2024-03-06"),
                             ev(K::ClarificationSought, "2024-03-08")}
        << u"no clarification was sought on or before that day"_s;
    QTest::newRow("reg 7 extension after the deadline")
        << Regime::EIR << QList<ClockEvent>{ev(K::EirExtension, "2024-04-05")}
        << u"the deadline of Thursday 4 April 2024 had already passed"_s;
    QTest::newRow("public interest extension after the deadline")
        << Regime::FOIA
        << QList<ClockEvent>{ev(K::PublicInterestExtension, "2024-04-05", "2024-05-01")}
        << u"had already passed"_s;
    QTest::newRow("public interest extension under FOISA")
        << Regime::FOISA
        << QList<ClockEvent>{ev(K::PublicInterestExtension, "2024-03-20", "2024-05-01")}
        << u"FOISA allows no extension"_s;
    QTest::newRow("reg 7 extension under FOIA")
        << Regime::FOIA << QList<ClockEvent>{ev(K::EirExtension, "2024-03-20")}
        << u"only under regulation 7"_s;
    QTest::newRow("public interest extension without an estimate")
        << Regime::FOIA << QList<ClockEvent>{ev(K::PublicInterestExtension, "2024-03-20")}
        << u"has no estimated date"_s;
    QTest::newRow("event before the request arrived")
        << Regime::FOIA << QList<ClockEvent>{ev(K::ClarificationSought, "2024-03-01")}
        << u"before the request was received"_s;
    QTest::newRow("review outcome without a review")
        << Regime::FOIA << QList<ClockEvent>{ev(K::InternalReviewOutcome, "2024-05-01")}
        << u"no internal review was requested"_s;
    QTest::newRow("review result on a review request")
        << Regime::FOIA
        << QList<ClockEvent>{withResult(ev(K::InternalReviewRequested, "2024-04-15"),
                                        ReviewResult::Overturned)}
        << u"The event \"Internal review requested\" has a review result (overturned), but "
           u"only an internal review outcome can have one"_s;
    QTest::newRow("second fees notice while one is unpaid")
        << Regime::FOIA
        << QList<ClockEvent>{ev(K::FeesNoticeIssued, "2024-03-06"),
                             ev(K::FeesNoticeIssued, "2024-03-08")}
        << u"Record the fee paid first"_s;
}

void TestStatutoryClock::refusedSequences()
{
    QFETCH(Regime, regime);
    QFETCH(QList<ClockEvent>, events);
    QFETCH(QString, why);
    const Result<ClockWorking> working = StatutoryClock().work(d("2024-03-04"), regime, events);
    QVERIFY(!working.ok());
    QCOMPARE(working.errorKind(), ErrorKind::BadInput);
    QVERIFY2(working.errorMessage().contains(why), qPrintable(working.errorMessage()));
    QVERIFY(working.errorMessage().endsWith(u'.'));
}

void TestStatutoryClock::calendarRunningOutIsRefused()
{
    // The shipped data ends with 2030 (docs/bank-holidays.md).
    const Result<ClockWorking> working = StatutoryClock().work(
        d("2030-12-20"), Regime::FOIA, clarification("2030-12-20", "2030-12-23"));
    QVERIFY(!working.ok());
    QCOMPARE(working.errorKind(), ErrorKind::Refused);
    QVERIFY(working.errorMessage().contains(u"2031"_s));
}

namespace {

Request clockedRequest()
{
    Request request;
    request.reference = u"FOI-2023-041"_s;
    request.title = u"Road gritting routes"_s;
    request.regime = Regime::FOIA;
    request.received = d("2022-11-21");
    request.clockEvents =
        clarification("2022-11-22", "2022-12-15") + fees("2023-01-04", "2023-01-09");
    request.clockEvents[0].note = u"Asked which winter"_s;
    request.clockEvents.append(ev(K::InternalReviewRequested, "2023-02-01"));
    request.responseSent = d("2023-01-20");
    return request;
}

} // namespace

void TestStatutoryClock::exchangeFormatRoundTrip()
{
    const Request request = clockedRequest();
    const QByteArray json = RequestJson::serialize(request);
    QVERIFY(json.contains("\"clock_events\""));
    QVERIFY(json.contains("\"kind\": \"clarification_sought\""));
    QVERIFY(json.contains("\"note\": \"Asked which winter\""));
    QVERIFY(json.contains("\"response_sent\": \"2023-01-20\""));
    const Result<Request> parsed = RequestJson::parse(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->clockEvents, request.clockEvents);
    QCOMPARE(parsed->responseSent, request.responseSent);
    QVERIFY(parsed->sameContent(request));

    // A public interest extension keeps its estimated date.
    Request extended;
    extended.reference = u"X1"_s;
    extended.received = d("2024-01-08");
    extended.clockEvents = {ev(K::PublicInterestExtension, "2024-02-01", "2024-03-04")};
    const Result<Request> back = RequestJson::parse(RequestJson::serialize(extended));
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QCOMPARE(back->clockEvents.first().estimatedDate, d("2024-03-04"));

    // An internal review outcome keeps its result; one without a result stays without.
    Request reviewed = clockedRequest();
    reviewed.clockEvents += {outcome("2023-02-20", ReviewResult::UpheldInPart),
                             ev(K::InternalReviewRequested, "2023-03-01"),
                             outcome("2023-03-20", std::nullopt)};
    const QByteArray reviewedJson = RequestJson::serialize(reviewed);
    const QJsonArray written =
        QJsonDocument::fromJson(reviewedJson).object().value(u"clock_events"_s).toArray();
    QCOMPARE(written.size(), 8);
    QCOMPARE(written.at(5).toObject(),
             (QJsonObject{{u"kind"_s, u"internal_review_outcome"_s},
                          {u"date"_s, u"2023-02-20"_s},
                          {u"result"_s, u"upheld_in_part"_s}}));
    QCOMPARE(
        written.at(7).toObject(),
        (QJsonObject{{u"kind"_s, u"internal_review_outcome"_s}, {u"date"_s, u"2023-03-20"_s}}));
    const Result<Request> reviewedBack = RequestJson::parse(reviewedJson);
    QVERIFY2(reviewedBack.ok(), qPrintable(reviewedBack.errorMessage()));
    QCOMPARE(reviewedBack->clockEvents, reviewed.clockEvents);
    QCOMPARE(reviewedBack->clockEvents.at(5).reviewResult, ReviewResult::UpheldInPart);
    QCOMPARE(reviewedBack->clockEvents.at(7).reviewResult, std::nullopt);
    QCOMPARE(RequestJson::serialize(reviewedBack.value()), reviewedJson);

    // A null result is a result not recorded.
    const QByteArray nullResult = R"({"format": "foidesk.request/1", "reference": "A1",
        "received": "2024-03-04", "clock_events": [
            {"kind": "internal_review_requested", "date": "2024-04-08"},
            {"kind": "internal_review_outcome", "date": "2024-04-30", "result": null}]})";
    const Result<Request> notRecorded = RequestJson::parse(nullResult);
    QVERIFY2(notRecorded.ok(), qPrintable(notRecorded.errorMessage()));
    QCOMPARE(notRecorded->clockEvents.at(1).reviewResult, std::nullopt);
}

void TestStatutoryClock::exchangeFormatRefusesAnIllegalSequence()
{
    const QByteArray json = R"({"format": "foidesk.request/1", "reference": "A1",
        "received": "2024-03-04",
        "clock_events": [{"kind": "fee_paid", "date": "2024-03-06"}]})";
    const Result<Request> parsed = RequestJson::parse(json);
    QVERIFY(!parsed.ok());
    QVERIFY2(
        parsed.errorMessage().startsWith(u"clock_events: A fee paid on Wednesday 6 March 2024"_s),
        qPrintable(parsed.errorMessage()));

    const QByteArray unknownKind = R"({"format": "foidesk.request/1", "reference": "A1",
        "received": "2024-03-04", "clock_events": [{"kind": "paused", "date": "2024-03-06"}]})";
    const Result<Request> unknown = RequestJson::parse(unknownKind);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.errorMessage().startsWith(u"clock_events[0].kind: \"paused\" is not one of"_s),
             qPrintable(unknown.errorMessage()));
}

void TestStatutoryClock::storeRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto opened = Store::open(dir.filePath(u"log.sqlite"_s));
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    Store &store = *opened.value();

    const Result<Request> created = store.createRequest(clockedRequest());
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    const Result<Request> loaded = store.loadRequest(created->id);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->clockEvents, clockedRequest().clockEvents);
    QCOMPARE(loaded->responseSent, d("2023-01-20"));

    // The list shows the due date the events give (the clarification and fees row of
    // workedDates), not the plain twenty days from receipt.
    const Result<QList<RequestSummary>> rows = store.listRequests(RequestQuery(), 0, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->first().due, d("2023-01-24"));

    // Removing the events on a save removes their rows.
    Request plain = loaded.value();
    plain.clockEvents.clear();
    const Result<Request> saved = store.saveRequest(plain);
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    QVERIFY(store.loadRequest(created->id)->clockEvents.isEmpty());

    // An illegal sequence is refused and nothing is written.
    Request wrong = store.loadRequest(created->id).value();
    wrong.clockEvents = {ev(K::FeePaid, "2022-12-01")};
    const Result<Request> refused = store.saveRequest(wrong);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.errorKind(), ErrorKind::BadInput);
    QVERIFY(refused.errorMessage().contains(u"no fees notice was issued"_s));
    QVERIFY(store.loadRequest(created->id)->clockEvents.isEmpty());

    // An internal review's result is kept with its outcome, and an outcome without a result
    // (as every one stored before results could be) stays without one, read one request at a
    // time or a quarter at a time.
    Request reviewed = clockedRequest();
    reviewed.reference = u"FOI-2023-050"_s;
    reviewed.clockEvents += {outcome("2023-02-20", ReviewResult::Overturned),
                             ev(K::InternalReviewRequested, "2023-03-01"),
                             outcome("2023-03-20", std::nullopt)};
    const Result<Request> stored = store.createRequest(reviewed);
    QVERIFY2(stored.ok(), qPrintable(stored.errorMessage()));
    const Result<Request> reloaded = store.loadRequest(stored->id);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->clockEvents, reviewed.clockEvents);
    QCOMPARE(reloaded->clockEvents.at(5).reviewResult, ReviewResult::Overturned);
    QCOMPARE(reloaded->clockEvents.at(7).reviewResult, std::nullopt);
    const Result<QList<Request>> inNovember =
        store.requestsReceivedBetween(d("2022-11-01"), d("2022-11-30"));
    QVERIFY2(inNovember.ok(), qPrintable(inNovember.errorMessage()));
    QCOMPARE(inNovember->size(), 2);
    QCOMPARE(inNovember->at(1).clockEvents, reviewed.clockEvents);

    // Changed to upheld in part on a save, it stays so.
    Request changed = reloaded.value();
    changed.clockEvents[5].reviewResult = ReviewResult::UpheldInPart;
    QVERIFY(store.saveRequest(changed).ok());
    QCOMPARE(store.loadRequest(stored->id)->clockEvents.at(5).reviewResult,
             ReviewResult::UpheldInPart);

    // A result on another kind of event is refused, even on a request with no date received
    // (which has no clock to work out), and nothing is written.
    for (const QDate &received : {d("2022-11-21"), QDate()}) {
        Request misplaced = store.loadRequest(stored->id).value();
        misplaced.received = received;
        misplaced.clockEvents[6] =
            withResult(misplaced.clockEvents.at(6), ReviewResult::Upheld); // review requested
        const Result<Request> refusedResult = store.saveRequest(misplaced);
        QVERIFY(!refusedResult.ok());
        QCOMPARE(refusedResult.errorKind(), ErrorKind::BadInput);
        QVERIFY2(refusedResult.errorMessage().contains(
                     u"only an internal review outcome can have one"_s),
                 qPrintable(refusedResult.errorMessage()));
        QCOMPARE(store.loadRequest(stored->id)->clockEvents.at(6).reviewResult, std::nullopt);
    }
}

void TestStatutoryClock::undoOfAnAddedEvent()
{
    RequestDocument document;
    Request request;
    request.reference = u"FOI-1"_s;
    request.received = d("2022-11-21");
    document.load(request);
    const StatutoryClock clock;
    // Plain FOIA from Mon 21 Nov 2022 (gov.uk Sc Wed 30 Nov): 22-25 (1-4), 28-29 (5-6), 30 hol,
    // Dec 1-2 (7-8), 5-9 (9-13), 12-16 (14-18), 19-20 (19-20).
    QCOMPARE(clock.work(document.request())->due, d("2022-12-20"));

    int changes = 0;
    connect(&document, &RequestDocument::clockChanged, this, [&changes] { ++changes; });
    QVERIFY(document.addClockEvent(ev(K::ClarificationSought, "2022-11-22")).ok());
    QVERIFY(document.addClockEvent(ev(K::ClarificationReceived, "2022-12-15")).ok());
    QCOMPARE(changes, 2);
    QCOMPARE(document.clockEvents().size(), 2);
    QCOMPARE(document.undoStack()->undoText(), u"Add clarification received"_s);
    QCOMPARE(clock.work(document.request())->due, d("2023-01-18"));
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QCOMPARE(document.clockEvents().size(), 1);
    QVERIFY(!clock.work(document.request())->due.isValid()); // clarification still awaited
    document.undoStack()->undo();
    QVERIFY(document.clockEvents().isEmpty());
    QCOMPARE(clock.work(document.request())->due, d("2022-12-20"));
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    document.undoStack()->redo();
    QCOMPARE(clock.work(document.request())->due, d("2023-01-18"));

    QVERIFY(document.setResponseSent(d("2023-01-17")).ok());
    QCOMPARE(document.request().responseSent, d("2023-01-17"));
    document.undoStack()->undo();
    QVERIFY(!document.request().responseSent.isValid());
}

void TestStatutoryClock::reviewResultSurvivesUndo()
{
    RequestDocument document;
    Request request;
    request.reference = u"FOI-1"_s;
    request.received = d("2022-11-21");
    request.responseSent = d("2022-12-19");
    document.load(request);
    QVERIFY(document.addClockEvent(ev(K::InternalReviewRequested, "2023-01-05")).ok());
    QVERIFY(document.addClockEvent(outcome("2023-01-30", ReviewResult::Upheld)).ok());
    QVERIFY(document.replaceClockEvent(1, outcome("2023-01-30", ReviewResult::Overturned)).ok());
    QCOMPARE(document.clockEvents().at(1).reviewResult, ReviewResult::Overturned);
    QCOMPARE(document.undoStack()->undoText(), u"Change internal review outcome"_s);

    document.undoStack()->undo();
    QCOMPARE(document.clockEvents().at(1).reviewResult, ReviewResult::Upheld);
    document.undoStack()->redo();
    QCOMPARE(document.clockEvents().at(1).reviewResult, ReviewResult::Overturned);
    // Only the result changed: still a change of its own to undo.
    QVERIFY(document.replaceClockEvent(1, outcome("2023-01-30", std::nullopt)).ok());
    QCOMPARE(document.clockEvents().at(1).reviewResult, std::nullopt);
    document.undoStack()->undo();
    QCOMPARE(document.clockEvents().at(1).reviewResult, ReviewResult::Overturned);

    // A result on the review request is refused, and nothing changes.
    const int steps = document.undoStack()->count();
    const Result<void> refused = document.replaceClockEvent(
        0, withResult(ev(K::InternalReviewRequested, "2023-01-05"), ReviewResult::Upheld));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().contains(u"only an internal review outcome can have one"_s),
             qPrintable(refused.errorMessage()));
    QCOMPARE(document.clockEvents().at(0).reviewResult, std::nullopt);
    QCOMPARE(document.undoStack()->count(), steps);
}

void TestStatutoryClock::documentRefusesAnIllegalEvent()
{
    RequestDocument document;
    Request request;
    request.reference = u"FOI-1"_s;
    request.received = d("2022-11-21");
    document.load(request);
    const Result<void> added = document.addClockEvent(ev(K::FeePaid, "2022-11-25"));
    QVERIFY(!added.ok());
    QVERIFY(added.errorMessage().contains(u"no fees notice was issued"_s));
    QVERIFY(document.clockEvents().isEmpty());
    QCOMPARE(document.undoStack()->count(), 0);

    // Removing the clarification sought would leave the one received unexplained.
    QVERIFY(document.addClockEvent(ev(K::ClarificationSought, "2022-11-22")).ok());
    QVERIFY(document.addClockEvent(ev(K::ClarificationReceived, "2022-12-15")).ok());
    QVERIFY(!document.removeClockEvent(0).ok());
    QVERIFY(document.removeClockEvent(1).ok());
    QCOMPARE(document.clockEvents().size(), 1);
}

namespace {

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

Outcome runCommand(const QStringList &arguments)
{
    Outcome outcome;
    QTextStream out(&outcome.out);
    QTextStream err(&outcome.err);
    outcome.code = CommandLine::run(arguments, out, err, QDate(2023, 1, 2));
    out.flush();
    err.flush();
    return outcome;
}

} // namespace

void TestStatutoryClock::commandLineShowsTheWorking()
{
    // The FOISA fees row of workedDates.
    const Outcome shown = runCommand({u"due"_s,
                                      u"--received"_s,
                                      u"2023-07-24"_s,
                                      u"--regime"_s,
                                      u"FOISA"_s,
                                      u"--fees-notice"_s,
                                      u"2023-08-09"_s,
                                      u"--fee-paid"_s,
                                      u"2023-08-14"_s,
                                      u"--show-working"_s});
    QVERIFY2(shown.code == CommandLine::Done, qPrintable(shown.err));
    const QStringList lines = shown.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), u"2023-08-28"_s);
    QCOMPARE(lines.at(1), u"2023-07-24 Mon  received (the date of receipt)"_s);
    QVERIFY(lines.contains(u"2023-07-25 Tue  day 1"_s));
    QVERIFY(lines.contains(u"2023-08-07 Mon  skipped: Summer bank holiday (Scotland)"_s));
    QVERIFY(lines.contains(u"2023-08-14 Mon  skipped: disregarded: fees notice unpaid"_s));
    QCOMPARE(lines.last(), u"2023-08-28 Mon  day 20: due"_s);

    // A clarification: the Christmas 2022 row.
    const Outcome clarified = runCommand({u"due"_s,
                                          u"--received"_s,
                                          u"2022-11-21"_s,
                                          u"--clarification-received"_s,
                                          u"2022-12-15"_s});
    QCOMPARE(clarified.code, int(CommandLine::Done));
    QCOMPARE(clarified.out, u"2023-01-18\n"_s);

    // Without events the old answer stands, one line only.
    const Outcome plain = runCommand({u"due"_s, u"--received"_s, u"2022-09-01"_s});
    QCOMPARE(plain.out, u"2022-09-30\n"_s);
}

void TestStatutoryClock::commandLineRefusesAFeePaidBeforeItsNotice()
{
    const Outcome refused = runCommand({u"due"_s,
                                        u"--received"_s,
                                        u"2023-07-24"_s,
                                        u"--fees-notice"_s,
                                        u"2023-08-09"_s,
                                        u"--fee-paid"_s,
                                        u"2023-08-01"_s});
    QCOMPARE(refused.code, int(CommandLine::BadInput));
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains(u"no fees notice was issued"_s), qPrintable(refused.err));

    const Outcome alone = runCommand(
        {u"due"_s, u"--received"_s, u"2023-07-24"_s, u"--fees-notice"_s, u"2023-08-09"_s});
    QCOMPARE(alone.code, int(CommandLine::UsageError));
}

void TestStatutoryClock::showJsonGivesTheClock()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"log.sqlite"_s);
    const QString file = dir.filePath(u"request.json"_s);
    QVERIFY(RequestJson::writeFile(clockedRequest(), file).ok());
    const Outcome imported = runCommand({u"--db"_s, db, u"import"_s, file});
    QVERIFY2(imported.code == CommandLine::Done, qPrintable(imported.err));

    // Today is Mon 2 Jan 2023 (runCommand). Due Tue 24 Jan (the clarification and fees row of
    // workedDates); gov.uk Sc Tue 3 Jan hol, then Jan 4-6 (3), 9-13 (8), 16-20 (13), 23-24 (15).
    const Outcome shown = runCommand({u"--db"_s, db, u"show"_s, u"FOI-2023-041"_s, u"--json"_s});
    QVERIFY2(shown.code == CommandLine::Done, qPrintable(shown.err));
    const QJsonObject object = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    QCOMPARE(object.value(u"due"_s).toString(), u"2023-01-24"_s);
    QCOMPARE(object.value(u"working_days_left"_s).toInt(-999), 15);
    QVERIFY(object.value(u"due_unknown"_s).isNull());
    QCOMPARE(object.value(u"clock_events"_s).toArray().size(), 5);
    QCOMPARE(object.value(u"clock_events"_s).toArray().at(1).toObject().value(u"kind"_s).toString(),
             u"clarification_received"_s);
    QCOMPARE(object.value(u"response_sent"_s).toString(), u"2023-01-20"_s);
    QVERIFY(object.value(u"clock_warnings"_s).toArray().isEmpty());

    // A clarification sought and not yet received: no due date, and the reason instead.
    Request waiting = clockedRequest();
    waiting.reference = u"FOI-2023-042"_s;
    waiting.clockEvents = {ev(K::ClarificationSought, "2022-11-22")};
    waiting.responseSent = QDate();
    QVERIFY(RequestJson::writeFile(waiting, file).ok());
    QCOMPARE(runCommand({u"--db"_s, db, u"import"_s, file}).code, int(CommandLine::Done));
    const Outcome stopped = runCommand({u"--db"_s, db, u"show"_s, u"FOI-2023-042"_s, u"--json"_s});
    const QJsonObject waitingObject = QJsonDocument::fromJson(stopped.out.toUtf8()).object();
    QVERIFY(waitingObject.value(u"due"_s).isNull());
    QVERIFY(waitingObject.value(u"due_unknown"_s).toString().startsWith(u"The clock is stopped"_s));

    // A review's result is printed with its outcome, and kept in the JSON.
    Request reviewed = clockedRequest();
    reviewed.reference = u"FOI-2023-043"_s;
    ClockEvent overturned = outcome("2023-02-20", ReviewResult::Overturned);
    overturned.note = u"by letter"_s;
    reviewed.clockEvents.append(overturned);
    QVERIFY(RequestJson::writeFile(reviewed, file).ok());
    QCOMPARE(runCommand({u"--db"_s, db, u"import"_s, file}).code, int(CommandLine::Done));
    const Outcome text = runCommand({u"--db"_s, db, u"show"_s, u"FOI-2023-043"_s});
    QVERIFY2(text.out.contains(u"2023-02-20 Internal review outcome (overturned): by letter\n"_s),
             qPrintable(text.out));
    const Outcome json = runCommand({u"--db"_s, db, u"show"_s, u"FOI-2023-043"_s, u"--json"_s});
    const QJsonArray events =
        QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"clock_events"_s).toArray();
    QCOMPARE(events.last().toObject().value(u"result"_s).toString(), u"overturned"_s);
}

QTEST_GUILESS_MAIN(TestStatutoryClock)
#include "tst_statutoryclock.moc"
