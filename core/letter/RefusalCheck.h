#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "model/Request.h"
#include "profile/OrganisationProfile.h"

#include <QStringList>

namespace foidesk {

// The s17 / reg 14 check of a request's refusals: one complete sentence per missing element (an
// exemption not in the catalogue, no reasoning, no public interest reasons for a qualified
// exemption, a part-withheld answer with nothing redacted, a withheld answer with no exemption,
// no review contact, no regulator, an empty rights paragraph). Empty when the refusals are
// complete. The letter lists these as problems (so the preview shows them live and a final
// letter is refused) and the Refusal reasons tab shows them.
class RefusalCheck
{
public:
    static QStringList problems(const OrganisationProfile &profile,
                                const ExemptionCatalogue &catalogue,
                                const Request &request);
};

} // namespace foidesk
