#pragma once

#include "letter/LetterDocument.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <memory>

class QPagedPaintDevice;
class QPaintDevice;
class QSizeF;
class QTextDocument;

namespace foidesk {

// Draws a LetterDocument: builds the styled QTextDocument (for a preview) and paints it page by
// page with a footer and, for drafts, a DRAFT mark (for PDF export and printing). All letter
// text goes in as plain text through QTextCursor, so nothing a user typed is read as markup.
// A withheld passage (LetterMarks::WithheldBar) is drawn as a solid bar of one fixed width, an
// image with no text under it; revealed text (supervisor view) is highlighted, on screen only.
class LetterRenderer
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LetterRenderer)

public:
    // Page margins of the letter body; the footer sits inside the bottom margin.
    static constexpr double MarginLeftMm = 22.0;
    static constexpr double MarginRightMm = 22.0;
    static constexpr double MarginTopMm = 18.0;
    static constexpr double MarginBottomMm = 24.0;

    explicit LetterRenderer(const LetterDocument &letter);

    // The font families the letter asks for, in order: metrically equal families for Linux and
    // Windows first, then one with wide Unicode coverage for anything they lack.
    static QStringList fontFamilies();

    // The letter as a styled text document, not paginated; a preview shows it as it is.
    // Laid out for layoutDevice when given (lengths follow its resolution), else the screen.
    std::unique_ptr<QTextDocument> createTextDocument(QPaintDevice *layoutDevice = nullptr) const;

    // Paints every page on device, calling newPage() between pages. The device's page layout
    // must have zero margins (the letter places its own). Returns the number of pages; Refused,
    // with nothing painted, for a document that reveals withheld text (the supervisor view);
    // Internal when the device cannot be painted on.
    Result<int> paint(QPagedPaintDevice *device, bool draft) const;

private:
    std::unique_ptr<QTextDocument> buildDocument(QPaintDevice *layoutDevice,
                                                 const QSizeF &pageSize) const;

    LetterDocument m_letter;
};

} // namespace foidesk
