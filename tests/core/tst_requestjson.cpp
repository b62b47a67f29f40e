#include "exchange/ExampleRequests.h"
#include "exchange/PublicRequestJson.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace foidesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(foidesk::ErrorKind)

namespace {

QString lettersDir()
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/letters");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Request loadLetter(const QString &reference)
{
    Result<Request> r = RequestJson::readFile(lettersDir() + QLatin1Char('/') + reference
                                              + QStringLiteral(".json"));
    if (!r)
        qFatal("%s", qPrintable(r.errorMessage()));
    return r.value();
}

// The smallest valid request, as an object the bad-input rows then spoil one field at a time.
QJsonObject baseObject()
{
    QJsonObject question{{QStringLiteral("label"), QStringLiteral("1.")},
                         {QStringLiteral("text"), QStringLiteral("How many?")},
                         {QStringLiteral("answer"), QStringLiteral("Three.")}};
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("foidesk.request/1")},
                       {QStringLiteral("reference"), QStringLiteral("A-1")},
                       {QStringLiteral("received"), QStringLiteral("2021-02-03")},
                       {QStringLiteral("questions"), QJsonArray{question, question, question}}};
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray withField(const QString &key, const QJsonValue &value)
{
    QJsonObject object = baseObject();
    object.insert(key, value);
    return toJson(object);
}

QByteArray withoutField(const QString &key)
{
    QJsonObject object = baseObject();
    object.remove(key);
    return toJson(object);
}

// Sets a field of question `index` (2 when the row is about "questions[2]").
QByteArray withQuestionField(int index, const QString &key, const QJsonValue &value)
{
    QJsonObject object = baseObject();
    QJsonArray questions = object.value(QStringLiteral("questions")).toArray();
    QJsonObject question = questions.at(index).toObject();
    if (value.isUndefined())
        question.remove(key);
    else
        question.insert(key, value);
    questions.replace(index, question);
    object.insert(QStringLiteral("questions"), questions);
    return toJson(object);
}

QByteArray withRequester(const QJsonValue &requester)
{
    return withField(QStringLiteral("requester"), requester);
}

QJsonObject person(const QString &key, const QJsonValue &value)
{
    QJsonObject requester{{QStringLiteral("name"), QStringLiteral("A. Requester")}};
    requester.insert(key, value);
    return requester;
}

} // namespace

// The exchange format is how requests come in from other systems and go back out; what it
// refuses must be refused with a message that names the field, and what it accepts must come
// back unchanged.
class TestRequestJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void letterRoundTrip_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("questionCount");
        for (const auto &[reference, count] : {std::pair{"6370952", 10},
                                               std::pair{"6565528", 5},
                                               std::pair{"7014168", 6},
                                               std::pair{"6299088", 5},
                                               std::pair{"7012568", 4}})
            QTest::newRow(reference) << QString::fromLatin1(reference) << count;
    }

    void letterRoundTrip()
    {
        QFETCH(QString, reference);
        QFETCH(int, questionCount);
        const QString path = lettersDir() + QLatin1Char('/') + reference + QStringLiteral(".json");
        const Result<Request> first = RequestJson::readFile(path);
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        QCOMPARE(first->reference, reference);
        QCOMPARE(first->regime, Regime::FOIA);
        QCOMPARE(first->questions.size(), questionCount);
        QCOMPARE(first->id, 0);
        QCOMPARE(first->revision, 0);

        const QByteArray written = RequestJson::serialize(first.value());
        const Result<Request> second = RequestJson::parse(written);
        QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
        QVERIFY(second->sameContent(first.value()));

        // The fixtures are kept exactly as FOI Desk writes them: the field order is stable.
        QCOMPARE(QString::fromUtf8(written), QString::fromUtf8(readAll(path)));
    }

    void letterDetails()
    {
        const Request chatbots = loadLetter(QStringLiteral("6370952"));
        QCOMPARE(chatbots.received, QDate(2020, 6, 17));
        QCOMPARE(chatbots.letterDate, QDate(2020, 6, 22));
        QCOMPARE(chatbots.questions.first().section, QStringLiteral("Chatbots"));
        QCOMPARE(chatbots.questions.at(6).section, QStringLiteral("Chatbots"));
        QCOMPARE(chatbots.questions.at(7).section, QStringLiteral("Virtual Appointments"));
        QCOMPARE(chatbots.questions.first().answer, QStringLiteral("It is in our roadmap"));

        const Request recruitment = loadLetter(QStringLiteral("6565528"));
        QCOMPARE(recruitment.questions.at(0).label, QStringLiteral("1."));
        QCOMPARE(recruitment.questions.at(1).condition, QStringLiteral("If yes:"));
        QCOMPARE(recruitment.questions.at(3).condition, QStringLiteral("If yes:"));
        QCOMPARE(recruitment.questions.at(4).condition, QStringLiteral("If no:"));
        QVERIFY(recruitment.questions.at(2).answer.isEmpty());

        const Request survey = loadLetter(QStringLiteral("6299088"));
        const QStringList expectedChoices = {
            QStringLiteral("Yes, we have done this since 2019 or earlier"),
            QStringLiteral("Yes, we have started doing so in the last four months (since January "
                           "2020)"),
            QStringLiteral("No, but we are planning to do so in next 3-6 months"),
            QStringLiteral("No, but we are planning to do so in the next 9-12 months"),
            QStringLiteral("No, we do not plan to do this"),
        };
        QCOMPARE(survey.questions.at(1).choices, expectedChoices);
        QCOMPARE(survey.questions.at(1).answer, expectedChoices.first());
        QCOMPARE(survey.questions.at(0).choices.size(), 6);
        QVERIFY(survey.questions.at(0).answer.startsWith(QStringLiteral("51-75%\n\n(information")));

        const Request children = loadLetter(QStringLiteral("7014168"));
        QCOMPARE(children.combinedResponse,
                 QStringLiteral("London Borough of Barnet Family Services does not currently use "
                                "dedicated data analytics or artificial intelligence systems to "
                                "support children's services provision"));
        for (const Question &q : children.questions)
            QVERIFY(q.answer.isEmpty());
        QCOMPARE(children.questions.at(5).label, QStringLiteral("6)"));

        const Request social = loadLetter(QStringLiteral("7012568"));
        QCOMPARE(social.questions.at(2).answer, QStringLiteral("£27,500"));
        QVERIFY(social.questions.at(3).answer.contains(QStringLiteral("Section 40")));
        QCOMPARE(social.requester.email, QStringLiteral("a.requester@example.org"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("expected"); // the message must contain this

        const auto row = [](const char *name, const QByteArray &json, const char *expected) {
            QTest::newRow(name) << json << ErrorKind::BadInput << QString::fromUtf8(expected);
        };
        const auto s = [](const char *text) { return QJsonValue(QString::fromUtf8(text)); };

        // The file as a whole.
        row("empty file", QByteArray(), "the file is empty");
        row("only whitespace", QByteArray(" \n\t "), "the file is empty");
        row("top level array",
            QByteArray("[{\"format\": \"foidesk.request/1\"}]"),
            "must hold one JSON object (one request), found an array");
        row("top level string", QByteArray("\"foidesk.request/1\""), "must hold one JSON object");
        const QByteArray full = toJson(baseObject());
        row("truncated file", full.left(full.size() / 2), "JSON syntax error at line 1, column");
        row("trailing comma",
            QByteArray("{\"format\": \"foidesk.request/1\",}"),
            "JSON syntax error");

        // The format tag.
        row("missing format", withoutField(QStringLiteral("format")), "format: is missing");
        row("unknown format tag",
            withField(QStringLiteral("format"), s("foidesk.request/2")),
            "format: expected \"foidesk.request/1\", found \"foidesk.request/2\"");
        row("format a number",
            withField(QStringLiteral("format"), 1),
            "format: expected \"foidesk.request/1\", found a number (1)");

        // Required fields and their types.
        row("missing reference",
            withoutField(QStringLiteral("reference")),
            "reference: is required but missing");
        row("blank reference",
            withField(QStringLiteral("reference"), s("   ")),
            "reference: is empty");
        row("reference a number",
            withField(QStringLiteral("reference"), 6370952),
            "reference: expected a string, found a number (6370952)");
        row("reference too long",
            withField(QStringLiteral("reference"), QString(65, QLatin1Char('R'))),
            "reference: is 65 characters long; the limit is 64 characters.");
        row("reference with a line break",
            withField(QStringLiteral("reference"), s("A\n1")),
            "reference: contains a line break or tab at character 2");
        row("reference with a tab",
            withField(QStringLiteral("reference"), s("A\t1")),
            "reference: contains a line break or tab at character 2");
        row("reference with a control character",
            withField(QStringLiteral("reference"), s("FOI\u0007123")),
            "reference: contains the control character U+0007 at character 4");
        row("missing received",
            withoutField(QStringLiteral("received")),
            "received: is required but missing");
        row("letter_final a string",
            withField(QStringLiteral("letter_final"), s("yes")),
            "letter_final: expected true or false, found a string");
        row("received 2023-02-31",
            withField(QStringLiteral("received"), s("2023-02-31")),
            "received: \"2023-02-31\" is not a real date (expected YYYY-MM-DD)");
        row("received 2023-13-01",
            withField(QStringLiteral("received"), s("2023-13-01")),
            "received: \"2023-13-01\" is not a real date (expected YYYY-MM-DD)");
        row("received 23-1-5",
            withField(QStringLiteral("received"), s("23-1-5")),
            "received: \"23-1-5\" is not a date in the form YYYY-MM-DD");
        row("received with a time",
            withField(QStringLiteral("received"), s("2023-02-01T10:00")),
            "received: \"2023-02-01T10:00\" is not a date in the form YYYY-MM-DD");
        row("received a number",
            withField(QStringLiteral("received"), 20230201),
            "received: expected a date as a string \"YYYY-MM-DD\", found a number");
        row("received in year 0001",
            withField(QStringLiteral("received"), s("0001-01-01")),
            "received: \"0001-01-01\" is outside the years 1900 to 2999");
        row("letter_date 2021-02-29",
            withField(QStringLiteral("letter_date"), s("2021-02-29")),
            "letter_date: \"2021-02-29\" is not a real date");

        // Codes.
        row("regime in lower case",
            withField(QStringLiteral("regime"), s("foi")),
            "regime: \"foi\" is not one of \"FOIA\", \"EIR\", \"FOISA\" or \"EIRS\"");
        row("regime an array",
            withField(QStringLiteral("regime"), QJsonArray{s("FOIA")}),
            "regime: expected one of \"FOIA\"");
        row("status unknown",
            withField(QStringLiteral("status"), s("open")),
            "status: \"open\" is not one of \"new\", \"in_progress\"");
        row("held a boolean",
            withField(QStringLiteral("held"), true),
            "held: expected one of \"all\", \"some\", \"none\" or \"ncnd\" as a string, found "
            "true");

        // Optional text fields.
        row("title an object",
            withField(QStringLiteral("title"), QJsonObject()),
            "title: expected a string, found an object");
        row("officer a number",
            withField(QStringLiteral("officer"), 7),
            "officer: expected a string, found a number (7)");
        row("combined_response an array",
            withField(QStringLiteral("combined_response"), QJsonArray()),
            "combined_response: expected a string, found an array");
        row("title with a NUL",
            withField(QStringLiteral("title"), QString(QChar(0))),
            "title: contains the control character U+0000 at character 1");
        QTest::newRow("answer with a NUL")
            << withQuestionField(0, QStringLiteral("answer"), QString(QChar(0)))
            << ErrorKind::BadInput
            << QStringLiteral("questions[0].answer: contains the control character U+0000 at "
                              "character 1");
        row("unpaired surrogate",
            QByteArray("{\"format\":\"foidesk.request/1\",\"reference\":\"A\",\"received\":"
                       "\"2021-02-03\",\"title\":\"x\\ud800y\"}"),
            "title: contains half of a surrogate pair (U+D800) at character 2");

        // The requester.
        row("requester a string",
            withRequester(s("A. Requester")),
            "requester: expected an object, found a string (\"A. Requester\")");
        row("requester kind unknown",
            withRequester(person(QStringLiteral("kind"), s("person"))),
            "requester.kind: \"person\" is not one of \"individual\"");
        row("requester email not an address",
            withRequester(person(QStringLiteral("email"), s("nobody"))),
            "requester.email: \"nobody\" is not an email address");
        row("requester name a number",
            withRequester(person(QStringLiteral("name"), 3)),
            "requester.name: expected a string, found a number (3)");
        row("requester unknown field",
            withRequester(person(QStringLiteral("phone"), s("0"))),
            "requester.phone: unknown field");

        // Questions.
        row("questions an object",
            withField(QStringLiteral("questions"), QJsonObject()),
            "questions: expected an array of questions, found an object");
        row("question a string",
            withField(QStringLiteral("questions"), QJsonArray{s("How?")}),
            "questions[0]: expected an object (a question), found a string");
        row("question text a number",
            withQuestionField(2, QStringLiteral("text"), 42),
            "questions[2].text: expected a string, found a number (42)");
        row("question text missing",
            withQuestionField(1, QStringLiteral("text"), QJsonValue()),
            "questions[1].text: is required but missing");
        row("section a boolean",
            withQuestionField(0, QStringLiteral("section"), false),
            "questions[0].section: expected a string, found false");
        row("label too long",
            withQuestionField(0, QStringLiteral("label"), QString(65, QLatin1Char('1'))),
            "questions[0].label: is 65 characters long; the limit is 64 characters.");
        row("choices a string",
            withQuestionField(0, QStringLiteral("choices"), s("Yes, No")),
            "questions[0].choices: expected an array of strings, found a string");
        row("choice a number",
            withQuestionField(0, QStringLiteral("choices"), QJsonArray{s("Yes"), 2}),
            "questions[0].choices[1]: expected a string, found a number (2)");
        QJsonArray manyChoices;
        for (int i = 0; i < 101; ++i)
            manyChoices.append(QString::number(i));
        row("too many choices",
            withQuestionField(0, QStringLiteral("choices"), manyChoices),
            "questions[0].choices: has 101 choices; the limit is 100.");
        row("answer a boolean",
            withQuestionField(1, QStringLiteral("answer"), true),
            "questions[1].answer: expected a string, found true");

        // Unknown fields: a typo must not silently lose data.
        row("unknown top-level field",
            withField(QStringLiteral("recieved"), s("2021-02-03")),
            "recieved: unknown field; a request has only the fields format, reference");
        row("unknown question field",
            withQuestionField(0, QStringLiteral("anwser"), s("Yes")),
            "questions[0].anwser: unknown field; a question has only the fields section");

        // Dispositions, exemptions, redactions and their reasons: each bad part is named.
        row("disposition unknown",
            withQuestionField(0, QStringLiteral("disposition"), s("partly")),
            "questions[0].disposition: \"partly\" is not one of \"answered\", \"not_held\", "
            "\"withheld\", \"part_withheld\" or \"ncnd\"");
        row("disposition a number",
            withQuestionField(2, QStringLiteral("disposition"), 1),
            "questions[2].disposition: expected one of \"answered\"");
        row("exemptions a string",
            withQuestionField(1, QStringLiteral("exemptions"), s("s40(2)")),
            "questions[1].exemptions: expected an array of exemption codes, found a string");
        row("exemption unknown",
            withQuestionField(1, QStringLiteral("exemptions"), QJsonArray{s("s40(2)"), s("s99")}),
            "questions[1].exemptions[1]: ");
        row("exemption a number",
            withQuestionField(0, QStringLiteral("exemptions"), QJsonArray{40}),
            "questions[0].exemptions[0]: expected an exemption code as a string");
        row("exemption empty",
            withQuestionField(0, QStringLiteral("exemptions"), QJsonArray{s(" ")}),
            "questions[0].exemptions[0]: is empty");
        row("EIR regulation under FOIA",
            withQuestionField(0, QStringLiteral("exemptions"), QJsonArray{s("reg13")}),
            "questions[0].exemptions[0]: ");
        const auto redaction = [&](const QJsonValue &text, const QJsonValue &exemption) {
            QJsonObject object;
            if (!text.isUndefined())
                object.insert(QStringLiteral("text"), text);
            if (!exemption.isUndefined())
                object.insert(QStringLiteral("exemption"), exemption);
            return QJsonArray{object};
        };
        row("redactions not an array",
            withQuestionField(0, QStringLiteral("redactions"), s("x")),
            "questions[0].redactions: expected an array of {\"text\", \"exemption\"} objects, "
            "found a string");
        row("redaction a string",
            withQuestionField(0, QStringLiteral("redactions"), QJsonArray{s("Three")}),
            "questions[0].redactions[0]: expected an object {\"text\", \"exemption\"}, found a "
            "string");
        row("redaction text not in the answer",
            withQuestionField(
                0, QStringLiteral("redactions"), redaction(s("J. Smith"), s("s40(2)"))),
            "questions[0].redactions[0].text: \"J. Smith\" does not appear in this question's "
            "answer");
        row("redaction text in another case",
            withQuestionField(0, QStringLiteral("redactions"), redaction(s("three"), s("s40(2)"))),
            "questions[0].redactions[0].text: \"three\" does not appear");
        row("redaction text empty",
            withQuestionField(0, QStringLiteral("redactions"), redaction(s(""), s("s40(2)"))),
            "questions[0].redactions[0].text: is empty");
        row("redaction text missing",
            withQuestionField(0, QStringLiteral("redactions"), redaction({}, s("s40(2)"))),
            "questions[0].redactions[0].text: is required but missing");
        row("redaction text a number",
            withQuestionField(0, QStringLiteral("redactions"), redaction(3, s("s40(2)"))),
            "questions[0].redactions[0].text: expected a string, found a number (3)");
        row("redaction exemption missing",
            withQuestionField(1, QStringLiteral("redactions"), redaction(s("Three"), {})),
            "questions[1].redactions[0].exemption: is required but missing");
        row("redaction exemption unknown",
            withQuestionField(1, QStringLiteral("redactions"), redaction(s("Three"), s("s4O(2)"))),
            "questions[1].redactions[0].exemption: ");
        QJsonArray extraKey = redaction(s("Three"), s("s40(2)"));
        QJsonObject withStart = extraKey.at(0).toObject();
        withStart.insert(QStringLiteral("start"), 0);
        row("redaction unknown field",
            withQuestionField(0, QStringLiteral("redactions"), QJsonArray{withStart}),
            "questions[0].redactions[0].start: unknown field; a redaction has only the fields "
            "text, exemption");
        const auto reasons = [&](const QJsonObject &object) {
            return withField(QStringLiteral("exemption_reasons"), object);
        };
        row("exemption_reasons an array",
            withField(QStringLiteral("exemption_reasons"), QJsonArray()),
            "exemption_reasons: expected an object, found an array");
        row("exemption_reasons unknown code",
            reasons({{QStringLiteral("s99"), s("Because.")}}),
            "exemption_reasons[\"s99\"]: ");
        row("exemption_reasons value a number",
            reasons({{QStringLiteral("s40(2)"), 2}}),
            "exemption_reasons[\"s40(2)\"]: expected the reasoning as a string, or an object "
            "with \"reasoning\" and \"public_interest\", found a number (2)");
        row("exemption_reasons unknown field",
            reasons({{QStringLiteral("s43(2)"), QJsonObject{{QStringLiteral("why"), s("x")}}}}),
            "exemption_reasons[\"s43(2)\"].why: unknown field; an exemption reason has only the "
            "fields reasoning, public_interest");
        row("exemption_reasons public_interest a boolean",
            reasons({{QStringLiteral("s43(2)"),
                      QJsonObject{{QStringLiteral("public_interest"), true}}}}),
            "exemption_reasons[\"s43(2)\"].public_interest: expected a string, found true");
        row("exemption_reasons one exemption twice",
            reasons({{QStringLiteral("s40(2)"), s("One.")},
                     {QStringLiteral("section 40(2)"), s("Two.")}}),
            "names the same exemption (s40(2)) as");

        // Clock events: each field checked, and the sequence checked against the law.
        row("clock_events unknown kind",
            withField(QStringLiteral("clock_events"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), s("clarification")},
                                             {QStringLiteral("date"), s("2021-02-05")}}}),
            "clock_events[0].kind: \"clarification\" is not one of clarification_sought, "
            "clarification_received,");
        row("clock_events a string",
            withField(QStringLiteral("clock_events"), s("none")),
            "clock_events: expected an array, found a string");
        row("clock_events without a date",
            withField(QStringLiteral("clock_events"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), s("fees_notice_issued")}}}),
            "clock_events[0].date: is required but missing");
        row("clock_events estimated date on a fee",
            withField(QStringLiteral("clock_events"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), s("fees_notice_issued")},
                                             {QStringLiteral("date"), s("2021-02-05")},
                                             {QStringLiteral("estimated_date"), s("2021-03-05")}}}),
            "clock_events[0].estimated_date: only a pi_extension has an estimated date");
        const auto reviewed = [&](const QJsonValue &result) {
            return withField(
                QStringLiteral("clock_events"),
                QJsonArray{QJsonObject{{QStringLiteral("kind"), s("internal_review_requested")},
                                       {QStringLiteral("date"), s("2021-02-10")}},
                           QJsonObject{{QStringLiteral("kind"), s("internal_review_outcome")},
                                       {QStringLiteral("date"), s("2021-03-01")},
                                       {QStringLiteral("result"), result}}});
        };
        row("clock_events unknown review result",
            reviewed(s("partly")),
            "clock_events[1].result: \"partly\" is not one of upheld, upheld_in_part or "
            "overturned.");
        row("clock_events review result a number",
            reviewed(1),
            "clock_events[1].result: expected one of upheld, upheld_in_part or overturned as a "
            "string, found a number (1)");
        row("clock_events review result in capitals",
            reviewed(s("Overturned")),
            "clock_events[1].result: \"Overturned\" is not one of upheld, upheld_in_part or "
            "overturned.");
        row("clock_events review result on a review request",
            withField(
                QStringLiteral("clock_events"),
                QJsonArray{QJsonObject{{QStringLiteral("kind"), s("internal_review_requested")},
                                       {QStringLiteral("date"), s("2021-02-10")},
                                       {QStringLiteral("result"), s("upheld")}}}),
            "clock_events[0].result: only an internal_review_outcome has a result; remove it "
            "from this internal_review_requested event.");
        row("clock_events fee paid without a notice",
            withField(QStringLiteral("clock_events"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), s("fee_paid")},
                                             {QStringLiteral("date"), s("2021-02-05")}}}),
            "clock_events: A fee paid on Friday 5 February 2021 cannot be recorded: no fees "
            "notice was issued on or before that day.");
        row("response_sent before received",
            withField(QStringLiteral("response_sent"), s("2021-02-01")),
            "clock_events: The response was sent on Monday 1 February 2021, before the request "
            "was received on Wednesday 3 February 2021");
        row("response_sent not a date",
            withField(QStringLiteral("response_sent"), s("soon")),
            "response_sent: \"soon\" is not a date in the form YYYY-MM-DD");

        // Encoding: QJsonDocument would quietly turn these bytes into U+FFFD.
        const QByteArray prefix("{\"format\":\"foidesk.request/1\",\"reference\":\"A\","
                                "\"received\":\"2021-02-03\",\"title\":\"caf");
        row("Windows-1252 byte",
            prefix + "\xE9\"}",
            QStringLiteral("the file is not valid UTF-8: byte %1 (0xE9)")
                .arg(prefix.size())
                .toUtf8()
                .constData());
        row("overlong UTF-8", prefix + "\xC0\xAF\"}", "the file is not valid UTF-8");
        row("UTF-8 surrogate", prefix + "\xED\xA0\x80\"}", "the file is not valid UTF-8");
        row("UTF-8 cut short", prefix + "\xE2\x82", "the file is not valid UTF-8");
    }

    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, expected);
        const Result<Request> result = RequestJson::parse(json);
        QVERIFY2(!result.ok(), json.left(200).constData());
        QCOMPARE(result.errorKind(), kind);
        QVERIFY2(result.errorMessage().contains(expected),
                 qPrintable(QStringLiteral("message: ") + result.errorMessage()));
    }

    void hugeStringsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("title") << QStringLiteral("title")
                               << QStringLiteral("title: is 10,485,760 characters long; the "
                                                 "limit is 1,000 characters.");
        QTest::newRow("answer") << QStringLiteral("answer")
                                << QStringLiteral("questions[0].answer: is 10,485,760 characters "
                                                  "long; the limit is 1,000,000 characters.");
        QTest::newRow("question text")
            << QStringLiteral("text")
            << QStringLiteral("questions[0].text: is 10,485,760 characters long; the limit is "
                              "20,000 characters.");
        QTest::newRow("combined_response")
            << QStringLiteral("combined_response")
            << QStringLiteral("combined_response: is 10,485,760 characters long");
    }

    void hugeStringsAreRefusedNamingTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const QString huge(10 * 1024 * 1024, QLatin1Char('x'));
        const bool inQuestion = field == QLatin1String("answer") || field == QLatin1String("text");
        const QByteArray json =
            inQuestion ? withQuestionField(0, field, huge) : withField(field, huge);
        QVERIFY(json.size() > 10 * 1024 * 1024);
        const Result<Request> result = RequestJson::parse(json);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorKind(), ErrorKind::BadInput);
        QVERIFY2(result.errorMessage().contains(expected), qPrintable(result.errorMessage()));
        // The message quotes nothing of the value itself.
        QVERIFY(result.errorMessage().size() < 200);
    }

    void oversizedInputIsRefusedBeforeParsing()
    {
        const QByteArray json(RequestJson::MaxFileBytes + 1, ' ');
        const Result<Request> result = RequestJson::parse(json);
        QCOMPARE(result.errorKind(), ErrorKind::BadInput);
        QVERIFY2(result.errorMessage().contains(QStringLiteral("limited to 16 MB")),
                 qPrintable(result.errorMessage()));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("big.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(RequestJson::MaxFileBytes + 1));
        file.close();
        const Result<Request> fromFile = RequestJson::readFile(path);
        QCOMPARE(fromFile.errorKind(), ErrorKind::BadInput);
        QVERIFY(fromFile.errorMessage().startsWith(QDir::toNativeSeparators(path)
                                                   + QStringLiteral(": the file is 16.0 MB")));
    }

    void statusCodesOfEarlierVersionsAreAccepted_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("on_hold") << u"on_hold"_s << int(RequestStatus::ClarificationSought);
        QTest::newRow("in_review") << u"in_review"_s << int(RequestStatus::AwaitingReview);
        QTest::newRow("responded") << u"responded"_s << int(RequestStatus::Sent);
        QTest::newRow("returned") << u"returned"_s << int(RequestStatus::Returned);
        QTest::newRow("approved") << u"approved"_s << int(RequestStatus::Approved);
    }

    void statusCodesOfEarlierVersionsAreAccepted()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        const Result<Request> result = RequestJson::parse(withField(u"status"_s, code));
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(int(result->status), status);
        // Written back with today's code only.
        const QByteArray written = RequestJson::serialize(result.value());
        const QString expected = u"\"status\": \""_s + statusCode(result->status) + u'"';
        QVERIFY(written.contains(expected.toUtf8()));
        QVERIFY(!written.contains("on_hold") && !written.contains("in_review")
                && !written.contains("responded"));
    }

    void minimalRequestTakesDefaults()
    {
        const Result<Request> r =
            RequestJson::parse("{\"format\": \"foidesk.request/1\", \"reference\": \"  FOI/42  \", "
                               "\"received\": \"2024-01-05\"}");
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->reference, QStringLiteral("FOI/42")); // surrounding spaces are dropped
        QCOMPARE(r->regime, Regime::FOIA);
        QCOMPARE(r->status, RequestStatus::New);
        QCOMPARE(r->held, Held::Undecided);
        QCOMPARE(r->requester.kind, RequesterKind::Individual);
        QVERIFY(r->questions.isEmpty());
        QVERIFY(!r->letterDate.isValid());
        QCOMPARE(r->received, QDate(2024, 1, 5));
    }

    void nullsEmptyLaterFieldsAndExtensionsAreAccepted()
    {
        const QByteArray json = R"({
            "format": "foidesk.request/1",
            "reference": "EIR-7",
            "regime": "EIRS",
            "received": "2024-02-29",
            "title": null,
            "held": "",
            "x-crm-id": {"anything": [1, 2, 3]},
            "x_source": "portal",
            "requester": {"name": "B. Asker", "kind": "campaign", "x-phone": "01234"},
            "questions": [{"text": "Which trees?", "disposition": "answered",
                           "exemptions": [], "redactions": [], "x-note": 1}],
            "exemption_reasons": {},
            "clock_events": [],
            "response_sent": null,
            "letter_date": ""
        })";
        const Result<Request> r = RequestJson::parse(json);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->regime, Regime::EIRS);
        QVERIFY(r->title.isEmpty());
        QCOMPARE(r->held, Held::Undecided);
        QCOMPARE(r->requester.kind, RequesterKind::Campaign);
        QCOMPARE(r->questions.size(), 1);
        QCOMPARE(r->questions.first().text, QStringLiteral("Which trees?"));
        QVERIFY(!r->letterDate.isValid());
    }

    // The requester's introduction keeps its lines and paragraphs, is written just before the
    // questions, and is left out when empty.
    void introductionRoundTrips()
    {
        Request request = RequestJson::parse(toJson(baseObject())).value();
        QVERIFY(!QString::fromUtf8(RequestJson::serialize(request)).contains(u"introduction"_s));
        request.introduction = u"I wanted to find out more.\n\nPlease tell me:\n\tfirst"_s;
        const QByteArray written = RequestJson::serialize(request);
        const QString text = QString::fromUtf8(written);
        QVERIFY(text.indexOf(u"\"introduction\""_s) < text.indexOf(u"\"questions\""_s));
        const Result<Request> read = RequestJson::parse(written);
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QCOMPARE(read->introduction, request.introduction);
        QVERIFY(read->sameContent(request));
        QCOMPARE(RequestJson::parse(withField(u"introduction"_s, 7)).errorMessage(),
                 u"introduction: expected a string, found a number (7)."_s);
    }

    void oneLineFieldsTakePastedBreaksAsSpaces()
    {
        // A title copied out of an email arrives with its line breaks; the letter would print
        // them. Every one-line field takes breaks and tabs as single spaces, as the window does.
        QJsonObject object = baseObject();
        object.insert(QStringLiteral("title"), QStringLiteral("Parking\r\nfines \n\tin 2023\n"));
        object.insert(QStringLiteral("officer"), QStringLiteral("Alex\tOfficer"));
        QJsonObject requester;
        requester.insert(QStringLiteral("name"), QStringLiteral("Sam\nRequester"));
        requester.insert(QStringLiteral("email"), QStringLiteral("sam@example.org\n"));
        object.insert(QStringLiteral("requester"), requester);
        QJsonObject question;
        question.insert(QStringLiteral("text"), QStringLiteral("How many?\nBy year."));
        question.insert(QStringLiteral("section"), QStringLiteral("Enforcement\n"));
        question.insert(QStringLiteral("label"), QStringLiteral("\n4"));
        question.insert(QStringLiteral("condition"), QStringLiteral("If so,\nwhen?"));
        object.insert(QStringLiteral("questions"), QJsonArray{question});

        const Result<Request> read = RequestJson::parse(toJson(object));
        QVERIFY2(read, qPrintable(read.errorMessage()));
        const Request &request = read.value();
        QCOMPARE(request.title, QStringLiteral("Parking fines in 2023"));
        QCOMPARE(request.officer, QStringLiteral("Alex Officer"));
        QCOMPARE(request.requester.name, QStringLiteral("Sam Requester"));
        QCOMPARE(request.requester.email, QStringLiteral("sam@example.org"));
        const Question &q = request.questions.first();
        QCOMPARE(q.section, QStringLiteral("Enforcement"));
        QCOMPARE(q.label, QStringLiteral("4"));
        QCOMPARE(q.condition, QStringLiteral("If so, when?"));
        // The question as asked keeps its lines.
        QCOMPARE(q.text, QStringLiteral("How many?\nBy year."));
    }

    void byteOrderMarkIsAccepted()
    {
        const QByteArray json = QByteArray("\xEF\xBB\xBF") + toJson(baseObject());
        const Result<Request> r = RequestJson::parse(json);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->reference, QStringLiteral("A-1"));
    }

    void serializeWritesDocumentedOrderAndLeavesOutEmptyFields()
    {
        Request r;
        r.reference = QStringLiteral("R-1");
        r.received = QDate(2022, 3, 4);
        Question why;
        why.text = QStringLiteral("Why?");
        r.questions.append(why);
        const QString text = QString::fromUtf8(RequestJson::serialize(r));
        QCOMPARE(text,
                 QStringLiteral("{\n"
                                "  \"format\": \"foidesk.request/1\",\n"
                                "  \"reference\": \"R-1\",\n"
                                "  \"regime\": \"FOIA\",\n"
                                "  \"received\": \"2022-03-04\",\n"
                                "  \"status\": \"new\",\n"
                                "  \"questions\": [\n"
                                "    {\n"
                                "      \"text\": \"Why?\"\n"
                                "    }\n"
                                "  ]\n"
                                "}\n"));

        const QString extended = QString::fromUtf8(RequestJson::serialize(
            r, {{QStringLiteral("due"), QStringLiteral("2022-04-01")}, {QStringLiteral("n"), 3}}));
        QVERIFY(
            extended.endsWith(QStringLiteral("  ],\n  \"due\": \"2022-04-01\",\n  \"n\": 3\n}\n")));
    }

    void awkwardTextSurvivesTheRoundTrip()
    {
        Request r;
        r.reference = QStringLiteral("Ünïcødé-1");
        r.title = QStringLiteral("Quotes \" and backslashes \\ and £ and 😀");
        r.received = QDate(2023, 12, 29);
        r.requester = Requester{QStringLiteral("Zoë O'Brien"),
                                QStringLiteral("zoe@example.org"),
                                QStringLiteral("1 High Street\r\nTown\tshire"),
                                RequesterKind::Journalist};
        r.officer = QStringLiteral("Officer");
        r.status = RequestStatus::ClarificationSought;
        r.held = Held::NeitherConfirmNorDeny;
        r.combinedResponse = QStringLiteral("Line one\n\nLine\u2028two");
        Question question;
        question.section = QStringLiteral("Section");
        question.label = QStringLiteral("2a");
        question.condition = QStringLiteral("If yes:");
        question.text = QStringLiteral("Text\twith tab\nand line");
        question.choices = {QStringLiteral("A"), QString(), QStringLiteral("C")};
        question.answer = QStringLiteral("Answer");
        r.questions.append(question);
        r.letterDate = QDate(2024, 1, 2);
        r.letterFinal = true;
        const QByteArray json = RequestJson::serialize(r);
        QVERIFY(json.contains("\"letter_final\": true"));
        const Result<Request> back = RequestJson::parse(json);
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QVERIFY(back->sameContent(r));
        QVERIFY(back->letterFinal);
    }

    void fileRoundTripAndFileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Request letter = loadLetter(QStringLiteral("7012568"));
        const QString path = dir.filePath(QStringLiteral("out.json"));
        QVERIFY(RequestJson::writeFile(letter, path).ok());
        const Result<Request> back = RequestJson::readFile(path);
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QVERIFY(back->sameContent(letter));

        const QString missingFolder = dir.filePath(QStringLiteral("no/such/folder/out.json"));
        const Result<void> written = RequestJson::writeFile(letter, missingFolder);
        QCOMPARE(written.errorKind(), ErrorKind::Io);
        QVERIFY(written.errorMessage().contains(QDir::toNativeSeparators(missingFolder)));

        const Result<Request> missing =
            RequestJson::readFile(dir.filePath(QStringLiteral("x.json")));
        QCOMPARE(missing.errorKind(), ErrorKind::NotFound);
        QVERIFY(missing.errorMessage().contains(QStringLiteral("no such file")));

        const QString badPath = dir.filePath(QStringLiteral("bad.json"));
        QFile bad(badPath);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(withField(QStringLiteral("received"), QStringLiteral("2023-02-31")));
        bad.close();
        const Result<Request> refused = RequestJson::readFile(badPath);
        QCOMPARE(refused.errorKind(), ErrorKind::BadInput);
        QCOMPARE(refused.errorMessage(),
                 QDir::toNativeSeparators(badPath)
                     + QStringLiteral(": received: \"2023-02-31\" is not a real date (expected "
                                      "YYYY-MM-DD)."));

        const Result<Request> folder = RequestJson::readFile(dir.path());
        QCOMPARE(folder.errorKind(), ErrorKind::BadInput);
    }

    // What people type for a code is accepted and stored canonical, for the regime's family.
    void typedExemptionCodesAreMadeCanonical_data()
    {
        QTest::addColumn<QString>("regime");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("canonical s40(2)") << u"FOIA"_s << u"s40(2)"_s << u"s40(2)"_s;
        QTest::newRow("section 40(2)") << u"FOIA"_s << u"section 40(2)"_s << u"s40(2)"_s;
        QTest::newRow("s.40(2)") << u"FOIA"_s << u"s.40(2)"_s << u"s40(2)"_s;
        QTest::newRow("S40(2)") << u"FOIA"_s << u"S40(2)"_s << u"s40(2)"_s;
        QTest::newRow("s43(2)") << u"FOIA"_s << u"s43(2)"_s << u"s43(2)"_s;
        QTest::newRow("s12") << u"FOIA"_s << u"s12"_s << u"s12"_s;
        QTest::newRow("s31(1)(a)") << u"FOIA"_s << u"s31(1)(a)"_s << u"s31(1)(a)"_s;
        QTest::newRow("reg12(4)(a)") << u"EIR"_s << u"reg12(4)(a)"_s << u"reg12(4)(a)"_s;
        QTest::newRow("regulation 13") << u"EIR"_s << u"regulation 13"_s << u"reg13"_s;
        QTest::newRow("reg13") << u"EIR"_s << u"reg13"_s << u"reg13"_s;
        QTest::newRow("s 40 (2)") << u"FOIA"_s << u"s 40 (2)"_s << u"s40(2)"_s;
        QTest::newRow("reg. 12(5)(e)") << u"EIR"_s << u"reg. 12(5)(e)"_s << u"reg12(5)(e)"_s;
        QTest::newRow("EIR 12(4)(b)") << u"EIR"_s << u"EIR 12(4)(b)"_s << u"reg12(4)(b)"_s;
        QTest::newRow("FOISA s38(1)(b)") << u"FOISA"_s << u"section 38(1)(b)"_s << u"s38(1)(b)"_s;
        QTest::newRow("EIRS reg11(2)") << u"EIRS"_s << u"regulation 11(2)"_s << u"reg11(2)"_s;
    }

    void typedExemptionCodesAreMadeCanonical()
    {
        QFETCH(QString, regime);
        QFETCH(QString, typed);
        QFETCH(QString, canonical);
        QJsonObject object = baseObject();
        object.insert(u"regime"_s, regime);
        QJsonArray questions = object.value(u"questions"_s).toArray();
        QJsonObject question = questions.at(0).toObject();
        question.insert(u"disposition"_s, u"part_withheld"_s);
        question.insert(u"exemptions"_s, QJsonArray{typed, canonical});
        question.insert(u"redactions"_s,
                        QJsonArray{QJsonObject{{u"text"_s, u"Three"_s}, {u"exemption"_s, typed}}});
        questions.replace(0, question);
        object.insert(u"questions"_s, questions);
        object.insert(u"exemption_reasons"_s, QJsonObject{{typed, u"Because."_s}});

        const Result<Request> r = RequestJson::parse(toJson(object));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        const Question &q = r->questions[0];
        QCOMPARE(q.disposition, Disposition::PartWithheld);
        QCOMPARE(q.exemptions, QStringList{canonical}); // the same exemption once
        QCOMPARE(q.redactions, (QList<Redaction>{Redaction{0, 5, canonical}}));
        QCOMPARE(r->exemptionReasons.keys(), QStringList{canonical});
    }

    // A code is valid only under its own regime's law, and the message names the code.
    void codesOfAnotherRegimeAreRefused_data()
    {
        QTest::addColumn<QString>("regime");
        QTest::addColumn<QString>("code");
        QTest::newRow("reg13 under FOIA") << u"FOIA"_s << u"reg13"_s;
        QTest::newRow("s40(2) under EIR") << u"EIR"_s << u"s40(2)"_s;
        QTest::newRow("s99 under FOIA") << u"FOIA"_s << u"s99"_s;
    }

    void codesOfAnotherRegimeAreRefused()
    {
        QFETCH(QString, regime);
        QFETCH(QString, code);
        QJsonObject object = baseObject();
        object.insert(u"regime"_s, regime);
        QJsonArray questions = object.value(u"questions"_s).toArray();
        QJsonObject question = questions.at(2).toObject();
        question.insert(u"exemptions"_s, QJsonArray{code});
        questions.replace(2, question);
        object.insert(u"questions"_s, questions);
        const Result<Request> r = RequestJson::parse(toJson(object));
        QCOMPARE(r.errorKind(), ErrorKind::BadInput);
        QVERIFY2(r.errorMessage().startsWith(u"questions[2].exemptions[0]: "_s),
                 qPrintable(r.errorMessage()));
        QVERIFY2(r.errorMessage().contains(code), qPrintable(r.errorMessage()));
    }

    // A redaction withholds its text wherever it occurs in that answer, and only there.
    void redactionsWithholdEveryOccurrence()
    {
        const QByteArray json = R"json({
            "format": "foidesk.request/1",
            "reference": "R-40",
            "received": "2024-02-29",
            "questions": [
                {"text": "Who approved it?",
                 "answer": "Zoë Ŵyn approved it.\nZoë Ŵyn (zoe@example.org) signed it; Zoë Ŵyn",
                 "disposition": "part_withheld",
                 "exemptions": ["s40(2)"],
                 "redactions": [{"text": "Zoë Ŵyn", "exemption": "section 40(2)"},
                                {"text": "Ŵyn (zoe@example.org)", "exemption": "s40(2)"}]},
                {"text": "And who else?", "answer": "Zoë Ŵyn did not."}
            ]
        })json";
        const Result<Request> r = RequestJson::parse(json);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        const Question &q = r->questions[0];
        const qsizetype second = q.answer.indexOf(u"Zoë Ŵyn"_s, 1);
        const qsizetype third = q.answer.lastIndexOf(u"Zoë Ŵyn"_s);
        // The overlapping texts under one exemption merge; the last occurrence ends the answer.
        QCOMPARE(q.redactions,
                 (QList<Redaction>{Redaction{0, 7, u"s40(2)"_s},
                                   Redaction{second, 25, u"s40(2)"_s},
                                   Redaction{third, 7, u"s40(2)"_s}}));
        QCOMPARE(q.redactions.last().end(), q.answer.size());
        QVERIFY(r->questions[1].redactions.isEmpty());
        QCOMPARE(r->questions[1].disposition, Disposition::Answered);
    }

    void reasonsTakeAStringOrAnObject()
    {
        const QByteArray json = R"json({
            "format": "foidesk.request/1",
            "reference": "R-41",
            "received": "2024-02-29",
            "exemption_reasons": {
                "s40(2)": "The names are of junior officers.",
                "S43(2)": {"reasoning": "Prices would harm the supplier.",
                           "public_interest": "Fair tendering outweighs openness here."},
                "s12": {"public_interest": null},
                "s.31(1)(a)": null
            }
        })json";
        const Result<Request> r = RequestJson::parse(json);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QMap<QString, ExemptionReasoning> expected;
        expected.insert(u"s40(2)"_s, {u"The names are of junior officers."_s, {}});
        expected.insert(
            u"s43(2)"_s,
            {u"Prices would harm the supplier."_s, u"Fair tendering outweighs openness here."_s});
        expected.insert(u"s12"_s, {});
        expected.insert(u"s31(1)(a)"_s, {});
        QCOMPARE(r->exemptionReasons, expected);
    }

    void publicExportIsNotImported()
    {
        Request r;
        r.reference = u"PUB-1"_s;
        r.received = QDate(2024, 3, 4);
        r.requester.name = u"Sam Jones"_s;
        Question question;
        question.text = u"Who approved it?"_s;
        question.answer = u"Ann Lee approved it."_s;
        question.disposition = Disposition::PartWithheld;
        question.redactions = {Redaction{0, 7, u"s40(2)"_s}};
        r.questions = {question};

        const QByteArray publicJson = PublicRequestJson::serialize(r);
        QVERIFY(PublicRequestJson::isPublicExport(publicJson));
        const auto parsed = RequestJson::parse(publicJson);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.errorKind(), ErrorKind::BadInput);
        QVERIFY2(parsed.error().message.startsWith(u"public: "_s), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(u"without --public"_s));
        // The full export of the same request still imports.
        QVERIFY(RequestJson::parse(RequestJson::serialize(r)).ok());
    }

    void withholdingRequestRoundTrips()
    {
        Request r;
        r.reference = u"R-42"_s;
        r.received = QDate(2024, 3, 4);
        Question first;
        first.label = u"1."_s;
        first.text = u"Who signed the contract?"_s;
        first.answer = u"Siân Ŵyn 🤖 signed; Siân Ŵyn's deputy, Bob, countersigned. Bob"_s;
        first.disposition = Disposition::PartWithheld;
        first.exemptions = {u"s40(2)"_s, u"s43(2)"_s};
        for (const QString &text : {u"Siân Ŵyn"_s, u"Bob"_s}) {
            for (qsizetype at = first.answer.indexOf(text); at >= 0;
                 at = first.answer.indexOf(text, at + 1))
                first.redactions.append(Redaction{at, text.size(), u"s40(2)"_s});
        }
        std::sort(first.redactions.begin(), first.redactions.end(), [](auto a, auto b) {
            return a.start < b.start;
        });
        Question second;
        second.text = u"What did it cost?"_s;
        second.answer = u"£1,200"_s;
        second.disposition = Disposition::Withheld;
        second.exemptions = {u"s43(2)"_s};
        Question third;
        third.text = u"Any complaints?"_s;
        third.disposition = Disposition::NeitherConfirmNorDeny;
        third.exemptions = {u"s31(1)(a)"_s};
        Question fourth;
        fourth.text = u"Minutes?"_s;
        fourth.disposition = Disposition::NotHeld;
        r.questions = {first, second, third, fourth};
        r.exemptionReasons.insert(u"s43(2)"_s, {u"Harm to “the supplier”."_s, u"Ŵ interest."_s});
        r.exemptionReasons.insert(u"s40(2)"_s, {u"Junior officers."_s, {}});

        const QByteArray json = RequestJson::serialize(r);
        const Result<Request> back = RequestJson::parse(json);
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QVERIFY(back->sameContent(r));

        // Each {text, exemption} pair is written once, in the order of the answer.
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        const QJsonArray questions = object.value(u"questions"_s).toArray();
        QCOMPARE(questions.at(0)[u"redactions"_s].toArray(),
                 (QJsonArray{QJsonObject{{u"text"_s, u"Siân Ŵyn"_s}, {u"exemption"_s, u"s40(2)"_s}},
                             QJsonObject{{u"text"_s, u"Bob"_s}, {u"exemption"_s, u"s40(2)"_s}}}));
        QCOMPARE(questions.at(3)[u"disposition"_s].toString(), u"not_held"_s);
        QVERIFY(!questions.at(3).toObject().contains(u"exemptions"_s));
        QVERIFY(!questions.at(1).toObject().contains(u"redactions"_s));
        QCOMPARE(object.value(u"exemption_reasons"_s)[u"s40(2)"_s].toString(),
                 u"Junior officers."_s);
        QCOMPARE(object.value(u"exemption_reasons"_s)[u"s43(2)"_s][u"public_interest"_s],
                 QJsonValue(u"Ŵ interest."_s));
        const QString text = QString::fromUtf8(json);
        QVERIFY(text.indexOf(u"\"answer\""_s) < text.indexOf(u"\"disposition\""_s));
        QVERIFY(text.indexOf(u"\"questions\""_s) < text.indexOf(u"\"exemption_reasons\""_s));
    }

    // A span over one occurrence of a text is written as the text; reading it back withholds
    // every occurrence: more than before, never less.
    void reimportWithholdsEveryOccurrenceNeverLess()
    {
        Request r;
        r.reference = u"R-43"_s;
        r.received = QDate(2024, 3, 4);
        Question q;
        q.text = u"Who?"_s;
        q.answer = u"Ann wrote the Annual report; Ann signed."_s;
        q.disposition = Disposition::PartWithheld;
        q.redactions = {Redaction{0, 3, u"s40(2)"_s}};
        r.questions = {q};
        const Result<Request> back = RequestJson::parse(RequestJson::serialize(r));
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        const QList<Redaction> spans = back->questions[0].redactions;
        QCOMPARE(spans,
                 (QList<Redaction>{Redaction{0, 3, u"s40(2)"_s},
                                   Redaction{14, 3, u"s40(2)"_s},
                                   Redaction{29, 3, u"s40(2)"_s}}));
        for (const Redaction &original : r.questions[0].redactions) {
            for (qsizetype i = original.start; i < original.end(); ++i) {
                QVERIFY(std::any_of(spans.begin(), spans.end(), [i](const Redaction &span) {
                    return span.start <= i && i < span.end();
                }));
            }
        }
    }

    void documentedExamplesParse()
    {
        // Both examples in docs/exchange-format.md must be files FOI Desk accepts.
        const QString doc = QString::fromUtf8(
            readAll(QStringLiteral(FOIDESK_RESOURCE_DIR "/../docs/exchange-format.md")));
        QVERIFY(!doc.isEmpty());
        const QString fence = QStringLiteral("```json\n");
        QList<Request> examples;
        for (qsizetype start = doc.indexOf(fence); start >= 0; start = doc.indexOf(fence, start)) {
            start += fence.size();
            const qsizetype end = doc.indexOf(QStringLiteral("```"), start);
            QVERIFY(end > start);
            const Result<Request> r = RequestJson::parse(doc.mid(start, end - start).toUtf8());
            QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
            examples.append(*r);
        }
        QCOMPARE(examples.size(), 2);
        // The complete example shows an answer withheld in part, with a name withheld, and
        // reasons in both forms.
        const Request &complete = examples.first();
        QVERIFY(complete.withholdsAnything());
        const Question &partial = complete.questions.at(2);
        QCOMPARE(partial.disposition, Disposition::PartWithheld);
        QCOMPARE(partial.redactions.size(), 2);
        QCOMPARE(partial.answer.mid(partial.redactions[0].start, partial.redactions[0].length),
                 u"Sam Sample"_s);
        QCOMPARE(complete.questions.at(3).disposition, Disposition::Withheld);
        QCOMPARE(complete.exemptionReasons.size(), 2);
        QVERIFY(!complete.exemptionReasons.value(u"s43(2)"_s).publicInterest.isEmpty());
    }

    void exampleRequestsLoad()
    {
        const Result<QList<Request>> examples = ExampleRequests::load();
        QVERIFY2(examples.ok(), qPrintable(examples.errorMessage()));
        QCOMPARE(examples->size(), 4);
        QSet<QString> references;
        bool someCombined = false;
        bool someChoices = false;
        bool someEir = false;
        for (const Request &r : examples.value()) {
            references.insert(r.reference);
            QVERIFY(r.requester.email.endsWith(QStringLiteral("@example.org")));
            QCOMPARE(r.received.year(), 2026);
            QVERIFY(!r.questions.isEmpty());
            someCombined = someCombined || !r.combinedResponse.isEmpty();
            someEir = someEir || r.regime == Regime::EIR;
            for (const Question &q : r.questions)
                someChoices = someChoices || !q.choices.isEmpty();
            const Result<Request> back = RequestJson::parse(RequestJson::serialize(r));
            QVERIFY(back.ok());
            QVERIFY(back->sameContent(r));
        }
        QCOMPARE(references.size(), 4);
        QVERIFY(someCombined);
        QVERIFY(someChoices);
        QVERIFY(someEir);
    }
};

QTEST_GUILESS_MAIN(TestRequestJson)
#include "tst_requestjson.moc"
