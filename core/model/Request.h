#pragma once

#include "model/ClockEvent.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace foidesk {

// The law a request is handled under. FOISA and EIRS are the Scottish Act and Regulations.
enum class Regime { FOIA, EIR, FOISA, EIRS };

enum class RequesterKind { Individual, Company, Journalist, Campaign, Other };

// Where a request is in its workflow (workflow/Workflow.h says which moves lead where).
// Logs written before schema version 7 said on_hold, in_review and responded: they are
// ClarificationSought, AwaitingReview and Sent now.
enum class RequestStatus {
    New,
    InProgress,
    ClarificationSought,
    AwaitingReview,
    Returned,
    Approved,
    Sent,
    Closed,
    Withdrawn
};

// What the authority holds of what was asked. Undecided until the officer says.
enum class Held { Undecided, All, Some, None, NeitherConfirmNorDeny };

// What the letter does with one question's answer.
enum class Disposition {
    Answered,             // the answer is given (with any redactions in it)
    NotHeld,              // the authority does not hold the information
    Withheld,             // the whole answer is withheld under the question's exemptions
    PartWithheld,         // the answer is given with redacted passages
    NeitherConfirmNorDeny // the authority neither confirms nor denies holding it
};

// A withheld passage of an answer: UTF-16 offsets into Question::answer, and the exemption it
// is withheld under (a catalogue code such as "s40(2)"). Spans of one answer are kept sorted,
// never overlap and never touch when they share an exemption (see redaction/RedactionSpans.h).
struct Redaction
{
    qsizetype start = 0;
    qsizetype length = 0;
    QString exemption;

    qsizetype end() const { return start + length; }
    bool operator==(const Redaction &) const = default;
};

// Why an exemption applies to this request, in the officer's words, and for a qualified
// exemption why the public interest favours withholding (FOIA s17(3), EIR reg 14(3)).
// Empty reasoning means "use the catalogue's default reasoning for this exemption".
struct ExemptionReasoning
{
    QString reasoning;
    QString publicInterest;

    bool isEmpty() const { return reasoning.isEmpty() && publicInterest.isEmpty(); }
    bool operator==(const ExemptionReasoning &) const = default;
};

// The person or body asking. This is personal data: it never reaches anything published.
struct Requester
{
    QString name;
    QString email;
    QString address;
    RequesterKind kind = RequesterKind::Individual;

    bool operator==(const Requester &) const = default;
};

// Where an answer was copied from: an earlier request of the same log, the question's name in
// it ("3", "2a") and the day that request was answered. Kept with the question so that anyone
// reading the draft can see the answer was reused, and check it still holds.
struct AnswerSource
{
    QString reference;
    QString question;
    QDate answered; // invalid when the earlier request records no answer date

    bool isEmpty() const { return reference.isEmpty(); }
    bool operator==(const AnswerSource &) const = default;
};

// One question as asked, with its answer. Section, label and condition are optional and
// reproduce the structure of the request: "Chatbots" / "2a" / "If yes:".
struct Question
{
    qint64 id = 0; // 0 until stored
    QString section;
    QString label;
    QString condition;
    QString text;
    QStringList choices; // the options of a multiple-choice question, in order
    QString answer;
    Disposition disposition = Disposition::Answered;
    // Exemption codes the question relies on (withheld, part withheld, or an exemption cited
    // for not confirming or denying), in the order the officer chose them.
    QStringList exemptions;
    // Withheld passages of the answer.
    QList<Redaction> redactions;
    // Set when the answer was copied from an earlier request (reuse of past answers).
    AnswerSource reusedFrom;

    // Every exemption this question uses: its own list, then those of its redactions.
    QStringList exemptionsUsed() const;

    // Content equality: the stored id does not make two questions different.
    bool sameContent(const Question &other) const
    {
        return section == other.section && label == other.label && condition == other.condition
               && text == other.text && choices == other.choices && answer == other.answer
               && disposition == other.disposition && exemptions == other.exemptions
               && redactions == other.redactions && reusedFrom == other.reusedFrom;
    }
    bool operator==(const Question &) const = default;
};

// A text for a field that is one line (a reference, a title, a name): line breaks and tabs,
// which arrive with pasted text, become single spaces. Other text is left as it is.
QString singleLine(const QString &text);

// A question's name in messages and lists: "4" for a question labelled "4.", "4)", "Q4" or
// "Question 4", so that "Question %1" never reads "Question Question 4"; its number when it has
// no label.
QString questionName(const Question &question, qsizetype index);

struct Request
{
    qint64 id = 0;     // 0 until stored
    int revision = 0;  // bumped by every save; a save from an older revision is refused
    QString reference; // unique within one log, typed by the user (e.g. "6370952")
    Regime regime = Regime::FOIA;
    QString title;
    // The requester's own words before the questions ("I wanted to find out more information
    // about..."), quoted before them in the letter. Multi-line; often empty.
    QString introduction;
    QDate received;
    Requester requester;
    QString officer;
    RequestStatus status = RequestStatus::New;
    Held held = Held::Undecided;
    // When set, one answer covering every question, printed after the request as asked.
    QString combinedResponse;
    QDate letterDate;
    // The officer has marked the letter final: it exports without the DRAFT mark.
    bool letterFinal = false;
    QList<Question> questions;
    // Exemption code -> the officer's reasoning for this request. Codes not listed use the
    // catalogue's default reasoning.
    QMap<QString, ExemptionReasoning> exemptionReasons;
    // Who must give the second sign-off ("press office", "director"); empty when one approval
    // is enough. Internal to the log: not in the exchange format.
    QString secondSignoff;
    // The login of the supervisor who gave the first of two approvals, while the second is
    // awaited. Set only by the workflow moves of the store; a save keeps the stored value.
    QString firstApprovalBy;
    // What happened to the statutory clock (clarifications, fees notices, extensions, reviews),
    // kept in date order (inDateOrder). calendar/StatutoryClock works the deadline out of them.
    QList<ClockEvent> clockEvents;
    // The day the response was sent; invalid while it has not been.
    QDate responseSent;
    // Publication in the disclosure log (publish/PublicationGate.h). A request marked not for
    // publication is never published, and says why (a request for the requester's own data,
    // say); one with publishAfter still to come waits until that day.
    bool notForPublication = false;
    QString notForPublicationReason;
    QDate publishAfter;

    // Every exemption used by any question, in order of first use, without repeats.
    QStringList exemptionsUsed() const;
    // True when any question withholds anything: a redaction, withheld in full, or a note in the
    // answer of a question neither confirmed nor denied.
    bool withholdsAnything() const;

    // Content equality, ignoring ids and revision: what a user would call "the same request".
    bool sameContent(const Request &other) const
    {
        if (questions.size() != other.questions.size())
            return false;
        for (qsizetype i = 0; i < questions.size(); ++i) {
            if (!questions[i].sameContent(other.questions[i]))
                return false;
        }
        return reference == other.reference && regime == other.regime && title == other.title
               && introduction == other.introduction
               && received == other.received && requester == other.requester
               && officer == other.officer && status == other.status && held == other.held
               && combinedResponse == other.combinedResponse && letterDate == other.letterDate
               && letterFinal == other.letterFinal && exemptionReasons == other.exemptionReasons
               && secondSignoff == other.secondSignoff
               && clockEvents == other.clockEvents && responseSent == other.responseSent
               && notForPublication == other.notForPublication
               && notForPublicationReason == other.notForPublicationReason
               && publishAfter == other.publishAfter;
    }
};

// One row of the request list: what the list shows and sorts by, without the questions.
struct RequestSummary
{
    qint64 id = 0;
    int revision = 0;
    QString reference;
    QString title;
    QDate received;
    QDate due; // invalid when the date received is missing or outside the holiday data
    Regime regime = Regime::FOIA; // decides which bank holidays count towards days left
    RequestStatus status = RequestStatus::New;
    QString officer;
    QString requesterName;
    bool letterFinal = false; // the letter exports without the DRAFT mark
};

// Someone in the authority. Seniority decides, in a later version, whose names are withheld.
// The role decides which workflow moves they may make (workflow/Workflow.h); on a single
// SQLite file it is an honest label, not a security boundary.
enum class StaffRole { Officer, Supervisor, Both };

struct StaffMember
{
    qint64 id = 0;
    QString name;
    QString jobTitle;
    QString grade;
    bool senior = false;
    StaffRole role = StaffRole::Officer;
    // The login name that identifies the person as the current user (--user LOGIN, or the
    // operating-system account). Unique in the register, ignoring letter case, when not empty.
    // Last, so that aggregate initialisers written before it still mean the same.
    QString login;

    bool operator==(const StaffMember &) const = default;
};

} // namespace foidesk
