#include "letter/AnswerSection.h"

#include "letter/LetterComposer.h"
#include "letter/LetterText.h"
#include "model/RequestEnums.h"

namespace foidesk {

void AnswerSection::add(LetterDocument &letter,
                        const LetterComposer &composer,
                        const LetterWording &wording,
                        const Request &request,
                        const ComposeOptions &options)
{
    QStringList *problems = wording.problems();
    // The combined response is one text for every question and carries no spans of its own;
    // anything withheld that is typed into it is caught by the check at the end.
    const QString combined = composer.disclosableText(request.combinedResponse, {}, false);
    bool anyAnswer = false;
    for (const Question &question : request.questions) {
        anyAnswer =
            anyAnswer || question.disposition != Disposition::Answered
            || !composer.disclosableText(question.answer, question.redactions, false).isEmpty();
    }
    const bool nothingToAnswer =
        request.held == Held::None || request.held == Held::NeitherConfirmNorDeny;

    // The standing wording for a question that is not answered in its own words.
    auto dispositionWording =
        [&](const Question &question, qsizetype index, const QString &key) -> QString {
        QHash<QString, QString> wordingValues = wording.withExemptions(question.exemptionsUsed());
        wordingValues.insert(
            QStringLiteral("questions"),
            LetterComposer::tr("question %1").arg(questionName(question, index)));
        const QString text = wording.text(key, wordingValues);
        const QString standing = LetterText::paragraphsOf(text).join(QStringLiteral("\n\n"));
        if (standing.isEmpty()) {
            problems->append(
                LetterComposer::tr("Question %1 is marked \"%2\" but the wording for that "
                                   "(templates.%3) is empty; enter it in Settings.")
                    .arg(questionName(question, index),
                         dispositionDisplayName(question.disposition),
                         key));
            return u'[' + dispositionDisplayName(question.disposition) + u']';
        }
        return standing;
    };

    if (!combined.isEmpty()) {
        LetterBlock block;
        block.kind = LetterBlock::Kind::CombinedResponse;
        block.paragraphs = LetterText::paragraphsOf(combined);
        letter.blocks.append(block);
    } else if (!(nothingToAnswer && !anyAnswer)) {
        // When nothing is held, or nothing can be confirmed, the statement is the whole answer
        // unless the officer wrote answers; otherwise every question needs its own.
        QString previousSection;
        for (qsizetype i = 0; i < request.questions.size(); ++i) {
            const Question &question = request.questions.at(i);
            LetterBlock block;
            block.kind = LetterBlock::Kind::QuestionAndAnswer;
            LetterQuestion answered = LetterText::quotedQuestion(request.questions, i, &previousSection);
            switch (question.disposition) {
            case Disposition::Answered:
            case Disposition::PartWithheld:
                answered.answer = composer.disclosableText(
                    question.answer, question.redactions, options.revealWithheld);
                break;
            case Disposition::NotHeld:
                answered.answer = composer.disclosableText(
                    question.answer, question.redactions, options.revealWithheld);
                if (answered.answer.isEmpty())
                    answered.answer =
                        dispositionWording(question, i, QStringLiteral("answer.not_held"));
                break;
            case Disposition::Withheld:
                // The answer itself is never read: what is withheld in full cannot leak through
                // a span someone forgot to draw.
                answered.answer =
                    dispositionWording(question, i, QStringLiteral("answer.withheld"));
                break;
            case Disposition::NeitherConfirmNorDeny:
                // Even an answer that says nothing would confirm that something is held.
                answered.answer = dispositionWording(question, i, QStringLiteral("answer.ncnd"));
                break;
            }
            // A follow-up under a condition ("If yes:") that did not apply is left unanswered,
            // as the letters of the reference set do; any other question needs an answer.
            if (answered.answer.isEmpty() && LetterText::clean(question.condition).isEmpty()) {
                answered.answer = LetterComposer::tr("[No answer yet]");
                problems->append(
                    LetterComposer::tr("Question %1 has no answer yet; write its answer, or one "
                                       "combined response for the whole request.")
                        .arg(questionName(question, i)));
            }
            block.questions.append(answered);
            letter.blocks.append(block);
        }
    }
}

} // namespace foidesk
