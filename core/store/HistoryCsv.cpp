#include "store/HistoryCsv.h"

#include "model/RequestEnums.h"
#include "release/WithheldText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace foidesk {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

QList<Redaction> redactionsFrom(const QString &text)
{
    QList<Redaction> spans;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Redaction span;
        span.start = object.value(QStringLiteral("start")).toInteger();
        span.length = object.value(QStringLiteral("length")).toInteger();
        span.exemption = object.value(QStringLiteral("exemption")).toString();
        spans.append(span);
    }
    return spans;
}

// A whole question as FieldChanges writes it when one is added or removed.
Question questionFrom(const QString &text)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    Question q;
    q.text = object.value(QStringLiteral("text")).toString();
    q.answer = object.value(QStringLiteral("answer")).toString();
    q.disposition = dispositionFromCode(object.value(QStringLiteral("disposition")).toString())
                        .value_or(Disposition::Answered);
    q.redactions = redactionsFrom(
        QString::fromUtf8(QJsonDocument(object.value(QStringLiteral("redactions")).toArray())
                              .toJson(QJsonDocument::Compact)));
    return q;
}

// Puts the values a change replaced back into questions: the state before it.
void undo(QList<Question> &questions, const QString &field, const QString &oldValue)
{
    static const QRegularExpression pattern(
        QStringLiteral("^question (\\d+)(?: (answer|redactions|disposition))?$"));
    const QRegularExpressionMatch match = pattern.match(field);
    if (!match.hasMatch())
        return;
    const qsizetype index = match.captured(1).toLongLong() - 1;
    if (index < 0 || index > 10000)
        return;
    const QString part = match.captured(2);
    if (part.isEmpty()) {
        // A question added by the change did not exist before it; one removed did.
        if (oldValue.isEmpty()) {
            if (index < questions.size())
                questions[index] = Question();
        } else {
            if (questions.size() <= index)
                questions.resize(index + 1);
            questions[index] = questionFrom(oldValue);
        }
        return;
    }
    if (questions.size() <= index)
        questions.resize(index + 1);
    Question &q = questions[index];
    if (part == QLatin1String("answer"))
        q.answer = oldValue;
    else if (part == QLatin1String("redactions"))
        q.redactions = redactionsFrom(oldValue);
    else
        q.disposition = dispositionFromCode(oldValue).value_or(Disposition::Answered);
}

} // namespace

QStringList HistoryCsv::withheldStrings(const Request &now, const QList<AuditEntry> &entries)
{
    QStringList strings = WithheldText::strings(now);
    QList<AuditEntry> newestFirst = entries;
    std::stable_sort(newestFirst.begin(),
                     newestFirst.end(),
                     [](const AuditEntry &a, const AuditEntry &b) { return a.id > b.id; });
    Request state = now;
    for (const AuditEntry &entry : std::as_const(newestFirst)) {
        if (entry.action == QLatin1String("save")) {
            const QJsonObject old = QJsonDocument::fromJson(entry.oldValue.toUtf8()).object();
            for (auto it = old.constBegin(); it != old.constEnd(); ++it)
                undo(state.questions, it.key(), it.value().toString());
        } else if (entry.action == QLatin1String("change")) {
            undo(state.questions, entry.field, entry.oldValue);
        } else {
            continue;
        }
        for (const QString &text : WithheldText::strings(state)) {
            if (!strings.contains(text))
                strings.append(text);
        }
    }
    return strings;
}

QString HistoryCsv::masked(QString value, const QStringList &withheld)
{
    QStringList longestFirst = withheld;
    std::stable_sort(longestFirst.begin(),
                     longestFirst.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &text : std::as_const(longestFirst)) {
        if (!text.isEmpty())
            value.replace(text, QStringLiteral("[withheld]"));
    }
    return value;
}

QByteArray HistoryCsv::write(const QList<AuditEntry> &entries, const QStringList &withheld)
{
    QString out =
        QStringLiteral("id,at,user,action,reference,revision,field,old_value,new_value,detail\r\n");
    for (const AuditEntry &e : entries) {
        const QStringList fields{QString::number(e.id),
                                 e.at.toString(Qt::ISODateWithMs),
                                 e.user,
                                 e.action,
                                 e.reference,
                                 QString::number(e.revision),
                                 e.field,
                                 masked(e.oldValue, withheld),
                                 masked(e.newValue, withheld),
                                 masked(e.detail, withheld)};
        QStringList cells;
        for (const QString &field : fields)
            cells.append(csvField(field));
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace foidesk
