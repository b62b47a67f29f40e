#include "exchange/JsonValueText.h"

#include "exchange/JsonWriter.h"

#include <QCoreApplication>
#include <QLocale>

namespace foidesk {

namespace {

// The messages belong to the public RequestJson interface, so they keep its translation context.
QString tr(const char *text)
{
    return QCoreApplication::translate("foidesk::RequestJson", text);
}

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

} // namespace foidesk
