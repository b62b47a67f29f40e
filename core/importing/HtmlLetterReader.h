#pragma once

#include "importing/LetterSource.h"

#include <QString>

namespace foidesk {

// Reads a letter kept as HTML (a page of an old disclosure log, a letter saved from Word or
// an e-mail client) into blocks: paragraphs, headings and list items, with list numbers and
// bullets written out as a reader sees them. Scripts, styles and the page's head are not
// letter text. Tolerant of the tag soup real pages hold: it never fails, it reads what it can.
class HtmlLetterReader
{
public:
    static LetterSource read(const QString &html);

    // The text of an HTML entity ("amp", "#163", "#x2019"); empty when it is not one.
    static QString entity(QStringView name);
};

} // namespace foidesk
