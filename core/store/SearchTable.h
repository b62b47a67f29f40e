#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

class RequestTable;

// A piece of text shown in a search result: the words that matched, and any withheld text in
// it, as ranges of text. "…" stands where the snippet cuts longer text.
struct SearchText
{
    struct Range
    {
        qsizetype start = 0;
        qsizetype length = 0;
        bool operator==(const Range &) const = default;
    };

    QString text;
    QList<Range> matches;
    QList<Range> withheld; // text an exemption withholds (officers may search their own log)

    bool isEmpty() const { return text.isEmpty(); }
};

// One search result: a question of a request, or the request itself (its reference, title,
// introduction or combined response).
struct SearchHit
{
    qint64 requestId = 0;
    QString reference;
    QString title;
    QDate received;
    RequestStatus status = RequestStatus::New;
    qsizetype questionIndex = -1; // -1 when the request itself matched
    QString questionName;         // questionName() of the question, e.g. "3" or "2a"
    SearchText section;           // the question's section heading
    SearchText heading;           // the question's text, or the request's title
    SearchText detail;            // part of the answer, or of the combined response
    double score = 0;             // FTS5 bm25: lower is more relevant

    // True when the result shows text that an exemption withholds.
    bool showsWithheld() const { return !heading.withheld.isEmpty() || !detail.withheld.isEmpty(); }
};

// How much of the log a search ranks. Search while typing ranks, of each index, only the
// newest `newest` matches when there are more (a prefix such as "co" matches nearly every
// question of a large log, and ranking them all takes longer than a keystroke); 0 ranks every
// match, as the command line does.
struct SearchScope
{
    // What the search panel ranks while the officer types: enough that a search of any useful
    // length ranks every match, few enough to rank within a keystroke.
    static constexpr int TypingNewest = 1000;

    int limit = 50;
    int newest = 0;
};

// The SQL of the search indexes (FTS5 tables kept in step by triggers; see 008_search.sql and
// 014_search_prefixes.sql).
class SearchTable
{
public:
    SearchTable(const QSqlDatabase &db, const RequestTable &rows);

    // Results for an FTS5 expression (SearchQuery), most relevant first and, among equals,
    // newest received first. At most scope.limit results. *narrowed (when given) says whether
    // there were more matches than scope.newest, so that only the newest were ranked.
    Result<QList<SearchHit>> search(const QString &match,
                                    const SearchScope &scope,
                                    bool *narrowed,
                                    const QString &outcome) const;

private:
    // The rowid of the n-th newest match of index for match, or 0 when there are n or fewer.
    Result<qint64>
    newestFloor(const QString &index, const QString &match, int n, const QString &outcome) const;
    // Fills hit's texts (highlights and snippets) from index for the row rowid.
    Result<void> fillTexts(SearchHit &hit,
                           qint64 questionId,
                           const QString &match,
                           const QString &outcome) const;
    // Marks the withheld text of question questionId in hit.detail (a snippet of its answer).
    Result<void> markWithheld(qint64 questionId, SearchHit &hit, const QString &outcome) const;

    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
};

} // namespace foidesk
