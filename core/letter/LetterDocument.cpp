#include "letter/LetterDocument.h"

namespace foidesk {

namespace {

// The text a reader of the letter sees: a bar is a block character, so that a search or a test
// can tell where one is; the marks around revealed text are dropped and the text kept, since a
// revealed document is only ever shown on screen.
QString readable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == QChar(LetterMarks::WithheldBar))
            out.append(QChar(0x2588));
        else if (c != QChar(LetterMarks::RevealStart) && c != QChar(LetterMarks::RevealEnd))
            out.append(c);
    }
    return out;
}

} // namespace

QList<LetterBlock> LetterDocument::blocksOf(LetterBlock::Kind kind) const
{
    QList<LetterBlock> found;
    for (const LetterBlock &block : blocks) {
        if (block.kind == kind)
            found.append(block);
    }
    return found;
}

QString LetterDocument::plainText() const
{
    QStringList out;
    auto add = [&out](const QString &text) {
        if (!text.isEmpty())
            out.append(readable(text));
    };
    for (const LetterBlock &block : blocks) {
        add(block.heading);
        for (const QString &paragraph : block.paragraphs)
            add(paragraph);
        for (const QString &line : block.lines)
            add(line);
        for (const LetterQuestion &question : block.questions) {
            add(question.section);
            add(question.label);
            add(question.condition);
            add(question.text);
            for (const QString &choice : question.choices)
                add(choice);
            add(question.answer);
        }
    }
    return out.join(u'\n');
}

} // namespace foidesk
