#pragma once

#include "letter/LetterDocument.h"
#include "letter/OrganisationProfile.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

namespace foidesk {

struct ComposeOptions
{
    // The letter date when the request has none of its own; today when left invalid.
    QDate today;
    // Part of the information is withheld under an exemption: adds the profile's lead-in.
    bool someWithheld = false;
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

    // Every answer and the combined response reach the letter through this one function, so
    // that withheld passages are removed here, at the source, and never reach a renderer.
    static QString disclosableText(const QString &text);

private:
    QHash<QString, QString> placeholderValues(const Request &request,
                                              const QDate &letterDate) const;
    // text with its placeholders filled; what is missing or malformed is added to *problems.
    // field names where the text comes from ("templates.opening", "signature").
    QString expandText(const QString &text,
                       const QString &field,
                       const QHash<QString, QString> &values,
                       QStringList *problems) const;

    OrganisationProfile m_profile;
};

} // namespace foidesk
