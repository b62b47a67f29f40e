#include "profile/TemplateCatalogue.h"

#include <QCoreApplication>

namespace foidesk {

namespace {

// The descriptions keep the context of OrganisationProfile, where they were first written.
struct TemplateInfo
{
    const char *key;
    const char *description;
};

constexpr TemplateInfo templateTable[] = {
    {"salutation",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Greeting when the requester's name is known")},
    {"salutation_no_name",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Greeting when no name is known")},
    {"opening",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Thanks for the request, with the date received")},
    {"our_ref", QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Reference line under the date")},
    {"regime.FOIA",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Law sentence: Freedom of Information Act")},
    {"regime.EIR",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Law sentence: Environmental Information Regulations")},
    {"regime.FOISA",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Law sentence: Freedom of Information (Scotland) Act")},
    {"regime.EIRS",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Law sentence: Environmental Information (Scotland) Regulations")},
    {"held.all",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Statement: all the information is held")},
    {"held.some",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Statement: some of the information is held")},
    {"held.none",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Statement: the information is not held")},
    {"held.ncnd",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Statement: neither confirm nor deny that it is held")},
    {"some_withheld",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Lead-in when part of the information is withheld")},
    {"heading.response", QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: response")},
    {"heading.further_information",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: further information")},
    {"heading.reuse",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: re-use and direct marketing")},
    {"heading.your_rights",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading: your rights")},
    {"further_information",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Where published data can be found (left out without a link)")},
    {"reuse",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Advice on re-use and direct marketing")},
    {"your_rights.uk",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Review and complaint rights: England, Wales and Northern Ireland")},
    {"your_rights.scotland",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Review and appeal rights: Scotland")},
    {"closing",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Closing paragraph before the signature")},
    {"refusal.heading",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Heading of one refusal notice")},
    {"refusal.applies",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: which exemption is applied, and to which questions")},
    {"refusal.absolute",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: the exemption is absolute (no public interest test)")},
    {"refusal.public_interest",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: lead-in to the public interest reasons of a qualified "
                       "exemption")},
    {"refusal.procedural",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal of the whole request (invalid, cost limit, vexatious, repeated)")},
    {"refusal.not_held",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Refusal notice: the information is not held (EIR regulation 12(4)(a), "
                       "FOISA section 17)")},
    {"answer.withheld",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Answer that is withheld in full")},
    {"answer.not_held",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile", "Answer when the information is not held")},
    {"answer.ncnd",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Answer that neither confirms nor denies the information is held")},
    {"withheld.label",
     QT_TRANSLATE_NOOP("foidesk::OrganisationProfile",
                       "Label after the bar that replaces a withheld passage")},
};

} // namespace

QStringList TemplateCatalogue::keys()
{
    QStringList keys;
    for (const auto &info : templateTable)
        keys.append(QLatin1String(info.key));
    return keys;
}

QString TemplateCatalogue::description(const QString &key)
{
    for (const auto &info : templateTable) {
        if (key == QLatin1String(info.key))
            return QCoreApplication::translate("foidesk::OrganisationProfile", info.description);
    }
    return {};
}

} // namespace foidesk
