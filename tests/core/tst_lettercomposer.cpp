#include "exchange/RequestJson.h"
#include "letter/LetterComposer.h"
#include "model/RequestEnums.h"
#include "redaction/RedactionSpans.h"
#include "release/WithheldText.h"
#include "wording/LetterTemplate.h"
#include "support/RequestBuilder.h"

#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(foidesk::Regime)
Q_DECLARE_METATYPE(foidesk::Held)
Q_DECLARE_METATYPE(foidesk::Disposition)
Q_DECLARE_METATYPE(foidesk::RequesterKind)
Q_DECLARE_METATYPE(foidesk::Request)

namespace {

OrganisationProfile testProfile()
{
    Result<OrganisationProfile> profile = OrganisationProfile::readFile(
        QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json"));
    if (!profile)
        qFatal("%s", qPrintable(profile.errorMessage()));
    return profile.value();
}

Request sampleRequest()
{
    Request request;
    request.reference = u"FOI-2024-0042"_s;
    request.regime = Regime::FOIA;
    request.title = u"Street lighting repairs"_s;
    request.received = QDate(2024, 3, 4);
    request.letterDate = QDate(2024, 3, 28);
    request.requester.name = u"Sam Jones"_s;
    request.held = Held::All;
    request.questions = {
        test::makeQuestion(
            u"Repairs"_s, u"1."_s, u"How many street lights were repaired in 2023?"_s, u"1,204."_s),
        test::makeQuestion(u"Repairs"_s, u"2."_s, u"Was any repair work contracted out?"_s, u"Yes."_s),
        test::makeQuestion(u"Repairs"_s,
                 u"2a"_s,
                 u"Please name the contractor."_s,
                 u"Brightway Lighting Ltd."_s,
                 u"If yes:"_s),
        test::makeQuestion(u"Budget"_s,
                 u"3."_s,
                 u"Which best describes the 2024 budget?"_s,
                 u"About the same."_s,
                 {},
                 {u"Higher"_s, u"About the same"_s, u"Lower"_s}),
        test::makeQuestion(u"Repairs"_s,
                 u"4."_s,
                 u"How long does a repair take on average?"_s,
                 u"Nine working days."_s),
    };
    return request;
}

// The test authority with the refusal wording spelled out here, so that each expectation below
// can be read against the sentence that produced it.
OrganisationProfile refusalProfile()
{
    OrganisationProfile profile = testProfile();
    profile.templates[u"refusal.heading"_s] = u"Refusal notice: {exemption_code}"_s;
    profile.templates[u"refusal.applies"_s] =
        u"We rely on {exemption} ({exemption_title}) for {questions}."_s;
    profile.templates[u"refusal.absolute"_s] = u"ABSOLUTE: no public interest test applies."_s;
    profile.templates[u"refusal.public_interest"_s] = u"QUALIFIED: the public interest test."_s;
    profile.templates[u"refusal.procedural"_s] = u"PROCEDURAL: we refuse under {exemption}."_s;
    profile.templates[u"refusal.not_held"_s] = u"NOT HELD: {questions}, so {exemption}."_s;
    profile.templates[u"answer.withheld"_s] = u"Withheld under {exemption}."_s;
    profile.templates[u"answer.not_held"_s] = u"We do not hold this."_s;
    profile.templates[u"answer.ncnd"_s] = u"We neither confirm nor deny ({exemption_code})."_s;
    profile.templates[u"withheld.label"_s] = u"[withheld: {exemption_code}]"_s;
    profile.exemptionOverrides[u"s40(2)"_s].reasoning = u"DEFAULT 40 reasoning for {questions}."_s;
    profile.exemptionOverrides[u"s43(2)"_s].reasoning = u"DEFAULT 43 reasoning."_s;
    return profile;
}

Redaction span(qsizetype start, qsizetype length, const QString &exemption = u"s40(2)"_s)
{
    Redaction r;
    r.start = start;
    r.length = length;
    r.exemption = exemption;
    return r;
}

// The sample request with one redacted name in question 1 and question 2 withheld in full: a
// letter that is complete and refuses something.
Request refusingRequest()
{
    Request request = sampleRequest();
    request.questions[0].answer = u"1,204, signed off by Jane Smith."_s;
    request.questions[0].disposition = Disposition::PartWithheld;
    request.questions[0].redactions = {span(21, 10)};
    request.questions[1].answer = u"Contract 77 with Acme Lighting"_s;
    request.questions[1].disposition = Disposition::Withheld;
    request.questions[1].exemptions = {u"s43(2)"_s};
    request.exemptionReasons[u"s43(2)"_s].publicInterest =
        u"Disclosure would harm the tender under way."_s;
    return request;
}

QString answerOf(const LetterDocument &letter, qsizetype index)
{
    return letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).at(index).questions.first().answer;
}

QString bar()
{
    return QString(QChar(LetterMarks::WithheldBar));
}

QString revealed(const QString &text)
{
    return QChar(LetterMarks::RevealStart) + text + QChar(LetterMarks::RevealEnd);
}

} // namespace

// The composer decides what a letter says; these tests pin down each choice it makes.
class TestLetterComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheSentences_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<Held>("held");
        QTest::addColumn<QString>("heldKey");
        QTest::addColumn<bool>("scottish");
        const std::pair<Held, const char *> heldValues[] = {
            {Held::All, "held.all"},
            {Held::Some, "held.some"},
            {Held::None, "held.none"},
            {Held::NeitherConfirmNorDeny, "held.ncnd"}};
        for (Regime regime : allRegimes()) {
            for (const auto &[held, key] : heldValues) {
                const QString name = regimeCode(regime) + u' ' + heldCode(held);
                QTest::newRow(qPrintable(name))
                    << regime << held << QString::fromLatin1(key)
                    << (regime == Regime::FOISA || regime == Regime::EIRS);
            }
        }
    }

    void picksTheSentences()
    {
        QFETCH(Regime, regime);
        QFETCH(Held, held);
        QFETCH(QString, heldKey);
        QFETCH(bool, scottish);

        const OrganisationProfile profile = testProfile();
        Request request = sampleRequest();
        request.regime = regime;
        request.held = held;
        const LetterDocument letter = LetterComposer(profile).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));

        const QList<LetterBlock> regimeBlocks = letter.blocksOf(LetterBlock::Kind::RegimeSentence);
        QCOMPARE(regimeBlocks.size(), 1);
        QCOMPARE(regimeBlocks.first().templateKey, u"regime."_s + regimeCode(regime));
        QCOMPARE(regimeBlocks.first().paragraphs.join(u'\n'),
                 profile.templateText(u"regime."_s + regimeCode(regime)));

        const QList<LetterBlock> statements = letter.blocksOf(LetterBlock::Kind::ConfirmOrDeny);
        QCOMPARE(statements.size(), 1);
        QCOMPARE(statements.first().templateKey, heldKey);
        QCOMPARE(statements.first().heading, profile.templateText(u"heading.response"_s));
        QString expectedStatement = profile.templateText(heldKey);
        expectedStatement.replace(u"{organisation}"_s, profile.name);
        QCOMPARE(statements.first().paragraphs.join(u'\n'), expectedStatement);

        const QList<LetterBlock> rights = letter.blocksOf(LetterBlock::Kind::YourRights);
        QCOMPARE(rights.size(), 1);
        QCOMPARE(rights.first().templateKey,
                 scottish ? u"your_rights.scotland"_s : u"your_rights.uk"_s);
        const QString rightsText = rights.first().paragraphs.join(u'\n');
        QCOMPARE(rightsText.contains(u"Kinburn Castle"_s), scottish);
        QCOMPARE(rightsText.contains(u"01334 464610"_s), scottish);
        QCOMPARE(rightsText.contains(u"Wycliffe House"_s), !scottish);
        QCOMPARE(rightsText.contains(u"0303 123 1113"_s), !scottish);
        QVERIFY(rightsText.contains(u"reviews@northmoor.example.gov.uk"_s));

        QVERIFY(letter.pdfTitle.contains(regimeShortName(regime)));
        QVERIFY(letter.pdfTitle.contains(request.reference));
    }

    void everyPlaceholderIsExpanded_data() { picksTheSentences_data(); }

    void everyPlaceholderIsExpanded()
    {
        QFETCH(Regime, regime);
        QFETCH(Held, held);
        Request request = sampleRequest();
        request.regime = regime;
        request.held = held;
        ComposeOptions options;
        options.someWithheld = true;
        const LetterDocument letter = LetterComposer(testProfile()).compose(request, options);
        QVERIFY(letter.problems.isEmpty());
        for (const LetterBlock &block : letter.blocks) {
            LetterDocument single;
            single.blocks = {block};
            const QString text = single.plainText();
            QVERIFY2(!text.contains(u'{') && !text.contains(u'}'), qPrintable(text));
            QVERIFY2(!text.contains(u'['), qPrintable(text));
        }
    }

    void eachQuestionThenItsAnswer()
    {
        const Request request = sampleRequest();
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);

        const QList<LetterBlock> asked = letter.blocksOf(LetterBlock::Kind::RequestAsAsked);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().questions.size(), request.questions.size());
        for (const LetterQuestion &quoted : asked.first().questions)
            QVERIFY(quoted.answer.isEmpty());

        const QList<LetterBlock> answers = letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer);
        QCOMPARE(answers.size(), request.questions.size());
        for (qsizetype i = 0; i < answers.size(); ++i) {
            QCOMPARE(answers.at(i).questions.size(), 1);
            QCOMPARE(answers.at(i).questions.first().text, request.questions.at(i).text);
            QCOMPARE(answers.at(i).questions.first().answer, request.questions.at(i).answer);
        }
        QVERIFY(letter.blocksOf(LetterBlock::Kind::CombinedResponse).isEmpty());

        // The order of the letter as the reference letters have it.
        QList<LetterBlock::Kind> kinds;
        for (const LetterBlock &block : letter.blocks) {
            if (kinds.isEmpty() || kinds.constLast() != block.kind)
                kinds.append(block.kind);
        }
        const QList<LetterBlock::Kind> expected = {
            LetterBlock::Kind::Letterhead,
            LetterBlock::Kind::DateAndReference,
            LetterBlock::Kind::Salutation,
            LetterBlock::Kind::Thanks,
            LetterBlock::Kind::RequestAsAsked,
            LetterBlock::Kind::RegimeSentence,
            LetterBlock::Kind::ConfirmOrDeny,
            LetterBlock::Kind::QuestionAndAnswer,
            LetterBlock::Kind::StandingParagraph,
            LetterBlock::Kind::YourRights,
            LetterBlock::Kind::Closing,
        };
        QCOMPARE(kinds, expected);
    }

    void requestQuotedThenOneCombinedResponse()
    {
        Request request = sampleRequest();
        request.combinedResponse = u"We hold no records of street lighting repairs.\n\nThe "
                                   u"service moved to the county in 2022."_s;
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);
        QVERIFY(letter.problems.isEmpty());
        QVERIFY(letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).isEmpty());
        const QList<LetterBlock> combined = letter.blocksOf(LetterBlock::Kind::CombinedResponse);
        QCOMPARE(combined.size(), 1);
        QCOMPARE(combined.first().paragraphs,
                 (QStringList{u"We hold no records of street lighting repairs."_s,
                              u"The service moved to the county in 2022."_s}));
        QCOMPARE(letter.blocksOf(LetterBlock::Kind::RequestAsAsked).first().questions.size(),
                 request.questions.size());
    }

    void sectionHeadingsOncePerChange()
    {
        const LetterDocument letter = LetterComposer(testProfile()).compose(sampleRequest());
        const QStringList expected = {u"Repairs"_s, {}, {}, u"Budget"_s, u"Repairs"_s};
        // Held in a local: a range-for over a member of a temporary reads freed memory.
        const QList<LetterBlock> askedBlocks = letter.blocksOf(LetterBlock::Kind::RequestAsAsked);
        QStringList asked;
        for (const LetterQuestion &q : askedBlocks.first().questions)
            asked.append(q.section);
        QCOMPARE(asked, expected);
        QStringList answered;
        for (const LetterBlock &block : letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer))
            answered.append(block.questions.first().section);
        QCOMPARE(answered, expected);
    }

    void labelsConditionsAndChoicesAreKept()
    {
        const LetterDocument letter = LetterComposer(testProfile()).compose(sampleRequest());
        const QList<LetterQuestion> asked =
            letter.blocksOf(LetterBlock::Kind::RequestAsAsked).first().questions;
        QCOMPARE(asked.at(2).label, u"2a"_s);
        QCOMPARE(asked.at(2).condition, u"If yes:"_s);
        QCOMPARE(asked.at(3).choices, (QStringList{u"Higher"_s, u"About the same"_s, u"Lower"_s}));
        const LetterQuestion answered =
            letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).at(2).questions.first();
        QCOMPARE(answered.label, u"2a"_s);
        QCOMPARE(answered.condition, u"If yes:"_s);
        QCOMPARE(letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer)
                     .at(3)
                     .questions.first()
                     .choices.size(),
                 3);
    }

    // "If so, when would you want this to be available?" twice, each under its own question:
    // each reads as one sentence. "If yes:" over two follow-ups, and "If no:" before a numbered
    // question, stay lead-in lines as in the reference letters.
    void conditionsPrintWithTheirQuestion()
    {
        Request request = sampleRequest();
        request.questions = {
            test::makeQuestion(u"Chatbots"_s, {}, u"Do you plan a citizen chatbot?"_s, u"Yes."_s),
            test::makeQuestion(u"Chatbots"_s,
                               {},
                               u"when would you want this to be available?"_s,
                               u"2025."_s,
                               u"If so,"_s),
            test::makeQuestion(u"Recruitment"_s, u"1."_s, u"Do you use AI in recruitment?"_s, u"Yes."_s),
            test::makeQuestion(u"Recruitment"_s, u"a)"_s, u"Name the programme."_s, u"None."_s, u"If yes:"_s),
            test::makeQuestion(u"Recruitment"_s, u"b)"_s, u"Name the provider."_s, u"None."_s, u"If yes:"_s),
            // A numbered question keeps its condition above its number.
            test::makeQuestion(u"Recruitment"_s, u"2."_s, u"Any plans?"_s, u"No."_s, u"If no:"_s),
            // The same words under another section heading are another group.
            test::makeQuestion(u"Appointments"_s, {}, u"Do you plan video calls?"_s, u"No."_s),
            test::makeQuestion(u"Appointments"_s,
                               {},
                               u"when would you want this to be available?"_s,
                               u"N/A"_s,
                               u"If so,"_s),
        };
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);
        const QList<LetterQuestion> asked =
            letter.blocksOf(LetterBlock::Kind::RequestAsAsked).first().questions;
        QList<LetterQuestion> answered;
        for (const LetterBlock &block : letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer))
            answered.append(block.questions.first());
        QCOMPARE(answered.size(), asked.size());
        for (const QList<LetterQuestion> &quoted : {asked, answered}) {
            for (qsizetype i : {1, 7}) {
                QCOMPARE(quoted.at(i).condition, QString());
                QCOMPARE(quoted.at(i).text, u"If so, when would you want this to be available?"_s);
            }
            for (qsizetype i : {3, 4})
                QCOMPARE(quoted.at(i).condition, u"If yes:"_s);
            QCOMPARE(quoted.at(3).text, u"Name the programme."_s);
            QCOMPARE(quoted.at(5).condition, u"If no:"_s);
            QCOMPARE(quoted.at(5).text, u"Any plans?"_s);
        }

    }

    void datesUseTheProfileFormat()
    {
        const OrganisationProfile profile = testProfile();
        const LetterDocument letter = LetterComposer(profile).compose(sampleRequest());
        const LetterBlock date = letter.blocksOf(LetterBlock::Kind::DateAndReference).first();
        QCOMPARE(date.lines, (QStringList{u"28 March 2024"_s, u"Our ref: FOI-2024-0042"_s}));
        const QString thanks =
            letter.blocksOf(LetterBlock::Kind::Thanks).first().paragraphs.join(u' ');
        QVERIFY2(thanks.contains(u"4 March 2024"_s), qPrintable(thanks));

        OrganisationProfile numeric = profile;
        numeric.dateFormat = u"dd/MM/yyyy"_s;
        const LetterDocument other = LetterComposer(numeric).compose(sampleRequest());
        QCOMPARE(other.blocksOf(LetterBlock::Kind::DateAndReference).first().lines.first(),
                 u"28/03/2024"_s);
    }

    void letterDateDefaultsToToday()
    {
        Request request = sampleRequest();
        request.letterDate = QDate();
        ComposeOptions options;
        options.today = QDate(2024, 4, 2);
        const LetterDocument letter = LetterComposer(testProfile()).compose(request, options);
        QCOMPARE(letter.blocksOf(LetterBlock::Kind::DateAndReference).first().lines.first(),
                 u"2 April 2024"_s);
        QVERIFY(letter.problems.isEmpty());
    }

    void missingDateReceivedIsReported()
    {
        Request request = sampleRequest();
        request.received = QDate();
        const LetterComposer composer(testProfile());
        const LetterDocument letter = composer.compose(request);
        QCOMPARE(letter.problems.size(), 1);
        QVERIFY2(letter.problems.first().contains(u"date the request was received"_s),
                 qPrintable(letter.problems.first()));
        const QString text = letter.plainText();
        QVERIFY(!text.contains(u"{received}"_s));
        QVERIFY(text.contains(u"[date the request was received]"_s));

        const Result<LetterDocument> final = composer.composeFinal(request);
        QCOMPARE(final.errorKind(), ErrorKind::Refused);
        QVERIFY(final.errorMessage().contains(u"date the request was received"_s));
    }

    void otherGapsAreReported_data()
    {
        QTest::addColumn<int>("gap");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("held undecided") << 0 << u"whether the information is held"_s;
        QTest::newRow("answer missing") << 1 << u"Question 2 has no answer"_s;
        QTest::newRow("no questions") << 2 << u"no questions"_s;
        QTest::newRow("no reference") << 3 << u"request reference"_s;
        QTest::newRow("no review address") << 4 << u"postal address for review requests"_s;
    }

    void otherGapsAreReported()
    {
        QFETCH(int, gap);
        QFETCH(QString, mentions);
        Request request = sampleRequest();
        OrganisationProfile profile = testProfile();
        switch (gap) {
        case 0:
            request.held = Held::Undecided;
            break;
        case 1:
            request.questions[1].answer.clear();
            break;
        case 2:
            request.questions.clear();
            break;
        case 3:
            request.reference.clear();
            break;
        case 4:
            profile.reviewAddress.clear();
            profile.address.clear();
            break;
        }
        const LetterDocument letter = LetterComposer(profile).compose(request);
        QVERIFY(!letter.problems.isEmpty());
        QVERIFY2(letter.problems.join(u'\n').contains(mentions),
                 qPrintable(letter.problems.join(u'\n')));
        QVERIFY(!letter.plainText().contains(u'{'));
    }

    void followUpsThatDidNotApplyNeedNoAnswer()
    {
        Request request = sampleRequest();
        request.questions[2].answer.clear(); // "If yes:" follow-up
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        const LetterQuestion followUp =
            letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).at(2).questions.first();
        QCOMPARE(followUp.condition, u"If yes:"_s);
        QVERIFY(followUp.answer.isEmpty());
    }

    void nothingHeldNeedsNoAnswers_data()
    {
        QTest::addColumn<Held>("held");
        QTest::newRow("none") << Held::None;
        QTest::newRow("ncnd") << Held::NeitherConfirmNorDeny;
    }

    void nothingHeldNeedsNoAnswers()
    {
        QFETCH(Held, held);
        Request request = sampleRequest();
        request.held = held;
        for (Question &q : request.questions)
            q.answer.clear();
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        QVERIFY(letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).isEmpty());
        QCOMPARE(letter.blocksOf(LetterBlock::Kind::RequestAsAsked).size(), 1);
    }

    // "Dear Ms Alex Requester" reads wrongly: a letter greets with the full name without its
    // title, or with the title and surname, as the authority's settings say.
    void salutationFollowsTheStyle_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<RequesterKind>("kind");
        QTest::addColumn<QString>("fullName");
        QTest::addColumn<QString>("titleAndSurname");
        const auto person = RequesterKind::Individual;
        QTest::newRow("Ms") << u"Ms Alex Requester"_s << person << u"Dear Alex Requester,"_s
                            << u"Dear Ms Requester,"_s;
        QTest::newRow("Dr. with a full stop") << u"Dr. Sian Evans-Jones"_s << person
                                              << u"Dear Sian Evans-Jones,"_s
                                              << u"Dear Dr. Evans-Jones,"_s;
        QTest::newRow("lower case title") << u"mrs  Jo   Bloggs"_s << person
                                          << u"Dear Jo Bloggs,"_s << u"Dear mrs Bloggs,"_s;
        QTest::newRow("no title") << u"Alex Requester"_s << person << u"Dear Alex Requester,"_s
                                  << u"Dear Alex Requester,"_s;
        QTest::newRow("title only") << u"Mr Smith"_s << person << u"Dear Smith,"_s
                                    << u"Dear Mr Smith,"_s;
        QTest::newRow("Sir uses the first name") << u"Sir Alex Ferguson"_s << person
                                                 << u"Dear Alex Ferguson,"_s
                                                 << u"Dear Sir Alex,"_s;
        QTest::newRow("a word like a title") << u"Mrsa Research Group"_s << person
                                             << u"Dear Mrsa Research Group,"_s
                                             << u"Dear Mrsa Research Group,"_s;
        QTest::newRow("a company as typed") << u"Dr Foster Intelligence"_s
                                            << RequesterKind::Company
                                            << u"Dear Dr Foster Intelligence,"_s
                                            << u"Dear Dr Foster Intelligence,"_s;
    }

    void salutationFollowsTheStyle()
    {
        QFETCH(QString, name);
        QFETCH(RequesterKind, kind);
        QFETCH(QString, fullName);
        QFETCH(QString, titleAndSurname);
        Request request = sampleRequest();
        request.requester.name = name;
        request.requester.kind = kind;
        OrganisationProfile profile = testProfile();
        QCOMPARE(profile.salutation, SalutationStyle::FullName); // the default
        const auto greeting = [&] {
            return LetterComposer(profile)
                .compose(request)
                .blocksOf(LetterBlock::Kind::Salutation)
                .first()
                .paragraphs;
        };
        QCOMPARE(greeting(), QStringList{fullName});
        profile.salutation = SalutationStyle::TitleAndSurname;
        QCOMPARE(greeting(), QStringList{titleAndSurname});

        // The setting survives the profile's round trip through its file format.
        const Result<OrganisationProfile> reread =
            OrganisationProfile::parse(profile.serialize());
        QVERIFY2(reread, qPrintable(reread.errorMessage()));
        QCOMPARE(reread->salutation, SalutationStyle::TitleAndSurname);
    }

    void salutationFollowsTheName()
    {
        Request request = sampleRequest();
        const LetterComposer composer(testProfile());
        QCOMPARE(
            composer.compose(request).blocksOf(LetterBlock::Kind::Salutation).first().paragraphs,
            QStringList{u"Dear Sam Jones,"_s});
        request.requester.name.clear();
        const LetterDocument anonymous = composer.compose(request);
        QCOMPARE(anonymous.blocksOf(LetterBlock::Kind::Salutation).first().paragraphs,
                 QStringList{u"Dear Sir or Madam,"_s});
        QVERIFY(anonymous.problems.isEmpty());
    }

    void withheldLeadInOnlyWhenAsked()
    {
        const LetterComposer composer(testProfile());
        QVERIFY(composer.compose(sampleRequest())
                    .blocksOf(LetterBlock::Kind::WithheldLeadIn)
                    .isEmpty());
        ComposeOptions options;
        options.someWithheld = true;
        QCOMPARE(composer.compose(sampleRequest(), options)
                     .blocksOf(LetterBlock::Kind::WithheldLeadIn)
                     .size(),
                 1);
    }

    void emptyTemplatesLeaveTheirPartOut()
    {
        OrganisationProfile profile = testProfile();
        profile.templates[u"reuse"_s].clear();
        profile.templates[u"salutation"_s].clear();
        profile.publishedDataLink.clear();
        const LetterDocument letter = LetterComposer(profile).compose(sampleRequest());
        QVERIFY(letter.problems.isEmpty());
        QVERIFY(letter.blocksOf(LetterBlock::Kind::StandingParagraph).isEmpty());
        QVERIFY(letter.blocksOf(LetterBlock::Kind::Salutation).isEmpty());
    }

    void userTextIsNeverExpanded()
    {
        Request request = sampleRequest();
        request.questions[0].answer = u"See {reference} and [brackets] as typed."_s;
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);
        QCOMPARE(
            letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).first().questions.first().answer,
            u"See {reference} and [brackets] as typed."_s);
    }

    void answersPassThroughTheDisclosureFilter()
    {
        Request request = sampleRequest();
        request.questions[0].answer = u"  1,204.  \n"_s;
        const LetterDocument letter = LetterComposer(testProfile()).compose(request);
        QCOMPARE(
            letter.blocksOf(LetterBlock::Kind::QuestionAndAnswer).first().questions.first().answer,
            LetterComposer(testProfile()).disclosableText(request.questions[0].answer, {}, false));
    }

    void referenceLettersComposeCompletely_data()
    {
        QTest::addColumn<QString>("reference");
        for (const char *reference : {"6370952", "6565528", "6299088", "7014168", "7012568"})
            QTest::newRow(reference) << QString::fromLatin1(reference);
    }

    void referenceLettersComposeCompletely()
    {
        QFETCH(QString, reference);
        const Result<Request> request = RequestJson::readFile(
            QStringLiteral(FOIDESK_TEST_DATA_DIR "/letters/") + reference + u".json"_s);
        QVERIFY2(request.ok(), qPrintable(request.errorMessage()));
        const Result<OrganisationProfile> profile = OrganisationProfile::readFile(
            QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/london-borough-of-barnet.json"));
        QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
        const Result<LetterDocument> letter =
            LetterComposer(profile.value()).composeFinal(request.value());
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        QCOMPARE(letter->reference, reference);
        QCOMPARE(letter->organisation, u"London Borough of Barnet"_s);
        // The council's letters have no greeting and no closing: its profile leaves them out.
        QVERIFY(letter->blocksOf(LetterBlock::Kind::Salutation).isEmpty());
        QVERIFY(letter->blocksOf(LetterBlock::Kind::Closing).isEmpty());
        const bool combined = !request->combinedResponse.isEmpty();
        QCOMPARE(letter->blocksOf(LetterBlock::Kind::CombinedResponse).size(), combined ? 1 : 0);
        QCOMPARE(letter->blocksOf(LetterBlock::Kind::QuestionAndAnswer).size(),
                 combined ? 0 : request->questions.size());
        QVERIFY(!letter->plainText().contains(u'{'));
    }

    void dispositions_data()
    {
        QTest::addColumn<Disposition>("disposition");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        const QString typed = u"Brightway Lighting Ltd."_s;
        QTest::newRow("answered") << Disposition::Answered << typed << typed;
        QTest::newRow("not held, officer's words")
            << Disposition::NotHeld << u"Records before 2019 were destroyed."_s
            << u"Records before 2019 were destroyed."_s;
        QTest::newRow("not held, standing wording")
            << Disposition::NotHeld << QString() << u"We do not hold this."_s;
        // The answer text is never used: it is what is being withheld.
        QTest::newRow("withheld") << Disposition::Withheld << typed
                                  << u"Withheld under section 43(2) of the Freedom of "
                                     "Information Act 2000 and section 40(2) of the Freedom of "
                                     "Information Act 2000."_s;
        QTest::newRow("neither confirm nor deny")
            << Disposition::NeitherConfirmNorDeny << typed
            << u"We neither confirm nor deny (s43(2) and s40(2))."_s;
    }

    void dispositions()
    {
        QFETCH(Disposition, disposition);
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        Request request = sampleRequest();
        Question &q = request.questions[2];
        q.answer = answer;
        q.disposition = disposition;
        if (disposition == Disposition::Withheld
            || disposition == Disposition::NeitherConfirmNorDeny) {
            q.exemptions = {u"s43(2)"_s, u"s40(2)"_s};
            request.exemptionReasons[u"s43(2)"_s].publicInterest = u"Tender under way."_s;
        }
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        QCOMPARE(answerOf(letter, 2), expected);
        if (!answer.isEmpty() && expected != answer)
            QVERIFY(!letter.plainText().contains(answer));
    }

    void partWithheldShowsBarsAndLabels()
    {
        const Request request = refusingRequest();
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        QCOMPARE(answerOf(letter, 0),
                 u"1,204, signed off by "_s + bar() + u" [withheld: s40(2)]."_s);
        QVERIFY(!letter.revealsWithheld);
        QCOMPARE(letter.withheldStrings, WithheldText::strings(request));
        QVERIFY(letter.withheldStrings.contains(u"Jane Smith"_s));
        QVERIFY(letter.plainText().contains(u"signed off by \u2588 [withheld: s40(2)]."_s));
    }

    void aRefusalNoticePerExemptionInOrder()
    {
        Request request = refusingRequest();
        // A second use of s40(2), later: still one notice, naming both questions.
        request.questions[4].answer = u"Nine days; ask Jane Smith."_s;
        request.questions[4].redactions = {span(16, 10)};
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));

        const QList<LetterBlock> notices = letter.blocksOf(LetterBlock::Kind::RefusalNotice);
        QCOMPARE(notices.size(), 2);
        QCOMPARE(notices.at(0).heading, u"Refusal notice: s40(2)"_s);
        QCOMPARE(notices.at(0).templateKey, u"refusal"_s);
        const LetterComposer composer(refusalProfile());
        const Exemption *s40 = composer.catalogue().find(Regime::FOIA, u"s40(2)"_s);
        QVERIFY(s40);
        QCOMPARE(notices.at(0).paragraphs.first(),
                 u"We rely on section 40(2) of the Freedom of Information Act 2000 (%1) for "
                 "questions 1 and 4."_s.arg(s40->title));
        QCOMPARE(notices.at(1).heading, u"Refusal notice: s43(2)"_s);
        QVERIFY2(notices.at(1).paragraphs.first().endsWith(u"for question 2."_s),
                 qPrintable(notices.at(1).paragraphs.first()));

        // After the answers, before the standing paragraphs, as in the reference letters.
        qsizetype lastAnswer = -1;
        qsizetype firstNotice = -1;
        qsizetype lastNotice = -1;
        qsizetype firstStanding = -1;
        for (qsizetype i = 0; i < letter.blocks.size(); ++i) {
            const LetterBlock::Kind kind = letter.blocks.at(i).kind;
            if (kind == LetterBlock::Kind::QuestionAndAnswer)
                lastAnswer = i;
            if (kind == LetterBlock::Kind::RefusalNotice) {
                if (firstNotice < 0)
                    firstNotice = i;
                lastNotice = i;
            }
            if (kind == LetterBlock::Kind::StandingParagraph && firstStanding < 0)
                firstStanding = i;
        }
        QVERIFY(lastAnswer >= 0 && firstNotice == lastAnswer + 1);
        QCOMPARE(firstStanding, lastNotice + 1);
        QCOMPARE(letter.blocksOf(LetterBlock::Kind::YourRights).size(), 1);
    }

    void refusalNoticeAfterACombinedResponse()
    {
        Request request = refusingRequest();
        request.combinedResponse = u"We answer all the questions together here."_s;
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        qsizetype combined = -1;
        qsizetype notice = -1;
        for (qsizetype i = 0; i < letter.blocks.size(); ++i) {
            if (letter.blocks.at(i).kind == LetterBlock::Kind::CombinedResponse)
                combined = i;
            if (letter.blocks.at(i).kind == LetterBlock::Kind::RefusalNotice && notice < 0)
                notice = i;
        }
        QVERIFY(combined >= 0);
        QCOMPARE(notice, combined + 1);
    }

    void refusalParagraphsFollowTheKind_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("absolute s40(2)")
            << u"s40(2)"_s
            << QStringList{u"We rely on section 40(2)"_s,
                           u"DEFAULT 40 reasoning for question 2."_s,
                           u"ABSOLUTE: no public interest test applies."_s}
            << QStringList{u"QUALIFIED"_s, u"PROCEDURAL"_s};
        QTest::newRow("qualified s43(2)")
            << u"s43(2)"_s
            << QStringList{u"We rely on section 43(2)"_s,
                           u"DEFAULT 43 reasoning."_s,
                           u"QUALIFIED: the public interest test."_s,
                           u"Disclosure would harm the tender under way."_s}
            << QStringList{u"ABSOLUTE"_s, u"PROCEDURAL"_s};
        QTest::newRow("procedural s12")
            << u"s12"_s
            << QStringList{u"PROCEDURAL: we refuse under section 12 of the Freedom of "
                           "Information Act 2000."_s}
            << QStringList{u"We rely on"_s, u"ABSOLUTE"_s, u"QUALIFIED"_s};
    }

    void refusalParagraphsFollowTheKind()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        Request request = sampleRequest();
        request.questions[1].disposition = Disposition::Withheld;
        request.questions[1].exemptions = {code};
        request.exemptionReasons[code].publicInterest =
            u"Disclosure would harm the tender under way."_s;
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        const QList<LetterBlock> notices = letter.blocksOf(LetterBlock::Kind::RefusalNotice);
        QCOMPARE(notices.size(), 1);
        const QStringList paragraphs = notices.first().paragraphs;
        // In this order: why it applies, the reasoning, then the public interest.
        qsizetype at = -1;
        for (const QString &wanted : expected) {
            qsizetype found = -1;
            for (qsizetype i = at + 1; i < paragraphs.size() && found < 0; ++i) {
                if (paragraphs.at(i).contains(wanted))
                    found = i;
            }
            QVERIFY2(found > at, qPrintable(wanted + u" in "_s + paragraphs.join(u" | "_s)));
            at = found;
        }
        for (const QString &unwanted : absent)
            QVERIFY2(!paragraphs.join(u'\n').contains(unwanted), qPrintable(unwanted));
    }

    // EIR reg 12(4)(a), EIRS reg 10(4)(a) and the FOISA s17 notice: the letter cites them, but
    // when nothing is held there is nothing to weigh, so the check asks for no public interest
    // reasons and the letter gives none.
    void notHeldNeedsNoPublicInterest_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("citation");
        QTest::newRow("EIR reg12(4)(a)")
            << Regime::EIR << u"reg12(4)(a)"_s
            << u"regulation 12(4)(a) of the Environmental Information Regulations 2004"_s;
        QTest::newRow("EIRS reg10(4)(a)")
            << Regime::EIRS << u"reg10(4)(a)"_s
            << u"regulation 10(4)(a) of the Environmental Information (Scotland) Regulations "
               "2004"_s;
        QTest::newRow("FOISA s17")
            << Regime::FOISA << u"s17"_s
            << u"section 17 of the Freedom of Information (Scotland) Act 2002"_s;
    }

    void notHeldNeedsNoPublicInterest()
    {
        QFETCH(Regime, regime);
        QFETCH(QString, code);
        QFETCH(QString, citation);
        Request request = sampleRequest();
        request.regime = regime;
        request.questions[1].disposition = Disposition::NotHeld;
        request.questions[1].answer.clear();
        request.questions[1].exemptions = {code};

        const LetterComposer composer(refusalProfile());
        QCOMPARE(composer.refusalProblems(request), QStringList());
        QVERIFY(composer.composeFinal(request).ok());
        const QList<LetterBlock> notices =
            composer.compose(request).blocksOf(LetterBlock::Kind::RefusalNotice);
        QCOMPARE(notices.size(), 1);
        const QString notice = notices.first().paragraphs.join(u'\n');
        QVERIFY2(notice.contains(u"NOT HELD: question 2, so %1."_s.arg(citation)), qPrintable(notice));
        QVERIFY2(!notice.contains(u"QUALIFIED"_s), qPrintable(notice));
        QVERIFY2(!notice.contains(u"ABSOLUTE"_s), qPrintable(notice));
        QVERIFY2(!notice.contains(u"public interest"_s, Qt::CaseInsensitive), qPrintable(notice));

        // The shipped wording says so in plain words.
        const LetterComposer shipped(testProfile());
        const QString shippedNotice = shipped.compose(request)
                                          .blocksOf(LetterBlock::Kind::RefusalNotice)
                                          .first()
                                          .paragraphs.join(u'\n');
        QVERIFY2(shippedNotice.contains(u"We do not hold the information you asked for in "
                                        "question 2"_s),
                 qPrintable(shippedNotice));
        QVERIFY2(shippedNotice.contains(u"nothing to weigh in the public interest"_s),
                 qPrintable(shippedNotice));
    }

    void requestReasoningOverridesTheCatalogue()
    {
        Request request = refusingRequest();
        const LetterComposer composer(refusalProfile());
        const auto noticeText = [&](const Request &r) {
            return composer.compose(r)
                .blocksOf(LetterBlock::Kind::RefusalNotice)
                .first()
                .paragraphs.join(u'\n');
        };
        QVERIFY(noticeText(request).contains(u"DEFAULT 40 reasoning for question 1."_s));

        request.exemptionReasons[u"s40(2)"_s].reasoning =
            u"The officer is junior and not public facing ({reference})."_s;
        const QString own = noticeText(request);
        QVERIFY2(own.contains(u"The officer is junior and not public facing (FOI-2024-0042)."_s),
                 qPrintable(own));
        QVERIFY(!own.contains(u"DEFAULT 40"_s));

        // With neither the profile's wording nor the request's, the shipped default is used.
        OrganisationProfile plain = refusalProfile();
        plain.exemptionOverrides.clear();
        request.exemptionReasons.remove(u"s40(2)"_s);
        const LetterComposer shipped(plain);
        const Exemption *entry = shipped.catalogue().find(Regime::FOIA, u"s40(2)"_s);
        QVERIFY(entry && !entry->reasoning.isEmpty());
        const QString text = shipped.compose(request)
                                 .blocksOf(LetterBlock::Kind::RefusalNotice)
                                 .first()
                                 .paragraphs.join(u' ');
        QVERIFY2(text.contains(entry->reasoning.left(40)), qPrintable(text));
    }

    void completeRefusalHasNoProblems()
    {
        const LetterComposer composer(refusalProfile());
        QCOMPARE(composer.refusalProblems(refusingRequest()), QStringList());
        QCOMPARE(composer.refusalProblems(sampleRequest()), QStringList());
        QVERIFY(composer.composeFinal(refusingRequest()).ok());
    }

    // One row per element FOIA s17 (EIR reg 14) requires of a refusal.
    void eachMissingS17ElementIsNamed_data()
    {
        QTest::addColumn<int>("gap");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("exemption not in the catalogue")
            << 0
            << u"reg13, used in question 2, is not in the list of exemptions for the Freedom of "
               "Information Act 2000: choose an exemption from the list in the Questions tab, or "
               "add reg13 as a local exemption in Settings."_s;
        QTest::newRow("withheld in full without an exemption")
            << 1
            << u"Question 2 is withheld in full but no exemption is chosen: choose the exemption "
               "in the Questions tab."_s;
        QTest::newRow("withheld in part without an exemption")
            << 2
            << u"A withheld passage in question 1 has no exemption: choose its exemption in the "
               "Redactions panel."_s;
        QTest::newRow("withheld in part with nothing redacted")
            << 3
            << u"Question 1 is withheld in part but nothing in its answer is redacted: select the "
               "withheld text and choose Redact (Ctrl+R), or change its disposition."_s;
        QTest::newRow("neither confirm nor deny without an exemption")
            << 4
            << u"Question 2 neither confirms nor denies that the information is held but no "
               "exemption is chosen: choose the exemption that allows it in the Questions tab."_s;
        QTest::newRow("no reasoning anywhere")
            << 5
            << u"No reasoning is written for s40(2) and Settings has no default for it: say why "
               "it applies in the Refusal reasons tab."_s;
        QTest::newRow("qualified without public interest reasons")
            << 6
            << u"s43(2) is a qualified exemption but no public interest reasons are written: say "
               "in the Refusal reasons tab why the public interest in withholding outweighs the "
               "public interest in disclosure."_s;
        QTest::newRow("no review contact")
            << 7
            << u"The letter refuses information but gives no way to ask for a review: enter a "
               "review email or postal address in Settings."_s;
        QTest::newRow("regulator without a name")
            << 8
            << u"The letter refuses information but the regulator's details for FOIA requests "
               "are incomplete: enter its name and at least one way to contact it in Settings."_s;
        QTest::newRow("regulator without any contact")
            << 9
            << u"The letter refuses information but the regulator's details for FOIA requests "
               "are incomplete: enter its name and at least one way to contact it in Settings."_s;
        QTest::newRow("your rights wording empty")
            << 10
            << u"The letter refuses information but the \"your rights\" wording for FOIA "
               "requests is empty: enter it in Settings (templates.your_rights.uk), so the "
               "requester learns how to ask for a review and complain."_s;
    }

    void eachMissingS17ElementIsNamed()
    {
        QFETCH(int, gap);
        QFETCH(QString, sentence);
        Request request = refusingRequest();
        OrganisationProfile profile = refusalProfile();
        switch (gap) {
        case 0:
            request.questions[1].exemptions = {u"reg13"_s};
            request.exemptionReasons[u"reg13"_s].reasoning = u"Personal data."_s;
            break;
        case 1:
            request.questions[1].exemptions.clear();
            break;
        case 2:
            request.questions[0].redactions.first().exemption.clear();
            break;
        case 3:
            request.questions[0].redactions.clear();
            break;
        case 4:
            request.questions[1].disposition = Disposition::NeitherConfirmNorDeny;
            request.questions[1].exemptions.clear();
            break;
        case 5:
            profile.exemptionOverrides[u"s40(2)"_s].reasoning.clear();
            profile.localExemptions.append([] {
                // A local entry replaces the shipped one: here one with no default reasoning.
                Exemption e;
                e.code = u"s40(2)"_s;
                e.regime = Regime::FOIA;
                e.title = u"Personal information"_s;
                e.citation = u"section 40(2) of the Freedom of Information Act 2000"_s;
                e.kind = Exemption::Kind::Absolute;
                e.local = true;
                return e;
            }());
            break;
        case 6:
            request.exemptionReasons[u"s43(2)"_s].publicInterest.clear();
            break;
        case 7:
            profile.reviewEmail.clear();
            profile.reviewAddress.clear();
            profile.email.clear();
            profile.address.clear();
            break;
        case 8:
            profile.regulatorUk.name.clear();
            break;
        case 9:
            profile.regulatorUk.address.clear();
            profile.regulatorUk.phone.clear();
            profile.regulatorUk.website.clear();
            profile.regulatorUk.email.clear();
            break;
        case 10:
            profile.templates[u"your_rights.uk"_s].clear();
            break;
        }
        const LetterComposer composer(profile);
        const QStringList problems = composer.refusalProblems(request);
        QVERIFY2(problems.contains(sentence), qPrintable(problems.join(u'\n')));
        for (const QString &problem : problems)
            QVERIFY2(problem.endsWith(u'.'), qPrintable(problem));

        // compose() lists it (the live preview) and composeFinal() refuses the letter.
        QVERIFY(composer.compose(request).problems.contains(sentence));
        const Result<LetterDocument> final = composer.composeFinal(request);
        QCOMPARE(final.errorKind(), ErrorKind::Refused);
        QVERIFY(final.errorMessage().contains(sentence));
    }

    // Letters from other authorities label their questions "Question 4", "Q4" or "4.": the
    // message names the question once, whichever way it is labelled.
    void messagesNameAQuestionOnce_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("name");
        QTest::newRow("no label") << QString() << u"2"_s;
        QTest::newRow("number and full stop") << u"4."_s << u"4"_s;
        QTest::newRow("number and bracket") << u"4)"_s << u"4"_s;
        QTest::newRow("letter and bracket") << u"b)"_s << u"b"_s;
        QTest::newRow("Question 4") << u"Question 4"_s << u"4"_s;
        QTest::newRow("Question 4 with a colon") << u"Question 4:"_s << u"4"_s;
        QTest::newRow("QUESTION 4.") << u"QUESTION 4."_s << u"4"_s;
        QTest::newRow("Q4") << u"Q4"_s << u"4"_s;
        QTest::newRow("Q.4") << u"Q.4"_s << u"4"_s;
        QTest::newRow("Q 4a") << u"Q 4a"_s << u"4a"_s;
        // Words that only begin like the prefix are kept.
        QTest::newRow("Quarterly") << u"Quarterly"_s << u"Quarterly"_s;
        QTest::newRow("Q") << u"Q"_s << u"Q"_s;
    }

    void messagesNameAQuestionOnce()
    {
        QFETCH(QString, label);
        QFETCH(QString, name);
        Request request = refusingRequest();
        request.questions[1].label = label;
        request.questions[1].exemptions.clear();
        const QStringList problems = LetterComposer(refusalProfile()).refusalProblems(request);
        const QString expected = u"Question %1 is withheld in full but no exemption is chosen: "
                                 "choose the exemption in the Questions tab."_s.arg(name);
        QVERIFY2(problems.contains(expected), qPrintable(problems.join(u'\n')));
        for (const QString &problem : problems)
            QVERIFY2(!problem.contains(u"Question Question"_s, Qt::CaseInsensitive), qPrintable(problem));
    }

    void disclosableText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<Redaction>>("spans");
        QTest::addColumn<bool>("reveal");
        QTest::addColumn<QString>("expected");
        const QString label = u" [withheld: s40(2)]"_s;
        const QString name = u"Jane Smith is the manager."_s;
        QTest::newRow("no spans") << u"  Plain answer.\n"_s << QList<Redaction>{} << false
                                  << u"Plain answer."_s;
        QTest::newRow("at the start") << name << QList<Redaction>{span(0, 10)} << false
                                      << bar() + label + u" is the manager."_s;
        QTest::newRow("at the end")
            << u"The manager is Jane Smith"_s << QList<Redaction>{span(15, 10)} << false
            << u"The manager is "_s + bar() + label;
        QTest::newRow("adjacent, two exemptions")
            << u"Jane Smith0208 555 0101"_s
            << QList<Redaction>{span(0, 10), span(10, 13, u"s43(2)"_s)} << false
            << bar() + label + bar() + u" [withheld: s43(2)]"_s;
        QTest::newRow("whole answer")
            << name << QList<Redaction>{span(0, name.size())} << false << bar() + label;
        QTest::newRow("multi-line") << u"Contacts:\nJane Smith\nJohn Brown\n\nBoth senior."_s
                                    << QList<Redaction>{span(10, 21)} << false
                                    << u"Contacts:\n"_s + bar() + label + u"\n\nBoth senior."_s;
        QTest::newRow("non-ASCII")
            << u"Ask Siân Llŷr-Öztürk 😀 today"_s << QList<Redaction>{span(4, 16)} << false
            << u"Ask "_s + bar() + label + u" 😀 today"_s;
        // A span ending inside a surrogate pair takes the whole character.
        QTest::newRow("half an emoji") << u"Hi 😀!"_s << QList<Redaction>{span(3, 1)} << false
                                       << u"Hi "_s + bar() + label + u"!"_s;
        QTest::newRow("unsorted and overlapping")
            << u"Jane Smith and John Brown"_s
            << QList<Redaction>{span(15, 10), span(0, 10), span(5, 7)} << false
            << bar() + label + bar() + label + u"nd "_s + bar() + label;
        QTest::newRow("reveal") << name << QList<Redaction>{span(0, 10)} << true
                                << revealed(u"Jane Smith"_s) + label + u" is the manager."_s;
        QTest::newRow("reveal, multi-line")
            << u"Contacts:\nJane Smith\nJohn Brown"_s << QList<Redaction>{span(10, 21)} << true
            << u"Contacts:\n"_s + revealed(u"Jane Smith"_s) + u'\n' + revealed(u"John Brown"_s)
                   + label;
    }

    void disclosableText()
    {
        QFETCH(QString, text);
        QFETCH(QList<Redaction>, spans);
        QFETCH(bool, reveal);
        QFETCH(QString, expected);
        const LetterComposer composer(refusalProfile());
        const QString shown = composer.disclosableText(text, spans, reveal);
        QCOMPARE(shown, expected);
        if (!reveal) {
            for (const QString &withheld : redaction::withheldStrings(text, spans))
                QVERIFY2(!shown.contains(withheld.trimmed()), qPrintable(withheld));
        }
    }

    void withheldLabelUsesTheProfileWording()
    {
        OrganisationProfile profile = refusalProfile();
        QCOMPARE(LetterComposer(profile).withheldLabel(u"reg13"_s), u"[withheld: reg 13]"_s);
        profile.templates[u"withheld.label"_s] = u"(redacted, {exemption_title})"_s;
        const LetterComposer custom(profile);
        QCOMPARE(
            custom.withheldLabel(u"s40(2)"_s),
            u"(redacted, %1)"_s.arg(custom.catalogue().find(Regime::FOIA, u"s40(2)"_s)->title));
        // Never a bare bar: the reader must learn which exemption applies.
        profile.templates[u"withheld.label"_s].clear();
        QCOMPARE(LetterComposer(profile).withheldLabel(u"s40(2)"_s), u"[withheld: s40(2)]"_s);
    }

    void marksTypedByUsersAreStripped()
    {
        const QString marks = QString(QChar(LetterMarks::WithheldBar))
                              + QChar(LetterMarks::RevealStart) + QChar(LetterMarks::RevealEnd);
        Request request = sampleRequest();
        request.questions[0].text = u"How many"_s + marks + u" lights?"_s;
        request.questions[0].answer = marks + u"1,204."_s + marks;
        request.questions[1].answer = u"Yes"_s + marks + u", Jane Smith."_s;
        request.questions[1].disposition = Disposition::PartWithheld;
        // Offsets are into the answer as typed, marks included.
        request.questions[1].redactions = {span(8, 10)};
        request.title = u"Street"_s + marks + u" lighting"_s;
        request.requester.name = u"Sam"_s + marks + u" Jones"_s;
        OrganisationProfile profile = refusalProfile();
        profile.templates[u"reuse"_s] = u"Re-use"_s + marks + u" advice."_s;
        const LetterDocument letter = LetterComposer(profile).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));

        QCOMPARE(answerOf(letter, 0), u"1,204."_s);
        QCOMPARE(answerOf(letter, 1), u"Yes, "_s + bar() + u" [withheld: s40(2)]."_s);
        // Exactly one bar in the whole letter: the one the redaction made.
        QString all;
        for (const LetterBlock &block : letter.blocks) {
            all += block.heading + block.paragraphs.join(u' ') + block.lines.join(u' ');
            for (const LetterQuestion &q : block.questions)
                all += q.section + q.label + q.condition + q.text + q.choices.join(u' ') + q.answer;
        }
        QCOMPARE(all.count(QChar(LetterMarks::WithheldBar)), 1);
        QVERIFY(!all.contains(QChar(LetterMarks::RevealStart)));
        QVERIFY(!all.contains(QChar(LetterMarks::RevealEnd)));
        QVERIFY(letter.plainText().contains(u"How many lights?"_s));
        QVERIFY(letter.plainText().contains(u"Re-use advice."_s));
        QVERIFY(letter.plainText().contains(u"Dear Sam Jones,"_s));
        QCOMPARE(letter.pdfSubject, u"Street lighting"_s);

        // The combined response has no spans: its marks are simply dropped.
        request.combinedResponse = marks + u"All answered here."_s;
        const LetterDocument combined = LetterComposer(profile).compose(request);
        QCOMPARE(combined.blocksOf(LetterBlock::Kind::CombinedResponse).first().paragraphs,
                 QStringList{u"All answered here."_s});
    }

    void revealedLetterIsMarkedAndShowsTheText()
    {
        const Request request = refusingRequest();
        ComposeOptions options;
        options.revealWithheld = true;
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request, options);
        QVERIFY(letter.revealsWithheld);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        QCOMPARE(answerOf(letter, 0),
                 u"1,204, signed off by "_s + revealed(u"Jane Smith"_s)
                     + u" [withheld: s40(2)]."_s);
        // On screen the supervisor reads the words themselves, marked by their label.
        QVERIFY(letter.plainText().contains(u"signed off by Jane Smith [withheld: s40(2)]."_s));
        QVERIFY(!letter.plainText().contains(QChar(LetterMarks::RevealStart)));
        // A question withheld in full reads as its notice in both views.
        QVERIFY(!letter.plainText().contains(u"Acme Lighting"_s));
    }

    void withheldStringsNeverInTheLetter_data()
    {
        QTest::addColumn<Request>("request");
        Request redacted = refusingRequest();
        QTest::newRow("one redaction, one withheld answer") << redacted;
        Request several = refusingRequest();
        several.questions[4].answer = u"Nine days (Jane Smith, Siân Llŷr)."_s;
        several.questions[4].disposition = Disposition::PartWithheld;
        several.questions[4].redactions = {span(11, 10), span(23, 9)};
        QTest::newRow("the same name in two answers") << several;
        Request whole = sampleRequest();
        whole.questions[3].disposition = Disposition::PartWithheld;
        whole.questions[3].redactions = {span(0, whole.questions[3].answer.size())};
        QTest::newRow("a whole answer redacted") << whole;
    }

    void withheldStringsNeverInTheLetter()
    {
        QFETCH(Request, request);
        const LetterDocument letter = LetterComposer(refusalProfile()).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        QVERIFY(!letter.withheldStrings.isEmpty());
        const QString text = letter.plainText();
        for (const QString &withheld : letter.withheldStrings)
            QVERIFY2(!text.contains(withheld, Qt::CaseInsensitive), qPrintable(withheld));
    }

    void withheldTextElsewhereIsAProblem_data()
    {
        QTest::addColumn<int>("where");
        QTest::addColumn<QString>("named");
        QTest::newRow("unredacted in another answer") << 0 << u"the answer to question 4"_s;
        QTest::newRow("in the combined response") << 1 << u"the combined response"_s;
        QTest::newRow("in the officer's reasoning") << 2 << u"the refusal notice"_s;
        QTest::newRow("in the title") << 3 << u"the letter's title or reference"_s;
        QTest::newRow("other case and spacing") << 4 << u"the answer to question 4"_s;
    }

    void withheldTextElsewhereIsAProblem()
    {
        QFETCH(int, where);
        QFETCH(QString, named);
        Request request = refusingRequest();
        switch (where) {
        case 0:
            request.questions[4].answer = u"Nine days, says Jane Smith."_s;
            break;
        case 1:
            request.combinedResponse = u"Jane Smith answers all of these."_s;
            break;
        case 2:
            request.exemptionReasons[u"s40(2)"_s].reasoning = u"Jane Smith is junior."_s;
            break;
        case 3:
            request.title = u"Lighting (Jane Smith)"_s;
            break;
        case 4:
            request.questions[4].answer = u"Nine days, says JANE\n  smith."_s;
            break;
        }
        const LetterComposer composer(refusalProfile());
        const LetterDocument letter = composer.compose(request);
        const QString expected = u"Text withheld in question 1 also appears in "_s + named;
        QVERIFY2(letter.problems.join(u'\n').contains(expected),
                 qPrintable(letter.problems.join(u'\n')));
        // The message never quotes what is withheld: problems are shown and logged.
        QVERIFY(!letter.problems.join(u'\n').contains(u"Jane"_s, Qt::CaseInsensitive));
        QCOMPARE(composer.composeFinal(request).errorKind(), ErrorKind::Refused);
        // The supervisor view lists the same problem.
        ComposeOptions reveal;
        reveal.revealWithheld = true;
        QVERIFY(composer.compose(request, reveal).problems.join(u'\n').contains(expected));
    }

    void withheldTextInTheRequestAsAskedIsNamedEarly()
    {
        // The letter quotes the request, and the release check reads every word of the PDF, so
        // a name the requester wrote cannot also be withheld: the officer hears so while
        // writing, not at export time.
        Request request = refusingRequest();
        request.questions[0].text = u"How many repairs did Jane Smith sign off?"_s;
        const LetterComposer composer(refusalProfile());
        const LetterDocument letter = composer.compose(request);
        const QString problems = letter.problems.join(u'\n');
        QVERIFY2(problems.contains(u"Text withheld in question 1 also appears in the request as "
                                   u"asked"_s),
                 qPrintable(problems));
        QVERIFY(!problems.contains(u"Jane"_s, Qt::CaseInsensitive));
        QCOMPARE(composer.composeFinal(request).errorKind(), ErrorKind::Refused);
    }

    void withheldLeadInWheneverSomethingIsWithheld()
    {
        const LetterComposer composer(refusalProfile());
        QVERIFY(composer.compose(sampleRequest())
                    .blocksOf(LetterBlock::Kind::WithheldLeadIn)
                    .isEmpty());
        QCOMPARE(
            composer.compose(refusingRequest()).blocksOf(LetterBlock::Kind::WithheldLeadIn).size(),
            1);
    }
};

QTEST_GUILESS_MAIN(TestLetterComposer)
#include "tst_lettercomposer.moc"
