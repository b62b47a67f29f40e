#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

namespace foidesk {

// Writes JSON text with keys in the order they are given, indented by two spaces.
// QJsonObject sorts its keys, which would scramble the documented field order of the exchange
// format; this writer keeps it. The caller is trusted to nest begin/end calls correctly.
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // Inside an object: the name of the next member.
    void key(QStringView name);

    void value(const QString &text);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(bool flag);
    void nullValue();
    // Any JSON value; objects are written with their keys in QJsonObject's (sorted) order.
    void value(const QJsonValue &json);

    // The text written so far, UTF-8, with a final line break.
    QByteArray toUtf8() const;

    // text as a JSON string literal, quotes included.
    static QString quoted(QStringView text);

private:
    void beforeValue();
    void open(QChar bracket);
    void close(QChar bracket);
    void newLine(qsizetype depth);

    QString m_text;
    QList<int> m_counts; // members written so far in each open container
    bool m_afterKey = false;
};

} // namespace foidesk
