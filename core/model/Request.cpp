#include "model/Request.h"

#include <QRegularExpression>

namespace foidesk {

QString singleLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool pending = false; // a run of line breaks and tabs not yet written
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator) {
            pending = true;
            continue;
        }
        // A run is one space, and none beside a space that is already there.
        if (pending && c != u' ' && !out.isEmpty() && !out.endsWith(u' '))
            out += u' ';
        pending = false;
        out += c;
    }
    return out;
}

QString questionName(const Question &question, qsizetype index)
{
    QString name;
    for (const QChar c : question.label) {
        if (c.category() != QChar::Other_Format) // invisible marks pasted from a document
            name += c;
    }
    name = name.simplified();
    while (name.endsWith(u'.') || name.endsWith(u')') || name.endsWith(u':'))
        name.chop(1);
    // "Question 4", "Q4", "Q.4": the message says "Question" already.
    static const QRegularExpression prefix(QStringLiteral("^(?:question|q)\\s*\\.?\\s*(?=\\d)"),
                                           QRegularExpression::CaseInsensitiveOption);
    name.remove(prefix);
    if (name.isEmpty())
        name = QString::number(index + 1);
    return name;
}

namespace {

void appendNew(QStringList &codes, const QString &code)
{
    if (!code.isEmpty() && !codes.contains(code))
        codes.append(code);
}

} // namespace

QStringList Question::exemptionsUsed() const
{
    QStringList codes;
    for (const QString &code : exemptions)
        appendNew(codes, code);
    for (const Redaction &span : redactions)
        appendNew(codes, span.exemption);
    return codes;
}

QStringList Request::exemptionsUsed() const
{
    QStringList codes;
    for (const Question &q : questions) {
        for (const QString &code : q.exemptionsUsed())
            appendNew(codes, code);
    }
    return codes;
}

bool Request::withholdsAnything() const
{
    for (const Question &q : questions) {
        // A question withheld in full withholds its answer even before an exemption is chosen.
        if (q.disposition == Disposition::Withheld || !q.redactions.isEmpty())
            return true;
        // Neither confirming nor denying keeps whatever the officer noted as the answer out of
        // the letter, so that note is withheld too.
        if (q.disposition == Disposition::NeitherConfirmNorDeny && !q.answer.trimmed().isEmpty())
            return true;
    }
    return false;
}

} // namespace foidesk
