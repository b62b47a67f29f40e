#include "letter/RefusalNotices.h"

#include "letter/LetterComposer.h"
#include "letter/LetterText.h"
#include "wording/LetterTemplate.h"

namespace foidesk {

void RefusalNotices::add(LetterDocument &letter,
                         const LetterWording &wording,
                         const ExemptionCatalogue &catalogue,
                         const Request &request)
{
    QStringList *problems = wording.problems();
    // One refusal notice per exemption, after the answers and before the standing paragraphs,
    // as the reference letters place them (FOIA s17(1), EIR reg 14(3)).
    for (const QString &code : request.exemptionsUsed()) {
        if (code.trimmed().isEmpty())
            continue; // a passage with no exemption: the letter check names it
        const Exemption *entry = catalogue.find(request.regime, code);
        QHash<QString, QString> refusalValues = wording.withExemptions({code});
        refusalValues.insert(QStringLiteral("questions"),
                             LetterText::questionsPhrase(request, code));
        auto refusalText = [&](const QString &key) { return wording.text(key, refusalValues); };
        // The officer's own words, and the catalogue's, may use placeholders too; a stray brace
        // in them is named where it can be corrected.
        auto reasonText = [&](const QString &text, const QString &where) -> QString {
            QString error;
            if (!LetterTemplate::placeholders(text, &error)) {
                problems->append(
                    LetterComposer::tr("The %1 cannot be used in the letter: %2. Correct it, or "
                                       "write \"{{\" and \"}}\" for a literal brace.")
                        .arg(where, error));
                QString plain = LetterText::withoutMarks(text);
                plain.remove(u'{');
                plain.remove(u'}');
                return plain;
            }
            return wording.expand(text, where, refusalValues);
        };

        LetterBlock block;
        block.kind = LetterBlock::Kind::RefusalNotice;
        block.templateKey = QStringLiteral("refusal");
        block.heading = refusalText(QStringLiteral("refusal.heading")).trimmed();
        QString opening = QStringLiteral("refusal.applies");
        if (entry && entry->kind == Exemption::Kind::Procedural)
            opening = QStringLiteral("refusal.procedural");
        else if (entry && entry->kind == Exemption::Kind::NotHeld)
            opening = QStringLiteral("refusal.not_held");
        block.paragraphs += LetterText::paragraphsOf(refusalText(opening));

        const ExemptionReasoning reasons = request.exemptionReasons.value(code);
        const bool ownReasoning = !reasons.reasoning.trimmed().isEmpty();
        const QString reasoning =
            ownReasoning ? reasons.reasoning : (entry ? entry->reasoning : QString());
        const QStringList reasoningParagraphs = LetterText::paragraphsOf(reasonText(
            reasoning,
            ownReasoning
                ? LetterComposer::tr("reasoning for %1 in the Refusal reasons tab").arg(code)
                : LetterComposer::tr("default reasoning for %1 in Settings").arg(code)));
        if (reasoningParagraphs.isEmpty())
            block.paragraphs.append(
                LetterComposer::tr("[Why %1 applies is not written yet]").arg(code));
        else
            block.paragraphs += reasoningParagraphs;

        if (entry && entry->needsPublicInterest()) {
            block.paragraphs +=
                LetterText::paragraphsOf(refusalText(QStringLiteral("refusal.public_interest")));
            const QStringList publicInterest = LetterText::paragraphsOf(reasonText(
                reasons.publicInterest,
                LetterComposer::tr("public interest reasons for %1 in the Refusal reasons tab")
                    .arg(code)));
            if (publicInterest.isEmpty())
                block.paragraphs.append(
                    LetterComposer::tr("[The public interest reasons for %1 are not written yet]")
                        .arg(code));
            else
                block.paragraphs += publicInterest;
        } else if (entry && entry->kind == Exemption::Kind::Absolute) {
            block.paragraphs +=
                LetterText::paragraphsOf(refusalText(QStringLiteral("refusal.absolute")));
        }
        letter.blocks.append(block);
    }
}

} // namespace foidesk
