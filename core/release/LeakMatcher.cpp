#include "release/LeakMatcher.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <vector>

namespace foidesk {

namespace {

// A single character, or two with a space between, is in every letter ever written: looking for
// it would refuse every export and protect nothing. A name, an email address or a telephone
// number always has more.
constexpr int MinimumNonSpaceCharacters = 2;

QList<LeakMatcher::Needle> needlesFor(const QStringList &withheldStrings)
{
    QList<LeakMatcher::Needle> needles;
    QSet<QString> seen;
    for (qsizetype i = 0; i < withheldStrings.size(); ++i) {
        const QString normalised = LeakMatcher::normalised(withheldStrings.at(i)).trimmed();
        qsizetype nonSpace = 0;
        for (const QChar c : normalised) {
            if (!c.isSpace())
                ++nonSpace;
        }
        if (nonSpace < MinimumNonSpaceCharacters || seen.contains(normalised))
            continue;
        seen.insert(normalised);
        needles.append({int(i + 1), withheldStrings.at(i), normalised});
    }
    return needles;
}

} // namespace

// The needles and the automaton that finds them all in one pass: a trie of the normalised
// needles (UTF-16 code units), each state's fall-back to the longest proper suffix that is also
// in the trie, and the needles that end at each state or at one of its fall-backs.
struct LeakMatcher::Patterns
{
    QList<Needle> needles;

    struct State
    {
        int fallback = 0;
        int nextWithNeedle = -1; // the nearest fall-back state where a needle ends, or -1
        std::vector<int> ending; // indexes into needles of those that end here
    };
    std::vector<State> states{State()};
    QHash<quint64, int> edges; // (state << 16 | code unit) -> state

    static quint64 key(int state, char16_t unit) { return (quint64(state) << 16) | unit; }

    int step(int state, char16_t unit) const { return edges.value(key(state, unit), -1); }

    explicit Patterns(QList<Needle> list)
        : needles(std::move(list))
    {
        for (int n = 0; n < int(needles.size()); ++n) {
            int state = 0;
            for (const QChar c : std::as_const(needles.at(n).normalised)) {
                int next = step(state, c.unicode());
                if (next < 0) {
                    next = int(states.size());
                    states.emplace_back();
                    edges.insert(key(state, c.unicode()), next);
                }
                state = next;
            }
            states[size_t(state)].ending.push_back(n);
        }
        // Breadth first, so that a state's fall-back is finished before the state itself.
        QHash<int, std::vector<std::pair<char16_t, int>>> children;
        for (auto it = edges.cbegin(); it != edges.cend(); ++it)
            children[int(it.key() >> 16)].push_back({char16_t(it.key() & 0xFFFF), it.value()});
        std::vector<int> queue;
        for (const auto &[unit, child] : children.value(0))
            queue.push_back(child);
        for (size_t at = 0; at < queue.size(); ++at) {
            const int parent = queue[at];
            for (const auto &[unit, child] : children.value(parent)) {
                int fallback = states[size_t(parent)].fallback;
                int target = step(fallback, unit);
                while (target < 0 && fallback != 0) {
                    fallback = states[size_t(fallback)].fallback;
                    target = step(fallback, unit);
                }
                State &state = states[size_t(child)];
                state.fallback = target >= 0 ? target : 0;
                const State &back = states[size_t(state.fallback)];
                state.nextWithNeedle = back.ending.empty() ? back.nextWithNeedle : state.fallback;
                queue.push_back(child);
            }
        }
    }
};

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
    : m_patterns(std::make_shared<const Patterns>(needlesFor(withheldStrings)))
{}

LeakMatcher::~LeakMatcher() = default;
LeakMatcher::LeakMatcher(const LeakMatcher &other) = default;
LeakMatcher &LeakMatcher::operator=(const LeakMatcher &other) = default;

int LeakMatcher::count() const
{
    return int(m_patterns->needles.size());
}

void LeakMatcher::search(QStringView text, const QString &where)
{
    const Patterns &p = *m_patterns;
    if (p.needles.isEmpty() || text.isEmpty())
        return;
    const QString haystack = normalised(text);
    std::vector<int> hits; // needles found, as indexes; few, and only these cost anything more
    int state = 0;
    for (const QChar c : haystack) {
        const char16_t unit = c.unicode();
        int next = p.step(state, unit);
        while (next < 0 && state != 0) {
            state = p.states[size_t(state)].fallback;
            next = p.step(state, unit);
        }
        state = next >= 0 ? next : 0;
        for (int s = state; s > 0; s = p.states[size_t(s)].nextWithNeedle)
            hits.insert(
                hits.end(), p.states[size_t(s)].ending.begin(), p.states[size_t(s)].ending.end());
    }
    // Findings in the order the strings were given, as a search string by string gave them.
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    for (const int n : hits)
        add(p.needles.at(n), where);
}

void LeakMatcher::add(const Needle &needle, const QString &where)
{
    const LeakFinding finding{needle.original, where};
    if (!m_findings.contains(finding))
        m_findings.append(finding);
}

} // namespace foidesk
