#pragma once

#include "release/ReleaseCheckResult.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <memory>

namespace foidesk {

// The leak rule's comparison: whether a withheld string occurs in some text. Both sides are
// compared in normalised form, so that what a PDF reader or a JSON parser returns (ligatures,
// other case, line breaks instead of spaces) still matches. Collects one finding per withheld
// string and place.
//
// All the strings are looked for in one pass over the text (an Aho-Corasick automaton built
// once, when the matcher is made), so a search costs the length of the text, not the length
// times the number of strings: publishing a whole log checks every file against every withheld
// string and requester detail of every published request. Copies share the prepared strings;
// a copy made before any search starts with no findings.
class LeakMatcher
{
public:
    explicit LeakMatcher(const QStringList &withheldStrings);
    ~LeakMatcher();
    LeakMatcher(const LeakMatcher &other);
    LeakMatcher &operator=(const LeakMatcher &other);

    // How many strings are looked for: empty ones, one character (or two with a space between)
    // and repeats are left out, as they would match every letter ever written.
    int count() const;

    // Looks for every withheld string in text; where names the place in a finding.
    void search(QStringView text, const QString &where);
    QList<LeakFinding> findings() const { return m_findings; }
    // Forgets the findings, to search another file for the same strings.
    void clearFindings() { m_findings.clear(); }

    // The form both sides are compared in.
    static QString normalised(QStringView text);

    // One withheld string as it is looked for. number is its place (from 1) in the list the
    // caller gave, so that findings can be named without repeating the string.
    struct Needle
    {
        int number = 0;
        QString original;
        QString normalised;
    };

private:
    struct Patterns;

    void add(const Needle &needle, const QString &where);

    std::shared_ptr<const Patterns> m_patterns;
    QList<LeakFinding> m_findings;
};

} // namespace foidesk
