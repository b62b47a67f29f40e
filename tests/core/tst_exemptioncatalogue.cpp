#include "exemptions/ExemptionCatalogue.h"
#include "wording/LetterTemplate.h"
#include "model/RequestEnums.h"
#include "util/BuiltInData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

using namespace foidesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(foidesk::Regime)
Q_DECLARE_METATYPE(foidesk::Exemption::Kind)

namespace {

ExemptionCatalogue shipped()
{
    const Result<ExemptionCatalogue> catalogue = ExemptionCatalogue::shipped();
    if (!catalogue)
        qFatal("%s", qPrintable(catalogue.errorMessage()));
    return catalogue.value();
}

QJsonObject validEntry()
{
    return QJsonObject{{u"code"_s, u"s40(2)"_s},
                       {u"regime"_s, u"FOIA"_s},
                       {u"title"_s, u"Personal information"_s},
                       {u"citation"_s, u"section 40(2) of the Freedom of Information Act 2000"_s},
                       {u"kind"_s, u"absolute"_s},
                       {u"reasoning"_s, u"The answer to {questions} names people."_s},
                       {u"public_interest"_s, u""_s}};
}

QByteArray catalogueJson(const QJsonArray &entries)
{
    return QJsonDocument(
               QJsonObject{{u"format"_s, u"foidesk.exemptions/1"_s}, {u"exemptions"_s, entries}})
        .toJson();
}

QByteArray withEntryField(const QString &key, const QJsonValue &value)
{
    QJsonObject entry = validEntry();
    if (value.isUndefined())
        entry.remove(key);
    else
        entry.insert(key, value);
    return catalogueJson({entry});
}

} // namespace

// The catalogue is what every refusal notice cites. A missing exemption, a code typed by an
// officer that is silently misread, or a damaged file would put a wrong statement of the law in
// a letter sent to the public.
class TestExemptionCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedCatalogueIsComplete_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("FOIA") << Regime::FOIA
                              << QStringList{u"s8"_s,         u"s12"_s,        u"s14(1)"_s,
                                             u"s14(2)"_s,     u"s21"_s,        u"s22"_s,
                                             u"s22A"_s,       u"s23"_s,        u"s24"_s,
                                             u"s26"_s,        u"s27"_s,        u"s28"_s,
                                             u"s29"_s,        u"s30"_s,        u"s31(1)(a)"_s,
                                             u"s31(1)(b)"_s,  u"s31(1)(c)"_s,  u"s31(1)(g)"_s,
                                             u"s32"_s,        u"s33"_s,        u"s34"_s,
                                             u"s35"_s,        u"s36"_s,        u"s37"_s,
                                             u"s37(1)(a)"_s,  u"s37(1)(aa)"_s, u"s37(1)(ab)"_s,
                                             u"s37(1)(ac)"_s, u"s37(1)(ad)"_s, u"s37(1)(b)"_s,
                                             u"s38"_s,        u"s39"_s,        u"s40(1)"_s,
                                             u"s40(2)"_s,     u"s41"_s,        u"s42"_s,
                                             u"s43(1)"_s,     u"s43(2)"_s,     u"s44"_s};
        QTest::newRow("EIR") << Regime::EIR
                             << QStringList{u"reg12(4)(a)"_s,
                                            u"reg12(4)(b)"_s,
                                            u"reg12(4)(c)"_s,
                                            u"reg12(4)(d)"_s,
                                            u"reg12(4)(e)"_s,
                                            u"reg12(5)(a)"_s,
                                            u"reg12(5)(b)"_s,
                                            u"reg12(5)(c)"_s,
                                            u"reg12(5)(d)"_s,
                                            u"reg12(5)(e)"_s,
                                            u"reg12(5)(f)"_s,
                                            u"reg12(5)(g)"_s,
                                            u"reg13"_s};
        QTest::newRow("FOISA") << Regime::FOISA
                               << QStringList{
                                      u"s8"_s,        u"s12"_s,       u"s14(1)"_s, u"s14(2)"_s, u"s17"_s,
                                      u"s25"_s,       u"s26"_s,       u"s27"_s,    u"s28"_s,
                                      u"s29"_s,       u"s30"_s,       u"s31"_s,    u"s32"_s,
                                      u"s33(1)(a)"_s, u"s33(1)(b)"_s, u"s34"_s,    u"s35"_s,
                                      u"s36(1)"_s,    u"s36(2)"_s,    u"s37"_s,    u"s38(1)(a)"_s,
                                      u"s38(1)(b)"_s, u"s39"_s,       u"s40"_s,    u"s41"_s};
        QTest::newRow("EIRS") << Regime::EIRS
                              << QStringList{u"reg10(4)(a)"_s,
                                             u"reg10(4)(b)"_s,
                                             u"reg10(4)(c)"_s,
                                             u"reg10(4)(d)"_s,
                                             u"reg10(4)(e)"_s,
                                             u"reg10(5)(a)"_s,
                                             u"reg10(5)(b)"_s,
                                             u"reg10(5)(c)"_s,
                                             u"reg10(5)(d)"_s,
                                             u"reg10(5)(e)"_s,
                                             u"reg10(5)(f)"_s,
                                             u"reg10(5)(g)"_s,
                                             u"reg11(2)"_s};
    }

    void shippedCatalogueIsComplete()
    {
        QFETCH(Regime, regime);
        QFETCH(QStringList, codes);
        const ExemptionCatalogue catalogue = shipped();
        QStringList listed;
        for (const Exemption &entry : catalogue.forRegime(regime))
            listed.append(entry.code);
        // In section order, exactly the exemptions of that law.
        QCOMPARE(listed, codes);
    }

    void everyShippedEntryIsUsable()
    {
        const ExemptionCatalogue catalogue = shipped();
        QVERIFY(catalogue.all().size() >= 80);
        const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
        for (const Exemption &entry : catalogue.all()) {
            const QByteArray name = (regimeCode(entry.regime) + u' ' + entry.code).toUtf8();
            QVERIFY2(!entry.title.isEmpty(), name.constData());
            QVERIFY2(!entry.reasoning.isEmpty(), name.constData());
            QVERIFY2(!entry.local, name.constData());
            QVERIFY2(entry.citation.contains(regimeDisplayName(entry.regime)), name.constData());
            // A qualified exemption needs public interest reasons in the letter (s17(3)); the
            // default gives the officer a start. Others must not pretend to have a test.
            QCOMPARE(entry.needsPublicInterest(), entry.kind == Exemption::Kind::Qualified);
            QVERIFY2(entry.needsPublicInterest() != entry.publicInterest.isEmpty(),
                     name.constData());
            QString problem;
            QVERIFY2(LetterTemplate::placeholders(entry.reasoning, &problem), qPrintable(problem));
            QVERIFY2(catalogue.find(entry.regime, entry.code) != nullptr, name.constData());
        }
    }

    void shippedFacts_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<QString>("code");
        QTest::addColumn<Exemption::Kind>("kind");
        QTest::addColumn<QString>("citation");
        QTest::addColumn<QStringList>("reasoningMentions");

        using K = Exemption::Kind;
        QTest::newRow("s40(2)") << Regime::FOIA << u"s40(2)"_s << K::Absolute
                                << u"section 40(2) of the Freedom of Information Act 2000"_s
                                << QStringList{u"{questions}"_s, u"personal data"_s};
        QTest::newRow("s40(1) is a subject access request")
            << Regime::FOIA << u"s40(1)"_s << K::Absolute
            << u"section 40(1) of the Freedom of Information Act 2000"_s
            << QStringList{u"subject access request"_s};
        QTest::newRow("s12 states both limits and the rate")
            << Regime::FOIA << u"s12"_s << K::Procedural
            << u"section 12 of the Freedom of Information Act 2000"_s
            << QStringList{u"£450"_s, u"£600"_s, u"£25 an hour"_s};
        QTest::newRow("s14(1)") << Regime::FOIA << u"s14(1)"_s << K::Procedural
                                << u"section 14(1) of the Freedom of Information Act 2000"_s
                                << QStringList{u"vexatious"_s};
        QTest::newRow("s36 needs the qualified person")
            << Regime::FOIA << u"s36"_s << K::Qualified
            << u"section 36 of the Freedom of Information Act 2000"_s
            << QStringList{u"qualified person"_s};
        // Since 2010 communications with the Sovereign, the heir and the second in line are
        // absolutely exempt; the rest of section 37 stays qualified.
        QTest::newRow("s37(1)(a) is absolute")
            << Regime::FOIA << u"s37(1)(a)"_s << K::Absolute
            << u"section 37(1)(a) of the Freedom of Information Act 2000"_s
            << QStringList{u"Sovereign"_s, u"no public interest test"_s};
        QTest::newRow("s37(1)(aa) is absolute")
            << Regime::FOIA << u"s37(1)(aa)"_s << K::Absolute
            << u"section 37(1)(aa) of the Freedom of Information Act 2000"_s
            << QStringList{u"heir"_s, u"no public interest test"_s};
        QTest::newRow("s37(1)(ab) is absolute")
            << Regime::FOIA << u"s37(1)(ab)"_s << K::Absolute
            << u"section 37(1)(ab) of the Freedom of Information Act 2000"_s
            << QStringList{u"since acceded"_s};
        QTest::newRow("s37(1)(ac) is qualified")
            << Regime::FOIA << u"s37(1)(ac)"_s << K::Qualified
            << u"section 37(1)(ac) of the Freedom of Information Act 2000"_s
            << QStringList{u"other than the Sovereign"_s};
        QTest::newRow("s37(1)(ad) is qualified")
            << Regime::FOIA << u"s37(1)(ad)"_s << K::Qualified
            << u"section 37(1)(ad) of the Freedom of Information Act 2000"_s
            << QStringList{u"Royal Household"_s};
        QTest::newRow("s37(1)(b) honours are qualified")
            << Regime::FOIA << u"s37(1)(b)"_s << K::Qualified
            << u"section 37(1)(b) of the Freedom of Information Act 2000"_s
            << QStringList{u"honour or dignity"_s};
        QTest::newRow("s43(2)") << Regime::FOIA << u"s43(2)"_s << K::Qualified
                                << u"section 43(2) of the Freedom of Information Act 2000"_s
                                << QStringList{u"commercial interests"_s};
        QTest::newRow("s21") << Regime::FOIA << u"s21"_s << K::Absolute
                             << u"section 21 of the Freedom of Information Act 2000"_s
                             << QStringList{};
        QTest::newRow("reg12(5)(e)")
            << Regime::EIR << u"reg12(5)(e)"_s << K::Qualified
            << u"regulation 12(5)(e) of the Environmental Information Regulations 2004"_s
            << QStringList{u"commercial"_s};
        QTest::newRow("reg13") << Regime::EIR << u"reg13"_s << K::Absolute
                               << u"regulation 13 of the Environmental Information Regulations "
                                  u"2004"_s
                               << QStringList{u"personal data"_s};
        // Nothing is held, so nothing is weighed: cited, with no public interest reasons.
        QTest::newRow("reg12(4)(a) not held")
            << Regime::EIR << u"reg12(4)(a)"_s << K::NotHeld
            << u"regulation 12(4)(a) of the Environmental Information Regulations 2004"_s
            << QStringList{u"did not hold"_s};
        QTest::newRow("EIRS reg10(4)(a) not held")
            << Regime::EIRS << u"reg10(4)(a)"_s << K::NotHeld
            << u"regulation 10(4)(a) of the Environmental Information (Scotland) Regulations "
               u"2004"_s
            << QStringList{u"did not hold"_s};
        QTest::newRow("FOISA s17 notice")
            << Regime::FOISA << u"s17"_s << K::NotHeld
            << u"section 17 of the Freedom of Information (Scotland) Act 2002"_s
            << QStringList{u"does not hold"_s, u"notice"_s};
        QTest::newRow("FOISA s12 limit")
            << Regime::FOISA << u"s12"_s << K::Procedural
            << u"section 12 of the Freedom of Information (Scotland) Act 2002"_s
            << QStringList{u"£600"_s};
        QTest::newRow("FOISA s38(1)(b)")
            << Regime::FOISA << u"s38(1)(b)"_s << K::Absolute
            << u"section 38(1)(b) of the Freedom of Information (Scotland) Act 2002"_s
            << QStringList{u"personal data"_s};
        QTest::newRow("FOISA s36(2)")
            << Regime::FOISA << u"s36(2)"_s << K::Absolute
            << u"section 36(2) of the Freedom of Information (Scotland) Act 2002"_s
            << QStringList{u"confidence"_s};
        QTest::newRow("EIRS reg11(2)")
            << Regime::EIRS << u"reg11(2)"_s << K::Absolute
            << u"regulation 11(2) of the Environmental Information (Scotland) Regulations 2004"_s
            << QStringList{u"personal data"_s};
        QTest::newRow("EIRS reg10(5)(e)")
            << Regime::EIRS << u"reg10(5)(e)"_s << K::Qualified
            << u"regulation 10(5)(e) of the Environmental Information (Scotland) Regulations "
               u"2004"_s
            << QStringList{u"substantially"_s};
    }

    void shippedFacts()
    {
        QFETCH(Regime, regime);
        QFETCH(QString, code);
        QFETCH(Exemption::Kind, kind);
        QFETCH(QString, citation);
        QFETCH(QStringList, reasoningMentions);
        const ExemptionCatalogue catalogue = shipped();
        const Exemption *entry = catalogue.find(regime, code);
        QVERIFY(entry);
        QCOMPARE(entry->kind, kind);
        QCOMPARE(entry->citation, citation);
        for (const QString &words : reasoningMentions)
            QVERIFY2(entry->reasoning.contains(words), qPrintable(entry->reasoning));
    }

    void codesBelongToTheirOwnLaw()
    {
        const ExemptionCatalogue catalogue = shipped();
        QVERIFY(catalogue.find(Regime::EIR, u"s40(2)"_s) == nullptr);
        QVERIFY(catalogue.find(Regime::FOIA, u"reg13"_s) == nullptr);
        // The same section number means different things in the two Acts.
        QCOMPARE(catalogue.find(Regime::FOIA, u"s40(2)"_s)->regime, Regime::FOIA);
        QVERIFY(catalogue.find(Regime::FOISA, u"s40"_s)->title.contains(u"Audit"_s));
        QVERIFY(catalogue.find(Regime::FOIA, u"s12"_s) != catalogue.find(Regime::FOISA, u"s12"_s));
    }

    void canonicalCode_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused

        auto row = [](const char *typed, Regime regime, const char *expected) {
            QTest::addRow("%s %s", qPrintable(regimeCode(regime)), typed)
                << regime << QString::fromUtf8(typed) << QString::fromUtf8(expected);
        };
        for (const char *typed : {"s40(2)",
                                  "S40(2)",
                                  "s.40(2)",
                                  "s 40(2)",
                                  "s 40 (2)",
                                  "section 40(2)",
                                  "Section 40 (2)",
                                  "sec. 40(2)",
                                  "40(2)",
                                  "  s40(2)  ",
                                  "FOIA s40(2)",
                                  "s40(2)."}) {
            row(typed, Regime::FOIA, "s40(2)");
        }
        row("s22a", Regime::FOIA, "s22A");
        row("s31(1)(A)", Regime::FOIA, "s31(1)(a)");
        row("section 43(2)", Regime::FOIA, "s43(2)");
        row("section 37(1)(aa)", Regime::FOIA, "s37(1)(aa)");
        row("s37(1)(AB)", Regime::FOIA, "s37(1)(ab)");
        row("s.37(1)(a)", Regime::FOIA, "s37(1)(a)");
        row("s12", Regime::FOIA, "s12");
        row("section 14 (1)", Regime::FOIA, "s14(1)");
        for (const char *typed : {"reg13", "reg 13", "reg. 13", "regulation 13", "13", "r13"})
            row(typed, Regime::EIR, "reg13");
        row("Regulation 12(5)(e)", Regime::EIR, "reg12(5)(e)");
        row("r12(4)(a)", Regime::EIR, "reg12(4)(a)");
        row("EIR 12(4)(b)", Regime::EIR, "reg12(4)(b)");
        row("reg 12 (5) (e)", Regime::EIR, "reg12(5)(e)");
        row("s38(1)(b)", Regime::FOISA, "s38(1)(b)");
        row("section 38(1)(b)", Regime::FOISA, "s38(1)(b)");
        row("FOISA s12", Regime::FOISA, "s12");
        row("reg 11(2)", Regime::EIRS, "reg11(2)");
        row("EIR 10(5)(e)", Regime::EIRS, "reg10(5)(e)");
        row("EIRS 10(4)(a)", Regime::EIRS, "reg10(4)(a)");

        // Refused: the code of another law, unknown codes, and things that are not codes.
        row("s40(2)", Regime::EIR, "");
        row("reg13", Regime::FOIA, "");
        row("s40(2)", Regime::FOISA, "");
        row("regulation 13", Regime::EIRS, "");
        row("EIR 12(4)(b)", Regime::FOIA, "");
        row("FOIA s40(2)", Regime::FOISA, "");
        row("s99", Regime::FOIA, "");
        row("s43", Regime::FOIA, "");
        row("s40(3)", Regime::FOIA, "");
        row("personal data", Regime::FOIA, "");
        row("", Regime::FOIA, "");
        row("s", Regime::FOIA, "");
        row("s40(2)x", Regime::FOIA, "");
        row("section forty", Regime::FOIA, "");
    }

    void canonicalCode()
    {
        QFETCH(Regime, regime);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const std::optional<QString> code = shipped().canonicalCode(regime, typed);
        if (expected.isEmpty()) {
            QVERIFY2(!code, qPrintable(code.value_or(QString())));
        } else {
            QVERIFY(code);
            QCOMPARE(*code, expected);
        }
    }

    void unknownCodeMessage_data()
    {
        QTest::addColumn<Regime>("regime");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("mentions");

        QTest::newRow("FOIA personal data under the EIR")
            << Regime::EIR << u"s40(2)"_s
            << QStringList{u"\"s40(2)\""_s,
                           u"Environmental Information Regulations 2004"_s,
                           u"did you mean reg13?"_s,
                           u"Personal data"_s};
        QTest::newRow("EIR personal data under FOIA")
            << Regime::FOIA << u"regulation 13"_s
            << QStringList{u"Freedom of Information Act 2000"_s, u"did you mean s40(2)?"_s};
        QTest::newRow("FOIA commercial interests under FOISA")
            << Regime::FOISA << u"section 43(2)"_s
            << QStringList{u"Freedom of Information (Scotland) Act 2002"_s,
                           u"did you mean s33(1)(b)?"_s};
        QTest::newRow("EIR exception under the Scottish regulations")
            << Regime::EIRS << u"reg13"_s << QStringList{u"did you mean reg11(2)?"_s};
        QTest::newRow("section without its subsection")
            << Regime::FOIA << u"s43"_s << QStringList{u"s43(1)"_s, u"s43(2)"_s};
        QTest::newRow("paragraphs of this Act before another Act's section")
            << Regime::FOIA << u"s31"_s << QStringList{u"s31(1)(a)"_s, u"s31(1)(g)"_s};
        QTest::newRow("a section this law has no counterpart for")
            << Regime::EIR << u"s28"_s
            << QStringList{u"Freedom of Information Act 2000"_s, u"no counterpart"_s};
        QTest::newRow("near miss")
            << Regime::FOIA << u"s40(3)"_s << QStringList{u"s40(1)"_s, u"s40(2)"_s};
        QTest::newRow("nothing close")
            << Regime::FOIA << u"paragraph 7"_s
            << QStringList{u"\"paragraph 7\""_s, u"s40(2)"_s, u"Settings"_s};
        QTest::newRow("nothing typed")
            << Regime::EIR << u"  "_s << QStringList{u"No exemption code"_s, u"reg13"_s};
    }

    void unknownCodeMessage()
    {
        QFETCH(Regime, regime);
        QFETCH(QString, typed);
        QFETCH(QStringList, mentions);
        const QString message = shipped().unknownCodeMessage(regime, typed);
        for (const QString &words : mentions)
            QVERIFY2(message.contains(words, Qt::CaseInsensitive), qPrintable(message));
    }

    void shortLabel_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("label");
        QTest::newRow("section") << u"s40(2)"_s << u"s40(2)"_s;
        QTest::newRow("section with paragraph") << u"s31(1)(a)"_s << u"s31(1)(a)"_s;
        QTest::newRow("regulation") << u"reg13"_s << u"reg 13"_s;
        QTest::newRow("regulation with paragraph") << u"reg12(5)(e)"_s << u"reg 12(5)(e)"_s;
    }

    void shortLabel()
    {
        QFETCH(QString, code);
        QFETCH(QString, label);
        QCOMPARE(ExemptionCatalogue::shortLabel(code), label);
    }

    void kindCodesRoundTrip()
    {
        for (const Exemption::Kind kind : allExemptionKinds()) {
            QCOMPARE(exemptionKindFromCode(exemptionKindCode(kind)), kind);
            QVERIFY(!exemptionKindDisplayName(kind).isEmpty());
        }
        QVERIFY(!exemptionKindFromCode(u"Absolute").has_value());
    }

    void parseAcceptsAValidFile()
    {
        QJsonObject second = validEntry();
        second.insert(u"regime"_s, u"FOISA"_s);
        second.insert(u"code"_s, u"s38(1)(b)"_s);
        second.insert(u"kind"_s, u"qualified"_s);
        second.insert(u"public_interest"_s, u"Weighed for {organisation}."_s);
        const Result<ExemptionCatalogue> parsed =
            ExemptionCatalogue::parse(catalogueJson({validEntry(), second}));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed->all().size(), 2);
        const Exemption *entry = parsed->find(Regime::FOISA, u"s38(1)(b)"_s);
        QVERIFY(entry);
        QCOMPARE(entry->kind, Exemption::Kind::Qualified);
        QCOMPARE(entry->publicInterest, u"Weighed for {organisation}."_s);
        QVERIFY(!entry->local);
    }

    void parseRefuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("detail");

        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QString()
                                  << u"not valid JSON"_s;
        QTest::newRow("wrong format tag")
            << QByteArray(R"({"format": "foidesk.exemptions/2", "exemptions": []})") << u"format"_s
            << u"foidesk.exemptions/2"_s;
        QTest::newRow("no list") << QByteArray(R"({"format": "foidesk.exemptions/1"})")
                                 << u"exemptions"_s << u"expected an array"_s;
        QTest::newRow("unknown top-level key")
            << QByteArray(R"({"format": "foidesk.exemptions/1", "exemptions": [], "extra": 1})")
            << u"extra"_s << u"unknown field"_s;
        QTest::newRow("unknown entry key") << withEntryField(u"section"_s, u"40"_s)
                                           << u"exemptions[0].section"_s << u"unknown field"_s;
        QTest::newRow("entry not an object")
            << catalogueJson({u"s40(2)"_s}) << u"exemptions[0]"_s << u"expected an object"_s;
        QTest::newRow("code of the wrong type")
            << withEntryField(u"code"_s, 40) << u"exemptions[0].code"_s << u"expected a string"_s;
        QTest::newRow("code missing") << withEntryField(u"code"_s, QJsonValue::Undefined)
                                      << u"exemptions[0].code"_s << u"missing"_s;
        QTest::newRow("code not written as a code")
            << withEntryField(u"code"_s, u"section 40(2)"_s) << u"exemptions[0].code"_s
            << u"not written as a code"_s;
        QTest::newRow("unknown regime")
            << withEntryField(u"regime"_s, u"DPA"_s) << u"exemptions[0].regime"_s << u"\"DPA\""_s;
        QTest::newRow("unknown kind") << withEntryField(u"kind"_s, u"partial"_s)
                                      << u"exemptions[0].kind"_s << u"\"partial\""_s;
        QTest::newRow("empty title")
            << withEntryField(u"title"_s, u" "_s) << u"exemptions[0].title"_s << u"empty"_s;
        QTest::newRow("empty citation")
            << withEntryField(u"citation"_s, u""_s) << u"exemptions[0].citation"_s << u"empty"_s;
        QTest::newRow("unknown placeholder")
            << withEntryField(u"reasoning"_s, u"Because {reason}."_s)
            << u"exemptions[0].reasoning"_s << u"{reason}"_s;
        QTest::newRow("public interest of the wrong type")
            << withEntryField(u"public_interest"_s, true) << u"exemptions[0].public_interest"_s
            << u"expected a string"_s;
        QTest::newRow("duplicate code in one regime")
            << catalogueJson({validEntry(), validEntry()}) << u"exemptions[1].code"_s << u"twice"_s;
    }

    // Built-in data that cannot be read or parsed is a broken build, not a user's mistake: it
    // is reported as such, with what is broken and what to do.
    void brokenBuiltInDataAsksForAReinstall()
    {
        const Result<QByteArray> missing =
            readBuiltInData(u":/data/no-such-file.json"_s, u"the exemption catalogue"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.errorKind(), ErrorKind::Internal);
        QCOMPARE(missing.errorMessage(),
                 u"The exemption catalogue is missing from this build of FOI Desk. Reinstall "
                 "FOI Desk."_s);

        // A real resource that is not a catalogue.
        const Result<ExemptionCatalogue> damaged =
            parseBuiltInData(u":/templates/default-profile.json"_s,
                             u"the exemption catalogue"_s,
                             &ExemptionCatalogue::parse);
        QVERIFY(!damaged);
        QCOMPARE(damaged.errorKind(), ErrorKind::Internal);
        QVERIFY2(damaged.errorMessage().startsWith(
                     u"The exemption catalogue in this build of FOI Desk is damaged ("_s),
                 qPrintable(damaged.errorMessage()));
        QVERIFY(damaged.errorMessage().endsWith(u"). Reinstall FOI Desk."_s));

        QVERIFY(ExemptionCatalogue::shipped());
    }

    void parseRefuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, detail);
        const Result<ExemptionCatalogue> parsed = ExemptionCatalogue::parse(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.errorKind(), ErrorKind::BadInput);
        if (!field.isEmpty()) {
            QVERIFY2(parsed.errorMessage().startsWith(field + u": "_s),
                     qPrintable(parsed.errorMessage()));
        }
        QVERIFY2(parsed.errorMessage().contains(detail), qPrintable(parsed.errorMessage()));
    }

    void sameCodeInTwoRegimesIsAllowed()
    {
        QJsonObject scottish = validEntry();
        scottish.insert(u"regime"_s, u"FOISA"_s);
        const Result<ExemptionCatalogue> parsed =
            ExemptionCatalogue::parse(catalogueJson({validEntry(), scottish}));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    }

    void overridesReplaceOnlyTheWordingGiven()
    {
        const ExemptionCatalogue base = shipped();
        QMap<QString, ExemptionReasoning> overrides;
        overrides.insert(u"s12"_s, {u"Our own cost wording."_s, QString()});
        overrides.insert(u"s43(2)"_s, {QString(), u"Our own balance."_s});
        const ExemptionCatalogue custom = base.withCustomisations(overrides, {});

        // s12 exists under FOIA and FOISA: the override applies wherever the code exists.
        QCOMPARE(custom.find(Regime::FOIA, u"s12"_s)->reasoning, u"Our own cost wording."_s);
        QCOMPARE(custom.find(Regime::FOISA, u"s12"_s)->reasoning, u"Our own cost wording."_s);
        const Exemption *commercial = custom.find(Regime::FOIA, u"s43(2)"_s);
        QCOMPARE(commercial->publicInterest, u"Our own balance."_s);
        QCOMPARE(commercial->reasoning, base.find(Regime::FOIA, u"s43(2)"_s)->reasoning);
        // The shipped catalogue is a value and is not changed.
        QVERIFY(base.find(Regime::FOIA, u"s12"_s)->reasoning != u"Our own cost wording."_s);
        QCOMPARE(custom.all().size(), base.all().size());
    }

    void localEntriesAreAppendedOrReplace()
    {
        const ExemptionCatalogue base = shipped();
        Exemption added;
        added.code = u"s44(1)(a)"_s;
        added.regime = Regime::FOIA;
        added.title = u"Prohibited by the Children Act 1989"_s;
        added.citation = u"section 44(1)(a) of the Freedom of Information Act 2000"_s;
        added.kind = Exemption::Kind::Absolute;
        added.reasoning = u"Another law forbids it."_s;
        Exemption replacement = *base.find(Regime::EIR, u"reg13"_s);
        replacement.reasoning = u"Our wording of reg 13."_s;

        const ExemptionCatalogue custom = base.withCustomisations({}, {added, replacement});
        QCOMPARE(custom.all().size(), base.all().size() + 1);
        QCOMPARE(custom.all().constLast().code, u"s44(1)(a)"_s);
        QVERIFY(custom.all().constLast().local);
        const Exemption *reg13 = custom.find(Regime::EIR, u"reg13"_s);
        QCOMPARE(reg13->reasoning, u"Our wording of reg 13."_s);
        QVERIFY(reg13->local);
        // A local code is then accepted as typed, like a shipped one.
        QCOMPARE(custom.canonicalCode(Regime::FOIA, u"section 44(1)(a)"_s), u"s44(1)(a)"_s);
        QVERIFY(!base.canonicalCode(Regime::FOIA, u"section 44(1)(a)"_s));
        // Same code under another law: appended, not replaced.
        Exemption scottish = added;
        scottish.regime = Regime::FOISA;
        const ExemptionCatalogue both = base.withCustomisations({}, {added, scottish});
        QCOMPARE(both.all().size(), base.all().size() + 2);
    }

    void shippedIsSafeFromSeveralThreads()
    {
        std::atomic<int> loaded{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back(QThread::create([&loaded] {
                const Result<ExemptionCatalogue> catalogue = ExemptionCatalogue::shipped();
                if (catalogue && catalogue->find(Regime::FOIA, u"s40(2)"_s))
                    ++loaded;
            }));
            threads.back()->start();
        }
        for (const auto &thread : threads)
            QVERIFY(thread->wait());
        QCOMPARE(loaded.load(), 4);
    }

    void shippedFileIsOurOwnFormat()
    {
        QFile file(u":/data/exemptions.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"foidesk.exemptions/1"_s);
    }
};

QTEST_GUILESS_MAIN(TestExemptionCatalogue)
#include "tst_exemptioncatalogue.moc"
