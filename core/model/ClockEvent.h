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

struct ClockEvent
{
    ClockEventKind kind = ClockEventKind::ClarificationSought;
    QDate date;
    QString note;
    // Only for a public interest extension: the date by which the officer estimated the
    // decision would be made, as given to the requester. Invalid for every other kind.
    QDate estimatedDate;

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

} // namespace foidesk
