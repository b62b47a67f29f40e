// Random answers, spans and edits through the span arithmetic every keystroke uses. Whatever
// comes in, what comes out must be well formed: sorted, inside the text, not empty, never
// overlapping, never splitting a surrogate pair, and stable when normalized again. An edit
// that changes nothing must leave the spans as they were.

#include "redaction/RedactionSpans.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

namespace {

using foidesk::Redaction;

// A small alphabet makes runs of equal characters (the ambiguous edits) and surrogate pairs
// likely.
QString textFrom(const uint8_t *&data, const uint8_t *end, int length)
{
    static const char16_t alphabet[] = {u'a', u'a', u'b', u' ', u'\n', u'\xe2', 0xD83D, 0xDE00};
    QString text;
    for (int i = 0; i < length && data < end; ++i, ++data)
        text.append(QChar(alphabet[*data % 8]));
    return text;
}

void check(const QList<Redaction> &spans, const QString &text)
{
    qsizetype previousEnd = 0;
    QString previousExemption;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const Redaction &span = spans.at(i);
        if (span.length <= 0 || span.start < 0 || span.end() > text.size())
            std::abort();
        if (i > 0
            && (span.start < previousEnd
                || (span.start == previousEnd && span.exemption == previousExemption)))
            std::abort();
        if (span.start > 0 && text.at(span.start).isLowSurrogate()
            && text.at(span.start - 1).isHighSurrogate())
            std::abort();
        if (span.end() < text.size() && text.at(span.end()).isLowSurrogate()
            && text.at(span.end() - 1).isHighSurrogate())
            std::abort();
        previousEnd = span.end();
        previousExemption = span.exemption;
    }
    if (foidesk::redaction::normalized(spans, text) != spans)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *end = data + size;
    if (size < 4)
        return 0;
    const int oldLength = data[0] % 40;
    const int newLength = data[1] % 40;
    const int spanCount = data[2] % 6;
    data += 3;
    const QString oldText = textFrom(data, end, oldLength);
    QList<Redaction> spans;
    for (int i = 0; i < spanCount && end - data >= 3; ++i, data += 3) {
        spans.append(
            Redaction{data[0] % 45,
                      data[1] % 12,
                      (data[2] % 2) ? QStringLiteral("s40(2)") : QStringLiteral("s43(2)")});
    }
    const QList<Redaction> before = foidesk::redaction::normalized(spans, oldText);
    check(before, oldText);

    if (foidesk::redaction::adjustedForEdit(before, oldText, oldText) != before)
        std::abort();

    const QString newText = textFrom(data, end, newLength);
    const QList<Redaction> after = foidesk::redaction::adjustedForEdit(before, oldText, newText);
    check(after, newText);
    return 0;
}
