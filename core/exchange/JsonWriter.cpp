#include "exchange/JsonWriter.h"

#include "util/JsonFields.h"

#include <QJsonArray>
#include <QJsonObject>

namespace foidesk {

namespace {
constexpr int IndentWidth = 2;
}

void JsonWriter::newLine(qsizetype depth)
{
    m_text += QLatin1Char('\n');
    m_text += QString(depth * IndentWidth, QLatin1Char(' '));
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        // The key has already placed the separator and the indentation.
        m_afterKey = false;
        return;
    }
    if (m_counts.isEmpty())
        return;
    if (m_counts.last() > 0)
        m_text += QLatin1Char(',');
    ++m_counts.last();
    newLine(m_counts.size());
}

void JsonWriter::open(QChar bracket)
{
    beforeValue();
    m_text += bracket;
    m_counts.append(0);
}

void JsonWriter::close(QChar bracket)
{
    const int written = m_counts.takeLast();
    if (written > 0)
        newLine(m_counts.size());
    m_text += bracket;
}

void JsonWriter::beginObject()
{
    open(QLatin1Char('{'));
}
void JsonWriter::endObject()
{
    close(QLatin1Char('}'));
}
void JsonWriter::beginArray()
{
    open(QLatin1Char('['));
}
void JsonWriter::endArray()
{
    close(QLatin1Char(']'));
}

void JsonWriter::key(QStringView name)
{
    beforeValue();
    m_text += quoted(name);
    m_text += QStringLiteral(": ");
    m_afterKey = true;
}

void JsonWriter::value(const QString &text)
{
    beforeValue();
    m_text += quoted(text);
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    m_text += QString::number(number);
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_text += flag ? QStringLiteral("true") : QStringLiteral("false");
}

void JsonWriter::nullValue()
{
    beforeValue();
    m_text += QStringLiteral("null");
}

void JsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        nullValue();
        return;
    case QJsonValue::Bool:
        value(json.toBool());
        return;
    case QJsonValue::Double: {
        const double d = json.toDouble();
        beforeValue();
        // Whole numbers print without a fraction, as a reader of the file would write them.
        m_text += QString::number(d, 'g', 17);
        return;
    }
    case QJsonValue::String:
        value(json.toString());
        return;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = json.toArray();
        for (const QJsonValue &item : array)
            value(item);
        endArray();
        return;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            value(it.value());
        }
        endObject();
        return;
    }
    }
}

QByteArray JsonWriter::toUtf8() const
{
    return (m_text + QLatin1Char('\n')).toUtf8();
}

QString JsonWriter::quoted(QStringView text)
{
    return JsonFields::literal(text);
}

} // namespace foidesk
