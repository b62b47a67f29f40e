#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace foidesk {

// How the bytes of a text letter are read. Letters saved by older office software are often
// Windows-1252 rather than UTF-8. Guessing is not safe (a name may come out wrong and nobody
// notices), so such a file is refused unless the officer asks for Windows-1252.
enum class TextEncoding
{
    Utf8,       // UTF-8 (or UTF-16 with its byte-order mark); anything else is refused
    Windows1252 // UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252
};

// Turns the bytes of a text letter into text. A file asked to be read as Windows-1252 is
// decoded explicitly (a "£" and curly quotes come out right) rather than being read as UTF-8
// with replacement characters.
class TextDecoding
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::TextDecoding)

public:
    // The text, or BadInput when the bytes are not text at all (a binary file given a .txt
    // name: NUL bytes or many control characters) or, with TextEncoding::Utf8, not UTF-8 (the
    // message says how to have it read as Windows-1252). *legacy is set when the bytes were
    // not UTF-8 and were read as Windows-1252.
    static Result<QString> decode(const QByteArray &bytes,
                                  TextEncoding encoding = TextEncoding::Utf8,
                                  bool *legacy = nullptr);

    // "windows-1252" or "utf-8" (any case, also "cp1252" and "utf8"); nothing otherwise.
    static std::optional<TextEncoding> encodingFromName(const QString &name);

    // Windows-1252 (a superset of Latin-1 in 0x80-0x9F: curly quotes, dashes, the euro sign).
    static QString fromWindows1252(const QByteArray &bytes);

    static bool isValidUtf8(const QByteArray &bytes);
};

} // namespace foidesk
