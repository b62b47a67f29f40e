#include "exchange/RequestJson.h"

#include "exchange/JsonWriter.h"
#include "exchange/RequestJsonReader.h"
#include "model/RequestEnums.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

namespace foidesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("foidesk::RequestJson", text);
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
            w.endObject();
        }
        w.endArray();
    }
    if (r.letterDate.isValid()) {
        w.key(u"letter_date");
        w.value(r.letterDate.toString(Qt::ISODate));
    }
    if (r.letterFinal) {
        w.key(u"letter_final");
        w.value(true);
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

Status RequestJson::writeFile(const Request &request, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QByteArray data = serialize(request);
    QSaveFile file(path);
    const auto failure = [&](const QString &reason) -> Status {
        const QStorageInfo storage(QFileInfo(path).absolutePath());
        if (storage.isValid() && storage.bytesAvailable() >= 0
            && storage.bytesAvailable() < data.size()) {
            return Error(ErrorKind::DiskFull,
                         tr("Could not write %1: the disk is full. Free some space and try "
                            "again.")
                             .arg(shown));
        }
        return Error(ErrorKind::Io,
                     tr("Could not write %1 (%2). Check that the folder exists and that you may "
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
