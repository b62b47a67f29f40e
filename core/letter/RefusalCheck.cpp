#include "letter/RefusalCheck.h"

#include "letter/LetterComposer.h"
#include "letter/LetterText.h"
#include "model/RequestEnums.h"

#include <algorithm>

namespace foidesk {

QStringList RefusalCheck::problems(const OrganisationProfile &profile,
                                   const ExemptionCatalogue &catalogue,
                                   const Request &request)
{
    QStringList problems;
    auto add = [&problems](const QString &problem) {
        if (!problems.contains(problem))
            problems.append(problem);
    };

    bool refuses = false;
    for (qsizetype i = 0; i < request.questions.size(); ++i) {
        const Question &question = request.questions.at(i);
        const QString name = questionName(question, i);
        QStringList chosen;
        for (const QString &code : question.exemptionsUsed()) {
            if (!code.trimmed().isEmpty())
                chosen.append(code);
        }
        refuses = refuses || !chosen.isEmpty() || question.disposition == Disposition::Withheld
                  || question.disposition == Disposition::PartWithheld
                  || question.disposition == Disposition::NeitherConfirmNorDeny
                  || !question.redactions.isEmpty();
        for (const Redaction &span : question.redactions) {
            if (span.exemption.trimmed().isEmpty()) {
                add(LetterComposer::tr(
                        "A withheld passage in question %1 has no exemption: choose its exemption "
                        "in the Redactions panel.")
                        .arg(name));
                break;
            }
        }
        switch (question.disposition) {
        case Disposition::Withheld:
            if (chosen.isEmpty())
                add(LetterComposer::tr(
                        "Question %1 is withheld in full but no exemption is chosen: choose the "
                        "exemption in the Questions tab.")
                        .arg(name));
            break;
        case Disposition::PartWithheld:
            if (question.redactions.isEmpty())
                add(LetterComposer::tr(
                        "Question %1 is withheld in part but nothing in its answer is redacted: "
                        "select the withheld text and choose Redact (Ctrl+R), or change its "
                        "disposition.")
                        .arg(name));
            else if (chosen.isEmpty())
                add(LetterComposer::tr(
                        "Question %1 is withheld in part but no exemption is chosen: choose the "
                        "exemption in the Questions tab.")
                        .arg(name));
            break;
        case Disposition::NeitherConfirmNorDeny:
            if (chosen.isEmpty())
                add(LetterComposer::tr(
                        "Question %1 neither confirms nor denies that the information is held but "
                        "no exemption is chosen: choose the exemption that allows it in the "
                        "Questions tab.")
                        .arg(name));
            break;
        case Disposition::Answered:
        case Disposition::NotHeld:
            break;
        }
    }

    bool missingCatalogueReported = false;
    for (const QString &code : request.exemptionsUsed()) {
        if (code.trimmed().isEmpty())
            continue;
        const Exemption *entry = catalogue.find(request.regime, code);
        const ExemptionReasoning reasons = request.exemptionReasons.value(code);
        if (!entry) {
            // An empty shipped list means this build could not read it: say so once, since
            // "not in the list" would otherwise blame the officer's choice.
            const bool shippedMissing =
                std::none_of(catalogue.all().begin(),
                             catalogue.all().end(),
                             [](const Exemption &exemption) { return !exemption.local; });
            if (shippedMissing && !missingCatalogueReported) {
                missingCatalogueReported = true;
                if (Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped(); !shipped)
                    add(shipped.errorMessage());
            }
            add(LetterComposer::tr(
                    "%1, used in %2, is not in the list of exemptions for the %3: choose an "
                    "exemption from the list in the Questions tab, or add %1 as a local exemption "
                    "in Settings.")
                    .arg(code,
                         LetterText::questionsPhrase(request, code),
                         regimeDisplayName(request.regime)));
            if (reasons.reasoning.trimmed().isEmpty())
                add(LetterComposer::tr(
                        "No reasoning is written for %1: say why it applies in the Refusal reasons "
                        "tab.")
                        .arg(code));
            continue;
        }
        if (reasons.reasoning.trimmed().isEmpty() && entry->reasoning.trimmed().isEmpty())
            add(LetterComposer::tr(
                    "No reasoning is written for %1 and Settings has no default for it: say why it "
                    "applies in the Refusal reasons tab.")
                    .arg(code));
        if (entry->needsPublicInterest() && reasons.publicInterest.trimmed().isEmpty())
            add(LetterComposer::tr(
                    "%1 is a qualified exemption but no public interest reasons are written: say "
                    "in the Refusal reasons tab why the public interest in withholding outweighs "
                    "the public interest in disclosure.")
                    .arg(code));
    }

    // What s17(7) requires of every refusal: the review procedure and the right to complain to
    // the regulator. A letter that refuses nothing needs neither check.
    if (!refuses)
        return problems;
    if (profile.effectiveReviewEmail().trimmed().isEmpty()
        && profile.effectiveReviewAddress().trimmed().isEmpty())
        add(LetterComposer::tr(
            "The letter refuses information but gives no way to ask for a review: enter a "
            "review email or postal address in Settings."));
    const RegulatorContact &regulator = profile.regulatorFor(request.regime);
    const bool noContact =
        regulator.address.trimmed().isEmpty() && regulator.phone.trimmed().isEmpty()
        && regulator.website.trimmed().isEmpty() && regulator.email.trimmed().isEmpty();
    if (regulator.name.trimmed().isEmpty() || noContact)
        add(LetterComposer::tr(
                "The letter refuses information but the regulator's details for %1 requests are "
                "incomplete: enter its name and at least one way to contact it in Settings.")
                .arg(regimeShortName(request.regime)));
    if (profile.templateText(LetterText::yourRightsKey(request.regime)).trimmed().isEmpty())
        add(LetterComposer::tr(
                "The letter refuses information but the \"your rights\" wording for %1 requests "
                "is empty: enter it in Settings (templates.%2), so the requester learns how to ask "
                "for a review and complain.")
                .arg(regimeShortName(request.regime), LetterText::yourRightsKey(request.regime)));
    return problems;
}

} // namespace foidesk
