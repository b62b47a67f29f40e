#pragma once

#include "importing/LetterSource.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace foidesk {

// Reads a Word letter (.docx: a zip of XML, unpacked with minizip, the XML read with
// QXmlStreamReader): paragraphs, headings (by their Heading or Title style), table cells as
// their own blocks, and numbered and bulleted lists with their numbers written out as Word
// shows them ("1.", "a)"). Tracked deletions, hidden text and comments are never taken as
// letter text, since they may hold what was withheld; their presence is reported in notes.
class DocxLetterReader
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::DocxLetterReader)

public:
    // The letter, or BadInput saying what is wrong (not a zip, not a Word document, a zip
    // bomb, damaged XML).
    static Result<LetterSource> read(const QByteArray &bytes);
};

} // namespace foidesk
