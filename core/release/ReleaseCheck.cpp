#include "release/ReleaseCheck.h"

#include "exchange/RequestJson.h"
#include "util/LiveLogFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUuid>
#include <QtPdf/QPdfBookmarkModel>
#include <QtPdf/QPdfDocument>
#include <optional>
#include <zlib.h>

namespace foidesk {

namespace {


// The form both sides are compared in: compatibility-decomposed and recomposed (NFKC, so the
// ligature "ﬁ" a PDF reader returns matches "fi"), case-folded, invisible format characters
// (soft hyphens, zero-width spaces) dropped, and every run of white space, line breaks and
// no-break spaces included, made one space.
QString normalisedForMatch(QStringView text)
{
    const QString composed = text.toString().normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(composed.size());
    bool inSpace = false;
    for (const QChar c : composed) {
        if (c.category() == QChar::Other_Format)
            continue;
        if (c.isSpace()) {
            if (!inSpace)
                out += QLatin1Char(' ');
            inSpace = true;
            continue;
        }
        inSpace = false;
        out += c;
    }
    return out.toCaseFolded();
}

// One withheld string as it is looked for. number is its place (from 1) in the list the caller
// gave, so that findings can be named without repeating the string.
struct Needle
{
    int number = 0;
    QString original;
    QString normalised;
};

// A single character, or two with a space between, is in every letter ever written: looking for
// it would refuse every export and protect nothing. A name, an email address or a telephone
// number always has more.
constexpr int MinimumNonSpaceCharacters = 2;

QList<Needle> needlesFor(const QStringList &withheldStrings)
{
    QList<Needle> needles;
    QStringList seen;
    for (qsizetype i = 0; i < withheldStrings.size(); ++i) {
        const QString normalised = normalisedForMatch(withheldStrings.at(i)).trimmed();
        qsizetype nonSpace = 0;
        for (const QChar c : normalised) {
            if (!c.isSpace())
                ++nonSpace;
        }
        if (nonSpace < MinimumNonSpaceCharacters || seen.contains(normalised))
            continue;
        seen.append(normalised);
        needles.append({int(i + 1), withheldStrings.at(i), normalised});
    }
    return needles;
}

// Collects findings, one per withheld string and place.
class Matcher
{
public:
    explicit Matcher(const QList<Needle> &needles)
        : m_needles(needles)
    {}

    void search(QStringView text, const QString &where)
    {
        if (m_needles.isEmpty() || text.isEmpty())
            return;
        const QString haystack = normalisedForMatch(text);
        for (const Needle &needle : m_needles) {
            if (haystack.contains(needle.normalised))
                add(needle, where);
        }
    }

    QList<LeakFinding> findings() const { return m_findings; }

private:
    void add(const Needle &needle, const QString &where)
    {
        const LeakFinding finding{needle.original, where};
        if (!m_findings.contains(finding))
            m_findings.append(finding);
    }

    QList<Needle> m_needles;
    QList<LeakFinding> m_findings;
};

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

// Which PDF string objects in some bytes are decoded and searched. Text strings (metadata,
// annotations, bookmarks) live in the objects of the file; there a string without a byte order
// mark is also read as UTF-16BE, as careless writers leave it out. Page content holds strings of
// glyph numbers, which read as UTF-16BE give chance matches of short strings, so content
// streams are read the way the PDF standard says text strings are encoded, and no other.
enum class StringObjects
{
    None,
    TextStrings,
    TextStringsAnyUtf16
};

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
void searchBytes(Matcher &matcher,
                 const QByteArray &bytes,
                 const QString &where,
                 StringObjects strings)
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
    if (strings != StringObjects::None)
        matcher.search(decodedStrings(bytes, strings == StringObjects::TextStringsAnyUtf16), where);
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
QString searchRawPdf(Matcher &matcher, const QByteArray &pdf)
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
        const QString rawWhere = xmp ? ReleaseCheck::tr("document metadata (XMP)") : ReleaseCheck::tr("file bytes");
        if (isBinaryStream(dictionary))
            continue;
        // An object stream holds objects, and so text strings, like the file itself.
        const StringObjects strings = dictionaryHas(dictionary, "/Type\\s*/ObjStm\\b")
                                          ? StringObjects::TextStringsAnyUtf16
                                          : StringObjects::TextStrings;
        if (!dictionaryHas(dictionary, "/FlateDecode\\b")) {
            searchBytes(matcher, data, rawWhere, strings);
            continue;
        }
        QByteArray inflated;
        switch (inflateStream(data, &inflated)) {
        case InflateOutcome::TooLarge:
            return ReleaseCheck::tr("stream %1 of the file is too large to search").arg(objectName);
        case InflateOutcome::Failed:
            searchBytes(matcher, data, rawWhere, strings);
            break;
        case InflateOutcome::Partial:
            searchBytes(matcher, data, rawWhere, strings);
            Q_FALLTHROUGH();
        case InflateOutcome::Complete:
            searchBytes(matcher,
                        inflated,
                        xmp ? rawWhere
                            : ReleaseCheck::tr("file bytes (uncompressed stream %1)").arg(objectName),
                        strings);
            break;
        }
    }
    structure += pdf.mid(pos);
    searchBytes(matcher, structure, ReleaseCheck::tr("file bytes"), StringObjects::TextStringsAnyUtf16);
    return {};
}

// Every string of a JSON document, keys included, with its escapes (\", \n, \u00e2) undone.
void collectJsonStrings(const QJsonValue &value, QString *out)
{
    if (value.isString()) {
        *out += value.toString();
        *out += QChar(0);
    } else if (value.isArray()) {
        for (const QJsonValue &element : value.toArray())
            collectJsonStrings(element, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            *out += it.key();
            *out += QChar(0);
            collectJsonStrings(it.value(), out);
        }
    }
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// How a withheld string may be shown where others might see it: its first character, then
// its length.
QString masked(const QString &withheld)
{
    const QList<uint> codePoints = withheld.trimmed().toUcs4();
    if (codePoints.isEmpty())
        return ReleaseCheck::tr("an empty string");
    const char32_t first = char32_t(codePoints.first());
    return ReleaseCheck::tr("\"%1… (%n characters)\"", nullptr, int(codePoints.size()))
        .arg(QString::fromUcs4(&first, 1));
}

Result<QByteArray> readWhole(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io,
                     ReleaseCheck::tr("%1 could not be opened to read it back (%2)")
                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return file.readAll();
}

// What every check starts with: the result's identity, the strings to look for, and the file
// read whole and hashed. Empty (with result->error set) when the file cannot be read.
std::optional<QByteArray> startCheck(ReleaseCheckResult *result,
                                     QList<Needle> *needles,
                                     const QString &file,
                                     const QStringList &withheldStrings,
                                     const QByteArray &fingerprint)
{
    result->checkedAt = QDateTime::currentDateTimeUtc();
    result->file = file;
    result->fingerprint = fingerprint;
    *needles = needlesFor(withheldStrings);
    result->withheldCount = int(needles->size());
    Result<QByteArray> bytes = readWhole(file);
    if (!bytes) {
        result->error = bytes.errorMessage();
        return std::nullopt;
    }
    result->fileSha256 = sha256Hex(bytes.value());
    return std::move(bytes).value();
}

} // namespace

QString ReleaseCheckResult::summary() const
{
    if (!error.isEmpty())
        return ReleaseCheck::tr("Release check FAILED: %1.").arg(error);
    if (!findings.isEmpty()) {
        const LeakFinding &first = findings.first();
        QString line = ReleaseCheck::tr("Release check FAILED: %1 found in %2.")
                           .arg(masked(first.withheld), first.where);
        if (findings.size() > 1) {
            const int more = int(findings.size()) - 1;
            line += QLatin1Char(' ')
                    + QCoreApplication::translate(
                        "foidesk::ReleaseCheck", "%n more finding(s).", nullptr, more);
        }
        return line;
    }
    if (withheldCount == 0)
        return ReleaseCheck::tr("Release check: nothing is withheld, so there was nothing to look for.");
    if (pagesRead > 0) {
        return ReleaseCheck::tr("Release check passed: %1, none found in %2.")
            .arg(QCoreApplication::translate(
                     "foidesk::ReleaseCheck", "%n withheld string(s)", nullptr, withheldCount),
                 QCoreApplication::translate(
                     "foidesk::ReleaseCheck", "%n page(s)", nullptr, pagesRead));
    }
    return ReleaseCheck::tr("Release check passed: %1, none found in the file.")
        .arg(QCoreApplication::translate(
            "foidesk::ReleaseCheck", "%n withheld string(s)", nullptr, withheldCount));
}

ReleaseCheckResult ReleaseCheck::checkPdf(const QString &pdfFile,
                                          const QStringList &withheldStrings,
                                          const QByteArray &fingerprint)
{
    ReleaseCheckResult result;
    QList<Needle> needles;
    const std::optional<QByteArray> bytes =
        startCheck(&result, &needles, pdfFile, withheldStrings, fingerprint);
    if (!bytes)
        return result;

    if (!qobject_cast<QCoreApplication *>(QCoreApplication::instance())) {
        result.error = tr("the PDF reader needs the application to be started first");
        return result;
    }
    QPdfDocument document;
    const QPdfDocument::Error loaded = document.load(pdfFile);
    if (loaded != QPdfDocument::Error::None || document.status() != QPdfDocument::Status::Ready) {
        result.error = tr("%1 could not be read back as a PDF (error %2)")
                           .arg(QDir::toNativeSeparators(pdfFile))
                           .arg(int(loaded));
        return result;
    }
    if (document.pageCount() < 1) {
        result.error =
            tr("%1 has no pages that could be read back").arg(QDir::toNativeSeparators(pdfFile));
        return result;
    }

    Matcher matcher(needles);
    for (int page = 0; page < document.pageCount(); ++page) {
        matcher.search(document.getAllText(page).text(), tr("page %1 text").arg(page + 1));
        ++result.pagesRead;
    }
    const QList<QPair<QPdfDocument::MetaDataField, QString>> fields = {
        {QPdfDocument::MetaDataField::Title, tr("document title")},
        {QPdfDocument::MetaDataField::Subject, tr("document subject")},
        {QPdfDocument::MetaDataField::Author, tr("document author")},
        {QPdfDocument::MetaDataField::Keywords, tr("document keywords")},
        {QPdfDocument::MetaDataField::Producer, tr("document producer")},
        {QPdfDocument::MetaDataField::Creator, tr("document creator")},
    };
    for (const auto &[field, where] : fields)
        matcher.search(document.metaData(field).toString(), where);

    QPdfBookmarkModel bookmarks;
    bookmarks.setDocument(&document);
    QString outline;
    QList<QModelIndex> pending = {QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < bookmarks.rowCount(parent); ++row) {
            const QModelIndex index = bookmarks.index(row, 0, parent);
            outline += index.data(int(QPdfBookmarkModel::Role::Title)).toString();
            outline += QChar(0);
            pending.append(index);
        }
    }
    matcher.search(outline, tr("bookmarks"));
    document.close();

    const QString rawError = searchRawPdf(matcher, bytes.value());
    if (!rawError.isEmpty())
        result.error = rawError;
    result.findings = matcher.findings();
    return result;
}

ReleaseCheckResult ReleaseCheck::checkTextFile(const QString &file,
                                               const QStringList &withheldStrings,
                                               const QByteArray &fingerprint)
{
    ReleaseCheckResult result;
    QList<Needle> needles;
    const std::optional<QByteArray> bytes =
        startCheck(&result, &needles, file, withheldStrings, fingerprint);
    if (!bytes)
        return result;

    Matcher matcher(needles);
    searchBytes(matcher, bytes.value(), tr("file bytes"), StringObjects::None);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes.value(), &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        QString strings;
        collectJsonStrings(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()),
                           &strings);
        matcher.search(strings, tr("file text (JSON strings)"));
    }
    result.findings = matcher.findings();
    return result;
}

QByteArray ReleaseCheck::requestFingerprint(const Request &request)
{
    Request content = request;
    content.id = 0;
    content.revision = 0;
    content.letterFinal = false;
    // The status does not change what a letter discloses, and marking the request released is
    // exactly what a passed check allows: it must not make that check stale.
    content.status = RequestStatus::New;
    for (Question &question : content.questions)
        question.id = 0;
    // The exchange format keeps a redaction as its text, which cannot say which occurrence of
    // a repeated word is withheld; the offsets decide what the letter prints, so they count too.
    QByteArray bytes = RequestJson::serialize(content);
    for (qsizetype i = 0; i < content.questions.size(); ++i) {
        for (const Redaction &span : content.questions.at(i).redactions) {
            bytes += "\nspan " + QByteArray::number(i) + ' ' + QByteArray::number(span.start) + ' '
                     + QByteArray::number(span.length) + ' ' + span.exemption.toUtf8();
        }
    }
    return sha256Hex(bytes);
}

bool ReleaseCheck::mayRelease(const Request &request,
                              const std::optional<ReleaseCheckResult> &lastCheck,
                              QString *reason)
{
    const auto refuse = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (!request.withholdsAnything())
        return true;
    if (!lastCheck) {
        return refuse(tr("Request %1 withholds information and its letter has not been checked "
                         "yet. Export the final letter to PDF; it is read back and checked for "
                         "withheld text, and then the request can be marked as released.")
                          .arg(request.reference));
    }
    if (!lastCheck->passed()) {
        return refuse(tr("The last release check of request %1 failed (%2). Correct the "
                         "redactions, export the final letter again and mark the request as "
                         "released once the check passes.")
                          .arg(request.reference, lastCheck->summary()));
    }
    if (lastCheck->fingerprint != requestFingerprint(request)) {
        return refuse(tr("Request %1 has changed since its letter was last checked. Export the "
                         "final letter again; once its release check passes the request can be "
                         "marked as released.")
                          .arg(request.reference));
    }
    if (reason)
        reason->clear();
    return true;
}

Result<void> exportCheckedPdf(const LetterDocument &letter,
                        const QString &path,
                        const ExportOptions &options,
                        const QByteArray &fingerprint,
                        ReleaseCheckResult *result)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live = LiveLogFiles::refuse(
            path,
            ReleaseCheck::tr("The letter for request %1 was not exported.").arg(letter.reference));
        !live)
        return live;
    if (letter.revealsWithheld) {
        return Error(ErrorKind::Refused,
                     ReleaseCheck::tr("%1: the supervisor view shows withheld text and is never "
                                      "exported; export the letter itself instead. Nothing was "
                                      "written.")
                         .arg(letter.reference));
    }

    if (letter.withheldStrings.isEmpty()) {
        const Result<void> written = PdfExporter::exportPdf(letter, path, options);
        if (!written)
            return written;
        if (result) {
            ReleaseCheckResult nothing;
            nothing.checkedAt = QDateTime::currentDateTimeUtc();
            nothing.file = path;
            nothing.fingerprint = fingerprint;
            *result = nothing;
        }
        return {};
    }

    // The letter is written beside its destination under a name no one would send, checked
    // there, and only moved into place once the check has passed: a leaking letter never
    // appears under the name asked for, even for a moment.
    const QFileInfo target(path);
    const QString checking = target.dir().filePath(
        QStringLiteral(".") + target.fileName() + QStringLiteral(".")
        + QUuid::createUuid().toString(QUuid::Id128).left(12) + QStringLiteral(".checking"));
    const Result<void> written = PdfExporter::exportPdf(letter, checking, options);
    if (!written) {
        QFile::remove(checking);
        if (written.errorKind() == ErrorKind::Io || written.errorKind() == ErrorKind::DiskFull) {
            QString message = written.errorMessage();
            message.replace(QDir::toNativeSeparators(checking), shown);
            return Error(written.errorKind(), message);
        }
        return written;
    }

    ReleaseCheckResult check =
        ReleaseCheck::checkPdf(checking, letter.withheldStrings, fingerprint);
    check.file = path;
    if (!check.passed()) {
        const bool removed = QFile::remove(checking);
        const QString fate =
            removed ? ReleaseCheck::tr("the file was deleted")
                    : ReleaseCheck::tr("the file %1 could not be deleted: delete it yourself "
                                       "before anyone sends it")
                          .arg(QDir::toNativeSeparators(checking));
        QStringList lines;
        if (!check.error.isEmpty()) {
            lines.append(ReleaseCheck::tr("%1: the PDF could not be checked for withheld text "
                                          "(%2); %3.")
                             .arg(letter.reference, check.error, fate));
        }
        for (const LeakFinding &finding : std::as_const(check.findings)) {
            const int number = int(letter.withheldStrings.indexOf(finding.withheld)) + 1;
            lines.append(ReleaseCheck::tr("%1: withheld string %2 found in %3; %4.")
                             .arg(letter.reference)
                             .arg(number)
                             .arg(finding.where, fate));
        }
        if (result)
            *result = check;
        return Error(ErrorKind::Refused, lines.join(QLatin1Char('\n')));
    }

    // Windows will not rename over an existing file, so the old one goes first.
    if (QFile::exists(path) && !QFile::remove(path)) {
        QFile::remove(checking);
        return Error(ErrorKind::Io,
                     ReleaseCheck::tr("%1 could not be replaced (is it open in another "
                                      "program?); close it, or choose another name, and export "
                                      "again.")
                         .arg(shown));
    }
    if (!QFile::rename(checking, path)) {
        QFile::remove(checking);
        return Error(
            ErrorKind::Io,
            ReleaseCheck::tr("%1 could not be written; choose another folder or name.").arg(shown));
    }
    if (result)
        *result = check;
    return {};
}

} // namespace foidesk
