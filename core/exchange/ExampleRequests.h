#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QList>

namespace foidesk {

// The example requests built into FOI Desk (resources/examples/*.json), offered to a new user
// as "Import example requests". They are written for a fictional authority.
class ExampleRequests
{
public:
    // The examples, parsed, in file-name order. Internal when none are built in or one does not
    // parse: both mean a broken build, which the tests catch.
    static Result<QList<Request>> load();
};

} // namespace foidesk
