#include "exchange/RequestJson.h"

#include "exchange/JsonWriter.h"
#include "exchange/RequestJsonReader.h"
#include "exemptions/ExemptionCatalogue.h"
#include "model/RequestEnums.h"
#include "util/LiveLogFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

namespace foidesk {

namespace {


// Codes are stored canonical already; a code the shipped catalogue does not know (an
// authority's local exemption) is written as it is.
QString canonical(Regime regime, const QString &code)
{
    static const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
    if (!shipped)
        return code;
    return shipped->canonicalCode(regime, code).value_or(code);
}

// The distinct {text, exemption} pairs of an answer's redactions, in the order of the answer.
// Reading the file back withholds each text at every occurrence: never less than the spans.
QList<QPair<QString, QString>> redactionPairs(const Question &q, Regime regime)
{
    QList<QPair<QString, QString>> pairs;
    for (const Redaction &redaction : q.redactions) {
        const QString text = q.answer.mid(redaction.start, redaction.length);
        if (text.isEmpty())
            continue;
        const QPair<QString, QString> pair(text, canonical(regime, redaction.exemption));
        if (!pairs.contains(pair))
            pairs.append(pair);
    }
    return pairs;
}

void writeQuestionExemptions(JsonWriter &w, const Question &q, Regime regime)
{
    if (q.disposition != Disposition::Answered) {
        w.key(u"disposition");
        w.value(dispositionCode(q.disposition));
    }
    if (!q.exemptions.isEmpty()) {
        w.key(u"exemptions");
        w.beginArray();
        for (const QString &code : q.exemptions)
            w.value(canonical(regime, code));
        w.endArray();
    }
    const QList<QPair<QString, QString>> pairs = redactionPairs(q, regime);
    if (!pairs.isEmpty()) {
        w.key(u"redactions");
        w.beginArray();
        for (const auto &[text, exemption] : pairs) {
            w.beginObject();
            w.key(u"text");
            w.value(text);
            w.key(u"exemption");
            w.value(exemption);
            w.endObject();
        }
        w.endArray();
    }
}

// A reason with only its reasoning is written as a string, the form people write by hand.
void writeExemptionReasons(JsonWriter &w, const Request &r)
{
    if (r.exemptionReasons.isEmpty())
        return;
    w.key(u"exemption_reasons");
    w.beginObject();
    QStringList written;
    for (auto it = r.exemptionReasons.cbegin(); it != r.exemptionReasons.cend(); ++it) {
        // Two stored keys for one exemption keep their own spelling, so that reading the file
        // back names the clash instead of one text replacing the other.
        QString code = canonical(r.regime, it.key());
        if (written.contains(code))
            code = it.key();
        written.append(code);
        w.key(code);
        if (it->publicInterest.isEmpty()) {
            w.value(it->reasoning);
            continue;
        }
        w.beginObject();
        w.key(u"reasoning");
        w.value(it->reasoning);
        w.key(u"public_interest");
        w.value(it->publicInterest);
        w.endObject();
    }
    w.endObject();
}

// In date order; a note, an estimated date and a review's result only when there is one.
void writeClockEvents(JsonWriter &w, const Request &r)
{
    if (r.clockEvents.isEmpty())
        return;
    w.key(u"clock_events");
    w.beginArray();
    for (const ClockEvent &event : inDateOrder(r.clockEvents)) {
        w.beginObject();
        w.key(u"kind");
        w.value(clockEventKindCode(event.kind));
        w.key(u"date");
        w.value(event.date.toString(Qt::ISODate));
        if (!event.note.isEmpty()) {
            w.key(u"note");
            w.value(event.note);
        }
        if (event.estimatedDate.isValid()) {
            w.key(u"estimated_date");
            w.value(event.estimatedDate.toString(Qt::ISODate));
        }
        if (event.reviewResult) {
            w.key(u"result");
            w.value(reviewResultCode(*event.reviewResult));
        }
        w.endObject();
    }
    w.endArray();
}

void writeRequest(JsonWriter &w, const Request &r)
{
    w.key(u"format");
    w.value(QString::fromLatin1(RequestJson::FormatTag));
    w.key(u"reference");
    w.value(r.reference);
    w.key(u"regime");
    w.value(regimeCode(r.regime));
    if (!r.title.isEmpty()) {
        w.key(u"title");
        w.value(r.title);
    }
    if (r.received.isValid()) {
        w.key(u"received");
        w.value(r.received.toString(Qt::ISODate));
    }
    if (!(r.requester == Requester())) {
        w.key(u"requester");
        w.beginObject();
        if (!r.requester.name.isEmpty()) {
            w.key(u"name");
            w.value(r.requester.name);
        }
        if (!r.requester.email.isEmpty()) {
            w.key(u"email");
            w.value(r.requester.email);
        }
        if (!r.requester.address.isEmpty()) {
            w.key(u"address");
            w.value(r.requester.address);
        }
        w.key(u"kind");
        w.value(requesterKindCode(r.requester.kind));
        w.endObject();
    }
    if (!r.officer.isEmpty()) {
        w.key(u"officer");
        w.value(r.officer);
    }
    w.key(u"status");
    w.value(statusCode(r.status));
    if (r.held != Held::Undecided) {
        w.key(u"held");
        w.value(heldCode(r.held));
    }
    if (!r.combinedResponse.isEmpty()) {
        w.key(u"combined_response");
        w.value(r.combinedResponse);
    }
    if (!r.introduction.isEmpty()) {
        w.key(u"introduction");
        w.value(r.introduction);
    }
    if (!r.questions.isEmpty()) {
        w.key(u"questions");
        w.beginArray();
        for (const Question &q : r.questions) {
            w.beginObject();
            if (!q.section.isEmpty()) {
                w.key(u"section");
                w.value(q.section);
            }
            if (!q.label.isEmpty()) {
                w.key(u"label");
                w.value(q.label);
            }
            if (!q.condition.isEmpty()) {
                w.key(u"condition");
                w.value(q.condition);
            }
            w.key(u"text");
            w.value(q.text);
            if (!q.choices.isEmpty()) {
                w.key(u"choices");
                w.beginArray();
                for (const QString &choice : q.choices)
                    w.value(choice);
                w.endArray();
            }
            if (!q.answer.isEmpty()) {
                w.key(u"answer");
                w.value(q.answer);
            }
            writeQuestionExemptions(w, q, r.regime);
            if (!q.reusedFrom.isEmpty()) {
                w.key(u"reused_from");
                w.beginObject();
                w.key(u"reference");
                w.value(q.reusedFrom.reference);
                if (!q.reusedFrom.question.isEmpty()) {
                    w.key(u"question");
                    w.value(q.reusedFrom.question);
                }
                if (q.reusedFrom.answered.isValid()) {
                    w.key(u"answered");
                    w.value(q.reusedFrom.answered.toString(Qt::ISODate));
                }
                w.endObject();
            }
            w.endObject();
        }
        w.endArray();
    }
    writeExemptionReasons(w, r);
    writeClockEvents(w, r);
    if (r.letterDate.isValid()) {
        w.key(u"letter_date");
        w.value(r.letterDate.toString(Qt::ISODate));
    }
    if (r.letterFinal) {
        w.key(u"letter_final");
        w.value(true);
    }
    if (r.responseSent.isValid()) {
        w.key(u"response_sent");
        w.value(r.responseSent.toString(Qt::ISODate));
    }
    if (r.notForPublication) {
        w.key(u"not_for_publication");
        w.value(true);
    }
    if (!r.notForPublicationReason.isEmpty()) {
        w.key(u"not_for_publication_reason");
        w.value(r.notForPublicationReason);
    }
    if (r.publishAfter.isValid()) {
        w.key(u"publish_after");
        w.value(r.publishAfter.toString(Qt::ISODate));
    }
}

} // namespace

Result<Request> RequestJson::parse(const QByteArray &json)
{
    return RequestJsonReader::parse(json);
}

Result<Request> RequestJson::readFile(const QString &path)
{
    return RequestJsonReader::readFile(path);
}

QByteArray RequestJson::serialize(const Request &request)
{
    return serialize(request, {});
}

QByteArray RequestJson::serialize(const Request &request,
                                  const QList<QPair<QString, QJsonValue>> &extraFields)
{
    JsonWriter writer;
    writer.beginObject();
    writeRequest(writer, request);
    for (const auto &field : extraFields) {
        writer.key(field.first);
        writer.value(field.second);
    }
    writer.endObject();
    return writer.toUtf8();
}

Result<void> RequestJson::writeFile(const Request &request, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live =
            LiveLogFiles::refuse(path, RequestJson::tr("Request %1 was not exported.").arg(request.reference));
        !live)
        return live;
    const QByteArray data = serialize(request);
    QSaveFile file(path);
    const auto failure = [&](const QString &reason) -> Result<void> {
        const QStorageInfo storage(QFileInfo(path).absolutePath());
        if (storage.isValid() && storage.bytesAvailable() >= 0
            && storage.bytesAvailable() < data.size()) {
            return Error(ErrorKind::DiskFull,
                         RequestJson::tr("Could not write %1: the disk is full. Free some space and try "
                            "again.")
                             .arg(shown));
        }
        return Error(ErrorKind::Io,
                     RequestJson::tr("Could not write %1 (%2). Check that the folder exists and that you may "
                        "write to it.")
                         .arg(shown, reason));
    };
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    if (!file.commit())
        return failure(file.errorString());
    return {};
}

} // namespace foidesk
