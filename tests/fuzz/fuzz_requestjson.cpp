// Any bytes given to the request reader either come back as a clear error or as a request that
// survives a round trip: written out and read again, it is the same request. A crash, a hang or
// a request that changes on the way through is a bug.

#include "exchange/RequestJson.h"

#include <QByteArray>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const foidesk::Result<foidesk::Request> first = foidesk::RequestJson::parse(bytes);
    if (!first) {
        if (first.errorMessage().isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    const QByteArray written = foidesk::RequestJson::serialize(first.value());
    const foidesk::Result<foidesk::Request> second = foidesk::RequestJson::parse(written);
    if (!second || !second->sameContent(first.value()))
        std::abort();
    return 0;
}
