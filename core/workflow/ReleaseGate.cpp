#include "workflow/ReleaseGate.h"

#include "exchange/RequestFingerprint.h"

namespace foidesk {

bool ReleaseGate::mayRelease(const Request &request,
                             const std::optional<ReleaseCheckResult> &lastCheck,
                             QString *reason)
{
    const auto refuse = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (!request.withholdsAnything())
        return true;
    if (!lastCheck) {
        return refuse(tr("Request %1 withholds information and its letter has not been checked "
                         "yet. Export the final letter to PDF; it is read back and checked for "
                         "withheld text, and then the request can be marked as released.")
                          .arg(request.reference));
    }
    if (!lastCheck->passed()) {
        return refuse(tr("The last release check of request %1 failed (%2). Correct the "
                         "redactions, export the final letter again and mark the request as "
                         "released once the check passes.")
                          .arg(request.reference, lastCheck->summary()));
    }
    if (lastCheck->fingerprint != RequestFingerprint::of(request)) {
        return refuse(tr("Request %1 has changed since its letter was last checked. Export the "
                         "final letter again; once its release check passes the request can be "
                         "marked as released.")
                          .arg(request.reference));
    }
    if (reason)
        reason->clear();
    return true;
}

} // namespace foidesk
