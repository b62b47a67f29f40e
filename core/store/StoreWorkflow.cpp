// The part of Store that knows who is working: users, review, the workflow's moves, review
// comments and the history's hash chain. The requests, staff and profile are in Store.cpp.

#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"
#include "store/Store.h"
#include "store/StorePrivate.h"
#include "workflow/ReleaseGate.h"

#include <QSqlQuery>

namespace foidesk {

namespace {

const QString ReviewKey = QStringLiteral("review");

std::optional<ReviewDecision::Kind> decisionFor(WorkflowMove move)
{
    switch (move) {
    case WorkflowMove::Approve:
        return ReviewDecision::Kind::Approve;
    case WorkflowMove::SecondApproval:
        return ReviewDecision::Kind::SecondApprove;
    case WorkflowMove::Return:
        return ReviewDecision::Kind::Return;
    default:
        return std::nullopt;
    }
}

} // namespace

Result<bool> Store::Private::reviewOn(const QString &outcome) const
{
    const Result<QString> setting = workflowRows.setting(ReviewKey, QString(), outcome);
    if (!setting)
        return setting.error();
    if (*setting == QLatin1String("off"))
        return false;
    const Result<QList<StaffMember>> everyone = staffRows.list(outcome);
    if (!everyone)
        return everyone.error();
    for (const StaffMember &member : everyone.value()) {
        if (member.role == StaffRole::Supervisor || member.role == StaffRole::Both)
            return true;
    }
    return false;
}

Result<WorkflowContext> Store::Private::workflowContext(const Request &request,
                                                        const QString &outcome) const
{
    WorkflowContext context;
    const Result<bool> review = reviewOn(outcome);
    if (!review)
        return review.error();
    context.reviewOn = *review;
    context.user = history.user();
    const Result<QList<StaffMember>> everyone = staffRows.list(outcome);
    if (!everyone)
        return everyone.error();
    for (const StaffMember &member : everyone.value()) {
        if (!member.login.isEmpty() && member.login.compare(context.user, Qt::CaseInsensitive) == 0)
            context.role = member.role;
    }
    context.needsSecondSignoff = !request.secondSignoff.trimmed().isEmpty();
    context.firstApprovalBy = request.firstApprovalBy;
    return context;
}

QString Store::operatingSystemAccount()
{
    QString account = qEnvironmentVariable("USER");
    if (account.isEmpty())
        account = qEnvironmentVariable("USERNAME");
    return account.trimmed();
}

void Store::setCurrentUser(const QString &login)
{
    d->history.setUser(login.trimmed());
}

QString Store::currentUser() const
{
    return d->history.user();
}

Result<QString> Store::loginForAccount(const QString &account) const
{
    const Result<std::optional<StaffMember>> member = staffMemberByLogin(account);
    if (!member)
        return member.error();
    return member->has_value() ? (*member)->login : account.trimmed();
}

Result<std::optional<StaffMember>> Store::staffMemberByLogin(const QString &login) const
{
    const Result<QList<StaffMember>> everyone =
        d->staffRows.list(tr("The staff register could not be read."));
    if (!everyone)
        return everyone.error();
    const QString wanted = login.trimmed();
    for (const StaffMember &member : everyone.value()) {
        if (!wanted.isEmpty() && member.login.compare(wanted, Qt::CaseInsensitive) == 0)
            return std::optional<StaffMember>(member);
    }
    return std::optional<StaffMember>();
}

Result<bool> Store::reviewEnabled() const
{
    return d->reviewOn(tr("Whether review is on could not be read."));
}

Result<bool> Store::reviewSwitchedOff() const
{
    const Result<QString> setting = d->workflowRows.setting(
        ReviewKey, QString(), tr("Whether review is on could not be read."));
    if (!setting)
        return setting.error();
    return *setting == QLatin1String("off");
}

Result<void> Store::setReviewSwitchedOff(bool off)
{
    const QString outcome = tr("The review setting was not saved.");
    const QString value = off ? QStringLiteral("off") : QStringLiteral("auto");
    const Result<void> saved = d->write(outcome, [&]() -> Result<void> {
        const Result<QString> was =
            d->workflowRows.setting(ReviewKey, QStringLiteral("auto"), outcome);
        if (!was)
            return was.error();
        if (const Result<void> set = d->workflowRows.setSetting(ReviewKey, value, outcome); !set)
            return set;
        HistoryRecord record;
        record.action = QStringLiteral("setting");
        record.field = ReviewKey;
        record.oldValue = *was;
        record.newValue = value;
        return d->history.append(record, outcome);
    });
    // Who may do what follows from the register and this setting together: the window
    // re-reads both when either changes.
    if (saved)
        Q_EMIT staffChanged();
    return saved;
}

Result<MoveCheck>
Store::checkMove(qint64 requestId, WorkflowMove move, const MoveInput &input) const
{
    const QString outcome = tr("The request could not be read to check whether it can %1.")
                                .arg(Workflow::moveDisplayName(move));
    const Result<Request> request = d->rows.read(QStringLiteral("id"), requestId, outcome);
    if (!request)
        return request.error();
    Result<WorkflowContext> context = d->workflowContext(*request, outcome);
    if (!context)
        return context.error();
    context->reason = input.reason;
    return Workflow::check(request->status, move, context.value());
}

Result<Request> Store::applyMove(qint64 requestId, WorkflowMove move, const MoveInput &input)
{
    const Result<Request> moved =
        d->write(tr("The request was not changed."), [&]() -> Result<Request> {
            const QString plainOutcome = tr("The request was not changed.");
            Result<Request> loaded = d->rows.read(QStringLiteral("id"), requestId, plainOutcome);
            if (!loaded)
                return loaded.error();
            Request request = std::move(loaded).value();
            const QString outcome = tr("Request %1 was not changed.").arg(request.reference);
            Result<WorkflowContext> context = d->workflowContext(request, outcome);
            if (!context)
                return context.error();
            context->reason = input.reason;
            const MoveCheck check = Workflow::check(request.status, move, context.value());
            if (!check.allowed)
                return Error(ErrorKind::Refused, outcome + u' ' + check.refusal);
            if (move == WorkflowMove::Return && input.comment.trimmed().isEmpty()) {
                return Error(ErrorKind::BadInput,
                             outcome + u' '
                                 + tr("Returning a request needs a comment that tells the officer "
                                      "what to change. Write one and return it again."));
            }
            std::optional<SentLetter> letter;
            if (move == WorkflowMove::MarkSent) {
                if (input.sentPdf.isEmpty()) {
                    return Error(
                        ErrorKind::BadInput,
                        outcome + u' '
                            + tr("Marking a request sent keeps the letter as sent, and no "
                                 "letter was given. Export the final letter, then mark the "
                                 "request sent."));
                }
                const Result<QList<ReleaseCheckResult>> checks =
                    d->checks.read(request.id, 1, outcome);
                if (!checks)
                    return checks.error();
                std::optional<ReleaseCheckResult> last;
                if (!checks->isEmpty())
                    last = checks->constFirst();
                QString reason;
                if (!ReleaseGate::mayRelease(request, last, &reason))
                    return Error(ErrorKind::Refused, outcome + u' ' + reason);
                letter = SentLetter();
                letter->requestId = request.id;
                letter->sentOn = input.sentOn.isValid() ? input.sentOn : QDate::currentDate();
                letter->sentBy = currentUser();
                letter->contentJson = RequestJson::serialize(request);
                letter->pdf = input.sentPdf;
            }

            // The day the letter went is the day the statutory clock stops; an earlier
            // response sent date (the first letter, before a reopening) is kept.
            if (letter && !request.responseSent.isValid())
                request.responseSent = letter->sentOn;
            const RequestStatus from = request.status;
            const int fromRevision = request.revision;
            request.status = check.to;
            request.firstApprovalBy = check.firstOfTwo ? currentUser() : QString();
            const Result<bool> updated = d->rows.update(request, fromRevision, outcome);
            if (!updated)
                return updated.error();
            if (!*updated) {
                return Error(ErrorKind::Conflict,
                             outcome + u' '
                                 + tr("It was changed by someone else at the same moment; try "
                                      "again."));
            }
            if (const std::optional<ReviewDecision::Kind> kind = decisionFor(move)) {
                ReviewDecision decision;
                decision.requestId = request.id;
                decision.kind = *kind;
                decision.author = currentUser();
                decision.comment = input.comment.trimmed();
                decision.revision = fromRevision;
                decision.contentJson = RequestJson::serialize(request);
                if (const Result<void> added = d->workflowRows.addDecision(decision, outcome);
                    !added)
                    return added.error();
            }
            if (letter) {
                letter->revision = request.revision;
                if (const Result<void> kept = d->workflowRows.addSentLetter(*letter, outcome);
                    !kept)
                    return kept.error();
            }
            HistoryRecord record;
            record.action = Workflow::moveCode(move);
            record.reference = request.reference;
            record.revision = request.revision;
            record.field = QStringLiteral("status");
            record.oldValue = statusCode(from);
            record.newValue = statusCode(request.status);
            if (move == WorkflowMove::Reopen)
                record.detail = QStringLiteral("reason: ") + input.reason.trimmed();
            else if (check.firstOfTwo)
                record.detail = QStringLiteral("first of two approvals; second sign-off: ")
                                + request.secondSignoff;
            else if (letter)
                record.detail = QStringLiteral("sent on ") + letter->sentOn.toString(Qt::ISODate);
            else if (!input.comment.trimmed().isEmpty())
                record.detail = QStringLiteral("comment: ") + input.comment.trimmed();
            if (const Result<void> noted = d->history.append(record, outcome); !noted)
                return noted.error();
            return request;
        });
    if (moved)
        Q_EMIT requestSaved(moved->id);
    return moved;
}

Result<ReviewComment>
Store::addComment(qint64 requestId, std::optional<int> question, const QString &text)
{
    const QString outcome = tr("The comment was not saved.");
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return Error(ErrorKind::BadInput,
                     outcome + u' ' + tr("A comment needs some text. Write it and save again."));
    }
    return d->write(outcome, [&]() -> Result<ReviewComment> {
        const Result<Request> request = d->rows.read(QStringLiteral("id"), requestId, outcome);
        if (!request)
            return request.error();
        if (question && (*question < 0 || *question >= request->questions.size())) {
            return Error(ErrorKind::BadInput,
                         outcome + u' '
                             + tr("Request %1 has %n question(s), so there is no question %2 to "
                                  "comment on. Give a number from the list, or comment on the "
                                  "request as a whole.",
                                  nullptr,
                                  int(request->questions.size()))
                                   .arg(request->reference)
                                   .arg(*question + 1));
        }
        ReviewComment comment;
        comment.requestId = requestId;
        comment.question = question;
        comment.author = currentUser();
        comment.text = trimmed;
        const Result<ReviewComment> added = d->workflowRows.addComment(comment, outcome);
        if (!added)
            return added;
        HistoryRecord record;
        record.action = QStringLiteral("comment");
        record.reference = request->reference;
        record.revision = request->revision;
        record.field =
            question ? QStringLiteral("question %1").arg(*question + 1) : QStringLiteral("request");
        record.newValue = trimmed;
        if (const Result<void> noted = d->history.append(record, outcome); !noted)
            return noted.error();
        return added;
    });
}

Result<QList<ReviewComment>> Store::comments(qint64 requestId) const
{
    return d->workflowRows.comments(requestId, tr("The review comments could not be read."));
}

Result<void> Store::resolveComment(qint64 commentId)
{
    const QString outcome = tr("The comment was not marked resolved.");
    return d->write(outcome, [&]() -> Result<void> {
        const Result<std::optional<ReviewComment>> found =
            d->workflowRows.comment(commentId, outcome);
        if (!found)
            return found.error();
        if (!found->has_value()) {
            return Error(ErrorKind::NotFound,
                         outcome + u' '
                             + tr("There is no comment %1: it may belong to a request that was "
                                  "deleted. Refresh the request to see its comments.")
                                   .arg(commentId));
        }
        if (const Result<void> done =
                d->workflowRows.resolveComment(commentId, currentUser(), outcome);
            !done)
            return done;
        const Result<QPair<QString, int>> request =
            d->rows.referenceOf((*found)->requestId, outcome);
        if (!request)
            return request.error();
        HistoryRecord record;
        record.action = QStringLiteral("resolve_comment");
        record.reference = request->first;
        record.revision = request->second;
        record.detail = QStringLiteral("comment %1").arg(commentId);
        return d->history.append(record, outcome);
    });
}

Result<QList<ReviewDecision>> Store::reviewDecisions(qint64 requestId) const
{
    return d->workflowRows.decisions(requestId, tr("The review decisions could not be read."));
}

Result<std::optional<ReviewPoint>> Store::lastReview(qint64 requestId) const
{
    const Result<QList<ReviewDecision>> decisions = reviewDecisions(requestId);
    if (!decisions)
        return decisions.error();
    for (auto it = decisions->crbegin(); it != decisions->crend(); ++it) {
        if (it->contentJson.isEmpty())
            continue;
        Result<Request> content = RequestJson::parse(it->contentJson);
        if (!content) {
            return Error(content.errorKind(),
                         tr("The content as last reviewed could not be read: %1")
                             .arg(content.errorMessage()));
        }
        return std::optional<ReviewPoint>(ReviewPoint{*it, std::move(content).value()});
    }
    return std::optional<ReviewPoint>();
}

Result<QList<SentLetter>> Store::sentLetters(qint64 requestId) const
{
    return d->workflowRows.sentLetters(requestId, tr("The letters as sent could not be read."));
}

Result<std::optional<HistoryBreak>> Store::verifyHistory() const
{
    return d->history.verify(tr("The history could not be read to check it."));
}

} // namespace foidesk
