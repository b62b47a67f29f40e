#include "letter/LetterText.h"

#include "letter/LetterComposer.h"
#include "release/WithheldText.h"

#include <QRegularExpression>

namespace foidesk {

bool LetterText::isMark(QChar c)
{
    return c == QChar(LetterMarks::WithheldBar) || c == QChar(LetterMarks::RevealStart)
           || c == QChar(LetterMarks::RevealEnd);
}

// The marks are private-use characters a user could still paste in; one that reached the letter
// would draw a bar, or hide text in a highlight, where nothing is withheld.
QString LetterText::withoutMarks(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!isMark(c))
            out.append(c);
    }
    return out;
}

QString LetterText::clean(const QString &text)
{
    return withoutMarks(text).trimmed();
}

// Addresses are typed one line per row; inside a sentence they read better on one line.
QString LetterText::oneLine(const QString &multiLine)
{
    QStringList parts;
    for (const QString &line : multiLine.split(u'\n')) {
        const QString trimmed = clean(line);
        if (!trimmed.isEmpty())
            parts.append(trimmed);
    }
    return parts.join(QStringLiteral(", "));
}

QStringList LetterText::nonEmptyLines(const QString &multiLine)
{
    QStringList lines;
    for (const QString &line : multiLine.split(u'\n')) {
        const QString trimmed = clean(line);
        if (!trimmed.isEmpty())
            lines.append(trimmed);
    }
    return lines;
}

// Paragraphs are separated by a blank line; single line breaks stay inside their paragraph.
QStringList LetterText::paragraphsOf(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    static const QRegularExpression blankLine(QStringLiteral("\\n[ \\t]*\\n\\s*"));
    QStringList paragraphs;
    for (const QString &part : normalised.split(blankLine)) {
        QString trimmed = part;
        while (trimmed.endsWith(u'\n') || trimmed.endsWith(u' '))
            trimmed.chop(1);
        while (trimmed.startsWith(u'\n'))
            trimmed.remove(0, 1);
        if (!trimmed.trimmed().isEmpty())
            paragraphs.append(trimmed);
    }
    return paragraphs;
}

bool LetterText::isRequestField(const QString &placeholder)
{
    return placeholder == QLatin1String("reference") || placeholder == QLatin1String("title")
           || placeholder == QLatin1String("received")
           || placeholder == QLatin1String("requester_name");
}

QString LetterText::heldKey(Held held)
{
    switch (held) {
    case Held::All:
        return QStringLiteral("held.all");
    case Held::Some:
        return QStringLiteral("held.some");
    case Held::None:
        return QStringLiteral("held.none");
    case Held::NeitherConfirmNorDeny:
        return QStringLiteral("held.ncnd");
    case Held::Undecided:
        break;
    }
    return {};
}

QString LetterText::yourRightsKey(Regime regime)
{
    const bool scottish = regime == Regime::FOISA || regime == Regime::EIRS;
    return scottish ? QStringLiteral("your_rights.scotland") : QStringLiteral("your_rights.uk");
}

// Case and runs of white space do not make a withheld string safe to print: "jane  SMITH" on
// paper still names her. The release check that reads the PDF back compares the same way.
QString LetterText::foldedForSearch(const QString &text)
{
    return text.simplified().toCaseFolded();
}

// The strings one question withholds, exactly as the release check will look for them.
QStringList LetterText::withheldStringsOf(const Question &question)
{
    Request single;
    single.questions = {question};
    return WithheldText::strings(single);
}

// text as it would be printed: revealed passages (supervisor view) left out, so that the
// leak check gives the same answer in both views.
QString LetterText::printedText(const QString &text)
{
    QString out;
    bool revealed = false;
    for (QChar c : text) {
        if (c == QChar(LetterMarks::RevealStart))
            revealed = true;
        else if (c == QChar(LetterMarks::RevealEnd))
            revealed = false;
        else if (!revealed)
            out.append(c);
    }
    return out;
}

QString LetterText::listPhrase(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    //: A list of two or more items: "%1 and %2", where %1 may itself be "a, b".
    return LetterComposer::tr("%1 and %2")
        .arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.constLast());
}

// "question 4", "questions 2 and 4": the questions that rely on exemptionCode.
QString LetterText::questionsPhrase(const Request &request, const QString &exemptionCode)
{
    QStringList names;
    for (qsizetype i = 0; i < request.questions.size(); ++i) {
        if (request.questions.at(i).exemptionsUsed().contains(exemptionCode))
            names.append(questionName(request.questions.at(i), i));
    }
    if (names.isEmpty())
        return {};
    if (names.size() == 1)
        return LetterComposer::tr("question %1").arg(names.first());
    return LetterComposer::tr("questions %1").arg(listPhrase(names));
}

LetterQuestion LetterText::quotedQuestion(const QList<Question> &questions,
                                          qsizetype index,
                                          QString *previousSection)
{
    const Question &question = questions.at(index);
    LetterQuestion quoted;
    const QString section = clean(question.section);
    if (!section.isEmpty() && section != *previousSection)
        quoted.section = section;
    *previousSection = section;
    quoted.label = clean(question.label);
    quoted.condition = clean(question.condition);
    quoted.text = clean(question.text);
    // The same condition on the question before or after, under the same section heading,
    // makes it a lead-in for a group.
    const auto shares = [&](qsizetype other) {
        if (other < 0 || other >= questions.size())
            return false;
        const Question &neighbour = questions.at(other);
        return clean(neighbour.condition) == quoted.condition
               && clean(neighbour.section) == section;
    };
    // A numbered question keeps its condition above its number ("If no:" then "2. Does your
    // council..."), as the reference letters print it.
    if (!quoted.condition.isEmpty() && quoted.label.isEmpty() && !shares(index - 1)
        && !shares(index + 1)) {
        quoted.text = quoted.text.isEmpty() ? quoted.condition
                                            : quoted.condition + u' ' + quoted.text;
        quoted.condition.clear();
    }
    for (const QString &choice : question.choices) {
        if (!clean(choice).isEmpty())
            quoted.choices.append(clean(choice));
    }
    return quoted;
}

} // namespace foidesk
