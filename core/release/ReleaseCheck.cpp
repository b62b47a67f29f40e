#include "release/ReleaseCheck.h"

#include "release/LeakMatcher.h"
#include "release/PdfByteScanner.h"
#include "util/Result.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QtPdf/QPdfBookmarkModel>
#include <QtPdf/QPdfDocument>
#include <optional>

namespace foidesk {

namespace {

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
                                     const LeakMatcher &matcher,
                                     const QString &file,
                                     const QByteArray &fingerprint)
{
    result->checkedAt = QDateTime::currentDateTimeUtc();
    result->file = file;
    result->fingerprint = fingerprint;
    result->withheldCount = matcher.count();
    Result<QByteArray> bytes = readWhole(file);
    if (!bytes) {
        result->error = bytes.errorMessage();
        return std::nullopt;
    }
    result->fileSha256 = sha256Hex(bytes.value());
    return std::move(bytes).value();
}

} // namespace

ReleaseCheckResult ReleaseCheck::checkPdf(const QString &pdfFile,
                                          const QStringList &withheldStrings,
                                          const QByteArray &fingerprint)
{
    return checkPdfWith(pdfFile, LeakMatcher(withheldStrings), fingerprint);
}

ReleaseCheckResult ReleaseCheck::checkTextFile(const QString &file,
                                               const QStringList &withheldStrings,
                                               const QByteArray &fingerprint)
{
    return checkTextFileWith(file, LeakMatcher(withheldStrings), fingerprint);
}

ReleaseCheckResult ReleaseCheck::checkPdfWith(const QString &pdfFile,
                                              const LeakMatcher &prepared,
                                              const QByteArray &fingerprint)
{
    ReleaseCheckResult result;
    LeakMatcher matcher = prepared;
    matcher.clearFindings();
    const std::optional<QByteArray> bytes = startCheck(&result, matcher, pdfFile, fingerprint);
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

    const QString rawError = PdfByteScanner::searchPdf(matcher, bytes.value());
    if (!rawError.isEmpty())
        result.error = rawError;
    result.findings = matcher.findings();
    return result;
}

ReleaseCheckResult ReleaseCheck::checkTextFileWith(const QString &file,
                                                   const LeakMatcher &prepared,
                                                   const QByteArray &fingerprint)
{
    ReleaseCheckResult result;
    LeakMatcher matcher = prepared;
    matcher.clearFindings();
    const std::optional<QByteArray> bytes = startCheck(&result, matcher, file, fingerprint);
    if (!bytes)
        return result;

    PdfByteScanner::searchBytes(
        matcher, bytes.value(), tr("file bytes"), PdfByteScanner::StringObjects::None);
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

} // namespace foidesk
