#pragma once

#include "importing/LetterSource.h"
#include "model/Request.h"

#include <QList>
#include <QString>

namespace foidesk {

// Finds the request as asked in a letter (its questions, with their labels, sections,
// conditions and choices) and the answers to them.
//
// The request starts after a sentence that introduces it ("for the following information:",
// "you sought access to the following information:", "Your request:") or, without one, at the
// first numbered or bulleted item; it ends where the response starts ("We have processed this
// request under...", a "Response" heading, "I can confirm..."). Answers are matched to the
// questions by the question repeated in the response where the letter repeats it, otherwise by
// label ("Q1", "1."), otherwise by position; a letter that answers the questions one after the
// other, each answer under its question, is read that way too. One answer after all the
// repeated questions is a combined response.
class QuestionFinder
{
public:
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
    };
    struct FoundQuestion
    {
        Question question;
        Span text;          // the question in LetterSource::text
        QList<Span> answer; // the parts of its answer
    };
    struct Findings
    {
        QList<FoundQuestion> questions;
        QString combinedResponse;
        QList<Span> combinedSpans;
        int introBegin = -1;    // block index after the request's introduction, -1 when none
        int requestBegin = -1;  // block index of the first question, -1 when none
        int responseBegin = -1; // first block of the response, -1 when the letter has none
    };

    static Findings find(const LetterSource &source);

    // Letters, digits and single spaces, in lower case: how a repeated question is recognised.
    static QString normalised(const QString &text);
};

} // namespace foidesk
