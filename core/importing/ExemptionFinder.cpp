#include "importing/ExemptionFinder.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

// The brackets after a number, "(5)(b)", "(5(b)", "( 2 )": each part inside them.
QStringList bracketParts(const QString &chain)
{
    static const QRegularExpression part(
        u"\\(\\s*([0-9]{1,2}[a-z]?|[a-z]{1,4})\\s*(?:\\)|(?=\\())"_s,
        QRegularExpression::CaseInsensitiveOption);
    QStringList parts;
    QRegularExpressionMatchIterator it = part.globalMatch(chain);
    while (it.hasNext())
        parts.append(it.next().captured(1).toLower());
    return parts;
}

} // namespace

ExemptionFinder::ExemptionFinder(const ExemptionCatalogue &catalogue)
    : m_catalogue(catalogue)
{}

QStringList ExemptionFinder::codes(const QList<Found> &found)
{
    QStringList codes;
    for (const Found &f : found) {
        if (!codes.contains(f.code))
            codes.append(f.code);
    }
    return codes;
}

std::optional<QString> ExemptionFinder::map(Regime regime,
                                            bool regulation,
                                            const QString &number,
                                            const QStringList &brackets,
                                            QStringList *notes) const
{
    const bool environmental = regime == Regime::EIR || regime == Regime::EIRS;
    QString typed = (regulation ? u"regulation "_s : u"section "_s) + number;
    for (const QString &part : brackets)
        typed += u'(' + part + u')';
    // A regulation cited in a letter under the Act (or the reverse) is not this law's.
    if (regulation != environmental)
        return std::nullopt;
    if (const std::optional<QString> code = m_catalogue.canonicalCode(regime, typed))
        return code;
    if (!brackets.isEmpty())
        return std::nullopt;
    // A bare section whose catalogue entries all have subsections.
    const QString prefix = (regulation ? u"reg"_s : u"s"_s) + number.toLower() + u'(';
    QStringList children;
    for (const Exemption &entry : m_catalogue.forRegime(regime)) {
        if (entry.code.toLower().startsWith(prefix))
            children.append(entry.code);
    }
    if (children.isEmpty())
        return std::nullopt;
    if (regime == Regime::FOIA && number == u"40"_s && children.contains(u"s40(2)"_s)) {
        notes->append(tr("\"Section 40\" is cited without a subsection; it was read as s40(2), "
                         "other people's personal data. Check it."));
        return u"s40(2)"_s;
    }
    notes->append(tr("%1 is cited without its subsection (%2); it was not imported. Add the "
                     "right one by hand.")
                      .arg(typed, children.join(u", "_s)));
    return std::nullopt;
}

QList<ExemptionFinder::Found>
ExemptionFinder::find(const QString &text, Regime regime, QStringList *notes) const
{
    // A keyword, then one or more numbers with their brackets joined by "/", ",", "and", "or".
    static const QRegularExpression citation(
        u"\\b(sections?|sect\\.|sec\\.|s\\.?|ss\\.|exemptions?|exclusions?|regulations?|regs?\\.?"
        "|r\\.|eir)\\s*((?:[0-9]{1,2}[A-Z]?(?![0-9])\\s*(?:\\(\\s*[0-9a-z]{1,4}\\s*(?:\\)|(?=\\())"
        "\\s*)*"
        "(?:\\([^()]{2,40}\\)\\s*subsection\\s*[0-9]{1,2}\\s*)?)"
        "(?:(?:/|,|&|\\band\\b|\\bor\\b)\\s*[0-9]{1,2}[A-Z]?(?![0-9])\\s*"
        "(?:\\(\\s*[0-9a-z]{1,4}\\s*(?:\\)|(?=\\())\\s*)*)*)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression number(
        u"([0-9]{1,2}[A-Z]?)(?![0-9])\\s*((?:\\(\\s*[0-9a-z]{1,4}\\s*(?:\\)|(?=\\())\\s*)*)"
        "(?:\\([^()]{2,40}\\)\\s*subsection\\s*([0-9]{1,2}))?"_s,
        QRegularExpression::CaseInsensitiveOption);

    QList<Found> found;
    QRegularExpressionMatchIterator it = citation.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString keyword = m.captured(1).toLower();
        const bool regulation = keyword.startsWith(u"r"_s) || keyword == u"eir"_s;
        // "s" alone only right before the number ("s40(2)", "s.40"), not "is 40".
        if ((keyword == u"s"_s || keyword == u"s."_s) && m.capturedStart(1) > 0
            && text.at(m.capturedStart(1) - 1).isLetter())
            continue;
        const QString list = m.captured(2);
        QRegularExpressionMatchIterator numbers = number.globalMatch(list);
        while (numbers.hasNext()) {
            const QRegularExpressionMatch n = numbers.next();
            QStringList brackets = bracketParts(n.captured(2));
            if (n.capturedLength(3) > 0)
                brackets = {n.captured(3)};
            const std::optional<QString> code =
                map(regime, regulation, n.captured(1), brackets, notes);
            if (!code)
                continue;
            found.append({*code, m.capturedStart(2) + n.capturedStart(), n.capturedLength()});
        }
    }
    return found;
}

} // namespace foidesk
