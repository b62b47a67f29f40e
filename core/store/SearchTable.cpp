#include "store/SearchTable.h"

#include "model/RequestEnums.h"
#include "store/RequestTable.h"

#include <QSqlError>
#include <QSqlQuery>

namespace foidesk {

namespace {

constexpr QChar MatchStart = QChar(0x02);
constexpr QChar MatchEnd = QChar(0x03);
const QString Ellipsis = QStringLiteral("\u2026");

// The words and the marks FTS5's highlight() and snippet() put around each match.
SearchText fromMarked(const QString &marked)
{
    SearchText result;
    result.text.reserve(marked.size());
    qsizetype start = -1;
    for (const QChar c : marked) {
        if (c == MatchStart) {
            start = result.text.size();
        } else if (c == MatchEnd) {
            if (start >= 0 && result.text.size() > start)
                result.matches.append({start, result.text.size() - start});
            start = -1;
        } else {
            result.text.append(c);
        }
    }
    return result;
}

// Where the pieces of a snippet (split at its "…") lie in the whole text they were cut from,
// and so which of the snippet's characters fall in the ranges of whole.
QList<SearchText::Range> rangesInSnippet(const QString &snippet,
                                         const QString &whole,
                                         const QList<SearchText::Range> &inWhole)
{
    QList<SearchText::Range> result;
    if (inWhole.isEmpty())
        return result;
    qsizetype at = 0;   // position in snippet
    qsizetype from = 0; // where to look in whole, so pieces are found in order
    while (at < snippet.size()) {
        qsizetype cut = snippet.indexOf(Ellipsis, at);
        if (cut < 0)
            cut = snippet.size();
        const QString piece = snippet.mid(at, cut - at);
        const qsizetype found = piece.isEmpty() ? -1 : whole.indexOf(piece, from);
        if (found >= 0) {
            for (const SearchText::Range &range : inWhole) {
                const qsizetype start = std::max(range.start, found);
                const qsizetype end = std::min(range.start + range.length, found + piece.size());
                if (end > start)
                    result.append({at + (start - found), end - start});
            }
            from = found + piece.size();
        }
        at = cut + Ellipsis.size();
    }
    return result;
}

} // namespace

SearchTable::SearchTable(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

Result<qint64> SearchTable::newestFloor(const QString &index,
                                        const QString &match,
                                        int n,
                                        const QString &outcome) const
{
    // FTS5 walks its matches in rowid order and stops at the one asked for: the cost follows
    // n, not the number of matches.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The n-th newest and, to know whether there are more, the one after it.
    query.prepare(QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ? ORDER BY rowid DESC "
                                 "LIMIT 2 OFFSET ?")
                      .arg(index));
    query.addBindValue(match);
    query.addBindValue(n - 1);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    if (!query.next())
        return qint64(0);
    const qint64 nth = query.value(0).toLongLong();
    return query.next() ? nth : qint64(0);
}

Result<QList<SearchHit>> SearchTable::search(const QString &match,
                                             const SearchScope &scope,
                                             bool *narrowed,
                                             const QString &outcome) const
{
    QList<SearchHit> hits;
    if (narrowed)
        *narrowed = false;
    if (match.isEmpty() || scope.limit <= 0)
        return hits;

    // First which rows, by rank alone; the highlighted texts are made afterwards for those
    // rows only (making them for every match, most of which are never shown, costs more than
    // the ranking).
    qint64 questionFloor = 0;
    qint64 requestFloor = 0;
    if (scope.newest > 0) {
        const Result<qint64> q =
            newestFloor(QStringLiteral("question_search"), match, scope.newest, outcome);
        if (!q)
            return q.error();
        const Result<qint64> r =
            newestFloor(QStringLiteral("request_search"), match, scope.newest, outcome);
        if (!r)
            return r.error();
        questionFloor = q.value();
        requestFloor = r.value();
        if (narrowed)
            *narrowed = questionFloor > 0 || requestFloor > 0;
    }

    // Questions weigh their text above their answer and heading; requests their reference and
    // title above the longer text. bm25() is negative, more so for better matches. Results
    // exactly as relevant (the same question and answer in two years) come newest first.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT * FROM ("
                       "SELECT q.id, q.request_id AS request_id, q.position AS position, "
                       "       r.reference, r.title, r.received AS received, r.status, q.label, "
                       "       bm25(question_search, 1.0, 4.0, 2.0) AS score "
                       "FROM question_search "
                       "JOIN questions q ON q.id = question_search.rowid "
                       "JOIN requests r ON r.id = q.request_id "
                       "WHERE question_search MATCH :questions "
                       "  AND question_search.rowid >= :questionFloor "
                       "UNION ALL "
                       "SELECT 0, r.id, -1, r.reference, r.title, r.received, r.status, '', "
                       "       bm25(request_search, 10.0, 5.0, 1.0, 1.0) AS score "
                       "FROM request_search "
                       "JOIN requests r ON r.id = request_search.rowid "
                       "WHERE request_search MATCH :requests "
                       "  AND request_search.rowid >= :requestFloor) "
                       "ORDER BY score, received DESC, request_id DESC, position "
                       "LIMIT :limit"));
    query.bindValue(QStringLiteral(":questions"), match);
    query.bindValue(QStringLiteral(":questionFloor"), questionFloor);
    query.bindValue(QStringLiteral(":requests"), match);
    query.bindValue(QStringLiteral(":requestFloor"), requestFloor);
    query.bindValue(QStringLiteral(":limit"), scope.limit);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<qint64> questionIds;
    while (query.next()) {
        SearchHit hit;
        hit.requestId = query.value(1).toLongLong();
        hit.reference = query.value(3).toString();
        hit.title = query.value(4).toString();
        hit.received = RequestTable::dateFrom(query.value(5));
        hit.status = statusFromCode(query.value(6).toString()).value_or(RequestStatus::New);
        hit.score = query.value(8).toDouble();
        const qint64 questionId = query.value(0).toLongLong();
        if (questionId > 0) {
            hit.questionIndex = query.value(2).toLongLong();
            Question question;
            question.label = query.value(7).toString();
            hit.questionName = questionName(question, hit.questionIndex);
        }
        questionIds.append(questionId);
        hits.append(hit);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    query.finish();

    for (qsizetype i = 0; i < hits.size(); ++i) {
        if (const Result<void> filled = fillTexts(hits[i], questionIds.at(i), match, outcome);
            !filled)
            return filled.error();
        if (questionIds.at(i) > 0) {
            if (const Result<void> marked = markWithheld(questionIds.at(i), hits[i], outcome);
                !marked)
                return marked.error();
        }
    }
    return hits;
}

Result<void> SearchTable::fillTexts(SearchHit &hit,
                                    qint64 questionId,
                                    const QString &match,
                                    const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (questionId > 0) {
        query.prepare(
            QStringLiteral("SELECT highlight(question_search, 0, char(2), char(3)), "
                           "       highlight(question_search, 1, char(2), char(3)), "
                           "       snippet(question_search, 2, char(2), char(3), '\u2026', 24) "
                           "FROM question_search WHERE question_search MATCH ? AND rowid = ?"));
        query.addBindValue(match);
        query.addBindValue(questionId);
    } else {
        query.prepare(
            QStringLiteral("SELECT highlight(request_search, 1, char(2), char(3)), "
                           "       snippet(request_search, 3, char(2), char(3), '\u2026', 24), "
                           "       snippet(request_search, 2, char(2), char(3), '\u2026', 24) "
                           "FROM request_search WHERE request_search MATCH ? AND rowid = ?"));
        query.addBindValue(match);
        query.addBindValue(hit.requestId);
    }
    if (!query.exec())
        return m_rows.failed(query, outcome);
    if (!query.next())
        return {}; // changed since it was ranked: shown with its reference and title only
    if (questionId > 0) {
        hit.section = fromMarked(query.value(0).toString());
        hit.heading = fromMarked(query.value(1).toString());
        hit.detail = fromMarked(query.value(2).toString());
    } else {
        // The combined response when the words are in it, else the introduction when they
        // are there, else nothing more than the title.
        hit.heading = fromMarked(query.value(0).toString());
        const SearchText combined = fromMarked(query.value(1).toString());
        const SearchText introduction = fromMarked(query.value(2).toString());
        if (!combined.matches.isEmpty())
            hit.detail = combined;
        else if (!introduction.matches.isEmpty())
            hit.detail = introduction;
    }
    return {};
}

Result<void>
SearchTable::markWithheld(qint64 questionId, SearchHit &hit, const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT q.answer, r.start, r.length FROM question_redactions r "
        "JOIN questions q ON q.id = r.question_id WHERE r.question_id = ? ORDER BY r.start"));
    query.addBindValue(questionId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QString answer;
    QList<SearchText::Range> spans;
    while (query.next()) {
        answer = query.value(0).toString();
        spans.append({query.value(1).toLongLong(), query.value(2).toLongLong()});
    }
    hit.detail.withheld = rangesInSnippet(hit.detail.text, answer, spans);
    return {};
}

} // namespace foidesk
