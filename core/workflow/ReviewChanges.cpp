#include "workflow/ReviewChanges.h"

#include <dtl/dtl.hpp>
#include <vector>

namespace foidesk {

namespace {

// Letters and digits (with the apostrophes inside words) make a word; every other character
// is a run of its own, so that "£81,000" and "81,500" differ only in the figures.
std::vector<QString> tokens(const QString &text)
{
    std::vector<QString> out;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty()) {
            out.push_back(word);
            word.clear();
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool inWord = c.isLetterOrNumber()
                            || ((c == u'\'' || c == u'\u2019') && !word.isEmpty()
                                && i + 1 < text.size() && text.at(i + 1).isLetter());
        if (inWord) {
            word.append(c);
            // Keep surrogate pairs whole.
            if (c.isHighSurrogate() && i + 1 < text.size())
                word.append(text.at(++i));
            continue;
        }
        flush();
        if (c.isHighSurrogate() && i + 1 < text.size()) {
            out.push_back(text.mid(i, 2));
            ++i;
        } else {
            out.push_back(QString(c));
        }
    }
    flush();
    return out;
}

void append(QList<DiffRun> &runs, DiffRun::Kind kind, const QString &text)
{
    if (!runs.isEmpty() && runs.last().kind == kind)
        runs.last().text += text;
    else
        runs.append(DiffRun{kind, text});
}

QStringList withheldPassages(const Question &question)
{
    QStringList passages;
    for (const Redaction &r : question.redactions) {
        const QString passage = question.answer.mid(r.start, r.length);
        passages.append(
            r.exemption.isEmpty() ? passage : QStringLiteral("%1 (%2)").arg(passage, r.exemption));
    }
    return passages;
}

QStringList missingFrom(const QStringList &these, const QStringList &those)
{
    QStringList missing;
    for (const QString &item : these) {
        if (!those.contains(item))
            missing.append(item);
    }
    return missing;
}

QString questionName(int index)
{
    return ReviewDiff::tr("Question %1").arg(index + 1);
}

} // namespace

bool QuestionChange::textChanged() const
{
    return ReviewDiff::differs(text);
}

bool QuestionChange::answerChanged() const
{
    return ReviewDiff::differs(answer);
}

bool QuestionChange::changed() const
{
    return added || removed || textChanged() || answerChanged() || !withheldAdded.isEmpty()
           || !withheldRemoved.isEmpty() || !exemptionsAdded.isEmpty()
           || !exemptionsRemoved.isEmpty();
}

bool ReviewChanges::isEmpty() const
{
    return questions.isEmpty() && introduction.isEmpty() && combinedResponse.isEmpty();
}

QList<DiffRun> ReviewDiff::words(const QString &before, const QString &after)
{
    const std::vector<QString> a = tokens(before);
    const std::vector<QString> b = tokens(after);
    dtl::Diff<QString, std::vector<QString>> diff(a, b);
    diff.compose();
    QList<DiffRun> pieces;
    for (const auto &[token, info] : diff.getSes().getSequence()) {
        switch (info.type) {
        case dtl::SES_COMMON:
            pieces.append(DiffRun{DiffRun::Kind::Same, token});
            break;
        case dtl::SES_ADD:
            pieces.append(DiffRun{DiffRun::Kind::Added, token});
            break;
        case dtl::SES_DELETE:
            pieces.append(DiffRun{DiffRun::Kind::Removed, token});
            break;
        }
    }
    // A space or two left in common between changed words reads as noise ("Mae'r" -> "Nid
    // yw'r" would show "Nid", a space, "yw'r" apart): it goes to both sides of the change.
    // Then each stretch of changes is shown as what went, followed by what came.
    const auto changedAt = [&](qsizetype i) {
        return i >= 0 && i < pieces.size() && pieces.at(i).kind != DiffRun::Kind::Same;
    };
    QList<DiffRun> runs;
    QString removed;
    QString added;
    const auto flushChange = [&] {
        if (!removed.isEmpty())
            append(runs, DiffRun::Kind::Removed, removed);
        if (!added.isEmpty())
            append(runs, DiffRun::Kind::Added, added);
        removed.clear();
        added.clear();
    };
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const DiffRun &piece = pieces.at(i);
        const bool gap = piece.kind == DiffRun::Kind::Same && piece.text.trimmed().isEmpty()
                         && changedAt(i - 1) && changedAt(i + 1);
        if (piece.kind == DiffRun::Kind::Removed || gap)
            removed += piece.text;
        if (piece.kind == DiffRun::Kind::Added || gap)
            added += piece.text;
        if (piece.kind == DiffRun::Kind::Same && !gap) {
            flushChange();
            append(runs, DiffRun::Kind::Same, piece.text);
        }
    }
    flushChange();
    return runs;
}

bool ReviewDiff::differs(const QList<DiffRun> &runs)
{
    for (const DiffRun &run : runs) {
        if (run.kind != DiffRun::Kind::Same)
            return true;
    }
    return false;
}

ReviewChanges ReviewDiff::between(const Request &reviewed, const Request &now)
{
    ReviewChanges changes;
    const qsizetype count = qMax(reviewed.questions.size(), now.questions.size());
    for (qsizetype i = 0; i < count; ++i) {
        QuestionChange change;
        change.index = int(i);
        change.name = questionName(int(i));
        const bool before = i < reviewed.questions.size();
        const bool after = i < now.questions.size();
        const Question was = before ? reviewed.questions.at(i) : Question();
        const Question is = after ? now.questions.at(i) : Question();
        change.added = !before;
        change.removed = !after;
        change.text = words(was.text, is.text);
        change.answer = words(was.answer, is.answer);
        const QStringList withheldWas = withheldPassages(was);
        const QStringList withheldIs = withheldPassages(is);
        change.withheldAdded = missingFrom(withheldIs, withheldWas);
        change.withheldRemoved = missingFrom(withheldWas, withheldIs);
        change.exemptionsAdded = missingFrom(is.exemptions, was.exemptions);
        change.exemptionsRemoved = missingFrom(was.exemptions, is.exemptions);
        if (change.changed())
            changes.questions.append(change);
    }
    if (reviewed.introduction != now.introduction)
        changes.introduction = words(reviewed.introduction, now.introduction);
    if (reviewed.combinedResponse != now.combinedResponse)
        changes.combinedResponse = words(reviewed.combinedResponse, now.combinedResponse);
    return changes;
}

} // namespace foidesk
