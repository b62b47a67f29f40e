// Any bytes given to the text letter readers (plain text, Markdown or HTML, chosen by the first
// byte) come back as a clear error or as a letter whose blocks and found fields lie inside its
// text.

#include "LetterFuzzCheck.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QString formats[] = {
        QStringLiteral("text"), QStringLiteral("markdown"), QStringLiteral("html")};
    const QString &format = formats[data[0] % 3];
    checkLetter(QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)), format);
    return 0;
}
