#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "letter/LetterDocument.h"
#include "model/Request.h"
#include "profile/OrganisationProfile.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

namespace foidesk {

// The authority's wording for one letter: the placeholder values of the request and the
// profile, and templates expanded with them. What a template needs and does not have, or
// cannot use, is added to the letter's problems, each a complete sentence saying where to put
// it right.
class LetterWording
{
public:
    LetterWording(const OrganisationProfile &profile,
                  const ExemptionCatalogue &catalogue,
                  const Request &request,
                  const QDate &letterDate,
                  QStringList *problems);

    const QHash<QString, QString> &values() const { return m_values; }
    const OrganisationProfile &profile() const { return m_profile; }
    QStringList *problems() const { return m_problems; }

    // The profile's template key ("opening", "refusal.heading") expanded with values(), or with
    // the values given.
    QString text(const QString &key) const;
    QString text(const QString &key, const QHash<QString, QString> &values) const;
    // Any text with placeholders (the signature, an officer's reasoning) expanded; field names
    // where it comes from in problems ("signature", "templates.opening").
    QString
    expand(const QString &text, const QString &field, const QHash<QString, QString> &values) const;
    // values() with {exemption}, {exemption_code} and {exemption_title} for codes, listed
    // together ("section 40(2) and section 43(2)").
    QHash<QString, QString> withExemptions(const QStringList &codes) const;

    // Appends a block of the authority's wording: template key as paragraphs, headingKey as
    // its heading. An empty template leaves its part out of the letter: the profile's choice.
    void addBlock(LetterDocument &letter,
                  LetterBlock::Kind kind,
                  const QString &key,
                  const QString &headingKey = QString()) const;

    // Every placeholder a letter's wording may use, filled from the profile and the request.
    static QHash<QString, QString> placeholderValues(const OrganisationProfile &profile,
                                                     const Request &request,
                                                     const QDate &letterDate);

private:
    const OrganisationProfile &m_profile;
    const ExemptionCatalogue &m_catalogue;
    const Request &m_request;
    QStringList *m_problems;
    QHash<QString, QString> m_values;
};

} // namespace foidesk
