#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "letter/LetterDocument.h"
#include "model/Request.h"
#include "profile/OrganisationProfile.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

namespace foidesk {

class LetterWording;

struct ComposeOptions
{
    // The letter date when the request has none of its own; today when left invalid.
    QDate today;
    // Part of the information is withheld under an exemption: adds the profile's lead-in.
    // (Also added whenever the request itself withholds anything.)
    bool someWithheld = false;
    // The supervisor view: withheld text kept and marked (LetterDocument::revealsWithheld).
    // Never exported or printed.
    bool revealWithheld = false;
};

// Turns a request and an organisation profile into a LetterDocument: picks the sentences for
// the regime and for what is held, quotes the request as asked, and lays out either each
// question with its answer or, when the request has a combined response, that one response.
class LetterComposer
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LetterComposer)

public:
    explicit LetterComposer(OrganisationProfile profile);

    const OrganisationProfile &profile() const { return m_profile; }

    // The letter for request. Never fails: what the letter still needs (a date received, an
    // answer, the authority's address...) is listed in LetterDocument::problems and shown in
    // brackets in the text, so a draft can be previewed while it is being written.
    LetterDocument compose(const Request &request, const ComposeOptions &options = {}) const;

    // The letter ready to send: Refused, listing every problem, when anything is missing.
    Result<LetterDocument> composeFinal(const Request &request,
                                        const ComposeOptions &options = {}) const;

    // Every answer reaches the letter through this one function, so that withheld passages
    // are removed here, at the source, and never reach a renderer: each span becomes
    // LetterMarks::WithheldBar followed by a space and its label; with reveal the text is kept
    // between RevealStart and RevealEnd instead of the bar. Marks typed by a user are removed.
    QString disclosableText(const QString &text, const QList<Redaction> &spans, bool reveal) const;
    // The label after a bar: the profile's "withheld.label" template, e.g. "[withheld: s40(2)]".
    QString withheldLabel(const QString &exemptionCode) const;

    // The s17 / reg 14 check of a request's refusals: one complete sentence per missing element
    // (an exemption not in the catalogue, no reasoning, no public interest reasons for a
    // qualified exemption, a part-withheld answer with nothing redacted, a withheld answer
    // with no exemption, no review contact, no regulator, an empty rights paragraph). Empty when
    // the refusals are complete. compose() adds these to LetterDocument::problems, so the
    // preview shows them live and composeFinal() refuses.
    QStringList refusalProblems(const Request &request) const;

    const ExemptionCatalogue &catalogue() const { return m_catalogue; }

private:
    // The parts of compose() that are the authority's frame around the answers and refusals:
    // identity, letterhead, date and reference; salutation, thanks, the request as asked, the
    // regime and confirm-or-deny sentences; standing paragraphs, rights and signature.
    void
    addHeading(LetterDocument &letter, const LetterWording &wording, const Request &request) const;
    void addOpening(LetterDocument &letter,
                    const LetterWording &wording,
                    const Request &request,
                    const ComposeOptions &options) const;
    void
    addClosing(LetterDocument &letter, const LetterWording &wording, const Request &request) const;

    OrganisationProfile m_profile;
    ExemptionCatalogue m_catalogue; // shipped, with the profile's overrides and local entries
};

} // namespace foidesk
