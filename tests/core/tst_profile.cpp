#include "profile/OrganisationProfile.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QString profilePath(const char *name)
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/") + QLatin1String(name);
}

QByteArray withField(const QByteArray &base, const QStringList &path, const QJsonValue &value)
{
    QJsonObject root = QJsonDocument::fromJson(base).object();
    std::function<QJsonObject(QJsonObject, qsizetype)> set = [&](QJsonObject object,
                                                                 qsizetype depth) {
        const QString &key = path.at(depth);
        if (depth + 1 == path.size())
            object.insert(key, value);
        else
            object.insert(key, set(object.value(key).toObject(), depth + 1));
        return object;
    };
    return QJsonDocument(set(root, 0)).toJson();
}

QByteArray smallPng()
{
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(QColor(0x1f, 0x3a, 0x5f));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

// The organisation profile holds every word of a letter that is not the request itself; a
// profile that loads wrongly, or accepts a typo silently, prints a wrong letter.
class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsLoadAndValidate()
    {
        const Result<OrganisationProfile> defaults = OrganisationProfile::defaults();
        QVERIFY2(defaults.ok(), qPrintable(defaults.errorMessage()));
        QVERIFY(defaults->validate().ok());
        QCOMPARE(defaults->name, QStringLiteral("Your Authority"));
        for (const QString &key : OrganisationProfile::templateKeys()) {
            QVERIFY2(!defaults->templateText(key).trimmed().isEmpty(), qPrintable(key));
            QVERIFY2(!OrganisationProfile::templateDescription(key).isEmpty(), qPrintable(key));
        }
        QCOMPARE(defaults->formatDate(QDate(2020, 6, 17)), QStringLiteral("17 June 2020"));
    }

    void defaultsCarryTheRedactionPolicyAndNoLocalExemptions()
    {
        const OrganisationProfile profile = OrganisationProfile::defaults().value();
        QCOMPARE(profile.grades,
                 (QStringList{u"Chief Executive"_s,
                              u"Executive Director"_s,
                              u"Director"_s,
                              u"Assistant Director"_s,
                              u"Head of Service"_s,
                              u"Manager"_s,
                              u"Officer"_s}));
        // Names below Assistant Director are withheld: the threshold is the next grade down.
        QCOMPARE(profile.withholdFromGrade, u"Head of Service"_s);
        QVERIFY(profile.exemptionOverrides.isEmpty());
        QVERIFY(profile.localExemptions.isEmpty());
    }

    void defaultRefusalTemplatesNameTheExemption_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("placeholder");
        QTest::newRow("heading") << u"refusal.heading"_s << u"{exemption}"_s;
        QTest::newRow("applies") << u"refusal.applies"_s << u"{questions}"_s;
        QTest::newRow("procedural") << u"refusal.procedural"_s << u"{exemption}"_s;
        QTest::newRow("withheld answer") << u"answer.withheld"_s << u"{exemption}"_s;
        QTest::newRow("label") << u"withheld.label"_s << u"{exemption_code}"_s;
    }

    void defaultRefusalTemplatesNameTheExemption()
    {
        QFETCH(QString, key);
        QFETCH(QString, placeholder);
        const OrganisationProfile profile = OrganisationProfile::defaults().value();
        QVERIFY2(profile.templateText(key).contains(placeholder), qPrintable(key));
    }

    void exemptionsAndPolicyRoundTrip()
    {
        OrganisationProfile profile = OrganisationProfile::defaults().value();
        profile.name = u"Northmoor District Council"_s;
        profile.exemptionOverrides.insert(
            u"s40(2)"_s, {u"Officers' names below {organisation}'s directors are withheld."_s, {}});
        profile.exemptionOverrides.insert(u"reg12(5)(e)"_s, {{}, u"Our own balance."_s});
        Exemption local;
        local.code = u"s44(1)(a)"_s;
        local.regime = Regime::FOIA;
        local.title = u"Disclosure prohibited by another Act"_s;
        local.citation = u"section 44(1)(a) of the Freedom of Information Act 2000"_s;
        local.kind = Exemption::Kind::Absolute;
        local.reasoning = u"Another law forbids it for {questions}."_s;
        local.local = true;
        profile.localExemptions = {local};
        // An override may reword a local exemption too.
        profile.exemptionOverrides.insert(u"s44(1)(a)"_s, {u"Reworded."_s, {}});
        profile.grades = {u"Director"_s, u"Band 8"_s, u"Band 5"_s};
        profile.withholdFromGrade = u"Band 8"_s;
        QVERIFY2(profile.validate().ok(), qPrintable(profile.validate().errorMessage()));

        const Result<OrganisationProfile> again = OrganisationProfile::parse(profile.serialize());
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(again.value() == profile);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"profile.json"_s);
        QVERIFY(profile.writeFile(file).ok());
        const Result<OrganisationProfile> read = OrganisationProfile::readFile(file);
        QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
        QCOMPARE(read->localExemptions, profile.localExemptions);
        QCOMPARE(read->exemptionOverrides, profile.exemptionOverrides);
        QCOMPARE(read->grades, profile.grades);
        QCOMPARE(read->withholdFromGrade, u"Band 8"_s);
    }

    void noGradeThresholdIsAllowed()
    {
        const QByteArray json = R"({"format": "foidesk.profile/1", "name": "Authority",
            "redaction_policy": {"grades": [], "withhold_from_grade": ""}})";
        const Result<OrganisationProfile> profile = OrganisationProfile::parse(json);
        QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
        QVERIFY(profile->grades.isEmpty());
        QVERIFY(profile->withholdFromGrade.isEmpty());
    }

    void defaultsNameBothRegulators()
    {
        const OrganisationProfile profile = OrganisationProfile::defaults().value();
        const RegulatorContact &ico = profile.regulatorFor(Regime::FOIA);
        QCOMPARE(&ico, &profile.regulatorFor(Regime::EIR));
        QVERIFY(ico.name.contains(QStringLiteral("Information Commissioner")));
        QVERIFY(ico.address.contains(QStringLiteral("Wycliffe House")));
        QVERIFY(ico.address.contains(QStringLiteral("SK9 5AF")));
        QCOMPARE(ico.phone, QStringLiteral("0303 123 1113"));
        QCOMPARE(ico.website, QStringLiteral("ico.org.uk"));

        const RegulatorContact &sic = profile.regulatorFor(Regime::FOISA);
        QCOMPARE(&sic, &profile.regulatorFor(Regime::EIRS));
        QCOMPARE(sic.name, QStringLiteral("Scottish Information Commissioner"));
        QVERIFY(sic.address.contains(QStringLiteral("Kinburn Castle")));
        QVERIFY(sic.address.contains(QStringLiteral("KY16 9DS")));
        QCOMPARE(sic.phone, QStringLiteral("01334 464610"));
        QCOMPARE(sic.website, QStringLiteral("itspublicknowledge.info"));
    }

    void defaultRightsStateTheTimeLimits()
    {
        const OrganisationProfile profile = OrganisationProfile::defaults().value();
        const QString uk = profile.templateText(QStringLiteral("your_rights.uk"));
        QVERIFY(uk.contains(QStringLiteral("40 working days")));
        QVERIFY(uk.contains(QStringLiteral("{regulator}")));
        const QString scotland = profile.templateText(QStringLiteral("your_rights.scotland"));
        QVERIFY(scotland.contains(QStringLiteral("40 working days")));
        QVERIFY(scotland.contains(QStringLiteral("six months")));
        QVERIFY(scotland.contains(QStringLiteral("Scottish Information Commissioner")));
    }

    void defaultsCarryNoCouncilsWording()
    {
        QFile file(QStringLiteral(":/templates/default-profile.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(!json.contains("Barnet"));
        QVERIFY(!json.contains("Open Barnet"));
        QVERIFY(!json.contains("soft opt-in"));
    }

    void partialProfileTakesTheDefaults()
    {
        const Result<OrganisationProfile> profile =
            OrganisationProfile::readFile(profilePath("test-authority.json"));
        QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
        const OrganisationProfile defaults = OrganisationProfile::defaults().value();
        QCOMPARE(profile->name, QStringLiteral("Northmoor District Council"));
        QCOMPARE(profile->templates, defaults.templates);
        QCOMPARE(profile->regulatorUk, defaults.regulatorUk);
        QCOMPARE(profile->effectiveReviewEmail(),
                 QStringLiteral("reviews@northmoor.example.gov.uk"));
    }

    void reviewContactFallsBackToTheOrganisation()
    {
        OrganisationProfile profile = OrganisationProfile::defaults().value();
        profile.email = QStringLiteral("foi@example.gov.uk");
        profile.address = QStringLiteral("Town Hall\nAnytown");
        QCOMPARE(profile.effectiveReviewEmail(), profile.email);
        QCOMPARE(profile.effectiveReviewAddress(), profile.address);
        profile.reviewEmail = QStringLiteral("review@example.gov.uk");
        QCOMPARE(profile.effectiveReviewEmail(), QStringLiteral("review@example.gov.uk"));
    }

    void jsonRoundTrip_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("council test profile") << profilePath("london-borough-of-barnet.json");
        QTest::newRow("partial profile") << profilePath("test-authority.json");
    }

    void jsonRoundTrip()
    {
        QFETCH(QString, path);
        Result<OrganisationProfile> loaded = OrganisationProfile::readFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        OrganisationProfile profile = loaded.value();
        profile.logoType = QStringLiteral("png");
        profile.logoData = smallPng();

        const Result<OrganisationProfile> again = OrganisationProfile::parse(profile.serialize());
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(again.value() == profile);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("profile.json"));
        QVERIFY(profile.writeFile(file).ok());
        const Result<OrganisationProfile> read = OrganisationProfile::readFile(file);
        QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
        QVERIFY(read.value() == profile);
        const Result<QImage> logo = read->logo();
        QVERIFY(logo.ok());
        QCOMPARE(logo->size(), QSize(40, 20));
    }

    void councilWordingIsKeptAsWritten()
    {
        const OrganisationProfile profile =
            OrganisationProfile::readFile(profilePath("london-borough-of-barnet.json")).value();
        QCOMPARE(profile.templateText(QStringLiteral("heading.reuse")),
                 QStringLiteral("Advice and Assistance: Direct Marketing"));
        QVERIFY(
            profile.templateText(QStringLiteral("reuse")).contains(QStringLiteral("soft opt-in")));
        QCOMPARE(profile.signature, QString());
    }

    void extensionKeysAreIgnored()
    {
        const QByteArray json = R"({"format": "foidesk.profile/1", "name": "Authority",
            "x-exported-by": "another tool", "review": {"x-team": "IG"},
            "templates": {"x-comment": "ignored", "regime": {"x-note": "ignored"}}})";
        const Result<OrganisationProfile> profile = OrganisationProfile::parse(json);
        QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
        QCOMPARE(profile->name, QStringLiteral("Authority"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("detail");

        QFile file(profilePath("london-borough-of-barnet.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray base = file.readAll();
        auto row = [&](const char *name,
                       const QStringList &path,
                       const QJsonValue &value,
                       const QString &field,
                       const QString &detail) {
            QTest::newRow(name) << withField(base, path, value) << field << detail;
        };

        row("unknown placeholder",
            {u"templates"_s, u"opening"_s},
            u"Thank you for your request of {recieved}."_s,
            u"templates.opening"_s,
            u"{recieved}"_s);
        row("unknown placeholder in a nested template",
            {u"templates"_s, u"regime"_s, u"EIR"_s},
            u"Handled under {regime}."_s,
            u"templates.regime.EIR"_s,
            u"{regime}"_s);
        row("unknown placeholder in the signature",
            {u"signature"_s},
            u"{officer}"_s,
            u"signature"_s,
            u"{officer}"_s);
        row("unclosed brace",
            {u"templates"_s, u"closing"_s},
            u"Ask us {reference"_s,
            u"templates.closing"_s,
            u"never closed"_s);
        row("stray closing brace",
            {u"templates"_s, u"reuse"_s},
            u"Free to use}"_s,
            u"templates.reuse"_s,
            u"no matching"_s);
        row("wrong type", {u"name"_s}, 42, u"name"_s, u"expected a string, found a number (42)"_s);
        row("wrong type of template",
            {u"templates"_s, u"held"_s, u"all"_s},
            true,
            u"templates.held.all"_s,
            u"expected a string"_s);
        row("wrong type of group",
            {u"regulators"_s},
            u"ICO"_s,
            u"regulators"_s,
            u"expected an object"_s);
        row("unknown key", {u"colour"_s}, u"blue"_s, u"colour"_s, u"unknown field"_s);
        row("unknown nested key",
            {u"regulators"_s, u"uk"_s, u"fax"_s},
            u"01625 545700"_s,
            u"regulators.uk.fax"_s,
            u"unknown field"_s);
        row("unknown template",
            {u"templates"_s, u"held"_s, u"maybe"_s},
            u"Perhaps."_s,
            u"templates.held.maybe"_s,
            u"unknown template"_s);
        row("bad format tag",
            {u"format"_s},
            u"foidesk.profile/2"_s,
            u"format"_s,
            u"foidesk.profile/2"_s);
        row("date format without the year",
            {u"date_format"_s},
            u"d MMMM"_s,
            u"date_format"_s,
            u"day, month and year"_s);
        row("empty name", {u"name"_s}, u"  "_s, u"name"_s, u"needs a name"_s);
        row("logo not base64",
            {u"logo"_s},
            QJsonObject{{u"type"_s, u"png"_s}, {u"data"_s, u"@@@"_s}},
            u"logo.data"_s,
            u"base64"_s);
        row("logo of an unknown type",
            {u"logo"_s},
            QJsonObject{{u"type"_s, u"gif"_s}, {u"data"_s, u"R0lGODlh"_s}},
            u"logo.type"_s,
            u"\"gif\""_s);
        row("logo data not an image",
            {u"logo"_s},
            QJsonObject{{u"type"_s, u"png"_s}, {u"data"_s, u"aGVsbG8="_s}},
            u"logo.data"_s,
            u"not a PNG image"_s);
        auto localWith = [](const QString &key, const QJsonValue &value) {
            QJsonObject entry{{u"code"_s, u"s44(1)(a)"_s},
                              {u"regime"_s, u"FOIA"_s},
                              {u"title"_s, u"Prohibited by another Act"_s},
                              {u"citation"_s, u"section 44(1)(a) of the Act"_s},
                              {u"kind"_s, u"absolute"_s},
                              {u"reasoning"_s, u"Another law forbids it."_s},
                              {u"public_interest"_s, u""_s}};
            entry.insert(key, value);
            return QJsonArray{entry};
        };
        row("override of a code no law has",
            {u"exemptions"_s, u"overrides"_s},
            QJsonObject{{u"s99"_s, QJsonObject{{u"reasoning"_s, u"Because."_s}}}},
            u"exemptions.overrides.s99"_s,
            u"no exemption has the code \"s99\""_s);
        row("override written as typed",
            {u"exemptions"_s, u"overrides"_s},
            QJsonObject{{u"section 40(2)"_s, QJsonObject{{u"reasoning"_s, u"Because."_s}}}},
            u"exemptions.overrides.section 40(2)"_s,
            u"did you mean s40(2)?"_s);
        row("override not an object",
            {u"exemptions"_s, u"overrides"_s},
            QJsonObject{{u"s40(2)"_s, u"Because."_s}},
            u"exemptions.overrides.s40(2)"_s,
            u"expected an object"_s);
        row("override with an unknown field",
            {u"exemptions"_s, u"overrides"_s},
            QJsonObject{{u"s40(2)"_s, QJsonObject{{u"why"_s, u"Because."_s}}}},
            u"exemptions.overrides.s40(2).why"_s,
            u"unknown field"_s);
        row("override with an unknown placeholder",
            {u"exemptions"_s, u"overrides"_s},
            QJsonObject{{u"s40(2)"_s, QJsonObject{{u"reasoning"_s, u"For {question}."_s}}}},
            u"exemptions.overrides.s40(2).reasoning"_s,
            u"{question}"_s);
        row("unknown field in exemptions",
            {u"exemptions"_s, u"extra"_s},
            true,
            u"exemptions.extra"_s,
            u"unknown field"_s);
        row("local exemptions not an array",
            {u"exemptions"_s, u"local"_s},
            QJsonObject(),
            u"exemptions.local"_s,
            u"expected an array"_s);
        row("local exemption with an empty code",
            {u"exemptions"_s, u"local"_s},
            localWith(u"code"_s, u""_s),
            u"exemptions.local[0].code"_s,
            u"empty"_s);
        row("local exemption with a badly written code",
            {u"exemptions"_s, u"local"_s},
            localWith(u"code"_s, u"sec 44"_s),
            u"exemptions.local[0].code"_s,
            u"not written as a code"_s);
        row("local exemption with an unknown regime",
            {u"exemptions"_s, u"local"_s},
            localWith(u"regime"_s, u"DPA"_s),
            u"exemptions.local[0].regime"_s,
            u"\"DPA\""_s);
        row("local exemption with an unknown kind",
            {u"exemptions"_s, u"local"_s},
            localWith(u"kind"_s, u"partial"_s),
            u"exemptions.local[0].kind"_s,
            u"\"partial\""_s);
        row("local exemption without a title",
            {u"exemptions"_s, u"local"_s},
            localWith(u"title"_s, u" "_s),
            u"exemptions.local[0].title"_s,
            u"title"_s);
        row("local exemption with a field of the wrong type",
            {u"exemptions"_s, u"local"_s},
            localWith(u"reasoning"_s, 7),
            u"exemptions.local[0].reasoning"_s,
            u"expected a string"_s);
        row("local exemption with an unknown field",
            {u"exemptions"_s, u"local"_s},
            localWith(u"section"_s, u"44"_s),
            u"exemptions.local[0].section"_s,
            u"unknown field"_s);
        {
            QJsonArray twice = localWith(u"code"_s, u"s44(1)(a)"_s);
            twice.append(twice.at(0));
            row("the same local exemption twice",
                {u"exemptions"_s, u"local"_s},
                twice,
                u"exemptions.local[1].code"_s,
                u"already a local exemption"_s);
        }
        row("grade not a string",
            {u"redaction_policy"_s, u"grades"_s},
            QJsonArray{u"Director"_s, 3},
            u"redaction_policy.grades[1]"_s,
            u"expected a string"_s);
        row("empty grade",
            {u"redaction_policy"_s, u"grades"_s},
            QJsonArray{u"Director"_s, u""_s, u"Head of Service"_s},
            u"redaction_policy.grades[1]"_s,
            u"empty"_s);
        row("grade listed twice",
            {u"redaction_policy"_s, u"grades"_s},
            QJsonArray{u"Director"_s, u"Head of Service"_s, u"director"_s},
            u"redaction_policy.grades[2]"_s,
            u"twice"_s);
        row("threshold not among the grades",
            {u"redaction_policy"_s, u"withhold_from_grade"_s},
            u"Band 7"_s,
            u"redaction_policy.withhold_from_grade"_s,
            u"\"Band 7\" is not one of the grades"_s);
        row("own grades without naming the threshold",
            {u"redaction_policy"_s, u"grades"_s},
            QJsonArray{u"Director"_s, u"Officer"_s},
            u"redaction_policy.withhold_from_grade"_s,
            u"\"Head of Service\""_s);
        row("unknown field in the policy",
            {u"redaction_policy"_s, u"threshold"_s},
            u"Director"_s,
            u"redaction_policy.threshold"_s,
            u"unknown field"_s);
        QTest::newRow("missing format")
            << QByteArray(R"({"name": "Authority"})") << u"format"_s << u"expected"_s;
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QString()
                                  << u"not valid JSON"_s;
    }

    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, detail);
        const Result<OrganisationProfile> profile = OrganisationProfile::parse(json);
        QVERIFY(!profile.ok());
        QCOMPARE(profile.errorKind(), ErrorKind::BadInput);
        if (!field.isEmpty()) {
            QVERIFY2(profile.errorMessage().startsWith(field + QStringLiteral(": ")),
                     qPrintable(profile.errorMessage()));
        }
        QVERIFY2(profile.errorMessage().contains(detail), qPrintable(profile.errorMessage()));
    }

    void missingFileIsNotFound()
    {
        QTemporaryDir dir;
        const Result<OrganisationProfile> profile =
            OrganisationProfile::readFile(dir.filePath(QStringLiteral("nowhere.json")));
        QCOMPARE(profile.errorKind(), ErrorKind::NotFound);
        QVERIFY(profile.errorMessage().contains(QStringLiteral("nowhere.json")));
    }

    void fileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "foidesk.profile/1", "name": 7})");
        file.close();
        const Result<OrganisationProfile> profile = OrganisationProfile::readFile(path);
        QCOMPARE(profile.errorKind(), ErrorKind::BadInput);
        QVERIFY2(profile.errorMessage().contains(QStringLiteral("broken.json: name: ")),
                 qPrintable(profile.errorMessage()));
    }

    void datesAreEnglishWhateverTheLocale_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("long") << u"d MMMM yyyy"_s << u"17 June 2020"_s;
        QTest::newRow("with weekday") << u"dddd d MMMM yyyy"_s << u"Wednesday 17 June 2020"_s;
        QTest::newRow("numeric") << u"dd/MM/yyyy"_s << u"17/06/2020"_s;
    }

    void datesAreEnglishWhateverTheLocale()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        OrganisationProfile profile = OrganisationProfile::defaults().value();
        profile.dateFormat = format;
        const QString formatted = profile.formatDate(QDate(2020, 6, 17));
        QLocale::setDefault(saved);
        QCOMPARE(formatted, expected);
    }

    void unreadableLogoFileIsReported()
    {
        OrganisationProfile profile = OrganisationProfile::defaults().value();
        QTemporaryDir dir;
        profile.logoFile = dir.filePath(QStringLiteral("missing-logo.png"));
        const Result<QImage> logo = profile.logo();
        QCOMPARE(logo.errorKind(), ErrorKind::BadInput);
        QVERIFY(logo.errorMessage().contains(QStringLiteral("missing-logo.png")));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
