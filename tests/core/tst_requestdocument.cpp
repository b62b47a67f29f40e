#include "editing/RequestDocument.h"
#include "model/RequestEnums.h"
#include "redaction/RedactionSpans.h"
#include "support/RequestBuilder.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace foidesk;
using namespace Qt::StringLiterals;
using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

namespace {

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
        test::makeQuestion({}, QStringLiteral("1."), QStringLiteral("First?"), QStringLiteral("A1")),
        test::makeQuestion({}, QStringLiteral("2."), QStringLiteral("Second?"), QStringLiteral("A2")),
        test::makeQuestion({}, QStringLiteral("3."), QStringLiteral("Third?"), QStringLiteral("A3"))};
    r.questions[0].section = QStringLiteral("Chatbots");
    r.questions[0].id = 11;
    r.questions[1].id = 12;
    r.questions[2].id = 13;
    return r;
}

// What each span of a question's answer covers, with its exemption: "John Smith|s40(2)".
QStringList withheld(const RequestDocument &doc, int row)
{
    QStringList out;
    const Question &q = doc.question(row);
    for (const Redaction &span : q.redactions)
        out.append(q.answer.mid(span.start, span.length) + u'|' + span.exemption);
    return out;
}

// Types text one character at a time at position, as the editor reports each keystroke.
void typeAt(RequestDocument &doc, int row, qsizetype position, const QString &text)
{
    for (QChar c : text) {
        QString answer = doc.question(row).answer;
        answer.insert(position++, c);
        doc.setQuestionValue(row, QField::Answer, answer);
    }
}

// Deletes count characters before position one at a time, as Backspace does.
void backspaceAt(RequestDocument &doc, int row, qsizetype position, int count)
{
    for (int i = 0; i < count; ++i) {
        QString answer = doc.question(row).answer;
        answer.remove(--position, 1);
        doc.setQuestionValue(row, QField::Answer, answer);
    }
}

// One question whose answer names someone, with the name withheld under s40(2).
RequestDocument *documentWithName(QObject *parent)
{
    auto *doc = new RequestDocument(parent);
    Request r = sampleRequest();
    r.questions[0].answer = QStringLiteral("Ask John Smith today"); // the name is 4..14
    doc->load(r);
    doc->redact(0, 4, 10, QStringLiteral("s40(2)"));
    return doc;
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
        QTest::newRow("status") << int(Field::Status) << QVariant(int(RequestStatus::AwaitingReview));
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
        QTest::newRow("not for publication") << int(Field::NotForPublication) << QVariant(true);
        QTest::newRow("not for publication reason")
            << int(Field::NotForPublicationReason) << QVariant(QStringLiteral("Their own data."));
        QTest::newRow("publish after") << int(Field::PublishAfter) << QVariant(QDate(2027, 1, 4));
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
        QTest::newRow("disposition")
            << int(QField::Disposition) << QVariant(int(Disposition::NeitherConfirmNorDeny));
        QTest::newRow("exemptions")
            << int(QField::Exemptions) << QVariant(QStringList{u"s40(2)"_s, u"s43(2)"_s});
        QTest::newRow("redactions") << int(QField::Redactions)
                                    << QVariant::fromValue(QList<Redaction>{{1, 1, u"s40(2)"_s}});
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
        doc.setValue(Field::Status, int(RequestStatus::AwaitingReview));
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
        doc.insertQuestion(row, test::makeQuestion({}, u"new"_s, u"New?"_s, QString()));
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
        fresh.questions = {Question(), test::makeQuestion({}, u"1."_s, u"Asked"_s, QString())};
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

    void typingAroundAWithheldName_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");

        QTest::newRow("before") << 0 << u"Please "_s << u"John Smith|s40(2)"_s;
        QTest::newRow("after") << 20 << u", thanks"_s << u"John Smith|s40(2)"_s;
        QTest::newRow("at the start edge") << 4 << u"Mr "_s << u"John Smith|s40(2)"_s;
        QTest::newRow("at the end edge") << 14 << u"son"_s << u"John Smith|s40(2)"_s;
        QTest::newRow("inside") << 9 << u"A. "_s << u"John A. Smith|s40(2)"_s;
        QTest::newRow("inside, Welsh") << 8 << u" ap Ŵyn"_s << u"John ap Ŵyn Smith|s40(2)"_s;
    }

    // The officer goes on writing the answer after withholding a name: the span stays on the
    // name, and undo and redo of the typing put back exactly the spans of before and after.
    void typingAroundAWithheldName()
    {
        QFETCH(int, position);
        QFETCH(QString, typed);
        QFETCH(QString, expected);

        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        const QList<Redaction> before = doc->question(0).redactions;
        const QString answerBefore = doc->question(0).answer;

        typeAt(*doc, 0, position, typed);
        QCOMPARE(withheld(*doc, 0), QStringList{expected});
        const QList<Redaction> after = doc->question(0).redactions;
        QCOMPARE(doc->undoStack()->count(), 2); // the redaction, and the typing merged

        doc->undoStack()->undo();
        QCOMPARE(doc->question(0).answer, answerBefore);
        QCOMPARE(doc->question(0).redactions, before);
        doc->undoStack()->redo();
        QCOMPARE(doc->question(0).redactions, after);
        QCOMPARE(withheld(*doc, 0), QStringList{expected});
    }

    void deletingAroundAWithheldName_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("before it") << 4 << 4 << QStringList{u"John Smith|s40(2)"_s};
        QTest::newRow("after it") << 20 << 6 << QStringList{u"John Smith|s40(2)"_s};
        QTest::newRow("its end") << 14 << 5 << QStringList{u"John |s40(2)"_s};
        QTest::newRow("its start and the space before") << 9 << 6 << QStringList{u"Smith|s40(2)"_s};
        QTest::newRow("inside it") << 12 << 2 << QStringList{u"John Sth|s40(2)"_s};
        QTest::newRow("all of it") << 14 << 10 << QStringList();
        QTest::newRow("all of it and more") << 20 << 20 << QStringList();
    }

    void deletingAroundAWithheldName()
    {
        QFETCH(int, position);
        QFETCH(int, count);
        QFETCH(QStringList, expected);

        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        const QList<Redaction> before = doc->question(0).redactions;
        backspaceAt(*doc, 0, position, count);
        QCOMPARE(withheld(*doc, 0), expected);
        doc->undoStack()->undo();
        QCOMPARE(doc->question(0).answer, u"Ask John Smith today"_s);
        QCOMPARE(doc->question(0).redactions, before);
        doc->undoStack()->redo();
        QCOMPARE(withheld(*doc, 0), expected);
    }

    void replacingASelectionOverTheNameEdge()
    {
        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        // "Ask Jo" selected and overtyped: what is typed over the edge is not withheld.
        doc->setQuestionValue(0, QField::Answer, u"Tellhn Smith today"_s);
        QCOMPARE(withheld(*doc, 0), QStringList{u"hn Smith|s40(2)"_s});
        // The whole answer replaced (select all, paste): nothing is left to withhold.
        doc->finishTyping();
        doc->setQuestionValue(0, QField::Answer, u"No names here"_s);
        QVERIFY(doc->question(0).redactions.isEmpty());
        doc->undoStack()->undo();
        QCOMPARE(withheld(*doc, 0), QStringList{u"hn Smith|s40(2)"_s});
    }

    // Several steps of typing in several places: every undo and redo gives back exactly the
    // spans that went with that text.
    void undoAndRedoOfTypingRestoreSpansExactly()
    {
        RequestDocument doc;
        Request r = sampleRequest();
        r.questions[1].answer = u"Ann Lee met Bob Roe at 10 High St"_s;
        doc.load(r);
        QVERIFY(doc.redact(1, 0, 7, u"s40(2)"_s));   // Ann Lee
        QVERIFY(doc.redact(1, 23, 10, u"s43(2)"_s)); // 10 High St

        QList<QList<Redaction>> spansAt{doc.question(1).redactions};
        QStringList answersAt{doc.question(1).answer};
        auto step = [&](auto edit) {
            edit();
            doc.finishTyping();
            spansAt.append(doc.question(1).redactions);
            answersAt.append(doc.question(1).answer);
        };
        step([&] { typeAt(doc, 1, 3, u" B."_s); });   // inside Ann Lee
        step([&] { typeAt(doc, 1, 0, u"Yes: "_s); }); // before everything
        step([&] { backspaceAt(doc, 1, 32, 4); });    // "at", and the address's first character
        step([&] { typeAt(doc, 1, 0, u"Ŵ"_s); });     // a Welsh letter at the start
        QCOMPARE(withheld(doc, 1), (QStringList{u"Ann B. Lee|s40(2)"_s, u"0 High St|s43(2)"_s}));

        for (qsizetype i = spansAt.size() - 2; i >= 0; --i) {
            doc.undoStack()->undo();
            QCOMPARE(doc.question(1).answer, answersAt.at(i));
            QCOMPARE(doc.question(1).redactions, spansAt.at(i));
        }
        for (qsizetype i = 1; i < spansAt.size(); ++i) {
            doc.undoStack()->redo();
            QCOMPARE(doc.question(1).answer, answersAt.at(i));
            QCOMPARE(doc.question(1).redactions, spansAt.at(i));
        }
    }

    void answerEditsReportMovedSpans()
    {
        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        QSignalSpy changed(doc, &RequestDocument::questionValueChanged);

        typeAt(*doc, 0, 20, u"!"_s); // after the name: the spans stay where they are
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).value<QField>(), QField::Answer);

        changed.clear();
        typeAt(*doc, 0, 0, u"!"_s); // before the name: the span moves
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(1).value<QField>(), QField::Answer);
        QCOMPARE(changed.at(1).at(1).value<QField>(), QField::Redactions);
        // By the time the answer's change is reported, its spans already match it.
        QCOMPARE(withheld(*doc, 0), QStringList{u"John Smith|s40(2)"_s});

        changed.clear();
        doc->undoStack()->undo();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(1).value<QField>(), QField::Redactions);
    }

    void redactUnredactAndChangeExemption()
    {
        RequestDocument doc;
        Request r = sampleRequest();
        r.questions[2].answer = u"Call Ann Lee on 01234 567890"_s;
        doc.load(r);
        QSignalSpy changed(&doc, &RequestDocument::questionValueChanged);
        QSignalSpy focus(&doc, &RequestDocument::questionFieldFocusRequested);

        QVERIFY(doc.redact(2, 5, 7, u"s40(2)"_s));
        QCOMPARE(doc.undoStack()->text(0), u"Withhold text"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toInt(), 2);
        QCOMPARE(changed.first().at(1).value<QField>(), QField::Redactions);
        QVERIFY(doc.isModified());

        // A second redaction is a step of its own, even straight after the first.
        QVERIFY(doc.redact(2, 16, 12, u"s40(2)"_s));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(withheld(doc, 2), (QStringList{u"Ann Lee|s40(2)"_s, u"01234 567890|s40(2)"_s}));

        QVERIFY(doc.setRedactionExemption(2, 1, u"s38"_s));
        QCOMPARE(doc.undoStack()->text(2), u"Change exemption"_s);
        QCOMPARE(withheld(doc, 2), (QStringList{u"Ann Lee|s40(2)"_s, u"01234 567890|s38"_s}));

        QVERIFY(doc.unredact(2, 8, 1)); // the space in "Ann Lee"
        QCOMPARE(doc.undoStack()->text(3), u"Release withheld text"_s);
        QCOMPARE(withheld(doc, 2),
                 (QStringList{u"Ann|s40(2)"_s, u"Lee|s40(2)"_s, u"01234 567890|s38"_s}));

        doc.undoStack()->undo();
        QCOMPARE(withheld(doc, 2), (QStringList{u"Ann Lee|s40(2)"_s, u"01234 567890|s38"_s}));
        QCOMPARE(focus.last().at(0).toInt(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(withheld(doc, 2), QStringList{u"Ann Lee|s40(2)"_s});
        doc.undoStack()->undo();
        QVERIFY(doc.question(2).redactions.isEmpty());
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(withheld(doc, 2),
                 (QStringList{u"Ann|s40(2)"_s, u"Lee|s40(2)"_s, u"01234 567890|s38"_s}));
    }

    void redactionEditsThatChangeNothingAreRefused_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("exemption");

        QTest::newRow("no such question") << 5 << 0 << 2 << u"s40(2)"_s;
        QTest::newRow("negative row") << -1 << 0 << 2 << u"s40(2)"_s;
        QTest::newRow("past the end of the answer") << 0 << 15 << 10 << u"s40(2)"_s;
        QTest::newRow("negative start") << 0 << -1 << 2 << u"s40(2)"_s;
        QTest::newRow("nothing selected") << 0 << 3 << 0 << u"s40(2)"_s;
        QTest::newRow("no exemption") << 0 << 0 << 3 << u"  "_s;
        QTest::newRow("already withheld so") << 0 << 5 << 3 << u"s40(2)"_s;
    }

    void redactionEditsThatChangeNothingAreRefused()
    {
        QFETCH(int, row);
        QFETCH(int, start);
        QFETCH(int, length);
        QFETCH(QString, exemption);

        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        const int steps = doc->undoStack()->count();
        QVERIFY(!doc->redact(row, start, length, exemption));
        QCOMPARE(doc->undoStack()->count(), steps);
    }

    void releaseAndChangeThatChangeNothingAreRefused()
    {
        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        const int steps = doc->undoStack()->count();
        QVERIFY(!doc->unredact(0, 0, 4));                        // "Ask " was never withheld
        QVERIFY(!doc->unredact(0, 18, 10));                      // past the end
        QVERIFY(!doc->unredact(7, 0, 1));                        // no such question
        QVERIFY(!doc->setRedactionExemption(0, 0, u"s40(2)"_s)); // already so
        QVERIFY(!doc->setRedactionExemption(0, 1, u"s43(2)"_s)); // no such span
        QVERIFY(!doc->setRedactionExemption(0, 0, QString()));
        QCOMPARE(doc->undoStack()->count(), steps);
    }

    void settingRedactionsDirectlyKeepsThemNormalized()
    {
        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        const int steps = doc->undoStack()->count();
        // The same span written differently (split in two touching halves) is no change.
        doc->setQuestionValue(
            0,
            QField::Redactions,
            QVariant::fromValue(QList<Redaction>{{9, 5, u"s40(2)"_s}, {4, 5, u"s40(2)"_s}}));
        QCOMPARE(doc->undoStack()->count(), steps);
        // Spans past the end are clipped.
        doc->setQuestionValue(
            0, QField::Redactions, QVariant::fromValue(QList<Redaction>{{15, 50, u"s38"_s}}));
        QCOMPARE(withheld(*doc, 0), QStringList{u"today|s38"_s});
    }

    void dispositionAndExemptionsAreOneStepEach()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        doc.setQuestionValue(0, QField::Disposition, int(Disposition::Withheld));
        doc.setQuestionValue(0, QField::Disposition, int(Disposition::PartWithheld));
        doc.setQuestionValue(0, QField::Exemptions, QStringList{u"s40(2)"_s});
        doc.setQuestionValue(0, QField::Exemptions, QStringList{u"s40(2)"_s, u"s31(1)(a)"_s});
        QCOMPARE(doc.undoStack()->count(), 4);
        QCOMPARE(doc.question(0).disposition, Disposition::PartWithheld);
        doc.undoStack()->undo();
        QCOMPARE(doc.question(0).exemptions, QStringList{u"s40(2)"_s});
        doc.undoStack()->undo();
        QVERIFY(doc.question(0).exemptions.isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(doc.question(0).disposition, Disposition::Withheld);
        doc.undoStack()->undo();
        QCOMPARE(doc.question(0).disposition, Disposition::Answered);
        QVERIFY(!doc.isModified());
    }

    void exemptionReasoningTypingMergesIntoOneStep()
    {
        RequestDocument doc;
        doc.load(sampleRequest());
        QSignalSpy changed(&doc, &RequestDocument::exemptionReasoningChanged);
        QSignalSpy focus(&doc, &RequestDocument::exemptionReasoningFocusRequested);

        ExemptionReasoning reasoning;
        for (QChar c : u"Junior staff"_s) {
            reasoning.reasoning += c;
            doc.setExemptionReasoning(u"s40(2)"_s, reasoning);
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(changed.count(), 12);
        QCOMPARE(changed.last().first().toString(), u"s40(2)"_s);
        QCOMPARE(focus.count(), 0);
        QCOMPARE(doc.exemptionReasoning(u"s40(2)"_s).reasoning, u"Junior staff"_s);

        // Another exemption, or the same after leaving the field, is a new step.
        doc.setExemptionReasoning(u"s43(2)"_s, {u"Trade secrets"_s, u"Competition"_s});
        doc.finishTyping();
        reasoning.publicInterest = u"Privacy"_s;
        doc.setExemptionReasoning(u"s40(2)"_s, reasoning);
        QCOMPARE(doc.undoStack()->count(), 3);

        doc.undoStack()->undo();
        QVERIFY(doc.exemptionReasoning(u"s40(2)"_s).publicInterest.isEmpty());
        QCOMPARE(focus.last().first().toString(), u"s40(2)"_s);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(doc.exemptionReasoning(u"s40(2)"_s).isEmpty());
        QVERIFY(doc.request().exemptionReasons.isEmpty());
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.request().exemptionReasons.value(u"s40(2)"_s).reasoning, u"Junior staff"_s);
    }

    void clearingAReasoningRemovesIt()
    {
        Request r = sampleRequest();
        r.exemptionReasons.insert(u"s12"_s, {u"Cost"_s, QString()});
        RequestDocument doc;
        doc.load(r);
        doc.setExemptionReasoning(u"s12"_s, {});
        QVERIFY(!doc.request().exemptionReasons.contains(u"s12"_s));
        doc.setExemptionReasoning(u"s12"_s, {}); // already gone: nothing to do
        QCOMPARE(doc.undoStack()->count(), 1);
    }

    void requestKeepsWhatWasWithheld()
    {
        Request r = sampleRequest();
        Question &q = r.questions[1];
        q.answer = u"Ann Lee and Bob Roe"_s;
        q.disposition = Disposition::PartWithheld;
        q.exemptions = {u"s40(2)"_s};
        // Loaded as given, except that the spans are normalized: merged, sorted and clipped.
        q.redactions = {{12, 50, u"s40(2)"_s}, {0, 3, u"s40(2)"_s}, {3, 4, u"s40(2)"_s}};
        Question withheldInFull;
        withheldInFull.disposition = Disposition::Withheld;
        withheldInFull.exemptions = {u"s31(1)(a)"_s};
        r.questions.append(withheldInFull); // no text yet, but the decision is kept
        // Reasons for an exemption no longer used are kept; empty ones are not.
        r.exemptionReasons.insert(u"s43(2)"_s, {u"Prices"_s, u"Market"_s});
        r.exemptionReasons.insert(u"s40(2)"_s, {});

        RequestDocument doc;
        doc.load(r);
        QCOMPARE(withheld(doc, 1), (QStringList{u"Ann Lee|s40(2)"_s, u"Bob Roe|s40(2)"_s}));

        const Request saved = doc.request();
        QCOMPARE(saved.questions.size(), 4);
        QCOMPARE(saved.questions[1].disposition, Disposition::PartWithheld);
        QCOMPARE(saved.questions[1].exemptions, QStringList{u"s40(2)"_s});
        QCOMPARE(saved.questions[1].redactions,
                 (QList<Redaction>{{0, 7, u"s40(2)"_s}, {12, 7, u"s40(2)"_s}}));
        QCOMPARE(saved.questions[3].disposition, Disposition::Withheld);
        QCOMPARE(saved.exemptionReasons.keys(), QStringList{u"s43(2)"_s});

        // What request() returns loads back to the same request.
        RequestDocument again;
        again.load(saved);
        QVERIFY(again.request().sameContent(saved));
    }

    void savingAndUndoingARedaction()
    {
        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        QVERIFY(doc->isModified());
        Request stored = doc->request();
        stored.revision = 4;
        doc->markSaved(stored);
        QVERIFY(!doc->isModified());
        doc->undoStack()->undo();
        QVERIFY(doc->isModified());
        QVERIFY(doc->question(0).redactions.isEmpty());
        doc->undoStack()->redo();
        QVERIFY(!doc->isModified());
        QVERIFY(doc->request().sameContent(stored));
    }

    void removedQuestionComesBackWithItsSpans()
    {
        QObject owner;
        RequestDocument *doc = documentWithName(&owner);
        QVERIFY(doc->removeQuestion(0));
        doc->undoStack()->undo();
        QCOMPARE(withheld(*doc, 0), QStringList{u"John Smith|s40(2)"_s});
    }

    void exemptionsUsed_data()
    {
        QTest::addColumn<QList<QStringList>>("exemptions");
        QTest::addColumn<QList<QStringList>>("spanExemptions");
        QTest::addColumn<QList<int>>("dispositions");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("withholds");

        const int answered = int(Disposition::Answered);
        const int withheldInFull = int(Disposition::Withheld);
        const int ncnd = int(Disposition::NeitherConfirmNorDeny);
        QTest::newRow("nothing") << QList<QStringList>{{}} << QList<QStringList>{{}}
                                 << QList<int>{answered} << QStringList() << false;
        QTest::newRow("own list, then spans, no repeats")
            << QList<QStringList>{{u"s43(2)"_s, u"s40(2)"_s}}
            << QList<QStringList>{{u"s40(2)"_s, u"s38"_s, u"s38"_s}} << QList<int>{answered}
            << QStringList{u"s43(2)"_s, u"s40(2)"_s, u"s38"_s} << true;
        QTest::newRow("across questions in order")
            << QList<QStringList>{{u"s12"_s}, {u"s40(2)"_s, u"s12"_s}, {}}
            << QList<QStringList>{{}, {}, {u"reg13"_s}}
            << QList<int>{answered, withheldInFull, answered}
            << QStringList{u"s12"_s, u"s40(2)"_s, u"reg13"_s} << true;
        QTest::newRow("withheld in full without an exemption")
            << QList<QStringList>{{}} << QList<QStringList>{{}} << QList<int>{withheldInFull}
            << QStringList() << true;
        // The officer's note in the answer of such a question never reaches the letter.
        QTest::newRow("an exemption cited for neither confirming nor denying, with a note")
            << QList<QStringList>{{u"s31(3)"_s}} << QList<QStringList>{{}} << QList<int>{ncnd}
            << QStringList{u"s31(3)"_s} << true;
    }

    void exemptionsUsed()
    {
        QFETCH(QList<QStringList>, exemptions);
        QFETCH(QList<QStringList>, spanExemptions);
        QFETCH(QList<int>, dispositions);
        QFETCH(QStringList, expected);
        QFETCH(bool, withholds);

        Request r;
        for (qsizetype i = 0; i < exemptions.size(); ++i) {
            Question q;
            q.answer = u"0123456789"_s;
            q.exemptions = exemptions.at(i);
            q.disposition = Disposition(dispositions.at(i));
            qsizetype start = 0;
            for (const QString &code : spanExemptions.at(i))
                q.redactions.append({start++, 1, code});
            r.questions.append(q);
        }
        QCOMPARE(r.exemptionsUsed(), expected);
        QCOMPARE(r.withholdsAnything(), withholds);
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
