#include "letter/LetterFileName.h"

#include "letter/LetterComposer.h"

namespace foidesk {

QString letterFileName(const QString &reference, bool draft)
{
    static const QString reserved = QStringLiteral("\\/:*?\"<>|");
    QString name = reference.trimmed();
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || reserved.contains(c))
            c = u'_';
    }
    if (name.isEmpty())
        name = LetterComposer::tr("letter");
    return draft ? LetterComposer::tr("%1 response DRAFT.pdf").arg(name)
                 : LetterComposer::tr("%1 response.pdf").arg(name);
}

} // namespace foidesk
