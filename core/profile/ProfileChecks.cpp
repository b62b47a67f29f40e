#include "profile/ProfileChecks.h"

#include "model/RequestEnums.h"
#include "profile/TemplateCatalogue.h"
#include "util/JsonFields.h"
#include "wording/LetterTemplate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

// A profile's exemption codes are checked against the shipped catalogue and its own local
// entries, so that an override cannot silently apply to nothing.
Result<void> validateExemptions(const OrganisationProfile &profile)
{
    for (qsizetype i = 0; i < profile.localExemptions.size(); ++i) {
        const Exemption &entry = profile.localExemptions.at(i);
        const QString path = u"exemptions.local[%1]"_s.arg(i);
        static const QRegularExpression codeForm(
            u"^(?:s|reg)[0-9]+[A-Z]?(?:\\([0-9]+[A-Za-z]?\\)|\\([a-z]{1,4}\\))*$"_s);
        if (entry.code.trimmed().isEmpty())
            return JsonFields::error(
                path + u".code"_s,
                OrganisationProfile::tr("the code is empty; write it like s44(1)(a)"));
        if (!codeForm.match(entry.code).hasMatch()) {
            return JsonFields::error(
                path + u".code"_s,
                OrganisationProfile::tr("\"%1\" is not written as a code; write it like s40(2), "
                                        "s31(1)(a), reg12(5)(e) or reg13, without spaces")
                    .arg(entry.code));
        }
        if (entry.title.trimmed().isEmpty())
            return JsonFields::error(path + u".title"_s,
                                     OrganisationProfile::tr("the exemption needs a title"));
        if (entry.citation.trimmed().isEmpty()) {
            return JsonFields::error(
                path + u".citation"_s,
                OrganisationProfile::tr(
                    "the exemption needs a citation, the way a letter names it"));
        }
        for (qsizetype j = 0; j < i; ++j) {
            const Exemption &earlier = profile.localExemptions.at(j);
            if (earlier.regime == entry.regime && earlier.code == entry.code) {
                return JsonFields::error(
                    path + u".code"_s,
                    OrganisationProfile::tr(
                        "%1 is already a local exemption for %2 (entry %3); keep one")
                        .arg(entry.code, regimeCode(entry.regime))
                        .arg(j));
            }
        }
        for (const auto &[key, text] : {std::pair{u"reasoning"_s, &entry.reasoning},
                                        std::pair{u"public_interest"_s, &entry.publicInterest}}) {
            QString problem;
            if (!LetterTemplate::placeholders(*text, &problem))
                return JsonFields::error(path + u'.' + key, problem);
        }
    }

    if (!profile.exemptionOverrides.isEmpty()) {
        const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
        if (!shipped)
            return shipped.error();
        const ExemptionCatalogue catalogue =
            shipped->withCustomisations({}, profile.localExemptions);
        for (auto it = profile.exemptionOverrides.begin(); it != profile.exemptionOverrides.end();
             ++it) {
            const QString path = u"exemptions.overrides."_s + it.key();
            bool exists = false;
            QString hint;
            for (const Regime regime : allRegimes()) {
                if (catalogue.find(regime, it.key())) {
                    exists = true;
                    break;
                }
                if (hint.isEmpty()) {
                    if (const auto code = catalogue.canonicalCode(regime, it.key()))
                        hint = *code;
                }
            }
            if (!exists) {
                return JsonFields::error(
                    path,
                    hint.isEmpty() ? OrganisationProfile::tr(
                                         "no exemption has the code \"%1\" under any law; use a "
                                         "code from the catalogue, such as s40(2) or reg13")
                                         .arg(it.key())
                                   : OrganisationProfile::tr(
                                         "no exemption has the code \"%1\" under any law; did "
                                         "you mean %2?")
                                         .arg(it.key(), hint));
            }
            for (const auto &[key, text] : {std::pair{u"reasoning"_s, &it->reasoning},
                                            std::pair{u"public_interest"_s, &it->publicInterest}}) {
                QString problem;
                if (!LetterTemplate::placeholders(*text, &problem))
                    return JsonFields::error(path + u'.' + key, problem);
            }
        }
    }
    return {};
}

Result<void> validateRedactionPolicy(const OrganisationProfile &profile)
{
    for (qsizetype i = 0; i < profile.grades.size(); ++i) {
        const QString grade = profile.grades.at(i).trimmed();
        const QString path = u"redaction_policy.grades[%1]"_s.arg(i);
        if (grade.isEmpty())
            return JsonFields::error(
                path, OrganisationProfile::tr("a grade is empty; remove it or give it a name"));
        for (qsizetype j = 0; j < i; ++j) {
            if (profile.grades.at(j).trimmed().compare(grade, Qt::CaseInsensitive) == 0) {
                return JsonFields::error(
                    path,
                    OrganisationProfile::tr(
                        "\"%1\" is listed twice; each grade appears once, from most "
                        "to least senior")
                        .arg(grade));
            }
        }
    }
    const QString threshold = profile.withholdFromGrade.trimmed();
    if (threshold.isEmpty())
        return {};
    for (const QString &grade : profile.grades) {
        if (grade.trimmed().compare(threshold, Qt::CaseInsensitive) == 0)
            return {};
    }
    return JsonFields::error(
        u"redaction_policy.withhold_from_grade"_s,
        profile.grades.isEmpty()
            ? OrganisationProfile::tr(
                  "\"%1\" is set but no grades are listed; list the grades from most "
                  "to least senior, or leave withhold_from_grade empty")
                  .arg(threshold)
            : OrganisationProfile::tr(
                  "\"%1\" is not one of the grades (%2); name one of them, or leave it "
                  "empty to suggest every name not marked senior")
                  .arg(threshold, profile.grades.join(u", "_s)));
}

} // namespace

bool ProfileChecks::looksLikePng(const QByteArray &data)
{
    return data.startsWith("\x89PNG\r\n\x1a\n");
}

bool ProfileChecks::looksLikeSvg(const QByteArray &data)
{
    return data.left(4096).contains("<svg");
}

Result<void> ProfileChecks::validate(const OrganisationProfile &profile)
{
    if (profile.name.trimmed().isEmpty())
        return JsonFields::error(QStringLiteral("name"),
                                 OrganisationProfile::tr("the organisation needs a name"));

    const QDate probe(2020, 6, 17);
    if (!profile.dateFormat.contains(u'd') || !profile.dateFormat.contains(u'M')
        || !profile.dateFormat.contains(u'y') || profile.formatDate(probe).isEmpty()) {
        return JsonFields::error(
            QStringLiteral("date_format"),
            OrganisationProfile::tr(
                "\"%1\" does not show the day, month and year; use a format such as "
                "\"d MMMM yyyy\"")
                .arg(profile.dateFormat));
    }

    for (auto it = profile.templates.begin(); it != profile.templates.end(); ++it) {
        const QString field = QStringLiteral("templates.") + it.key();
        if (!TemplateCatalogue::keys().contains(it.key())) {
            return JsonFields::error(
                field,
                OrganisationProfile::tr("unknown template; the profile.templates are %1")
                    .arg(TemplateCatalogue::keys().join(QStringLiteral(", "))));
        }
        QString problem;
        if (!LetterTemplate::placeholders(it.value(), &problem))
            return JsonFields::error(field, problem);
    }
    QString problem;
    if (!LetterTemplate::placeholders(profile.signature, &problem))
        return JsonFields::error(QStringLiteral("signature"), problem);

    if (Result<void> valid = validateExemptions(profile); !valid)
        return valid;
    if (Result<void> valid = validateRedactionPolicy(profile); !valid)
        return valid;

    if (!profile.logoData.isEmpty()) {
        if (profile.logoType != QLatin1String("png") && profile.logoType != QLatin1String("svg")) {
            return JsonFields::error(
                QStringLiteral("logo.type"),
                OrganisationProfile::tr("expected \"png\" or \"svg\", found \"%1\"")
                    .arg(profile.logoType));
        }
        const bool matches = profile.logoType == QLatin1String("png")
                                 ? looksLikePng(profile.logoData)
                                 : looksLikeSvg(profile.logoData);
        if (!matches) {
            return JsonFields::error(
                QStringLiteral("logo.data"),
                OrganisationProfile::tr("the data is not a %1 image; embed the image file itself")
                    .arg(profile.logoType.toUpper()));
        }
    }
    return {};
}

} // namespace foidesk
