#include "exchange/PublicRequestJson.h"

#include "exchange/RequestJson.h"
#include "redaction/RedactionSpans.h"
#include "util/LiveLogFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QTemporaryFile>
#include <algorithm>

namespace foidesk {

namespace {

// answer with each withheld span replaced by its label. Spans are taken as they come (sorted,
// clipped and merged here again), so that even a list that broke the model's rules cannot let a
// character of a span through.
QString replacedSpans(const QString &answer, QList<Redaction> spans)
{
    std::sort(spans.begin(), spans.end(), [](const Redaction &a, const Redaction &b) {
        return a.start < b.start;
    });
    QString out;
    qsizetype pos = 0;
    QString previousExemption;
    for (const Redaction &span : std::as_const(spans)) {
        qsizetype start = std::clamp<qsizetype>(span.start, 0, answer.size());
        qsizetype end = std::clamp<qsizetype>(span.start + span.length, 0, answer.size());
        // A character outside the Basic Multilingual Plane is two code units: a span that cuts
        // one in half withholds all of it.
        if (start > 0 && start < answer.size() && answer.at(start).isLowSurrogate()
            && answer.at(start - 1).isHighSurrogate())
            --start;
        if (end > 0 && end < answer.size() && answer.at(end).isLowSurrogate()
            && answer.at(end - 1).isHighSurrogate())
            ++end;
        if (end <= pos || end <= start)
            continue; // empty, or wholly inside a span already replaced
        // A span that overlaps or touches the one before under the same exemption is one
        // passage: one label.
        const bool continues = start <= pos && pos > 0 && span.exemption == previousExemption;
        if (start > pos)
            out += answer.mid(pos, start - pos);
        if (!continues)
            out += PublicRequestJson::withheldLabel(span.exemption);
        previousExemption = span.exemption;
        pos = end;
    }
    out += answer.mid(pos);
    return out;
}

void appendDistinct(QStringList &strings, const QString &text)
{
    qsizetype nonSpace = 0;
    for (const QChar c : text) {
        if (!c.isSpace())
            ++nonSpace;
    }
    if (nonSpace >= 2 && !strings.contains(text))
        strings.append(text);
}

QString refusalLines(const Request &request,
                     const ReleaseCheckResult &check,
                     bool removed,
                     const QString &path)
{
    const QStringList withheld = PublicRequestJson::withheldStrings(request);
    const QString fate =
        removed ? PublicRequestJson::tr("the file was deleted")
                : PublicRequestJson::tr("the file %1 could not be deleted: delete it yourself "
                                        "before anyone publishes it")
                      .arg(QDir::toNativeSeparators(path));
    QStringList lines;
    if (!check.error.isEmpty()) {
        lines.append(PublicRequestJson::tr("%1: the public file could not be checked for "
                                           "withheld text (%2); %3.")
                         .arg(request.reference, check.error, fate));
    }
    for (const LeakFinding &finding : check.findings) {
        lines.append(PublicRequestJson::tr("%1: withheld string %2 found in %3; %4.")
                         .arg(request.reference)
                         .arg(withheld.indexOf(finding.withheld) + 1)
                         .arg(finding.where, fate));
    }
    return lines.join(QLatin1Char('\n'));
}

Result<void> writeBytes(const QString &path, const QByteArray &bytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live =
            LiveLogFiles::refuse(path, PublicRequestJson::tr("%1 was not written.").arg(shown));
        !live)
        return live;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(ErrorKind::Io,
                     PublicRequestJson::tr("%1 cannot be written (%2); choose another folder or "
                                           "name.")
                         .arg(shown, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (file.error() == QFileDevice::ResourceError) {
            return Error(ErrorKind::DiskFull,
                         PublicRequestJson::tr("%1 was not written: the disk is full. Free some "
                                               "space and export again.")
                             .arg(shown));
        }
        return Error(ErrorKind::Io,
                     PublicRequestJson::tr("%1 was not written (%2); choose another folder or "
                                           "name.")
                         .arg(shown, file.errorString()));
    }
    return {};
}

// Reads path back; on a finding deletes it and returns the refusal.
Result<void> checkWritten(const Request &request, const QString &path, ReleaseCheckResult *result)
{
    const ReleaseCheckResult check =
        ReleaseCheck::checkTextFile(path,
                                    PublicRequestJson::withheldStrings(request),
                                    ReleaseCheck::requestFingerprint(request));
    if (result)
        *result = check;
    if (check.passed())
        return {};
    const bool removed = QFile::remove(path) || !QFile::exists(path);
    return Error(ErrorKind::Refused, refusalLines(request, check, removed, path));
}

} // namespace

QString PublicRequestJson::withheldLabel(const QString &exemptionCode)
{
    if (exemptionCode.trimmed().isEmpty())
        return tr("[withheld]");
    return tr("[withheld: %1]").arg(exemptionCode.trimmed());
}

Request PublicRequestJson::publicCopy(const Request &request)
{
    Request copy = request;
    copy.id = 0;
    copy.revision = 0;
    copy.requester = Requester{};
    copy.officer.clear();
    copy.letterFinal = false;
    copy.exemptionReasons.clear();
    for (Question &question : copy.questions) {
        question.id = 0;
        const QString codes = question.exemptionsUsed().join(QStringLiteral(", "));
        switch (question.disposition) {
        case Disposition::Withheld:
            question.answer = codes.isEmpty()
                                  ? tr("This information is withheld.")
                                  : tr("This information is withheld under %1.").arg(codes);
            break;
        case Disposition::NeitherConfirmNorDeny:
            question.answer =
                codes.isEmpty() ? tr("The authority neither confirms nor denies that it holds this "
                                     "information.")
                                : tr("The authority neither confirms nor denies that it holds this "
                                     "information (%1).")
                                      .arg(codes);
            break;
        case Disposition::Answered:
        case Disposition::NotHeld:
        case Disposition::PartWithheld:
            question.answer = replacedSpans(question.answer, question.redactions);
            break;
        }
        question.redactions.clear();
    }
    return copy;
}

QStringList PublicRequestJson::withheldStrings(const Request &request)
{
    QStringList strings = redaction::withheldStrings(request);
    for (const Question &question : request.questions) {
        if (question.disposition != Disposition::NeitherConfirmNorDeny)
            continue;
        appendDistinct(strings, question.answer.trimmed());
        for (const QString &line : question.answer.split(QLatin1Char('\n')))
            appendDistinct(strings, line.trimmed());
    }
    return strings;
}

QByteArray PublicRequestJson::serialize(const Request &request)
{
    return RequestJson::serialize(publicCopy(request),
                                  {{QString::fromLatin1(PublicField), QJsonValue(true)}});
}

Result<void> PublicRequestJson::writeFile(const Request &request,
                                    const QString &path,
                                    ReleaseCheckResult *result)
{
    const Result<void> written = writeBytes(path, serialize(request));
    if (!written)
        return written;
    return checkWritten(request, path, result);
}

Result<QByteArray> PublicRequestJson::checkedBytes(const Request &request,
                                                   ReleaseCheckResult *result)
{
    const QByteArray bytes = serialize(request);
    QTemporaryFile file(QDir::temp().filePath(QStringLiteral("foidesk-public-XXXXXX.json")));
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
        return Error(ErrorKind::Io,
                     tr("The public copy of request %1 could not be written to a temporary file "
                        "to check it (%2); free some space in the temporary folder and try "
                        "again.")
                         .arg(request.reference, file.errorString()));
    }
    file.close();
    const Result<void> checked = checkWritten(request, file.fileName(), result);
    if (!checked)
        return checked.error();
    return bytes;
}

bool PublicRequestJson::isPublicExport(const QJsonObject &json)
{
    return json.value(QString::fromLatin1(PublicField)).toBool(false);
}

bool PublicRequestJson::isPublicExport(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError && document.isObject()
           && isPublicExport(document.object());
}

QString PublicRequestJson::importRefusal()
{
    return tr("this file is a public export (\"public\": true): its requester and withheld "
              "passages were removed, so importing it would replace the request with an "
              "incomplete copy. Import a full export (export-json without --public) instead.");
}

} // namespace foidesk
