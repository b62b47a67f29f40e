#include "letter/OrganisationProfile.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
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
        row("wrong type", {u"name"_s}, 42, u"name"_s, u"expected a string, found 42"_s);
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
