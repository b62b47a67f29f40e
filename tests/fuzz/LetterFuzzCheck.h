#pragma once

// What the letter fuzzers check of any letter a reader accepted: its blocks and the fields
// found in it lie inside its text, and finding them neither crashes nor hangs.

#include "exemptions/ExemptionCatalogue.h"
#include "importing/LetterImporter.h"
#include "importing/LetterReader.h"

#include <QByteArray>
#include <QString>
#include <cstdlib>

inline void checkLetter(const QByteArray &bytes, const QString &format)
{
    static const foidesk::ExemptionCatalogue catalogue = *foidesk::ExemptionCatalogue::shipped();
    const foidesk::Result<foidesk::LetterSource> source =
        foidesk::LetterReader::readBytes(bytes, format);
    if (!source) {
        if (source.errorMessage().isEmpty())
            std::abort();
        return;
    }
    const qsizetype size = source->text.size();
    for (const foidesk::SourceBlock &block : source->blocks) {
        if (block.start < 0 || block.start + block.text.size() > size
            || source->text.mid(block.start, block.text.size()) != block.text)
            std::abort();
    }
    const foidesk::ImportedLetter letter = foidesk::LetterImporter::analyse(*source, catalogue);
    for (const foidesk::FoundSpan &span : letter.spans) {
        if (span.start < 0 || span.length < 0 || span.start + span.length > size)
            std::abort();
    }
}
