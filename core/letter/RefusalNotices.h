#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "letter/LetterDocument.h"
#include "letter/LetterWording.h"
#include "model/Request.h"

namespace foidesk {

// One refusal notice per exemption the request relies on, placed after the answers as the
// reference letters place them (FOIA s17(1), EIR reg 14(3)): which questions, why the exemption
// applies (the officer's reasoning, or the catalogue's), and for a qualified exemption the
// public interest test; a procedural form for s12 and s14.
class RefusalNotices
{
public:
    static void add(LetterDocument &letter,
                    const LetterWording &wording,
                    const ExemptionCatalogue &catalogue,
                    const Request &request);
};

} // namespace foidesk
