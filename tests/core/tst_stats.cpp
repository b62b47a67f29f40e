// The quarterly figures of the section 45 Code of Practice (stats/QuarterStats.h) and
// `foidesk stats`: a log of sixteen requests whose figures for 2026Q3 were worked out by hand
// below, request by request, before the code counted them.
//
// Working days: the twentieth working day after the day of receipt (the day of receipt is day
// 0), skipping Saturdays, Sundays and bank holidays of England and Wales. The only bank holiday
// of England and Wales between July and October 2026 is the Summer bank holiday, Monday 31
// August 2026 (gov.uk/bank-holidays, "England and Wales", 2026; the same day is in
// resources/data/bank-holidays.json). 1 July 2026 is a Wednesday.

#include "cli/CommandLine.h"
#include "stats/QuarterStats.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace foidesk;
using namespace foidesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString RequesterName = u"Gwenllian Prydderch"_s;
const QString RequesterEmail = u"g.prydderch@example.org"_s;

Question withDisposition(Disposition disposition, const QString &answer = u"An answer."_s)
{
    Question question = makeQuestion(QString(), QString(), u"A question?"_s, answer);
    question.disposition = disposition;
    if (disposition == Disposition::Withheld || disposition == Disposition::PartWithheld
        || disposition == Disposition::NeitherConfirmNorDeny)
        question.exemptions = {u"s43(2)"_s};
    if (disposition == Disposition::PartWithheld)
        question.redactions = {Redaction{0, 2, u"s43(2)"_s}};
    return question;
}

ClockEvent clockEvent(ClockEventKind kind, const QDate &date, const QString &note = {})
{
    return ClockEvent{kind, date, note, QDate()};
}

ClockEvent reviewOutcome(const QDate &date, std::optional<ReviewResult> result)
{
    ClockEvent event = clockEvent(ClockEventKind::InternalReviewOutcome, date);
    event.reviewResult = result;
    return event;
}

// A request with the requester's details filled in, so that the output can be searched for them.
Request request(const QString &reference,
                const QDate &received,
                RequestStatus status,
                const QDate &sent = QDate())
{
    Request result = RequestBuilder(reference, received)
                         .title(u"Figures "_s + reference)
                         .requester(RequesterName)
                         .build();
    result.requester.email = RequesterEmail;
    result.requester.address = u"1 Heol y Dref, Aberaeron"_s;
    result.status = status;
    result.responseSent = sent;
    return result;
}

// The log, with each request's expected place in the 2026Q3 figures.
QList<Request> theLog()
{
    QList<Request> log;

    // Q3-01, FOIA, received Wed 1 Jul 2026. Working days: Thu 2 Jul (1), Fri 3 (2), 6-10 Jul
    // (3-7), 13-17 (8-12), 20-24 (13-17), Mon 27 (18), Tue 28 (19), Wed 29 Jul (20): due
    // 29 Jul. Sent 29 Jul: in time. Every question answered: granted in full.
    Request r = request(u"Q3-01"_s, QDate(2026, 7, 1), RequestStatus::Sent, QDate(2026, 7, 29));
    r.questions = {withDisposition(Disposition::Answered), withDisposition(Disposition::Answered)};
    log.append(r);

    // Q3-02, FOIA, received Mon 17 Aug 2026. Tue 18 - Fri 21 Aug (1-4), 24-28 Aug (5-9), Mon
    // 31 Aug is the Summer bank holiday (skipped), Tue 1 - Fri 4 Sep (10-13), 7-11 Sep (14-18),
    // Mon 14 (19), Tue 15 Sep (20): due 15 Sep. Sent 16 Sep: late (without the bank holiday it
    // would be due on the 14th, so the holiday is counted). One answered, one withheld:
    // granted in part.
    r = request(u"Q3-02"_s, QDate(2026, 8, 17), RequestStatus::Sent, QDate(2026, 9, 16));
    r.questions = {withDisposition(Disposition::Answered), withDisposition(Disposition::Withheld)};
    log.append(r);

    // Q3-03, FOIA, received Thu 2 Jul 2026. Fri 3 Jul (1), 6-10 (2-6), 13-17 (7-11), 20-24
    // (12-16), Mon 27 - Thu 30 Jul (17-20): statutory due 30 Jul. A public interest extension
    // (s10(3)) given on 20 Jul, within the twenty days, estimating Thu 27 Aug (exactly twenty
    // further working days: Fri 31 Jul (1), 3-7 Aug (2-6), 10-14 (7-11), 17-21 (12-16), 24-27
    // (17-20), so no warning): due 27 Aug. Sent 27 Aug: in time, and extended. One withheld,
    // one neither confirmed nor denied, nothing given: refused in full.
    r = request(u"Q3-03"_s, QDate(2026, 7, 2), RequestStatus::Sent, QDate(2026, 8, 27));
    ClockEvent extension = clockEvent(ClockEventKind::PublicInterestExtension, QDate(2026, 7, 20));
    extension.estimatedDate = QDate(2026, 8, 27);
    r.clockEvents = {extension};
    r.questions = {withDisposition(Disposition::Withheld),
                   withDisposition(Disposition::NeitherConfirmNorDeny)};
    log.append(r);

    // Q3-04, EIR, received Mon 3 Aug 2026, a reg 7 extension on Mon 10 Aug: forty working
    // days. Tue 4 - Fri 7 Aug (1-4), 10-14 (5-9), 17-21 (10-14), 24-28 (15-19), 31 Aug bank
    // holiday skipped, 1-4 Sep (20-23), 7-11 (24-28), 14-18 (29-33), 21-25 (34-38), Mon 28
    // (39), Tue 29 Sep (40): due 29 Sep. Sent 28 Sep: in time, and extended. Every question
    // not held: information not held.
    r = request(u"Q3-04"_s, QDate(2026, 8, 3), RequestStatus::Closed, QDate(2026, 9, 28));
    r.regime = Regime::EIR;
    r.clockEvents = {clockEvent(ClockEventKind::EirExtension, QDate(2026, 8, 10))};
    r.questions = {withDisposition(Disposition::NotHeld, QString()),
                   withDisposition(Disposition::NotHeld, QString())};
    log.append(r);

    // Q3-05, FOIA, received Mon 6 Jul 2026 (due Mon 3 Aug without clarification: 7-10 Jul
    // (1-4), 13-17 (5-9), 20-24 (10-14), 27-31 (15-19), 3 Aug (20)). Clarification sought Tue
    // 7 Jul and received Mon 13 Jul: a fresh twenty days, 14-17 Jul (1-4), 20-24 (5-9), 27-31
    // (10-14), 3-7 Aug (15-19), Mon 10 Aug (20): due 10 Aug. Sent Fri 7 Aug: in time (late
    // against the first due date, so the clarification is counted). One answered, one not
    // held, nothing withheld: granted in full. Clarification sought.
    r = request(u"Q3-05"_s, QDate(2026, 7, 6), RequestStatus::Sent, QDate(2026, 8, 7));
    r.clockEvents = {clockEvent(ClockEventKind::ClarificationSought, QDate(2026, 7, 7)),
                     clockEvent(ClockEventKind::ClarificationReceived, QDate(2026, 7, 13))};
    r.questions = {withDisposition(Disposition::Answered),
                   withDisposition(Disposition::NotHeld, QString())};
    log.append(r);

    // Q3-06, received Wed 8 Jul 2026, clarification sought Thu 9 Jul, never given: withdrawn.
    // Clarification sought, withdrawn; not answered.
    r = request(u"Q3-06"_s, QDate(2026, 7, 8), RequestStatus::Withdrawn);
    r.clockEvents = {clockEvent(ClockEventKind::ClarificationSought, QDate(2026, 7, 9))};
    r.questions = {withDisposition(Disposition::Answered, QString())};
    log.append(r);

    // Q3-07, received Tue 15 Sep 2026, still in progress: received only.
    r = request(u"Q3-07"_s, QDate(2026, 9, 15), RequestStatus::InProgress);
    r.questions = {withDisposition(Disposition::Answered, QString())};
    log.append(r);

    // Q3-08, received Wed 30 Sep 2026, the quarter's last day: counted. Thu 1 - Fri 2 Oct
    // (1-2), 5-9 (3-7), 12-16 (8-12), 19-23 (13-17), Mon 26 - Wed 28 Oct (18-20): due 28 Oct.
    // Sent with no date of sending recorded: the letter date, Thu 1 Oct, counts: in time. The
    // one question is answered with a redacted passage: granted in part.
    r = request(u"Q3-08"_s, QDate(2026, 9, 30), RequestStatus::Sent);
    r.letterDate = QDate(2026, 10, 1);
    Question redacted = withDisposition(Disposition::Answered, u"Paid to Acme Ltd."_s);
    redacted.redactions = {Redaction{8, 8, u"s43(2)"_s}};
    redacted.exemptions = {u"s43(2)"_s};
    r.questions = {redacted};
    log.append(r);

    // Q3-09, FOIA, received Fri 10 Jul 2026. 13-17 Jul (1-5), 20-24 (6-10), 27-31 (11-15),
    // 3-7 Aug (16-20): due Fri 7 Aug. Sent 7 Aug, the due day itself: in time. Part withheld:
    // granted in part. Internal review asked for on 20 Aug, outcome sent 10 Sep, the original
    // decision upheld: review requested, outcome given, upheld.
    r = request(u"Q3-09"_s, QDate(2026, 7, 10), RequestStatus::Closed, QDate(2026, 8, 7));
    ClockEvent upheld = reviewOutcome(QDate(2026, 9, 10), ReviewResult::Upheld);
    upheld.note = u"Sent by email"_s;
    r.clockEvents = {clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 8, 20)),
                     upheld};
    r.questions = {withDisposition(Disposition::PartWithheld)};
    log.append(r);

    // Q3-10, FOIA, received Mon 20 Jul 2026 (due Mon 17 Aug), sent Thu 30 Jul: in time.
    // Answered: granted in full. Internal review asked for on 5 Aug, no outcome yet: review
    // requested only.
    r = request(u"Q3-10"_s, QDate(2026, 7, 20), RequestStatus::Sent, QDate(2026, 7, 30));
    r.clockEvents = {clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 8, 5))};
    r.questions = {withDisposition(Disposition::Answered)};
    log.append(r);

    // Q3-11, FOIA, received Tue 1 Sep 2026 (due Tue 29 Sep), sent Wed 2 Sep with a combined
    // response and no questions: in time, but no outcome can be read: "no questions".
    r = request(u"Q3-11"_s, QDate(2026, 9, 1), RequestStatus::Sent, QDate(2026, 9, 2));
    r.combinedResponse = u"See the attached table."_s;
    log.append(r);

    // Q3-12, FOIA, received Mon 13 Jul 2026. 14-17 Jul (1-4), 20-24 (5-9), 27-31 (10-14), 3-7
    // Aug (15-19), Mon 10 Aug (20): due 10 Aug. Sent Wed 22 Jul: in time. Answered: granted in
    // full. Two reviews: the first asked for on 3 Aug and upheld on 18 Aug, the second asked
    // for on 24 Aug and overturned on 9 Sep. The latest outcome decides: overturned (listed
    // here before the earlier one, so that the date decides, not the place in the list).
    r = request(u"Q3-12"_s, QDate(2026, 7, 13), RequestStatus::Closed, QDate(2026, 7, 22));
    r.clockEvents = {reviewOutcome(QDate(2026, 9, 9), ReviewResult::Overturned),
                     clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 8, 24)),
                     reviewOutcome(QDate(2026, 8, 18), ReviewResult::Upheld),
                     clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 8, 3))};
    r.questions = {withDisposition(Disposition::Answered)};
    log.append(r);

    // Q3-13, FOIA, received Tue 14 Jul 2026. 15-17 Jul (1-3), 20-24 (4-8), 27-31 (9-13), 3-7
    // Aug (14-18), Mon 10 (19), Tue 11 Aug (20): due 11 Aug. Sent Fri 24 Jul: in time. Part
    // withheld: granted in part. Review asked for on 27 Jul, outcome 17 Aug: upheld in part.
    r = request(u"Q3-13"_s, QDate(2026, 7, 14), RequestStatus::Closed, QDate(2026, 7, 24));
    r.clockEvents = {clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 7, 27)),
                     reviewOutcome(QDate(2026, 8, 17), ReviewResult::UpheldInPart)};
    r.questions = {withDisposition(Disposition::PartWithheld)};
    log.append(r);

    // Q3-14, FOIA, received Wed 15 Jul 2026. 16-17 Jul (1-2), 20-24 (3-7), 27-31 (8-12), 3-7
    // Aug (13-17), Mon 10 - Wed 12 Aug (18-20): due 12 Aug. Sent Mon 27 Jul: in time.
    // Answered: granted in full. Review asked for on 28 Jul, outcome 25 Aug recorded without
    // its result, as in logs from before results were kept: result not recorded.
    r = request(u"Q3-14"_s, QDate(2026, 7, 15), RequestStatus::Sent, QDate(2026, 7, 27));
    r.clockEvents = {clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 7, 28)),
                     reviewOutcome(QDate(2026, 8, 25), std::nullopt)};
    r.questions = {withDisposition(Disposition::Answered)};
    log.append(r);

    // Q2-LAST, received Tue 30 Jun 2026, the day before the quarter: not counted, though it
    // was sent, extended and reviewed (overturned on 5 Aug) within the quarter.
    r = request(u"Q2-LAST"_s, QDate(2026, 6, 30), RequestStatus::Sent, QDate(2026, 7, 20));
    extension = clockEvent(ClockEventKind::PublicInterestExtension, QDate(2026, 7, 6));
    extension.estimatedDate = QDate(2026, 8, 3);
    r.clockEvents = {extension,
                     clockEvent(ClockEventKind::InternalReviewRequested, QDate(2026, 7, 22)),
                     reviewOutcome(QDate(2026, 8, 5), ReviewResult::Overturned)};
    r.questions = {withDisposition(Disposition::Withheld)};
    log.append(r);

    // Q4-FIRST, received Thu 1 Oct 2026, the day after: not counted.
    r = request(u"Q4-FIRST"_s, QDate(2026, 10, 1), RequestStatus::Withdrawn);
    r.clockEvents = {clockEvent(ClockEventKind::ClarificationSought, QDate(2026, 10, 2))};
    log.append(r);

    return log;
}

// The totals of the requests above, 2026Q3:
// received 14 (Q3-01 to Q3-14); answered 12 (all but Q3-06 and Q3-07); in time 11 (Q3-01, 03,
// 04, 05, 08, 09, 10, 11, 12, 13, 14), late 1 (Q3-02), no due date 0; granted in full 5
// (Q3-01, 05, 10, 12, 14), in part 4 (Q3-02, 08, 09, 13), refused 1 (Q3-03), not held 1
// (Q3-04), no questions 1 (Q3-11); clarification sought 2 (Q3-05, 06); withdrawn 1 (Q3-06);
// extended 2 (Q3-03, 04); review requested 5 (Q3-09, 10, 12, 13, 14); review outcome given 4
// (Q3-09, 12, 13, 14): upheld 1 (Q3-09; Q3-12's first review was upheld, but its latest was
// not), upheld in part 1 (Q3-13), overturned 1 (Q3-12), result not recorded 1 (Q3-14).
void checkQ3(const QuarterStats &stats)
{
    QCOMPARE(stats.quarter, (Quarter{2026, 3}));
    QCOMPARE(stats.received, 14);
    QCOMPARE(stats.answered, 12);
    QCOMPARE(stats.answeredInTime, 11);
    QCOMPARE(stats.answeredLate, 1);
    QCOMPARE(stats.timelinessUnknown, 0);
    QCOMPARE(stats.grantedInFull, 5);
    QCOMPARE(stats.grantedInPart, 4);
    QCOMPARE(stats.refusedInFull, 1);
    QCOMPARE(stats.notHeld, 1);
    QCOMPARE(stats.noQuestions, 1);
    QCOMPARE(stats.clarificationSought, 2);
    QCOMPARE(stats.withdrawn, 1);
    QCOMPARE(stats.extended, 2);
    QCOMPARE(stats.reviewRequested, 5);
    QCOMPARE(stats.reviewOutcomeGiven, 4);
    QCOMPARE(stats.reviewUpheld, 1);            // Q3-09
    QCOMPARE(stats.reviewUpheldInPart, 1);      // Q3-13
    QCOMPARE(stats.reviewOverturned, 1);        // Q3-12, its latest review
    QCOMPARE(stats.reviewResultNotRecorded, 1); // Q3-14
}

} // namespace

class TestStats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString logPath() const { return m_dir.filePath(u"stats.sqlite"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Store::open(logPath());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        const std::unique_ptr<Store> store = std::move(opened).value();
        for (const Request &entry : theLog()) {
            const Result<Request> created = store->createRequest(entry);
            QVERIFY2(created.ok(), qPrintable(entry.reference + u": "_s + created.errorMessage()));
        }
    }

    void quarters()
    {
        const std::optional<Quarter> q3 = Quarter::parse(u"2026Q3");
        QVERIFY(q3);
        QCOMPARE(q3->first(), QDate(2026, 7, 1));
        QCOMPARE(q3->last(), QDate(2026, 9, 30));
        QCOMPARE(q3->text(), u"2026Q3"_s);
        QCOMPARE(Quarter::parse(u"2026q1")->last(), QDate(2026, 3, 31));
        QCOMPARE(Quarter::parse(u"2024-Q1")->last(), QDate(2024, 3, 31));
        QCOMPARE(Quarter::parse(u"2026Q4")->last(), QDate(2026, 12, 31));
        QCOMPARE(Quarter::parse(u"2026Q2")->last(), QDate(2026, 6, 30));
        for (const QString &bad :
             {u"2026Q5"_s, u"2026Q0"_s, u"Q3 2026"_s, u"2026"_s, u"26Q3"_s, u"1899Q4"_s, QString()})
            QVERIFY2(!Quarter::parse(bad), qPrintable(bad));
    }

    void outcomes()
    {
        Request r = request(u"X"_s, QDate(2026, 7, 1), RequestStatus::Sent, QDate(2026, 7, 2));
        r.questions = {withDisposition(Disposition::Answered)};
        QCOMPARE(outcomeOf(r), Outcome::GrantedInFull);
        r.questions.append(withDisposition(Disposition::NotHeld, QString()));
        QCOMPARE(outcomeOf(r), Outcome::GrantedInFull);
        r.questions.append(withDisposition(Disposition::NeitherConfirmNorDeny));
        QCOMPARE(outcomeOf(r), Outcome::GrantedInPart);
        r.questions = {withDisposition(Disposition::NotHeld, QString()),
                       withDisposition(Disposition::Withheld)};
        QCOMPARE(outcomeOf(r), Outcome::RefusedInFull);
        r.questions = {withDisposition(Disposition::NotHeld, QString())};
        QCOMPARE(outcomeOf(r), Outcome::NotHeld);
        r.status = RequestStatus::Approved; // not sent: no outcome yet
        QCOMPARE(outcomeOf(r), Outcome::None);
    }

    void countsOfAList() { checkQ3(QuarterCounter().count(Quarter{2026, 3}, theLog())); }

    void countsOfTheLog()
    {
        auto opened = Store::open(logPath());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        const Result<QuarterStats> stats =
            QuarterCounter().count(Quarter{2026, 3}, *opened.value());
        QVERIFY2(stats.ok(), qPrintable(stats.errorMessage()));
        checkQ3(stats.value());

        // The neighbouring quarters each hold one request of the log.
        const Result<QuarterStats> q2 = QuarterCounter().count(Quarter{2026, 2}, *opened.value());
        QCOMPARE(q2->received, 1);
        QCOMPARE(q2->extended, 1);
        QCOMPARE(q2->refusedInFull, 1);
        QCOMPARE(q2->reviewOutcomeGiven, 1);
        QCOMPARE(q2->reviewOverturned, 1);
        const Result<QuarterStats> q4 = QuarterCounter().count(Quarter{2026, 4}, *opened.value());
        QCOMPARE(q4->received, 1);
        QCOMPARE(q4->withdrawn, 1);
        QCOMPARE(q4->answered, 0);
    }

    // A sent request whose clock is stopped (a clarification sought and never received) has
    // no due date: it is neither in time nor late. The store refuses some such logs, so the
    // list is counted directly.
    void noDueDate()
    {
        Request r = request(u"S"_s, QDate(2026, 7, 1), RequestStatus::Sent, QDate(2026, 7, 20));
        r.clockEvents = {clockEvent(ClockEventKind::ClarificationSought, QDate(2026, 7, 2))};
        r.questions = {withDisposition(Disposition::Answered)};
        const QuarterStats stats = QuarterCounter().count(Quarter{2026, 3}, {r});
        QCOMPARE(stats.answered, 1);
        QCOMPARE(stats.answeredInTime, 0);
        QCOMPARE(stats.answeredLate, 0);
        QCOMPARE(stats.timelinessUnknown, 1);
    }

    void commandLine()
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const auto run = [&](const QStringList &args) {
            out.clear();
            err.clear();
            const int code = CommandLine::run(args, outStream, errStream, QDate(2026, 12, 3));
            outStream.flush();
            errStream.flush();
            return code;
        };

        QCOMPARE(run({u"--db"_s, logPath(), u"stats"_s, u"--quarter"_s, u"2026Q3"_s}), 0);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 u"Quarter 2026Q3: requests received 1 July 2026 to 30 September 2026"_s);
        QCOMPARE(lines.size(), 20);
        const auto lineOf = [&](const QString &label) {
            for (const QString &line : lines) {
                if (line.trimmed().startsWith(label))
                    return line.simplified();
            }
            return QString();
        };
        QCOMPARE(lineOf(u"Requests received"_s), u"Requests received 14"_s);
        QCOMPARE(lineOf(u"Answered"_s), u"Answered (sent or closed) 12"_s);
        QCOMPARE(lineOf(u"in time"_s), u"in time (by the due date, extensions included) 11"_s);
        QCOMPARE(lineOf(u"late"_s), u"late 1"_s);
        QCOMPARE(lineOf(u"granted in part"_s), u"granted in part 4"_s);
        QCOMPARE(lineOf(u"refused in full"_s), u"refused in full 1"_s);
        QCOMPARE(lineOf(u"information not held"_s), u"information not held 1"_s);
        QCOMPARE(lineOf(u"Internal review outcome"_s), u"Internal review outcome given 4"_s);
        // The results, the last four lines, indented under the outcomes given.
        QStringList results;
        for (const QString &line : lines.mid(16))
            results.append(line.simplified());
        QCOMPARE(results,
                 (QStringList{u"original decision upheld 1"_s,
                              u"upheld in part (some information released) 1"_s,
                              u"overturned 1"_s,
                              u"result not recorded 1"_s}));
        QVERIFY(lines.at(15).startsWith(u"Internal review outcome given"_s));
        QVERIFY(lines.at(16).startsWith(u"  original decision upheld"_s));
        // The counts line up in one column.
        QCOMPARE(lines.at(1).size(), lines.at(2).size());
        QCOMPARE(lines.at(1).size(), lines.last().size());

        QCOMPARE(run({u"--db"_s, logPath(), u"stats"_s, u"--quarter"_s, u"2026Q3"_s, u"--csv"_s}),
                 0);
        QCOMPARE(out,
                 u"quarter,first_day,last_day,received,answered,answered_in_time,answered_late,"
                 "timeliness_unknown,granted_in_full,granted_in_part,refused_in_full,not_held,"
                 "no_questions,clarification_sought,withdrawn,extended,review_requested,"
                 "review_outcome_given,review_upheld,review_upheld_in_part,review_overturned,"
                 "review_result_not_recorded\n"
                 "2026Q3,2026-07-01,2026-09-30,14,12,11,1,0,5,4,1,1,1,2,1,2,5,4,1,1,1,1\n"_s);

        // Only counts: no reference, title or requester's detail.
        for (const QStringList &args : {QStringList{u"--quarter"_s, u"2026Q3"_s},
                                        QStringList{u"--quarter"_s, u"2026Q3"_s, u"--csv"_s}}) {
            QCOMPARE(run(QStringList{u"--db"_s, logPath(), u"stats"_s} + args), 0);
            for (const QString &personal : {RequesterName,
                                            RequesterEmail,
                                            u"Aberaeron"_s,
                                            u"Q3-"_s,
                                            u"Figures"_s,
                                            u"Sent by email"_s})
                QVERIFY2(!out.contains(personal), qPrintable(personal));
        }

        QCOMPARE(run({u"--db"_s, logPath(), u"stats"_s, u"--quarter"_s, u"2026-09"_s}),
                 int(CommandLine::BadInput));
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains(u"\"2026-09\" is not a quarter"_s), qPrintable(err));
        QVERIFY2(err.contains(u"YYYYQn, e.g. 2026Q3"_s), qPrintable(err));
        QCOMPARE(run({u"--db"_s, logPath(), u"stats"_s}), int(CommandLine::UsageError));
        QVERIFY2(err.contains(u"--quarter"_s), qPrintable(err));
        QCOMPARE(run({u"--db"_s, logPath(), u"stats"_s, u"--quarter"_s}),
                 int(CommandLine::UsageError));
        QCOMPARE(run({u"--db"_s, logPath(), u"stats"_s, u"--quarter"_s, u"2026Q3"_s, u"--json"_s}),
                 int(CommandLine::UsageError));
    }

    void help()
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QCOMPARE(
            CommandLine::run({u"help"_s, u"stats"_s}, outStream, errStream, QDate(2026, 12, 3)), 0);
        outStream.flush();
        QVERIFY2(out.startsWith(u"Usage: foidesk [--db FILE] stats --quarter YYYYQn [--csv]"_s),
                 qPrintable(out));
        QVERIFY(out.contains(u"RECEIVED in a quarter"_s));
        out.clear();
        QCOMPARE(CommandLine::run({u"--help"_s}, outStream, errStream, QDate(2026, 12, 3)), 0);
        outStream.flush();
        QVERIFY2(out.contains(u"\n  stats --quarter YYYYQn [--csv]\n"_s), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
