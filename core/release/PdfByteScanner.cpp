#include "release/PdfByteScanner.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <zlib.h>

namespace foidesk {

namespace {

QString utf16BigEndian(const QByteArray &bytes, qsizetype offset)
{
    QString out;
    out.reserve((bytes.size() - offset) / 2);
    for (qsizetype i = offset; i + 1 < bytes.size(); i += 2) {
        const char16_t unit = char16_t((uchar(bytes.at(i)) << 8) | uchar(bytes.at(i + 1)));
        out += QChar(unit);
    }
    return out;
}

// The text of one PDF string object as a reader would show it: UTF-16BE after its byte order
// mark, UTF-8 after its (PDF 2.0), else PDFDocEncoding, which agrees with Latin-1 for every
// character a name or an address uses.
QString pdfTextString(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFE\xFF"))
        return utf16BigEndian(bytes, 2);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes.mid(3));
    return QString::fromLatin1(bytes);
}

bool isPdfWhiteSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Parses the literal string whose "(" is at bytes[*pos]; leaves *pos after its ")". The content
// is unescaped: \( \) \\ \n and octal escapes, and a backslash before a line break joins lines.
QByteArray literalString(const QByteArray &bytes, qsizetype *pos)
{
    QByteArray out;
    int depth = 1;
    qsizetype i = *pos + 1;
    while (i < bytes.size()) {
        const char c = bytes.at(i);
        if (c == '\\' && i + 1 < bytes.size()) {
            const char e = bytes.at(i + 1);
            i += 2;
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case '\r':
                if (i < bytes.size() && bytes.at(i) == '\n')
                    ++i;
                break;
            case '\n':
                break;
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int k = 0;
                         k < 2 && i < bytes.size() && bytes.at(i) >= '0' && bytes.at(i) <= '7';
                         ++k, ++i)
                        value = value * 8 + (bytes.at(i) - '0');
                    out += char(value & 0xFF);
                } else {
                    out += e; // \( \) \\ and any other character stand for themselves
                }
            }
            continue;
        }
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth == 0) {
                *pos = i + 1;
                return out;
            }
        }
        out += c;
        ++i;
    }
    *pos = bytes.size(); // not closed: the rest of the data is the string
    return out;
}

// Parses the hex string whose "<" is at bytes[*pos]; returns false (and moves nothing) when it
// is not one (a dictionary's "<<", or something that is not hex).
bool hexString(const QByteArray &bytes, qsizetype *pos, QByteArray *out)
{
    qsizetype i = *pos + 1;
    if (i < bytes.size() && bytes.at(i) == '<')
        return false;
    QByteArray decoded;
    int high = -1;
    while (i < bytes.size() && bytes.at(i) != '>') {
        const char c = bytes.at(i++);
        if (isPdfWhiteSpace(c))
            continue;
        const int value = hexValue(c);
        if (value < 0)
            return false;
        if (high < 0) {
            high = value;
        } else {
            decoded += char(high * 16 + value);
            high = -1;
        }
    }
    if (i >= bytes.size())
        return false;
    if (high >= 0)
        decoded += char(high * 16); // an odd last digit is followed by an implied 0
    *pos = i + 1;
    *out = decoded;
    return true;
}

// Every string object in bytes decoded to text, separated by a character that is neither a
// letter nor white space, so that two strings never join into a false match.
QString decodedStrings(const QByteArray &bytes, bool anyUtf16)
{
    QString out;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const char c = bytes.at(i);
        QByteArray decoded;
        if (c == '(') {
            decoded = literalString(bytes, &i);
        } else if (c != '<' || !hexString(bytes, &i, &decoded)) {
            ++i;
            continue;
        }
        out += pdfTextString(decoded);
        out += QChar(0);
        if (anyUtf16 && !decoded.startsWith("\xFE\xFF")) {
            out += utf16BigEndian(decoded, 0);
            out += QChar(0);
        }
    }
    return out;
}

// Looks for the withheld strings in raw bytes read as UTF-8, Latin-1 and UTF-16BE (at both byte
// alignments), and in the PDF string objects the bytes contain, unescaped.
void searchBytesAs(LeakMatcher &matcher,
                   const QByteArray &bytes,
                   const QString &where,
                   PdfByteScanner::StringObjects strings)
{
    matcher.search(QString::fromLatin1(bytes), where);
    bool ascii = true;
    for (const char c : bytes) {
        if (uchar(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (!ascii) {
        matcher.search(QString::fromUtf8(bytes), where);
        matcher.search(utf16BigEndian(bytes, 0), where);
        matcher.search(utf16BigEndian(bytes, 1), where);
    }
    if (strings != PdfByteScanner::StringObjects::None)
        matcher.search(
            decodedStrings(bytes, strings == PdfByteScanner::StringObjects::TextStringsAnyUtf16),
            where);
}

// Streams larger than this when inflated are not searched, and the check fails: no letter comes
// near it, and a stream that cannot be searched whole cannot be said to be clean.
constexpr qsizetype MaxInflatedBytes = qsizetype(256) * 1024 * 1024;

enum class InflateOutcome
{
    Complete,
    Partial,
    Failed,
    TooLarge
};

// zlib (or, when the header is not zlib's, raw deflate) data inflated into *out. A stream that
// breaks off is Partial: what came before the damage is still returned and searched.
InflateOutcome inflateStream(const QByteArray &data, QByteArray *out)
{
    for (const int windowBits : {MAX_WBITS, -MAX_WBITS}) {
        out->clear();
        z_stream zs{};
        if (inflateInit2(&zs, windowBits) != Z_OK)
            return InflateOutcome::Failed;
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        zs.avail_in = uInt(data.size());
        char chunk[65536];
        int rc = Z_OK;
        while (rc == Z_OK) {
            zs.next_out = reinterpret_cast<Bytef *>(chunk);
            zs.avail_out = sizeof(chunk);
            rc = inflate(&zs, Z_NO_FLUSH);
            out->append(chunk, qsizetype(sizeof(chunk) - zs.avail_out));
            if (out->size() > MaxInflatedBytes) {
                inflateEnd(&zs);
                return InflateOutcome::TooLarge;
            }
            if (rc == Z_BUF_ERROR && zs.avail_in == 0)
                break; // the data ended before the end-of-stream marker
        }
        inflateEnd(&zs);
        if (rc == Z_STREAM_END)
            return InflateOutcome::Complete;
        if (!out->isEmpty())
            return InflateOutcome::Partial;
    }
    return InflateOutcome::Failed;
}

bool dictionaryHas(const QByteArray &dictionary, const char *pattern)
{
    const QRegularExpression re(QString::fromLatin1(pattern));
    return re.match(QString::fromLatin1(dictionary)).hasMatch();
}

// Font programs and images hold no text, only glyph outlines and pixels; their binary data
// would only give chance matches of short strings. The text a font draws is in the pages,
// which the PDF reader extracts.
bool isBinaryStream(const QByteArray &dictionary)
{
    return dictionaryHas(dictionary,
                         "/Length[123]\\b|/Subtype\\s*/(Image|Type1C|CIDFontType0C|"
                         "OpenType)\\b");
}

// The raw file: everything outside stream data as it is, each stream's data inflated when it
// is compressed (or as it is when it is not, or does not inflate), the XMP packet named apart.
// Returns an error message when a stream is too large to search.
} // namespace

QString PdfByteScanner::searchPdf(LeakMatcher &matcher, const QByteArray &pdf)
{
    static const QRegularExpression objectHeader(QStringLiteral("(\\d+)\\s+\\d+\\s+obj\\b"));
    static const QRegularExpression lengthEntry(
        QStringLiteral("/Length\\s+(\\d+)(?!\\s+\\d+\\s+R)"));
    QByteArray structure;
    qsizetype pos = 0;
    int ordinal = 0;
    while (pos < pdf.size()) {
        qsizetype keyword = pdf.indexOf("stream", pos);
        while (keyword >= 0 && keyword >= 3 && pdf.mid(keyword - 3, 3) == "end")
            keyword = pdf.indexOf("stream", keyword + 6);
        if (keyword < 0)
            break;
        qsizetype dataStart = keyword + 6;
        if (dataStart < pdf.size() && pdf.at(dataStart) == '\r')
            ++dataStart;
        if (dataStart < pdf.size() && pdf.at(dataStart) == '\n')
            ++dataStart;
        if (dataStart == keyword + 6) {
            // "stream" not followed by a line break is not the keyword (part of a name, say).
            structure += pdf.mid(pos, dataStart - pos);
            pos = dataStart;
            continue;
        }

        const QByteArray before = pdf.mid(pos, keyword - pos);
        structure += before;
        structure += '\0';
        const qsizetype objAt = before.lastIndexOf(" obj");
        const QByteArray dictionary = objAt >= 0 ? before.mid(objAt) : before;
        QString objectName = QString::number(++ordinal);
        QRegularExpressionMatch header;
        QRegularExpressionMatchIterator it = objectHeader.globalMatch(QString::fromLatin1(before));
        while (it.hasNext())
            header = it.next();
        if (header.hasMatch())
            objectName = header.captured(1);

        // The declared length when it is a number and the data really ends there; otherwise the
        // data runs to the next "endstream".
        qsizetype dataEnd = -1;
        const QRegularExpressionMatch length = lengthEntry.match(QString::fromLatin1(dictionary));
        if (length.hasMatch()) {
            const qsizetype declared = length.captured(1).toLongLong();
            qsizetype after = dataStart + declared;
            if (declared >= 0 && after <= pdf.size()) {
                qsizetype k = after;
                while (k < pdf.size() && isPdfWhiteSpace(pdf.at(k)))
                    ++k;
                if (pdf.mid(k, 9) == "endstream")
                    dataEnd = after;
            }
        }
        if (dataEnd < 0) {
            dataEnd = pdf.indexOf("endstream", dataStart);
            if (dataEnd < 0)
                dataEnd = pdf.size();
        }
        const QByteArray data = pdf.mid(dataStart, dataEnd - dataStart);
        pos = dataEnd;

        const bool xmp = dictionaryHas(dictionary, "/Type\\s*/Metadata\\b");
        const QString rawWhere =
            xmp ? QCoreApplication::translate("foidesk::ReleaseCheck", "document metadata (XMP)")
                : QCoreApplication::translate("foidesk::ReleaseCheck", "file bytes");
        if (isBinaryStream(dictionary))
            continue;
        // An object stream holds objects, and so text strings, like the file itself.
        const StringObjects strings = dictionaryHas(dictionary, "/Type\\s*/ObjStm\\b")
                                          ? PdfByteScanner::StringObjects::TextStringsAnyUtf16
                                          : PdfByteScanner::StringObjects::TextStrings;
        if (!dictionaryHas(dictionary, "/FlateDecode\\b")) {
            searchBytesAs(matcher, data, rawWhere, strings);
            continue;
        }
        QByteArray inflated;
        switch (inflateStream(data, &inflated)) {
        case InflateOutcome::TooLarge:
            return QCoreApplication::translate("foidesk::ReleaseCheck",
                                               "stream %1 of the file is too large to search")
                .arg(objectName);
        case InflateOutcome::Failed:
            searchBytesAs(matcher, data, rawWhere, strings);
            break;
        case InflateOutcome::Partial:
            searchBytesAs(matcher, data, rawWhere, strings);
            Q_FALLTHROUGH();
        case InflateOutcome::Complete:
            searchBytesAs(matcher,
                          inflated,
                          xmp ? rawWhere
                              : QCoreApplication::translate("foidesk::ReleaseCheck",
                                                            "file bytes (uncompressed stream %1)")
                                    .arg(objectName),
                          strings);
            break;
        }
    }
    structure += pdf.mid(pos);
    searchBytesAs(matcher,
                  structure,
                  QCoreApplication::translate("foidesk::ReleaseCheck", "file bytes"),
                  PdfByteScanner::StringObjects::TextStringsAnyUtf16);
    return {};
}

void PdfByteScanner::searchBytes(LeakMatcher &matcher,
                                 const QByteArray &bytes,
                                 const QString &where,
                                 StringObjects strings)
{
    searchBytesAs(matcher, bytes, where, strings);
}

} // namespace foidesk
