#include "core/RawDatabase.h"
#include "model/RequestEnums.h"
#include "store/Migrator.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString requesterName = u"Gwenllïan Ŵyn-Ŷates"_s;
const QString requesterEmail = u"gwen@example.org"_s;

Request sampleRequest(const QString &reference)
{
    Request request;
    request.reference = reference;
    request.title = u"Pothole claims"_s;
    request.received = QDate(2024, 3, 4);
    request.requester = {
        requesterName, requesterEmail, u"1 Ffordd y Bont"_s, RequesterKind::Individual};
    request.officer = u"Olly Officer"_s;
    request.status = RequestStatus::InProgress;
    Question first;
    first.label = u"1."_s;
    first.text = u"How many claims were paid in 2023?"_s;
    first.answer = u"412 claims were paid; the manager was Dana Whitfield."_s;
    Question second;
    second.label = u"2."_s;
    second.text = u"How much was paid?"_s;
    second.answer = u"£81,000 in total."_s;
    request.questions = {first, second};
    return request;
}

StaffMember person(const QString &name, const QString &login, StaffRole role)
{
    StaffMember member;
    member.name = name;
    member.login = login;
    member.role = role;
    return member;
}

bool entriesContain(const QList<AuditEntry> &entries, const QString &text)
{
    for (const AuditEntry &e : entries) {
        for (const QString &field :
             {e.user, e.action, e.reference, e.field, e.oldValue, e.newValue, e.detail}) {
            if (field.contains(text))
                return true;
        }
    }
    return false;
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;

    QString dbPath() const { return m_dir->filePath(u"log.sqlite"_s); }

    std::unique_ptr<Store> openStore()
    {
        auto opened = Store::open(dbPath());
        if (!opened) {
            qWarning() << opened.errorMessage();
            return {};
        }
        return std::move(opened.value());
    }

    // A log with an officer (olly), two supervisors (sue, dora) and one request.
    Request setUpOffice(const Request &request = sampleRequest(u"FOI-1"_s))
    {
        for (const StaffMember &member :
             {person(u"Olly Officer"_s, u"olly"_s, StaffRole::Officer),
              person(u"Sue Supervisor"_s, u"sue"_s, StaffRole::Supervisor),
              person(u"Dora Director"_s, u"dora"_s, StaffRole::Supervisor)}) {
            const auto saved = m_store->saveStaffMember(member);
            if (!saved)
                qWarning() << saved.errorMessage();
        }
        m_store->setCurrentUser(u"olly"_s);
        const auto created = m_store->createRequest(request);
        if (!created)
            qFatal("%s", qPrintable(created.errorMessage()));
        return created.value();
    }

    Request move(qint64 id, WorkflowMove theMove, const QString &user, const MoveInput &input = {})
    {
        m_store->setCurrentUser(user);
        const Result<Request> moved = m_store->applyMove(id, theMove, input);
        if (!moved)
            qWarning() << moved.errorMessage();
        return moved ? moved.value() : Request();
    }

    Request approved()
    {
        const Request request = setUpOffice();
        move(request.id, WorkflowMove::Submit, u"olly"_s);
        const Request done = move(request.id, WorkflowMove::Approve, u"sue"_s);
        if (done.status != RequestStatus::Approved)
            qWarning() << "not approved";
        return done;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = openStore();
        QVERIFY(m_store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void currentUserDefaultsToTheOperatingSystemAccount()
    {
        QVERIFY(m_store->saveStaffMember(person(u"Olly Officer"_s, u"olly"_s, StaffRole::Officer)));
        m_store.reset();
        const QByteArray savedUser = qgetenv("USER");
        qputenv("USER", "OLLY");
        m_store = openStore();
        QVERIFY(m_store);
        // The register's spelling of the login.
        QCOMPARE(m_store->currentUser(), u"olly"_s);
        m_store.reset();
        qputenv("USER", "someone-else");
        m_store = openStore();
        QCOMPARE(m_store->currentUser(), u"someone-else"_s);
        qputenv("USER", savedUser);

        m_store->setCurrentUser(u"olly"_s);
        QVERIFY(m_store->createRequest(sampleRequest(u"FOI-9"_s)));
        const auto trail = m_store->auditTrail(u"FOI-9"_s);
        QVERIFY(trail && !trail->isEmpty());
        QCOMPARE(trail->constFirst().user, u"olly"_s);
    }

    void loginsAreUniqueIgnoringCase()
    {
        QVERIFY(m_store->saveStaffMember(person(u"Olly Officer"_s, u"olly"_s, StaffRole::Officer)));
        const auto taken =
            m_store->saveStaffMember(person(u"Oliver Other"_s, u"OLLY"_s, StaffRole::Both));
        QVERIFY(!taken);
        QCOMPARE(taken.errorKind(), ErrorKind::Taken);
        QVERIFY2(taken.errorMessage().contains(u"Olly Officer"_s),
                 qPrintable(taken.errorMessage()));
        // People without a login are many.
        QVERIFY(m_store->saveStaffMember(person(u"A"_s, QString(), StaffRole::Officer)));
        QVERIFY(m_store->saveStaffMember(person(u"B"_s, QString(), StaffRole::Officer)));
        const auto both = m_store->saveStaffMember(person(u"Bo Both"_s, u"bo"_s, StaffRole::Both));
        QVERIFY(both);
        const auto found = m_store->staffMemberByLogin(u"BO"_s);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->role, StaffRole::Both);
        QCOMPARE((*found)->login, u"bo"_s);
    }

    void reviewIsOnWithASupervisorUnlessSwitchedOff()
    {
        QCOMPARE(m_store->reviewEnabled().value(), false);
        QVERIFY(m_store->saveStaffMember(person(u"Olly"_s, u"olly"_s, StaffRole::Officer)));
        QCOMPARE(m_store->reviewEnabled().value(), false);
        QVERIFY(m_store->saveStaffMember(person(u"Sue"_s, u"sue"_s, StaffRole::Supervisor)));
        QCOMPARE(m_store->reviewEnabled().value(), true);
        QVERIFY(m_store->setReviewSwitchedOff(true));
        QCOMPARE(m_store->reviewSwitchedOff().value(), true);
        QCOMPARE(m_store->reviewEnabled().value(), false);
        QVERIFY(m_store->setReviewSwitchedOff(false));
        QCOMPARE(m_store->reviewEnabled().value(), true);
        const auto trail = m_store->auditTrail();
        QVERIFY(trail);
        QVERIFY(std::any_of(trail->cbegin(), trail->cend(), [](const AuditEntry &e) {
            return e.action == u"setting"_s && e.newValue == u"off"_s;
        }));
    }

    void theWholeLoop()
    {
        const Request request = setUpOffice();
        const qint64 id = request.id;

        // The officer cannot approve, the supervisor cannot submit.
        m_store->setCurrentUser(u"olly"_s);
        auto refused = m_store->applyMove(id, WorkflowMove::Approve);
        QVERIFY(!refused);
        QCOMPARE(refused.errorKind(), ErrorKind::Refused);
        QVERIFY2(refused.errorMessage().contains(u"FOI-1"_s), qPrintable(refused.errorMessage()));

        QCOMPARE(move(id, WorkflowMove::Submit, u"olly"_s).status, RequestStatus::AwaitingReview);
        m_store->setCurrentUser(u"olly"_s);
        refused = m_store->applyMove(id, WorkflowMove::Approve);
        QVERIFY2(refused.errorMessage().contains(u"Only a supervisor"_s),
                 qPrintable(refused.errorMessage()));

        // The supervisor comments on one answer and returns the request.
        m_store->setCurrentUser(u"sue"_s);
        const auto comment = m_store->addComment(id, 1, u"Say how the total was worked out."_s);
        QVERIFY2(comment, qPrintable(comment.errorMessage()));
        QCOMPARE(comment->author, u"sue"_s);
        QCOMPARE(comment->question, std::optional<int>(1));
        QVERIFY(!m_store->addComment(id, 5, u"No such question."_s));
        QVERIFY(!m_store->addComment(id, std::nullopt, u"   "_s));
        m_store->setCurrentUser(u"sue"_s);
        QCOMPARE(m_store->applyMove(id, WorkflowMove::Return).errorKind(), ErrorKind::BadInput);
        MoveInput returning;
        returning.comment = u"See my comment on question 2."_s;
        QCOMPARE(move(id, WorkflowMove::Return, u"sue"_s, returning).status,
                 RequestStatus::Returned);

        // The officer fixes the answer, resolves the comment and resubmits.
        m_store->setCurrentUser(u"olly"_s);
        Request fixed = m_store->loadRequest(id).value();
        fixed.questions[1].answer = u"£81,000 in total, from the claims ledger."_s;
        const auto saved = m_store->saveRequestReporting(fixed);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QVERIFY(!saved->approvalWithdrawn);
        QVERIFY(m_store->resolveComment(comment->id));
        const auto comments = m_store->comments(id);
        QVERIFY(comments && comments->size() == 1);
        QVERIFY(comments->constFirst().resolved);
        QCOMPARE(comments->constFirst().resolvedBy, u"olly"_s);
        QCOMPARE(move(id, WorkflowMove::Submit, u"olly"_s).status, RequestStatus::AwaitingReview);

        // Mark sent needs Approved.
        MoveInput sending;
        sending.sentPdf = QByteArrayLiteral("%PDF-1.4 the letter as sent");
        sending.sentOn = QDate(2024, 3, 28);
        m_store->setCurrentUser(u"olly"_s);
        refused = m_store->applyMove(id, WorkflowMove::MarkSent, sending);
        QCOMPARE(refused.errorKind(), ErrorKind::Refused);
        QVERIFY2(refused.errorMessage().contains(u"approved"_s),
                 qPrintable(refused.errorMessage()));

        MoveInput approving;
        approving.comment = u"Fine now."_s;
        QCOMPARE(move(id, WorkflowMove::Approve, u"sue"_s, approving).status,
                 RequestStatus::Approved);
        const auto decisions = m_store->reviewDecisions(id);
        QVERIFY(decisions && decisions->size() == 2);
        QCOMPARE(decisions->at(0).kind, ReviewDecision::Kind::Return);
        QCOMPARE(decisions->at(0).comment, returning.comment);
        QCOMPARE(decisions->at(1).kind, ReviewDecision::Kind::Approve);
        QCOMPARE(decisions->at(1).author, u"sue"_s);

        // Without the letter nothing is marked.
        m_store->setCurrentUser(u"olly"_s);
        QCOMPARE(m_store->applyMove(id, WorkflowMove::MarkSent).errorKind(), ErrorKind::BadInput);
        const Request sent = move(id, WorkflowMove::MarkSent, u"olly"_s, sending);
        QCOMPARE(sent.status, RequestStatus::Sent);
        const auto letters = m_store->sentLetters(id);
        QVERIFY(letters && letters->size() == 1);
        QCOMPARE(letters->constFirst().pdf, sending.sentPdf);
        QCOMPARE(letters->constFirst().sentOn, sending.sentOn);
        QCOMPARE(letters->constFirst().sentBy, u"olly"_s);
        QVERIFY(letters->constFirst().contentJson.contains("from the claims ledger"));

        // Locked once sent.
        Request late = m_store->loadRequest(id).value();
        late.questions[0].answer = u"413"_s;
        const auto locked = m_store->saveRequest(late);
        QVERIFY(!locked);
        QCOMPARE(locked.errorKind(), ErrorKind::Refused);
        QVERIFY2(locked.errorMessage().contains(u"Reopen"_s), qPrintable(locked.errorMessage()));

        m_store->setCurrentUser(u"olly"_s);
        QCOMPARE(m_store->applyMove(id, WorkflowMove::Reopen).errorKind(), ErrorKind::Refused);
        MoveInput reopening;
        reopening.reason = u"Complaint: the total was questioned."_s;
        QCOMPARE(move(id, WorkflowMove::Reopen, u"olly"_s, reopening).status,
                 RequestStatus::InProgress);
        late = m_store->loadRequest(id).value();
        late.questions[0].answer = u"413"_s;
        QVERIFY(m_store->saveRequest(late));

        const auto trail = m_store->auditTrail(u"FOI-1"_s, 0);
        QVERIFY(trail);
        QStringList actions;
        for (const AuditEntry &e : trail.value())
            actions.prepend(e.action);
        for (const QString &expected : {u"submit"_s,
                                        u"comment"_s,
                                        u"return"_s,
                                        u"approve"_s,
                                        u"mark-sent"_s,
                                        u"reopen"_s,
                                        u"resolve_comment"_s}) {
            QVERIFY2(actions.contains(expected), qPrintable(actions.join(u' ')));
        }
        QVERIFY(entriesContain(trail.value(), reopening.reason));
        const auto reopenEntry =
            std::find_if(trail->cbegin(), trail->cend(), [](const AuditEntry &e) {
                return e.action == u"reopen"_s;
            });
        QCOMPARE(reopenEntry->user, u"olly"_s);
        QCOMPARE(reopenEntry->oldValue, u"sent"_s);
        QCOMPARE(reopenEntry->newValue, u"in_progress"_s);
        // The save names the field with its old and new value.
        const AuditEntry &lastSave = trail->constFirst();
        QCOMPARE(lastSave.action, u"save"_s);
        QCOMPARE(lastSave.user, u"olly"_s);
        QCOMPARE(lastSave.field, u"question 1 answer"_s);
        QCOMPARE(QJsonDocument::fromJson(lastSave.newValue.toUtf8())
                     .object()
                     .value(u"question 1 answer"_s)
                     .toString(),
                 u"413"_s);
        QCOMPARE(QJsonDocument::fromJson(lastSave.oldValue.toUtf8())
                     .object()
                     .value(u"question 1 answer"_s)
                     .toString(),
                 u"412 claims were paid; the manager was Dana Whitfield."_s);
        QVERIFY(!m_store->verifyHistory().value().has_value());
    }

    void approvalWithdrawnByEachContentChange_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("question") << u"question"_s;
        QTest::newRow("answer") << u"answer"_s;
        QTest::newRow("redaction") << u"redaction"_s;
        QTest::newRow("exemption") << u"exemption"_s;
        QTest::newRow("exemption reasoning") << u"reasoning"_s;
        QTest::newRow("letter wording") << u"combined"_s;
        QTest::newRow("introduction") << u"introduction"_s;
        QTest::newRow("new question") << u"added"_s;
    }

    void approvalWithdrawnByEachContentChange()
    {
        QFETCH(QString, kind);
        const Request before = approved();
        QCOMPARE(before.status, RequestStatus::Approved);
        Request changed = before;
        Question &first = changed.questions[0];
        if (kind == u"question")
            first.text += u" And in 2022?"_s;
        else if (kind == u"answer")
            first.answer = u"413 claims were paid."_s;
        else if (kind == u"redaction")
            first.redactions = {Redaction{first.answer.indexOf(u"Dana"_s), 14, u"s40(2)"_s}};
        else if (kind == u"exemption")
            first.exemptions = {u"s40(2)"_s};
        else if (kind == u"reasoning")
            changed.exemptionReasons.insert(u"s40(2)"_s,
                                            ExemptionReasoning{u"Personal data."_s, {}});
        else if (kind == u"combined")
            changed.combinedResponse = u"Both answers are below."_s;
        else if (kind == u"introduction")
            changed.introduction = u"I would like to know about potholes."_s;
        else if (kind == u"added")
            changed.questions.append(Question{});

        m_store->setCurrentUser(u"olly"_s);
        QSignalSpy withdrawn(m_store.get(), &Store::approvalWithdrawn);
        const auto saved = m_store->saveRequestReporting(changed);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QVERIFY(saved->approvalWithdrawn);
        QCOMPARE(saved->request.status, RequestStatus::AwaitingReview);
        QVERIFY2(saved->notice.contains(u"withdrawn"_s), qPrintable(saved->notice));
        QVERIFY2(saved->notice.endsWith(u'.'), qPrintable(saved->notice));
        QCOMPARE(withdrawn.size(), 1);
        QCOMPARE(m_store->loadRequest(before.id)->status, RequestStatus::AwaitingReview);
        const auto trail = m_store->auditTrail(u"FOI-1"_s, 0);
        QVERIFY(std::any_of(trail->cbegin(), trail->cend(), [](const AuditEntry &e) {
            return e.action == u"approval_withdrawn"_s && e.user == u"olly"_s
                   && e.oldValue == u"approved"_s && e.newValue == u"awaiting_review"_s;
        }));
        // Sending now needs a fresh approval.
        MoveInput sending;
        sending.sentPdf = QByteArrayLiteral("%PDF");
        QCOMPARE(m_store->applyMove(before.id, WorkflowMove::MarkSent, sending).errorKind(),
                 ErrorKind::Refused);
    }

    void changesBesideTheContentKeepTheApproval()
    {
        const Request before = approved();
        Request changed = before;
        changed.officer = u"Someone Else"_s;
        changed.letterFinal = true;
        const auto saved = m_store->saveRequestReporting(changed);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QVERIFY(!saved->approvalWithdrawn);
        QCOMPARE(saved->request.status, RequestStatus::Approved);
    }

    // A clarification or an internal review moves the clock, not the letter: the approval
    // stands, and a sent request takes the event without being reopened.
    void clockEventsKeepTheApprovalAndReachASentRequest()
    {
        const Request before = approved();
        Request changed = before;
        changed.clockEvents = {ClockEvent{ClockEventKind::ClarificationSought,
                                          QDate(2024, 3, 6),
                                          u"Which years?"_s,
                                          {}},
                               ClockEvent{ClockEventKind::ClarificationReceived,
                                          QDate(2024, 3, 8),
                                          {},
                                          {}}};
        m_store->setCurrentUser(u"olly"_s);
        const auto saved = m_store->saveRequestReporting(changed);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QVERIFY(!saved->approvalWithdrawn);
        QCOMPARE(saved->request.status, RequestStatus::Approved);

        MoveInput sending;
        sending.sentPdf = QByteArrayLiteral("%PDF-1.4 the letter as sent");
        sending.sentOn = QDate(2024, 4, 2);
        const Request sent = move(before.id, WorkflowMove::MarkSent, u"olly"_s, sending);
        QCOMPARE(sent.status, RequestStatus::Sent);
        QCOMPARE(m_store->loadRequest(before.id)->responseSent, QDate(2024, 4, 2));

        Request reviewed = m_store->loadRequest(before.id).value();
        reviewed.clockEvents.append(
            ClockEvent{ClockEventKind::InternalReviewRequested, QDate(2024, 4, 20), {}, {}});
        const auto afterSending = m_store->saveRequestReporting(reviewed);
        QVERIFY2(afterSending, qPrintable(afterSending.errorMessage()));
        QCOMPARE(afterSending->request.status, RequestStatus::Sent);
        QCOMPARE(m_store->loadRequest(before.id)->clockEvents.size(), 3);

        // The history names the event with its date.
        const auto trail = m_store->auditTrail(u"FOI-1"_s, 0);
        QVERIFY(trail);
        const AuditEntry &last = trail->constFirst();
        QCOMPARE(last.action, u"save"_s);
        QCOMPARE(last.field, u"clock events"_s);
        QVERIFY2(last.newValue.contains(u"internal_review_requested"_s)
                     && last.newValue.contains(u"2024-04-20"_s),
                 qPrintable(last.newValue));
    }

    void withReviewOnTheStatusChangesOnlyByMoves()
    {
        const Request request = setUpOffice();
        Request changed = request;
        changed.status = RequestStatus::Approved;
        const auto saved = m_store->saveRequest(changed);
        QVERIFY(!saved);
        QCOMPARE(saved.errorKind(), ErrorKind::Refused);
        QCOMPARE(m_store->loadRequest(request.id)->status, RequestStatus::InProgress);
        // With review off, as a one-person office expects.
        QVERIFY(m_store->setReviewSwitchedOff(true));
        QVERIFY(m_store->saveRequest(changed));
    }

    void secondSignoffNeedsTwoApprovers()
    {
        Request flagged = sampleRequest(u"FOI-2"_s);
        flagged.secondSignoff = u"director"_s;
        const Request request = setUpOffice(flagged);
        QCOMPARE(request.secondSignoff, u"director"_s);
        move(request.id, WorkflowMove::Submit, u"olly"_s);
        Request first = move(request.id, WorkflowMove::Approve, u"sue"_s);
        QCOMPARE(first.status, RequestStatus::AwaitingReview);
        QCOMPARE(first.firstApprovalBy, u"sue"_s);
        m_store->setCurrentUser(u"sue"_s);
        auto again = m_store->applyMove(request.id, WorkflowMove::SecondApproval);
        QCOMPARE(again.errorKind(), ErrorKind::Refused);
        QVERIFY2(again.errorMessage().contains(u"someone else"_s),
                 qPrintable(again.errorMessage()));
        // A content change withdraws the first approval too.
        Request changed = m_store->loadRequest(request.id).value();
        changed.questions[1].answer = u"£80,000."_s;
        const auto saved = m_store->saveRequestReporting(changed);
        QVERIFY(saved && saved->approvalWithdrawn);
        QVERIFY(saved->request.firstApprovalBy.isEmpty());
        first = move(request.id, WorkflowMove::Approve, u"sue"_s);
        QCOMPARE(first.firstApprovalBy, u"sue"_s);
        const Request second = move(request.id, WorkflowMove::SecondApproval, u"dora"_s);
        QCOMPARE(second.status, RequestStatus::Approved);
        QVERIFY(second.firstApprovalBy.isEmpty());
    }

    void requesterDataNeverEntersTheHistory()
    {
        const Request request = setUpOffice();
        Request changed = request;
        changed.requester.name = u"Zebedee Quartermaine"_s;
        changed.requester.email = u"zq@example.net"_s;
        changed.requester.address = u"99 Secret Lane"_s;
        QVERIFY(m_store->saveRequest(changed));
        const auto trail = m_store->auditTrail(QString(), 0);
        QVERIFY(trail);
        for (const QString &personal : {requesterName,
                                        requesterEmail,
                                        u"Zebedee"_s,
                                        u"zq@example.net"_s,
                                        u"99 Secret Lane"_s,
                                        u"Ffordd"_s}) {
            QVERIFY2(!entriesContain(trail.value(), personal), qPrintable(personal));
        }
        // Named as changed, without the values.
        QCOMPARE(trail->constFirst().field,
                 u"requester name, requester email, requester address"_s);
        QCOMPARE(trail->constFirst().oldValue, u"{}"_s);
        QCOMPARE(trail->constFirst().newValue, u"{}"_s);
        // The search itself works: a value that is not personal data is found.
        QVERIFY(entriesContain(trail.value(), u"Pothole claims"_s)
                || entriesContain(trail.value(), u"FOI-1"_s));
    }

    void tamperedHistoryIsDetected_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::newRow("edited") << u"edit"_s;
        QTest::newRow("deleted") << u"delete"_s;
        QTest::newRow("reordered") << u"swap"_s;
        QTest::newRow("edited with its hash recomputed") << u"rehash"_s;
    }

    void tamperedHistoryIsDetected()
    {
        QFETCH(QString, tamper);
        const Request request = setUpOffice();
        for (int i = 0; i < 3; ++i) {
            Request changed = m_store->loadRequest(request.id).value();
            changed.title = u"Title %1"_s.arg(i);
            QVERIFY(m_store->saveRequest(changed));
        }
        QVERIFY(!m_store->verifyHistory().value().has_value());
        RawDatabase raw(dbPath());
        const qint64 count = raw.value(u"SELECT count(*) FROM audit"_s).toLongLong();
        QVERIFY(count >= 7);
        const qint64 target = 5;
        // Someone with an SQL tool can drop the triggers; the chain still tells.
        QVERIFY(raw.exec(u"DROP TRIGGER audit_refuses_update"_s));
        QVERIFY(raw.exec(u"DROP TRIGGER audit_refuses_delete"_s));
        qint64 expected = target;
        if (tamper == u"edit") {
            QVERIFY(raw.exec(u"UPDATE audit SET user_login = 'mallory' WHERE id = 5"_s));
        } else if (tamper == u"delete") {
            QVERIFY(raw.exec(u"DELETE FROM audit WHERE id = 5"_s));
            expected = 6; // the entry after the gap no longer follows its predecessor
        } else if (tamper == u"swap") {
            const QString columns =
                u"at, user_login, action, reference, revision, field, old_value, new_value, "
                u"detail, prev_hash, hash"_s;
            QVERIFY(raw.exec(u"CREATE TEMP TABLE a5 AS SELECT "_s + columns
                             + u" FROM audit WHERE id = 5"_s));
            QVERIFY(raw.exec(u"CREATE TEMP TABLE a6 AS SELECT "_s + columns
                             + u" FROM audit WHERE id = 6"_s));
            QString assignments;
            for (const QString &column : columns.split(u", "_s))
                assignments += u"%1 = (SELECT %1 FROM %2), "_s.arg(column, u"%1"_s);
            assignments.chop(2);
            QVERIFY(raw.exec(u"UPDATE audit SET "_s + QString(assignments).replace(u"%1"_s, u"a6"_s)
                             + u" WHERE id = 5"_s));
            QVERIFY(raw.exec(u"UPDATE audit SET "_s + QString(assignments).replace(u"%1"_s, u"a5"_s)
                             + u" WHERE id = 6"_s));
            QVERIFY(raw.value(u"SELECT action || field FROM audit WHERE id = 5"_s)
                        != raw.value(u"SELECT action || field FROM audit WHERE id = 6"_s)
                    || raw.value(u"SELECT new_value FROM audit WHERE id = 5"_s)
                           != raw.value(u"SELECT new_value FROM audit WHERE id = 6"_s));
        } else {
            // Edited and given a hash that fits its new content: the next entry still points at
            // the old hash.
            QVERIFY(raw.exec(u"UPDATE audit SET detail = 'nothing happened' WHERE id = 5"_s));
            AuditEntry entry;
            const auto trail = m_store->auditTrail(QString(), 0).value();
            for (const AuditEntry &e : trail) {
                if (e.id == 5)
                    entry = e;
            }
            QCOMPARE(entry.detail, u"nothing happened"_s);
            const QString rehashed = HistoryTable::hashOf(entry);
            QVERIFY(raw.exec(u"UPDATE audit SET hash = '%1' WHERE id = 5"_s.arg(rehashed)));
            expected = 6;
        }
        const auto broken = m_store->verifyHistory();
        QVERIFY2(broken, qPrintable(broken.errorMessage()));
        QVERIFY(broken->has_value());
        QCOMPARE((*broken)->id, expected);
        QVERIFY2((*broken)->reason.contains(u"History entry %1"_s.arg(expected)),
                 qPrintable((*broken)->reason));
    }

    void theHistoryRefusesUpdateAndDelete()
    {
        setUpOffice();
        RawDatabase raw(dbPath());
        QString error;
        QVERIFY(!raw.exec(u"UPDATE audit SET detail = 'x' WHERE id = 1"_s, &error));
        QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
        QVERIFY(!raw.exec(u"DELETE FROM audit WHERE id = 1"_s, &error));
        QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    }

    void migrationMapsStatusesAndChainsTheOldHistory()
    {
        m_store.reset();
        QFile::remove(dbPath());
        {
            RawDatabase raw(dbPath());
            QVERIFY(Migrator::migrate(raw.db(), 6));
            const QStringList old = {u"new"_s,
                                     u"in_progress"_s,
                                     u"on_hold"_s,
                                     u"in_review"_s,
                                     u"responded"_s,
                                     u"closed"_s,
                                     u"withdrawn"_s};
            for (qsizetype i = 0; i < old.size(); ++i) {
                QVERIFY(
                    raw.exec(u"INSERT INTO requests (reference, status, created_at, updated_at) "
                             u"VALUES ('R%1', '%2', '2024-01-01', '2024-01-01')"_s.arg(i)
                                 .arg(old[i])));
                QVERIFY(raw.exec(u"INSERT INTO audit (at, action, reference, revision, detail) "
                                 u"VALUES ('2024-01-0%1T09:00:00.000Z', 'create', 'R%2', 1, "
                                 u"'old entry %2')"_s.arg(i + 1)
                                     .arg(i)));
            }
            QVERIFY(raw.exec(u"INSERT INTO staff (name, role) VALUES ('Sue', 'supervisor')"_s));
        }
        m_store = openStore();
        QVERIFY(m_store);
        QCOMPARE(m_store->schemaVersion(), Migrator::latestVersion());
        const QList<RequestStatus> mapped = {RequestStatus::New,
                                             RequestStatus::InProgress,
                                             RequestStatus::ClarificationSought,
                                             RequestStatus::AwaitingReview,
                                             RequestStatus::Sent,
                                             RequestStatus::Closed,
                                             RequestStatus::Withdrawn};
        for (qsizetype i = 0; i < mapped.size(); ++i)
            QCOMPARE(m_store->loadRequestByReference(u"R%1"_s.arg(i))->status, mapped[i]);
        // Nothing lost from the register, and the old entries are chained and intact.
        QCOMPARE(m_store->staff()->size(), 1);
        const auto trail = m_store->auditTrail(QString(), 0);
        QCOMPARE(trail->size(), 7);
        QVERIFY(trail->constLast().prevHash.isEmpty());
        QVERIFY(!trail->constLast().hash.isEmpty());
        QCOMPARE(trail->at(0).prevHash, trail->at(1).hash);
        QVERIFY(!m_store->verifyHistory().value().has_value());
        // New entries continue the chain.
        QVERIFY(m_store->setReviewSwitchedOff(true));
        QVERIFY(!m_store->verifyHistory().value().has_value());
        // And an old entry edited afterwards is found.
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.exec(u"DROP TRIGGER audit_refuses_update"_s));
            QVERIFY(raw.exec(u"UPDATE audit SET detail = 'changed' WHERE id = 3"_s));
        }
        QCOMPARE(m_store->verifyHistory().value()->id, 3);
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
