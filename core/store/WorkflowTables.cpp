#include "store/WorkflowTables.h"

#include "store/RequestTable.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace foidesk {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

ReviewComment commentFrom(const QSqlQuery &query)
{
    ReviewComment comment;
    comment.id = query.value(0).toLongLong();
    comment.requestId = query.value(1).toLongLong();
    if (!query.value(2).isNull())
        comment.question = query.value(2).toInt();
    comment.author = query.value(3).toString();
    comment.text = query.value(4).toString();
    comment.at = timeFrom(query.value(5));
    comment.resolved = query.value(6).toInt() != 0;
    comment.resolvedBy = query.value(7).toString();
    comment.resolvedAt = timeFrom(query.value(8));
    return comment;
}

const QString commentColumns = QStringLiteral(
    "id, request_id, question, author, text, at, resolved, resolved_by, resolved_at");

} // namespace

WorkflowTables::WorkflowTables(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

QString WorkflowTables::decisionCode(ReviewDecision::Kind kind)
{
    switch (kind) {
    case ReviewDecision::Kind::Approve:
        return QStringLiteral("approve");
    case ReviewDecision::Kind::SecondApprove:
        return QStringLiteral("second_approve");
    case ReviewDecision::Kind::Return:
        return QStringLiteral("return");
    }
    return {};
}

Result<ReviewComment> WorkflowTables::addComment(const ReviewComment &comment,
                                                 const QString &outcome)
{
    ReviewComment stored = comment;
    stored.at = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO review_comments (request_id, question, author, "
                                 "text, at) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(stored.requestId);
    query.addBindValue(stored.question ? QVariant(*stored.question)
                                       : QVariant(QMetaType::fromType<int>()));
    query.addBindValue(RequestTable::nonNull(stored.author));
    query.addBindValue(RequestTable::nonNull(stored.text));
    query.addBindValue(stored.at.toString(Qt::ISODateWithMs));
    if (!query.exec())
        return m_rows.failed(query, outcome);
    stored.id = query.lastInsertId().toLongLong();
    return stored;
}

Result<QList<ReviewComment>> WorkflowTables::comments(qint64 requestId,
                                                      const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + commentColumns
                  + QStringLiteral(" FROM review_comments WHERE request_id = ? ORDER BY id"));
    query.addBindValue(requestId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<ReviewComment> list;
    while (query.next())
        list.append(commentFrom(query));
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return list;
}

Result<std::optional<ReviewComment>> WorkflowTables::comment(qint64 commentId,
                                                             const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + commentColumns
                  + QStringLiteral(" FROM review_comments WHERE id = ?"));
    query.addBindValue(commentId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    if (query.next())
        return std::optional<ReviewComment>(commentFrom(query));
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return std::optional<ReviewComment>();
}

Result<void>
WorkflowTables::resolveComment(qint64 commentId, const QString &login, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE review_comments SET resolved = 1, resolved_by = ?, "
                                 "resolved_at = ? WHERE id = ?"));
    query.addBindValue(RequestTable::nonNull(login));
    query.addBindValue(nowText());
    query.addBindValue(commentId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

Result<void> WorkflowTables::addDecision(const ReviewDecision &decision, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO review_decisions (request_id, decision, author, "
                                 "comment, at, revision, content) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(decision.requestId);
    query.addBindValue(decisionCode(decision.kind));
    query.addBindValue(RequestTable::nonNull(decision.author));
    query.addBindValue(RequestTable::nonNull(decision.comment));
    query.addBindValue(nowText());
    query.addBindValue(decision.revision);
    query.addBindValue(QString::fromUtf8(decision.contentJson));
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

Result<QList<ReviewDecision>> WorkflowTables::decisions(qint64 requestId,
                                                        const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, request_id, decision, author, comment, at, revision, "
                                 "content FROM review_decisions WHERE request_id = ? ORDER BY id"));
    query.addBindValue(requestId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<ReviewDecision> list;
    while (query.next()) {
        ReviewDecision decision;
        decision.id = query.value(0).toLongLong();
        decision.requestId = query.value(1).toLongLong();
        const QString code = query.value(2).toString();
        decision.kind = code == QLatin1String("return") ? ReviewDecision::Kind::Return
                        : code == QLatin1String("second_approve")
                            ? ReviewDecision::Kind::SecondApprove
                            : ReviewDecision::Kind::Approve;
        decision.author = query.value(3).toString();
        decision.comment = query.value(4).toString();
        decision.at = timeFrom(query.value(5));
        decision.revision = query.value(6).toInt();
        decision.contentJson = query.value(7).toString().toUtf8();
        list.append(decision);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return list;
}

Result<void> WorkflowTables::addSentLetter(const SentLetter &letter, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO sent_letters (request_id, sent_on, sent_by, "
                                 "revision, content_json, pdf, pdf_sha256, recorded_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(letter.requestId);
    query.addBindValue(letter.sentOn.toString(Qt::ISODate));
    query.addBindValue(RequestTable::nonNull(letter.sentBy));
    query.addBindValue(letter.revision);
    query.addBindValue(QString::fromUtf8(letter.contentJson));
    query.addBindValue(letter.pdf);
    query.addBindValue(QString::fromLatin1(
        QCryptographicHash::hash(letter.pdf, QCryptographicHash::Sha256).toHex()));
    query.addBindValue(nowText());
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

Result<QList<SentLetter>> WorkflowTables::sentLetters(qint64 requestId,
                                                      const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, request_id, sent_on, sent_by, revision, "
                                 "content_json, pdf, pdf_sha256, recorded_at FROM sent_letters "
                                 "WHERE request_id = ? ORDER BY id DESC"));
    query.addBindValue(requestId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<SentLetter> list;
    while (query.next()) {
        SentLetter letter;
        letter.id = query.value(0).toLongLong();
        letter.requestId = query.value(1).toLongLong();
        letter.sentOn = QDate::fromString(query.value(2).toString(), Qt::ISODate);
        letter.sentBy = query.value(3).toString();
        letter.revision = query.value(4).toInt();
        letter.contentJson = query.value(5).toString().toUtf8();
        letter.pdf = query.value(6).toByteArray();
        letter.pdfSha256 = query.value(7).toString();
        letter.recordedAt = timeFrom(query.value(8));
        list.append(letter);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return list;
}

Result<QString>
WorkflowTables::setting(const QString &key, const QString &fallback, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT value FROM log_settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    if (query.next())
        return query.value(0).toString();
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return fallback;
}

Result<void>
WorkflowTables::setSetting(const QString &key, const QString &value, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO log_settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

} // namespace foidesk
