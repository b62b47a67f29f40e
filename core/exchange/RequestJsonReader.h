#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace foidesk {

// Reads exchange files as far as the JSON object of the request: the file itself, the size
// limit, the byte order mark, UTF-8 and JSON syntax. What the object's fields hold is
// RequestFieldReader's concern; RequestJson offers both through its public interface.
class RequestJsonReader
{
public:
    // The request, or BadInput "<what is wrong>" (the file as a whole) or
    // "<field>: <what is wrong>" (one field); the caller adds the file name.
    static Result<Request> parse(const QByteArray &json);

    // The request in the file at path; every error message starts with the file name.
    // NotFound for a missing file, Io when it cannot be read, BadInput otherwise.
    static Result<Request> readFile(const QString &path);

private:
    // Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.
    static qsizetype firstInvalidUtf8(const QByteArray &bytes);
    static QString tooLargeMessage(qint64 bytes);
};

} // namespace foidesk
