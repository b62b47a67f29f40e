#include "letter/LetterRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QUrl>
#include <cmath>
#include <numbers>

namespace foidesk {

namespace {

// Block formats carry this flag when the block must stay on the same page as the first line of
// the block after it: headings, and questions with the start of their answers.
constexpr int KeepWithNextProperty = QTextFormat::UserProperty + 1;

constexpr double BodyPointSize = 10.5;
const QColor AccentColour(0x1f, 0x3a, 0x5f);
const QColor TextColour(0x1a, 0x1a, 0x1a);
const QColor QuietColour(0x55, 0x5b, 0x63);
const QColor QuoteColour(0x2b, 0x34, 0x3f);
// Opaque, not translucent: PDF/A-1 forbids transparency, so the mark is painted first and the
// text drawn over it.
const QColor DraftColour(0xe4, 0xe4, 0xe4);

// Image sizes in text formats are in 1/96 inch, which QTextDocument scales to the device.
double imageMm(double millimetres)
{
    return millimetres / 25.4 * 96.0;
}

QFont letterFont(double pointSize, bool bold = false)
{
    QFont font;
    font.setFamilies(LetterRenderer::fontFamilies());
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QTextCharFormat
charFormat(double pointSize, const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setFontFamilies(LetterRenderer::fontFamilies());
    format.setFontPointSize(pointSize);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    format.setFontItalic(italic);
    format.setForeground(colour);
    return format;
}

const QColor BarColour(0x10, 0x10, 0x10);
const QColor RevealBackground(0xff, 0xec, 0x80);
const QColor RevealText(0x8b, 0x0f, 0x0f);
// Every bar has this width, whatever the length of what it replaces: a bar as long as the name
// under it would tell a reader how long the name is.
constexpr double BarWidthMm = 12.0;
const QUrl BarImageName(QStringLiteral("foidesk-letter://withheld-bar"));

void insertText(QTextCursor &cursor, const QString &text, const QTextCharFormat &format)
{
    if (text.isEmpty())
        return;
    QString plain = text;
    plain.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    plain.replace(u'\n', QChar::LineSeparator);
    cursor.insertText(plain, format);
}

// A withheld passage as a drawing: an inline image, so there is no text under it to select,
// copy or extract. The image is a few pixels of one colour, stretched to the bar's size.
void insertBar(QTextCursor &cursor, const QTextCharFormat &format)
{
    QTextDocument *document = cursor.document();
    if (!document->resource(QTextDocument::ImageResource, BarImageName).isValid()) {
        // Opaque RGB: PDF/A-1 allows no transparency.
        QImage bar(8, 8, QImage::Format_RGB32);
        bar.fill(BarColour);
        document->addResource(QTextDocument::ImageResource, BarImageName, bar);
    }
    const double pointSize = format.fontPointSize() > 0 ? format.fontPointSize() : BodyPointSize;
    QTextImageFormat image;
    image.setName(BarImageName.toString());
    image.setWidth(imageMm(BarWidthMm));
    // From the descenders to the top of the capitals, centred on the line like the text.
    image.setHeight(pointSize * 0.95 / 72.0 * 96.0);
    image.setVerticalAlignment(QTextCharFormat::AlignMiddle);
    cursor.insertImage(image);
}

// Inserts letter text as plain text: single line breaks become line separators inside the
// block, LetterMarks::WithheldBar becomes a bar, and text between RevealStart and RevealEnd
// (the supervisor view) is highlighted.
void insertPlain(QTextCursor &cursor, const QString &text, const QTextCharFormat &format)
{
    QTextCharFormat revealed = format;
    revealed.setBackground(RevealBackground);
    revealed.setForeground(RevealText);
    revealed.setUnderlineStyle(QTextCharFormat::DotLine);
    revealed.setUnderlineColor(RevealText);

    QString run;
    bool inReveal = false;
    auto flush = [&] {
        insertText(cursor, run, inReveal ? revealed : format);
        run.clear();
    };
    for (QChar c : text) {
        if (c == QChar(LetterMarks::WithheldBar)) {
            flush();
            insertBar(cursor, format);
        } else if (c == QChar(LetterMarks::RevealStart)) {
            flush();
            inReveal = true;
        } else if (c == QChar(LetterMarks::RevealEnd)) {
            flush();
            inReveal = false;
        } else {
            run.append(c);
        }
    }
    flush();
}

class Builder
{
public:
    Builder(QTextDocument *document, const LetterDocument &letter, double dpi)
        : m_document(document)
        , m_letter(letter)
        , m_cursor(document)
        , m_dpi(dpi)
    {}

    void build()
    {
        m_document->setDocumentMargin(0);
        m_document->setDefaultFont(letterFont(BodyPointSize));
        m_document->setUndoRedoEnabled(false);
        const LetterBlock *dateBlock = nullptr;
        for (const LetterBlock &block : m_letter.blocks) {
            if (block.kind == LetterBlock::Kind::DateAndReference)
                dateBlock = &block;
        }
        for (const LetterBlock &block : m_letter.blocks) {
            switch (block.kind) {
            case LetterBlock::Kind::Letterhead:
                letterhead(block, dateBlock);
                break;
            case LetterBlock::Kind::DateAndReference:
                break; // drawn inside the letterhead, aligned with the address
            case LetterBlock::Kind::Salutation:
                paragraphs(block.paragraphs, 0.0);
                break;
            case LetterBlock::Kind::RegimeSentence:
                paragraphs(block.paragraphs, 2.5);
                break;
            case LetterBlock::Kind::Thanks:
            case LetterBlock::Kind::WithheldLeadIn:
            case LetterBlock::Kind::CombinedResponse:
                paragraphs(block.paragraphs, 1.0);
                break;
            case LetterBlock::Kind::RequestAsAsked:
                requestAsAsked(block);
                break;
            case LetterBlock::Kind::ConfirmOrDeny:
            case LetterBlock::Kind::StandingParagraph:
            case LetterBlock::Kind::RefusalNotice:
            case LetterBlock::Kind::YourRights:
                heading(block.heading);
                paragraphs(block.paragraphs, 0.0);
                break;
            case LetterBlock::Kind::QuestionAndAnswer:
                for (const LetterQuestion &question : block.questions)
                    questionAndAnswer(question);
                break;
            case LetterBlock::Kind::Closing:
                closing(block);
                break;
            }
        }
    }

private:
    // Qt 6.4 scales vertical block margins from 1/96 inch to the device, but takes left
    // margins and indents as device pixels, so the two are converted differently.
    double mm(double millimetres) const { return millimetres / 25.4 * m_dpi; }
    static double verticalMm(double millimetres) { return millimetres / 25.4 * 96.0; }

    QTextBlockFormat blockFormat(double topMm, double bottomMm, bool keepWithNext = false) const
    {
        QTextBlockFormat format;
        format.setTopMargin(verticalMm(topMm));
        format.setBottomMargin(verticalMm(bottomMm));
        format.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
        if (keepWithNext)
            format.setProperty(KeepWithNextProperty, true);
        return format;
    }

    // The first block of the document already exists; later ones are appended.
    void newBlock(const QTextBlockFormat &format, const QTextCharFormat &chars)
    {
        if (m_first) {
            m_cursor.setBlockFormat(format);
            m_cursor.setBlockCharFormat(chars);
            m_first = false;
        } else {
            m_cursor.insertBlock(format, chars);
        }
    }

    void
    paragraph(const QString &text, const QTextBlockFormat &format, const QTextCharFormat &chars)
    {
        newBlock(format, chars);
        insertPlain(m_cursor, text, chars);
    }

    void paragraphs(const QStringList &texts, double firstTopMm)
    {
        const QTextCharFormat body = charFormat(BodyPointSize, TextColour);
        for (qsizetype i = 0; i < texts.size(); ++i)
            paragraph(texts.at(i), blockFormat(i == 0 ? firstTopMm : 0.0, 2.6), body);
    }

    void heading(const QString &text)
    {
        if (text.isEmpty())
            return;
        paragraph(text, blockFormat(5.5, 1.8, true), charFormat(12.0, AccentColour, true));
    }

    void letterhead(const LetterBlock &block, const LetterBlock *dateBlock)
    {
        newBlock(blockFormat(0, 0), charFormat(BodyPointSize, TextColour));
        QTextTableFormat tableFormat;
        tableFormat.setBorder(0);
        tableFormat.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        tableFormat.setCellPadding(0);
        tableFormat.setCellSpacing(0);
        tableFormat.setMargin(0);
        tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tableFormat.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 55),
                                               QTextLength(QTextLength::PercentageLength, 45)});
        QTextTable *table = m_cursor.insertTable(1, 2, tableFormat);

        QTextCursor left = table->cellAt(0, 0).firstCursorPosition();
        const bool hasLogo = !m_letter.logo.isNull();
        if (hasLogo) {
            QImage logo(m_letter.logo.size(), QImage::Format_RGB32);
            // Flattened on white: PDF/A-1 allows no transparency.
            logo.fill(Qt::white);
            QPainter flatten(&logo);
            flatten.drawImage(0, 0, m_letter.logo);
            flatten.end();
            const QUrl name(QStringLiteral("foidesk-letter://logo"));
            m_document->addResource(QTextDocument::ImageResource, name, logo);
            QTextImageFormat image;
            image.setName(name.toString());
            double height = imageMm(20.0);
            double width = height * logo.width() / std::max(1, logo.height());
            if (width > imageMm(75.0)) {
                width = imageMm(75.0);
                height = width * logo.height() / std::max(1, logo.width());
            }
            image.setWidth(width);
            image.setHeight(height);
            left.insertImage(image);
        } else {
            left.setBlockFormat(blockFormat(0, 0));
            insertPlain(left, block.heading, charFormat(17.0, AccentColour, true));
        }

        QTextCursor right = table->cellAt(0, 1).firstCursorPosition();
        QTextBlockFormat rightAligned = blockFormat(0, 0);
        rightAligned.setAlignment(Qt::AlignRight);
        bool firstLine = true;
        auto line = [&](const QString &text, const QTextCharFormat &chars, double topMm) {
            QTextBlockFormat format = rightAligned;
            format.setTopMargin(verticalMm(topMm));
            if (firstLine) {
                right.setBlockFormat(format);
                firstLine = false;
            } else {
                right.insertBlock(format, chars);
            }
            insertPlain(right, text, chars);
        };
        if (hasLogo)
            line(block.heading, charFormat(11.0, AccentColour, true), 0);
        const QTextCharFormat quiet = charFormat(9.5, QuietColour);
        for (const QString &text : block.lines)
            line(text, quiet, 0);
        if (dateBlock) {
            for (qsizetype i = 0; i < dateBlock->lines.size(); ++i) {
                const bool isDate = i == 0;
                line(dateBlock->lines.at(i),
                     charFormat(BodyPointSize, TextColour, !isDate),
                     isDate && (hasLogo || !block.lines.isEmpty()) ? 5.0 : 0.6);
            }
        }
        m_cursor.movePosition(QTextCursor::End);

        // A rule under the letterhead separates it from the letter itself.
        QTextBlockFormat rule = blockFormat(3.0, 5.0);
        rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                         QTextLength(QTextLength::PercentageLength, 100));
        rule.setForeground(QColor(0xc8, 0xcd, 0xd3));
        m_cursor.insertBlock(rule, charFormat(2.0, TextColour));
    }

    void questionText(const LetterQuestion &question,
                      const QTextCharFormat &textFormat,
                      const QTextBlockFormat &format)
    {
        newBlock(format, textFormat);
        if (!question.label.isEmpty()) {
            QTextCharFormat label = textFormat;
            label.setFontWeight(QFont::Bold);
            insertPlain(m_cursor, question.label + u' ', label);
        }
        insertPlain(m_cursor, question.text, textFormat);
    }

    void requestAsAsked(const LetterBlock &block)
    {
        const double indent = mm(6.0);
        for (const QString &text : block.paragraphs) {
            QTextBlockFormat format = blockFormat(0.6, 1.8, false);
            format.setLeftMargin(indent);
            paragraph(text, format, charFormat(BodyPointSize, QuoteColour, false, false));
        }
        QString previousCondition;
        for (qsizetype i = 0; i < block.questions.size(); ++i) {
            const LetterQuestion &question = block.questions.at(i);
            if (!question.section.isEmpty()) {
                QTextBlockFormat format = blockFormat(i == 0 ? 1.0 : 3.0, 1.2, true);
                format.setLeftMargin(indent);
                paragraph(question.section, format, charFormat(11.0, AccentColour, true));
            }
            if (!question.section.isEmpty())
                previousCondition.clear();
            // Follow-ups under one condition share it, as "If yes:" followed by its questions.
            const bool newCondition = question.condition != previousCondition;
            previousCondition = question.condition;
            if (!question.condition.isEmpty() && newCondition) {
                QTextBlockFormat format = blockFormat(0.6, 0.4, true);
                format.setLeftMargin(indent);
                paragraph(question.condition,
                          format,
                          charFormat(BodyPointSize, QuoteColour, false, true));
            }
            QTextBlockFormat format = blockFormat(
                0.6, question.choices.isEmpty() ? 1.8 : 0.8, !question.choices.isEmpty());
            format.setLeftMargin(indent);
            questionText(question, charFormat(BodyPointSize, QuoteColour, false, false), format);
            choices(question.choices, indent);
        }
    }

    void choices(const QStringList &items, double indent)
    {
        // A hanging bullet drawn as text: it scales with the font, wraps under the text, and
        // reads back from the PDF as "• choice".
        for (qsizetype i = 0; i < items.size(); ++i) {
            QTextBlockFormat format = blockFormat(0, i + 1 == items.size() ? 2.0 : 0.3);
            format.setLeftMargin(indent + mm(8.0));
            format.setTextIndent(-mm(3.5));
            paragraph(QString(QChar(0x2022)) + QChar(0x2002) + items.at(i),
                      format,
                      charFormat(BodyPointSize, QuoteColour));
        }
    }

    void questionAndAnswer(const LetterQuestion &question)
    {
        if (!question.section.isEmpty())
            paragraph(question.section,
                      blockFormat(4.0, 1.2, true),
                      charFormat(11.0, AccentColour, true));
        if (!question.section.isEmpty())
            m_previousCondition.clear();
        const bool newCondition = question.condition != m_previousCondition;
        m_previousCondition = question.condition;
        if (!question.condition.isEmpty() && newCondition)
            paragraph(question.condition,
                      blockFormat(1.0, 0.4, true),
                      charFormat(BodyPointSize, TextColour, false, true));
        questionText(
            question, charFormat(BodyPointSize, TextColour, true), blockFormat(1.2, 1.2, true));
        const QStringList answers =
            question.answer.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        const QTextCharFormat body = charFormat(BodyPointSize, TextColour);
        for (qsizetype i = 0; i < answers.size(); ++i) {
            QTextBlockFormat format = blockFormat(0, i + 1 == answers.size() ? 3.2 : 2.0);
            paragraph(answers.at(i).trimmed(), format, body);
        }
    }

    void closing(const LetterBlock &block)
    {
        paragraphs(block.paragraphs, 2.0);
        const QTextCharFormat body = charFormat(BodyPointSize, TextColour);
        bool first = true;
        for (const QString &text : block.lines) {
            // Blank lines in a signature leave room to sign by hand.
            paragraph(text, blockFormat(first ? 3.0 : 0.0, 0.0), body);
            first = false;
        }
    }

    QTextDocument *m_document;
    const LetterDocument &m_letter;
    QTextCursor m_cursor;
    double m_dpi;
    bool m_first = true;
    QString m_previousCondition;
};

// Moves each group of keep-with-next blocks to a new page when the group would otherwise be
// split from the first line of the block it leads into. Repeats until nothing moves, since
// each move shifts what follows.
void applyKeepWithNext(QTextDocument *document)
{
    const double pageHeight = document->pageSize().height();
    if (pageHeight <= 0)
        return;
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    for (int pass = 0; pass < 200; ++pass) {
        bool moved = false;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            if (!block.blockFormat().boolProperty(KeepWithNextProperty))
                continue;
            const QTextBlock start = block;
            QTextBlock end = block;
            while (end.isValid() && end.blockFormat().boolProperty(KeepWithNextProperty))
                end = end.next();
            block = end.isValid() ? end.previous() : document->lastBlock();
            if (!end.isValid()
                || start.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue;
            // Asking for the rectangles makes the layout current up to these blocks.
            layout->blockBoundingRect(start);
            layout->blockBoundingRect(end);
            if (!start.layout() || start.layout()->lineCount() == 0 || !end.layout()
                || end.layout()->lineCount() == 0)
                continue;
            const QTextLine firstOfStart = start.layout()->lineAt(0);
            const QTextLine firstOfEnd = end.layout()->lineAt(0);
            const double startTop = start.layout()->position().y() + firstOfStart.y();
            const double endBottom =
                end.layout()->position().y() + firstOfEnd.y() + firstOfEnd.height();
            const int startPage = int(std::floor(startTop / pageHeight));
            const int endPage = int(std::floor((endBottom - 0.5) / pageHeight));
            // A group taller than a page cannot be kept together; moving it would loop.
            if (startPage == endPage || endBottom - startTop > pageHeight * 0.8)
                continue;
            QTextCursor cursor(start);
            QTextBlockFormat format = start.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.setBlockFormat(format);
            // A format change relayouts only part of the document; pagination needs it all.
            document->setPageSize(document->pageSize());
            moved = true;
            break;
        }
        if (!moved)
            return;
    }
}

// Splits every paragraph that runs on to the next page into two blocks at the page break.
// QTextLayout draws the last line above its clip as well as the lines inside it, so the last
// line of a paragraph on one page was also emitted at the top of the next, clipped away on
// paper but there for text extraction, copying and screen readers: a line read twice. A
// paragraph that ends on the page it starts on is never asked to draw on the next one.
// One pass over the document; true when it changed anything.
bool splitAtPageBreaksOnce(QTextDocument *document)
{
    bool changed = false;
    const double pageHeight = document->pageSize().height();
    if (pageHeight <= 0)
        return false;
    // A line moved to the top of the next page can sit a rounding error above it (the layout
    // counts in 1/64 pixel); half a pixel of tolerance puts it on the page it was moved to.
    auto pageOf = [pageHeight](double y) { return int(std::floor((y + 0.5) / pageHeight)); };
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        layout->blockBoundingRect(block);
        const QTextLayout *lines = block.layout();
        if (!lines || lines->lineCount() < 1 || block.textList()
            || block.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
            continue;
        const double top = lines->position().y();
        const auto pageOfBottom = [&](const QTextLine &line) {
            return int(std::floor((top + line.y() + line.height() - 0.5) / pageHeight));
        };
        // The first line straddling the foot of a page: the whole paragraph starts on the next.
        const QTextLine opening = lines->lineAt(0);
        if (pageOfBottom(opening) != pageOf(top + opening.y())
            && !(block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)) {
            QTextBlockFormat moved = block.blockFormat();
            moved.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).setBlockFormat(moved);
            document->setPageSize(document->pageSize());
            changed = true;
            continue;
        }
        for (int i = 1; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            const int previousPage = pageOf(top + lines->lineAt(i - 1).y());
            const int page = pageOf(top + line.y());
            // A line can also straddle the foot of a page (the layout does not always push it
            // on): its top on one page and its bottom on the next, drawn in part on both.
            const bool straddles = pageOfBottom(line) != page;
            if (page == previousPage && !straddles)
                continue;
            const QTextBlockFormat original = block.blockFormat();
            QTextCursor cursor(document);
            cursor.setPosition(block.position() + line.textStart());
            QTextBlockFormat rest = original;
            rest.setTopMargin(0);
            rest.setTextIndent(0);
            rest.setPageBreakPolicy(straddles ? QTextFormat::PageBreak_AlwaysBefore
                                              : QTextFormat::PageBreak_Auto);
            cursor.insertBlock(rest, cursor.charFormat());
            QTextBlockFormat first = original;
            first.setBottomMargin(0);
            QTextCursor(block).setBlockFormat(first);
            // The rest is laid out again from here; the loop goes on with it.
            document->setPageSize(document->pageSize());
            changed = true;
            break;
        }
    }
    return changed;
}

void splitAtPageBreaks(QTextDocument *document)
{
    // A split or a page break moves what follows, and the layout can then leave a paragraph's
    // first line across the foot of a page that was clear before: go over it again until
    // nothing moves.
    for (int pass = 0; pass < 20; ++pass) {
        if (!splitAtPageBreaksOnce(document))
            return;
    }
}

} // namespace

LetterRenderer::LetterRenderer(const LetterDocument &letter)
    : m_letter(letter)
{}

QStringList LetterRenderer::fontFamilies()
{
    return {QStringLiteral("Liberation Sans"),
            QStringLiteral("Arial"),
            QStringLiteral("DejaVu Sans"),
            QStringLiteral("Segoe UI Symbol")};
}

std::unique_ptr<QTextDocument> LetterRenderer::createTextDocument(QPaintDevice *layoutDevice) const
{
    return buildDocument(layoutDevice, QTextDocument().pageSize());
}

std::unique_ptr<QTextDocument> LetterRenderer::buildDocument(QPaintDevice *layoutDevice,
                                                             const QSizeF &pageSize) const
{
    auto document = std::make_unique<QTextDocument>();
    // While the page size is null the layout does nothing but forget what it had; without
    // that, every insertion would lay out again the part of the letter it touched, and the
    // whole letter would be laid out more than once before its pages were even known.
    document->setPageSize(QSizeF(0, 0));
    double dpi = 96.0;
    if (layoutDevice) {
        document->documentLayout()->setPaintDevice(layoutDevice);
        dpi = layoutDevice->logicalDpiY();
    }
    Builder(document.get(), m_letter, dpi).build();
    document->setPageSize(pageSize);
    return document;
}

Result<int> LetterRenderer::paint(QPagedPaintDevice *device, bool draft) const
{
    // Paged devices are printers and PDF files: the supervisor view must never reach either.
    if (m_letter.revealsWithheld) {
        return Error(ErrorKind::Refused,
                     tr("The supervisor view of request %1 shows withheld text and cannot be "
                        "printed or exported; switch the preview back to the letter as it will "
                        "be sent, then print or export that.")
                         .arg(m_letter.reference));
    }
    const double dpiX = device->logicalDpiX();
    const double dpiY = device->logicalDpiY();
    auto px = [](double millimetres, double dpi) { return millimetres / 25.4 * dpi; };
    const QRectF page(0, 0, device->width(), device->height());
    const QRectF body(px(MarginLeftMm, dpiX),
                      px(MarginTopMm, dpiY),
                      page.width() - px(MarginLeftMm + MarginRightMm, dpiX),
                      page.height() - px(MarginTopMm + MarginBottomMm, dpiY));

    // Laid out with the device's own metrics, so that what is measured is what is printed.
    std::unique_ptr<QTextDocument> document = buildDocument(device, body.size());
    applyKeepWithNext(document.get());
    splitAtPageBreaks(document.get());
    const int pageCount = std::max(1, document->pageCount());

    QPainter painter;
    if (!painter.begin(device)) {
        return Error(ErrorKind::Internal,
                     tr("The letter could not be drawn: the output device refused to start "
                        "painting."));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const QFont footerFont = [] {
        QFont font;
        font.setFamilies(fontFamilies());
        font.setPointSizeF(8.5);
        return font;
    }();
    const double footerTop = page.height() - px(MarginBottomMm, dpiY) + px(8.0, dpiY);
    const QRectF footerRect(body.left(), footerTop, body.width(), px(6.0, dpiY));

    for (int index = 0; index < pageCount; ++index) {
        if (index > 0 && !device->newPage()) {
            return Error(
                ErrorKind::Io,
                tr("The letter could not be drawn: page %1 could not be started.").arg(index + 1));
        }
        if (draft) {
            painter.save();
            QFont markFont;
            markFont.setFamilies(fontFamilies());
            markFont.setBold(true);
            markFont.setPointSizeF(110);
            painter.setFont(markFont);
            painter.setPen(DraftColour);
            painter.translate(page.center());
            painter.rotate(-std::atan2(page.height(), page.width()) * 180.0 / std::numbers::pi);
            const QString mark = tr("DRAFT");
            const QRectF markRect = QFontMetricsF(markFont, device).boundingRect(mark);
            painter.drawText(QPointF(-markRect.width() / 2, markRect.height() / 4), mark);
            painter.restore();
        }

        painter.save();
        painter.translate(body.left(), body.top() - index * body.height());
        const QRectF clip(0, index * body.height(), body.width(), body.height());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        // A line pushed to the next page starts exactly on this page's bottom edge, and the
        // last line of a page can reach a little past it (its descent and spacing); the text
        // layout would emit either on both pages (invisible under the clip, but found by text
        // search and copied twice), so the drawing region stops just short of the bottom edge
        // and starts a little below the top one. 3 pt is less than any line's height, so the
        // first line of the page is still drawn.
        context.clip = clip.adjusted(0, px(8.0 * 25.4 / 72.0, dpiY), 0, -1);
        context.palette.setColor(QPalette::Text, TextColour);
        document->documentLayout()->draw(&painter, context);
        painter.restore();

        painter.save();
        painter.setPen(QPen(QColor(0xc8, 0xcd, 0xd3), px(0.25, dpiY)));
        painter.drawLine(QPointF(body.left(), footerTop - px(2.0, dpiY)),
                         QPointF(body.right(), footerTop - px(2.0, dpiY)));
        painter.setFont(footerFont);
        painter.setPen(QuietColour);
        if (!m_letter.reference.isEmpty()) {
            painter.drawText(footerRect,
                             Qt::AlignLeft | Qt::AlignTop,
                             tr("Our ref: %1").arg(m_letter.reference));
        }
        painter.drawText(footerRect,
                         Qt::AlignRight | Qt::AlignTop,
                         tr("Page %1 of %2").arg(index + 1).arg(pageCount));
        if (draft) {
            // Also as plain footer text: the diagonal mark alone is not found by a text search.
            QFont bold = footerFont;
            bold.setBold(true);
            painter.setFont(bold);
            painter.drawText(footerRect, Qt::AlignHCenter | Qt::AlignTop, tr("DRAFT"));
        }
        painter.restore();
    }
    painter.end();
    return pageCount;
}

} // namespace foidesk
