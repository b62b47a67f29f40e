#include "exchange/PublicRequestJson.h"

#include "exchange/RequestJson.h"
#include "exchange/RequestFingerprint.h"
#include "release/CheckedWrite.h"
#include "release/ReleaseCheck.h"
#include "release/WithheldText.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QTemporaryDir>
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
            out += WithheldText::label(span.exemption);
        previousExemption = span.exemption;
        pos = end;
    }
    out += answer.mid(pos);
    return out;
}

Result<void> writeBytes(const QString &path, const QByteArray &bytes)
{
    const QString shown = QDir::toNativeSeparators(path);
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

// The public copy of request written through the leak rule's one checked write.
Result<void> checkedWrite(const Request &request, const QString &path, ReleaseCheckResult *result)
{
    const QByteArray bytes = PublicRequestJson::serialize(request);
    CheckedWrite::Job job;
    job.path = path;
    job.reference = request.reference;
    job.what = PublicRequestJson::tr("the public file");
    job.withheld = WithheldText::strings(request);
    job.fingerprint = RequestFingerprint::of(request);
    job.write = [&bytes](const QString &file) { return writeBytes(file, bytes); };
    job.check = &ReleaseCheck::checkTextFile;
    // A public file is small: it is read back even when nothing is withheld.
    job.checkWhenNothingWithheld = true;
    return CheckedWrite::run(job, result);
}

} // namespace

Request PublicRequestJson::publicCopy(const Request &request)
{
    Request copy = request;
    copy.id = 0;
    copy.revision = 0;
    copy.requester = Requester{};
    copy.officer.clear();
    copy.letterFinal = false;
    copy.exemptionReasons.clear();
    // An officer's note on a clarification or a fee may name the requester; the dates stay.
    for (ClockEvent &event : copy.clockEvents)
        event.note.clear();
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

QByteArray PublicRequestJson::serialize(const Request &request)
{
    return RequestJson::serialize(publicCopy(request),
                                  {{QString::fromLatin1(PublicField), QJsonValue(true)}});
}

Result<void> PublicRequestJson::writeFile(const Request &request,
                                    const QString &path,
                                    ReleaseCheckResult *result)
{
    return checkedWrite(request, path, result);
}

Result<QByteArray> PublicRequestJson::checkedBytes(const Request &request,
                                                   ReleaseCheckResult *result)
{
    QTemporaryDir folder;
    if (!folder.isValid()) {
        return Error(ErrorKind::Io,
                     tr("The public copy of request %1 could not be checked: no temporary folder "
                        "could be made (%2). Free some space in the temporary folder and try "
                        "again.")
                         .arg(request.reference, folder.errorString()));
    }
    const QString file = folder.filePath(QStringLiteral("public.json"));
    const Result<void> checked = checkedWrite(request, file, result);
    if (!checked)
        return checked.error();
    QFile written(file);
    if (!written.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io,
                     tr("The checked public copy of request %1 could not be read (%2).")
                         .arg(request.reference, written.errorString()));
    }
    return written.readAll();
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
