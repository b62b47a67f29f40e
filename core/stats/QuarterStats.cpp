#include "stats/QuarterStats.h"

#include "store/Store.h"

#include <QRegularExpression>
#include <algorithm>

namespace foidesk {

namespace {

bool answeredStatus(RequestStatus status)
{
    return status == RequestStatus::Sent || status == RequestStatus::Closed;
}

bool hasEvent(const Request &request, std::initializer_list<ClockEventKind> kinds)
{
    return std::any_of(
        request.clockEvents.begin(), request.clockEvents.end(), [&](const ClockEvent &event) {
            return std::find(kinds.begin(), kinds.end(), event.kind) != kinds.end();
        });
}

} // namespace

QString Quarter::text() const
{
    return QStringLiteral("%1Q%2").arg(year).arg(number);
}

std::optional<Quarter> Quarter::parse(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-?[Qq]([1-4])$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    const int year = match.capturedView(1).toInt();
    if (year < 1900)
        return std::nullopt;
    return Quarter{year, match.capturedView(2).toInt()};
}

std::optional<ClockEvent> latestReviewOutcome(const Request &request)
{
    std::optional<ClockEvent> latest;
    for (const ClockEvent &event : inDateOrder(request.clockEvents)) {
        if (event.kind == ClockEventKind::InternalReviewOutcome)
            latest = event;
    }
    return latest;
}

QDate answeredOn(const Request &request)
{
    if (!answeredStatus(request.status))
        return QDate();
    return request.responseSent.isValid() ? request.responseSent : request.letterDate;
}

Outcome outcomeOf(const Request &request)
{
    if (!answeredStatus(request.status) || request.questions.isEmpty())
        return Outcome::None;
    bool gives = false;
    bool withholds = false;
    bool allNotHeld = true;
    for (const Question &question : request.questions) {
        switch (question.disposition) {
        case Disposition::Answered:
            gives = true;
            withholds = withholds || !question.redactions.isEmpty();
            break;
        case Disposition::PartWithheld:
            gives = true;
            withholds = true;
            break;
        case Disposition::Withheld:
        case Disposition::NeitherConfirmNorDeny:
            withholds = true;
            break;
        case Disposition::NotHeld:
            break;
        }
        allNotHeld = allNotHeld && question.disposition == Disposition::NotHeld;
    }
    if (allNotHeld)
        return Outcome::NotHeld;
    if (!withholds)
        return Outcome::GrantedInFull;
    return gives ? Outcome::GrantedInPart : Outcome::RefusedInFull;
}

QuarterCounter::QuarterCounter(const StatutoryClock &clock)
    : m_clock(clock)
{}

QuarterStats QuarterCounter::count(const Quarter &quarter, const QList<Request> &requests) const
{
    QuarterStats stats;
    stats.quarter = quarter;
    for (const Request &request : requests) {
        if (!quarter.contains(request.received))
            continue;
        ++stats.received;

        const QDate answered = answeredOn(request);
        if (answered.isValid()) {
            ++stats.answered;
            const Result<ClockWorking> working = m_clock.work(request);
            if (!working || !working->due.isValid())
                ++stats.timelinessUnknown;
            else if (answered <= working->due)
                ++stats.answeredInTime;
            else
                ++stats.answeredLate;

            switch (outcomeOf(request)) {
            case Outcome::GrantedInFull:
                ++stats.grantedInFull;
                break;
            case Outcome::GrantedInPart:
                ++stats.grantedInPart;
                break;
            case Outcome::RefusedInFull:
                ++stats.refusedInFull;
                break;
            case Outcome::NotHeld:
                ++stats.notHeld;
                break;
            case Outcome::None:
                ++stats.noQuestions;
                break;
            }
        }

        if (request.status == RequestStatus::ClarificationSought
            || hasEvent(request, {ClockEventKind::ClarificationSought}))
            ++stats.clarificationSought;
        if (request.status == RequestStatus::Withdrawn)
            ++stats.withdrawn;
        if (hasEvent(request,
                     {ClockEventKind::PublicInterestExtension, ClockEventKind::EirExtension}))
            ++stats.extended;
        if (hasEvent(request, {ClockEventKind::InternalReviewRequested}))
            ++stats.reviewRequested;
        if (const std::optional<ClockEvent> review = latestReviewOutcome(request)) {
            ++stats.reviewOutcomeGiven;
            if (!review->reviewResult) {
                ++stats.reviewResultNotRecorded;
            } else {
                switch (*review->reviewResult) {
                case ReviewResult::Upheld:
                    ++stats.reviewUpheld;
                    break;
                case ReviewResult::UpheldInPart:
                    ++stats.reviewUpheldInPart;
                    break;
                case ReviewResult::Overturned:
                    ++stats.reviewOverturned;
                    break;
                }
            }
        }
    }
    return stats;
}

Result<QuarterStats> QuarterCounter::count(const Quarter &quarter, const Store &store) const
{
    // Only the requests received in the quarter are read, all at once.
    const Result<QList<Request>> requests =
        store.requestsReceivedBetween(quarter.first(), quarter.last());
    if (!requests)
        return requests.error();
    return count(quarter, requests.value());
}

} // namespace foidesk
