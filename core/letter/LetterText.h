#pragma once

#include "letter/LetterDocument.h"
#include "model/Request.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace foidesk {

// The small text rules every part of a letter shares: marks, paragraphs, how a question is
// named, and the form text is compared in when the letter looks for withheld words.
class LetterText
{
public:
    // The marks are private-use characters a user could still paste in; one that reached the
    // letter would draw a bar, or hide text in a highlight, where nothing is withheld.
    static bool isMark(QChar c);
    static QString withoutMarks(QStringView text);
    // withoutMarks() and trimmed.
    static QString clean(const QString &text);
    // Addresses are typed one line per row; inside a sentence they read better on one line.
    static QString oneLine(const QString &multiLine);
    static QStringList nonEmptyLines(const QString &multiLine);
    // Paragraphs are separated by a blank line; single line breaks stay inside their paragraph.
    static QStringList paragraphsOf(const QString &text);

    // Whether a placeholder is filled from the request (rather than from Settings).
    static bool isRequestField(const QString &placeholder);
    // The template key of the confirm-or-deny sentence for held ("held.all", ...).
    static QString heldKey(Held held);
    // The template key of the rights paragraph for regime (Scottish or UK).
    static QString yourRightsKey(Regime regime);

    // "a and b", "a, b and c".
    static QString listPhrase(const QStringList &items);
    // "question 4", "questions 2 and 4": the questions that rely on exemptionCode.
    static QString questionsPhrase(const Request &request, const QString &exemptionCode);
    // Question index of questions as the letter quotes it, without its answer; the section
    // heading only where it changes from *previousSection. The condition of an unnumbered
    // question that belongs to it alone is printed with it, as the request was written ("If so,
    // when would you want this to be available?"); one shared by neighbouring follow-ups, or
    // one before a numbered question, stays a line of its own above them ("If yes:", "If no:"
    // then "2. Does your council...").
    static LetterQuestion quotedQuestion(const QList<Question> &questions,
                                         qsizetype index,
                                         QString *previousSection);

    // Case and runs of white space do not make a withheld string safe to print: "jane  SMITH"
    // on paper still names her. The release check that reads the PDF back compares the same way.
    static QString foldedForSearch(const QString &text);
    // The strings one question withholds, exactly as the release check will look for them.
    static QStringList withheldStringsOf(const Question &question);
    // text as it would be printed: revealed passages (supervisor view) left out, so that the
    // leak check gives the same answer in both views.
    static QString printedText(const QString &text);
};

} // namespace foidesk
