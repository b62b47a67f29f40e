#include "release/WithheldText.h"

#include "exemptions/ExemptionCatalogue.h"
#include "redaction/RedactionSpans.h"
#include "wording/LetterTemplate.h"

#include <QHash>

namespace foidesk {

namespace {

// Characters that are not white space, counting a surrogate pair as one character.
qsizetype visibleCharacters(const QString &text)
{
    qsizetype count = 0;
    for (QChar c : text) {
        if (!c.isSpace() && !c.isLowSurrogate())
            ++count;
    }
    return count;
}

// Each line of text, whatever the line ending (LF, CRLF, CR or a Unicode separator).
QStringList linesOf(const QString &text)
{
    QStringList lines;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\r' || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator) {
            lines.append(current);
            current.clear();
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else {
            current.append(c);
        }
    }
    lines.append(current);
    return lines;
}

bool hasLineBreak(const QString &text)
{
    return linesOf(text).size() > 1;
}

// Adds text to strings when a release check can usefully search for it: trimmed, at least two
// visible characters (a lone letter or digit would be found in any letter), not already there.
void appendSearchable(QStringList &strings, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (visibleCharacters(trimmed) < 2 || strings.contains(trimmed))
        return;
    strings.append(trimmed);
}

void appendWithLines(QStringList &strings, const QString &text)
{
    appendSearchable(strings, text);
    if (!hasLineBreak(text))
        return;
    for (const QString &line : linesOf(text))
        appendSearchable(strings, line);
}

QString clean(const QString &text)
{
    return text.trimmed();
}

} // namespace

QStringList WithheldText::strings(const Request &request)
{
    QStringList strings;
    for (const Question &q : request.questions) {
        for (const QString &text : redaction::withheldStrings(q.answer, q.redactions))
            appendWithLines(strings, text);
        // A letter never prints the answer of a question withheld in full, nor of one it
        // neither confirms nor denies: whatever the officer noted there stays internal.
        if (q.disposition == Disposition::Withheld
            || q.disposition == Disposition::NeitherConfirmNorDeny)
            appendWithLines(strings, q.answer);
    }
    return strings;
}

QString WithheldText::label(const QString &exemptionCode,
                            const QString &wording,
                            const ExemptionCatalogue *catalogue)
{
    const QString code = clean(exemptionCode);
    const QString shown =
        code.isEmpty() ? tr("no exemption") : ExemptionCatalogue::shortLabel(code);
    const QString trimmed = wording.trimmed();
    QString label;
    if (!trimmed.isEmpty() && LetterTemplate::placeholders(trimmed, nullptr)) {
        QHash<QString, QString> values;
        values.insert(QStringLiteral("exemption_code"), shown);
        // The label knows no regime; the same code means the same exemption wherever it is.
        const Exemption *entry = nullptr;
        if (catalogue) {
            for (const Exemption &candidate : catalogue->all()) {
                if (candidate.code == code) {
                    entry = &candidate;
                    break;
                }
            }
        }
        values.insert(QStringLiteral("exemption"), entry ? entry->citation : shown);
        values.insert(QStringLiteral("exemption_title"), entry ? entry->title : shown);
        label = clean(LetterTemplate::expand(trimmed, values));
    }
    // A bar with nothing after it would not say why the passage is withheld (s17(1)(b)).
    if (label.isEmpty())
        label = tr("[withheld: %1]").arg(shown);
    return label;
}

} // namespace foidesk
