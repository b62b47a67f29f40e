#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QCoreApplication>
#include <QString>

namespace foidesk {

// The exchange format "foidesk.request/1": one request per JSON file, documented in
// docs/exchange-format.md. Field names are fixed so that other systems can rely on them.
class RequestJson
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::RequestJson)

public:
    static constexpr const char *FormatTag = "foidesk.request/1";

    // Files larger than this are refused before parsing.
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

    // Parses one request. BadInput with a message of the form
    //   "<field>: <what is wrong>"      e.g. "questions[2].text: expected a string, found 42"
    // (the caller adds the file name). Checks the format tag, UTF-8, types, required fields,
    // codes, strict YYYY-MM-DD dates (2023-02-31 is refused) and field lengths. The id and
    // revision of the result are 0.
    static Result<Request> parse(const QByteArray &json);

    // Reads and parses a file; the error message starts with the file name.
    static Result<Request> readFile(const QString &path);

    // The request as exchange-format JSON (indented, UTF-8, fields in documented order;
    // empty optional fields are left out).
    static QByteArray serialize(const Request &request);

    // As serialize(), with extra top-level fields written after the documented ones, in the
    // order given (the command line's "show --json" adds the due date this way).
    static QByteArray serialize(const Request &request,
                                const QList<QPair<QString, QJsonValue>> &extraFields);

    // Writes serialize(request) to path atomically (QSaveFile). Io / DiskFull on failure.
    static Result<void> writeFile(const Request &request, const QString &path);
};

} // namespace foidesk
