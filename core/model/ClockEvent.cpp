#include "model/ClockEvent.h"

#include <QCoreApplication>
#include <algorithm>

namespace foidesk {

namespace {

struct KindCode
{
    ClockEventKind kind;
    const char *code;
};

constexpr KindCode kindCodes[] = {
    {ClockEventKind::ClarificationSought, "clarification_sought"},
    {ClockEventKind::ClarificationReceived, "clarification_received"},
    {ClockEventKind::FeesNoticeIssued, "fees_notice_issued"},
    {ClockEventKind::FeePaid, "fee_paid"},
    {ClockEventKind::PublicInterestExtension, "pi_extension"},
    {ClockEventKind::EirExtension, "eir_extension"},
    {ClockEventKind::InternalReviewRequested, "internal_review_requested"},
    {ClockEventKind::InternalReviewOutcome, "internal_review_outcome"},
    {ClockEventKind::ComplaintToCommissioner, "complaint_to_commissioner"},
};

struct ResultCode
{
    ReviewResult result;
    const char *code;
};

constexpr ResultCode resultCodes[] = {
    {ReviewResult::Upheld, "upheld"},
    {ReviewResult::UpheldInPart, "upheld_in_part"},
    {ReviewResult::Overturned, "overturned"},
};

} // namespace

QList<ClockEvent> inDateOrder(QList<ClockEvent> events)
{
    std::stable_sort(events.begin(), events.end(), [](const ClockEvent &a, const ClockEvent &b) {
        if (a.date != b.date)
            return a.date < b.date;
        return int(a.kind) < int(b.kind);
    });
    return events;
}

QString clockEventKindCode(ClockEventKind kind)
{
    for (const KindCode &entry : kindCodes) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.code);
    }
    return {};
}

std::optional<ClockEventKind> clockEventKindFromCode(QStringView code)
{
    for (const KindCode &entry : kindCodes) {
        if (code == QLatin1String(entry.code))
            return entry.kind;
    }
    return std::nullopt;
}

QList<ClockEventKind> allClockEventKinds()
{
    QList<ClockEventKind> kinds;
    for (const KindCode &entry : kindCodes)
        kinds.append(entry.kind);
    return kinds;
}

QString validClockEventKindCodes()
{
    QStringList codes;
    for (const KindCode &entry : kindCodes)
        codes.append(QString::fromLatin1(entry.code));
    const QString last = codes.takeLast();
    return codes.join(QLatin1String(", ")) + QLatin1String(" or ") + last;
}

QString clockEventKindDisplayName(ClockEventKind kind)
{
    const char *context = "foidesk::ClockEvent";
    switch (kind) {
    case ClockEventKind::ClarificationSought:
        return QCoreApplication::translate(context, "Clarification sought");
    case ClockEventKind::ClarificationReceived:
        return QCoreApplication::translate(context, "Clarification received");
    case ClockEventKind::FeesNoticeIssued:
        return QCoreApplication::translate(context, "Fees notice issued");
    case ClockEventKind::FeePaid:
        return QCoreApplication::translate(context, "Fee paid");
    case ClockEventKind::PublicInterestExtension:
        return QCoreApplication::translate(context, "Public interest extension");
    case ClockEventKind::EirExtension:
        return QCoreApplication::translate(context, "Extension to forty working days (EIR reg 7)");
    case ClockEventKind::InternalReviewRequested:
        return QCoreApplication::translate(context, "Internal review requested");
    case ClockEventKind::InternalReviewOutcome:
        return QCoreApplication::translate(context, "Internal review outcome");
    case ClockEventKind::ComplaintToCommissioner:
        return QCoreApplication::translate(context, "Complaint to the Commissioner");
    }
    return {};
}

QString clockEventDisplayText(const ClockEvent &event)
{
    const QString kind = clockEventKindDisplayName(event.kind);
    if (event.kind != ClockEventKind::InternalReviewOutcome || !event.reviewResult)
        return kind;
    //: An event in a list, then its result: "Internal review outcome: overturned".
    return QCoreApplication::translate("foidesk::ClockEvent", "%1: %2")
        .arg(kind, reviewResultDisplayName(*event.reviewResult).toLower());
}

QString clockEventFieldProblem(const ClockEvent &event)
{
    if (event.reviewResult && event.kind != ClockEventKind::InternalReviewOutcome) {
        return QCoreApplication::translate(
                   "foidesk::ClockEvent",
                   "The event \"%1\" has a review result (%2), but only an internal review "
                   "outcome can have one. Remove the result, or change the event to an internal "
                   "review outcome.")
            .arg(clockEventKindDisplayName(event.kind),
                 reviewResultDisplayName(*event.reviewResult).toLower());
    }
    return QString();
}

QString reviewResultCode(ReviewResult result)
{
    for (const ResultCode &entry : resultCodes) {
        if (entry.result == result)
            return QString::fromLatin1(entry.code);
    }
    return {};
}

std::optional<ReviewResult> reviewResultFromCode(QStringView code)
{
    for (const ResultCode &entry : resultCodes) {
        if (code == QLatin1String(entry.code))
            return entry.result;
    }
    return std::nullopt;
}

QList<ReviewResult> allReviewResults()
{
    QList<ReviewResult> results;
    for (const ResultCode &entry : resultCodes)
        results.append(entry.result);
    return results;
}

QString validReviewResultCodes()
{
    QStringList codes;
    for (const ResultCode &entry : resultCodes)
        codes.append(QString::fromLatin1(entry.code));
    const QString last = codes.takeLast();
    return codes.join(QLatin1String(", ")) + QLatin1String(" or ") + last;
}

QString reviewResultDisplayName(ReviewResult result)
{
    switch (result) {
    case ReviewResult::Upheld:
        return QCoreApplication::translate("foidesk::ClockEvent", "Original decision upheld");
    case ReviewResult::UpheldInPart:
        return QCoreApplication::translate("foidesk::ClockEvent", "Upheld in part");
    case ReviewResult::Overturned:
        return QCoreApplication::translate("foidesk::ClockEvent", "Overturned");
    }
    return {};
}

} // namespace foidesk
