#pragma once

#include "model/Request.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace foidesk {

// The moves a request can make through its life. Each has a code for the command line and the
// history ("submit", "approve", ...).
enum class WorkflowMove
{
    StartWork,         // New -> In progress
    SeekClarification, // New, In progress, Returned -> Clarification sought
    ResumeWork,        // Clarification sought -> In progress (the clarification arrived)
    Submit,            // New, In progress, Returned -> Awaiting review
    Approve,           // Awaiting review -> Approved (or, with a second sign-off, the first of two)
    SecondApproval,    // Awaiting review with a first approval -> Approved
    Return,            // Awaiting review, Approved -> Returned
    MarkSent, // Approved -> Sent (with review off: any open status but Clarification sought)
    Close,    // Sent -> Closed
    Withdraw, // any open status -> Withdrawn
    Reopen    // Sent, Closed, Withdrawn -> In progress, with a reason
};

// Who may make a move.
enum class MoveRole
{
    Officer,
    Supervisor,
    Anyone
};

// What the state machine needs to know besides the status.
struct WorkflowContext
{
    // Review is on when the staff register has a supervisor, unless switched off for the log.
    bool reviewOn = false;
    // The current user's role; a user who is not in the register counts as an officer.
    StaffRole role = StaffRole::Officer;
    QString user; // the current user's login
    // The request needs a second sign-off (Request::secondSignoff is not empty).
    bool needsSecondSignoff = false;
    // Request::firstApprovalBy: who gave the first of two approvals, while the second is awaited.
    QString firstApprovalBy;
    // Reopen needs one.
    QString reason;
};

// The answer to "may this move be made now?": the status it leads to, or why not.
struct MoveCheck
{
    bool allowed = false;
    RequestStatus to = RequestStatus::New;
    // Approve of a request that needs a second sign-off: the status stays Awaiting review and
    // the approval is recorded as the first of two.
    bool firstOfTwo = false;
    QString refusal; // complete sentences: why not, and what to do
};

// The one state machine of the workflow (DESIGN.md, "Workflow and review"). The window and the
// command line ask it; the store applies what it allows.
class Workflow
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::Workflow)

public:
    static QList<WorkflowMove> allMoves();
    static QString moveCode(WorkflowMove move); // "start", "seek-clarification", "submit", ...
    static QString moveDisplayName(WorkflowMove move); // "Submit for review"
    // Who may make the move while review is on (with review off anyone may make any move that
    // exists then).
    static MoveRole whoMay(WorkflowMove move);

    // Whether the current user may make move from status from, and where it leads.
    static MoveCheck check(RequestStatus from, WorkflowMove move, const WorkflowContext &context);

    // The statuses whose content is locked: a save is refused until the request is reopened.
    static bool isLocked(RequestStatus status);
    // The statuses that hold an approval (given in full or the first of two), which a change to
    // the content withdraws.
    static bool holdsApproval(RequestStatus status, const QString &firstApprovalBy);
    // Where a request goes when a content change withdraws its approval: Awaiting review, so
    // that it stays in the supervisor's queue and the changed content is reviewed again.
    static RequestStatus statusAfterWithdrawnApproval();
};

} // namespace foidesk
