// Any bytes given to the organisation profile reader either come back as a clear error or as a
// profile that survives a round trip unchanged.

#include "profile/OrganisationProfile.h"

#include <QByteArray>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const foidesk::Result<foidesk::OrganisationProfile> first =
        foidesk::OrganisationProfile::parse(bytes);
    if (!first) {
        if (first.errorMessage().isEmpty())
            std::abort();
        return 0;
    }
    const foidesk::Result<foidesk::OrganisationProfile> second =
        foidesk::OrganisationProfile::parse(first->serialize());
    if (!second || !(second.value() == first.value()))
        std::abort();
    return 0;
}
