#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace foidesk {

// How alike two questions are, from their words alone: the words that carry meaning (not
// "the", "please", "provide" or a year), folded to lower case without accents and reduced to a
// simple stem, compared as sets. Local and deterministic: no model, no network.
class WordSimilarity
{
public:
    // The words of text that carry meaning, as typed (lower case, accents removed), in order of
    // first appearance: the words an index is asked for.
    static QStringList significantWords(const QString &text);

    // The stems of significantWords(text), for comparing.
    static QSet<QString> stems(const QString &text);

    // A word reduced to a simple English stem: "councils" and "council", "parking" and "parked"
    // and "park" become one.
    static QString stem(const QString &word);

    // The Dice coefficient of two sets of stems: 1 for the same words, 0 for none in common.
    static double similarity(const QSet<QString> &a, const QSet<QString> &b);
    static double similarity(const QString &a, const QString &b)
    {
        return similarity(stems(a), stems(b));
    }
};

} // namespace foidesk
