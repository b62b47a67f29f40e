#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace foidesk {

// Something that happened to a request and moves or explains its statutory clock. Plain data:
// what each kind does to the deadline is decided in calendar/StatutoryClock.
enum class ClockEventKind
{
    ClarificationSought,     // the clock stops until the clarification arrives
    ClarificationReceived,   // a fresh twenty working days from this day (FOIA s1(3), s10(6)(b))
    FeesNoticeIssued,        // the days until the fee is paid are disregarded (FOIA s10(2))
    FeePaid,                 // ends the disregard of the last fees notice
    PublicInterestExtension, // FOIA s10(3): estimatedDate is the date the officer gave
    EirExtension,            // EIR reg 7 / EIRS reg 7: forty working days instead of twenty
    InternalReviewRequested, // the requester asked for an internal review (FOISA s20)
    InternalReviewOutcome,   // the review's result was sent
    ComplaintToCommissioner, // the requester complained to the ICO or the Scottish Commissioner
};

// What an internal review decided about the original response.
enum class ReviewResult
{
    Upheld,       // the original decision stands
    UpheldInPart, // upheld in part: some information is released after the review
    Overturned,   // the original decision is reversed
};

struct ClockEvent
{
    ClockEventKind kind = ClockEventKind::ClarificationSought;
    QDate date;
    QString note;
    // Only for a public interest extension: the date by which the officer estimated the
    // decision would be made, as given to the requester. Invalid for every other kind.
    QDate estimatedDate;
    // Only for an internal review outcome: what the review decided. Empty when it was not
    // recorded (every outcome kept before results could be), and for every other kind.
    std::optional<ReviewResult> reviewResult = std::nullopt;

    bool operator==(const ClockEvent &) const = default;
};

// The events in the order they happened: by date, then in the order of the kinds above (a
// clarification sought before one received on the same day), then as given.
QList<ClockEvent> inDateOrder(QList<ClockEvent> events);

// Stable codes for the database and the exchange format: "clarification_sought", ...
QString clockEventKindCode(ClockEventKind kind);
std::optional<ClockEventKind> clockEventKindFromCode(QStringView code);
QList<ClockEventKind> allClockEventKinds();
// "clarification_sought, clarification_received, ... or complaint_to_commissioner"
QString validClockEventKindCodes();
// Translated, capitalised for a list: "Clarification sought".
QString clockEventKindDisplayName(ClockEventKind kind);
// The kind's display name, and for an internal review outcome with a result, the result too:
// "Internal review outcome: overturned". For lists of events.
QString clockEventDisplayText(const ClockEvent &event);
// Empty when the event's fields suit its kind; otherwise a sentence saying what to change, for
// a review result on any kind but an internal review outcome.
QString clockEventFieldProblem(const ClockEvent &event);

// Stable codes for the database and the exchange format: "upheld", "upheld_in_part",
// "overturned".
QString reviewResultCode(ReviewResult result);
std::optional<ReviewResult> reviewResultFromCode(QStringView code);
QList<ReviewResult> allReviewResults();
// "upheld, upheld_in_part or overturned"
QString validReviewResultCodes();
// Translated, capitalised for a list: "Original decision upheld", "Upheld in part",
// "Overturned".
QString reviewResultDisplayName(ReviewResult result);

} // namespace foidesk
