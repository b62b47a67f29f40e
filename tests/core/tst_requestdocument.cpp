#include "model/RequestDocument.h"
#include "model/RequestEnums.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace foidesk;
using namespace Qt::StringLiterals;
using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

namespace {

Question makeQuestion(const QString &label, const QString &text, const QString &answer)
{
    Question q;
    q.label = label;
    q.text = text;
    q.answer = answer;
    return q;
}

// A request shaped like a grouped survey: three questions, answered.
Request sampleRequest()
{
    Request r;
    r.id = 7;
    r.revision = 3;
    r.reference = QStringLiteral("6370952");
    r.title = QStringLiteral("Digital platform");
    r.received = QDate(2020, 6, 17);
    r.requester.name = QStringLiteral("A. Requester");
    r.questions = {
        makeQuestion(QStringLiteral("1."), QStringLiteral("First?"), QStringLiteral("A1")),
        makeQuestion(QStringLiteral("2."), QStringLiteral("Second?"), QStringLiteral("A2")),
        makeQuestion(QStringLiteral("3."), QStringLiteral("Third?"), QStringLiteral("A3"))};
    r.questions[0].section = QStringLiteral("Chatbots");
    r.questions[0].id = 11;
    r.questions[1].id = 12;
    r.questions[2].id = 13;
    return r;
}

QStringList labels(const RequestDocument &doc)
{
    QStringList out;
    for (int i = 0; i < doc.questionCount(); ++i)
        out.append(doc.question(i).label);
    return out;
}

} // namespace

// The document is the single place edits happen: every change must undo to the exact state
// before it and redo to the exact state after it.
class TestRequestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestFieldUndoRedo_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("value");

        QTest::newRow("reference") << int(Field::Reference) << QVariant(QStringLiteral("7014168"));
        QTest::newRow("title") << int(Field::Title) << QVariant(QStringLiteral("Ŵyr a ŷd £5"));
        QTest::newRow("regime") << int(Field::Regime) << QVariant(int(Regime::EIRS));
        QTest::newRow("received") << int(Field::Received) << QVariant(QDate(2021, 2, 3));
        QTest::newRow("status") << int(Field::Status) << QVariant(int(RequestStatus::InReview));
        QTest::newRow("held") << int(Field::Held) << QVariant(int(Held::NeitherConfirmNorDeny));
        QTest::newRow("officer") << int(Field::Officer) << QVariant(QStringLiteral("J. Officer"));
        QTest::newRow("letter date") << int(Field::LetterDate) << QVariant(QDate(2021, 2, 25));
        QTest::newRow("requester name")
            << int(Field::RequesterName) << QVariant(QStringLiteral("B. Person"));
        QTest::newRow("requester email")
            << int(Field::RequesterEmail) << QVariant(QStringLiteral("b@example.org"));
        QTest::newRow("requester address")
            << int(Field::RequesterAddress) << QVariant(QStringLiteral("1 High St\nLondon"));
        QTest::newRow("requester kind")
            << int(Field::RequesterKind) << QVariant(int(RequesterKind::Journalist));
        QTest::newRow("combined text")
            << int(Field::CombinedResponse) << QVariant(QStringLiteral("One answer."));
        QTest::newRow("combined enabled") << int(Field::CombinedEnabled) << QVariant(true);
    }

    void requestFieldUndoRedo()
    {
        QFETCH(int, field);
        QFETCH(QVariant, value);
        const auto f = Field(field);

        RequestDocument doc;
        doc.load(sampleRequest());
        const Request before = doc.request();
        const QVariant oldValue = doc.value(f);
        QVERIFY(oldValue != value);

        QSignalSpy changed(&doc, &RequestDocument::valueChanged);
        doc.setValue(f, value);
        QCOMPARE(doc.value(f), value);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<Field>(), f);
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.isModified());

        doc.undoStack()->undo();
        QCOMPARE(doc.value(f), oldValue);
        QVERIFY(doc.request().sameContent(before));
        QVERIFY(!doc.isModified());

        doc.undoStack()->redo();
        QCOMPARE(doc.value(f), value);
        QVERIFY(doc.isModified());
    }

    void settingTheSameValuePushesNothing()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setValue(Field::Reference, QStringLiteral("6370952"));
        doc.setQuestionValue(1, QField::Answer, QStringLiteral("A2"));
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void questionFieldUndoRedo_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("section") << int(QField::Section) << QVariant(QStringLiteral("Virtual"));
        QTest::newRow("label") << int(QField::Label) << QVariant(QStringLiteral("2a"));
        QTest::newRow("condition") << int(QField::Condition) << QVariant(QStringLiteral("If yes:"));
        QTest::newRow("text") << int(QField::Text) << QVariant(QStringLiteral("Pa ŵyl?"));
        QTest::newRow("choices") << int(
            QField::Choices) << QVariant(QStringList{QStringLiteral("Yes"), QStringLiteral("No")});
        QTest::newRow("answer") << int(QField::Answer) << QVariant(QStringLiteral("£1,200"));
    }

    void questionFieldUndoRedo()
    {
        QFETCH(int, field);
        QFETCH(QVariant, value);
        const auto f = QField(field);

        RequestDocument doc;
        doc.load(sampleRequest());
        const Request before = doc.request();
        QSignalSpy changed(&doc, &RequestDocument::questionValueChanged);
        QSignalSpy focus(&doc, &RequestDocument::questionFieldFocusRequested);

        doc.setQuestionValue(1, f, value);
        QCOMPARE(doc.questionValue(1, f), value);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toInt(), 1);
        QCOMPARE(focus.count(), 0); // typing does not move anything

        doc.undoStack()->undo();
        QVERIFY(doc.request().sameContent(before));
        QCOMPARE(focus.count(), 1);
        QCOMPARE(focus.first().at(0).toInt(), 1);

        doc.undoStack()->redo();
        QCOMPARE(doc.questionValue(1, f), value);
        // The other questions are untouched.
        QCOMPARE(doc.question(0).sameContent(before.questions[0]), true);
        QCOMPARE(doc.question(2).sameContent(before.questions[2]), true);
    }

    void typingInOneFieldMergesIntoOneStep()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        QString typed;
        for (QChar c : QStringLiteral("Brief title")) {
            typed += c;
            doc.setValue(Field::Title, typed);
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.value(Field::Title).toString(), QStringLiteral("Digital platform"));
        doc.undoStack()->redo();
        QCOMPARE(doc.value(Field::Title).toString(), QStringLiteral("Brief title"));
    }

    void anotherFieldOrQuestionStartsANewStep()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setQuestionValue(0, QField::Answer, QStringLiteral("a"));
        doc.setQuestionValue(0, QField::Answer, QStringLiteral("ab"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.setQuestionValue(1, QField::Answer, QStringLiteral("x"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.setQuestionValue(1, QField::Text, QStringLiteral("y"));
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.setValue(Field::Title, QStringLiteral("t"));
        doc.setValue(Field::Reference, QStringLiteral("r"));
        QCOMPARE(doc.undoStack()->count(), 5);
    }

    void finishTypingStartsANewStepInTheSameField()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setValue(Field::Title, QStringLiteral("One"));
        doc.finishTyping(); // the user left the field and came back
        doc.setValue(Field::Title, QStringLiteral("One two"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.value(Field::Title).toString(), QStringLiteral("One"));
    }

    void choosingFromAListIsOneStepEach()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setValue(Field::Status, int(RequestStatus::InProgress));
        doc.setValue(Field::Status, int(RequestStatus::InReview));
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    void typingBackToTheOriginalLeavesNothingToUndo()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setValue(Field::Reference, QStringLiteral("63709521"));
        doc.setValue(Field::Reference, QStringLiteral("6370952"));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
    }

    void typingAfterUndoDoesNotMergeIntoAnOlderStep()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setValue(Field::Title, QStringLiteral("A"));
        doc.setValue(Field::Reference, QStringLiteral("R"));
        doc.undoStack()->undo();
        doc.setValue(Field::Title, QStringLiteral("AB"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.value(Field::Title).toString(), QStringLiteral("A"));
    }

    void insertQuestion_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("start") << 0 << QStringList{u"new"_s, u"1."_s, u"2."_s, u"3."_s};
        QTest::newRow("middle") << 1 << QStringList{u"1."_s, u"new"_s, u"2."_s, u"3."_s};
        QTest::newRow("end") << 3 << QStringList{u"1."_s, u"2."_s, u"3."_s, u"new"_s};
    }

    void insertQuestion()
    {
        QFETCH(int, row);
        QFETCH(QStringList, expected);
        RequestDocument doc;
        doc.load(sampleRequest());
        QSignalSpy focus(&doc, &RequestDocument::questionFocusRequested);
        doc.insertQuestion(row, makeQuestion(u"new"_s, u"New?"_s, QString()));
        QCOMPARE(labels(doc), expected);
        QCOMPARE(focus.last().first().toInt(), row);
        doc.undoStack()->undo();
        QCOMPARE(labels(doc), (QStringList{u"1."_s, u"2."_s, u"3."_s}));
        doc.undoStack()->redo();
        QCOMPARE(labels(doc), expected);
    }

    void redoOfAnInsertKeepsWhatWasTypedIntoIt()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.insertQuestion(3);
        doc.setQuestionValue(3, QField::Text, u"Typed"_s);
        doc.undoStack()->undo(); // the text
        doc.undoStack()->undo(); // the insert
        QCOMPARE(doc.questionCount(), 3);
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(doc.question(3).text, u"Typed"_s);
    }

    void removeQuestion_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("start") << 0 << QStringList{u"2."_s, u"3."_s};
        QTest::newRow("middle") << 1 << QStringList{u"1."_s, u"3."_s};
        QTest::newRow("end") << 2 << QStringList{u"1."_s, u"2."_s};
    }

    void removeQuestion()
    {
        QFETCH(int, row);
        QFETCH(QStringList, expected);
        RequestDocument doc;
        const Request original = sampleRequest();
        doc.load(original);
        QVERIFY(doc.removeQuestion(row));
        QCOMPARE(labels(doc), expected);

        // Undo puts the question back where it was, with its answer and stored id.
        doc.undoStack()->undo();
        QCOMPARE(doc.questionCount(), 3);
        QCOMPARE(doc.question(row), original.questions[row]);
        QCOMPARE(doc.question(row).answer, original.questions[row].answer);
        doc.undoStack()->redo();
        QCOMPARE(labels(doc), expected);
    }

    void removeOutOfRangeIsRefused()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        QVERIFY(!doc.removeQuestion(3));
        QVERIFY(!doc.removeQuestion(-1));
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void moveQuestion_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("start to end") << 0 << 2 << QStringList{u"2."_s, u"3."_s, u"1."_s};
        QTest::newRow("end to start") << 2 << 0 << QStringList{u"3."_s, u"1."_s, u"2."_s};
        QTest::newRow("middle up") << 1 << 0 << QStringList{u"2."_s, u"1."_s, u"3."_s};
        QTest::newRow("middle down") << 1 << 2 << QStringList{u"1."_s, u"3."_s, u"2."_s};
    }

    void moveQuestion()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QStringList, expected);
        RequestDocument doc;
        doc.load(sampleRequest());
        QSignalSpy focus(&doc, &RequestDocument::questionFocusRequested);
        QVERIFY(doc.moveQuestion(from, to));
        QCOMPARE(labels(doc), expected);
        QCOMPARE(focus.last().first().toInt(), to);
        doc.undoStack()->undo();
        QCOMPARE(labels(doc), (QStringList{u"1."_s, u"2."_s, u"3."_s}));
        QCOMPARE(focus.last().first().toInt(), from);
        doc.undoStack()->redo();
        QCOMPARE(labels(doc), expected);
    }

    void moveThatMovesNothingIsRefused()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        QVERIFY(!doc.moveQuestion(1, 1));
        QVERIFY(!doc.moveQuestion(2, 3));
        QVERIFY(!doc.moveQuestion(-1, 0));
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void cleanStateTracksSaves()
    {
        RequestDocument doc;
        QSignalSpy modified(&doc, &RequestDocument::modificationChanged);
        doc.load(sampleRequest());
        QVERIFY(!doc.isModified());

        doc.setValue(Field::Title, u"Changed"_s);
        QVERIFY(doc.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.last().first().toBool(), true);

        Request stored = doc.request();
        stored.revision = 4;
        doc.markSaved(stored);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.revision(), 4);
        QCOMPARE(modified.last().first().toBool(), false);

        // Typing after a save is a new step, so undo returns to the saved text and beyond.
        doc.setValue(Field::Title, u"Changed again"_s);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        QCOMPARE(doc.value(Field::Title).toString(), u"Digital platform"_s);

        // Loading another request drops the history and is clean.
        doc.load(sampleRequest());
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(modified.last().first().toBool(), false);
    }

    void markSavedTakesTheStoredQuestionIds()
    {
        Request fresh;
        fresh.reference = u"1"_s;
        fresh.received = QDate(2024, 1, 2);
        fresh.questions = {Question(), makeQuestion(u"1."_s, u"Asked"_s, QString())};
        RequestDocument doc;
        doc.load(fresh);

        Request stored = doc.request();
        QCOMPARE(stored.questions.size(), 1); // the blank question is not stored
        stored.id = 40;
        stored.revision = 1;
        stored.questions[0].id = 99;
        doc.markSaved(stored);
        QCOMPARE(doc.requestId(), qint64(40));
        QCOMPARE(doc.question(0).id, qint64(0));
        QCOMPARE(doc.question(1).id, qint64(99));
    }

    void requestAsStored()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setValue(Field::Reference, u"  6370952 "_s);
        doc.setQuestionValue(0, QField::Choices, QStringList{u"Yes"_s, QString(), u" No "_s});
        doc.setValue(Field::CombinedResponse, u"Draft kept"_s);
        Request r = doc.request();
        QCOMPARE(r.reference, u"6370952"_s);
        QCOMPARE(r.questions[0].choices, (QStringList{u"Yes"_s, u"No"_s}));
        // The combined response counts only while the box is ticked.
        QVERIFY(r.combinedResponse.isEmpty());
        doc.setValue(Field::CombinedEnabled, true);
        QCOMPARE(doc.request().combinedResponse, u"Draft kept"_s);
    }

    void loadingACombinedResponseTicksTheBox()
    {
        Request r = sampleRequest();
        r.combinedResponse = u"All answered together."_s;
        RequestDocument doc;
        doc.load(r);
        QCOMPARE(doc.value(Field::CombinedEnabled).toBool(), true);
        QVERIFY(doc.request().sameContent(r));
    }

    void problems_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QDate>("received");
        QTest::addColumn<bool>("combined");
        QTest::addColumn<QString>("combinedText");
        QTest::addColumn<QList<int>>("expected");

        const QDate d(2024, 3, 4);
        QTest::newRow("complete") << u"1"_s << d << false << QString() << QList<int>{};
        QTest::newRow("no reference")
            << u"  "_s << d << false << QString() << QList<int>{int(Field::Reference)};
        QTest::newRow("no date") << u"1"_s << QDate() << false << QString()
                                 << QList<int>{int(Field::Received)};
        QTest::newRow("combined but empty")
            << u"1"_s << d << true << u" "_s << QList<int>{int(Field::CombinedResponse)};
        QTest::newRow("combined with text") << u"1"_s << d << true << u"x"_s << QList<int>{};
        QTest::newRow("everything missing")
            << QString() << QDate() << true << QString()
            << QList<int>{
                   int(Field::Reference), int(Field::Received), int(Field::CombinedResponse)};
    }

    void problems()
    {
        QFETCH(QString, reference);
        QFETCH(QDate, received);
        QFETCH(bool, combined);
        QFETCH(QString, combinedText);
        QFETCH(QList<int>, expected);

        RequestDocument doc;
        Request r;
        r.reference = reference;
        r.received = received;
        doc.load(r);
        doc.setValue(Field::CombinedEnabled, combined);
        doc.setValue(Field::CombinedResponse, combinedText);
        QList<int> found;
        for (const auto &problem : doc.problems()) {
            found.append(int(problem.first));
            QVERIFY(!problem.second.isEmpty());
        }
        QCOMPARE(found, expected);
    }
};

QTEST_GUILESS_MAIN(TestRequestDocument)
#include "tst_requestdocument.moc"
