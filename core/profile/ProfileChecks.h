#pragma once

#include "profile/OrganisationProfile.h"
#include "util/Result.h"

#include <QByteArray>

namespace foidesk {

// What a profile must satisfy, whether it was read from a file or edited in Settings: a name,
// a date format that shows day, month and year, known templates whose placeholders parse,
// exemption overrides that name a real exemption, local exemptions written like codes, a
// redaction policy whose threshold is one of its grades, an embedded logo that is PNG or SVG.
class ProfileChecks
{
public:
    // BadInput naming the field ("templates.opening: ...") at the first problem.
    static Result<void> validate(const OrganisationProfile &profile);

    // Whether image data is what its type says: a PNG file's signature, or an SVG document.
    static bool looksLikePng(const QByteArray &data);
    static bool looksLikeSvg(const QByteArray &data);
};

} // namespace foidesk
