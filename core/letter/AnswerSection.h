#pragma once

#include "letter/LetterDocument.h"
#include "letter/LetterWording.h"
#include "model/Request.h"

namespace foidesk {

class LetterComposer;
struct ComposeOptions;

// The answers of a letter: each question with its answer as its disposition says (the answer
// cleared for disclosure, or the standing wording for not held, withheld in full, neither
// confirm nor deny), or one combined response for the whole request.
class AnswerSection
{
public:
    static void add(LetterDocument &letter,
                    const LetterComposer &composer,
                    const LetterWording &wording,
                    const Request &request,
                    const ComposeOptions &options);
};

} // namespace foidesk
