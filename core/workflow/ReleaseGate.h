#pragma once

#include "model/Request.h"
#include "release/ReleaseCheckResult.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace foidesk {

// Whether a request may be marked released (status Sent or Closed).
class ReleaseGate
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ReleaseGate)

public:
    // True when request withholds nothing, or when lastCheck passed for its current content
    // (RequestFingerprint). *reason (when given) gets a complete sentence saying what to do
    // otherwise.
    static bool mayRelease(const Request &request,
                           const std::optional<ReleaseCheckResult> &lastCheck,
                           QString *reason = nullptr);
};

} // namespace foidesk
