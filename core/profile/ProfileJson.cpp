#include "profile/ProfileJson.h"

#include "model/RequestEnums.h"
#include "profile/ProfileChecks.h"
#include "profile/TemplateCatalogue.h"
#include "util/JsonFields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

std::optional<Error>
readRegulator(const QJsonObject &object, const QString &path, RegulatorContact *regulator)
{
    JsonObjectReader reader(object, path);
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

std::optional<Error> readTemplates(const QJsonObject &object, QMap<QString, QString> *templates)
{
    const QStringList keys = TemplateCatalogue::keys();
    const QString known = keys.join(QStringLiteral(", "));
    auto store = [&](const QString &key, const QJsonValue &value) -> std::optional<Error> {
        const QString field = QStringLiteral("templates.") + key;
        if (!keys.contains(key))
            return JsonFields::error(
                field,
                OrganisationProfile::tr("unknown template; the templates are %1").arg(known));
        if (!value.isString())
            return JsonFields::error(field,
                                     JsonFields::expected(JsonFields::tr("a string"), value));
        templates->insert(key, value.toString());
        return std::nullopt;
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (JsonFields::isExtensionKey(it.key()))
            continue;
        if (it.value().isObject()) {
            const QJsonObject group = it.value().toObject();
            for (auto sub = group.begin(); sub != group.end(); ++sub) {
                if (JsonFields::isExtensionKey(sub.key()))
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
    JsonObjectReader reader(object, u"exemptions"_s);
    std::optional<QJsonObject> overrides;
    if (auto error = reader.object(u"overrides"_s, &overrides))
        return error;
    if (overrides) {
        profile->exemptionOverrides.clear();
        for (auto it = overrides->begin(); it != overrides->end(); ++it) {
            if (JsonFields::isExtensionKey(it.key()))
                continue;
            const QString path = u"exemptions.overrides."_s + it.key();
            if (!it.value().isObject()) {
                return JsonFields::error(
                    path,
                    OrganisationProfile::tr("expected an object with \"reasoning\" and "
                                            "\"public_interest\", found %1")
                        .arg(JsonFields::describe(it.value())));
            }
            JsonObjectReader one(it.value().toObject(), path);
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
                return JsonFields::error(path,
                                         JsonFields::expected(JsonFields::tr("an object"), value));
            JsonObjectReader one(value.toObject(), path);
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
                return JsonFields::error(path + u".regime"_s,
                                         OrganisationProfile::tr("expected %1, found \"%2\"")
                                             .arg(validRegimeCodes(), regime));
            }
            entry.regime = *parsedRegime;
            const std::optional<Exemption::Kind> parsedKind = exemptionKindFromCode(kind);
            if (!parsedKind) {
                return JsonFields::error(
                    path + u".kind"_s,
                    OrganisationProfile::tr("expected %1, found \"%2\"")
                        .arg(validExemptionKindCodes(), kind));
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
    JsonObjectReader reader(object, u"redaction_policy"_s);
    std::optional<QJsonArray> grades;
    if (auto error = reader.array(u"grades"_s, &grades))
        return error;
    if (grades) {
        profile->grades.clear();
        for (qsizetype i = 0; i < grades->size(); ++i) {
            const QJsonValue value = grades->at(i);
            if (!value.isString()) {
                return JsonFields::error(u"redaction_policy.grades[%1]"_s.arg(i),
                                         JsonFields::expected(JsonFields::tr("a string"), value));
            }
            profile->grades.append(value.toString());
        }
    }
    if (auto error = reader.string(u"withhold_from_grade"_s, &profile->withholdFromGrade))
        return error;
    return reader.unknownKeys();
}

} // namespace

Result<OrganisationProfile> ProfileJson::parse(const QByteArray &json)
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
        return JsonFields::error(QStringLiteral("(top level)"),
                                 OrganisationProfile::tr("expected a JSON object"));
    const QJsonObject root = document.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isString() || format.toString() != QLatin1String(OrganisationProfile::FormatTag)) {
        return JsonFields::error(QStringLiteral("format"),
                                 OrganisationProfile::tr("expected \"%1\", found %2")
                                     .arg(QLatin1String(OrganisationProfile::FormatTag),
                                          format.isString() ? u'"' + format.toString() + u'"'
                                                            : JsonFields::describe(format)));
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

    JsonObjectReader reader(root, QString());
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

    QString salutationStyle;
    if (auto error = reader.string(u"salutation_style"_s, &salutationStyle))
        return *error;
    if (salutationStyle == u"full_name"_s) {
        profile.salutation = SalutationStyle::FullName;
    } else if (salutationStyle == u"title_and_surname"_s) {
        profile.salutation = SalutationStyle::TitleAndSurname;
    } else if (!salutationStyle.isEmpty()) {
        return JsonFields::error(u"salutation_style"_s,
                                 OrganisationProfile::tr("expected \"full_name\" or "
                                                         "\"title_and_surname\", found \"%1\"")
                                     .arg(salutationStyle));
    }

    std::optional<QJsonObject> review;
    if (auto error = reader.object(QStringLiteral("review"), &review))
        return *error;
    if (review) {
        JsonObjectReader reviewReader(*review, QStringLiteral("review"));
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
        JsonObjectReader regulatorsReader(*regulators, QStringLiteral("regulators"));
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
        JsonObjectReader logoReader(*logo, QStringLiteral("logo"));
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
                return JsonFields::error(
                    QStringLiteral("logo.data"),
                    OrganisationProfile::tr(
                        "not valid base64; embed the image file encoded as base64"));
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

    if (Result<void> valid = ProfileChecks::validate(profile); !valid)
        return valid.error();
    return profile;
}

QByteArray ProfileJson::serialize(const OrganisationProfile &profile)
{
    QJsonObject root;
    root.insert(u"format"_s, QLatin1String(OrganisationProfile::FormatTag));
    root.insert(u"name"_s, profile.name);
    root.insert(u"address"_s, profile.address);
    root.insert(u"email"_s, profile.email);
    root.insert(u"phone"_s, profile.phone);
    root.insert(u"published_data_link"_s, profile.publishedDataLink);
    QJsonObject review;
    review.insert(u"email"_s, profile.reviewEmail);
    review.insert(u"address"_s, profile.reviewAddress);
    root.insert(u"review"_s, review);
    QJsonObject regulators;
    regulators.insert(u"uk"_s, regulatorJson(profile.regulatorUk));
    regulators.insert(u"scotland"_s, regulatorJson(profile.regulatorScotland));
    root.insert(u"regulators"_s, regulators);
    root.insert(u"date_format"_s, profile.dateFormat);
    root.insert(u"salutation_style"_s,
                profile.salutation == SalutationStyle::TitleAndSurname ? u"title_and_surname"_s
                                                                       : u"full_name"_s);
    if (!profile.logoFile.isEmpty() || !profile.logoData.isEmpty()) {
        QJsonObject logoObject;
        if (!profile.logoFile.isEmpty())
            logoObject.insert(u"file"_s, profile.logoFile);
        if (!profile.logoData.isEmpty()) {
            logoObject.insert(u"type"_s, profile.logoType);
            logoObject.insert(u"data"_s, QString::fromLatin1(profile.logoData.toBase64()));
        }
        root.insert(u"logo"_s, logoObject);
    }
    root.insert(u"signature"_s, profile.signature);

    QJsonObject templateObject;
    for (auto it = profile.templates.begin(); it != profile.templates.end(); ++it) {
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
    for (auto it = profile.exemptionOverrides.begin(); it != profile.exemptionOverrides.end();
         ++it) {
        overrides.insert(it.key(),
                         QJsonObject{{u"reasoning"_s, it->reasoning},
                                     {u"public_interest"_s, it->publicInterest}});
    }
    QJsonArray local;
    for (const Exemption &entry : profile.localExemptions) {
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
                QJsonObject{{u"grades"_s, QJsonArray::fromStringList(profile.grades)},
                            {u"withhold_from_grade"_s, profile.withholdFromGrade}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace foidesk
