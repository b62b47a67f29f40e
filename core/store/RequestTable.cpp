#include "store/RequestTable.h"

#include "calendar/Deadlines.h"
#include "calendar/StatutoryClock.h"
#include "model/RequestEnums.h"
#include "store/SqlErrors.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

namespace foidesk {

namespace {


QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString choicesToJson(const QStringList &choices)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(choices)).toJson(QJsonDocument::Compact));
}

QStringList choicesFromJson(const QString &text)
{
    QStringList choices;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        choices.append(value.toString());
    return choices;
}

QString sourceToJson(const AnswerSource &source)
{
    if (source.isEmpty())
        return QString();
    QJsonObject object{{QStringLiteral("reference"), source.reference},
                       {QStringLiteral("question"), source.question}};
    if (source.answered.isValid())
        object.insert(QStringLiteral("answered"), source.answered.toString(Qt::ISODate));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

AnswerSource sourceFromJson(const QString &text)
{
    AnswerSource source;
    if (text.isEmpty())
        return source;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    source.reference = object.value(QStringLiteral("reference")).toString();
    source.question = object.value(QStringLiteral("question")).toString();
    source.answered = QDate::fromString(object.value(QStringLiteral("answered")).toString(),
                                        Qt::ISODate);
    return source;
}

// A question whose stored disposition is not a known code (edited outside FOI Desk) is read as
// withheld in full: showing an answer that was meant to be withheld is the worse mistake.
Disposition dispositionFrom(const QVariant &value)
{
    return dispositionFromCode(value.toString()).value_or(Disposition::Withheld);
}

// The columns a save writes, in the order bindContent() binds them.
const QString contentColumns = QStringLiteral(
    "reference, regime, title, received, requester_name, requester_email, requester_address, "
    "requester_kind, officer, status, held, combined_response, letter_date, letter_final, "
    "introduction, response_sent, due_date, second_signoff_by, first_approval_by, "
    "not_for_publication, not_for_publication_reason, publish_after");

const QString requestColumns = QStringLiteral(
    "id, revision, reference, regime, title, received, requester_name, requester_email, "
    "requester_address, requester_kind, officer, status, held, combined_response, letter_date, "
    "letter_final, introduction, second_signoff_by, first_approval_by, response_sent, "
    "not_for_publication, not_for_publication_reason, publish_after");

const QString questionColumns = QStringLiteral(
    "id, section, label, condition, text, choices, answer, disposition, exemptions, reused_from");

// A request from a row of SELECT requestColumns (its questions and events are read apart).
Request requestFromRow(const QSqlQuery &query)
{
    Request request;
    request.id = query.value(0).toLongLong();
    request.revision = query.value(1).toInt();
    request.reference = query.value(2).toString();
    request.regime = regimeFromCode(query.value(3).toString()).value_or(Regime::FOIA);
    request.title = query.value(4).toString();
    request.received = RequestTable::dateFrom(query.value(5));
    request.requester.name = query.value(6).toString();
    request.requester.email = query.value(7).toString();
    request.requester.address = query.value(8).toString();
    request.requester.kind =
        requesterKindFromCode(query.value(9).toString()).value_or(RequesterKind::Other);
    request.officer = query.value(10).toString();
    request.status = statusFromCode(query.value(11).toString()).value_or(RequestStatus::New);
    request.held = heldFromCode(query.value(12).toString()).value_or(Held::Undecided);
    request.combinedResponse = query.value(13).toString();
    request.letterDate = RequestTable::dateFrom(query.value(14));
    request.letterFinal = query.value(15).toInt() != 0;
    request.introduction = query.value(16).toString();
    request.secondSignoff = query.value(17).toString();
    request.firstApprovalBy = query.value(18).toString();
    request.responseSent = RequestTable::dateFrom(query.value(19));
    request.notForPublication = query.value(20).toInt() != 0;
    request.notForPublicationReason = query.value(21).toString();
    request.publishAfter = RequestTable::dateFrom(query.value(22));
    return request;
}

// A question from a row whose columns from `first` on are questionColumns.
Question questionFromRow(const QSqlQuery &query, int first)
{
    Question question;
    question.id = query.value(first).toLongLong();
    question.section = query.value(first + 1).toString();
    question.label = query.value(first + 2).toString();
    question.condition = query.value(first + 3).toString();
    question.text = query.value(first + 4).toString();
    question.choices = choicesFromJson(query.value(first + 5).toString());
    question.answer = query.value(first + 6).toString();
    question.disposition = dispositionFrom(query.value(first + 7));
    question.exemptions = choicesFromJson(query.value(first + 8).toString());
    question.reusedFrom = sourceFromJson(query.value(first + 9).toString());
    return question;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

// The columns of clock_events that make a ClockEvent, in the order clockEventFromRow reads them.
const QString clockEventColumns = QStringLiteral("kind, date, note, estimated_date, review_result");

// The event in the columns of clockEventColumns from column first on; std::nullopt for a kind
// this version does not know (the table's CHECK allows only known kinds). A result this version
// does not know is read as not recorded.
std::optional<ClockEvent> clockEventFromRow(const QSqlQuery &query, int first)
{
    const std::optional<ClockEventKind> kind =
        clockEventKindFromCode(query.value(first).toString());
    if (!kind)
        return std::nullopt;
    ClockEvent event;
    event.kind = *kind;
    event.date = RequestTable::dateFrom(query.value(first + 1));
    event.note = query.value(first + 2).toString();
    event.estimatedDate = RequestTable::dateFrom(query.value(first + 3));
    const QVariant result = query.value(first + 4);
    if (!result.isNull())
        event.reviewResult = reviewResultFromCode(result.toString());
    return event;
}

} // namespace

RequestTable::RequestTable(const QSqlDatabase &db, const QString &path)
    : m_db(db)
    , m_path(path)
{}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL, with '' for "none".
QString RequestTable::nonNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant RequestTable::dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : nullText();
}

QDate RequestTable::dateFrom(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

// The names of what changed, for the audit trail. Names only: the requester's details are
// personal data and stay out of the trail.
QString RequestTable::changedFields(const Request &before, const Request &after)
{
    const QStringList names = changedFieldNames(before, after);
    return names.isEmpty() ? QStringLiteral("no changes")
                           : QStringLiteral("changed: ") + names.join(QStringLiteral(", "));
}

QStringList RequestTable::changedFieldNames(const Request &before, const Request &after)
{
    QStringList names;
    auto note = [&](bool changed, const char *name) {
        if (changed)
            names.append(QString::fromLatin1(name));
    };
    note(before.reference != after.reference, "reference");
    note(before.regime != after.regime, "regime");
    note(before.title != after.title, "title");
    note(before.introduction != after.introduction, "introduction");
    note(before.received != after.received, "received");
    note(!(before.requester == after.requester), "requester");
    note(before.officer != after.officer, "officer");
    note(before.status != after.status, "status");
    note(before.held != after.held, "held");
    note(before.combinedResponse != after.combinedResponse, "combined response");
    note(before.letterDate != after.letterDate, "letter date");
    note(before.letterFinal != after.letterFinal, "letter final");
    note(before.exemptionReasons != after.exemptionReasons, "exemption reasons");
    note(before.secondSignoff != after.secondSignoff, "second sign-off");
    note(before.clockEvents != after.clockEvents, "clock events");
    note(before.responseSent != after.responseSent, "response sent");
    note(before.notForPublication != after.notForPublication, "not for publication");
    note(before.notForPublicationReason != after.notForPublicationReason,
         "not for publication reason");
    note(before.publishAfter != after.publishAfter, "publish after");
    bool questionsChanged = before.questions.size() != after.questions.size();
    for (qsizetype i = 0; !questionsChanged && i < before.questions.size(); ++i)
        questionsChanged = !before.questions[i].sameContent(after.questions[i]);
    note(questionsChanged, "questions");
    return names;
}

RequestTable::Filter RequestTable::filter(const RequestQuery &query)
{
    QStringList conditions;
    Filter filter;
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        conditions.append(
            QStringLiteral("(reference LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\' "
                           "OR requester_name LIKE ? ESCAPE '\\' OR officer LIKE ? ESCAPE '\\')"));
        const QString pattern = likePattern(text);
        for (int i = 0; i < 4; ++i)
            filter.values.append(pattern);
    }
    if (query.status) {
        conditions.append(QStringLiteral("status = ?"));
        filter.values.append(statusCode(*query.status));
    }
    if (query.openOnly) {
        QStringList marks;
        for (RequestStatus status : allStatuses()) {
            if (isOpenStatus(status)) {
                marks.append(QStringLiteral("?"));
                filter.values.append(statusCode(status));
            }
        }
        conditions.append(QStringLiteral("status IN (") + marks.join(u',') + u')');
    }
    if (!query.officers.isEmpty()) {
        QStringList marks;
        for (const QString &officer : query.officers) {
            // A null string would be bound as NULL, which matches nothing.
            marks.append(QStringLiteral("coalesce(?, '')"));
            filter.values.append(officer.trimmed());
        }
        // No officer (NULL or blanks) is matched by "".
        conditions.append(QStringLiteral("coalesce(trim(officer), '') COLLATE NOCASE IN (")
                          + marks.join(u',') + u')');
    }
    if (!query.notFirstApprovedBy.isEmpty()) {
        conditions.append(
            QStringLiteral("coalesce(first_approval_by, '') <> ? COLLATE NOCASE"));
        filter.values.append(query.notFirstApprovedBy);
    }
    if (query.dueBefore.isValid()) {
        conditions.append(QStringLiteral("due_date < ?"));
        filter.values.append(dateValue(query.dueBefore));
    }
    if (query.dueFrom.isValid()) {
        conditions.append(QStringLiteral("due_date >= ?"));
        filter.values.append(dateValue(query.dueFrom));
    }
    if (!query.dueUntil.isEmpty()) {
        QStringList byRegime;
        for (const auto &[regime, until] : query.dueUntil) {
            byRegime.append(QStringLiteral("(regime = ? AND due_date <= ?)"));
            filter.values.append(regimeCode(regime));
            filter.values.append(dateValue(until));
        }
        conditions.append(QStringLiteral("(") + byRegime.join(QStringLiteral(" OR "))
                          + QStringLiteral(")"));
    }
    if (query.matchNothing)
        conditions.append(QStringLiteral("0"));
    if (!conditions.isEmpty())
        filter.where = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return filter;
}

QString RequestTable::orderBy(const RequestQuery &query)
{
    const QString direction =
        query.order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString key;
    switch (query.sortKey) {
    case RequestQuery::SortKey::Reference:
        key = QStringLiteral("reference"); // the column collates NOCASE
        break;
    case RequestQuery::SortKey::Title:
        key = QStringLiteral("title COLLATE NOCASE");
        break;
    case RequestQuery::SortKey::Received:
        key = QStringLiteral("received");
        break;
    case RequestQuery::SortKey::Due:
        key = QStringLiteral("due_date");
        break;
    case RequestQuery::SortKey::Status: {
        // The order of the workflow, not of the codes' spelling.
        key = QStringLiteral("CASE status");
        int rank = 0;
        for (RequestStatus status : allStatuses())
            key += QStringLiteral(" WHEN '%1' THEN %2").arg(statusCode(status)).arg(rank++);
        key += QStringLiteral(" ELSE %1 END").arg(rank);
        break;
    }
    case RequestQuery::SortKey::Officer:
        key = QStringLiteral("officer COLLATE NOCASE");
        break;
    case RequestQuery::SortKey::DaysLeft: {
        // Requests without days left (closed, or no due date) last in either direction.
        QStringList open;
        for (RequestStatus status : allStatuses()) {
            if (isOpenStatus(status))
                open.append(QStringLiteral("'%1'").arg(statusCode(status)));
        }
        key = QStringLiteral("CASE WHEN due_date IS NOT NULL AND status IN (%1) THEN 0 ELSE 1 END, "
                             "due_date")
                  .arg(open.join(u','));
        break;
    }
    }
    // id breaks ties so that paging never shows a row twice or skips one.
    return QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", id") + direction;
}

Error RequestTable::failed(const QSqlQuery &query, const QString &outcome) const
{
    return SqlErrors::fromSql(query.lastError(), m_path, outcome);
}

QVariant RequestTable::dueDateFor(const Request &request, const StatutoryClock &clock) const
{
    if (!request.received.isValid())
        return nullText();
    const Result<ClockWorking> working = clock.work(request);
    return working && working->due.isValid() ? dateValue(working->due) : nullText();
}

void RequestTable::bindContent(QSqlQuery &query, const Request &request) const
{
    query.addBindValue(nonNull(request.reference));
    query.addBindValue(regimeCode(request.regime));
    query.addBindValue(nonNull(request.title));
    query.addBindValue(dateValue(request.received));
    query.addBindValue(nonNull(request.requester.name));
    query.addBindValue(nonNull(request.requester.email));
    query.addBindValue(nonNull(request.requester.address));
    query.addBindValue(requesterKindCode(request.requester.kind));
    query.addBindValue(nonNull(request.officer));
    query.addBindValue(statusCode(request.status));
    query.addBindValue(nonNull(heldCode(request.held)));
    query.addBindValue(nonNull(request.combinedResponse));
    query.addBindValue(dateValue(request.letterDate));
    query.addBindValue(request.letterFinal ? 1 : 0);
    query.addBindValue(nonNull(request.introduction));
    query.addBindValue(dateValue(request.responseSent));
    query.addBindValue(dueDateFor(request, StatutoryClock()));
    query.addBindValue(nonNull(request.secondSignoff));
    query.addBindValue(nonNull(request.firstApprovalBy));
    query.addBindValue(request.notForPublication ? 1 : 0);
    query.addBindValue(nonNull(request.notForPublicationReason));
    query.addBindValue(dateValue(request.publishAfter));
}

// Reads the request matching `column = key`, with its questions. NotFound when none.
Result<Request>
RequestTable::read(const QString &column, const QVariant &key, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + requestColumns
                  + QStringLiteral(" FROM requests WHERE ") + column + QStringLiteral(" = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return failed(query, outcome);
    if (!query.next()) {
        if (query.lastError().isValid())
            return failed(query, outcome);
        return Error(ErrorKind::NotFound,
                     Store::tr("There is no request %1 in %2. It may have been deleted; "
                        "refresh the list to see the requests there are.")
                         .arg(key.toString(), shown(m_path)));
    }
    Request request = requestFromRow(query);
    query.finish();

    QSqlQuery questions(m_db);
    questions.setForwardOnly(true);
    questions.prepare(QStringLiteral("SELECT ") + questionColumns
                      + QStringLiteral(" FROM questions WHERE request_id = ? ORDER BY position"));
    questions.addBindValue(request.id);
    if (!questions.exec())
        return failed(questions, outcome);
    while (questions.next())
        request.questions.append(questionFromRow(questions, 0));
    if (questions.lastError().isValid())
        return failed(questions, outcome);
    questions.finish();
    if (const Result<void> read = readRedactions(request, outcome); !read)
        return read.error();
    if (const Result<void> read = readExemptionReasons(request, outcome); !read)
        return read.error();
    if (const Result<void> read = readClockEvents(request, outcome); !read)
        return read.error();
    return request;
}

// The same as read() for each request received between first and last, in five queries in all
// rather than five for each request: the figures of a quarter read a few thousand at a time.
Result<QList<Request>> RequestTable::readReceivedBetween(const QDate &first,
                                                         const QDate &last,
                                                         const QString &outcome) const
{
    const QString received = QStringLiteral("received >= ? AND received <= ?");
    const QString ids = QStringLiteral("(SELECT id FROM requests WHERE ") + received + u')';
    const auto run = [&](QSqlQuery &query, const QString &sql) {
        query.setForwardOnly(true);
        query.prepare(sql);
        query.addBindValue(dateValue(first));
        query.addBindValue(dateValue(last));
        return query.exec();
    };

    QList<Request> requests;
    QHash<qint64, qsizetype> requestAt;
    QSqlQuery rows(m_db);
    if (!run(rows,
             QStringLiteral("SELECT ") + requestColumns + QStringLiteral(" FROM requests WHERE ")
                 + received + QStringLiteral(" ORDER BY received, id")))
        return failed(rows, outcome);
    while (rows.next()) {
        requestAt.insert(rows.value(0).toLongLong(), requests.size());
        requests.append(requestFromRow(rows));
    }
    if (rows.lastError().isValid())
        return failed(rows, outcome);
    rows.finish();

    // Question id -> (request, question) index, for the redactions.
    QHash<qint64, QPair<qsizetype, qsizetype>> questionAt;
    QSqlQuery questions(m_db);
    if (!run(questions,
             QStringLiteral("SELECT request_id, ") + questionColumns
                 + QStringLiteral(" FROM questions WHERE request_id IN ") + ids
                 + QStringLiteral(" ORDER BY request_id, position")))
        return failed(questions, outcome);
    while (questions.next()) {
        const auto at = requestAt.constFind(questions.value(0).toLongLong());
        if (at == requestAt.cend())
            continue;
        QList<Question> &list = requests[*at].questions;
        questionAt.insert(questions.value(1).toLongLong(), {*at, list.size()});
        list.append(questionFromRow(questions, 1));
    }
    if (questions.lastError().isValid())
        return failed(questions, outcome);
    questions.finish();

    QSqlQuery redactions(m_db);
    if (!run(redactions,
             QStringLiteral("SELECT r.question_id, r.start, r.length, r.exemption FROM "
                            "question_redactions r JOIN questions q ON q.id = r.question_id "
                            "WHERE q.request_id IN ")
                 + ids + QStringLiteral(" ORDER BY r.question_id, r.start, r.position")))
        return failed(redactions, outcome);
    while (redactions.next()) {
        const auto at = questionAt.constFind(redactions.value(0).toLongLong());
        if (at == questionAt.cend())
            continue;
        Redaction redaction;
        redaction.start = qsizetype(redactions.value(1).toLongLong());
        redaction.length = qsizetype(redactions.value(2).toLongLong());
        redaction.exemption = redactions.value(3).toString();
        requests[at->first].questions[at->second].redactions.append(redaction);
    }
    if (redactions.lastError().isValid())
        return failed(redactions, outcome);
    redactions.finish();

    QSqlQuery reasons(m_db);
    if (!run(reasons,
             QStringLiteral("SELECT request_id, code, reasoning, public_interest FROM "
                            "request_exemption_reasons WHERE request_id IN ")
                 + ids))
        return failed(reasons, outcome);
    while (reasons.next()) {
        const auto at = requestAt.constFind(reasons.value(0).toLongLong());
        if (at == requestAt.cend())
            continue;
        ExemptionReasoning reasoning;
        reasoning.reasoning = reasons.value(2).toString();
        reasoning.publicInterest = reasons.value(3).toString();
        requests[*at].exemptionReasons.insert(reasons.value(1).toString(), reasoning);
    }
    if (reasons.lastError().isValid())
        return failed(reasons, outcome);
    reasons.finish();

    QSqlQuery events(m_db);
    if (!run(events,
             QStringLiteral("SELECT request_id, ") + clockEventColumns
                 + QStringLiteral(" FROM clock_events WHERE request_id IN ") + ids
                 + QStringLiteral(" ORDER BY request_id, position")))
        return failed(events, outcome);
    while (events.next()) {
        const auto at = requestAt.constFind(events.value(0).toLongLong());
        const std::optional<ClockEvent> event = clockEventFromRow(events, 1);
        if (at == requestAt.cend() || !event)
            continue;
        requests[*at].clockEvents.append(*event);
    }
    if (events.lastError().isValid())
        return failed(events, outcome);
    return requests;
}

// Fills in the redactions of every question of request, sorted by where they start.
Result<void> RequestTable::readRedactions(Request &request, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT r.question_id, r.start, r.length, r.exemption FROM question_redactions r "
        "JOIN questions q ON q.id = r.question_id WHERE q.request_id = ? "
        "ORDER BY r.question_id, r.start, r.position"));
    query.addBindValue(request.id);
    if (!query.exec())
        return failed(query, outcome);
    QHash<qint64, qsizetype> indexOf;
    for (qsizetype i = 0; i < request.questions.size(); ++i)
        indexOf.insert(request.questions[i].id, i);
    while (query.next()) {
        const auto found = indexOf.constFind(query.value(0).toLongLong());
        if (found == indexOf.cend())
            continue;
        Redaction redaction;
        redaction.start = qsizetype(query.value(1).toLongLong());
        redaction.length = qsizetype(query.value(2).toLongLong());
        redaction.exemption = query.value(3).toString();
        request.questions[*found].redactions.append(redaction);
    }
    if (query.lastError().isValid())
        return failed(query, outcome);
    return {};
}

Result<void> RequestTable::readExemptionReasons(Request &request, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT code, reasoning, public_interest FROM "
                                 "request_exemption_reasons WHERE request_id = ?"));
    query.addBindValue(request.id);
    if (!query.exec())
        return failed(query, outcome);
    while (query.next()) {
        ExemptionReasoning reasoning;
        reasoning.reasoning = query.value(1).toString();
        reasoning.publicInterest = query.value(2).toString();
        request.exemptionReasons.insert(query.value(0).toString(), reasoning);
    }
    if (query.lastError().isValid())
        return failed(query, outcome);
    return {};
}

Result<std::optional<qint64>> RequestTable::idOf(const QString &reference,
                                                 const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM requests WHERE reference = ?"));
    query.addBindValue(nonNull(reference));
    if (!query.exec())
        return failed(query, outcome);
    if (query.next())
        return std::optional<qint64>(query.value(0).toLongLong());
    if (query.lastError().isValid())
        return failed(query, outcome);
    return std::optional<qint64>();
}

Result<QPair<QString, int>> RequestTable::referenceOf(qint64 id, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT reference, revision FROM requests WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return failed(query, outcome);
    if (query.next())
        return qMakePair(query.value(0).toString(), query.value(1).toInt());
    if (query.lastError().isValid())
        return failed(query, outcome);
    return Error(ErrorKind::NotFound,
                 outcome + u' '
                     + Store::tr("The request is no longer in the log: someone else deleted it. "
                          "Refresh the list to see the requests there are."));
}

// Replaces the questions of a request, giving each its new id.
Result<void>
RequestTable::writeQuestions(qint64 requestId, QList<Question> &questions, const QString &outcome)
{
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM questions WHERE request_id = ?"));
    remove.addBindValue(requestId);
    if (!remove.exec())
        return failed(remove, outcome);
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO questions (request_id, position, section, label, condition, text, "
        "choices, answer, disposition, exemptions, reused_from) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery redact(m_db);
    redact.prepare(QStringLiteral("INSERT INTO question_redactions (question_id, position, "
                                  "start, length, exemption) VALUES (?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < questions.size(); ++i) {
        Question &question = questions[i];
        insert.addBindValue(requestId);
        insert.addBindValue(int(i));
        insert.addBindValue(nonNull(question.section));
        insert.addBindValue(nonNull(question.label));
        insert.addBindValue(nonNull(question.condition));
        insert.addBindValue(nonNull(question.text));
        insert.addBindValue(choicesToJson(question.choices));
        insert.addBindValue(nonNull(question.answer));
        insert.addBindValue(dispositionCode(question.disposition));
        insert.addBindValue(choicesToJson(question.exemptions));
        insert.addBindValue(nonNull(sourceToJson(question.reusedFrom)));
        if (!insert.exec())
            return failed(insert, outcome);
        question.id = insert.lastInsertId().toLongLong();
        // As given: the model keeps them normalized, and the offsets must not move.
        for (qsizetype k = 0; k < question.redactions.size(); ++k) {
            const Redaction &redaction = question.redactions[k];
            redact.addBindValue(question.id);
            redact.addBindValue(qint64(k));
            redact.addBindValue(qint64(redaction.start));
            redact.addBindValue(qint64(redaction.length));
            redact.addBindValue(nonNull(redaction.exemption));
            if (!redact.exec())
                return failed(redact, outcome);
        }
    }
    return {};
}

// Replaces the exemption reasons of a request.
Result<void> RequestTable::writeExemptionReasons(qint64 requestId,
                                           const QMap<QString, ExemptionReasoning> &reasons,
                                           const QString &outcome)
{
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM request_exemption_reasons WHERE request_id = ?"));
    remove.addBindValue(requestId);
    if (!remove.exec())
        return failed(remove, outcome);
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO request_exemption_reasons (request_id, code, "
                                  "reasoning, public_interest) VALUES (?, ?, ?, ?)"));
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        insert.addBindValue(requestId);
        insert.addBindValue(nonNull(it.key()));
        insert.addBindValue(nonNull(it->reasoning));
        insert.addBindValue(nonNull(it->publicInterest));
        if (!insert.exec())
            return failed(insert, outcome);
    }
    return {};
}

// Replaces the clock events of a request, in date order.
Result<void> RequestTable::writeClockEvents(qint64 requestId,
                                            const QList<ClockEvent> &events,
                                            const QString &outcome)
{
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM clock_events WHERE request_id = ?"));
    remove.addBindValue(requestId);
    if (!remove.exec())
        return failed(remove, outcome);
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO clock_events (request_id, position, ")
                   + clockEventColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const QList<ClockEvent> ordered = inDateOrder(events);
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const ClockEvent &event = ordered.at(i);
        insert.addBindValue(requestId);
        insert.addBindValue(qint64(i));
        insert.addBindValue(clockEventKindCode(event.kind));
        insert.addBindValue(dateValue(event.date));
        insert.addBindValue(nonNull(event.note));
        insert.addBindValue(dateValue(event.estimatedDate));
        insert.addBindValue(event.reviewResult ? QVariant(reviewResultCode(*event.reviewResult))
                                               : nullText());
        if (!insert.exec())
            return failed(insert, outcome);
    }
    return {};
}

Result<QHash<qint64, QList<ClockEvent>>> RequestTable::readAllClockEvents(const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT request_id, ") + clockEventColumns
                    + QStringLiteral(" FROM clock_events ORDER BY request_id, position")))
        return failed(query, outcome);
    QHash<qint64, QList<ClockEvent>> all;
    while (query.next()) {
        if (const std::optional<ClockEvent> event = clockEventFromRow(query, 1))
            all[query.value(0).toLongLong()].append(*event);
    }
    if (query.lastError().isValid())
        return failed(query, outcome);
    return all;
}

Result<void> RequestTable::readClockEvents(Request &request, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + clockEventColumns
                  + QStringLiteral(" FROM clock_events WHERE request_id = ? ORDER BY position"));
    query.addBindValue(request.id);
    if (!query.exec())
        return failed(query, outcome);
    request.clockEvents.clear();
    while (query.next()) {
        if (const std::optional<ClockEvent> event = clockEventFromRow(query, 0))
            request.clockEvents.append(*event);
    }
    if (query.lastError().isValid())
        return failed(query, outcome);
    return {};
}

// BadInput when an event has a field its kind cannot have (a review result on anything but a
// review outcome) or the events are in an order the law does not allow; a shortage of holiday
// data is no reason to refuse a save, and a request without a date received has no clock yet.
Result<void> RequestTable::checkClockEvents(const Request &request, const QString &outcome) const
{
    // A field that does not suit its kind is refused even when there is no clock to work out.
    for (const ClockEvent &event : request.clockEvents) {
        if (const QString problem = clockEventFieldProblem(event); !problem.isEmpty())
            return Error(ErrorKind::BadInput, outcome + u' ' + problem);
    }
    if (!request.received.isValid() || (request.clockEvents.isEmpty() && !request.responseSent.isValid()))
        return {};
    const Result<ClockWorking> working = StatutoryClock().work(request);
    if (!working && working.errorKind() == ErrorKind::BadInput)
        return Error(ErrorKind::BadInput, outcome + u' ' + working.errorMessage());
    return {};
}

// BadInput naming the first question whose withheld passages do not lie inside its answer.
Result<void> RequestTable::checkRedactions(const Request &request, const QString &outcome) const
{
    for (qsizetype i = 0; i < request.questions.size(); ++i) {
        const Question &question = request.questions[i];
        for (const Redaction &redaction : question.redactions) {
            if (redaction.start >= 0 && redaction.length > 0
                && redaction.end() <= question.answer.size())
                continue;
            return Error(ErrorKind::BadInput,
                         outcome + u' '
                             + Store::tr("Question %1 has a withheld passage (characters %2 to %3) "
                                  "that is not inside its answer of %4 characters. Remove "
                                  "the redaction in the Redactions panel and redact the text "
                                  "again.")
                                   .arg(i + 1)
                                   .arg(redaction.start + 1)
                                   .arg(redaction.end())
                                   .arg(question.answer.size()));
        }
    }
    return {};
}

// Inserts a new request at revision 1; sets its id and its questions' ids.
Result<void> RequestTable::insert(Request &request, const QString &outcome)
{
    const QString now = nowUtc();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO requests (") + contentColumns
                  + QStringLiteral(", revision, created_at, updated_at) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"));
    bindContent(query, request);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec())
        return failed(query, outcome);
    request.id = query.lastInsertId().toLongLong();
    request.revision = 1;
    if (const Result<void> written = writeQuestions(request.id, request.questions, outcome); !written)
        return written;
    if (const Result<void> written = writeClockEvents(request.id, request.clockEvents, outcome);
        !written)
        return written;
    return writeExemptionReasons(request.id, request.exemptionReasons, outcome);
}

// Overwrites the stored request with this id if it is still at storedRevision; the
// revision goes up by one. Returns whether the row was there to update.
Result<bool> RequestTable::update(Request &request, int storedRevision, const QString &outcome)
{
    QString assignments;
    for (const QString &column : contentColumns.split(QStringLiteral(", ")))
        assignments += column + QStringLiteral(" = ?, ");
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE requests SET ") + assignments
                  + QStringLiteral("updated_at = ?, revision = revision + 1 "
                                   "WHERE id = ? AND revision = ?"));
    bindContent(query, request);
    query.addBindValue(nowUtc());
    query.addBindValue(request.id);
    query.addBindValue(storedRevision);
    if (!query.exec())
        return failed(query, outcome);
    if (query.numRowsAffected() != 1)
        return false;
    request.revision = storedRevision + 1;
    Result<void> written = writeQuestions(request.id, request.questions, outcome);
    if (written)
        written = writeExemptionReasons(request.id, request.exemptionReasons, outcome);
    if (written)
        written = writeClockEvents(request.id, request.clockEvents, outcome);
    if (!written)
        return written.error();
    return true;
}

Error RequestTable::referenceMissing(const QString &outcome) const
{
    return Error(ErrorKind::BadInput,
                 outcome + u' '
                     + Store::tr("A request needs a reference, such as 6370952. Type one in "
                          "the Reference field, then try again."));
}
} // namespace foidesk
