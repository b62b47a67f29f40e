#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace foidesk {

// The one way FOI Desk reads its strict JSON files (requests, the organisation profile, the
// exemption catalogue, the bank holidays): one rule for fields of the user's own, one way to
// name a field in an error, one set of type names.
//
// An error names the field by its path from the top of the file, "questions[2].answer", then
// says what is wrong: "questions[2].answer: expected a string, found a number (42)."
class JsonFields
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::JsonFields)

public:
    // Data of the user's own may go in fields whose names start with "x-" or "x_"; every reader
    // ignores them.
    static bool isExtensionKey(const QString &key);

    // "requester.name", "questions[2]": the path of a field below prefix (empty at the top).
    static QString path(const QString &prefix, const QString &key);
    static QString path(const QString &prefix, qsizetype index);

    // BadInput (or kind) with the message "<path>: <what>".
    static Error
    error(const QString &path, const QString &what, ErrorKind kind = ErrorKind::BadInput);

    // What a value is, for "expected ..., found <describe>": null, true, false, "a number (42)",
    // "a string ("abc")", "an array", "an object".
    static QString describe(const QJsonValue &value);
    // "expected <expected>, found <describe(value)>", e.g. expected("a string", value).
    static QString expected(const QString &what, const QJsonValue &value);
    // text as a JSON string literal, with the escapes JSON requires.
    static QString literal(QStringView text);
    // literal(), cut short so that a 10 MB string cannot flood a message.
    static QString quote(const QString &text);
    // Grouped the way a UK reader expects: 1,000,000.
    static QString number(qint64 n);

    // The first key of object that is neither in known nor an extension key, as an error that
    // lists the known fields; owner says whose fields they are ("a request", "an exemption").
    static std::optional<Error> unknownKey(const QJsonObject &object,
                                           const QString &prefix,
                                           const QStringList &known,
                                           const QString &owner);
};

// Reads the members of one JSON object at a path, and afterwards refuses any key nobody asked
// for (JsonFields::unknownKey). A member that is absent or null leaves its target as it was.
class JsonObjectReader
{
public:
    JsonObjectReader(QJsonObject object, QString path, QString owner = QString());

    QString field(const QString &key) const { return JsonFields::path(m_path, key); }

    std::optional<Error> string(const QString &key, QString *target);
    std::optional<Error> boolean(const QString &key, bool *target);
    std::optional<Error> object(const QString &key, std::optional<QJsonObject> *target);
    std::optional<Error> array(const QString &key, std::optional<QJsonArray> *target);
    // A key that is read some other way, so that unknownKeys() accepts it.
    void allow(const QString &key) { m_seen.append(key); }

    std::optional<Error> unknownKeys() const;

private:
    QJsonObject m_object;
    QString m_path;
    QString m_owner;
    QStringList m_seen;
};

} // namespace foidesk
