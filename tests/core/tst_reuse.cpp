// Reuse of past answers and round robins: earlier questions like a new one are found through
// the index and ranked by their words (WordSimilarity), the answer copied in keeps its withheld
// passages, exemptions and reasons and says where it came from (stored, exported, undoable),
// and the same questions from several requesters within a few weeks are flagged on both.

#include "editing/RequestDocument.h"
#include "exchange/PublicRequestJson.h"
#include "exchange/RequestJson.h"
#include "release/WithheldText.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"
#include "util/WordSimilarity.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace foidesk;
using namespace foidesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString WithheldName = u"Mrs Eleri Vaughan-Price"_s;

Question answered(const QString &text, const QString &answer)
{
    Question q;
    q.text = text;
    q.answer = answer;
    return q;
}

// An answer with the name of a member of staff withheld under s40(2).
Question withheldAnswer()
{
    Question q;
    q.text = u"Which officer approved the purchase of the parking enforcement cameras?"_s;
    q.answer = u"The purchase was approved by "_s + WithheldName + u", Head of Parking."_s;
    q.disposition = Disposition::PartWithheld;
    q.redactions.append({q.answer.indexOf(WithheldName), WithheldName.size(), u"s40(2)"_s});
    return q;
}

QStringList references(const QList<SimilarQuestion> &found)
{
    QStringList result;
    for (const SimilarQuestion &s : found)
        result.append(s.reference);
    return result;
}

QStringList references(const QList<RoundRobinMatch> &found)
{
    QStringList result;
    for (const RoundRobinMatch &m : found)
        result.append(m.reference);
    return result;
}

} // namespace

class TestReuse : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_logs = 0;

    Request create(const Request &request)
    {
        Result<Request> created = m_store->createRequest(request);
        if (!created)
            qWarning("%s", qPrintable(created.errorMessage()));
        return created ? created.value() : Request();
    }
    QList<SimilarQuestion> similar(const QString &text, qint64 exclude = 0)
    {
        const auto found = m_store->similarQuestions(text, exclude, 5);
        if (!found)
            qWarning("%s", qPrintable(found.errorMessage()));
        return found ? found.value() : QList<SimilarQuestion>();
    }

private Q_SLOTS:
    void init()
    {
        // A log of its own for each test.
        m_store.reset();
        auto opened = Store::open(m_dir.filePath(u"reuse-%1.sqlite"_s.arg(++m_logs)));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        m_store = std::move(opened).value();
    }

    void wordsThatCarryMeaning()
    {
        // Courtesies, function words and years say nothing about what is asked; accents and
        // plural endings do not make two words different.
        QCOMPARE(WordSimilarity::significantWords(
                     u"Please could you provide the number of chatbots used in 2023?"_s),
                 (QStringList{u"number"_s, u"chatbots"_s, u"used"_s}));
        QCOMPARE(WordSimilarity::stems(u"Siân's councils"_s),
                 WordSimilarity::stems(u"sian council"_s));
        QCOMPARE(WordSimilarity::stem(u"parking"_s), WordSimilarity::stem(u"parked"_s));
        QCOMPARE(WordSimilarity::stem(u"policies"_s), WordSimilarity::stem(u"policy"_s));
        // The same survey question a year later is alike; another subject is not.
        const QString lastYear = u"How many chatbots does the council use on its website?"_s;
        const QString thisYear = u"Please tell me how many chatbots the Council used on its "
                                 "websites in 2024."_s;
        QVERIFY(WordSimilarity::similarity(lastYear, thisYear)
                >= SimilarQuestions::SuggestionThreshold);
        QVERIFY(WordSimilarity::similarity(lastYear,
                                           u"How many potholes were repaired on the "
                                           "A470 last year?"_s)
                < 0.2);
        QCOMPARE(WordSimilarity::similarity(u"the of and"_s, u"the of and"_s), 0.0);
    }

    void earlierAnswersAreFoundMostAlikeFirst()
    {
        create(RequestBuilder(u"OLD-1"_s, QDate(2022, 5, 3))
                   .question(answered(u"How many chatbots does the council use on its website?"_s,
                                      u"The council uses two chatbots."_s)));
        create(RequestBuilder(u"OLD-2"_s, QDate(2023, 2, 1))
                   .question(answered(u"Which chatbot products does the council use, and how "
                                      "many chatbots were bought from each supplier?"_s,
                                      u"Two, both from one supplier."_s)));
        // Asked, never answered: nothing to reuse.
        create(RequestBuilder(u"DRAFT-1"_s, QDate(2024, 1, 9))
                   .question(answered(u"How many chatbots does the council use on its website?"_s,
                                      QString())));
        create(
            RequestBuilder(u"ROADS-1"_s, QDate(2023, 7, 7))
                .question(answered(u"How many potholes were repaired last year?"_s, u"1,204."_s)));

        const QList<SimilarQuestion> found =
            similar(u"Please tell me how many chatbots the council uses on its website."_s);
        QCOMPARE(references(found).value(0), u"OLD-1"_s);
        QVERIFY(!references(found).contains(u"DRAFT-1"_s));
        QVERIFY(!references(found).contains(u"ROADS-1"_s));
        const SimilarQuestion &best = found.first();
        QCOMPARE(best.question.answer, u"The council uses two chatbots."_s);
        QCOMPARE(best.questionName, u"1"_s);
        QCOMPARE(best.received, QDate(2022, 5, 3));
        QVERIFY(best.similarity > 0.8);
        for (qsizetype i = 1; i < found.size(); ++i)
            QVERIFY(found.at(i - 1).similarity >= found.at(i).similarity);

        // Nothing for words the log has never had, or for no words at all.
        QVERIFY(similar(u"Wind turbine maintenance contracts"_s).isEmpty());
        QVERIFY(similar(u"Please could you"_s).isEmpty());
    }

    void theRequestBeingWrittenIsNotItsOwnSuggestion()
    {
        const Request mine = create(RequestBuilder(u"NEW-1"_s, QDate(2024, 6, 3))
                                        .question(answered(u"How many chatbots does the council "
                                                           "use on its website?"_s,
                                                           u"Draft answer."_s)));
        QVERIFY(similar(u"How many chatbots does the council use on its website?"_s, mine.id)
                    .isEmpty());
        QCOMPARE(references(similar(u"How many chatbots does the council use on its website?"_s)),
                 QStringList{u"NEW-1"_s});
    }

    void theSameAnswerEveryYearIsOfferedOnceLatestFirst()
    {
        for (int year : {2019, 2020, 2021}) {
            Request r = RequestBuilder(u"SURVEY-%1"_s.arg(year), QDate(year, 4, 1))
                            .question(answered(
                                u"Does the council employ a chief digital officer?"_s, u"No."_s));
            r.responseSent = QDate(year, 4, 20);
            create(r);
        }
        const QList<SimilarQuestion> found =
            similar(u"Does the council employ a chief digital officer?"_s);
        QCOMPARE(references(found), QStringList{u"SURVEY-2021"_s});
        // "Answered before in SURVEY-2021, 20 April 2021": the day the response was sent.
        QCOMPARE(found.first().answered, QDate(2021, 4, 20));
    }

    void withheldPassagesComeWithTheSuggestion()
    {
        Request earlier = RequestBuilder(u"CAM-1"_s, QDate(2023, 3, 1)).question(withheldAnswer());
        earlier.questions[0].exemptions = {};
        earlier.exemptionReasons.insert(u"s40(2)"_s,
                                        ExemptionReasoning{u"Junior staff are not named."_s, {}});
        create(earlier);
        const QList<SimilarQuestion> found =
            similar(u"Which officer approved buying the parking enforcement cameras?"_s);
        QCOMPARE(references(found), QStringList{u"CAM-1"_s});
        const Question &q = found.first().question;
        QCOMPARE(q.redactions.size(), 1);
        QCOMPARE(q.answer.mid(q.redactions.first().start, q.redactions.first().length),
                 WithheldName);
        QCOMPARE(q.redactions.first().exemption, u"s40(2)"_s);
        QCOMPARE(q.disposition, Disposition::PartWithheld);
    }

    void aCopiedAnswerKeepsItsWithheldPassagesAndSource()
    {
        Request earlier = RequestBuilder(u"CAM-1"_s, QDate(2023, 3, 1)).question(withheldAnswer());
        earlier.exemptionReasons.insert(u"s40(2)"_s,
                                        ExemptionReasoning{u"Junior staff are not named."_s, {}});
        earlier.responseSent = QDate(2023, 3, 20);
        earlier = create(earlier);

        RequestDocument document;
        document.load(RequestBuilder(u"CAM-2"_s, QDate(2024, 3, 1))
                          .question(answered(u"Who approved buying the parking enforcement "
                                             "cameras?"_s,
                                             u"My draft"_s)));
        AnswerSource from{u"CAM-1"_s, u"1"_s, QDate(2023, 3, 20)};
        QVERIFY(document.reuseAnswer(0, earlier.questions.first(), from, earlier.exemptionReasons));
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->undoText(), u"Copy answer from CAM-1"_s);

        Request copied = document.request();
        const Question &q = copied.questions.first();
        QCOMPARE(q.text, u"Who approved buying the parking enforcement cameras?"_s); // kept
        QCOMPARE(q.answer, earlier.questions.first().answer);
        QCOMPARE(q.redactions, earlier.questions.first().redactions);
        QCOMPARE(q.disposition, Disposition::PartWithheld);
        QCOMPARE(q.reusedFrom, from);
        QCOMPARE(copied.exemptionReasons.value(u"s40(2)"_s).reasoning,
                 u"Junior staff are not named."_s);

        // Withheld stays withheld: the release check looks for the name, and the public copy
        // does not carry it.
        QVERIFY(WithheldText::strings(copied).contains(WithheldName));
        QVERIFY(!PublicRequestJson::serialize(copied).contains(WithheldName.toUtf8()));
        // Negative control: the full export does carry it, so the search would find a leak.
        QVERIFY(RequestJson::serialize(copied).contains(WithheldName.toUtf8()));

        // Stored with the question, and read back; in the exchange format both ways.
        const Request saved = create(copied);
        const Result<Request> loaded = m_store->loadRequest(saved.id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->questions.first().reusedFrom, from);
        QCOMPARE(loaded->questions.first().redactions, earlier.questions.first().redactions);
        const QByteArray json = RequestJson::serialize(*loaded);
        QVERIFY(json.contains("\"reused_from\""));
        const Result<Request> parsed = RequestJson::parse(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed->questions.first().reusedFrom, from);

        // Undo puts back the officer's draft exactly, and the reasons they did not have.
        document.undoStack()->undo();
        const Request undone = document.request();
        QCOMPARE(undone.questions.first().answer, u"My draft"_s);
        QVERIFY(undone.questions.first().redactions.isEmpty());
        QVERIFY(undone.questions.first().reusedFrom.isEmpty());
        QVERIFY(!undone.exemptionReasons.contains(u"s40(2)"_s));
    }

    void reasonsTheRequestAlreadyHasAreKept()
    {
        Request earlier = RequestBuilder(u"CAM-1"_s).question(withheldAnswer());
        earlier.exemptionReasons.insert(u"s40(2)"_s, ExemptionReasoning{u"Theirs."_s, {}});
        Request mine = RequestBuilder(u"CAM-2"_s).question(answered(u"Who?"_s, QString()));
        mine.exemptionReasons.insert(u"s40(2)"_s, ExemptionReasoning{u"Mine."_s, {}});
        RequestDocument document;
        document.load(mine);
        QVERIFY(document.reuseAnswer(
            0, earlier.questions.first(), {u"CAM-1"_s, u"1"_s, {}}, earlier.exemptionReasons));
        QCOMPARE(document.request().exemptionReasons.value(u"s40(2)"_s).reasoning, u"Mine."_s);
    }

    void malformedSourceInTheExchangeFormatIsRefused()
    {
        const QByteArray json =
            R"({"format": "foidesk.request/1", "reference": "X-1", "received": "2024-01-02",
            "questions": [{"text": "Q", "answer": "A", "reused_from": "CAM-1"}]})";
        const Result<Request> parsed = RequestJson::parse(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorMessage().contains(u"questions[0].reused_from"_s),
                 qPrintable(parsed.errorMessage()));
        const QByteArray noReference =
            R"({"format": "foidesk.request/1", "reference": "X-1", "received": "2024-01-02",
            "questions": [{"text": "Q", "answer": "A", "reused_from": {"question": "1"}}]})";
        QVERIFY(!RequestJson::parse(noReference).ok());
    }

    void roundRobinsAreFlaggedOnBothRequests()
    {
        const auto ask = [](const QString &ref,
                            const QDate &received,
                            const QString &requester,
                            const QStringList &questions) {
            RequestBuilder builder(ref, received);
            builder.requester(requester);
            for (const QString &text : questions)
                builder.question(text);
            return builder.build();
        };
        const QStringList survey = {
            u"How many electric vehicle charging points does the council own?"_s,
            u"How much did the council spend on charging point maintenance in 2023?"_s,
            u"Which company maintains the council's charging points?"_s,
        };
        const QStringList reworded = {
            u"Please state how many electric vehicle charging points the council owns."_s,
            u"How much was spent by the council on maintenance of charging points in 2023?"_s,
            u"Which company maintains the charging points of the council?"_s,
        };
        const Request first = create(ask(u"EV-1"_s, QDate(2024, 6, 3), u"Ann Jones"_s, survey));
        const Request second =
            create(ask(u"EV-2"_s, QDate(2024, 6, 24), u"Dafydd Rees"_s, reworded));
        // The same person again is a repeated request, not a round robin.
        create(ask(u"EV-3"_s, QDate(2024, 6, 10), u"ann jones"_s, survey));
        // The same letter months later is outside "a few weeks".
        create(ask(u"EV-4"_s, QDate(2024, 10, 1), u"Carys Bevan"_s, survey));
        // One question in common out of four is not the same request.
        create(ask(u"EV-5"_s,
                   QDate(2024, 6, 5),
                   u"Huw Price"_s,
                   {survey.first(),
                    u"How many potholes were filled?"_s,
                    u"How many streetlights are there?"_s,
                    u"How many bins were emptied?"_s}));

        const auto fromFirst = m_store->roundRobin(first.id);
        QVERIFY2(fromFirst.ok(), qPrintable(fromFirst.errorMessage()));
        QCOMPARE(references(*fromFirst), QStringList{u"EV-2"_s});
        QCOMPARE(fromFirst->first().sharedQuestions, 3);
        const auto fromSecond = m_store->roundRobin(second.id);
        QVERIFY(fromSecond.ok());
        // Ann Jones asked twice; to Dafydd Rees's request both are the same round robin.
        QCOMPARE(references(*fromSecond), (QStringList{u"EV-1"_s, u"EV-3"_s}));
        QCOMPARE(fromSecond->first().received, QDate(2024, 6, 3));
    }
};

QTEST_GUILESS_MAIN(TestReuse)
#include "tst_reuse.moc"
