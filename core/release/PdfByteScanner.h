#pragma once

#include "release/LeakMatcher.h"

#include <QByteArray>
#include <QString>

namespace foidesk {

// Searches the bytes of a file for withheld strings the way a determined reader would find
// them, not only the way a PDF viewer shows them: as UTF-8, Latin-1 and UTF-16BE at both byte
// alignments, inside PDF string objects with their escapes undone, and in every compressed
// stream of a PDF once inflated. Used by ReleaseCheck beside Qt Pdf's own text extraction.
class PdfByteScanner
{
public:
    // Which PDF string objects in some bytes are decoded and searched. Text strings (metadata,
    // annotations, bookmarks) live in the objects of the file; there a string without a byte
    // order mark is also read as UTF-16BE, as careless writers leave it out. Page content holds
    // strings of glyph numbers, which read as UTF-16BE give chance matches of short strings, so
    // content streams are read the way the PDF standard says text strings are encoded.
    enum class StringObjects
    {
        None,
        TextStrings,
        TextStringsAnyUtf16
    };

    // Looks for the withheld strings in raw bytes read as UTF-8, Latin-1 and UTF-16BE (at both
    // byte alignments), and in the PDF string objects the bytes contain, unescaped.
    static void searchBytes(LeakMatcher &matcher,
                            const QByteArray &bytes,
                            const QString &where,
                            StringObjects strings);

    // The raw PDF: everything outside stream data as it is, each stream's data inflated when
    // it is compressed, the XMP packet named apart. Returns an error message when a stream is
    // too large to search (the check then fails), otherwise an empty string.
    static QString searchPdf(LeakMatcher &matcher, const QByteArray &pdf);
};

} // namespace foidesk
