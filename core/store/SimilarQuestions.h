#pragma once

#include "model/Request.h"
#include "model/RequestEnums.h"
#include "util/Result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

class RequestTable;

// A question of an earlier request that is like the one being written, with its answer.
struct SimilarQuestion
{
    qint64 requestId = 0;
    QString reference;
    QString title;
    QDate received;
    QDate answered; // the day the response was sent, else the letter's date; invalid for neither
    RequestStatus status = RequestStatus::New;
    Regime regime = Regime::FOIA;
    qsizetype questionIndex = 0;
    QString questionName;  // "3", "2a": questionName() of the question
    Question question;     // text, answer, withheld passages, disposition and exemptions
    double similarity = 0; // WordSimilarity: 1 for the same words
};

// Another request that asks the same questions within a few weeks: a round robin, the same
// letter sent to many authorities or by several people.
struct RoundRobinMatch
{
    qint64 requestId = 0;
    QString reference;
    QString title;
    QDate received;
    int sharedQuestions = 0; // questions of this request found in the other one
    int questionCount = 0;   // of the other request
};

// Earlier questions like a new one, and round robins, found through the search index
// (question_search) and ranked locally by WordSimilarity.
class SimilarQuestions
{
public:
    // A suggestion needs at least this share of words in common (Dice coefficient)...
    static constexpr double SuggestionThreshold = 0.5;
    // ...a question counts as "the same" in a round robin at this share...
    static constexpr double RoundRobinThreshold = 0.7;
    // ...and the requests must have been received at most this many days apart.
    static constexpr int RoundRobinDays = 28;

    SimilarQuestions(const QSqlDatabase &db, const RequestTable &rows);

    // Answered questions of other requests (not excludeRequestId) like text, most alike first
    // and, among equals, the most recently answered first. At most limit.
    Result<QList<SimilarQuestion>> similarTo(const QString &text,
                                             qint64 excludeRequestId,
                                             int limit,
                                             const QString &outcome) const;

    // The requests that share at least half of their questions with request (counted on the
    // larger of the two), received within RoundRobinDays of it, from another requester.
    Result<QList<RoundRobinMatch>> roundRobin(const Request &request, const QString &outcome) const;

private:
    struct Candidate
    {
        qint64 questionId = 0;
        qint64 requestId = 0;
        double similarity = 0;
    };
    // Questions of other requests whose text shares words with text, each with its similarity
    // (at least threshold). from/to, when valid, bound the date received.
    Result<QList<Candidate>> candidates(const QString &text,
                                        qint64 excludeRequestId,
                                        double threshold,
                                        bool answeredOnly,
                                        const QDate &from,
                                        const QDate &to,
                                        const QString &outcome) const;

    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
};

} // namespace foidesk
