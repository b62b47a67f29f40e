#include "release/ReleaseCheckResult.h"

#include <QCoreApplication>

namespace foidesk {

// The messages keep the context of ReleaseCheck, which wrote them first: the plural forms in
// resources/translations are filed under it.

// How a withheld string may be shown where others might see it: its first character, then
// its length.
QString ReleaseCheckResult::masked(const QString &withheld)
{
    const QList<uint> codePoints = withheld.trimmed().toUcs4();
    if (codePoints.isEmpty())
        return QCoreApplication::translate("foidesk::ReleaseCheck", "an empty string");
    const char32_t first = char32_t(codePoints.first());
    return QCoreApplication::translate(
               "foidesk::ReleaseCheck", "\"%1… (%n characters)\"", nullptr, int(codePoints.size()))
        .arg(QString::fromUcs4(&first, 1));
}

QString ReleaseCheckResult::summary() const
{
    if (!error.isEmpty())
        return QCoreApplication::translate("foidesk::ReleaseCheck", "Release check FAILED: %1.")
            .arg(error);
    if (!findings.isEmpty()) {
        const LeakFinding &first = findings.first();
        QString line = QCoreApplication::translate("foidesk::ReleaseCheck",
                                                   "Release check FAILED: %1 found in %2.")
                           .arg(masked(first.withheld), first.where);
        if (findings.size() > 1) {
            const int more = int(findings.size()) - 1;
            line += QLatin1Char(' ')
                    + QCoreApplication::translate(
                        "foidesk::ReleaseCheck", "%n more finding(s).", nullptr, more);
        }
        return line;
    }
    if (withheldCount == 0)
        return QCoreApplication::translate(
            "foidesk::ReleaseCheck",
            "Release check: nothing is withheld, so there was nothing to look for.");
    if (pagesRead > 0) {
        return QCoreApplication::translate("foidesk::ReleaseCheck",
                                           "Release check passed: %1, none found in %2.")
            .arg(QCoreApplication::translate(
                     "foidesk::ReleaseCheck", "%n withheld string(s)", nullptr, withheldCount),
                 QCoreApplication::translate(
                     "foidesk::ReleaseCheck", "%n page(s)", nullptr, pagesRead));
    }
    return QCoreApplication::translate("foidesk::ReleaseCheck",
                                       "Release check passed: %1, none found in the file.")
        .arg(QCoreApplication::translate(
            "foidesk::ReleaseCheck", "%n withheld string(s)", nullptr, withheldCount));
}

} // namespace foidesk
