#include "letter/OrganisationProfile.h"

#include "letter/LetterTemplate.h"

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
#include <QSaveFile>
#include <optional>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("foidesk::OrganisationProfile", text);
}

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
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
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
            return badInput(field(key), tr("expected a string, found %1").arg(typeName(value)));
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
            return badInput(field(key), tr("expected an object, found %1").arg(typeName(value)));
        *target = value.toObject();
        return std::nullopt;
    }

    std::optional<Error> unknownKeys() const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (it.key().startsWith(QStringLiteral("x-")) || m_seen.contains(it.key()))
                continue;
            return badInput(field(it.key()),
                            tr("unknown field; the fields here are %1 (names starting \"x-\" are "
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
            return badInput(field, tr("unknown template; the templates are %1").arg(known));
        if (!value.isString())
            return badInput(field, tr("expected a string, found %1").arg(typeName(value)));
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
            return tr(info.description);
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
    QFile file(QStringLiteral(":/templates/default-profile.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Internal,
                     tr("The default letter wording is missing from this build of FOI Desk. "
                        "Reinstall FOI Desk."));
    }
    Result<OrganisationProfile> parsed = parse(file.readAll());
    if (!parsed) {
        return Error(ErrorKind::Internal,
                     tr("The default letter wording in this build of FOI Desk is damaged (%1). "
                        "Reinstall FOI Desk.")
                         .arg(parsed.errorMessage()));
    }
    return parsed;
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
                     tr("not valid JSON at byte %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return badInput(QStringLiteral("(top level)"), tr("expected a JSON object"));
    const QJsonObject root = document.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isString() || format.toString() != QLatin1String(FormatTag)) {
        return badInput(
            QStringLiteral("format"),
            tr("expected \"%1\", found %2")
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
                                tr("not valid base64; embed the image file encoded as base64"));
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

    if (auto error = reader.unknownKeys())
        return *error;

    if (Status valid = profile.validate(); !valid)
        return valid.error();
    return profile;
}

Result<OrganisationProfile> OrganisationProfile::readFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists()) {
        return Error(ErrorKind::NotFound,
                     tr("%1: no such file; check the name and folder").arg(shown));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io, tr("%1: cannot be read (%2)").arg(shown, file.errorString()));
    }
    if (file.size() > MaxFileBytes) {
        return Error(ErrorKind::BadInput,
                     tr("%1: the file is %2 bytes, larger than any profile can be (%3 bytes); "
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
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status OrganisationProfile::writeFile(const QString &path) const
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(
            ErrorKind::Io,
            tr("%1: cannot be written (%2); choose another folder").arg(shown, file.errorString()));
    }
    const QByteArray data = serialize();
    if (file.write(data) != data.size() || !file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        return Error(full ? ErrorKind::DiskFull : ErrorKind::Io,
                     full ? tr("%1: the disk is full; free some space and save again").arg(shown)
                          : tr("%1: cannot be written (%2); choose another folder")
                                .arg(shown, file.errorString()));
    }
    return {};
}

Status OrganisationProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return badInput(QStringLiteral("name"), tr("the organisation needs a name"));

    const QDate probe(2020, 6, 17);
    if (!dateFormat.contains(u'd') || !dateFormat.contains(u'M') || !dateFormat.contains(u'y')
        || formatDate(probe).isEmpty()) {
        return badInput(QStringLiteral("date_format"),
                        tr("\"%1\" does not show the day, month and year; use a format such as "
                           "\"d MMMM yyyy\"")
                            .arg(dateFormat));
    }

    for (auto it = templates.begin(); it != templates.end(); ++it) {
        const QString field = QStringLiteral("templates.") + it.key();
        if (!templateKeys().contains(it.key())) {
            return badInput(field,
                            tr("unknown template; the templates are %1")
                                .arg(templateKeys().join(QStringLiteral(", "))));
        }
        QString problem;
        if (!LetterTemplate::placeholders(it.value(), &problem))
            return badInput(field, problem);
    }
    QString problem;
    if (!LetterTemplate::placeholders(signature, &problem))
        return badInput(QStringLiteral("signature"), problem);

    if (!logoData.isEmpty()) {
        if (logoType != QLatin1String("png") && logoType != QLatin1String("svg")) {
            return badInput(QStringLiteral("logo.type"),
                            tr("expected \"png\" or \"svg\", found \"%1\"").arg(logoType));
        }
        const bool matches =
            logoType == QLatin1String("png") ? looksLikePng(logoData) : looksLikeSvg(logoData);
        if (!matches) {
            return badInput(QStringLiteral("logo.data"),
                            tr("the data is not a %1 image; embed the image file itself")
                                .arg(logoType.toUpper()));
        }
    }
    return {};
}

Result<QImage> OrganisationProfile::logo() const
{
    QByteArray data = logoData;
    QString shown = tr("the embedded logo");
    if (data.isEmpty() && !logoFile.isEmpty()) {
        shown = QDir::toNativeSeparators(logoFile);
        QFile file(logoFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error(ErrorKind::BadInput,
                         tr("The logo %1 cannot be read (%2); choose the logo again in Settings.")
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
                     tr("The logo %1 is not an image FOI Desk can read (%2); use a PNG or SVG "
                        "file.")
                         .arg(shown, reader.errorString()));
    }
    return image;
}

} // namespace foidesk
