#pragma once

#include "model/Request.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// One run of words in a comparison of two texts: unchanged, only in the new text, or only in
// the old one. Whitespace stays with the words, so joining the runs of one side gives back
// that side's text exactly.
struct DiffRun
{
    enum class Kind
    {
        Same,
        Added,
        Removed
    };
    Kind kind = Kind::Same;
    QString text;

    bool operator==(const DiffRun &) const = default;
};

// What changed in one question between the content a supervisor last reviewed and now.
struct QuestionChange
{
    int index = 0;        // 0-based, in the current request (in the reviewed one when removed)
    QString name;         // "Question 3"
    bool added = false;   // not in the reviewed content
    bool removed = false; // no longer in the request
    QList<DiffRun> text;
    QList<DiffRun> answer;
    // Withheld passages as "passage (exemption)", and exemption codes, that appeared or went.
    QStringList withheldAdded;
    QStringList withheldRemoved;
    QStringList exemptionsAdded;
    QStringList exemptionsRemoved;

    bool textChanged() const;
    bool answerChanged() const;
    bool changed() const;
};

// What changed since a supervisor's last decision, for the review view.
struct ReviewChanges
{
    QList<QuestionChange> questions; // only the questions that changed, in order
    QList<DiffRun> introduction;     // empty when unchanged
    QList<DiffRun> combinedResponse; // empty when unchanged

    bool isEmpty() const;
};

class ReviewDiff
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ReviewDiff)

public:
    // Word by word (a word is a run of letters and digits; punctuation and spaces are their
    // own runs), the shortest edit between the two texts.
    static QList<DiffRun> words(const QString &before, const QString &after);
    static bool differs(const QList<DiffRun> &runs);

    // Questions are matched by position: the review view shows "Question 3" as it is now
    // beside what question 3 was.
    static ReviewChanges between(const Request &reviewed, const Request &now);
};

} // namespace foidesk
