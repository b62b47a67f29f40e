#pragma once

#include "letter/LetterDocument.h"
#include "model/Request.h"

namespace foidesk {

// The composer's last defence against withheld words reaching a letter by another route than
// their own answer (typed unredacted elsewhere, in the combined response, the reasoning, the
// title, the authority's wording, or the request as asked). Each find is a problem, which
// stops a final export; the words themselves are never quoted.
class WithheldTextSearch
{
public:
    static void addProblems(LetterDocument &letter, const Request &request);
};

} // namespace foidesk
