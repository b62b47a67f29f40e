#pragma once

#include "release/ReleaseCheckResult.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace foidesk {

// The leak rule's comparison: whether a withheld string occurs in some text. Both sides are
// compared in normalised form, so that what a PDF reader or a JSON parser returns (ligatures,
// other case, line breaks instead of spaces) still matches. Collects one finding per withheld
// string and place.
class LeakMatcher
{
public:
    explicit LeakMatcher(const QStringList &withheldStrings);

    // How many strings are looked for: empty ones, one character (or two with a space between)
    // and repeats are left out, as they would match every letter ever written.
    int count() const { return int(m_needles.size()); }

    // Looks for every withheld string in text; where names the place in a finding.
    void search(QStringView text, const QString &where);
    QList<LeakFinding> findings() const { return m_findings; }

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
    void add(const Needle &needle, const QString &where);

    QList<Needle> m_needles;
    QList<LeakFinding> m_findings;
};

} // namespace foidesk
