#pragma once

#include "importing/LetterSource.h"

#include <QString>

namespace foidesk {

// Reads a letter kept as plain text or Markdown. Letters pasted from e-mail or exported from a
// disclosure log are often a mix of both ("**bold**", "#### Heading", "\*" in a .txt file), so
// the light Markdown markup is taken off either way: headings become heading blocks, emphasis
// and link syntax go, bullets and numbers stay at the start of their items.
class TextLetterReader
{
public:
    static LetterSource read(const QString &text, const QString &format);

    // True when line starts a list item: a bullet ("-", "*", "•", "–") or a label ("1.",
    // "1)", "(a)", "a)", "Q1", "Question 1"), so that a wrapped paragraph is cut there.
    static bool startsListItem(const QString &line);

private:
    static QString stripInlineMarkup(QString line);
};

} // namespace foidesk
