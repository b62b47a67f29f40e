#include "importing/QuestionFinder.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

// One block read as a possible question: its bullets and label taken off the front.
struct Item
{
    QString label;        // "1.", "Q1", "a)", as written; empty for a bullet or plain paragraph
    QString key;          // the label without decoration: "1", "1a", "a"
    QString text;         // without bullets, label and quotes
    qsizetype offset = 0; // where text starts within the block
    int bullets = 0;      // "- * 0%" has two
};

const QRegularExpression &bulletPattern()
{
    static const QRegularExpression pattern(
        u"[-*\\x{2022}\\x{2013}\\x{2014}\\x{00B7}\\x{25AA}\\x{25CF}\\x{25E6}\\x{F0B7}]\\s+"_s);
    return pattern;
}

const QRegularExpression &labelPattern()
{
    static const QRegularExpression pattern(
        u"(?:(Q(?:uestion)?\\s*([0-9]{1,3}[a-z]?))[.):]?|\\(?(([0-9]{1,3})([a-z]?))[.)]"
        "|([0-9]{1,3})(?=\\s+[A-Z\"\\x{201C}])|\\(?([a-z])\\)|([a-z])\\.(?=\\s)"
        "|\\(([ivx]{1,4})\\))(?=\\s|$)\\s*"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

Item readItem(const QString &block)
{
    Item item;
    qsizetype at = 0;
    for (;;) {
        const QRegularExpressionMatch bullet =
            bulletPattern().match(block,
                                  at,
                                  QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (!bullet.hasMatch())
            break;
        ++item.bullets;
        at = bullet.capturedEnd();
    }
    const QRegularExpressionMatch label = labelPattern().match(
        block, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (label.hasMatch() && label.capturedEnd() < block.size()) {
        item.label =
            block.mid(label.capturedStart(), label.capturedEnd() - label.capturedStart()).trimmed();
        for (int group : {2, 3, 6, 7, 8, 9}) {
            if (label.capturedLength(group) > 0) {
                item.key = label.captured(group).toLower();
                break;
            }
        }
        at = label.capturedEnd();
    }
    // Quotation marks around the request as quoted, and a greeting the requester began with.
    while (at < block.size()
           && (block.at(at) == u'"' || block.at(at) == QChar(0x201C) || block.at(at).isSpace()))
        ++at;
    static const QRegularExpression greeting(u"Dear [^,\\n]{2,60},\\s*"_s);
    const QRegularExpressionMatch dear = greeting.match(
        block, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (dear.hasMatch() && dear.capturedEnd() < block.size())
        at = dear.capturedEnd();
    QString text = block.mid(at);
    while (!text.isEmpty()
           && (text.back() == u'"' || text.back() == QChar(0x201D) || text.back().isSpace()))
        text.chop(1);
    item.offset = at;
    item.text = text;
    return item;
}

bool isCondition(const QString &text)
{
    static const QRegularExpression pattern(u"^If (?:yes|no|so|not)\\b[^.?\\n]{0,40}:$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

// "If yes:" at the end of a question: the condition of what follows it.
QString trailingCondition(QString *text)
{
    static const QRegularExpression pattern(u"\\s+(If (?:yes|no|so|not)\\b[^.?\\n]{0,40}:)$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(*text);
    if (!m.hasMatch())
        return {};
    text->truncate(m.capturedStart());
    return m.captured(1);
}

// The sentence that introduces the request as quoted.
bool introducesRequest(const QString &text)
{
    static const QRegularExpression pattern(
        u"following information|information (?:you )?requested:|(?:seek|sought) access to"
        "|^(?:your |the )?request(?:ed)?\\s*:|^(?:your |the )?request$|you (?:asked|wrote)[^.]*:$"
        "|^subject of (?:the )?request|^(?:information|details) requested"
        "|requested the following|asked for the following|please (?:can you )?(?:supply|provide) the following"_s,
        QRegularExpression::CaseInsensitiveOption);
    return text.size() < 400 && pattern.match(text).hasMatch();
}

// Where the response starts: a heading, or a sentence only a response says.
bool startsResponse(const SourceBlock &block)
{
    static const QRegularExpression heading(
        u"^(?:our |the )?(?:response|reply|answer|decision|outcome)s?\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sentence(
        u"We have (?:processed|considered|dealt with) (?:this|your) request"
        "|request (?:will now be|has been|was) (?:considered|processed|handled)"
        "|I can confirm|can confirm that|(?:holds?|held) (?:the|some|all|no) (?:of the "
        ")?information"
        "|information (?:requested )?is (?:not )?held|does not hold|do not hold"
        "|(?:response|answers?) (?:to your (?:request|questions) )?(?:is|are) (?:below|as follows)"
        "|have considered your request|neither confirm nor deny"
        "|(?:are|is) applying (?:section|regulation)|unable to provide"
        "|My conclusion is|I have now completed"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (block.kind == SourceBlock::Kind::Heading || block.text.size() < 40)
        return heading.match(block.text).hasMatch();
    return sentence.match(block.text).hasMatch();
}

// Where the answers end: the standing paragraphs after them.
bool endsAnswers(const SourceBlock &block)
{
    static const QRegularExpression pattern(
        u"^(?:Further information|Your rights|Advice and Assistance|Yours (?:sincerely|faithfully)"
        "|Kind regards|Should you have any|If you (?:are|remain) (?:unhappy|dissatisfied)"
        "|Right (?:of|to) (?:appeal|review|complain)|Complaint rights|Refusal Notice"
        "|A full copy of the|Re-use of|Copyright|Please (?:note|remember) that|If you have any "
        "(?:further )?(?:queries|questions))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(block.text).hasMatch();
}

// "I wanted to find out more... Please see below a list of questions": said before the
// questions, not asked.
bool isPreamble(const QString &text)
{
    static const QRegularExpression pattern(u"(?:questions?|the following|below|as "
                                            u"follows)[^?]*[.:]$|^I (?:would like|am writing|wish) "
                                            "[^?]*(?:following|below)[^?]*[.:]$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return !text.endsWith(u'?') && pattern.match(text).hasMatch();
}

// Said of the whole response, not of one answer.
bool isGeneralStatement(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(?:However, )?we (?:consider|have decided) that the following exemptions? appl"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

// "Dear London Borough of Barnet,": how the requester began, not a question.
bool isSalutation(const QString &text)
{
    static const QRegularExpression pattern(u"^Dear [^.?\\n]{1,80},?$"_s);
    return pattern.match(text).hasMatch();
}

QString successorKey(const QString &key)
{
    if (key.isEmpty())
        return {};
    bool number = false;
    const int value = key.toInt(&number);
    if (number)
        return QString::number(value + 1);
    if (key.size() == 1 && key.at(0).isLetter() && key.at(0) < u'z')
        return QString(QChar(key.at(0).unicode() + 1));
    return {};
}

} // namespace

QString QuestionFinder::normalised(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            space = false;
            out += c.toLower();
        } else {
            space = true;
        }
    }
    return out;
}

QuestionFinder::Findings QuestionFinder::find(const LetterSource &source)
{
    Findings findings;
    const QList<SourceBlock> &blocks = source.blocks;
    const int count = int(blocks.size());

    // Where the request starts: after its introduction, or at the first numbered item.
    int begin = -1;
    for (int i = 0; i < count && begin < 0; ++i) {
        if (introducesRequest(blocks[i].text))
            begin = i + 1;
    }
    if (begin < 0) {
        for (int i = 0; i < count && begin < 0; ++i) {
            if (!readItem(blocks[i].text).key.isEmpty()
                && blocks[i].kind != SourceBlock::Kind::Heading)
                begin = i;
        }
    }
    if (begin < 0)
        return findings;
    findings.introBegin = begin;

    // Where the response starts; the request lies between.
    int end = count;
    for (int i = begin; i < count; ++i) {
        if (startsResponse(blocks[i]) || endsAnswers(blocks[i])) {
            end = i;
            break;
        }
    }

    // A request of numbered items: unnumbered paragraphs before the first are its context.
    int firstLabelled = -1;
    for (int i = begin; i < end && firstLabelled < 0; ++i) {
        if (!readItem(blocks[i].text).key.isEmpty())
            firstLabelled = i;
    }
    const bool labelled = firstLabelled >= 0;

    QString section;
    QString condition;
    bool conditionJustSet = false;
    int last = begin;
    for (int i = begin; i < end; ++i) {
        const SourceBlock &block = blocks[i];
        last = i + 1;
        if (block.kind == SourceBlock::Kind::Heading && !block.text.endsWith(u'?')) {
            if (introducesRequest(block.text))
                continue;
            section = block.text;
            condition.clear();
            continue;
        }
        Item item = readItem(block.text);
        if (item.text.isEmpty())
            continue;
        if (isCondition(item.text)) {
            condition = item.text;
            conditionJustSet = true;
            continue;
        }
        if (introducesRequest(item.text) && findings.questions.isEmpty())
            continue;
        if (isSalutation(item.text))
            continue;
        if (labelled && i < firstLabelled && !item.text.endsWith(u'?'))
            continue;
        if (findings.questions.isEmpty() && item.key.isEmpty() && item.bullets == 0
            && isPreamble(item.text))
            continue;
        if (labelled && item.key.isEmpty() && item.bullets == 0 && !item.text.endsWith(u'?')
            && condition.isEmpty() && !findings.questions.isEmpty()) {
            // A plain paragraph among numbered questions: the response begins here.
            last = i;
            break;
        }
        // "- * Yes": an option of the question before it.
        if (item.bullets >= 2 && !findings.questions.isEmpty()) {
            findings.questions.last().question.choices.append(item.text);
            continue;
        }
        if (!item.key.isEmpty() && !conditionJustSet)
            condition.clear();
        conditionJustSet = false;

        FoundQuestion found;
        found.question.section = section;
        found.question.label = item.label;
        found.question.condition = condition;
        QString text = item.text;
        const QString next = trailingCondition(&text);
        found.question.text = text;
        found.text = {block.start + item.offset, text.size()};
        findings.questions.append(found);
        if (!next.isEmpty()) {
            condition = next;
            conditionJustSet = false;
        }
        if (findings.requestBegin < 0)
            findings.requestBegin = i;
    }
    if (findings.questions.isEmpty())
        return findings;
    findings.responseBegin = last < count ? last : -1;

    // The answers: from the response to the standing paragraphs after it.
    int answersEnd = count;
    for (int i = last; i < count; ++i) {
        if (endsAnswers(blocks[i])) {
            answersEnd = i;
            break;
        }
    }

    QList<FoundQuestion> &questions = findings.questions;
    QStringList keys;
    QStringList texts;
    QStringList sections;
    for (const FoundQuestion &q : questions) {
        sections.append(q.question.section);
        keys.append(readItem(q.question.label + u" x"_s).key);
        texts.append(normalised(q.question.text).left(60));
    }

    // Each block of the response is a repeated question, a label, a new question that
    // continues the numbering, or part of the answer being read.
    int current = -1;
    int repeats = 0;
    QList<int> answered; // questions that got a marker, in order
    QList<Span> beforeAnyMarker;
    QString expected = successorKey(keys.last());
    for (int i = last; i < answersEnd; ++i) {
        const SourceBlock &block = blocks[i];
        // A section heading repeated in the response belongs to no answer.
        if (block.kind == SourceBlock::Kind::Heading && sections.contains(block.text))
            continue;
        const Item item = readItem(block.text);
        if (isCondition(item.text))
            continue;
        const QString norm = normalised(item.text);
        int repeated = -1;
        if (norm.size() >= 12) {
            for (int q = current + 1; q < questions.size() && repeated < 0; ++q) {
                if (!texts[q].isEmpty() && norm.startsWith(texts[q].left(norm.size())))
                    repeated = q;
            }
        }
        if (repeated >= 0) {
            current = repeated;
            ++repeats;
            answered.append(current);
            // "...all departments? Not currently": the answer on the question's own line.
            const QString &asked = questions[current].question.text;
            if (item.text.size() > asked.size() + 1 && item.text.startsWith(asked)) {
                qsizetype from = item.offset + asked.size();
                while (from < block.text.size() && block.text.at(from).isSpace())
                    ++from;
                questions[current].answer.append({block.start + from, block.text.size() - from});
            }
            continue;
        }
        if (isGeneralStatement(item.text))
            continue;
        if (!item.key.isEmpty()) {
            const QString key = item.key;
            int byLabel = -1;
            for (int q = 0; q < questions.size() && byLabel < 0; ++q) {
                if (keys[q] == key && !answered.contains(q))
                    byLabel = q;
            }
            if (byLabel >= 0 && repeats == 0) {
                current = byLabel;
                answered.append(current);
                const qsizetype offset = item.offset;
                if (offset < block.text.size())
                    questions[current].answer.append(
                        {block.start + offset, block.text.size() - offset});
                continue;
            }
            if (byLabel < 0 && key == expected && repeats == 0) {
                FoundQuestion found;
                found.question.section = questions.last().question.section;
                found.question.label = item.label;
                found.question.text = item.text;
                found.text = {block.start + item.offset, item.text.size()};
                // "a) ...; its answer; b) ...": what came before the first question answered
                // in place answers the last question of the request as quoted.
                if (answered.isEmpty() && !beforeAnyMarker.isEmpty())
                    questions.last().answer = beforeAnyMarker;
                questions.append(found);
                keys.append(key);
                texts.append(normalised(item.text).left(60));
                current = int(questions.size()) - 1;
                answered.append(current);
                expected = successorKey(key);
                continue;
            }
        }
        if (current >= 0)
            questions[current].answer.append({block.start, block.text.size()});
        else if (questions.size() == 1)
            questions[0].answer.append({block.start, block.text.size()});
        else
            beforeAnyMarker.append({block.start, block.text.size()});
    }

    // All the questions repeated one after the other, then one answer: a combined response.
    if (repeats >= 2 && answered.size() == questions.size()) {
        bool onlyLast = true;
        for (int q = 0; q + 1 < questions.size(); ++q)
            onlyLast = onlyLast && questions[q].answer.isEmpty();
        if (onlyLast && !questions.last().answer.isEmpty()) {
            findings.combinedSpans = questions.last().answer;
            questions.last().answer.clear();
        }
    }
    for (FoundQuestion &q : questions) {
        QStringList parts;
        for (const Span &span : std::as_const(q.answer))
            parts.append(source.text.mid(span.start, span.length));
        q.question.answer = parts.join(u"\n\n"_s);
    }
    QStringList combined;
    for (const Span &span : std::as_const(findings.combinedSpans))
        combined.append(source.text.mid(span.start, span.length));
    findings.combinedResponse = combined.join(u"\n\n"_s);
    return findings;
}

} // namespace foidesk
