#include "util/WordSimilarity.h"

namespace foidesk {

namespace {

// Words that say nothing about what is asked: English function words, and the courtesies of a
// request ("please could you provide me with a copy of the information").
const QSet<QString> &stopWords()
{
    static const QSet<QString> words = [] {
        const char *const list[] = {
            "a",           "about",  "above",  "after",   "again",    "all",     "also",
            "am",          "an",     "and",    "any",     "are",      "as",      "at",
            "be",          "been",   "before", "being",   "below",    "between", "both",
            "but",         "by",     "can",    "confirm", "copy",     "copies",  "could",
            "date",        "dear",   "detail", "details", "did",      "do",      "does",
            "doing",       "during", "each",   "either",  "for",      "from",    "further",
            "give",        "had",    "has",    "have",    "having",   "he",      "her",
            "here",        "him",    "his",    "how",     "i",        "if",      "in",
            "information", "into",   "is",     "it",      "its",      "kind",    "kindly",
            "know",        "like",   "many",   "me",      "more",     "most",    "much",
            "my",          "no",     "nor",    "not",     "of",       "off",     "on",
            "once",        "only",   "or",     "other",   "our",      "ours",    "out",
            "over",        "own",    "please", "provide", "provided", "request", "requested",
            "same",        "she",    "should", "so",      "some",     "such",    "tell",
            "than",        "thank",  "thanks", "that",    "the",      "their",   "them",
            "then",        "there",  "these",  "they",    "this",     "those",   "through",
            "to",          "too",    "under",  "until",   "up",       "us",      "very",
            "was",         "we",     "were",   "what",    "when",     "where",   "whether",
            "which",       "while",  "who",    "whom",    "why",      "will",    "with",
            "would",       "yes",    "you",    "your",    "yours",
        };
        QSet<QString> set;
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

// Lower case with accents removed: "Siân" and "Sian" are one word.
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        out.append(c.toLower());
    }
    return out;
}

bool endsWithDoubleConsonant(const QString &word)
{
    if (word.size() < 2)
        return false;
    const QChar last = word.at(word.size() - 1);
    return last == word.at(word.size() - 2) && !QStringLiteral("aeiouls").contains(last);
}

} // namespace

QStringList WordSimilarity::significantWords(const QString &text)
{
    QStringList words;
    QSet<QString> seen;
    const QString lower = folded(text);
    qsizetype i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && !lower.at(i).isLetterOrNumber())
            ++i;
        qsizetype end = i;
        while (end < lower.size() && (lower.at(end).isLetterOrNumber()))
            ++end;
        if (end > i) {
            const QString word = lower.mid(i, end - i);
            bool hasLetter = false;
            for (const QChar c : word)
                hasLetter = hasLetter || c.isLetter();
            // Numbers (years, counts) change from one year's survey to the next; single letters
            // are list markers.
            if (hasLetter && word.size() > 1 && !stopWords().contains(word)
                && !seen.contains(word)) {
                seen.insert(word);
                words.append(word);
            }
        }
        i = end;
    }
    return words;
}

QString WordSimilarity::stem(const QString &word)
{
    QString w = word;
    auto strip = [&w](const QString &suffix, qsizetype keep) {
        if (w.size() - suffix.size() >= keep && w.endsWith(suffix)) {
            w.chop(suffix.size());
            return true;
        }
        return false;
    };
    if (w.endsWith(QStringLiteral("ies")) && w.size() > 4) {
        w.chop(3);
        w.append(u'y');
    } else if (w.endsWith(QStringLiteral("sses"))) {
        w.chop(2);
    } else if (w.endsWith(u's') && !w.endsWith(QStringLiteral("ss"))
               && !w.endsWith(QStringLiteral("us")) && !w.endsWith(QStringLiteral("is"))
               && w.size() > 3) {
        w.chop(1);
    }
    if (strip(QStringLiteral("ing"), 3) || strip(QStringLiteral("ed"), 3)) {
        if (endsWithDoubleConsonant(w))
            w.chop(1);
    }
    strip(QStringLiteral("ment"), 4) || strip(QStringLiteral("ly"), 4)
        || strip(QStringLiteral("ation"), 4) || strip(QStringLiteral("er"), 4);
    if (w.size() > 3 && w.endsWith(u'e'))
        w.chop(1);
    return w;
}

QSet<QString> WordSimilarity::stems(const QString &text)
{
    QSet<QString> result;
    for (const QString &word : significantWords(text))
        result.insert(stem(word));
    return result;
}

double WordSimilarity::similarity(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    qsizetype common = 0;
    const QSet<QString> &smaller = a.size() <= b.size() ? a : b;
    const QSet<QString> &larger = a.size() <= b.size() ? b : a;
    for (const QString &word : smaller)
        common += larger.contains(word) ? 1 : 0;
    return 2.0 * double(common) / double(a.size() + b.size());
}

} // namespace foidesk
