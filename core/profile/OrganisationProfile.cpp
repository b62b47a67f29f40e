#include "profile/OrganisationProfile.h"

#include "wording/LetterTemplate.h"
#include "model/RequestEnums.h"
#include "util/BuiltInData.h"
#include "util/LiveLogFiles.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <optional>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {


struct TemplateInfo
{
    const char *key;
    const char *description;
};

constexpr TemplateInfo templateTable[] = {
    {"salutation",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Greeting when the requester's name is known")},
    {"salutation_no_name",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Greeting when no name is known")},
    {"opening",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Thanks for the request, with the date received")},
    {"our_ref", QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Reference line under the date")},
    {"regime.FOIA",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Law sentence: Freedom of Information Act")},
    {"regime.EIR",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Law sentence: Environmental Information Regulations")},
    {"regime.FOISA",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Law sentence: Freedom of Information (Scotland) Act")},
    {"regime.EIRS",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Law sentence: Environmental Information (Scotland) Regulations")},
    {"held.all",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Statement: all the information is held")},
    {"held.some",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Statement: some of the information is held")},
    {"held.none",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Statement: the information is not held")},
    {"held.ncnd",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Statement: neither confirm nor deny that it is held")},
    {"some_withheld",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Lead-in when part of the information is withheld")},
    {"heading.response", QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: response")},
    {"heading.further_information",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: further information")},
    {"heading.reuse",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: re-use and direct marketing")},
    {"heading.your_rights",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: your rights")},
    {"further_information",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Where published data can be found (left out without a link)")},
    {"reuse",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Advice on re-use and direct marketing")},
    {"your_rights.uk",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Review and complaint rights: England, Wales and Northern Ireland")},
    {"your_rights.scotland",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Review and appeal rights: Scotland")},
    {"closing",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Closing paragraph before the signature")},
    {"refusal.heading",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading of one refusal notice")},
    {"refusal.applies",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: which exemption is applied, and to which questions")},
    {"refusal.absolute",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: the exemption is absolute (no public interest test)")},
    {"refusal.public_interest",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: lead-in to the public interest reasons of a qualified "
                       "exemption")},
    {"refusal.procedural",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal of the whole request (invalid, cost limit, vexatious, repeated)")},
    {"answer.withheld",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Answer that is withheld in full")},
    {"answer.not_held",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Answer when the information is not held")},
    {"answer.ncnd",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Answer that neither confirms nor denies the information is held")},
    {"withheld.label",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Label after the bar that replaces a withheld passage")},
};

Error badInput(const QString &field, const QString &what)
{
    return Error(ErrorKind::BadInput, field + QStringLiteral(": ") + what);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return OrganisationProfile::tr("a string");
    case QJsonValue::Array:
        return OrganisationProfile::tr("an array");
    case QJsonValue::Object:
        return OrganisationProfile::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return OrganisationProfile::tr("nothing");
}

// Reads the members of one JSON object, refusing keys nobody asked for.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {}

    QString field(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    // Sets *target when key is present; an error when it is not a string.
    std::optional<Error> string(const QString &key, QString *target)
    {
        m_seen.append(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isString())
            return badInput(field(key), OrganisationProfile::tr("expected a string, found %1").arg(typeName(value)));
        *target = value.toString();
        return std::nullopt;
    }

    std::optional<Error> object(const QString &key, std::optional<QJsonObject> *target)
    {
        m_seen.append(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isObject())
            return badInput(field(key), OrganisationProfile::tr("expected an object, found %1").arg(typeName(value)));
        *target = value.toObject();
        return std::nullopt;
    }

    std::optional<Error> array(const QString &key, std::optional<QJsonArray> *target)
    {
        m_seen.append(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isArray())
            return badInput(field(key), OrganisationProfile::tr("expected an array, found %1").arg(typeName(value)));
        *target = value.toArray();
        return std::nullopt;
    }

    std::optional<Error> unknownKeys() const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (it.key().startsWith(QStringLiteral("x-")) || m_seen.contains(it.key()))
                continue;
            return badInput(field(it.key()),
                            OrganisationProfile::tr("unknown field; the fields here are %1 (names starting \"x-\" are "
                               "ignored)")
                                .arg(m_seen.join(QStringLiteral(", "))));
        }
        return std::nullopt;
    }

private:
    QJsonObject m_object;
    QString m_path;
    QStringList m_seen;
};

std::optional<Error>
readRegulator(const QJsonObject &object, const QString &path, RegulatorContact *regulator)
{
    ObjectReader reader(object, path);
    for (const auto &[key, target] : {std::pair{u"name"_s, &regulator->name},
                                      std::pair{u"address"_s, &regulator->address},
                                      std::pair{u"phone"_s, &regulator->phone},
                                      std::pair{u"website"_s, &regulator->website},
                                      std::pair{u"email"_s, &regulator->email}}) {
        if (auto error = reader.string(key, target))
            return error;
    }
    return reader.unknownKeys();
}

QJsonObject regulatorJson(const RegulatorContact &regulator)
{
    QJsonObject object;
    object.insert(u"name"_s, regulator.name);
    object.insert(u"address"_s, regulator.address);
    object.insert(u"phone"_s, regulator.phone);
    object.insert(u"website"_s, regulator.website);
    object.insert(u"email"_s, regulator.email);
    return object;
}

bool looksLikePng(const QByteArray &data)
{
    return data.startsWith("\x89PNG\r\n\x1a\n");
}

bool looksLikeSvg(const QByteArray &data)
{
    return data.left(4096).contains("<svg");
}

std::optional<Error> readTemplates(const QJsonObject &object, QMap<QString, QString> *templates)
{
    const QStringList keys = OrganisationProfile::templateKeys();
    const QString known = keys.join(QStringLiteral(", "));
    auto store = [&](const QString &key, const QJsonValue &value) -> std::optional<Error> {
        const QString field = QStringLiteral("templates.") + key;
        if (!keys.contains(key))
            return badInput(field, OrganisationProfile::tr("unknown template; the templates are %1").arg(known));
        if (!value.isString())
            return badInput(field, OrganisationProfile::tr("expected a string, found %1").arg(typeName(value)));
        templates->insert(key, value.toString());
        return std::nullopt;
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().startsWith(QStringLiteral("x-")))
            continue;
        if (it.value().isObject()) {
            const QJsonObject group = it.value().toObject();
            for (auto sub = group.begin(); sub != group.end(); ++sub) {
                if (sub.key().startsWith(QStringLiteral("x-")))
                    continue;
                if (auto error = store(it.key() + u'.' + sub.key(), sub.value()))
                    return error;
            }
        } else if (auto error = store(it.key(), it.value())) {
            return error;
        }
    }
    return std::nullopt;
}

// "exemptions": {"overrides": {code: {"reasoning", "public_interest"}}, "local": [entry...]}
std::optional<Error> readExemptions(const QJsonObject &object, OrganisationProfile *profile)
{
    ObjectReader reader(object, u"exemptions"_s);
    std::optional<QJsonObject> overrides;
    if (auto error = reader.object(u"overrides"_s, &overrides))
        return error;
    if (overrides) {
        profile->exemptionOverrides.clear();
        for (auto it = overrides->begin(); it != overrides->end(); ++it) {
            if (it.key().startsWith(u"x-"_s))
                continue;
            const QString path = u"exemptions.overrides."_s + it.key();
            if (!it.value().isObject()) {
                return badInput(path,
                                OrganisationProfile::tr("expected an object with \"reasoning\" and "
                                   "\"public_interest\", found %1")
                                    .arg(typeName(it.value())));
            }
            ObjectReader one(it.value().toObject(), path);
            ExemptionReasoning wording;
            if (auto error = one.string(u"reasoning"_s, &wording.reasoning))
                return error;
            if (auto error = one.string(u"public_interest"_s, &wording.publicInterest))
                return error;
            if (auto error = one.unknownKeys())
                return error;
            profile->exemptionOverrides.insert(it.key(), wording);
        }
    }

    std::optional<QJsonArray> local;
    if (auto error = reader.array(u"local"_s, &local))
        return error;
    if (local) {
        profile->localExemptions.clear();
        for (qsizetype i = 0; i < local->size(); ++i) {
            const QString path = u"exemptions.local[%1]"_s.arg(i);
            const QJsonValue value = local->at(i);
            if (!value.isObject())
                return badInput(path, OrganisationProfile::tr("expected an object, found %1").arg(typeName(value)));
            ObjectReader one(value.toObject(), path);
            Exemption entry;
            entry.local = true;
            QString regime;
            QString kind;
            for (const auto &[key, target] :
                 {std::pair{u"code"_s, &entry.code},
                  std::pair{u"regime"_s, &regime},
                  std::pair{u"title"_s, &entry.title},
                  std::pair{u"citation"_s, &entry.citation},
                  std::pair{u"kind"_s, &kind},
                  std::pair{u"reasoning"_s, &entry.reasoning},
                  std::pair{u"public_interest"_s, &entry.publicInterest}}) {
                if (auto error = one.string(key, target))
                    return error;
            }
            if (auto error = one.unknownKeys())
                return error;
            const std::optional<Regime> parsedRegime = regimeFromCode(regime);
            if (!parsedRegime) {
                return badInput(path + u".regime"_s,
                                OrganisationProfile::tr("expected %1, found \"%2\"").arg(validRegimeCodes(), regime));
            }
            entry.regime = *parsedRegime;
            const std::optional<Exemption::Kind> parsedKind = exemptionKindFromCode(kind);
            if (!parsedKind) {
                return badInput(path + u".kind"_s,
                                OrganisationProfile::tr("expected \"absolute\", \"qualified\" or \"procedural\", "
                                   "found \"%1\"")
                                    .arg(kind));
            }
            entry.kind = *parsedKind;
            profile->localExemptions.append(entry);
        }
    }
    return reader.unknownKeys();
}

// "redaction_policy": {"grades": [...], "withhold_from_grade": "..."}
std::optional<Error> readRedactionPolicy(const QJsonObject &object, OrganisationProfile *profile)
{
    ObjectReader reader(object, u"redaction_policy"_s);
    std::optional<QJsonArray> grades;
    if (auto error = reader.array(u"grades"_s, &grades))
        return error;
    if (grades) {
        profile->grades.clear();
        for (qsizetype i = 0; i < grades->size(); ++i) {
            const QJsonValue value = grades->at(i);
            if (!value.isString()) {
                return badInput(u"redaction_policy.grades[%1]"_s.arg(i),
                                OrganisationProfile::tr("expected a string, found %1").arg(typeName(value)));
            }
            profile->grades.append(value.toString());
        }
    }
    if (auto error = reader.string(u"withhold_from_grade"_s, &profile->withholdFromGrade))
        return error;
    return reader.unknownKeys();
}

// A profile's exemption codes are checked against the shipped catalogue and its own local
// entries, so that an override cannot silently apply to nothing.
Result<void> validateExemptions(const OrganisationProfile &profile)
{
    for (qsizetype i = 0; i < profile.localExemptions.size(); ++i) {
        const Exemption &entry = profile.localExemptions.at(i);
        const QString path = u"exemptions.local[%1]"_s.arg(i);
        static const QRegularExpression codeForm(
            u"^(?:s|reg)[0-9]+[A-Z]?(?:\\([0-9]+[A-Za-z]?\\)|\\([a-z]{1,4}\\))*$"_s);
        if (entry.code.trimmed().isEmpty())
            return badInput(path + u".code"_s, OrganisationProfile::tr("the code is empty; write it like s44(1)(a)"));
        if (!codeForm.match(entry.code).hasMatch()) {
            return badInput(path + u".code"_s,
                            OrganisationProfile::tr("\"%1\" is not written as a code; write it like s40(2), "
                               "s31(1)(a), reg12(5)(e) or reg13, without spaces")
                                .arg(entry.code));
        }
        if (entry.title.trimmed().isEmpty())
            return badInput(path + u".title"_s, OrganisationProfile::tr("the exemption needs a title"));
        if (entry.citation.trimmed().isEmpty()) {
            return badInput(path + u".citation"_s,
                            OrganisationProfile::tr("the exemption needs a citation, the way a letter names it"));
        }
        for (qsizetype j = 0; j < i; ++j) {
            const Exemption &earlier = profile.localExemptions.at(j);
            if (earlier.regime == entry.regime && earlier.code == entry.code) {
                return badInput(path + u".code"_s,
                                OrganisationProfile::tr("%1 is already a local exemption for %2 (entry %3); keep one")
                                    .arg(entry.code, regimeCode(entry.regime))
                                    .arg(j));
            }
        }
        for (const auto &[key, text] : {std::pair{u"reasoning"_s, &entry.reasoning},
                                        std::pair{u"public_interest"_s, &entry.publicInterest}}) {
            QString problem;
            if (!LetterTemplate::placeholders(*text, &problem))
                return badInput(path + u'.' + key, problem);
        }
    }

    if (!profile.exemptionOverrides.isEmpty()) {
        const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
        if (!shipped)
            return shipped.error();
        const ExemptionCatalogue catalogue =
            shipped->withCustomisations({}, profile.localExemptions);
        for (auto it = profile.exemptionOverrides.begin(); it != profile.exemptionOverrides.end();
             ++it) {
            const QString path = u"exemptions.overrides."_s + it.key();
            bool exists = false;
            QString hint;
            for (const Regime regime : allRegimes()) {
                if (catalogue.find(regime, it.key())) {
                    exists = true;
                    break;
                }
                if (hint.isEmpty()) {
                    if (const auto code = catalogue.canonicalCode(regime, it.key()))
                        hint = *code;
                }
            }
            if (!exists) {
                return badInput(path,
                                hint.isEmpty()
                                    ? OrganisationProfile::tr("no exemption has the code \"%1\" under any law; use a "
                                         "code from the catalogue, such as s40(2) or reg13")
                                          .arg(it.key())
                                    : OrganisationProfile::tr("no exemption has the code \"%1\" under any law; did "
                                         "you mean %2?")
                                          .arg(it.key(), hint));
            }
            for (const auto &[key, text] : {std::pair{u"reasoning"_s, &it->reasoning},
                                            std::pair{u"public_interest"_s, &it->publicInterest}}) {
                QString problem;
                if (!LetterTemplate::placeholders(*text, &problem))
                    return badInput(path + u'.' + key, problem);
            }
        }
    }
    return {};
}

Result<void> validateRedactionPolicy(const OrganisationProfile &profile)
{
    for (qsizetype i = 0; i < profile.grades.size(); ++i) {
        const QString grade = profile.grades.at(i).trimmed();
        const QString path = u"redaction_policy.grades[%1]"_s.arg(i);
        if (grade.isEmpty())
            return badInput(path, OrganisationProfile::tr("a grade is empty; remove it or give it a name"));
        for (qsizetype j = 0; j < i; ++j) {
            if (profile.grades.at(j).trimmed().compare(grade, Qt::CaseInsensitive) == 0) {
                return badInput(path,
                                OrganisationProfile::tr("\"%1\" is listed twice; each grade appears once, from most "
                                   "to least senior")
                                    .arg(grade));
            }
        }
    }
    const QString threshold = profile.withholdFromGrade.trimmed();
    if (threshold.isEmpty())
        return {};
    for (const QString &grade : profile.grades) {
        if (grade.trimmed().compare(threshold, Qt::CaseInsensitive) == 0)
            return {};
    }
    return badInput(u"redaction_policy.withhold_from_grade"_s,
                    profile.grades.isEmpty()
                        ? OrganisationProfile::tr("\"%1\" is set but no grades are listed; list the grades from most "
                             "to least senior, or leave withhold_from_grade empty")
                              .arg(threshold)
                        : OrganisationProfile::tr("\"%1\" is not one of the grades (%2); name one of them, or leave it "
                             "empty to suggest every name not marked senior")
                              .arg(threshold, profile.grades.join(u", "_s)));
}

} // namespace

QStringList OrganisationProfile::templateKeys()
{
    QStringList keys;
    for (const auto &info : templateTable)
        keys.append(QLatin1String(info.key));
    return keys;
}

QString OrganisationProfile::templateDescription(const QString &key)
{
    for (const auto &info : templateTable) {
        if (key == QLatin1String(info.key))
            return OrganisationProfile::tr(info.description);
    }
    return {};
}

const RegulatorContact &OrganisationProfile::regulatorFor(Regime regime) const
{
    return (regime == Regime::FOISA || regime == Regime::EIRS) ? regulatorScotland : regulatorUk;
}

QString OrganisationProfile::effectiveReviewEmail() const
{
    return reviewEmail.trimmed().isEmpty() ? email : reviewEmail;
}

QString OrganisationProfile::effectiveReviewAddress() const
{
    return reviewAddress.trimmed().isEmpty() ? address : reviewAddress;
}

QString OrganisationProfile::formatDate(const QDate &date) const
{
    if (!date.isValid())
        return {};
    // Letters go out in English whatever the desktop's language, so the month names are fixed.
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, dateFormat);
}

Result<OrganisationProfile> OrganisationProfile::defaults()
{
    return parseBuiltInData(QStringLiteral(":/templates/default-profile.json"),
                            OrganisationProfile::tr("the default letter wording"),
                            &parse);
}

Result<OrganisationProfile> OrganisationProfile::parse(const QByteArray &json)
{
    // The defaults fill what a profile leaves out; they are parsed without a base of their own.
    static const QString defaultsPath = QStringLiteral(":/templates/default-profile.json");
    OrganisationProfile profile;
    profile.dateFormat = QStringLiteral("d MMMM yyyy");

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(ErrorKind::BadInput,
                     OrganisationProfile::tr("not valid JSON at byte %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return badInput(QStringLiteral("(top level)"), OrganisationProfile::tr("expected a JSON object"));
    const QJsonObject root = document.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isString() || format.toString() != QLatin1String(FormatTag)) {
        return badInput(
            QStringLiteral("format"),
            OrganisationProfile::tr("expected \"%1\", found %2")
                .arg(QLatin1String(FormatTag),
                     format.isString() ? u'"' + format.toString() + u'"' : typeName(format)));
    }

    // Start from the shipped defaults so that a short profile is still a whole letter.
    QFile defaultsFile(defaultsPath);
    if (defaultsFile.open(QIODevice::ReadOnly)) {
        const QByteArray defaultJson = defaultsFile.readAll();
        if (defaultJson != json) {
            Result<OrganisationProfile> base = parse(defaultJson);
            if (base)
                profile = std::move(base).value();
        }
    }

    ObjectReader reader(root, {});
    QString ignoredFormat;
    if (auto error = reader.string(QStringLiteral("format"), &ignoredFormat))
        return *error;
    for (const auto &[key, target] :
         {std::pair{u"name"_s, &profile.name},
          std::pair{u"address"_s, &profile.address},
          std::pair{u"email"_s, &profile.email},
          std::pair{u"phone"_s, &profile.phone},
          std::pair{u"published_data_link"_s, &profile.publishedDataLink},
          std::pair{u"date_format"_s, &profile.dateFormat},
          std::pair{u"signature"_s, &profile.signature}}) {
        if (auto error = reader.string(key, target))
            return *error;
    }

    std::optional<QJsonObject> review;
    if (auto error = reader.object(QStringLiteral("review"), &review))
        return *error;
    if (review) {
        ObjectReader reviewReader(*review, QStringLiteral("review"));
        if (auto error = reviewReader.string(QStringLiteral("email"), &profile.reviewEmail))
            return *error;
        if (auto error = reviewReader.string(QStringLiteral("address"), &profile.reviewAddress))
            return *error;
        if (auto error = reviewReader.unknownKeys())
            return *error;
    }

    std::optional<QJsonObject> regulators;
    if (auto error = reader.object(QStringLiteral("regulators"), &regulators))
        return *error;
    if (regulators) {
        ObjectReader regulatorsReader(*regulators, QStringLiteral("regulators"));
        for (const auto &[key, target] : {std::pair{u"uk"_s, &profile.regulatorUk},
                                          std::pair{u"scotland"_s, &profile.regulatorScotland}}) {
            std::optional<QJsonObject> one;
            if (auto error = regulatorsReader.object(key, &one))
                return *error;
            if (one) {
                if (auto error = readRegulator(*one, QStringLiteral("regulators.") + key, target))
                    return *error;
            }
        }
        if (auto error = regulatorsReader.unknownKeys())
            return *error;
    }

    std::optional<QJsonObject> logo;
    if (auto error = reader.object(QStringLiteral("logo"), &logo))
        return *error;
    if (logo) {
        ObjectReader logoReader(*logo, QStringLiteral("logo"));
        QString data;
        profile.logoFile.clear();
        profile.logoData.clear();
        profile.logoType.clear();
        if (auto error = logoReader.string(QStringLiteral("file"), &profile.logoFile))
            return *error;
        if (auto error = logoReader.string(QStringLiteral("type"), &profile.logoType))
            return *error;
        if (auto error = logoReader.string(QStringLiteral("data"), &data))
            return *error;
        if (auto error = logoReader.unknownKeys())
            return *error;
        if (!data.isEmpty()) {
            auto decoded = QByteArray::fromBase64Encoding(
                data.toLatin1(),
                QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                return badInput(QStringLiteral("logo.data"),
                                OrganisationProfile::tr("not valid base64; embed the image file encoded as base64"));
            }
            profile.logoData = *decoded;
        }
    }

    std::optional<QJsonObject> templates;
    if (auto error = reader.object(QStringLiteral("templates"), &templates))
        return *error;
    if (templates) {
        if (auto error = readTemplates(*templates, &profile.templates))
            return *error;
    }

    std::optional<QJsonObject> exemptions;
    if (auto error = reader.object(QStringLiteral("exemptions"), &exemptions))
        return *error;
    if (exemptions) {
        if (auto error = readExemptions(*exemptions, &profile))
            return *error;
    }

    std::optional<QJsonObject> policy;
    if (auto error = reader.object(QStringLiteral("redaction_policy"), &policy))
        return *error;
    if (policy) {
        if (auto error = readRedactionPolicy(*policy, &profile))
            return *error;
    }

    if (auto error = reader.unknownKeys())
        return *error;

    if (Result<void> valid = profile.validate(); !valid)
        return valid.error();
    return profile;
}

Result<OrganisationProfile> OrganisationProfile::readFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live = LiveLogFiles::refuse(path, QString()); !live)
        return live.error();
    QFile file(path);
    if (!file.exists()) {
        return Error(ErrorKind::NotFound,
                     OrganisationProfile::tr("%1: no such file; check the name and folder").arg(shown));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io, OrganisationProfile::tr("%1: cannot be read (%2)").arg(shown, file.errorString()));
    }
    if (file.size() > MaxFileBytes) {
        return Error(ErrorKind::BadInput,
                     OrganisationProfile::tr("%1: the file is %2 bytes, larger than any profile can be (%3 bytes); "
                        "check that it is the right file")
                         .arg(shown)
                         .arg(file.size())
                         .arg(MaxFileBytes));
    }
    Result<OrganisationProfile> parsed = parse(file.readAll());
    if (!parsed)
        return Error(parsed.errorKind(), shown + QStringLiteral(": ") + parsed.errorMessage());
    return parsed;
}

QByteArray OrganisationProfile::serialize() const
{
    QJsonObject root;
    root.insert(u"format"_s, QLatin1String(FormatTag));
    root.insert(u"name"_s, name);
    root.insert(u"address"_s, address);
    root.insert(u"email"_s, email);
    root.insert(u"phone"_s, phone);
    root.insert(u"published_data_link"_s, publishedDataLink);
    QJsonObject review;
    review.insert(u"email"_s, reviewEmail);
    review.insert(u"address"_s, reviewAddress);
    root.insert(u"review"_s, review);
    QJsonObject regulators;
    regulators.insert(u"uk"_s, regulatorJson(regulatorUk));
    regulators.insert(u"scotland"_s, regulatorJson(regulatorScotland));
    root.insert(u"regulators"_s, regulators);
    root.insert(u"date_format"_s, dateFormat);
    if (!logoFile.isEmpty() || !logoData.isEmpty()) {
        QJsonObject logoObject;
        if (!logoFile.isEmpty())
            logoObject.insert(u"file"_s, logoFile);
        if (!logoData.isEmpty()) {
            logoObject.insert(u"type"_s, logoType);
            logoObject.insert(u"data"_s, QString::fromLatin1(logoData.toBase64()));
        }
        root.insert(u"logo"_s, logoObject);
    }
    root.insert(u"signature"_s, signature);

    QJsonObject templateObject;
    for (auto it = templates.begin(); it != templates.end(); ++it) {
        const qsizetype dot = it.key().indexOf(u'.');
        if (dot < 0) {
            templateObject.insert(it.key(), it.value());
            continue;
        }
        const QString group = it.key().left(dot);
        QJsonObject groupObject = templateObject.value(group).toObject();
        groupObject.insert(it.key().mid(dot + 1), it.value());
        templateObject.insert(group, groupObject);
    }
    root.insert(u"templates"_s, templateObject);

    QJsonObject overrides;
    for (auto it = exemptionOverrides.begin(); it != exemptionOverrides.end(); ++it) {
        overrides.insert(it.key(),
                         QJsonObject{{u"reasoning"_s, it->reasoning},
                                     {u"public_interest"_s, it->publicInterest}});
    }
    QJsonArray local;
    for (const Exemption &entry : localExemptions) {
        local.append(QJsonObject{{u"code"_s, entry.code},
                                 {u"regime"_s, regimeCode(entry.regime)},
                                 {u"title"_s, entry.title},
                                 {u"citation"_s, entry.citation},
                                 {u"kind"_s, exemptionKindCode(entry.kind)},
                                 {u"reasoning"_s, entry.reasoning},
                                 {u"public_interest"_s, entry.publicInterest}});
    }
    root.insert(u"exemptions"_s, QJsonObject{{u"overrides"_s, overrides}, {u"local"_s, local}});
    root.insert(u"redaction_policy"_s,
                QJsonObject{{u"grades"_s, QJsonArray::fromStringList(grades)},
                            {u"withhold_from_grade"_s, withholdFromGrade}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<void> OrganisationProfile::writeFile(const QString &path) const
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live = LiveLogFiles::refuse(path, QString()); !live)
        return live;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(
            ErrorKind::Io,
            OrganisationProfile::tr("%1: cannot be written (%2); choose another folder").arg(shown, file.errorString()));
    }
    const QByteArray data = serialize();
    if (file.write(data) != data.size() || !file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        return Error(full ? ErrorKind::DiskFull : ErrorKind::Io,
                     full ? OrganisationProfile::tr("%1: the disk is full; free some space and save again").arg(shown)
                          : OrganisationProfile::tr("%1: cannot be written (%2); choose another folder")
                                .arg(shown, file.errorString()));
    }
    return {};
}

Result<void> OrganisationProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return badInput(QStringLiteral("name"), OrganisationProfile::tr("the organisation needs a name"));

    const QDate probe(2020, 6, 17);
    if (!dateFormat.contains(u'd') || !dateFormat.contains(u'M') || !dateFormat.contains(u'y')
        || formatDate(probe).isEmpty()) {
        return badInput(QStringLiteral("date_format"),
                        OrganisationProfile::tr("\"%1\" does not show the day, month and year; use a format such as "
                           "\"d MMMM yyyy\"")
                            .arg(dateFormat));
    }

    for (auto it = templates.begin(); it != templates.end(); ++it) {
        const QString field = QStringLiteral("templates.") + it.key();
        if (!templateKeys().contains(it.key())) {
            return badInput(field,
                            OrganisationProfile::tr("unknown template; the templates are %1")
                                .arg(templateKeys().join(QStringLiteral(", "))));
        }
        QString problem;
        if (!LetterTemplate::placeholders(it.value(), &problem))
            return badInput(field, problem);
    }
    QString problem;
    if (!LetterTemplate::placeholders(signature, &problem))
        return badInput(QStringLiteral("signature"), problem);

    if (Result<void> valid = validateExemptions(*this); !valid)
        return valid;
    if (Result<void> valid = validateRedactionPolicy(*this); !valid)
        return valid;

    if (!logoData.isEmpty()) {
        if (logoType != QLatin1String("png") && logoType != QLatin1String("svg")) {
            return badInput(QStringLiteral("logo.type"),
                            OrganisationProfile::tr("expected \"png\" or \"svg\", found \"%1\"").arg(logoType));
        }
        const bool matches =
            logoType == QLatin1String("png") ? looksLikePng(logoData) : looksLikeSvg(logoData);
        if (!matches) {
            return badInput(QStringLiteral("logo.data"),
                            OrganisationProfile::tr("the data is not a %1 image; embed the image file itself")
                                .arg(logoType.toUpper()));
        }
    }
    return {};
}

Result<QImage> OrganisationProfile::logo() const
{
    QByteArray data = logoData;
    QString shown = OrganisationProfile::tr("the embedded logo");
    if (data.isEmpty() && !logoFile.isEmpty()) {
        shown = QDir::toNativeSeparators(logoFile);
        if (const Result<void> live = LiveLogFiles::refuse(logoFile, QString()); !live)
            return live.error();
        QFile file(logoFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error(ErrorKind::BadInput,
                         OrganisationProfile::tr("The logo %1 cannot be read (%2); choose the logo again in Settings.")
                             .arg(shown, file.errorString()));
        }
        data = file.readAll();
    }
    if (data.isEmpty())
        return QImage();

    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    // A vector logo is rasterised large enough to stay sharp when printed.
    if (looksLikeSvg(data) && reader.size().isValid())
        reader.setScaledSize(reader.size().scaled(1200, 1200, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        return Error(ErrorKind::BadInput,
                     OrganisationProfile::tr("The logo %1 is not an image FOI Desk can read (%2); use a PNG or SVG "
                        "file.")
                         .arg(shown, reader.errorString()));
    }
    return image;
}

} // namespace foidesk
