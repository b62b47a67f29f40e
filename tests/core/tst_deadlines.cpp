#include "calendar/Deadlines.h"

#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

// Every expected date below was counted by hand on a printed calendar; the comment on each row
// shows the count. "Hol" marks a day that is not a working day for that regime.
class TestDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueDate_data();
    void dueDate();
    void workingDaysLeft_data();
    void workingDaysLeft();
    void christmasAndGoodFridayNeverWork_data();
    void christmasAndGoodFridayNeverWork();
    void workingDayRulesPerRegime_data();
    void workingDayRulesPerRegime();
    void invalidInputIsBadInput();
    void deadlineBeyondTheDataIsRefused();
    void receiptBeforeTheDataIsRefused();
    void addedHolidayMovesTheDeadline();
    void extendedCalendarComputesTheNextYear();
};

void TestDeadlines::dueDate_data()
{
    QTest::addColumn<QDate>("received");
    QTest::addColumn<Regime>("regime");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("due");

    // Wed 4 Feb 2026, no holidays: Feb 5-6 (2), 9-13 (7), 16-20 (12), 23-27 (17), Mar 2-4 (20).
    QTest::newRow("ordinary month") << QDate(2026, 2, 4) << Regime::FOIA << 20 << QDate(2026, 3, 4);
    // Fri 6 Feb 2026: day 1 is Mon 9; 9-13 (5), 16-20 (10), 23-27 (15), Mar 2-6 (20).
    QTest::newRow("received Friday")
        << QDate(2026, 2, 6) << Regime::FOIA << 20 << QDate(2026, 3, 6);
    // Sat 7 Feb 2026: the weekend is skipped, day 1 is Mon 9, so the same Fri 6 Mar.
    QTest::newRow("received Saturday")
        << QDate(2026, 2, 7) << Regime::FOIA << 20 << QDate(2026, 3, 6);
    // Sun 8 Feb 2026: day 1 is Mon 9, as above.
    QTest::newRow("received Sunday")
        << QDate(2026, 2, 8) << Regime::FOIA << 20 << QDate(2026, 3, 6);
    // Mon 4 May 2026 (early May holiday): May 5-8 (4), 11-15 (9), 18-22 (14), 25 hol,
    // 26-29 (18), Jun 1 (19), Jun 2 (20).
    QTest::newRow("received on a bank holiday")
        << QDate(2026, 5, 4) << Regime::FOIA << 20 << QDate(2026, 6, 2);
    // Fri 12 Dec 2025: 15-19 (5), 22-24 (8), 25-26 hol, 29-31 (11), Jan 1 hol, Jan 2 hol (a
    // Scottish holiday counts under FOIA), Jan 5-9 (16), 12-15 (20).
    QTest::newRow("Christmas and New Year FOIA")
        << QDate(2025, 12, 12) << Regime::FOIA << 20 << QDate(2026, 1, 15);
    // The EIR count exactly as FOIA does.
    QTest::newRow("Christmas and New Year EIR")
        << QDate(2025, 12, 12) << Regime::EIR << 20 << QDate(2026, 1, 15);
    // FOISA: Scotland has 25, 26 Dec, 1 and 2 Jan too, so the count is the same.
    QTest::newRow("Christmas and New Year FOISA")
        << QDate(2025, 12, 12) << Regime::FOISA << 20 << QDate(2026, 1, 15);
    // Thu 25 Dec 2025: 26 hol, 29-31 (3), Jan 1-2 hol, 5-9 (8), 12-16 (13), 19-23 (18),
    // 26 (19), 27 (20).
    QTest::newRow("received on Christmas Day")
        << QDate(2025, 12, 25) << Regime::FOIA << 20 << QDate(2026, 1, 27);
    // Fri 2 Jan 2026 (Scottish holiday) under FOISA: 5-9 (5), 12-16 (10), 19-23 (15),
    // 26-30 (20).
    QTest::newRow("received on 2 January FOISA")
        << QDate(2026, 1, 2) << Regime::FOISA << 20 << QDate(2026, 1, 30);
    // Fri 20 Mar 2026: 23-27 (5), Mar 30-Apr 2 (9), Apr 3 Good Friday, Apr 6 Easter Monday,
    // 7-10 (13), 13-17 (18), 20 (19), 21 (20).
    QTest::newRow("Easter FOIA") << QDate(2026, 3, 20) << Regime::FOIA << 20 << QDate(2026, 4, 21);
    // FOISA: Easter Monday is a working day in Scotland: 23-27 (5), Mar 30-Apr 2 (9), Apr 3
    // Good Friday, 6-10 (14), 13-17 (19), 20 (20).
    QTest::newRow("Easter FOISA") << QDate(2026, 3, 20) << Regime::FOISA << 20
                                  << QDate(2026, 4, 20);
    // The EIRS follow FOISA.
    QTest::newRow("Easter EIRS") << QDate(2026, 3, 20) << Regime::EIRS << 20 << QDate(2026, 4, 20);
    // Fri 20 Nov 2026: 23-27 (5), Mon 30 Nov St Andrew's hol, Dec 1-4 (9), 7-11 (14),
    // 14-18 (19), 21 (20).
    QTest::newRow("St Andrew's Day FOIA")
        << QDate(2026, 11, 20) << Regime::FOIA << 20 << QDate(2026, 12, 21);
    // FOISA excludes St Andrew's Day too, being a Scottish holiday: the same count.
    QTest::newRow("St Andrew's Day FOISA")
        << QDate(2026, 11, 20) << Regime::FOISA << 20 << QDate(2026, 12, 21);
    // Fri 28 Nov 2025, one day: 30 Nov is a Sunday, Mon 1 Dec its substitute, so Tue 2 Dec.
    QTest::newRow("St Andrew's substitute FOIA")
        << QDate(2025, 11, 28) << Regime::FOIA << 1 << QDate(2025, 12, 2);
    QTest::newRow("St Andrew's substitute FOISA")
        << QDate(2025, 11, 28) << Regime::FOISA << 1 << QDate(2025, 12, 2);
    // Mon 7 Jul 2025: 8-11 (4), Mon 14 hol (12 July, a Saturday, moved), 15-18 (8), 21-25 (13),
    // 28-31 (17), Aug 1 (18), Mon 4 Aug hol (Scottish summer), 5 (19), 6 (20).
    QTest::newRow("12 July and Scottish August FOIA")
        << QDate(2025, 7, 7) << Regime::FOIA << 20 << QDate(2025, 8, 6);
    // FOISA: 14 July works, 4 Aug does not: 8-11 (4), 14-18 (9), 21-25 (14), 28-31 (18),
    // Aug 1 (19), 4 hol, 5 (20).
    QTest::newRow("12 July and Scottish August FOISA")
        << QDate(2025, 7, 7) << Regime::FOISA << 20 << QDate(2025, 8, 5);
    // Fri 14 Mar 2025: Mon 17 St Patrick's hol, 18-21 (4), 24-28 (9), Mar 31-Apr 4 (14),
    // 7-11 (19), 14 (20).
    QTest::newRow("St Patrick's Day FOIA")
        << QDate(2025, 3, 14) << Regime::FOIA << 20 << QDate(2025, 4, 14);
    // FOISA: 17 March works: 17-21 (5), 24-28 (10), Mar 31-Apr 4 (15), 7-11 (20).
    QTest::newRow("St Patrick's Day FOISA")
        << QDate(2025, 3, 14) << Regime::FOISA << 20 << QDate(2025, 4, 11);
    // Fri 27 May 2022: Mon 30 May is NOT a holiday that year; 30, 31, Jun 1 (3), Jun 2-3 hol
    // (Jubilee), 6-10 (8), 13-17 (13), 20-24 (18), 27 (19), 28 (20).
    QTest::newRow("Platinum Jubilee")
        << QDate(2022, 5, 27) << Regime::FOIA << 20 << QDate(2022, 6, 28);
    QTest::newRow("Platinum Jubilee FOISA")
        << QDate(2022, 5, 27) << Regime::FOISA << 20 << QDate(2022, 6, 28);
    // Mon 5 Sep 2022: 6-9 (4), 12-16 (9), 19 hol (state funeral), 20-23 (13), 26-30 (18),
    // Oct 3 (19), 4 (20).
    QTest::newRow("State funeral 2022")
        << QDate(2022, 9, 5) << Regime::FOIA << 20 << QDate(2022, 10, 4);
    // Fri 28 Apr 2023: May 1 hol, 2-5 (4), 8 hol (coronation), 9-12 (8), 15-19 (13),
    // 22-26 (18), 29 hol, 30 (19), 31 (20).
    QTest::newRow("Coronation 2023")
        << QDate(2023, 4, 28) << Regime::FOIA << 20 << QDate(2023, 5, 31);
    QTest::newRow("Coronation 2023 EIRS")
        << QDate(2023, 4, 28) << Regime::EIRS << 20 << QDate(2023, 5, 31);
    // EIR reg 7 extension, 40 days from Wed 4 Feb 2026: day 20 is Wed 4 Mar (above), 5-6 (22),
    // 9-13 (27), 16 (28), 17 hol (St Patrick's), 18-20 (31), 23-27 (36), Mar 30-Apr 2 (40).
    QTest::newRow("EIR 40 days") << QDate(2026, 2, 4) << Regime::EIR << 40 << QDate(2026, 4, 2);
    // EIRS: 17 March works, so one day sooner: 16 (28), 17 (29), 18-20 (32), 23-27 (37),
    // 30 (38), 31 (39), Apr 1 (40).
    QTest::newRow("EIRS 40 days") << QDate(2026, 2, 4) << Regime::EIRS << 40 << QDate(2026, 4, 1);
    // Thu 24 Dec 2025, one day: 25-26 hol, 27-28 weekend, Mon 29.
    QTest::newRow("one day over Christmas")
        << QDate(2025, 12, 24) << Regime::FOIA << 1 << QDate(2025, 12, 29);
    // Wed 31 Dec 2014 (before the data starts; only the days after it are counted):
    // Jan 1 hol, Jan 2 hol (Scotland), Mon 5 Jan 2015 is day 1.
    QTest::newRow("received the day before coverage")
        << QDate(2014, 12, 31) << Regime::FOIA << 1 << QDate(2015, 1, 5);
}

void TestDeadlines::dueDate()
{
    QFETCH(QDate, received);
    QFETCH(Regime, regime);
    QFETCH(int, days);
    QFETCH(QDate, due);

    const Deadlines deadlines;
    const Result<QDate> result = deadlines.dueDate(received, regime, days);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(result.value(), due);
    // The due date is itself a working day, and it is the last one counted.
    QVERIFY(deadlines.isWorkingDay(due, regime));
    const Result<int> left = deadlines.workingDaysLeft(received, due, regime);
    QVERIFY2(left.ok(), qPrintable(left.errorMessage()));
    QCOMPARE(left.value(), days);
}

void TestDeadlines::workingDaysLeft_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("due");
    QTest::addColumn<Regime>("regime");
    QTest::addColumn<int>("left");

    QTest::newRow("due today") << QDate(2026, 3, 4) << QDate(2026, 3, 4) << Regime::FOIA << 0;
    QTest::newRow("due tomorrow") << QDate(2026, 3, 3) << QDate(2026, 3, 4) << Regime::FOIA << 1;
    // Fri 6 Feb to Mon 9 Feb 2026: the weekend does not count.
    QTest::newRow("due after the weekend")
        << QDate(2026, 2, 6) << QDate(2026, 2, 9) << Regime::FOIA << 1;
    QTest::newRow("due Tuesday seen on Friday")
        << QDate(2026, 2, 6) << QDate(2026, 2, 10) << Regime::FOIA << 2;
    // Due on a Saturday that is already here: nothing left, nothing late.
    QTest::newRow("due on a weekend day, today")
        << QDate(2026, 2, 7) << QDate(2026, 2, 7) << Regime::FOIA << 0;
    QTest::newRow("overdue by one day")
        << QDate(2026, 3, 5) << QDate(2026, 3, 4) << Regime::FOIA << -1;
    // Due Fri 6 Mar 2026, today Mon 9 Mar: only Monday is late.
    QTest::newRow("overdue over a weekend")
        << QDate(2026, 3, 9) << QDate(2026, 3, 6) << Regime::FOIA << -1;
    // Due Fri 6 Mar, seen on Sat 7 Mar: no working day has passed since.
    QTest::newRow("due Friday, seen Saturday")
        << QDate(2026, 3, 7) << QDate(2026, 3, 6) << Regime::FOIA << 0;
    // Thu 24 Dec 2025 to Mon 29 Dec: 25, 26 hol, 27, 28 weekend.
    QTest::newRow("over Christmas")
        << QDate(2025, 12, 24) << QDate(2025, 12, 29) << Regime::FOIA << 1;
    // Mon 16 Mar 2026 to Wed 18 Mar: 17 is St Patrick's Day, excluded for FOIA only.
    QTest::newRow("St Patrick's FOIA")
        << QDate(2026, 3, 16) << QDate(2026, 3, 18) << Regime::FOIA << 1;
    QTest::newRow("St Patrick's FOISA")
        << QDate(2026, 3, 16) << QDate(2026, 3, 18) << Regime::FOISA << 2;
    // Due Wed 31 Dec 2025, today Tue 6 Jan 2026: Jan 1-2 hol, 3-4 weekend, 5 and 6 late.
    QTest::newRow("overdue over New Year")
        << QDate(2026, 1, 6) << QDate(2025, 12, 31) << Regime::FOIA << -2;
    // Due Thu 2 Apr 2026, today Tue 7 Apr: 3 Good Friday, 4-5 weekend, 6 Easter Monday,
    // only the 7th is late under FOIA; in Scotland Easter Monday is late as well.
    QTest::newRow("overdue over Easter FOIA")
        << QDate(2026, 4, 7) << QDate(2026, 4, 2) << Regime::FOIA << -1;
    QTest::newRow("overdue over Easter FOISA")
        << QDate(2026, 4, 7) << QDate(2026, 4, 2) << Regime::FOISA << -2;
}

void TestDeadlines::workingDaysLeft()
{
    QFETCH(QDate, today);
    QFETCH(QDate, due);
    QFETCH(Regime, regime);
    QFETCH(int, left);

    const Result<int> result = Deadlines().workingDaysLeft(today, due, regime);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(result.value(), left);
}

void TestDeadlines::christmasAndGoodFridayNeverWork_data()
{
    QTest::addColumn<Regime>("regime");
    QTest::newRow("FOIA") << Regime::FOIA;
    QTest::newRow("EIR") << Regime::EIR;
    QTest::newRow("FOISA") << Regime::FOISA;
    QTest::newRow("EIRS") << Regime::EIRS;
}

void TestDeadlines::christmasAndGoodFridayNeverWork()
{
    QFETCH(Regime, regime);

    // The statutes name these two days themselves, so they are excluded even when the holiday
    // data is empty or forgets them.
    const HolidayCalendar empty;
    for (const Deadlines &deadlines : {Deadlines(), Deadlines(empty)}) {
        QVERIFY(!deadlines.isWorkingDay(QDate(2025, 12, 25), regime)); // Thursday
        QVERIFY(!deadlines.isWorkingDay(QDate(2026, 12, 25), regime)); // Friday
        QVERIFY(!deadlines.isWorkingDay(QDate(2026, 4, 3), regime));   // Good Friday
        QVERIFY(!deadlines.isWorkingDay(QDate(2024, 3, 29), regime));  // Good Friday
        QVERIFY(deadlines.isWorkingDay(QDate(2026, 4, 2), regime));    // Maundy Thursday
        QVERIFY(deadlines.isWorkingDay(QDate(2026, 12, 24), regime));  // Christmas Eve
    }
    // Beyond the data too: Good Friday 2035 is 23 March.
    QVERIFY(!Deadlines().isWorkingDay(QDate(2035, 3, 23), regime));
    QVERIFY(Deadlines().isWorkingDay(QDate(2035, 3, 22), regime));
}

void TestDeadlines::workingDayRulesPerRegime_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("foia");  // FOIA and EIR
    QTest::addColumn<bool>("foisa"); // FOISA and EIRS

    QTest::newRow("Saturday") << QDate(2026, 2, 7) << false << false;
    QTest::newRow("Sunday") << QDate(2026, 2, 8) << false << false;
    QTest::newRow("ordinary Monday") << QDate(2026, 2, 9) << true << true;
    QTest::newRow("Easter Monday, England") << QDate(2026, 4, 6) << false << true;
    QTest::newRow("St Patrick's Day, NI") << QDate(2026, 3, 17) << false << true;
    QTest::newRow("Boyne substitute, NI") << QDate(2026, 7, 13) << false << true;
    QTest::newRow("Scottish summer") << QDate(2026, 8, 3) << false << false;
    QTest::newRow("England summer") << QDate(2026, 8, 31) << false << true;
    QTest::newRow("2 January, Scotland") << QDate(2026, 1, 2) << false << false;
    QTest::newRow("St Andrew's Day") << QDate(2026, 11, 30) << false << false;
    QTest::newRow("Boxing Day substitute") << QDate(2026, 12, 28) << false << false;
    QTest::newRow("invalid date") << QDate() << false << false;
}

void TestDeadlines::workingDayRulesPerRegime()
{
    QFETCH(QDate, date);
    QFETCH(bool, foia);
    QFETCH(bool, foisa);

    const Deadlines deadlines;
    QCOMPARE(deadlines.isWorkingDay(date, Regime::FOIA), foia);
    QCOMPARE(deadlines.isWorkingDay(date, Regime::EIR), foia);
    QCOMPARE(deadlines.isWorkingDay(date, Regime::FOISA), foisa);
    QCOMPARE(deadlines.isWorkingDay(date, Regime::EIRS), foisa);
}

void TestDeadlines::invalidInputIsBadInput()
{
    const Deadlines deadlines;
    const Result<QDate> noDate = deadlines.dueDate(QDate(), Regime::FOIA);
    QCOMPARE(noDate.errorKind(), ErrorKind::BadInput);
    QVERIFY2(noDate.errorMessage().contains(u"date received"_s), qPrintable(noDate.errorMessage()));

    const Result<QDate> noDays = deadlines.dueDate(QDate(2026, 2, 4), Regime::FOIA, 0);
    QCOMPARE(noDays.errorKind(), ErrorKind::BadInput);
    QVERIFY2(noDays.errorMessage().contains(u"at least 1"_s), qPrintable(noDays.errorMessage()));
    QCOMPARE(deadlines.dueDate(QDate(2026, 2, 4), Regime::FOIA, -5).errorKind(),
             ErrorKind::BadInput);

    QCOMPARE(deadlines.workingDaysLeft(QDate(), QDate(2026, 3, 4), Regime::FOIA).errorKind(),
             ErrorKind::BadInput);
    QCOMPARE(deadlines.workingDaysLeft(QDate(2026, 3, 4), QDate(), Regime::FOIA).errorKind(),
             ErrorKind::BadInput);
}

void TestDeadlines::deadlineBeyondTheDataIsRefused()
{
    const Deadlines deadlines;
    // Mon 2 Dec 2030: 3-6 (4), 9-13 (9), 16-20 (14), 23-24 (16), 25-26 hol, 27 (17), 30-31 (19);
    // day 20 would be in January 2031, which the data does not cover.
    const Result<QDate> result = deadlines.dueDate(QDate(2030, 12, 2), Regime::FOIA);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorKind(), ErrorKind::Refused);
    QCOMPARE(result.errorMessage(),
             u"FOI Desk's bank holiday data covers 2015 to 2030; it cannot compute a deadline "
             "that falls in 2031. Import the government's bank holiday file in Tools > Bank "
               "Holidays, or update FOI Desk."_s);
    // Nineteen days still fit: Wed 31 Dec 2030.
    QCOMPARE(deadlines.dueDate(QDate(2030, 12, 2), Regime::FOIA, 19).value(), QDate(2030, 12, 31));

    const Result<int> left =
        deadlines.workingDaysLeft(QDate(2030, 12, 30), QDate(2031, 1, 3), Regime::FOIA);
    QCOMPARE(left.errorKind(), ErrorKind::Refused);
    QVERIFY2(left.errorMessage().contains(u"2031"_s), qPrintable(left.errorMessage()));
}

void TestDeadlines::receiptBeforeTheDataIsRefused()
{
    const Result<QDate> result = Deadlines().dueDate(QDate(2014, 12, 1), Regime::FOISA);
    QCOMPARE(result.errorKind(), ErrorKind::Refused);
    QVERIFY2(result.errorMessage().contains(u"covers 2015 to 2030"_s)
                 && result.errorMessage().contains(u"2014"_s),
             qPrintable(result.errorMessage()));
}

void TestDeadlines::addedHolidayMovesTheDeadline()
{
    // A newly proclaimed day pushes open deadlines back by one working day.
    HolidayCalendar calendar = HolidayCalendar::builtIn();
    calendar.add(Holiday{QDate(2026, 2, 16), u"Proclaimed holiday"_s, Nation::NorthernIreland});
    const Deadlines deadlines(calendar);
    // Wed 4 Feb 2026: 5-6 (2), 9-13 (7), 16 hol, 17-20 (11), 23-27 (16), Mar 2-5 (20).
    QCOMPARE(deadlines.dueDate(QDate(2026, 2, 4), Regime::FOIA).value(), QDate(2026, 3, 5));
    // Not a Scottish holiday, so FOISA still ends on Wed 4 Mar.
    QCOMPARE(deadlines.dueDate(QDate(2026, 2, 4), Regime::FOISA).value(), QDate(2026, 3, 4));
}

void TestDeadlines::extendedCalendarComputesTheNextYear()
{
    HolidayCalendar calendar = HolidayCalendar::builtIn();
    calendar.add(Holiday{QDate(2031, 1, 1), u"New Year's Day"_s, Nation::EnglandAndWales});
    calendar.add(Holiday{QDate(2031, 1, 2), u"2nd January"_s, Nation::Scotland});
    calendar.setCoveredYears(2015, 2031);
    // Mon 2 Dec 2030 as above to Dec 31 (19), Jan 1-2 2031 hol, Fri 3 Jan (20).
    QCOMPARE(Deadlines(calendar).dueDate(QDate(2030, 12, 2), Regime::FOIA).value(),
             QDate(2031, 1, 3));
}

QTEST_GUILESS_MAIN(TestDeadlines)

#include "tst_deadlines.moc"
