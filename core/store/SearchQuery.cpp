#include "store/SearchQuery.h"

namespace foidesk {

namespace {

// True when text holds something the tokenizer keeps (a letter or a digit).
bool hasToken(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// An FTS5 string: in double quotes, a quote inside doubled.
QString quoted(QString text)
{
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

SearchQuery::SearchQuery(const QString &typed)
{
    QStringList parts;
    const QString text = typed.simplified();
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        // Typographic quotes count as quotes: text pasted from a letter has them.
        const auto isQuote = [](QChar q) { return q == u'"' || q == u'\u201C' || q == u'\u201D'; };
        if (isQuote(c)) {
            qsizetype end = i + 1;
            while (end < n && !isQuote(text.at(end)))
                ++end;
            const QString phrase = text.mid(i + 1, end - i - 1).trimmed();
            if (hasToken(phrase)) {
                parts.append(quoted(phrase));
                m_terms.append(phrase);
            }
            i = end + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && !text.at(end).isSpace() && !isQuote(text.at(end)))
            ++end;
        const QString word = text.mid(i, end - i);
        if (hasToken(word)) {
            // A quoted word with * after it: the tokenizer splits "s40(2)" into "s40 2", and
            // the prefix applies to the last of them.
            parts.append(quoted(word) + QLatin1Char('*'));
            m_terms.append(word);
        }
        i = end;
    }
    m_match = parts.join(QLatin1Char(' '));
}

} // namespace foidesk
