// Any bytes given to the Word letter reader (a zip of XML, unpacked with minizip) come back as a
// clear error (not a zip, a zip bomb, damaged XML) or as a letter whose blocks and found fields
// lie inside its text.

#include "LetterFuzzCheck.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    checkLetter(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                QStringLiteral("docx"));
    return 0;
}
