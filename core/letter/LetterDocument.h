#pragma once

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// Characters from Unicode's private use area that mark withheld text inside a letter's plain
// text. They never come from a user (LetterComposer strips them from everything it copies) and
// never reach a file: renderers turn them into drawing.
namespace LetterMarks {
// A withheld passage: drawn as a solid bar of fixed width, whatever the length of what it
// replaces. The label ("[withheld: s40(2)]") follows as ordinary text.
inline constexpr char16_t WithheldBar = u'\uE000';
// Supervisor view only: the withheld text between these two marks is shown highlighted.
inline constexpr char16_t RevealStart = u'\uE001';
inline constexpr char16_t RevealEnd = u'\uE002';
} // namespace LetterMarks

// One question as it appears in a letter, its text already expanded and its answer already
// cleared for disclosure.
struct LetterQuestion
{
    QString section; // set only where the section changes, so its heading is printed once
    QString label;
    QString condition;
    QString text;
    QStringList choices;
    QString answer;

    bool operator==(const LetterQuestion &) const = default;
};

// One typed part of a letter. Text is plain text, never markup: paragraphs are separate
// entries, and a single line break inside a paragraph is kept as '\n'.
struct LetterBlock
{
    enum class Kind
    {
        Letterhead,        // heading: organisation name; lines: address and contact details
        DateAndReference,  // lines: letter date, reference line
        Salutation,        // paragraphs: "Dear ..."
        Thanks,            // paragraphs: thanks with the date received
        RequestAsAsked,    // paragraphs: the requester's introduction; questions: the request
                           // quoted, with sections, choices and conditions
        RegimeSentence,    // paragraphs: the law the request was handled under
        ConfirmOrDeny,     // heading: response heading; paragraphs: held / not held statement
        WithheldLeadIn,    // paragraphs: some information withheld
        QuestionAndAnswer, // questions: exactly one, with its answer
        CombinedResponse,  // paragraphs: one answer for every question
        RefusalNotice,     // heading and paragraphs: one exemption, why it applies, the public
                           // interest where it is qualified (FOIA s17, EIR reg 14)
        StandingParagraph, // heading and paragraphs: further information, re-use advice
        YourRights,        // heading and paragraphs: review and regulator
        Closing,           // paragraphs: closing text; lines: signature block
    };

    Kind kind = Kind::StandingParagraph;
    QString templateKey; // the profile template the text came from, when there is one
    QString heading;
    QStringList paragraphs;
    QStringList lines;
    QList<LetterQuestion> questions;

    bool operator==(const LetterBlock &) const = default;
};

// A composed response letter: what LetterComposer produces and the renderers draw. Keeping the
// letter as data lets the preview, printing and PDF export show exactly the same thing.
class LetterDocument
{
public:
    QString reference;    // shown in the footer of every page
    QString pdfTitle;     // "Response to FOI request 6370952"
    QString pdfSubject;   // the request's title
    QString organisation; // author of the PDF
    QImage logo;          // null when the profile has none
    QList<LetterBlock> blocks;
    // Values the letter needs and does not have yet, each a complete sentence saying what to
    // fill in. A draft may be exported with problems; a final letter may not.
    QStringList problems;
    // The supervisor view: withheld text is present, between LetterMarks::RevealStart and
    // RevealEnd. Such a document is for the screen only: PdfExporter and printing refuse it.
    bool revealsWithheld = false;
    // The strings this letter withholds (WithheldText::strings of the request), for the
    // release check that reads the exported file back.
    QStringList withheldStrings;

    bool hasProblems() const { return !problems.isEmpty(); }

    // The blocks of one kind, in order.
    QList<LetterBlock> blocksOf(LetterBlock::Kind kind) const;

    // All the letter's text in reading order, one paragraph per line. For search, tests and
    // plain-text copies; it carries nothing the PDF would not show.
    QString plainText() const;
};

} // namespace foidesk
