#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace foidesk {

// Turns the bytes of a text letter into text. Letters saved by older office software are often
// Windows-1252 rather than UTF-8; such a file is decoded as Windows-1252 explicitly (a "£" and
// curly quotes come out right) instead of being read as UTF-8 with replacement characters.
class TextDecoding
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::TextDecoding)

public:
    // The text, or BadInput when the bytes are not text at all (a binary file given a .txt
    // name: NUL bytes or many control characters). *legacy is set when the bytes were not
    // UTF-8 and were read as Windows-1252.
    static Result<QString> decode(const QByteArray &bytes, bool *legacy = nullptr);

    // Windows-1252 (a superset of Latin-1 in 0x80-0x9F: curly quotes, dashes, the euro sign).
    static QString fromWindows1252(const QByteArray &bytes);

    static bool isValidUtf8(const QByteArray &bytes);
};

} // namespace foidesk
