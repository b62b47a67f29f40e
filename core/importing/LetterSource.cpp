#include "importing/LetterSource.h"

namespace foidesk {

void LetterSource::append(SourceBlock::Kind kind, const QString &blockText, int level)
{
    const QString trimmed = blockText.trimmed();
    if (trimmed.isEmpty())
        return;
    if (!text.isEmpty())
        text += QStringLiteral("\n\n");
    blocks.append({kind, trimmed, text.size(), level});
    text += trimmed;
}

} // namespace foidesk
