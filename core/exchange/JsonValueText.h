#pragma once

#include <QJsonValue>
#include <QString>

namespace foidesk {

// How values appear inside the exchange format's error messages. Reading a file and checking
// its fields both name numbers and values; wording them in one place keeps every message alike.
class JsonValueText
{
public:
    // Grouped the way a UK reader expects: 1,000,000.
    static QString number(qint64 n);

    // A JSON string literal, cut short so that a 10 MB string cannot flood the terminal.
    static QString quote(const QString &text);

    // What a value is, for "expected ..., found <description>".
    static QString describe(const QJsonValue &value);
};

} // namespace foidesk
