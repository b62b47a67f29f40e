#include "calendar/DateChecks.h"
#include "calendar/DateText.h"

#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(foidesk::DateText::State)

// Dates as an officer types them into the editor, and what the editor says above every tab
// about a request's dates. Deadlines here are worked by hand from the GOV.UK bank holiday
// lists (www.gov.uk/bank-holidays), as in tst_deadlines.
class TestDateChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedDates_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<DateText::State>("state");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("problem");
        using S = DateText::State;
        const QDate none;
        QTest::newRow("empty") << u"  "_s << S::Empty << none << QString();
        QTest::newRow("day/month/year")
            << u"17/06/2020"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("short parts") << u"7/6/2020"_s << S::Valid << QDate(2020, 6, 7) << QString();
        QTest::newRow("two-digit year")
            << u"17/6/20"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("full stops")
            << u"17.06.2020"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("hyphens") << u"17-06-2020"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("ISO") << u"2020-06-17"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("month name")
            << u"17 June 2020"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("short month, ordinal")
            << u"17th Jun 2020"_s << S::Valid << QDate(2020, 6, 17) << QString();
        QTest::newRow("run together")
            << u"01May 2025"_s << S::Valid << QDate(2025, 5, 1) << QString();
        QTest::newRow("leap day") << u"29/02/2024"_s << S::Valid << QDate(2024, 2, 29) << QString();
        // Refused with the reason, never moved to 28 February.
        QTest::newRow("31 February") << u"31/02/2021"_s << S::Impossible << none
                                     << u"31/02/2021 is not a date: February 2021 has 28 days."_s;
        QTest::newRow("29 February, not a leap year")
            << u"29/02/2023"_s << S::Impossible << none
            << u"29/02/2023 is not a date: February 2023 has 28 days."_s;
        QTest::newRow("31 June") << u"31 June 2020"_s << S::Impossible << none
                                 << u"31 June 2020 is not a date: June 2020 has 30 days."_s;
        QTest::newRow("month 13") << u"12/13/2020"_s << S::Impossible << none
                                  << u"12/13/2020 is not a date: there is no month 13."_s;
        QTest::newRow("day 0") << u"0/6/2020"_s << S::Impossible << none
                               << u"0/6/2020 is not a date: June 2020 has 30 days."_s;
        // Still being typed.
        QTest::newRow("part typed")
            << u"17/06/2"_s << S::Incomplete << none
            << u"Type the date as day/month/year, for example 17/06/2020."_s;
        QTest::newRow("not a month")
            << u"17 Junk 2020"_s << S::Incomplete << none
            << u"Junk is not a month. Type the date as day/month/year, for "
               "example 17/06/2020."_s;
    }

    void typedDates()
    {
        QFETCH(QString, typed);
        QFETCH(DateText::State, state);
        QFETCH(QDate, date);
        QFETCH(QString, problem);
        const DateText::Parsed parsed = DateText::parse(typed);
        QCOMPARE(parsed.state, state);
        QCOMPARE(parsed.date, date);
        QCOMPARE(parsed.problem, problem);
    }

    void deadlineAndDaysLeft_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QString>("expected");
        // Received Wed 4 Feb 2026, no holidays in the count: Feb 5-6 (2), 9-13 (7), 16-20 (12),
        // 23-27 (17), Mar 2-4 (20): due Wed 4 Mar 2026.
        QTest::newRow("two days left")
            << QDate(2026, 3, 2) << u"Due Wednesday 4 March 2026: 2 working days left"_s;
        QTest::newRow("one day left")
            << QDate(2026, 3, 3) << u"Due Wednesday 4 March 2026: 1 working day left"_s;
        QTest::newRow("due today")
            << QDate(2026, 3, 4) << u"Due Wednesday 4 March 2026: due today"_s;
        // Thu 5 Mar is one working day late, Fri 6 two; the weekend adds none.
        QTest::newRow("overdue") << QDate(2026, 3, 6)
                                 << u"Due Wednesday 4 March 2026: 2 working days overdue"_s;
        QTest::newRow("overdue over a weekend")
            << QDate(2026, 3, 8) << u"Due Wednesday 4 March 2026: 2 working days overdue"_s;
    }

    void deadlineAndDaysLeft()
    {
        QFETCH(QDate, today);
        QFETCH(QString, expected);
        Request request;
        request.received = QDate(2026, 2, 4);
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()), expected);
        QCOMPARE(DateChecks::warnings(request, today, Deadlines()), QStringList());
    }

    // An answered request is not "overdue": the strip says when it was answered, counted to
    // the letter date. Due Wed 4 Mar 2026 as above; Fri 6 Mar is two working days after it.
    void answeredRequestsSayHowTheyEnded()
    {
        Request request;
        request.received = QDate(2026, 2, 4);
        request.status = RequestStatus::Sent;
        const QDate today(2026, 11, 2);
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Wednesday 4 March 2026: answered"_s);
        request.letterDate = QDate(2026, 3, 4);
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Wednesday 4 March 2026: answered on 4 March 2026, in time"_s);
        request.letterDate = QDate(2026, 3, 6);
        request.status = RequestStatus::Closed;
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Wednesday 4 March 2026: answered on 6 March 2026, 2 working days late"_s);
        request.status = RequestStatus::Withdrawn;
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Wednesday 4 March 2026: withdrawn"_s);
    }

    // The strip follows the statutory clock, as `foidesk due` does. Received Thu 19 Mar 2026:
    // Fri 20 Mar (1), 23-27 Mar (6), 30 Mar-2 Apr (10), Good Friday 3 Apr and Easter Monday
    // 6 Apr skipped, 7-10 Apr (14), 13-17 Apr (19), Mon 20 Apr (20). A clarification sought on
    // Mon 23 Mar stops the clock; received Wed 15 Apr, a fresh twenty run from it: 16-17 Apr
    // (2), 20-24 Apr (7), 27 Apr-1 May (12), early May bank holiday 4 May skipped, 5-8 May
    // (16), 11-14 May (20): Thu 14 May 2026. (Holidays: www.gov.uk/bank-holidays.)
    void clockEventsMoveTheDeadline()
    {
        const QDate today(2026, 5, 12); // Tue: Wed 13 and Thu 14 May are left
        Request request;
        request.received = QDate(2026, 3, 19);
        // After Mon 20 Apr: 21-24 Apr (4), 27 Apr-1 May (9), 4 May skipped, 5-8 May (13),
        // 11-12 May (15).
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Monday 20 April 2026: 15 working days overdue"_s);

        request.clockEvents.append(
            {ClockEventKind::ClarificationSought, QDate(2026, 3, 23), QString(), QDate()});
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"The clock is stopped: clarification was sought on Monday 23 March 2026 and "
                 "has not been received. A fresh 20 working days will run from the day it "
                 "arrives."_s);

        request.clockEvents.append(
            {ClockEventKind::ClarificationReceived, QDate(2026, 4, 15), QString(), QDate()});
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Thursday 14 May 2026: 2 working days left"_s);

        // The day the response was sent ends the count, whatever the status says.
        request.responseSent = QDate(2026, 5, 15);
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"Due Thursday 14 May 2026: answered on 15 May 2026, 1 working day late"_s);

        // An order the law refuses: no date, and where to correct it.
        request.responseSent = QDate();
        request.clockEvents.removeFirst();
        QCOMPARE(DateChecks::deadline(request, today, Deadlines()),
                 u"No due date: the clock events are in an order the law does not allow. "
                 "Correct them under Statutory clock on the Request tab."_s);
        QCOMPARE(DateChecks::warnings(request, today, Deadlines()), QStringList());
    }

    // A public interest extension to Mon 1 Jun 2026 is 28 working days beyond Mon 20 Apr (21 Apr
    // to 1 Jun, less 4 and 25 May and the weekends): the ICO's expectation is in the warnings.
    void theClocksWarningsAreShown()
    {
        Request request;
        request.received = QDate(2026, 3, 19);
        request.clockEvents.append({ClockEventKind::PublicInterestExtension,
                                    QDate(2026, 4, 15),
                                    QString(),
                                    QDate(2026, 6, 1)});
        const QStringList warnings = DateChecks::warnings(request, QDate(2026, 4, 16), Deadlines());
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(u"The estimated date Monday 1 June 2026 is 28 working "
                                             "days after the statutory deadline of Monday 20 "
                                             "April 2026; the ICO expects"_s),
                 qPrintable(warnings.first()));
    }

    void mistakesAreNamed()
    {
        const Deadlines deadlines;
        const QDate today(2026, 3, 2);
        Request request;
        request.received = QDate(2026, 3, 12);
        QCOMPARE(DateChecks::warnings(request, today, deadlines),
                 QStringList{u"The date received, 12/03/2026, is in the future: check it."_s});
        QCOMPARE(DateChecks::deadline(request, today, deadlines), QString());

        request.received = QDate(2026, 2, 4);
        request.letterDate = QDate(2026, 2, 3);
        QCOMPARE(DateChecks::warnings(request, today, deadlines),
                 QStringList{u"The letter is dated 03/02/2026, before the request was received "
                             "on 04/02/2026: check both dates."_s});

        // Mon 2 Dec 2030: the twentieth working day falls in January 2031, beyond the data.
        request = Request();
        request.received = QDate(2030, 12, 2);
        QCOMPARE(DateChecks::warnings(request, QDate(2030, 12, 5), deadlines),
                 QStringList{u"No deadline can be worked out: FOI Desk's bank holiday data covers "
                             "2015 to 2030; it cannot compute a deadline that falls in 2031. "
                             "Import the government's bank holiday file in Tools > Bank "
                             "Holidays, or update FOI Desk."_s});
        QCOMPARE(DateChecks::deadline(request, QDate(2030, 12, 5), deadlines), QString());
    }
};

QTEST_APPLESS_MAIN(TestDateChecks)
#include "tst_datechecks.moc"
