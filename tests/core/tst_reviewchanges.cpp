// What the review view shows a supervisor: the words that changed in each answer since the
// last decision, the withheld passages and exemptions that came or went, and the content each
// decision was made on, kept in the log.
#include "store/Store.h"
#include "workflow/ReviewChanges.h"

#include <QTemporaryDir>
#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QString side(const QList<DiffRun> &runs, DiffRun::Kind other)
{
    QString text;
    for (const DiffRun &run : runs) {
        if (run.kind != other)
            text += run.text;
    }
    return text;
}

QStringList changed(const QList<DiffRun> &runs, DiffRun::Kind kind)
{
    QStringList words;
    for (const DiffRun &run : runs) {
        if (run.kind == kind)
            words.append(run.text);
    }
    return words;
}

} // namespace

class TestReviewChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wordsThatChanged_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QStringList>("added");
        QTest::newRow("figure") << u"£81,000 in total."_s << u"£81,500 in total."_s
                                << QStringList{u"000"_s} << QStringList{u"500"_s};
        QTest::newRow("words appended")
            << u"412 claims were paid."_s << u"412 claims were paid, from the ledger."_s
            << QStringList() << QStringList{u", from the ledger"_s};
        QTest::newRow("Welsh word")
            << u"Mae’r cyngor yn dal y wybodaeth."_s << u"Nid yw’r cyngor yn dal y wybodaeth."_s
            << QStringList{u"Mae’r "_s} << QStringList{u"Nid yw’r "_s};
        QTest::newRow("unchanged")
            << u"Same text."_s << u"Same text."_s << QStringList() << QStringList();
        QTest::newRow("from nothing")
            << QString() << u"New answer"_s << QStringList() << QStringList{u"New answer"_s};
    }

    void wordsThatChanged()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, removed);
        QFETCH(QStringList, added);
        const QList<DiffRun> runs = ReviewDiff::words(before, after);
        // Each side reads back whole, so nothing the officer wrote is lost from the view.
        QCOMPARE(side(runs, DiffRun::Kind::Added), before);
        QCOMPARE(side(runs, DiffRun::Kind::Removed), after);
        QCOMPARE(changed(runs, DiffRun::Kind::Removed), removed);
        QCOMPARE(changed(runs, DiffRun::Kind::Added), added);
        QCOMPARE(ReviewDiff::differs(runs), before != after);
    }

    void changesBetweenTwoVersions()
    {
        Request reviewed;
        Question first;
        first.text = u"How many claims?"_s;
        first.answer = u"412 claims; the manager was Dana Whitfield."_s;
        Question second;
        second.text = u"How much was paid?"_s;
        second.answer = u"£81,000."_s;
        reviewed.questions = {first, second};

        Request now = reviewed;
        now.questions[0].redactions = {
            Redaction{now.questions[0].answer.indexOf(u"Dana"_s), 14, u"s40(2)"_s}};
        now.questions[0].exemptions = {u"s40(2)"_s};
        Question third;
        third.text = u"Who decided?"_s;
        now.questions.append(third);
        now.combinedResponse = u"Both answers follow."_s;

        const ReviewChanges changes = ReviewDiff::between(reviewed, now);
        QCOMPARE(changes.questions.size(), 2); // question 2 did not change
        const QuestionChange &q1 = changes.questions.at(0);
        QCOMPARE(q1.name, u"Question 1"_s);
        QVERIFY(!q1.answerChanged());
        QCOMPARE(q1.withheldAdded, QStringList{u"Dana Whitfield (s40(2))"_s});
        QCOMPARE(q1.exemptionsAdded, QStringList{u"s40(2)"_s});
        const QuestionChange &q3 = changes.questions.at(1);
        QCOMPARE(q3.index, 2);
        QVERIFY(q3.added);
        QVERIFY(changes.introduction.isEmpty());
        QCOMPARE(changed(changes.combinedResponse, DiffRun::Kind::Added),
                 QStringList{u"Both answers follow."_s});

        // Taking the passage out again is shown as a withheld passage removed.
        const ReviewChanges back = ReviewDiff::between(now, reviewed);
        QCOMPARE(back.questions.at(0).withheldRemoved, QStringList{u"Dana Whitfield (s40(2))"_s});
        QVERIFY(back.questions.at(1).removed);
        QVERIFY(ReviewDiff::between(now, now).isEmpty());
    }

    // Each decision keeps the content it was made on; lastReview gives the latest.
    void theLastReviewIsKept()
    {
        QTemporaryDir dir;
        auto opened = Store::open(dir.filePath(u"log.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        Store &store = *opened.value();
        StaffMember officer;
        officer.name = u"Olly Officer"_s;
        officer.login = u"olly"_s;
        officer.role = StaffRole::Officer;
        StaffMember supervisor;
        supervisor.name = u"Sue Supervisor"_s;
        supervisor.login = u"sue"_s;
        supervisor.role = StaffRole::Supervisor;
        QVERIFY(store.saveStaffMember(officer));
        QVERIFY(store.saveStaffMember(supervisor));

        Request request;
        request.reference = u"FOI-7"_s;
        request.title = u"Claims"_s;
        request.received = QDate(2024, 3, 4);
        Question q;
        q.text = u"How many?"_s;
        q.answer = u"412."_s;
        request.questions = {q};
        store.setCurrentUser(u"olly"_s);
        const qint64 id = store.createRequest(request)->id;
        QVERIFY(!store.lastReview(id).value().has_value());

        QVERIFY(store.applyMove(id, WorkflowMove::Submit));
        store.setCurrentUser(u"sue"_s);
        MoveInput returning;
        returning.comment = u"Say which year."_s;
        QVERIFY(store.applyMove(id, WorkflowMove::Return, returning));

        store.setCurrentUser(u"olly"_s);
        Request fixed = store.loadRequest(id).value();
        fixed.questions[0].answer = u"412 in 2023."_s;
        QVERIFY(store.saveRequest(fixed));

        const auto last = store.lastReview(id);
        QVERIFY2(last, qPrintable(last.errorMessage()));
        QVERIFY(last->has_value());
        QCOMPARE((*last)->decision.kind, ReviewDecision::Kind::Return);
        QCOMPARE((*last)->decision.author, u"sue"_s);
        QCOMPARE((*last)->content.questions.at(0).answer, u"412."_s);
        const ReviewChanges changes =
            ReviewDiff::between((*last)->content, store.loadRequest(id).value());
        QCOMPARE(changes.questions.size(), 1);
        QCOMPARE(changed(changes.questions.at(0).answer, DiffRun::Kind::Added),
                 QStringList{u" in 2023"_s});
    }
};

QTEST_GUILESS_MAIN(TestReviewChanges)
#include "tst_reviewchanges.moc"
