// The dashboard's figures (stats/DashboardFigures.h), counted in SQL from the stored due dates,
// against a log of thirteen requests whose figures were worked out by hand below, request by
// request. "Today" is Friday 20 November 2026: the twelve months run from December 2025 to
// November 2026, and the last complete quarter is 2026Q3.
//
// Working days: the twentieth working day after the day of receipt (the day of receipt is day
// 0), skipping Saturdays, Sundays and the bank holidays of England and Wales. The only one
// between August and November 2026 is the Summer bank holiday, Monday 31 August 2026
// (gov.uk/bank-holidays). 1 September 2026 is a Tuesday, 1 October a Thursday, 2 November a
// Monday.

#include "model/RequestEnums.h"
#include "stats/DashboardFigures.h"
#include "stats/QuarterStats.h"
#include "stats/QuarterStatsCsv.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace foidesk;
using namespace foidesk::test;
using namespace Qt::StringLiterals;

namespace {

const QDate Today(2026, 11, 20);

Request request(const QString &reference,
                const QDate &received,
                RequestStatus status,
                const QString &officer,
                const QDate &sent = QDate())
{
    Request result = RequestBuilder(reference, received)
                         .title(u"Figures "_s + reference)
                         .requester(u"Mererid Hopwood"_s)
                         .officer(officer)
                         .build();
    result.status = status;
    result.responseSent = sent;
    return result;
}

Question answered(const QString &answer, QList<Redaction> redactions = {})
{
    Question question = makeQuestion(QString(), QString(), u"How many?"_s, answer);
    question.redactions = std::move(redactions);
    return question;
}

QList<Request> theLog()
{
    QList<Request> log;

    // D-01, received Thu 1 Oct 2026. Fri 2 Oct (1), 5-9 Oct (2-6), 12-16 (7-11), 19-23
    // (12-16), Mon 26 - Thu 29 Oct (17-20): due Thu 29 Oct. Sent Thu 29 Oct, exactly on the
    // due date: IN TIME, answered in October.
    Request r = request(u"D-01"_s, QDate(2026, 10, 1), RequestStatus::Sent, u"Alice Jones"_s,
                        QDate(2026, 10, 29));
    r.questions = {answered(u"Twelve."_s)};
    log.append(r);

    // D-02, received the same day, so also due Thu 29 Oct. Closed, sent Fri 30 Oct: one day
    // LATE, answered in October.
    log.append(request(u"D-02"_s, QDate(2026, 10, 1), RequestStatus::Closed, u"Alice Jones"_s,
                       QDate(2026, 10, 30)));

    // D-03, received Mon 7 Sep 2026; without a clarification due Mon 5 Oct (8-11 Sep (1-4),
    // 14-18 (5-9), 21-25 (10-14), 28 Sep - 2 Oct (15-19), 5 Oct (20)). Clarification sought
    // Tue 8 Sep, received Mon 14 Sep: a fresh twenty days, 15-18 Sep (1-4), 21-25 (5-9), 28
    // Sep - 2 Oct (10-14), 5-9 Oct (15-19), Mon 12 Oct (20): due 12 Oct. Sent with no date of
    // sending recorded: its letter date, Fri 9 Oct, counts: IN TIME (late against 5 Oct, so the
    // clock events are counted), answered in October.
    r = request(u"D-03"_s, QDate(2026, 9, 7), RequestStatus::Sent, u"Bob Smith"_s);
    r.letterDate = QDate(2026, 10, 9);
    r.clockEvents = {ClockEvent{ClockEventKind::ClarificationSought, QDate(2026, 9, 8), {}, {}},
                     ClockEvent{ClockEventKind::ClarificationReceived, QDate(2026, 9, 14), {}, {}}};
    log.append(r);

    // D-04, received Tue 1 Sep 2026. 2-4 Sep (1-3), 7-11 (4-8), 14-18 (9-13), 21-25 (14-18),
    // Mon 28 (19), Tue 29 Sep (20): due 29 Sep. Sent Fri 25 Sep: IN TIME, answered in
    // September.
    log.append(request(u"D-04"_s, QDate(2026, 9, 1), RequestStatus::Sent, u"Bob Smith"_s,
                       QDate(2026, 9, 25)));

    // D-05, received Mon 3 Aug 2026. 4-7 Aug (1-4), 10-14 (5-9), 17-21 (10-14), 24-28
    // (15-19), Mon 31 Aug is the bank holiday, Tue 1 Sep (20): due 1 Sep. Sent Fri 4 Sep: LATE,
    // answered in September.
    log.append(request(u"D-05"_s, QDate(2026, 8, 3), RequestStatus::Sent, u"Bob Smith"_s,
                       QDate(2026, 9, 4)));

    // D-06, received Mon 2 Nov 2026, in progress: OPEN, Alice Jones.
    log.append(request(u"D-06"_s, QDate(2026, 11, 2), RequestStatus::InProgress,
                       u"Alice Jones"_s));
    // D-07, received Wed 18 Nov 2026, new and not yet given to anyone: OPEN, NO OFFICER.
    log.append(request(u"D-07"_s, QDate(2026, 11, 18), RequestStatus::New, QString()));
    // D-08, received Mon 9 Nov 2026, awaiting review: OPEN, and the officer typed as
    // "alice jones " is Alice Jones (letter case and spaces aside).
    log.append(request(u"D-08"_s, QDate(2026, 11, 9), RequestStatus::AwaitingReview,
                       u"alice jones "_s));
    // D-09, received Thu 5 Nov 2026, clarification sought Fri 6 Nov: OPEN, Bob Smith.
    r = request(u"D-09"_s, QDate(2026, 11, 5), RequestStatus::ClarificationSought,
                u"Bob Smith"_s);
    r.clockEvents = {ClockEvent{ClockEventKind::ClarificationSought, QDate(2026, 11, 6), {}, {}}};
    log.append(r);
    // D-10, received Mon 12 Oct 2026, withdrawn: neither open nor answered.
    log.append(request(u"D-10"_s, QDate(2026, 10, 12), RequestStatus::Withdrawn, u"Bob Smith"_s));

    // D-11, received Mon 3 Nov 2025 (due Mon 1 Dec 2025), sent Fri 28 Nov 2025: in time, but
    // answered in November 2025, the month before the twelve shown: in no month.
    log.append(request(u"D-11"_s, QDate(2025, 11, 3), RequestStatus::Sent, u"Alice Jones"_s,
                       QDate(2025, 11, 28)));

    // D-12, sent Tue 10 Nov 2026 but with no date received, so no due date: answered in
    // November with its timeliness UNKNOWN (not in time).
    log.append(request(u"D-12"_s, QDate(), RequestStatus::Sent, u"Bob Smith"_s,
                       QDate(2026, 11, 10)));

    // D-13, received Mon 16 Nov 2026, in progress: OPEN, Bob Smith.
    log.append(request(u"D-13"_s, QDate(2026, 11, 16), RequestStatus::InProgress,
                       u"Bob Smith"_s));
    return log;
}

} // namespace

class TestDashboardFigures : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Store::open(m_dir.filePath(u"dashboard.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        m_store = std::move(opened).value();
        for (const Request &entry : theLog()) {
            const Result<Request> created = m_store->createRequest(entry);
            QVERIFY2(created.ok(), qPrintable(entry.reference + u": "_s + created.errorMessage()));
        }
    }

    void cleanupTestCase() { m_store.reset(); }

    void openRequests()
    {
        const Result<DashboardFigures> counted = DashboardCounter::count(*m_store, Today);
        QVERIFY2(counted.ok(), qPrintable(counted.errorMessage()));
        const DashboardFigures &figures = counted.value();
        QCOMPARE(figures.today, Today);
        QCOMPARE(figures.total, 13); // D-01 to D-13
        QCOMPARE(figures.open, 5);   // D-06, D-07, D-08, D-09, D-13
        QVERIFY(!figures.isEmpty());

        // Every open status, in the order of allStatuses(), those with none included.
        QCOMPARE(figures.openByStatus.size(), 6);
        const QList<QPair<RequestStatus, int>> byStatus = {
            {RequestStatus::New, 1},                 // D-07
            {RequestStatus::InProgress, 2},          // D-06, D-13
            {RequestStatus::ClarificationSought, 1}, // D-09
            {RequestStatus::AwaitingReview, 1},      // D-08
            {RequestStatus::Returned, 0},
            {RequestStatus::Approved, 0},
        };
        for (qsizetype i = 0; i < byStatus.size(); ++i) {
            QCOMPARE(figures.openByStatus.at(i).status, byStatus.at(i).first);
            QCOMPARE(figures.openByStatus.at(i).count, byStatus.at(i).second);
        }

        // Most first, then by name; no officer last.
        QCOMPARE(figures.openByOfficer.size(), 3);
        QCOMPARE(figures.openByOfficer.at(0).officer, u"Alice Jones"_s); // D-06, D-08
        QCOMPARE(figures.openByOfficer.at(0).count, 2);
        QCOMPARE(figures.openByOfficer.at(1).officer, u"Bob Smith"_s); // D-09, D-13
        QCOMPARE(figures.openByOfficer.at(1).count, 2);
        QCOMPARE(figures.openByOfficer.at(2).officer, QString()); // D-07
        QCOMPARE(figures.openByOfficer.at(2).count, 1);
    }

    // Each open-request figure is the count of the request list's query for it, so clicking it
    // lists as many requests as it says, and the very ones.
    void figuresAreTheListsCounts()
    {
        const Result<DashboardFigures> counted = DashboardCounter::count(*m_store, Today);
        QVERIFY2(counted.ok(), qPrintable(counted.errorMessage()));
        const auto listed = [this](const RequestQuery &query) {
            QStringList references;
            const auto page = m_store->listRequests(query, 0, 100);
            if (page) {
                for (const RequestSummary &summary : page.value())
                    references.append(summary.reference);
            }
            references.sort();
            return references;
        };
        for (const StatusFigure &figure : counted->openByStatus) {
            const RequestQuery query = DashboardCounter::statusQuery(figure.status);
            QCOMPARE(m_store->countRequests(query).value(), figure.count);
        }
        QCOMPARE(listed(DashboardCounter::statusQuery(RequestStatus::InProgress)),
                 (QStringList{u"D-06"_s, u"D-13"_s}));

        for (const OfficerFigure &figure : counted->openByOfficer) {
            const RequestQuery query = DashboardCounter::officerQuery(figure.officer);
            QCOMPARE(m_store->countRequests(query).value(), figure.count);
        }
        // "alice jones " is Alice Jones; the Sent and Closed ones of hers are not open.
        QCOMPARE(listed(DashboardCounter::officerQuery(u"Alice Jones"_s)),
                 (QStringList{u"D-06"_s, u"D-08"_s}));
        QCOMPARE(listed(DashboardCounter::officerQuery(QString())), QStringList{u"D-07"_s});

        // Nothing open here is past its due date (D-09's clock is stopped for clarification).
        QCOMPARE(counted->overdue, 0);
        QCOMPARE(m_store->countRequests(DashboardCounter::overdueQuery(Today)).value(), 0);
    }

    // Overdue: open and due strictly before today, the list's Overdue view. Blank and missing
    // officers are one "no officer".
    void overdue()
    {
        QTemporaryDir dir;
        auto opened = Store::open(dir.filePath(u"overdue.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        Store &store = *opened.value();
        const QList<Request> log = {
            // Received Mon 7 Sep 2026, due Mon 5 Oct (see D-03): OVERDUE.
            request(u"O-01"_s, QDate(2026, 9, 7), RequestStatus::InProgress, u"Carys Evans"_s),
            // Received Thu 1 Oct 2026, due Thu 29 Oct (see D-01): OVERDUE, officer blanks.
            request(u"O-02"_s, QDate(2026, 10, 1), RequestStatus::AwaitingReview, u"   "_s),
            // Received Mon 2 Nov 2026: 3-6 Nov (1-4), 9-13 (5-9), 16-20 (10-14), 23-27
            // (15-19), Mon 30 Nov (20): due 30 Nov, not overdue.
            request(u"O-03"_s, QDate(2026, 11, 2), RequestStatus::InProgress, u"Carys Evans"_s),
            // Received Tue 1 Sep 2026, due Tue 29 Sep (see D-04), sent late on Wed 30 Sep: late
            // but answered, so not overdue.
            request(u"O-04"_s, QDate(2026, 9, 1), RequestStatus::Sent, u"Carys Evans"_s,
                    QDate(2026, 9, 30)),
            // Received Tue 20 Oct 2026: 21-23 Oct (1-3), 26-30 (4-8), 2-6 Nov (9-13), 9-13
            // (14-18), Mon 16 (19), Tue 17 Nov (20): due 17 Nov: OVERDUE, no officer.
            request(u"O-05"_s, QDate(2026, 10, 20), RequestStatus::New, QString()),
            // Received Fri 23 Oct 2026: 26-30 Oct (1-5), 2-6 Nov (6-10), 9-13 (11-15), 16-20
            // (16-20): due Fri 20 Nov, today: not yet overdue.
            request(u"O-06"_s, QDate(2026, 10, 23), RequestStatus::InProgress, u"Dafydd Rees"_s),
        };
        for (const Request &entry : log)
            QVERIFY2(store.createRequest(entry).ok(), qPrintable(entry.reference));

        const Result<DashboardFigures> counted = DashboardCounter::count(store, Today);
        QVERIFY2(counted.ok(), qPrintable(counted.errorMessage()));
        QCOMPARE(counted->overdue, 3); // O-01, O-02, O-05
        QCOMPARE(counted->open, 5);    // all but O-04

        const auto page = store.listRequests(DashboardCounter::overdueQuery(Today), 0, 100);
        QVERIFY(page.ok());
        QStringList references;
        for (const RequestSummary &summary : page.value())
            references.append(summary.reference);
        references.sort();
        QCOMPARE(references, (QStringList{u"O-01"_s, u"O-02"_s, u"O-05"_s}));

        // A day later O-06 is overdue too.
        const Result<DashboardFigures> tomorrow =
            DashboardCounter::count(store, Today.addDays(1));
        QVERIFY(tomorrow.ok());
        QCOMPARE(tomorrow->overdue, 4);

        QCOMPARE(counted->openByOfficer.size(), 3);
        QCOMPARE(counted->openByOfficer.at(0).officer, u"Carys Evans"_s); // O-01, O-03
        QCOMPARE(counted->openByOfficer.at(0).count, 2);
        QCOMPARE(counted->openByOfficer.at(1).officer, u"Dafydd Rees"_s); // O-06
        QCOMPARE(counted->openByOfficer.at(1).count, 1);
        QCOMPARE(counted->openByOfficer.at(2).officer, QString()); // O-02 (blanks), O-05
        QCOMPARE(counted->openByOfficer.at(2).count, 2);
        QCOMPARE(store.countRequests(DashboardCounter::officerQuery(QString())).value(), 2);
    }

    void answeredInTimeByMonth()
    {
        const Result<DashboardFigures> counted = DashboardCounter::count(*m_store, Today);
        QVERIFY2(counted.ok(), qPrintable(counted.errorMessage()));
        const QList<MonthFigure> &months = counted->months;
        QCOMPARE(months.size(), 12);
        QCOMPARE(months.constFirst().first, QDate(2025, 12, 1));
        QCOMPARE(months.constLast().first, QDate(2026, 11, 1));

        for (const MonthFigure &month : months) {
            const QDate first = month.first;
            if (first == QDate(2026, 9, 1)) {
                QCOMPARE(month.answered, 2); // D-04, D-05
                QCOMPARE(month.inTime, 1);   // D-04
                QCOMPARE(month.late, 1);     // D-05
                QCOMPARE(month.unknown, 0);
                QCOMPARE(*month.shareInTime(), 0.5);
            } else if (first == QDate(2026, 10, 1)) {
                QCOMPARE(month.answered, 3); // D-01, D-02, D-03
                QCOMPARE(month.inTime, 2);   // D-01 (on its due date), D-03 (letter date)
                QCOMPARE(month.late, 1);     // D-02 (one day late)
                QCOMPARE(month.unknown, 0);
                QCOMPARE(*month.shareInTime(), 2.0 / 3.0);
            } else if (first == QDate(2026, 11, 1)) {
                QCOMPARE(month.answered, 1); // D-12
                QCOMPARE(month.inTime, 0);
                QCOMPARE(month.late, 0);
                QCOMPARE(month.unknown, 1); // D-12: no due date, so not in time
                QCOMPARE(*month.shareInTime(), 0.0);
            } else {
                // December 2025 (D-11 was answered in November 2025) to August 2026: none.
                QVERIFY2(month.answered == 0, qPrintable(first.toString(Qt::ISODate)));
                QVERIFY(!month.shareInTime());
            }
        }
    }

    void quarters()
    {
        QCOMPARE(DashboardCounter::lastCompleteQuarter(Today), (Quarter{2026, 3}));
        QCOMPARE(DashboardCounter::lastCompleteQuarter(QDate(2026, 1, 1)), (Quarter{2025, 4}));
        QCOMPARE(DashboardCounter::lastCompleteQuarter(QDate(2026, 3, 31)), (Quarter{2025, 4}));
        QCOMPARE(DashboardCounter::lastCompleteQuarter(QDate(2026, 4, 1)), (Quarter{2026, 1}));
        QCOMPARE(DashboardCounter::firstMonth(QDate(2026, 1, 31)), QDate(2025, 2, 1));

        // 2026Q3: D-03, D-04 and D-05 were received in it.
        const Result<QuarterStats> q3 = QuarterCounter().count(Quarter{2026, 3}, *m_store);
        QVERIFY2(q3.ok(), qPrintable(q3.errorMessage()));
        QCOMPARE(q3->received, 3);
        QCOMPARE(q3->answered, 3);
        QCOMPARE(q3->answeredInTime, 2);      // D-03, D-04
        QCOMPARE(q3->answeredLate, 1);        // D-05
        QCOMPARE(q3->clarificationSought, 1); // D-03
        QCOMPARE(q3->noQuestions, 3);         // none of them has questions

        // 2026Q4: D-01, D-02, D-06 to D-10 and D-13.
        const Result<QuarterStats> q4 = QuarterCounter().count(Quarter{2026, 4}, *m_store);
        QVERIFY2(q4.ok(), qPrintable(q4.errorMessage()));
        QCOMPARE(q4->received, 8);
        QCOMPARE(q4->answered, 2);            // D-01, D-02
        QCOMPARE(q4->answeredInTime, 1);      // D-01
        QCOMPARE(q4->answeredLate, 1);        // D-02
        QCOMPARE(q4->grantedInFull, 1);       // D-01's one question answered
        QCOMPARE(q4->noQuestions, 1);         // D-02
        QCOMPARE(q4->clarificationSought, 1); // D-09
        QCOMPARE(q4->withdrawn, 1);           // D-10

        QCOMPARE(QuarterStatsText::csv(*q3),
                 u"quarter,first_day,last_day,received,answered,answered_in_time,answered_late,"
                 "timeliness_unknown,granted_in_full,granted_in_part,refused_in_full,not_held,"
                 "no_questions,clarification_sought,withdrawn,extended,review_requested,"
                 "review_outcome_given,review_upheld,review_upheld_in_part,review_overturned,"
                 "review_result_not_recorded\n"
                 "2026Q3,2026-07-01,2026-09-30,3,3,2,1,0,0,0,0,0,3,1,0,0,0,0,0,0,0,0\n"_s);
    }

    // The requests of a quarter read in bulk are the requests loadRequest() reads one by one.
    void requestsReceivedBetween()
    {
        Request rich = request(u"D-14"_s, QDate(2026, 10, 20), RequestStatus::InProgress,
                               u"Bob Smith"_s);
        rich.questions = {answered(u"We hold 42 files."_s, {Redaction{8, 2, u"s40(2)"_s}}),
                          answered(u"None."_s)};
        rich.questions[1].disposition = Disposition::NotHeld;
        rich.exemptionReasons.insert(u"s40(2)"_s, ExemptionReasoning{u"Personal data."_s, {}});
        rich.clockEvents = {
            ClockEvent{ClockEventKind::ClarificationSought, QDate(2026, 10, 21), u"Which?"_s, {}}};
        const Result<Request> created = m_store->createRequest(rich);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

        const Result<QList<Request>> read =
            m_store->requestsReceivedBetween(QDate(2026, 10, 1), QDate(2026, 10, 31));
        QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
        QStringList references;
        for (const Request &bulk : read.value()) {
            references.append(bulk.reference);
            const Result<Request> single = m_store->loadRequest(bulk.id);
            QVERIFY(single.ok());
            QCOMPARE(bulk.reference, single->reference);
            QCOMPARE(bulk.revision, single->revision);
            QCOMPARE(bulk.received, single->received);
            QCOMPARE(bulk.status, single->status);
            QCOMPARE(bulk.officer, single->officer);
            QCOMPARE(bulk.responseSent, single->responseSent);
            QCOMPARE(bulk.letterDate, single->letterDate);
            QVERIFY(bulk.questions == single->questions);
            QVERIFY(bulk.clockEvents == single->clockEvents);
            QVERIFY(bulk.exemptionReasons == single->exemptionReasons);
        }
        // Oldest first, then in the order they were stored.
        QCOMPARE(references,
                 (QStringList{u"D-01"_s, u"D-02"_s, u"D-10"_s, u"D-14"_s}));
        QCOMPARE(read->at(3).questions.size(), 2);
        QCOMPARE(read->at(3).questions.at(0).redactions.size(), 1);
        QCOMPARE(read->at(3).clockEvents.size(), 1);

        QVERIFY(m_store->deleteRequest(created->id, created->revision).ok());
    }

    void emptyLog()
    {
        QTemporaryDir dir;
        auto opened = Store::open(dir.filePath(u"empty.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        const Result<DashboardFigures> counted = DashboardCounter::count(*opened.value(), Today);
        QVERIFY(counted.ok());
        QVERIFY(counted->isEmpty());
        QCOMPARE(counted->open, 0);
        QCOMPARE(counted->months.size(), 12);
        QVERIFY(counted->openByOfficer.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDashboardFigures)
#include "tst_dashboardfigures.moc"
