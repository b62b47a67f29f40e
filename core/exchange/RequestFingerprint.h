#pragma once

#include "model/Request.h"

#include <QByteArray>

namespace foidesk {

// SHA-256 (hex) of everything in a request that decides what a letter discloses: its
// exchange-format JSON without ids, revision, status and letter_final, plus the offsets of
// every redaction. Two requests with the same fingerprint produce the same letter from the same
// profile, so a release check made of one counts for the other; a check whose fingerprint is
// not the request's current one is stale.
class RequestFingerprint
{
public:
    static QByteArray of(const Request &request);
};

} // namespace foidesk
