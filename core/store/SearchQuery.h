#pragma once

#include <QString>
#include <QStringList>

namespace foidesk {

// What an officer types in the search box, turned into an FTS5 query that cannot fail to
// parse: every word must appear, each as a word prefix ("chat" finds "chatbots"), and text in
// double quotes must appear as that phrase. FTS5's own operators (AND, OR, NOT, NEAR, column
// filters, *) are taken as plain words, so nothing typed is an error.
class SearchQuery
{
public:
    explicit SearchQuery(const QString &typed);

    // The FTS5 MATCH expression; empty when nothing searchable was typed.
    QString matchExpression() const { return m_match; }
    bool isEmpty() const { return m_match.isEmpty(); }

    // The words and phrases as typed (quotes removed), for a person to read.
    QStringList terms() const { return m_terms; }

private:
    QString m_match;
    QStringList m_terms;
};

} // namespace foidesk
