#pragma once

#include "calendar/StatutoryClock.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace foidesk {

class Store;

// A calendar quarter: "2026Q3" is 1 July to 30 September 2026.
struct Quarter
{
    int year = 0;
    int number = 0; // 1 to 4

    QDate first() const { return QDate(year, 3 * number - 2, 1); }
    QDate last() const { return first().addMonths(3).addDays(-1); }
    bool contains(const QDate &date) const
    {
        return date.isValid() && date >= first() && date <= last();
    }
    QString text() const; // "2026Q3"

    // "2026Q3" (also "2026q3" and "2026-Q3"); std::nullopt for anything else, including a
    // year outside 1900 to 9999.
    static std::optional<Quarter> parse(QStringView text);

    bool operator==(const Quarter &) const = default;
};

// How a request that was answered came out, from its questions' dispositions.
enum class Outcome
{
    None,          // not answered (not Sent or Closed), or answered with no questions
    GrantedInFull, // nothing withheld, and not every question was "not held"
    GrantedInPart, // something given and something withheld
    RefusedInFull, // something withheld and nothing given
    NotHeld,       // every question "not held"
};

// The figures the section 45 Code of Practice asks authorities to publish for a quarter.
// Every count is of the requests RECEIVED in the quarter (Request::received between its first
// and last day, both included), whatever happened to them later: so the figures of a quarter
// grow until its last request is answered. Each request counts at most once in each line.
// Requests under every regime (FOIA, EIR, FOISA, EIRS) are counted together.
struct QuarterStats
{
    Quarter quarter;

    // Requests received in the quarter.
    int received = 0;
    // Answered: status Sent or Closed, with a response date: Request::responseSent, or the
    // letter date when responseSent is not recorded.
    int answered = 0;
    // Answered on or before the due date that calendar/StatutoryClock works out from the date
    // received and the clock events (clarifications, fees notices, a public interest extension
    // under FOIA s10(3) with its estimated date, an EIR reg 7 extension): the same due date the
    // window and "foidesk show" give.
    int answeredInTime = 0;
    // Answered after that due date.
    int answeredLate = 0;
    // Answered, but the clock could not give a due date (its events are in an order the law
    // does not allow, it is stopped, or the holiday data does not reach the day): neither in
    // time nor late.
    int timelinessUnknown = 0;

    // The outcome of answered requests (see outcomeOf()). answered = the four outcomes plus
    // noQuestions.
    int grantedInFull = 0;
    int grantedInPart = 0;
    int refusedInFull = 0;
    int notHeld = 0;
    int noQuestions = 0; // answered, but the log has no questions to decide the outcome from

    // Requests with a "clarification sought" clock event, or whose status is Clarification
    // sought.
    int clarificationSought = 0;
    // Requests whose status is Withdrawn.
    int withdrawn = 0;
    // Requests with a public interest extension (FOIA s10(3)) or an EIR reg 7 extension.
    int extended = 0;
    // Requests with an "internal review requested" clock event.
    int reviewRequested = 0;
    // Requests with an "internal review outcome" clock event.
    int reviewOutcomeGiven = 0;
    // Those requests by the result of the review. When a request has more than one outcome
    // event, the latest (in date order, inDateOrder()) decides. reviewOutcomeGiven =
    // reviewUpheld + reviewUpheldInPart + reviewOverturned + reviewResultNotRecorded.
    int reviewUpheld = 0;
    int reviewUpheldInPart = 0; // upheld in part: some information released after the review
    int reviewOverturned = 0;
    int reviewResultNotRecorded = 0; // the outcome was recorded without its result
};

// The latest internal review outcome of a request, in date order (inDateOrder(): of two on the
// same day, the one listed last); std::nullopt when it has none.
std::optional<ClockEvent> latestReviewOutcome(const Request &request);

// The outcome of one request (Outcome::None unless it is Sent or Closed with questions).
// A question gives information when its disposition is Answered or PartWithheld; it withholds
// when it is Withheld, PartWithheld or NeitherConfirmNorDeny, or Answered with redactions. Then:
// every question NotHeld -> NotHeld; nothing withheld -> GrantedInFull (questions not held may
// be among the others: everything held was given); something withheld and something given ->
// GrantedInPart; something withheld and nothing given -> RefusedInFull.
Outcome outcomeOf(const Request &request);

// The day a request was answered: responseSent, else the letter date, for a Sent or Closed
// request; an invalid date otherwise.
QDate answeredOn(const Request &request);

class QuarterCounter
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::QuarterCounter)

public:
    explicit QuarterCounter(const StatutoryClock &clock = StatutoryClock());

    // The figures of requests; those not received in the quarter are skipped.
    QuarterStats count(const Quarter &quarter, const QList<Request> &requests) const;
    // The figures of the requests of a log.
    Result<QuarterStats> count(const Quarter &quarter, const Store &store) const;

private:
    StatutoryClock m_clock;
};

} // namespace foidesk
