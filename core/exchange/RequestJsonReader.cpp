#include "exchange/RequestJsonReader.h"

#include "util/JsonFields.h"
#include "exchange/RequestFieldReader.h"
#include "exchange/RequestJson.h"
#include "util/LiveLogFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <algorithm>

namespace foidesk {

namespace {

// The messages belong to the public RequestJson interface, so they keep its translation context.

QString sizeInMegabytes(qint64 bytes)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of it is valid.
// QJsonDocument would quietly replace such bytes, so a file in Windows-1252 would lose its
// pound signs without anyone noticing.
qsizetype RequestJsonReader::firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t codePoint = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (p[i + k] & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF
            || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

QString RequestJsonReader::tooLargeMessage(qint64 bytes)
{
    return RequestJson::tr("the file is %1 MB; exchange files are limited to %2 MB (%3 bytes), so it was not "
              "read. Split it into one file per request.")
        .arg(sizeInMegabytes(bytes),
             JsonFields::number(RequestJson::MaxFileBytes / (1024 * 1024)),
             JsonFields::number(RequestJson::MaxFileBytes));
}

Result<Request> RequestJsonReader::parse(const QByteArray &json)
{
    if (json.size() > RequestJson::MaxFileBytes)
        return Error(ErrorKind::BadInput, tooLargeMessage(json.size()));
    if (json.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     RequestJson::tr("the file is empty; expected a JSON object starting with "
                        "\"format\": \"%1\".")
                         .arg(QString::fromLatin1(RequestJson::FormatTag)));
    }

    // A byte order mark is legal UTF-8 that some Windows editors write; it carries nothing.
    static const QByteArray bom("\xEF\xBB\xBF");
    const qsizetype skipped = json.startsWith(bom) ? bom.size() : 0;
    const QByteArray body = json.mid(skipped);

    const qsizetype bad = firstInvalidUtf8(body);
    if (bad >= 0) {
        const auto byte = static_cast<unsigned char>(body.at(bad));
        return Error(
            ErrorKind::BadInput,
            RequestJson::tr("the file is not valid UTF-8: byte %1 (0x%2) does not belong to a UTF-8 "
               "character. Save the file as UTF-8 and try again.")
                .arg(JsonFields::number(bad + skipped),
                     QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0'))));
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QByteArray start = body.trimmed().left(1);
    if (parseError.error != QJsonParseError::NoError && start != "{" && start != "[") {
        // Qt's parser calls a lone string or number an "illegal value"; say what is expected.
        return Error(ErrorKind::BadInput,
                     RequestJson::tr("the file must hold one JSON object (one request) starting with \"{\"; "
                        "it is not a FOI Desk request file."));
    }
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, body.size());
        const QByteArray before = body.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
        return Error(ErrorKind::BadInput,
                     RequestJson::tr("JSON syntax error at line %1, column %2 (byte %3): %4. The file may be "
                        "cut short or not be JSON.")
                         .arg(JsonFields::number(line),
                              JsonFields::number(column),
                              JsonFields::number(offset + skipped),
                              parseError.errorString()));
    }
    if (!document.isObject()) {
        return Error(ErrorKind::BadInput,
                     RequestJson::tr("the file must hold one JSON object (one request), found %1.")
                         .arg(document.isArray() ? RequestJson::tr("an array") : RequestJson::tr("a single value")));
    }

    return RequestFieldReader::read(document.object());
}

Result<Request> RequestJsonReader::readFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error(ErrorKind::NotFound,
                     shown + QStringLiteral(": ")
                         + RequestJson::tr("no such file. Check the name and the folder."));
    }
    if (info.isDir()) {
        return Error(ErrorKind::BadInput,
                     shown + QStringLiteral(": ")
                         + RequestJson::tr("is a folder; give the path of a request file (.json)."));
    }
    if (info.size() > RequestJson::MaxFileBytes)
        return Error(ErrorKind::BadInput,
                     shown + QStringLiteral(": ") + tooLargeMessage(info.size()));

    if (const Result<void> live = LiveLogFiles::refuse(path, QString()); !live)
        return live.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(
            ErrorKind::Io,
            shown + QStringLiteral(": ")
                + RequestJson::tr("cannot be read (%1). Check that you may read it.").arg(file.errorString()));
    }
    // Read one byte past the limit: a file that grew after the size check is still refused.
    const QByteArray data = file.read(RequestJson::MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return Error(ErrorKind::Io,
                     shown + QStringLiteral(": ")
                         + RequestJson::tr("cannot be read (%1).").arg(file.errorString()));
    }
    Result<Request> parsed = parse(data);
    if (!parsed)
        return Error(parsed.errorKind(), shown + QStringLiteral(": ") + parsed.errorMessage());
    return parsed;
}

} // namespace foidesk
