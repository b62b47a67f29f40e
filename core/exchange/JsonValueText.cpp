#include "exchange/JsonValueText.h"

#include "exchange/JsonWriter.h"
#include "exchange/RequestJson.h"

#include <QCoreApplication>
#include <QLocale>

namespace foidesk {

namespace {

// The messages belong to the public RequestJson interface, so they keep its translation context.

} // namespace

QString JsonValueText::number(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n);
}

QString JsonValueText::quote(const QString &text)
{
    constexpr qsizetype MaxShown = 60;
    if (text.size() <= MaxShown)
        return JsonWriter::quoted(text);
    return JsonWriter::quoted(text.left(MaxShown)) + QStringLiteral("...");
}

QString JsonValueText::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return RequestJson::tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? RequestJson::tr("true") : RequestJson::tr("false");
    case QJsonValue::Double:
        return RequestJson::tr("a number (%1)").arg(QString::number(value.toDouble(), 'g', 17));
    case QJsonValue::String:
        return RequestJson::tr("a string (%1)").arg(quote(value.toString()));
    case QJsonValue::Array:
        return RequestJson::tr("an array");
    case QJsonValue::Object:
        return RequestJson::tr("an object");
    }
    return {};
}

} // namespace foidesk
