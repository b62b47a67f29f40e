#pragma once

#include "importing/LetterSource.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace foidesk {

// Reads the text layer of a PDF letter with Qt Pdf (PDFium). A PDF has lines, not paragraphs:
// a line much shorter than the page's longest, or one ending a question or a lead-in, is taken
// to end its paragraph. A PDF without a text layer is a scan and is refused as one: importing
// it would give an empty request.
class PdfLetterReader
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::PdfLetterReader)

public:
    // The letter, or BadInput: not a PDF, protected by a password, damaged, or a scan.
    static Result<LetterSource> read(const QByteArray &bytes);

    // Page text (lines) as paragraphs separated by blank lines, by the rule above.
    static QString paragraphs(const QString &pageText);

private:
    // The text of one page with breaks where the letter's structure shows (see the .cpp).
    static QString lines(const QString &pageText);
};

} // namespace foidesk
