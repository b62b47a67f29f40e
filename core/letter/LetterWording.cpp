#include "letter/LetterWording.h"

#include "letter/LetterComposer.h"
#include "letter/LetterText.h"
#include "model/RequestEnums.h"
#include "wording/LetterTemplate.h"

namespace foidesk {

LetterWording::LetterWording(const OrganisationProfile &profile,
                             const ExemptionCatalogue &catalogue,
                             const Request &request,
                             const QDate &letterDate,
                             QStringList *problems)
    : m_profile(profile)
    , m_catalogue(catalogue)
    , m_request(request)
    , m_problems(problems)
    , m_values(placeholderValues(profile, request, letterDate))
{}

QString LetterWording::text(const QString &key) const
{
    return text(key, m_values);
}

QString LetterWording::text(const QString &key, const QHash<QString, QString> &values) const
{
    return expand(m_profile.templateText(key), QStringLiteral("templates.") + key, values);
}

void LetterWording::addBlock(LetterDocument &letter,
                             LetterBlock::Kind kind,
                             const QString &key,
                             const QString &headingKey) const
{
    LetterBlock block;
    block.kind = kind;
    block.templateKey = key;
    if (!key.isEmpty())
        block.paragraphs = LetterText::paragraphsOf(text(key));
    if (!headingKey.isEmpty())
        block.heading = text(headingKey).trimmed();
    if (block.paragraphs.isEmpty() && !key.isEmpty())
        return;
    letter.blocks.append(block);
}

QHash<QString, QString> LetterWording::withExemptions(const QStringList &codes) const
{
    QStringList citations;
    QStringList labels;
    QStringList titles;
    for (const QString &code : codes) {
        const QString trimmed = code.trimmed();
        if (trimmed.isEmpty())
            continue;
        const Exemption *entry = m_catalogue.find(m_request.regime, trimmed);
        // An unknown code is still named as typed; refusalProblems() says it is unknown.
        citations.append(entry && !entry->citation.trimmed().isEmpty() ? entry->citation.trimmed()
                                                                       : trimmed);
        labels.append(ExemptionCatalogue::shortLabel(trimmed));
        titles.append(entry && !entry->title.trimmed().isEmpty() ? entry->title.trimmed()
                                                                 : trimmed);
    }
    QHash<QString, QString> values = m_values;
    // A gap the letter check already names precisely; the generic "enter it in Settings" that
    // an empty value would add would send the officer to the wrong place.
    const QString notChosen = LetterComposer::tr("[exemption not chosen]");
    values.insert(QStringLiteral("exemption"),
                  LetterText::withoutMarks(
                      citations.isEmpty() ? notChosen : LetterText::listPhrase(citations)));
    values.insert(
        QStringLiteral("exemption_code"),
        LetterText::withoutMarks(labels.isEmpty() ? notChosen : LetterText::listPhrase(labels)));
    values.insert(
        QStringLiteral("exemption_title"),
        LetterText::withoutMarks(titles.isEmpty() ? notChosen : LetterText::listPhrase(titles)));
    return values;
}

QHash<QString, QString> LetterWording::placeholderValues(const OrganisationProfile &profile,
                                                         const Request &request,
                                                         const QDate &letterDate)
{
    const RegulatorContact &regulator = profile.regulatorFor(request.regime);
    QString regulatorText = regulator.name.trimmed();
    const QString regulatorAddress = LetterText::oneLine(regulator.address);
    if (!regulatorAddress.isEmpty())
        regulatorText +=
            (regulatorText.isEmpty() ? QString() : QStringLiteral(", ")) + regulatorAddress;
    QStringList contact;
    if (!regulator.phone.trimmed().isEmpty())
        contact.append(LetterComposer::tr("telephone %1").arg(regulator.phone.trimmed()));
    if (!regulator.email.trimmed().isEmpty())
        contact.append(LetterComposer::tr("email %1").arg(regulator.email.trimmed()));
    if (!regulator.website.trimmed().isEmpty())
        contact.append(LetterComposer::tr("website %1").arg(regulator.website.trimmed()));
    if (!contact.isEmpty())
        regulatorText += QStringLiteral(" (") + contact.join(QStringLiteral("; ")) + u')';

    QHash<QString, QString> values;
    values.insert(QStringLiteral("organisation"), profile.name);
    values.insert(QStringLiteral("organisation_address"), LetterText::oneLine(profile.address));
    values.insert(QStringLiteral("organisation_email"), profile.email);
    values.insert(QStringLiteral("organisation_phone"), profile.phone);
    values.insert(QStringLiteral("reference"), request.reference);
    values.insert(QStringLiteral("title"), request.title);
    values.insert(QStringLiteral("received"), profile.formatDate(request.received));
    values.insert(QStringLiteral("letter_date"), profile.formatDate(letterDate));
    values.insert(QStringLiteral("requester_name"), profile.addressedName(request.requester));
    values.insert(QStringLiteral("regime_name"), regimeDisplayName(request.regime));
    values.insert(QStringLiteral("regime_short"), regimeShortName(request.regime));
    values.insert(QStringLiteral("review_email"), profile.effectiveReviewEmail());
    values.insert(QStringLiteral("review_address"),
                  LetterText::oneLine(profile.effectiveReviewAddress()));
    values.insert(QStringLiteral("regulator"), regulatorText);
    values.insert(QStringLiteral("regulator_name"), regulator.name);
    values.insert(QStringLiteral("regulator_address"), regulatorAddress);
    values.insert(QStringLiteral("regulator_phone"), regulator.phone);
    values.insert(QStringLiteral("regulator_website"), regulator.website);
    values.insert(QStringLiteral("published_data_link"), profile.publishedDataLink);
    for (auto it = values.begin(); it != values.end(); ++it)
        it.value() = LetterText::withoutMarks(it.value());
    return values;
}

QString LetterWording::expand(const QString &text,
                              const QString &field,
                              const QHash<QString, QString> &values) const
{
    QString error;
    if (!LetterTemplate::placeholders(text, &error)) {
        m_problems->append(LetterComposer::tr("The wording \"%1\" in Settings cannot be used: %2.")
                               .arg(field, error));
        // Braces are dropped so that a broken template never prints as a placeholder.
        QString plain = LetterText::withoutMarks(text);
        plain.remove(u'{');
        plain.remove(u'}');
        return plain;
    }
    QStringList missing;
    const QString expanded = LetterTemplate::expand(text, values, &missing);
    for (const QString &name : std::as_const(missing)) {
        const QString where = LetterText::isRequestField(name)
                                  ? LetterComposer::tr("the request details")
                                  : LetterComposer::tr("Settings");
        const QString message = LetterComposer::tr("The letter needs the %1; enter it in %2.")
                                    .arg(LetterTemplate::describePlaceholder(name), where);
        if (!m_problems->contains(message))
            m_problems->append(message);
    }
    return LetterText::withoutMarks(expanded);
}

} // namespace foidesk
