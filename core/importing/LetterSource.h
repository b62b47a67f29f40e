#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// One block of a letter as its reader saw it: a paragraph, a heading or an item of a list
// (numbered or bulleted; the number or bullet stays at the start of the text, as written).
struct SourceBlock
{
    enum class Kind
    {
        Paragraph,
        Heading,
        ListItem
    };

    Kind kind = Kind::Paragraph;
    QString text;        // the block's text, lines joined with '\n'
    qsizetype start = 0; // where text starts in LetterSource::text
    // For a heading: 1 to 6 when the document marked it as one (HTML h1, Markdown "#", Word's
    // Title and Heading styles), 0 when the reader judged a short lone line to be one.
    int level = 0;
};

// A letter read from a file, whatever its format: its plain text, cut into blocks, and what
// the reader noticed that is not letter text but matters (tracked deletions, comments, hidden
// text: they may hold withheld words, so they are reported and never taken as text).
struct LetterSource
{
    QString format; // "text", "markdown", "html", "docx", "pdf"
    QString text;   // the blocks, separated by blank lines
    QList<SourceBlock> blocks;
    QStringList notes; // one sentence each, for the officer

    // Appends a block (ignored when it is only white space) and its text.
    void append(SourceBlock::Kind kind, const QString &blockText, int level = 0);
    bool isEmpty() const { return blocks.isEmpty(); }
};

} // namespace foidesk
