#include "store/FieldChanges.h"

#include "model/ClockEvent.h"
#include "model/RequestEnums.h"
#include "store/RequestTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace foidesk {

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString listText(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QString redactionsText(const QList<Redaction> &redactions)
{
    QJsonArray array;
    for (const Redaction &r : redactions) {
        array.append(QJsonObject{{QStringLiteral("start"), qint64(r.start)},
                                 {QStringLiteral("length"), qint64(r.length)},
                                 {QStringLiteral("exemption"), r.exemption}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString reasonsText(const QMap<QString, ExemptionReasoning> &reasons)
{
    QJsonObject object;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        object.insert(it.key(),
                      QJsonObject{{QStringLiteral("reasoning"), it->reasoning},
                                  {QStringLiteral("public_interest"), it->publicInterest}});
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString clockEventsText(const QList<ClockEvent> &events)
{
    QJsonArray array;
    for (const ClockEvent &event : events) {
        QJsonObject object{{QStringLiteral("kind"), clockEventKindCode(event.kind)},
                           {QStringLiteral("date"), dateText(event.date)}};
        if (event.estimatedDate.isValid())
            object.insert(QStringLiteral("estimated_date"), dateText(event.estimatedDate));
        if (event.reviewResult)
            object.insert(QStringLiteral("result"), reviewResultCode(*event.reviewResult));
        if (!event.note.isEmpty())
            object.insert(QStringLiteral("note"), event.note);
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// "6370952 question 3 (answered 2020-06-22)", or "" for an answer written here.
QString sourceText(const AnswerSource &source)
{
    if (source.isEmpty())
        return QString();
    QString text = QStringLiteral("%1 question %2").arg(source.reference, source.question);
    if (source.answered.isValid())
        text += QStringLiteral(" (answered %1)").arg(source.answered.toString(Qt::ISODate));
    return text;
}

QString questionText(const Question &q)
{
    QJsonObject object{{QStringLiteral("section"), q.section},
                       {QStringLiteral("label"), q.label},
                       {QStringLiteral("condition"), q.condition},
                       {QStringLiteral("text"), q.text},
                       {QStringLiteral("choices"), QJsonArray::fromStringList(q.choices)},
                       {QStringLiteral("answer"), q.answer},
                       {QStringLiteral("disposition"), dispositionCode(q.disposition)},
                       {QStringLiteral("exemptions"), QJsonArray::fromStringList(q.exemptions)},
                       {QStringLiteral("redactions"),
                        QJsonDocument::fromJson(redactionsText(q.redactions).toUtf8()).array()}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QList<HistoryRecord> FieldChanges::records(const Request &before, const Request &after)
{
    QList<HistoryRecord> records;
    const auto note = [&](const QString &field, const QString &was, const QString &now) {
        if (was == now)
            return;
        HistoryRecord record;
        record.action = QStringLiteral("change");
        record.reference = after.reference;
        record.revision = after.revision;
        record.field = field;
        record.oldValue = was;
        record.newValue = now;
        records.append(record);
    };
    // Personal data: that it changed, never what it was or became.
    const auto notePersonal = [&](const QString &field, bool changed) {
        if (!changed)
            return;
        HistoryRecord record;
        record.action = QStringLiteral("change");
        record.reference = after.reference;
        record.revision = after.revision;
        record.field = field;
        record.detail = QStringLiteral("%1 changed").arg(field);
        records.append(record);
    };
    note(QStringLiteral("reference"), before.reference, after.reference);
    note(QStringLiteral("regime"), regimeCode(before.regime), regimeCode(after.regime));
    note(QStringLiteral("title"), before.title, after.title);
    note(QStringLiteral("introduction"), before.introduction, after.introduction);
    note(QStringLiteral("received"), dateText(before.received), dateText(after.received));
    notePersonal(QStringLiteral("requester name"), before.requester.name != after.requester.name);
    notePersonal(QStringLiteral("requester email"),
                 before.requester.email != after.requester.email);
    notePersonal(QStringLiteral("requester address"),
                 before.requester.address != after.requester.address);
    note(QStringLiteral("requester kind"),
         requesterKindCode(before.requester.kind),
         requesterKindCode(after.requester.kind));
    note(QStringLiteral("officer"), before.officer, after.officer);
    note(QStringLiteral("status"), statusCode(before.status), statusCode(after.status));
    note(QStringLiteral("held"), heldCode(before.held), heldCode(after.held));
    note(QStringLiteral("combined response"), before.combinedResponse, after.combinedResponse);
    note(QStringLiteral("letter date"), dateText(before.letterDate), dateText(after.letterDate));
    note(QStringLiteral("letter final"),
         before.letterFinal ? QStringLiteral("yes") : QStringLiteral("no"),
         after.letterFinal ? QStringLiteral("yes") : QStringLiteral("no"));
    note(QStringLiteral("exemption reasons"),
         reasonsText(before.exemptionReasons),
         reasonsText(after.exemptionReasons));
    note(QStringLiteral("second sign-off"), before.secondSignoff, after.secondSignoff);
    note(QStringLiteral("clock events"),
         clockEventsText(before.clockEvents),
         clockEventsText(after.clockEvents));
    note(QStringLiteral("response sent"),
         dateText(before.responseSent),
         dateText(after.responseSent));
    note(QStringLiteral("not for publication"),
         before.notForPublication ? QStringLiteral("yes") : QStringLiteral("no"),
         after.notForPublication ? QStringLiteral("yes") : QStringLiteral("no"));
    note(QStringLiteral("not for publication reason"),
         before.notForPublicationReason,
         after.notForPublicationReason);
    note(QStringLiteral("publish after"), dateText(before.publishAfter), dateText(after.publishAfter));

    const qsizetype common = qMin(before.questions.size(), after.questions.size());
    for (qsizetype i = 0; i < common; ++i) {
        const Question &was = before.questions.at(i);
        const Question &now = after.questions.at(i);
        const QString name = QStringLiteral("question %1 ").arg(i + 1);
        note(name + QStringLiteral("section"), was.section, now.section);
        note(name + QStringLiteral("label"), was.label, now.label);
        note(name + QStringLiteral("condition"), was.condition, now.condition);
        note(name + QStringLiteral("text"), was.text, now.text);
        note(name + QStringLiteral("choices"), listText(was.choices), listText(now.choices));
        note(name + QStringLiteral("answer"), was.answer, now.answer);
        note(name + QStringLiteral("disposition"),
             dispositionCode(was.disposition),
             dispositionCode(now.disposition));
        note(name + QStringLiteral("exemptions"),
             listText(was.exemptions),
             listText(now.exemptions));
        note(name + QStringLiteral("redactions"),
             redactionsText(was.redactions),
             redactionsText(now.redactions));
        note(name + QStringLiteral("answer copied from"),
             sourceText(was.reusedFrom),
             sourceText(now.reusedFrom));
    }
    for (qsizetype i = common; i < before.questions.size(); ++i)
        note(QStringLiteral("question %1").arg(i + 1), questionText(before.questions.at(i)), {});
    for (qsizetype i = common; i < after.questions.size(); ++i)
        note(QStringLiteral("question %1").arg(i + 1), {}, questionText(after.questions.at(i)));
    return records;
}

HistoryRecord FieldChanges::saveRecord(const Request &before, const Request &after)
{
    HistoryRecord save;
    save.action = QStringLiteral("save");
    save.reference = after.reference;
    save.revision = after.revision;
    QStringList fields;
    QJsonObject was;
    QJsonObject now;
    for (const HistoryRecord &record : records(before, after)) {
        fields.append(record.field);
        if (!record.detail.isEmpty())
            continue; // personal data: named, never valued
        was.insert(record.field, record.oldValue);
        now.insert(record.field, record.newValue);
    }
    save.field = fields.join(QStringLiteral(", "));
    save.oldValue = QString::fromUtf8(QJsonDocument(was).toJson(QJsonDocument::Compact));
    save.newValue = QString::fromUtf8(QJsonDocument(now).toJson(QJsonDocument::Compact));
    return save;
}

QStringList FieldChanges::contentChanges(const Request &before, const Request &after)
{
    QStringList names = RequestTable::changedFieldNames(before, after);
    names.removeAll(QStringLiteral("status"));
    names.removeAll(QStringLiteral("officer"));
    names.removeAll(QStringLiteral("letter final"));
    names.removeAll(QStringLiteral("second sign-off"));
    // What happened to the request after its letter was written (a clarification, a fee, an
    // internal review) moves its clock, not its letter: the approval stands, and a sent
    // request takes these without being reopened.
    names.removeAll(QStringLiteral("clock events"));
    names.removeAll(QStringLiteral("response sent"));
    // Publication in the disclosure log is decided after the letter, often once it was sent.
    names.removeAll(QStringLiteral("not for publication"));
    names.removeAll(QStringLiteral("not for publication reason"));
    names.removeAll(QStringLiteral("publish after"));
    return names;
}

} // namespace foidesk
