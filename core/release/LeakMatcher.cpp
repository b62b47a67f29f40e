#include "release/LeakMatcher.h"

namespace foidesk {

namespace {

// A single character, or two with a space between, is in every letter ever written: looking for
// it would refuse every export and protect nothing. A name, an email address or a telephone
// number always has more.
constexpr int MinimumNonSpaceCharacters = 2;

QList<LeakMatcher::Needle> needlesFor(const QStringList &withheldStrings)
{
    QList<LeakMatcher::Needle> needles;
    QStringList seen;
    for (qsizetype i = 0; i < withheldStrings.size(); ++i) {
        const QString normalised = LeakMatcher::normalised(withheldStrings.at(i)).trimmed();
        qsizetype nonSpace = 0;
        for (const QChar c : normalised) {
            if (!c.isSpace())
                ++nonSpace;
        }
        if (nonSpace < MinimumNonSpaceCharacters || seen.contains(normalised))
            continue;
        seen.append(normalised);
        needles.append({int(i + 1), withheldStrings.at(i), normalised});
    }
    return needles;
}

} // namespace

// The form both sides are compared in: compatibility-decomposed and recomposed (NFKC, so the
// ligature "ﬁ" a PDF reader returns matches "fi"), case-folded, invisible format characters
// (soft hyphens, zero-width spaces) dropped, and every run of white space, line breaks and
// no-break spaces included, made one space.
QString LeakMatcher::normalised(QStringView text)
{
    const QString composed = text.toString().normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(composed.size());
    bool inSpace = false;
    for (const QChar c : composed) {
        if (c.category() == QChar::Other_Format)
            continue;
        if (c.isSpace()) {
            if (!inSpace)
                out += QLatin1Char(' ');
            inSpace = true;
            continue;
        }
        inSpace = false;
        out += c;
    }
    return out.toCaseFolded();
}

LeakMatcher::LeakMatcher(const QStringList &withheldStrings)
    : m_needles(needlesFor(withheldStrings))
{}

void LeakMatcher::search(QStringView text, const QString &where)
{
    if (m_needles.isEmpty() || text.isEmpty())
        return;
    const QString haystack = normalised(text);
    for (const Needle &needle : std::as_const(m_needles)) {
        if (haystack.contains(needle.normalised))
            add(needle, where);
    }
}

void LeakMatcher::add(const Needle &needle, const QString &where)
{
    const LeakFinding finding{needle.original, where};
    if (!m_findings.contains(finding))
        m_findings.append(finding);
}

} // namespace foidesk
