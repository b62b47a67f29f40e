#include "redaction/SuggestionScanner.h"
#include "support/RequestBuilder.h"

#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(foidesk::Regime)
Q_DECLARE_METATYPE(foidesk::Disposition)

namespace {

using Kind = RedactionSuggestion::Kind;

const QStringList councilGrades = {u"Chief Executive"_s,
                                   u"Executive Director"_s,
                                   u"Director"_s,
                                   u"Assistant Director"_s,
                                   u"Head of Service"_s,
                                   u"Manager"_s,
                                   u"Officer"_s};

StaffMember member(const QString &name, const QString &grade, bool senior = false)
{
    StaffMember staff;
    staff.name = name;
    staff.grade = grade;
    staff.senior = senior;
    return staff;
}

Request requestWith(const QStringList &answers, Regime regime = Regime::FOIA)
{
    test::RequestBuilder request(u"6370952"_s, QDate());
    request.regime(regime);
    for (const QString &answer : answers)
        request.question(u"What happened?"_s, answer);
    return request;
}

SuggestionScanner scannerFor(const QList<StaffMember> &staff = {})
{
    return SuggestionScanner(staff, councilGrades, u"Head of Service"_s);
}

QStringList textsOf(const QList<RedactionSuggestion> &suggestions, Kind kind)
{
    QStringList texts;
    for (const RedactionSuggestion &suggestion : suggestions) {
        if (suggestion.kind == kind)
            texts.append(suggestion.text);
    }
    return texts;
}

SuggestionDecision dismissal(Kind kind, const QString &text)
{
    SuggestionDecision decision;
    decision.action = SuggestionDecision::Action::Dismissed;
    decision.kind = kind;
    decision.text = text;
    decision.exemption = u"s40(2)"_s;
    decision.at = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    decision.user = u"Information Officer"_s;
    return decision;
}

} // namespace

// Personal data left in an answer is the commonest leak in a published response. The scanner is
// the safety net under the officer's own reading: it must find what the policy says to withhold,
// and it must not bury that under false alarms such as dates, sums and request numbers.
class TestSuggestionScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contactDetails_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("email") << u"Write to jane.doe@example.gov.uk for a copy."_s << Kind::Email
                               << QStringList{u"jane.doe@example.gov.uk"_s};
        QTest::newRow("email at the end of a sentence")
            << u"Her address was j_smith+foi@mail.example.co.uk."_s << Kind::Email
            << QStringList{u"j_smith+foi@mail.example.co.uk"_s};
        QTest::newRow("email in brackets")
            << u"the officer (p.jones@council.example.org) replied"_s << Kind::Email
            << QStringList{u"p.jones@council.example.org"_s};
        QTest::newRow("two emails") << u"a@example.com, b.c@example.net"_s << Kind::Email
                                    << QStringList{u"a@example.com"_s, u"b.c@example.net"_s};
        QTest::newRow("not an email: at sign alone")
            << u"Meet @ the depot, or @council on social media."_s << Kind::Email << QStringList{};
        QTest::newRow("not an email: no domain dot")
            << u"user@localhost is not an address"_s << Kind::Email << QStringList{};

        QTest::newRow("London number")
            << u"Call 020 7946 0958 today."_s << Kind::Phone << QStringList{u"020 7946 0958"_s};
        QTest::newRow("area code in brackets") << u"Ring (01632) 960 123 after nine."_s
                                               << Kind::Phone << QStringList{u"(01632) 960 123"_s};
        QTest::newRow("five-digit area code")
            << u"Tel 01632 960123"_s << Kind::Phone << QStringList{u"01632 960123"_s};
        QTest::newRow("mobile") << u"mobile 07700 900123, evenings"_s << Kind::Phone
                                << QStringList{u"07700 900123"_s};
        QTest::newRow("mobile with dashes")
            << u"mobile 07700-900-123"_s << Kind::Phone << QStringList{u"07700-900-123"_s};
        QTest::newRow("international") << u"From abroad dial +44 20 7946 0958."_s << Kind::Phone
                                       << QStringList{u"+44 20 7946 0958"_s};
        QTest::newRow("international with (0)")
            << u"or +44 (0)7700 900123"_s << Kind::Phone << QStringList{u"+44 (0)7700 900123"_s};
        QTest::newRow("no spaces")
            << u"number:07700900123"_s << Kind::Phone << QStringList{u"07700900123"_s};
        QTest::newRow("not a phone: year range")
            << u"Figures for 2015-2020 and 2021 to 2024."_s << Kind::Phone << QStringList{};
        QTest::newRow("not a phone: salary")
            << u"The salary is £27,500 to £31,250 a year."_s << Kind::Phone << QStringList{};
        QTest::newRow("not a phone: request numbers")
            << u"See requests 6370952 and FOI-2026-101 and 01234."_s << Kind::Phone
            << QStringList{};
        QTest::newRow("not a phone: dates")
            << u"Received 01/02/2026, answered 02-03-2026, reviewed 2026-03-15."_s << Kind::Phone
            << QStringList{};
        QTest::newRow("not a phone: decimal sum")
            << u"A total of 0.0123456789 per cent."_s << Kind::Phone << QStringList{};

        QTest::newRow("postcode") << u"Wycliffe House, Wilmslow SK9 5AF"_s << Kind::Postcode
                                  << QStringList{u"SK9 5AF"_s};
        QTest::newRow("postcode with two-letter area")
            << u"He lives at 4 Colindale Avenue, NW9 4EW."_s << Kind::Postcode
            << QStringList{u"NW9 4EW"_s};
        QTest::newRow("central London postcodes") << u"EC1A 1BB and SW1A 2AA"_s << Kind::Postcode
                                                  << QStringList{u"EC1A 1BB"_s, u"SW1A 2AA"_s};
        QTest::newRow("lower case postcode")
            << u"post to nw9 4ew please"_s << Kind::Postcode << QStringList{u"nw9 4ew"_s};
        QTest::newRow("postcode without a space")
            << u"at M11AE"_s << Kind::Postcode << QStringList{u"M11AE"_s};
        QTest::newRow("not a postcode: inside a longer word")
            << u"code XNW9 4EWX and NW9 4EWS"_s << Kind::Postcode << QStringList{};
        QTest::newRow("not a postcode: reference numbers")
            << u"Requests 6370952 and FOI-2026-101, paid £27,500 in 2015-2020."_s << Kind::Postcode
            << QStringList{};
    }

    void contactDetails()
    {
        QFETCH(QString, answer);
        QFETCH(Kind, kind);
        QFETCH(QStringList, expected);
        const QList<RedactionSuggestion> found = scannerFor().scan(requestWith({answer}));
        QCOMPARE(textsOf(found, kind), expected);
        for (const RedactionSuggestion &suggestion : found) {
            QCOMPARE(answer.mid(suggestion.start, suggestion.length), suggestion.text);
            QCOMPARE(suggestion.question, 0);
            QCOMPARE(suggestion.exemption, u"s40(2)"_s);
            QVERIFY(!suggestion.reason.isEmpty());
        }
    }

    void nothingInPlainFigures()
    {
        // A typical statistical answer: none of it identifies anyone.
        const QString answer = u"In 2024-25 we received 1,204 requests (FOI-2026-101 to "
                               u"FOI-2026-1305). The budget was £450,000, up 3.5% on 2023. "
                               u"Request 6370952 was answered on 17 June 2020."_s;
        QVERIFY(scannerFor().scan(requestWith({answer})).isEmpty());
    }

    void staffNamesFollowThePolicy_data()
    {
        QTest::addColumn<QString>("grade");
        QTest::addColumn<bool>("suggested");
        QTest::newRow("most senior") << u"Chief Executive"_s << false;
        QTest::newRow("above the threshold") << u"Assistant Director"_s << false;
        QTest::newRow("at the threshold") << u"Head of Service"_s << true;
        QTest::newRow("below the threshold") << u"Officer"_s << true;
        QTest::newRow("grade written in another case") << u"head of service"_s << true;
        QTest::newRow("grade not in the list") << u"Team Leader"_s << true;
        QTest::newRow("no grade") << QString() << true;
    }

    void staffNamesFollowThePolicy()
    {
        QFETCH(QString, grade);
        QFETCH(bool, suggested);
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, grade)});
        const QList<RedactionSuggestion> found =
            scanner.scan(requestWith({u"The report was written by Ann Lee last year."_s}));
        QCOMPARE(textsOf(found, Kind::StaffName),
                 suggested ? QStringList{u"Ann Lee"_s} : QStringList{});
        if (suggested) {
            QVERIFY(found.constFirst().reason.contains(u"Ann Lee"_s));
            QCOMPARE(found.constFirst().start, 26);
            QCOMPARE(found.constFirst().length, 7);
        }
    }

    void reasonNamesTheGradeAndTheThreshold()
    {
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Officer"_s)});
        const QList<RedactionSuggestion> found = scanner.scan(requestWith({u"Ann Lee"_s}));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().reason,
                 u"Ann Lee is in the staff register as Officer, below Assistant Director."_s);
    }

    void withoutAPolicySeniorityDecides_data()
    {
        QTest::addColumn<bool>("senior");
        QTest::addColumn<bool>("suggested");
        QTest::newRow("not senior") << false << true;
        QTest::newRow("senior") << true << false;
    }

    void withoutAPolicySeniorityDecides()
    {
        QFETCH(bool, senior);
        QFETCH(bool, suggested);
        const SuggestionScanner scanner({member(u"Ann Lee"_s, u"Director"_s, senior)}, {}, {});
        const QList<RedactionSuggestion> found = scanner.scan(requestWith({u"Ann Lee"_s}));
        QCOMPARE(found.size(), suggested ? 1 : 0);
    }

    void policyGradeMissingFromItsListSuggestsEveryone()
    {
        // A damaged policy must not fall silent.
        const SuggestionScanner scanner(
            {member(u"Ann Lee"_s, u"Director"_s, true)}, councilGrades, u"Band 7"_s);
        QCOMPARE(scanner.scan(requestWith({u"Ann Lee"_s})).size(), 1);
    }

    void nameForms_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("exact") << u"Ann Lee"_s << u"Ask Ann Lee."_s << QStringList{u"Ann Lee"_s};
        QTest::newRow("other case")
            << u"Ann Lee"_s << u"ANN LEE signed it"_s << QStringList{u"ANN LEE"_s};
        QTest::newRow("several spaces")
            << u"Ann Lee"_s << u"Ann   Lee"_s << QStringList{u"Ann   Lee"_s};
        QTest::newRow("across a line break")
            << u"Ann Lee"_s << u"signed by Ann\nLee on Monday"_s << QStringList{u"Ann\nLee"_s};
        QTest::newRow("initial with a full stop")
            << u"Ann Lee"_s << u"A. Lee approved it"_s << QStringList{u"A. Lee"_s};
        QTest::newRow("initial without a full stop")
            << u"Ann Lee"_s << u"A Lee approved it"_s << QStringList{u"A Lee"_s};
        QTest::newRow("possessive")
            << u"Ann Lee"_s << u"Ann Lee's team"_s << QStringList{u"Ann Lee"_s};
        QTest::newRow("several times") << u"Ann Lee"_s << u"Ann Lee met A. Lee's manager"_s
                                       << QStringList{u"Ann Lee"_s, u"A. Lee"_s};
        QTest::newRow("not a longer first name")
            << u"Ann Lee"_s << u"Joanne Lee and Annabel Lee"_s << QStringList{};
        QTest::newRow("not a longer surname")
            << u"Ann Lee"_s << u"Ann Leeds wrote"_s << QStringList{};
        QTest::newRow("not a lower-case word before the surname")
            << u"Ann Lee"_s << u"a lee shore"_s << QStringList{};
        QTest::newRow("Welsh name")
            << u"Siân Llŷr"_s << u"Cysylltwch â Siân Llŷr."_s << QStringList{u"Siân Llŷr"_s};
        QTest::newRow("Welsh name in capitals")
            << u"Siân Llŷr"_s << u"SIÂN LLŶR"_s << QStringList{u"SIÂN LLŶR"_s};
        QTest::newRow("Welsh name not inside a longer word")
            << u"Siân Llŷr"_s << u"Siân Llŷrwen"_s << QStringList{};
        QTest::newRow("three-part Welsh name")
            << u"Dafydd ap Gwilym"_s << u"from Dafydd ap Gwilym, manager"_s
            << QStringList{u"Dafydd ap Gwilym"_s};
        QTest::newRow("accented name")
            << u"Zoë Brontë"_s << u"Zoë Brontë and José"_s << QStringList{u"Zoë Brontë"_s};
        QTest::newRow("accents typed as combining marks")
            << u"Zoë Brontë"_s << u"Zoe\u0308 Bronte\u0308 wrote"_s
            << QStringList{u"Zoe\u0308 Bronte\u0308"_s};
        QTest::newRow("apostrophe in the name, typed the other way")
            << u"Seán O'Brien"_s << u"Seán O\u2019Brien replied"_s
            << QStringList{u"Seán O\u2019Brien"_s};
        QTest::newRow("hyphenated surname")
            << u"Mary Lewis-Hughes"_s << u"Mary Lewis-Hughes and Mary Lewis"_s
            << QStringList{u"Mary Lewis-Hughes"_s};
    }

    void nameForms()
    {
        QFETCH(QString, name);
        QFETCH(QString, answer);
        QFETCH(QStringList, expected);
        const SuggestionScanner scanner = scannerFor({member(name, u"Officer"_s)});
        const QList<RedactionSuggestion> found = scanner.scan(requestWith({answer}));
        QCOMPARE(textsOf(found, Kind::StaffName), expected);
        for (const RedactionSuggestion &suggestion : found)
            QCOMPARE(answer.mid(suggestion.start, suggestion.length), suggestion.text);
    }

    void overlappingMatchesAreReportedOnce_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("a staff name inside an email address")
            << u"Write to A.Lee@council.example.gov.uk today"_s << Kind::Email
            << u"A.Lee@council.example.gov.uk"_s;
        QTest::newRow("a postcode-like part of an email address")
            << u"nw94ew@example.com"_s << Kind::Email << u"nw94ew@example.com"_s;
        QTest::newRow("text withheld elsewhere that is also a staff name")
            << u"Ann Lee agreed"_s << Kind::StaffName << u"Ann Lee"_s;
    }

    void overlappingMatchesAreReportedOnce()
    {
        QFETCH(QString, answer);
        QFETCH(Kind, kind);
        QFETCH(QString, text);
        Request request = requestWith({answer, u"Ann Lee"_s});
        request.questions[1].redactions = {Redaction{0, 7, u"s40(2)"_s}};
        request.questions[1].disposition = Disposition::PartWithheld;
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Officer"_s)});
        const QList<RedactionSuggestion> found = scanner.scanAnswer(request, 0);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().kind, kind);
        QCOMPARE(found.constFirst().text, text);
    }

    void alreadyRedactedMatchesAreLeftOut()
    {
        const QString answer = u"Ann Lee (ann@example.org) and Bob Roe"_s;
        Request request = requestWith({answer});
        request.questions[0].disposition = Disposition::PartWithheld;
        // The name is withheld; only part of the email is.
        request.questions[0].redactions = {Redaction{0, 7, u"s40(2)"_s},
                                           Redaction{9, 3, u"s40(2)"_s}};
        const SuggestionScanner scanner =
            scannerFor({member(u"Ann Lee"_s, u"Officer"_s), member(u"Bob Roe"_s, u"Officer"_s)});
        const QList<RedactionSuggestion> found = scanner.scan(request);
        QCOMPARE(textsOf(found, Kind::StaffName), QStringList{u"Bob Roe"_s});
        QCOMPARE(textsOf(found, Kind::Email), QStringList{u"ann@example.org"_s});
    }

    void spanCoveredByTwoAdjacentRedactionsIsLeftOut()
    {
        Request request = requestWith({u"Ann Lee"_s});
        request.questions[0].redactions = {Redaction{0, 3, u"s40(2)"_s}, Redaction{3, 4, u"s41"_s}};
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Officer"_s)});
        QVERIFY(scanner.scan(request).isEmpty());
    }

    void dismissedTextsAreNotOfferedAgain_data()
    {
        QTest::addColumn<Kind>("dismissedKind");
        QTest::addColumn<QString>("dismissedText");
        QTest::addColumn<bool>("dismissed");
        QTest::addColumn<QStringList>("left");
        QTest::newRow("same kind and text")
            << Kind::Email << u"foi@example.gov.uk"_s << true << QStringList{u"Ann Lee"_s};
        QTest::newRow("other case")
            << Kind::Email << u"FOI@Example.gov.uk"_s << true << QStringList{u"Ann Lee"_s};
        QTest::newRow("name dismissed with other spacing")
            << Kind::StaffName << u"ann  lee"_s << true << QStringList{u"foi@example.gov.uk"_s};
        QTest::newRow("same text, other kind")
            << Kind::WithheldElsewhere << u"foi@example.gov.uk"_s << true
            << QStringList{u"Ann Lee"_s, u"foi@example.gov.uk"_s};
        QTest::newRow("accepted, not dismissed")
            << Kind::Email << u"foi@example.gov.uk"_s << false
            << QStringList{u"Ann Lee"_s, u"foi@example.gov.uk"_s};
    }

    void dismissedTextsAreNotOfferedAgain()
    {
        QFETCH(Kind, dismissedKind);
        QFETCH(QString, dismissedText);
        QFETCH(bool, dismissed);
        QFETCH(QStringList, left);
        SuggestionDecision decision = dismissal(dismissedKind, dismissedText);
        if (!dismissed)
            decision.action = SuggestionDecision::Action::Accepted;
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Officer"_s)});
        const QList<RedactionSuggestion> found =
            scanner.scan(requestWith({u"Ann Lee, foi@example.gov.uk"_s}), {decision});
        QStringList texts;
        for (const RedactionSuggestion &suggestion : found)
            texts.append(suggestion.text);
        QCOMPARE(texts, left);
    }

    void dismissingAnAddressQuietsTheNameInsideIt()
    {
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Officer"_s)});
        const QList<RedactionSuggestion> found =
            scanner.scan(requestWith({u"A.Lee@example.gov.uk"_s}),
                         {dismissal(Kind::Email, u"a.lee@example.gov.uk"_s)});
        QVERIFY(found.isEmpty());
    }

    void sameNameInSeveralAnswers()
    {
        const Request request = requestWith(
            {u"Ann Lee chaired it."_s, u"No names here."_s, u"Minutes by ann lee; Ann Lee"_s});
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Manager"_s)});
        const QList<RedactionSuggestion> found = scanner.scan(request);
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).question, 0);
        QCOMPARE(found.at(0).start, 0);
        QCOMPARE(found.at(1).question, 2);
        QCOMPARE(found.at(1).start, 11);
        QCOMPARE(found.at(1).text, u"ann lee"_s);
        QCOMPARE(found.at(2).question, 2);
        QCOMPARE(found.at(2).start, 20);
        QCOMPARE(scanner.scanAnswer(request, 2), found.mid(1));
        QVERIFY(scanner.scanAnswer(request, 1).isEmpty());
        QVERIFY(scanner.scanAnswer(request, 3).isEmpty());
        QVERIFY(scanner.scanAnswer(request, -1).isEmpty());
    }

    void textWithheldInAnotherAnswer()
    {
        Request request =
            requestWith({u"The complaint came from Mrs Jane Doe of Hill Road."_s,
                         u"We wrote to MRS JANE DOE twice, and to Mrs Jane Doeville."_s,
                         u"Flat 3, 12 Hill Road\nPaid in full"_s,
                         u"The occupant of Flat 3, 12 Hill Road complained."_s});
        request.questions[0].disposition = Disposition::PartWithheld;
        request.questions[0].redactions = {Redaction{24, 12, u"s40(2)"_s}};
        request.questions[2].disposition = Disposition::Withheld;
        request.questions[2].exemptions = {u"s40(2)"_s};

        const QList<RedactionSuggestion> found = scannerFor().scan(request);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).kind, Kind::WithheldElsewhere);
        QCOMPARE(found.at(0).question, 1);
        QCOMPARE(found.at(0).text, u"MRS JANE DOE"_s);
        QVERIFY(found.at(0).reason.contains(u"question 1"_s));
        // A line of an answer withheld in full, repeated in another answer.
        QCOMPARE(found.at(1).question, 3);
        QCOMPARE(found.at(1).text, u"Flat 3, 12 Hill Road"_s);
        QVERIFY(found.at(1).reason.contains(u"question 3"_s));
    }

    void answersNotGivenAreNotScanned_data()
    {
        QTest::addColumn<Disposition>("disposition");
        QTest::addColumn<int>("count");
        QTest::newRow("answered") << Disposition::Answered << 1;
        QTest::newRow("part withheld") << Disposition::PartWithheld << 1;
        QTest::newRow("withheld") << Disposition::Withheld << 0;
        QTest::newRow("not held") << Disposition::NotHeld << 0;
        QTest::newRow("neither confirm nor deny") << Disposition::NeitherConfirmNorDeny << 0;
    }

    void answersNotGivenAreNotScanned()
    {
        QFETCH(Disposition, disposition);
        QFETCH(int, count);
        Request request = requestWith({u"Call 07700 900123"_s});
        request.questions[0].disposition = disposition;
        QCOMPARE(scannerFor().scan(request).size(), count);
    }

    void exemptionFollowsTheRegime_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<QString>("exemption");
        QTest::newRow("FOIA") << Regime::FOIA << u"s40(2)"_s;
        QTest::newRow("EIR") << Regime::EIR << u"reg13"_s;
        QTest::newRow("FOISA") << Regime::FOISA << u"s38(1)(b)"_s;
        QTest::newRow("EIRS") << Regime::EIRS << u"reg11(2)"_s;
    }

    void exemptionFollowsTheRegime()
    {
        QFETCH(Regime, regime);
        QFETCH(QString, exemption);
        QCOMPARE(SuggestionScanner::personalDataExemption(regime), exemption);
        const QList<RedactionSuggestion> found =
            scannerFor().scan(requestWith({u"ann@example.org"_s}, regime));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().exemption, exemption);
    }

    void suggestionsComeInAnswerOrder()
    {
        const QString answer = u"NW9 4EW, then 020 7946 0958, then Ann Lee, then x@example.org"_s;
        const SuggestionScanner scanner = scannerFor({member(u"Ann Lee"_s, u"Officer"_s)});
        const QList<RedactionSuggestion> found = scanner.scan(requestWith({answer}));
        QList<Kind> kinds;
        for (const RedactionSuggestion &suggestion : found)
            kinds.append(suggestion.kind);
        QCOMPARE(kinds, (QList<Kind>{Kind::Postcode, Kind::Phone, Kind::StaffName, Kind::Email}));
    }

    void kindCodesAndNames()
    {
        QStringList codes;
        for (const Kind kind :
             {Kind::StaffName, Kind::Email, Kind::Phone, Kind::Postcode, Kind::WithheldElsewhere}) {
            codes.append(SuggestionScanner::kindCode(kind));
            QVERIFY(!SuggestionScanner::kindDisplayName(kind).isEmpty());
        }
        QCOMPARE(
            codes,
            (QStringList{
                u"staff_name"_s, u"email"_s, u"phone"_s, u"postcode"_s, u"withheld_elsewhere"_s}));
    }
};

QTEST_GUILESS_MAIN(TestSuggestionScanner)
#include "tst_suggestionscanner.moc"
