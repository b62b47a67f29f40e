#include "workflow/Workflow.h"

#include "model/RequestEnums.h"

namespace foidesk {

namespace {

bool isOfficer(StaffRole role)
{
    return role == StaffRole::Officer || role == StaffRole::Both;
}

bool isSupervisor(StaffRole role)
{
    return role == StaffRole::Supervisor || role == StaffRole::Both;
}

bool isReviewMove(WorkflowMove move)
{
    return move == WorkflowMove::Submit || move == WorkflowMove::Approve
           || move == WorkflowMove::SecondApproval || move == WorkflowMove::Return;
}

QString statusName(RequestStatus status)
{
    return statusDisplayName(status).toLower();
}

MoveCheck refuse(const QString &why)
{
    MoveCheck check;
    check.refusal = why;
    return check;
}

MoveCheck allow(RequestStatus to, bool firstOfTwo = false)
{
    MoveCheck check;
    check.allowed = true;
    check.to = to;
    check.firstOfTwo = firstOfTwo;
    return check;
}

// What the move needs of the status, as a sentence for a refusal.
QString whenPossible(WorkflowMove move, bool reviewOn)
{
    switch (move) {
    case WorkflowMove::StartWork:
        return Workflow::tr("Work is started on a new request only.");
    case WorkflowMove::SeekClarification:
        return Workflow::tr("Clarification is sought while a request is new, in progress or "
                            "returned; reopen it first if it was sent.");
    case WorkflowMove::ResumeWork:
        return Workflow::tr("Work resumes on a request waiting for clarification only.");
    case WorkflowMove::Submit:
        return Workflow::tr("A new, in progress or returned request can be submitted for "
                            "review; one waiting for clarification resumes work first.");
    case WorkflowMove::Approve:
        return Workflow::tr("Only a request awaiting review can be approved: the officer "
                            "submits it first.");
    case WorkflowMove::SecondApproval:
        return Workflow::tr("The second approval follows the first, while the request awaits "
                            "review: approve it first.");
    case WorkflowMove::Return:
        return Workflow::tr("Only a request awaiting review or approved can be returned to the "
                            "officer.");
    case WorkflowMove::MarkSent:
        return reviewOn ? Workflow::tr("A request is marked sent once a supervisor has approved "
                                       "it: submit it for review first.")
                        : Workflow::tr("An open request is marked sent when its letter is ready; "
                                       "one waiting for clarification resumes work first.");
    case WorkflowMove::Close:
        return Workflow::tr("Only a sent request can be closed.");
    case WorkflowMove::Withdraw:
        return Workflow::tr("Only an open request can be withdrawn.");
    case WorkflowMove::Reopen:
        return Workflow::tr("Only a sent, closed or withdrawn request is reopened; an open "
                            "request can simply be edited.");
    }
    return {};
}

bool fromAllowed(RequestStatus from, WorkflowMove move, bool reviewOn)
{
    using S = RequestStatus;
    switch (move) {
    case WorkflowMove::StartWork:
        return from == S::New;
    case WorkflowMove::SeekClarification:
    case WorkflowMove::Submit:
        return from == S::New || from == S::InProgress || from == S::Returned;
    case WorkflowMove::ResumeWork:
        return from == S::ClarificationSought;
    case WorkflowMove::Approve:
    case WorkflowMove::SecondApproval:
        return from == S::AwaitingReview;
    case WorkflowMove::Return:
        return from == S::AwaitingReview || from == S::Approved;
    case WorkflowMove::MarkSent:
        if (reviewOn)
            return from == S::Approved;
        return isOpenStatus(from) && from != S::ClarificationSought;
    case WorkflowMove::Close:
        return from == S::Sent;
    case WorkflowMove::Withdraw:
        return isOpenStatus(from);
    case WorkflowMove::Reopen:
        return from == S::Sent || from == S::Closed || from == S::Withdrawn;
    }
    return false;
}

RequestStatus destination(WorkflowMove move)
{
    using S = RequestStatus;
    switch (move) {
    case WorkflowMove::StartWork:
    case WorkflowMove::ResumeWork:
    case WorkflowMove::Reopen:
        return S::InProgress;
    case WorkflowMove::SeekClarification:
        return S::ClarificationSought;
    case WorkflowMove::Submit:
        return S::AwaitingReview;
    case WorkflowMove::Approve:
    case WorkflowMove::SecondApproval:
        return S::Approved;
    case WorkflowMove::Return:
        return S::Returned;
    case WorkflowMove::MarkSent:
        return S::Sent;
    case WorkflowMove::Close:
        return S::Closed;
    case WorkflowMove::Withdraw:
        return S::Withdrawn;
    }
    return S::New;
}

} // namespace

QList<WorkflowMove> Workflow::allMoves()
{
    return {WorkflowMove::StartWork,
            WorkflowMove::SeekClarification,
            WorkflowMove::ResumeWork,
            WorkflowMove::Submit,
            WorkflowMove::Approve,
            WorkflowMove::SecondApproval,
            WorkflowMove::Return,
            WorkflowMove::MarkSent,
            WorkflowMove::Close,
            WorkflowMove::Withdraw,
            WorkflowMove::Reopen};
}

QString Workflow::moveCode(WorkflowMove move)
{
    switch (move) {
    case WorkflowMove::StartWork:
        return QStringLiteral("start");
    case WorkflowMove::SeekClarification:
        return QStringLiteral("seek-clarification");
    case WorkflowMove::ResumeWork:
        return QStringLiteral("resume");
    case WorkflowMove::Submit:
        return QStringLiteral("submit");
    case WorkflowMove::Approve:
        return QStringLiteral("approve");
    case WorkflowMove::SecondApproval:
        return QStringLiteral("second-approve");
    case WorkflowMove::Return:
        return QStringLiteral("return");
    case WorkflowMove::MarkSent:
        return QStringLiteral("mark-sent");
    case WorkflowMove::Close:
        return QStringLiteral("close");
    case WorkflowMove::Withdraw:
        return QStringLiteral("withdraw");
    case WorkflowMove::Reopen:
        return QStringLiteral("reopen");
    }
    return {};
}

QString Workflow::moveDisplayName(WorkflowMove move)
{
    switch (move) {
    case WorkflowMove::StartWork:
        return tr("start work on it");
    case WorkflowMove::SeekClarification:
        return tr("seek clarification");
    case WorkflowMove::ResumeWork:
        return tr("resume work after clarification");
    case WorkflowMove::Submit:
        return tr("submit it for review");
    case WorkflowMove::Approve:
        return tr("approve it");
    case WorkflowMove::SecondApproval:
        return tr("give it the second approval");
    case WorkflowMove::Return:
        return tr("return it to the officer");
    case WorkflowMove::MarkSent:
        return tr("mark it sent");
    case WorkflowMove::Close:
        return tr("close it");
    case WorkflowMove::Withdraw:
        return tr("withdraw it");
    case WorkflowMove::Reopen:
        return tr("reopen it");
    }
    return {};
}

MoveRole Workflow::whoMay(WorkflowMove move)
{
    switch (move) {
    case WorkflowMove::StartWork:
    case WorkflowMove::SeekClarification:
    case WorkflowMove::ResumeWork:
    case WorkflowMove::Submit:
        return MoveRole::Officer;
    case WorkflowMove::Approve:
    case WorkflowMove::SecondApproval:
    case WorkflowMove::Return:
        return MoveRole::Supervisor;
    case WorkflowMove::MarkSent:
    case WorkflowMove::Close:
    case WorkflowMove::Withdraw:
    case WorkflowMove::Reopen:
        return MoveRole::Anyone;
    }
    return MoveRole::Anyone;
}

MoveCheck Workflow::check(RequestStatus from, WorkflowMove move, const WorkflowContext &context)
{
    if (!context.reviewOn && isReviewMove(move)) {
        return refuse(tr("Review is off for this log (the staff register has no supervisor, or "
                         "review was switched off in Settings), so no one needs to %1. Mark "
                         "the request sent when its letter is ready, or add a supervisor to the "
                         "staff register to review drafts.")
                          .arg(moveDisplayName(move)));
    }
    if (!fromAllowed(from, move, context.reviewOn)) {
        return refuse(tr("The request is %1, so you cannot %2 now. %3")
                          .arg(statusName(from),
                               moveDisplayName(move),
                               whenPossible(move, context.reviewOn)));
    }
    if (context.reviewOn) {
        const MoveRole who = whoMay(move);
        if (who == MoveRole::Officer && !isOfficer(context.role)) {
            return refuse(tr("Only an officer can %1, and %2 is a supervisor in the staff "
                             "register. Ask the officer handling the request, or have the "
                             "register give you the role \"both\".")
                              .arg(moveDisplayName(move), context.user));
        }
        if (who == MoveRole::Supervisor && !isSupervisor(context.role)) {
            return refuse(tr("Only a supervisor can %1, and %2 is not a supervisor in the staff "
                             "register. Ask a supervisor to review the request.")
                              .arg(moveDisplayName(move),
                                   context.user.isEmpty() ? tr("the current user") : context.user));
        }
    }
    switch (move) {
    case WorkflowMove::Approve:
        if (!context.firstApprovalBy.isEmpty()) {
            return refuse(tr("The request already has its first approval, from %1, and needs "
                             "the second sign-off now. A different supervisor gives the second "
                             "approval.")
                              .arg(context.firstApprovalBy));
        }
        if (context.needsSecondSignoff)
            return allow(RequestStatus::AwaitingReview, true);
        break;
    case WorkflowMove::SecondApproval:
        if (!context.needsSecondSignoff) {
            return refuse(tr("The request does not need a second sign-off: one approval is "
                             "enough. Approve it instead."));
        }
        if (context.firstApprovalBy.isEmpty()) {
            return refuse(tr("The request has no first approval yet. Approve it first; the "
                             "second approval follows from a different person."));
        }
        if (context.firstApprovalBy.compare(context.user, Qt::CaseInsensitive) == 0) {
            return refuse(tr("You gave the first approval, so the second sign-off must come from "
                             "someone else. Ask the person named for the second sign-off."));
        }
        break;
    case WorkflowMove::Reopen:
        if (context.reason.trimmed().isEmpty()) {
            return refuse(tr("Reopening a request needs a reason, which is kept in its history. "
                             "Say why it is reopened (for example \"complaint: review of the "
                             "response\") and try again."));
        }
        break;
    default:
        break;
    }
    return allow(destination(move));
}

bool Workflow::isLocked(RequestStatus status)
{
    return status == RequestStatus::Sent || status == RequestStatus::Closed;
}

bool Workflow::holdsApproval(RequestStatus status, const QString &firstApprovalBy)
{
    return status == RequestStatus::Approved
           || (status == RequestStatus::AwaitingReview && !firstApprovalBy.isEmpty());
}

RequestStatus Workflow::statusAfterWithdrawnApproval()
{
    return RequestStatus::AwaitingReview;
}

} // namespace foidesk
