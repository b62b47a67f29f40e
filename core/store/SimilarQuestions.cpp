#include "store/SimilarQuestions.h"

#include "store/RequestTable.h"
#include "util/WordSimilarity.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace foidesk {

namespace {

// How many of the best-ranked index matches are compared word by word. Enough for a survey that
// arrives every year for decades; few enough that a suggestion follows typing.
constexpr int IndexCandidates = 400;
// The words of a question asked of the index: the first ones carry the subject.
constexpr int MaxQueryWords = 16;

QStringList codesFromJson(const QString &text)
{
    QStringList codes;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        codes.append(value.toString());
    return codes;
}

QString normalizedPerson(const QString &text)
{
    return text.simplified().toCaseFolded();
}

} // namespace

SimilarQuestions::SimilarQuestions(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

Result<QList<SimilarQuestions::Candidate>>
SimilarQuestions::candidates(const QString &text,
                             qint64 excludeRequestId,
                             double threshold,
                             bool answeredOnly,
                             const QDate &from,
                             const QDate &to,
                             const QString &outcome) const
{
    QList<Candidate> result;
    QStringList words = WordSimilarity::significantWords(text);
    if (words.isEmpty())
        return result;
    words = words.mid(0, MaxQueryWords);
    QStringList quoted;
    for (const QString &word : words)
        quoted.append(u'"' + word + u'"');
    // Any of the words in the question's text (not its heading or answer), best matches first.
    const QString match = QStringLiteral("text : (%1)").arg(quoted.join(QStringLiteral(" OR ")));
    const QSet<QString> wanted = WordSimilarity::stems(text);

    QString sql =
        QStringLiteral("SELECT q.id, q.request_id, q.text FROM ("
                       "SELECT rowid, rank FROM question_search WHERE question_search MATCH :match "
                       "ORDER BY rank LIMIT :limit) AS hits "
                       "JOIN questions q ON q.id = hits.rowid "
                       "JOIN requests r ON r.id = q.request_id "
                       "WHERE q.request_id <> :exclude");
    if (answeredOnly)
        sql += QStringLiteral(" AND q.answer <> ''");
    if (from.isValid() && to.isValid())
        sql += QStringLiteral(" AND r.received BETWEEN :from AND :to");
    sql += QStringLiteral(" ORDER BY hits.rank");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":match"), match);
    query.bindValue(QStringLiteral(":limit"), IndexCandidates);
    query.bindValue(QStringLiteral(":exclude"), excludeRequestId);
    if (from.isValid() && to.isValid()) {
        query.bindValue(QStringLiteral(":from"), from.toString(Qt::ISODate));
        query.bindValue(QStringLiteral(":to"), to.toString(Qt::ISODate));
    }
    if (!query.exec())
        return m_rows.failed(query, outcome);
    while (query.next()) {
        const double similarity =
            WordSimilarity::similarity(wanted, WordSimilarity::stems(query.value(2).toString()));
        if (similarity >= threshold)
            result.append({query.value(0).toLongLong(), query.value(1).toLongLong(), similarity});
    }
    return result;
}

Result<QList<SimilarQuestion>> SimilarQuestions::similarTo(const QString &text,
                                                           qint64 excludeRequestId,
                                                           int limit,
                                                           const QString &outcome) const
{
    QList<SimilarQuestion> result;
    if (limit <= 0)
        return result;
    const auto found =
        candidates(text, excludeRequestId, SuggestionThreshold, true, {}, {}, outcome);
    if (!found)
        return found.error();

    QSqlQuery row(m_db);
    row.setForwardOnly(true);
    row.prepare(QStringLiteral(
        "SELECT r.id, r.reference, r.title, r.received, r.response_sent, r.letter_date, r.status, "
        "       q.position, q.section, q.label, q.condition, q.text, q.answer, q.disposition, "
        "       q.exemptions, r.regime "
        "FROM questions q JOIN requests r ON r.id = q.request_id WHERE q.id = ?"));
    QSqlQuery spans(m_db);
    spans.setForwardOnly(true);
    spans.prepare(QStringLiteral("SELECT start, length, exemption FROM question_redactions "
                                 "WHERE question_id = ? ORDER BY position"));
    for (const Candidate &candidate : *found) {
        row.addBindValue(candidate.questionId);
        if (!row.exec())
            return m_rows.failed(row, outcome);
        if (!row.next())
            continue;
        SimilarQuestion similar;
        similar.requestId = row.value(0).toLongLong();
        similar.reference = row.value(1).toString();
        similar.title = row.value(2).toString();
        similar.received = RequestTable::dateFrom(row.value(3));
        similar.answered = RequestTable::dateFrom(row.value(4));
        if (!similar.answered.isValid())
            similar.answered = RequestTable::dateFrom(row.value(5));
        similar.status = statusFromCode(row.value(6).toString()).value_or(RequestStatus::New);
        similar.questionIndex = row.value(7).toLongLong();
        Question &q = similar.question;
        q.section = row.value(8).toString();
        q.label = row.value(9).toString();
        q.condition = row.value(10).toString();
        q.text = row.value(11).toString();
        q.answer = row.value(12).toString();
        q.disposition =
            dispositionFromCode(row.value(13).toString()).value_or(Disposition::Withheld);
        q.exemptions = codesFromJson(row.value(14).toString());
        similar.regime = regimeFromCode(row.value(15).toString()).value_or(Regime::FOIA);
        row.finish();
        similar.questionName = questionName(q, similar.questionIndex);
        similar.similarity = candidate.similarity;
        spans.addBindValue(candidate.questionId);
        if (!spans.exec())
            return m_rows.failed(spans, outcome);
        while (spans.next()) {
            q.redactions.append({spans.value(0).toLongLong(),
                                 spans.value(1).toLongLong(),
                                 spans.value(2).toString()});
        }
        spans.finish();
        result.append(similar);
    }
    // Most alike first; the same answer given in several years, the latest first.
    std::stable_sort(
        result.begin(), result.end(), [](const SimilarQuestion &a, const SimilarQuestion &b) {
            if (a.similarity != b.similarity)
                return a.similarity > b.similarity;
            const QDate da = a.answered.isValid() ? a.answered : a.received;
            const QDate db = b.answered.isValid() ? b.answered : b.received;
            if (da != db)
                return da > db;
            return a.requestId > b.requestId;
        });
    // One suggestion per earlier question text and answer: a survey answered the same way
    // every year is offered once, in its latest form.
    QList<SimilarQuestion> distinct;
    QSet<QString> seen;
    for (const SimilarQuestion &similar : std::as_const(result)) {
        const QString key = similar.question.text.simplified() + QChar(0) + similar.question.answer;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        distinct.append(similar);
        if (distinct.size() >= limit)
            break;
    }
    return distinct;
}

Result<QList<RoundRobinMatch>> SimilarQuestions::roundRobin(const Request &request,
                                                            const QString &outcome) const
{
    QList<RoundRobinMatch> result;
    if (!request.received.isValid() || request.questions.isEmpty())
        return result;
    const QDate from = request.received.addDays(-RoundRobinDays);
    const QDate to = request.received.addDays(RoundRobinDays);

    // The requests received in the window are few (weeks of one authority's requests), so
    // their questions are compared one by one rather than through the index.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT r.id, r.reference, r.title, r.received, r.requester_name, r.requester_email, "
        "       q.text "
        "FROM requests r JOIN questions q ON q.request_id = r.id "
        "WHERE r.received BETWEEN ? AND ? AND r.id <> ? ORDER BY r.received, r.id, q.position"));
    query.addBindValue(from.toString(Qt::ISODate));
    query.addBindValue(to.toString(Qt::ISODate));
    query.addBindValue(request.id);
    if (!query.exec())
        return m_rows.failed(query, outcome);

    QList<QSet<QString>> mine;
    for (const Question &question : request.questions) {
        const QSet<QString> stems = WordSimilarity::stems(question.text);
        if (!stems.isEmpty())
            mine.append(stems);
    }
    if (mine.isEmpty())
        return result;
    const QString myName = normalizedPerson(request.requester.name);
    const QString myEmail = normalizedPerson(request.requester.email);

    struct Other
    {
        RoundRobinMatch match;
        QList<QSet<QString>> questions;
        bool sameRequester = false;
    };
    QList<Other> others;
    QHash<qint64, qsizetype> indexOf;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        auto it = indexOf.find(id);
        if (it == indexOf.end()) {
            Other other;
            other.match.requestId = id;
            other.match.reference = query.value(1).toString();
            other.match.title = query.value(2).toString();
            other.match.received = RequestTable::dateFrom(query.value(3));
            const QString name = normalizedPerson(query.value(4).toString());
            const QString email = normalizedPerson(query.value(5).toString());
            // The same person asking twice is a repeated request, not a round robin.
            other.sameRequester =
                (!myName.isEmpty() && name == myName) || (!myEmail.isEmpty() && email == myEmail);
            it = indexOf.insert(id, others.size());
            others.append(other);
        }
        others[*it].questions.append(WordSimilarity::stems(query.value(6).toString()));
    }
    for (Other &other : others) {
        if (other.sameRequester)
            continue;
        // Each question of theirs pairs with at most one of ours, the most alike first, so
        // that three questions on one subject do not all count against their one.
        int shared = 0;
        QList<bool> used(other.questions.size(), false);
        for (const QSet<QString> &question : std::as_const(mine)) {
            qsizetype best = -1;
            double bestSimilarity = RoundRobinThreshold;
            for (qsizetype k = 0; k < other.questions.size(); ++k) {
                if (used.at(k))
                    continue;
                const double similarity =
                    WordSimilarity::similarity(question, other.questions.at(k));
                if (similarity >= bestSimilarity) {
                    best = k;
                    bestSimilarity = similarity;
                }
            }
            if (best >= 0) {
                used[best] = true;
                ++shared;
            }
        }
        const qsizetype larger = std::max(mine.size(), other.questions.size());
        if (shared > 0 && 2 * shared >= larger) {
            other.match.sharedQuestions = shared;
            other.match.questionCount = int(other.questions.size());
            result.append(other.match);
        }
    }
    return result;
}

} // namespace foidesk
