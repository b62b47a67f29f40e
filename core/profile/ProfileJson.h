#pragma once

#include "profile/OrganisationProfile.h"
#include "util/Result.h"

#include <QByteArray>

namespace foidesk {

// The organisation profile as JSON, "foidesk.profile/1" (docs/profile-format.md), read through
// util/JsonFields like every strict file FOI Desk reads.
class ProfileJson
{
public:
    // Parses a profile. Fields left out take the shipped default. BadInput with a message
    // "<field>: <what is wrong>" for a wrong format tag, a wrong type, an unknown key (keys
    // starting "x-" or "x_" are left for other tools and ignored), an unknown placeholder, a bad
    // date format or a logo that is not base64 PNG or SVG (ProfileChecks).
    static Result<OrganisationProfile> parse(const QByteArray &json);
    // The profile as indented UTF-8 JSON, every field written.
    static QByteArray serialize(const OrganisationProfile &profile);
};

} // namespace foidesk
