#include "util/JsonFields.h"

#include <QLocale>

namespace foidesk {

namespace {

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

QString JsonFields::literal(QStringView text)
{
    QString result;
    result.reserve(text.size() + 2);
    result += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            result += QStringLiteral("\\\"");
            break;
        case '\\':
            result += QStringLiteral("\\\\");
            break;
        case '\n':
            result += QStringLiteral("\\n");
            break;
        case '\r':
            result += QStringLiteral("\\r");
            break;
        case '\t':
            result += QStringLiteral("\\t");
            break;
        case '\b':
            result += QStringLiteral("\\b");
            break;
        case '\f':
            result += QStringLiteral("\\f");
            break;
        default:
            if (c.unicode() < 0x20) {
                result += QStringLiteral("\\u")
                          + QString::number(c.unicode(), 16).rightJustified(4, QLatin1Char('0'));
            } else {
                result += c;
            }
        }
    }
    result += QLatin1Char('"');
    return result;
}

bool JsonFields::isExtensionKey(const QString &key)
{
    return key.startsWith(QLatin1String("x-")) || key.startsWith(QLatin1String("x_"));
}

QString JsonFields::path(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

QString JsonFields::path(const QString &prefix, qsizetype index)
{
    return prefix + u'[' + QString::number(index) + u']';
}

Error JsonFields::error(const QString &path, const QString &what, ErrorKind kind)
{
    return Error(kind, path + QStringLiteral(": ") + what);
}

QString JsonFields::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? tr("true") : tr("false");
    case QJsonValue::Double:
        return tr("a number (%1)").arg(QString::number(value.toDouble(), 'g', 17));
    case QJsonValue::String:
        return tr("a string (%1)").arg(quote(value.toString()));
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    }
    return {};
}

QString JsonFields::expected(const QString &what, const QJsonValue &value)
{
    return tr("expected %1, found %2").arg(what, describe(value));
}

QString JsonFields::quote(const QString &text)
{
    constexpr qsizetype MaxShown = 60;
    if (text.size() <= MaxShown)
        return literal(text);
    return literal(text.left(MaxShown)) + QStringLiteral("...");
}

QString JsonFields::number(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n);
}

std::optional<Error> JsonFields::unknownKey(const QJsonObject &object,
                                            const QString &prefix,
                                            const QStringList &known,
                                            const QString &owner)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (known.contains(key) || isExtensionKey(key))
            continue;
        const QString shownKey = key.size() > 60 ? key.left(60) + QStringLiteral("...") : key;
        const QString fields = known.join(QStringLiteral(", "));
        return error(path(prefix, shownKey),
                     owner.isEmpty()
                         ? tr("unknown field; the fields here are %1. Check the spelling; data of "
                              "your own may go in fields whose names start with \"x-\" or \"x_\", "
                              "which are ignored.")
                               .arg(fields)
                         : tr("unknown field; %1 has only the fields %2. Check the spelling; data "
                              "of your own may go in fields whose names start with \"x-\" or "
                              "\"x_\", which are ignored.")
                               .arg(owner, fields));
    }
    return std::nullopt;
}

JsonObjectReader::JsonObjectReader(QJsonObject object, QString path, QString owner)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_owner(std::move(owner))
{}

std::optional<Error> JsonObjectReader::string(const QString &key, QString *target)
{
    m_seen.append(key);
    const QJsonValue value = m_object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    if (!value.isString())
        return JsonFields::error(field(key),
                                 JsonFields::expected(JsonFields::tr("a string"), value));
    *target = value.toString();
    return std::nullopt;
}

std::optional<Error> JsonObjectReader::boolean(const QString &key, bool *target)
{
    m_seen.append(key);
    const QJsonValue value = m_object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    if (!value.isBool()) {
        return JsonFields::error(field(key),
                                 JsonFields::expected(JsonFields::tr("true or false"), value));
    }
    *target = value.toBool();
    return std::nullopt;
}

std::optional<Error> JsonObjectReader::object(const QString &key,
                                              std::optional<QJsonObject> *target)
{
    m_seen.append(key);
    const QJsonValue value = m_object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    if (!value.isObject())
        return JsonFields::error(field(key),
                                 JsonFields::expected(JsonFields::tr("an object"), value));
    *target = value.toObject();
    return std::nullopt;
}

std::optional<Error> JsonObjectReader::array(const QString &key, std::optional<QJsonArray> *target)
{
    m_seen.append(key);
    const QJsonValue value = m_object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    if (!value.isArray())
        return JsonFields::error(field(key),
                                 JsonFields::expected(JsonFields::tr("an array"), value));
    *target = value.toArray();
    return std::nullopt;
}

std::optional<Error> JsonObjectReader::unknownKeys() const
{
    return JsonFields::unknownKey(m_object, m_path, m_seen, m_owner);
}

} // namespace foidesk
