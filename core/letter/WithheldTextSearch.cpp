#include "letter/WithheldTextSearch.h"

#include "letter/LetterComposer.h"
#include "letter/LetterText.h"

#include <algorithm>

namespace foidesk {

void WithheldTextSearch::addProblems(LetterDocument &letter, const Request &request)
{
    // The last defence. Spans are replaced at the source above, so the text under a span cannot
    // reach the letter through its own answer; but the same words can arrive by another route:
    // typed unredacted in another answer, in the combined response, in the officer's reasoning,
    // in the title or reference, or in the authority's own wording. Spans alone cannot see those,
    // so the finished letter is searched for every withheld string, folded the way the release
    // check folds it (case and white space), and each find is a problem, which stops a final
    // export. The request as asked is searched too, with its own message: the letter quotes the
    // requester's words, and the release check reads every word of the PDF, so a name that the
    // requester wrote and the officer withholds elsewhere would stop the letter at export time;
    // saying so here, while the officer is still writing, is kinder. A short withheld answer
    // ("N/A") that also appears elsewhere is refused too: the check cannot tell a harmless
    // coincidence from a leak, and refusing with a clear message costs the officer one rewording,
    // where guessing could cost someone's privacy. Revealed passages of the supervisor view are
    // left out of the search, so both views list the same problems.
    struct Place
    {
        QString where;
        QString folded;
    };
    QList<Place> places;
    places.append({LetterComposer::tr("the letter's title or reference"),
                   LetterText::foldedForSearch(letter.pdfTitle + u'\n' + letter.pdfSubject + u'\n'
                                               + letter.reference)});
    qsizetype answerIndex = 0;
    auto askedText = [](const LetterQuestion &question) {
        return QStringList{question.section,
                           question.label,
                           question.condition,
                           question.text,
                           question.choices.join(u'\n')}
            .join(u'\n');
    };
    const QString requestAsAsked =
        LetterComposer::tr("the request as asked, which the letter quotes");
    for (const LetterBlock &block : std::as_const(letter.blocks)) {
        if (block.kind == LetterBlock::Kind::RequestAsAsked) {
            QStringList asked;
            for (const LetterQuestion &question : block.questions)
                asked.append(askedText(question));
            places.append(
                {requestAsAsked,
                 LetterText::foldedForSearch(LetterText::printedText(asked.join(u'\n')))});
            continue;
        }
        if (block.kind == LetterBlock::Kind::QuestionAndAnswer) {
            QStringList asked;
            for (const LetterQuestion &question : block.questions)
                asked.append(askedText(question));
            places.append(
                {requestAsAsked,
                 LetterText::foldedForSearch(LetterText::printedText(asked.join(u'\n')))});
        }
        QString where;
        switch (block.kind) {
        case LetterBlock::Kind::QuestionAndAnswer:
            // One block per question, in the request's order.
            where = LetterComposer::tr("the answer to question %1")
                        .arg(questionName(request.questions.value(answerIndex),
                                                      answerIndex));
            ++answerIndex;
            break;
        case LetterBlock::Kind::CombinedResponse:
            where = LetterComposer::tr("the combined response");
            break;
        case LetterBlock::Kind::RefusalNotice:
            where = LetterComposer::tr("the refusal notice \"%1\"").arg(block.heading);
            break;
        default:
            where = LetterComposer::tr("the standing wording of the letter (Settings)");
            break;
        }
        QStringList texts = {block.heading};
        texts += block.paragraphs;
        texts += block.lines;
        for (const LetterQuestion &question : block.questions)
            texts.append(question.answer);
        places.append(
            {where, LetterText::foldedForSearch(LetterText::printedText(texts.join(u'\n')))});
    }
    for (qsizetype i = 0; i < request.questions.size(); ++i) {
        const QStringList withheld = LetterText::withheldStringsOf(request.questions.at(i));
        for (const Place &place : std::as_const(places)) {
            const bool found = std::any_of(withheld.begin(), withheld.end(), [&](const QString &s) {
                return place.folded.contains(LetterText::foldedForSearch(s));
            });
            if (!found)
                continue;
            // The withheld words are not quoted: problems are shown, printed and logged.
            const QString message =
                place.where == requestAsAsked
                    ? LetterComposer::tr(
                          "Text withheld in question %1 also appears in the request as asked, "
                          "which the letter quotes, so the release check would refuse the letter. "
                          "The requester already has those words: release that text, or withhold "
                          "the information around it instead.")
                          .arg(questionName(request.questions.at(i), i))
                    : LetterComposer::tr(
                          "Text withheld in question %1 also appears in %2; redact it there too or "
                          "reword it, so that the letter does not disclose it.")
                          .arg(questionName(request.questions.at(i), i), place.where);
            if (!letter.problems.contains(message))
                letter.problems.append(message);
        }
    }
}

} // namespace foidesk
