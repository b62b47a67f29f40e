#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace foidesk {

class RequestTable;

// A supervisor's (or anyone's) comment on a request under review: on one question or on the
// request as a whole. Internal: never in a letter, an export or the published log.
struct ReviewComment
{
    qint64 id = 0;
    qint64 requestId = 0;
    std::optional<int> question; // 0-based index of the question; none for the whole request
    QString author;              // login
    QString text;
    QDateTime at; // UTC
    bool resolved = false;
    QString resolvedBy;
    QDateTime resolvedAt;
};

// An approval or a return, with what the supervisor said.
struct ReviewDecision
{
    enum class Kind
    {
        Approve,
        SecondApprove,
        Return
    };
    qint64 id = 0;
    qint64 requestId = 0;
    Kind kind = Kind::Approve;
    QString author;
    QString comment;
    QDateTime at;
    int revision = 0; // the request's revision the decision was made on
    // The exchange-format JSON of the content the decision was made on (empty for decisions
    // made before it was kept), from which the next review shows what changed.
    QByteArray contentJson;
};

// A letter as it was sent: its PDF and the content (exchange-format JSON) it was made from.
struct SentLetter
{
    qint64 id = 0;
    qint64 requestId = 0;
    QDate sentOn;
    QString sentBy;
    int revision = 0;
    QByteArray contentJson;
    QByteArray pdf;
    QString pdfSha256;
    QDateTime recordedAt;
};

// The SQL of review_comments, review_decisions, sent_letters and log_settings. Only reads and
// writes rows, inside whatever transaction the Store began.
class WorkflowTables
{
public:
    WorkflowTables(const QSqlDatabase &db, const RequestTable &rows);

    Result<ReviewComment> addComment(const ReviewComment &comment, const QString &outcome);
    Result<QList<ReviewComment>> comments(qint64 requestId, const QString &outcome) const;
    Result<std::optional<ReviewComment>> comment(qint64 commentId, const QString &outcome) const;
    Result<void> resolveComment(qint64 commentId, const QString &login, const QString &outcome);

    Result<void> addDecision(const ReviewDecision &decision, const QString &outcome);
    Result<QList<ReviewDecision>> decisions(qint64 requestId, const QString &outcome) const;

    Result<void> addSentLetter(const SentLetter &letter, const QString &outcome);
    // Newest first.
    Result<QList<SentLetter>> sentLetters(qint64 requestId, const QString &outcome) const;

    // A setting of this log; fallback when it is not set.
    Result<QString>
    setting(const QString &key, const QString &fallback, const QString &outcome) const;
    Result<void> setSetting(const QString &key, const QString &value, const QString &outcome);

    static QString decisionCode(ReviewDecision::Kind kind);

private:
    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
};

} // namespace foidesk
