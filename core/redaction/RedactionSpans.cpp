#include "redaction/RedactionSpans.h"

#include <algorithm>

namespace foidesk::redaction {

namespace {

// Removes [from, to) from every span of list, cutting or splitting the spans it touches.
void cutRange(QList<Redaction> &list, qsizetype from, qsizetype to)
{
    if (to <= from)
        return;
    QList<Redaction> kept;
    kept.reserve(list.size() + 1);
    for (const Redaction &span : std::as_const(list)) {
        if (span.end() <= from || span.start >= to) {
            kept.append(span);
            continue;
        }
        if (span.start < from)
            kept.append({span.start, from - span.start, span.exemption});
        if (span.end() > to)
            kept.append({to, span.end() - to, span.exemption});
    }
    list = kept;
}

bool splitsSurrogatePair(const QString &text, qsizetype index)
{
    return index > 0 && index < text.size() && text.at(index - 1).isHighSurrogate()
           && text.at(index).isLowSurrogate();
}

bool onlyWhiteSpace(const QString &text, qsizetype start, qsizetype length)
{
    for (qsizetype i = start; i < start + length; ++i) {
        if (!text.at(i).isSpace())
            return false;
    }
    return true;
}

// The spans after oldText[at, at + removed) was replaced by `inserted` characters, giving
// newText: spans before the edit stay, spans after it move, an edit strictly inside a span joins
// it, and characters removed from a span leave it. A span the edit leaves with no characters,
// or with nothing but white space (the space between two withheld words, once both words are
// deleted), disappears.
QList<Redaction> spansAfterEdit(const QList<Redaction> &spans,
                                qsizetype at,
                                qsizetype removed,
                                qsizetype inserted,
                                const QString &newText)
{
    const qsizetype removedEnd = at + removed;
    const qsizetype delta = inserted - removed;
    QList<Redaction> result;
    result.reserve(spans.size());
    for (const Redaction &span : spans) {
        const qsizetype start = span.start;
        const qsizetype end = span.end();
        if (end <= at) {
            // Before the edit, or typing right after the span's last character.
            result.append(span);
        } else if (start >= removedEnd) {
            // After the edit, or typing right before the span's first character.
            result.append({start + delta, span.length, span.exemption});
        } else if (start < at && end > removedEnd) {
            // The edit lies strictly inside the span: what was typed there is withheld too.
            result.append({start, span.length + delta, span.exemption});
        } else {
            // The edit took the span's first or last characters, or all of them.
            if (start < at && !onlyWhiteSpace(newText, start, at - start))
                result.append({start, at - start, span.exemption});
            if (end > removedEnd && !onlyWhiteSpace(newText, at + inserted, end - removedEnd))
                result.append({at + inserted, end - removedEnd, span.exemption});
        }
    }
    return result;
}

qsizetype withheldLength(const QList<Redaction> &spans)
{
    qsizetype total = 0;
    for (const Redaction &span : spans)
        total += span.length;
    return total;
}

} // namespace

QList<Redaction> normalized(QList<Redaction> spans, qsizetype textLength)
{
    textLength = std::max<qsizetype>(textLength, 0);
    // Applied in list order so that a later span takes the characters it shares with an
    // earlier one of another exemption.
    QList<Redaction> result;
    result.reserve(spans.size());
    for (const Redaction &span : std::as_const(spans)) {
        const qsizetype start = std::clamp<qsizetype>(span.start, 0, textLength);
        const qsizetype end = std::clamp<qsizetype>(span.start + span.length, 0, textLength);
        if (end <= start)
            continue;
        cutRange(result, start, end);
        result.append({start, end - start, span.exemption});
    }
    std::sort(result.begin(), result.end(), [](const Redaction &a, const Redaction &b) {
        return a.start < b.start;
    });

    QList<Redaction> merged;
    merged.reserve(result.size());
    for (const Redaction &span : std::as_const(result)) {
        if (!merged.isEmpty() && merged.last().exemption == span.exemption
            && merged.last().end() >= span.start) {
            Redaction &last = merged.last();
            last.length = std::max(last.end(), span.end()) - last.start;
        } else {
            merged.append(span);
        }
    }
    return merged;
}

QList<Redaction> normalized(QList<Redaction> spans, const QString &text)
{
    const qsizetype length = text.size();
    for (Redaction &span : spans) {
        qsizetype start = std::clamp<qsizetype>(span.start, 0, length);
        qsizetype end = std::clamp<qsizetype>(span.start + span.length, 0, length);
        if (end <= start) {
            span.length = 0;
            continue;
        }
        if (splitsSurrogatePair(text, start))
            --start;
        if (splitsSurrogatePair(text, end))
            ++end;
        span.start = start;
        span.length = end - start;
    }
    // Every cut normalized() makes is at the edge of another (already widened) span, so the
    // result keeps whole characters.
    return normalized(std::move(spans), length);
}

QList<Redaction> added(const QList<Redaction> &spans, const Redaction &span, qsizetype textLength)
{
    QList<Redaction> all = spans;
    all.append(span);
    return normalized(std::move(all), textLength);
}

QList<Redaction>
cleared(const QList<Redaction> &spans, qsizetype start, qsizetype length, qsizetype textLength)
{
    QList<Redaction> result = normalized(spans, textLength);
    cutRange(result, start, start + length);
    return normalized(std::move(result), textLength);
}

QList<Redaction>
adjustedForEdit(const QList<Redaction> &spans, const QString &oldText, const QString &newText)
{
    const qsizetype oldLength = oldText.size();
    const qsizetype newLength = newText.size();
    const qsizetype shorter = std::min(oldLength, newLength);

    qsizetype prefix = 0;
    while (prefix < shorter && oldText.at(prefix) == newText.at(prefix))
        ++prefix;
    // An edit never starts between the halves of a surrogate pair: replacing one character
    // outside the BMP with another that shares its high surrogate replaces the whole character.
    if (splitsSurrogatePair(oldText, prefix) || splitsSurrogatePair(newText, prefix))
        --prefix;

    qsizetype suffix = 0;
    while (suffix < shorter - prefix
           && oldText.at(oldLength - 1 - suffix) == newText.at(newLength - 1 - suffix)) {
        ++suffix;
    }
    if (suffix > 0
        && (splitsSurrogatePair(oldText, oldLength - suffix)
            || splitsSurrogatePair(newText, newLength - suffix))) {
        --suffix;
    }

    // The edit replaced oldText[prefix, prefix + removed) with `inserted` characters.
    const qsizetype removed = oldLength - suffix - prefix;
    const qsizetype inserted = newLength - suffix - prefix;
    const QList<Redaction> before = normalized(spans, oldText);

    // Typing or deleting one of a run of equal characters ("Ann  Lee", "JJohn") could have
    // happened at any place in the run, and the texts cannot tell which. Of those places, take
    // the one that leaves the most withheld, so that doubt never releases a withheld character;
    // among equals the one nearest the end of the run, where the common prefix puts the edit.
    qsizetype at = prefix;
    if ((removed == 0) != (inserted == 0)) {
        const QString &text = removed > 0 ? oldText : newText;
        const qsizetype length = removed > 0 ? removed : inserted;
        qsizetype earliest = prefix;
        while (earliest > 0 && text.at(earliest - 1) == text.at(earliest - 1 + length))
            --earliest;
        if (earliest < prefix) {
            // Only the span edges in the run can change the outcome.
            QList<qsizetype> candidates{prefix, earliest};
            for (const Redaction &span : before) {
                for (qsizetype edge : {span.start, span.end()}) {
                    for (qsizetype place : {edge - 1, edge, edge + 1, edge - length})
                        candidates.append(place);
                }
            }
            qsizetype best =
                withheldLength(spansAfterEdit(before, prefix, removed, inserted, newText));
            for (qsizetype place : std::as_const(candidates)) {
                if (place < earliest || place >= prefix || splitsSurrogatePair(text, place))
                    continue;
                const qsizetype kept =
                    withheldLength(spansAfterEdit(before, place, removed, inserted, newText));
                if (kept > best || (kept == best && place > at)) {
                    best = kept;
                    at = place;
                }
            }
        }
    }
    return normalized(spansAfterEdit(before, at, removed, inserted, newText), newText);
}

QList<Redaction> spansForText(const QString &answer, const QString &text, const QString &exemption)
{
    QList<Redaction> spans;
    if (text.isEmpty())
        return spans;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = answer.indexOf(text, from, Qt::CaseSensitive);
        if (at < 0)
            break;
        spans.append({at, text.size(), exemption});
        from = at + text.size();
    }
    return spans;
}

QStringList withheldStrings(const QString &answer, const QList<Redaction> &spans)
{
    QStringList strings;
    for (const Redaction &span : normalized(spans, answer)) {
        const QString text = answer.mid(span.start, span.length);
        if (!text.isEmpty() && !strings.contains(text))
            strings.append(text);
    }
    return strings;
}

bool isWithheld(const QList<Redaction> &spans, qsizetype index)
{
    return std::any_of(spans.cbegin(), spans.cend(), [index](const Redaction &span) {
        return span.start <= index && index < span.end();
    });
}

} // namespace foidesk::redaction
