#include "model/RequestEnums.h"
#include "workflow/Workflow.h"

#include <QSet>
#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

using S = RequestStatus;
using M = WorkflowMove;

struct Allowed
{
    S from;
    M move;
    S to;
};

// Every move allowed while review is on, as DESIGN.md draws the workflow: New -> In progress ->
// (Clarification sought) -> Awaiting review -> Returned | Approved -> Sent -> Closed; Withdrawn
// from any open state; Reopen from the end states. Everything not listed is refused.
const QList<Allowed> reviewOnMoves = {
    {S::New, M::StartWork, S::InProgress},
    {S::New, M::SeekClarification, S::ClarificationSought},
    {S::InProgress, M::SeekClarification, S::ClarificationSought},
    {S::Returned, M::SeekClarification, S::ClarificationSought},
    {S::ClarificationSought, M::ResumeWork, S::InProgress},
    {S::New, M::Submit, S::AwaitingReview},
    {S::InProgress, M::Submit, S::AwaitingReview},
    {S::Returned, M::Submit, S::AwaitingReview},
    {S::AwaitingReview, M::Approve, S::Approved},
    {S::AwaitingReview, M::Return, S::Returned},
    {S::Approved, M::Return, S::Returned},
    {S::Approved, M::MarkSent, S::Sent},
    {S::Sent, M::Close, S::Closed},
    {S::New, M::Withdraw, S::Withdrawn},
    {S::InProgress, M::Withdraw, S::Withdrawn},
    {S::ClarificationSought, M::Withdraw, S::Withdrawn},
    {S::AwaitingReview, M::Withdraw, S::Withdrawn},
    {S::Returned, M::Withdraw, S::Withdrawn},
    {S::Approved, M::Withdraw, S::Withdrawn},
    {S::Sent, M::Reopen, S::InProgress},
    {S::Closed, M::Reopen, S::InProgress},
    {S::Withdrawn, M::Reopen, S::InProgress},
};

// With review off (no supervisor, or switched off): no submit, approve or return, and any open
// request but one waiting for clarification can be marked sent.
const QList<Allowed> reviewOffMoves = {
    {S::New, M::StartWork, S::InProgress},
    {S::New, M::SeekClarification, S::ClarificationSought},
    {S::InProgress, M::SeekClarification, S::ClarificationSought},
    {S::Returned, M::SeekClarification, S::ClarificationSought},
    {S::ClarificationSought, M::ResumeWork, S::InProgress},
    {S::New, M::MarkSent, S::Sent},
    {S::InProgress, M::MarkSent, S::Sent},
    {S::AwaitingReview, M::MarkSent, S::Sent},
    {S::Returned, M::MarkSent, S::Sent},
    {S::Approved, M::MarkSent, S::Sent},
    {S::Sent, M::Close, S::Closed},
    {S::New, M::Withdraw, S::Withdrawn},
    {S::InProgress, M::Withdraw, S::Withdrawn},
    {S::ClarificationSought, M::Withdraw, S::Withdrawn},
    {S::AwaitingReview, M::Withdraw, S::Withdrawn},
    {S::Returned, M::Withdraw, S::Withdrawn},
    {S::Approved, M::Withdraw, S::Withdrawn},
    {S::Sent, M::Reopen, S::InProgress},
    {S::Closed, M::Reopen, S::InProgress},
    {S::Withdrawn, M::Reopen, S::InProgress},
};

std::optional<S> allowedTo(const QList<Allowed> &table, S from, M move)
{
    for (const Allowed &a : table) {
        if (a.from == from && a.move == move)
            return a.to;
    }
    return std::nullopt;
}

bool roleMay(M move, StaffRole role)
{
    switch (Workflow::whoMay(move)) {
    case MoveRole::Officer:
        return role != StaffRole::Supervisor;
    case MoveRole::Supervisor:
        return role != StaffRole::Officer;
    case MoveRole::Anyone:
        return true;
    }
    return false;
}

// A refusal is at least one full sentence that says what to do.
void checkSentence(const QString &text)
{
    QVERIFY2(!text.isEmpty(), "a refusal without a reason");
    QVERIFY2(text.at(0).isUpper(), qPrintable(text));
    QVERIFY2(text.endsWith(u'.'), qPrintable(text));
    QVERIFY2(text.count(u'.') >= 2 || text.contains(u':'), qPrintable(text));
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatusMoveAndRole_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("move");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("reviewOn");
        for (const bool review : {true, false}) {
            for (const RequestStatus status : allStatuses()) {
                for (const WorkflowMove move : Workflow::allMoves()) {
                    for (const StaffRole role : allStaffRoles()) {
                        QTest::addRow("%s %s %s %s",
                                      review ? "review" : "alone",
                                      qPrintable(statusCode(status)),
                                      qPrintable(Workflow::moveCode(move)),
                                      qPrintable(staffRoleCode(role)))
                            << int(status) << int(move) << int(role) << review;
                    }
                }
            }
        }
    }

    void everyStatusMoveAndRole()
    {
        QFETCH(int, from);
        QFETCH(int, move);
        QFETCH(int, role);
        QFETCH(bool, reviewOn);
        const auto status = RequestStatus(from);
        const auto theMove = WorkflowMove(move);
        const auto theRole = StaffRole(role);

        WorkflowContext context;
        context.reviewOn = reviewOn;
        context.role = theRole;
        context.user = u"someone"_s;
        context.reason = u"a complaint to the Commissioner"_s;
        const MoveCheck check = Workflow::check(status, theMove, context);

        const std::optional<S> expected =
            allowedTo(reviewOn ? reviewOnMoves : reviewOffMoves, status, theMove);
        const bool mayAct = !reviewOn || roleMay(theMove, theRole);
        if (expected && mayAct) {
            QVERIFY2(check.allowed, qPrintable(check.refusal));
            QCOMPARE(check.to, *expected);
            QVERIFY(check.refusal.isEmpty());
            return;
        }
        QVERIFY(!check.allowed);
        checkSentence(check.refusal);
        // The second approval exists in Awaiting review, but this request has no first one.
        if (reviewOn && status == S::AwaitingReview && theMove == M::SecondApproval && mayAct) {
            QVERIFY2(check.refusal.contains(u"second sign-off"_s), qPrintable(check.refusal));
            return;
        }
        const bool statusFits =
            expected || (status == S::AwaitingReview && theMove == M::SecondApproval);
        if (!reviewOn
            && (theMove == M::Submit || theMove == M::Approve || theMove == M::SecondApproval
                || theMove == M::Return)) {
            QVERIFY2(check.refusal.contains(u"Review is off"_s), qPrintable(check.refusal));
        } else if (!statusFits) {
            // The status is why: the sentence names it.
            QVERIFY2(check.refusal.contains(statusDisplayName(status).toLower()),
                     qPrintable(check.refusal));
        } else {
            // The role is why: the sentence says who can.
            const QString who = Workflow::whoMay(theMove) == MoveRole::Supervisor
                                    ? u"Only a supervisor"_s
                                    : u"Only an officer"_s;
            QVERIFY2(check.refusal.contains(who), qPrintable(check.refusal));
        }
    }

    void reopenNeedsAReason()
    {
        WorkflowContext context;
        context.reviewOn = true;
        context.role = StaffRole::Officer;
        MoveCheck check = Workflow::check(S::Sent, M::Reopen, context);
        QVERIFY(!check.allowed);
        QVERIFY2(check.refusal.contains(u"needs a reason"_s), qPrintable(check.refusal));
        context.reason = u"   "_s;
        QVERIFY(!Workflow::check(S::Sent, M::Reopen, context).allowed);
        context.reason = u"The requester complained."_s;
        check = Workflow::check(S::Sent, M::Reopen, context);
        QVERIFY(check.allowed);
        QCOMPARE(check.to, S::InProgress);
    }

    void secondSignoffNeedsTwoApprovalsInOrderByDifferentPeople()
    {
        WorkflowContext context;
        context.reviewOn = true;
        context.role = StaffRole::Supervisor;
        context.user = u"ann"_s;
        context.needsSecondSignoff = true;

        // The second approval cannot come first.
        MoveCheck check = Workflow::check(S::AwaitingReview, M::SecondApproval, context);
        QVERIFY(!check.allowed);
        QVERIFY2(check.refusal.contains(u"no first approval"_s), qPrintable(check.refusal));

        // The first approval keeps the request awaiting review.
        check = Workflow::check(S::AwaitingReview, M::Approve, context);
        QVERIFY(check.allowed);
        QVERIFY(check.firstOfTwo);
        QCOMPARE(check.to, S::AwaitingReview);

        // Then: not a first approval again, not the same person twice.
        context.firstApprovalBy = u"ann"_s;
        check = Workflow::check(S::AwaitingReview, M::Approve, context);
        QVERIFY(!check.allowed);
        QVERIFY2(check.refusal.contains(u"ann"_s), qPrintable(check.refusal));
        check = Workflow::check(S::AwaitingReview, M::SecondApproval, context);
        QVERIFY(!check.allowed);
        QVERIFY2(check.refusal.contains(u"someone else"_s), qPrintable(check.refusal));
        context.user = u"ANN"_s; // logins ignore letter case
        QVERIFY(!Workflow::check(S::AwaitingReview, M::SecondApproval, context).allowed);

        context.user = u"director"_s;
        check = Workflow::check(S::AwaitingReview, M::SecondApproval, context);
        QVERIFY2(check.allowed, qPrintable(check.refusal));
        QVERIFY(!check.firstOfTwo);
        QCOMPARE(check.to, S::Approved);
    }

    void secondApprovalOnlyWhenFlagged()
    {
        WorkflowContext context;
        context.reviewOn = true;
        context.role = StaffRole::Both;
        context.user = u"bo"_s;
        context.firstApprovalBy = u"ann"_s;
        const MoveCheck check = Workflow::check(S::AwaitingReview, M::SecondApproval, context);
        QVERIFY(!check.allowed);
        QVERIFY2(check.refusal.contains(u"does not need a second sign-off"_s),
                 qPrintable(check.refusal));
    }

    void lockedAndApprovalStatuses()
    {
        for (const RequestStatus status : allStatuses()) {
            QCOMPARE(Workflow::isLocked(status), status == S::Sent || status == S::Closed);
            QCOMPARE(Workflow::holdsApproval(status, QString()), status == S::Approved);
        }
        QVERIFY(Workflow::holdsApproval(S::AwaitingReview, u"ann"_s));
        QCOMPARE(Workflow::statusAfterWithdrawnApproval(), S::AwaitingReview);
    }

    void moveCodesAreDistinct()
    {
        QSet<QString> codes;
        for (const WorkflowMove move : Workflow::allMoves()) {
            QVERIFY(!Workflow::moveCode(move).isEmpty());
            QVERIFY(!Workflow::moveDisplayName(move).isEmpty());
            codes.insert(Workflow::moveCode(move));
        }
        QCOMPARE(codes.size(), Workflow::allMoves().size());
    }
};

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
