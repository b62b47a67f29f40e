#include "importing/TextDecoding.h"

#include <QStringDecoder>

namespace foidesk {

namespace {

// Windows-1252 at 0x80-0x9F; 0 where the code page has no character.
constexpr char16_t windows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

bool looksBinary(const QByteArray &bytes)
{
    // A text letter has no NUL bytes and hardly any control characters; a PDF, an image or a
    // word-processor file renamed .txt has many.
    qsizetype controls = 0;
    const qsizetype sample = std::min<qsizetype>(bytes.size(), 64 * 1024);
    for (qsizetype i = 0; i < sample; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++controls;
    }
    return sample > 0 && controls * 100 > sample * 2;
}

} // namespace

bool TextDecoding::isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

QString TextDecoding::fromWindows1252(const QByteArray &bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x80 && c < 0xA0) {
            const char16_t mapped = windows1252High[c - 0x80];
            text.append(mapped ? QChar(mapped) : QChar(QChar::ReplacementCharacter));
        } else {
            text.append(QChar(char16_t(c)));
        }
    }
    return text;
}

std::optional<TextEncoding> TextDecoding::encodingFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("utf-8") || key == QLatin1String("utf8"))
        return TextEncoding::Utf8;
    if (key == QLatin1String("windows-1252") || key == QLatin1String("cp1252"))
        return TextEncoding::Windows1252;
    return std::nullopt;
}

Result<QString> TextDecoding::decode(const QByteArray &bytes, TextEncoding encoding, bool *legacy)
{
    if (legacy)
        *legacy = false;
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE
                                                            : QStringDecoder::Utf16BE);
        const QString text = decoder(bytes.mid(2));
        if (decoder.hasError() || text.contains(QChar(0)))
            return Error(ErrorKind::BadInput, tr("the UTF-16 text is damaged"));
        return text;
    }
    if (looksBinary(bytes)) {
        return Error(ErrorKind::BadInput,
                     tr("this is not a text file (it holds binary data); if it is a Word or "
                        "PDF letter, give it its .docx or .pdf name"));
    }
    QByteArray body = bytes;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    if (isValidUtf8(body))
        return QString::fromUtf8(body);
    if (encoding == TextEncoding::Utf8) {
        return Error(ErrorKind::BadInput,
                     tr("the text is not UTF-8; it looks like Windows-1252 from older office "
                        "software. Save it as UTF-8 and import it again, or have it read as "
                        "Windows-1252 (Read as Windows-1252 in the window, --encoding "
                        "windows-1252 on the command line) and check the pound signs, quotes "
                        "and accented names"));
    }
    if (legacy)
        *legacy = true;
    return fromWindows1252(body);
}

} // namespace foidesk
