#include "letter/LetterDocument.h"

namespace foidesk {

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
            out.append(text);
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
