#include "exchange/RequestJson.h"
#include "letter/LetterComposer.h"
#include "letter/LetterTemplate.h"
#include "model/RequestEnums.h"

#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(foidesk::Regime)
Q_DECLARE_METATYPE(foidesk::Held)

namespace {

OrganisationProfile testProfile()
{
    Result<OrganisationProfile> profile = OrganisationProfile::readFile(
        QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json"));
    if (!profile)
        qFatal("%s", qPrintable(profile.errorMessage()));
    return profile.value();
}

Question question(const QString &section,
                  const QString &label,
                  const QString &text,
                  const QString &answer,
                  const QString &condition = {},
                  const QStringList &choices = {})
{
    Question q;
    q.section = section;
    q.label = label;
    q.condition = condition;
    q.text = text;
    q.choices = choices;
    q.answer = answer;
    return q;
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
        question(
            u"Repairs"_s, u"1."_s, u"How many street lights were repaired in 2023?"_s, u"1,204."_s),
        question(u"Repairs"_s, u"2."_s, u"Was any repair work contracted out?"_s, u"Yes."_s),
        question(u"Repairs"_s,
                 u"2a"_s,
                 u"Please name the contractor."_s,
                 u"Brightway Lighting Ltd."_s,
                 u"If yes:"_s),
        question(u"Budget"_s,
                 u"3."_s,
                 u"Which best describes the 2024 budget?"_s,
                 u"About the same."_s,
                 {},
                 {u"Higher"_s, u"About the same"_s, u"Lower"_s}),
        question(u"Repairs"_s,
                 u"4."_s,
                 u"How long does a repair take on average?"_s,
                 u"Nine working days."_s),
    };
    return request;
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
            LetterComposer::disclosableText(request.questions[0].answer));
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
};

QTEST_GUILESS_MAIN(TestLetterComposer)
#include "tst_lettercomposer.moc"
