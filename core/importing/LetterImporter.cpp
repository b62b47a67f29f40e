#include "importing/LetterImporter.h"

#include "exchange/RequestJson.h"
#include "importing/ExemptionFinder.h"
#include "importing/LetterDates.h"
#include "importing/LetterReader.h"
#include "importing/QuestionFinder.h"
#include "model/RequestEnums.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

// The part of the letter before the request is quoted: letterhead, date, reference, greeting.
qsizetype headEnd(const ImportedLetter &letter, const QuestionFinder::Findings &findings)
{
    // The introduction ("for the following information:") is the block before introBegin.
    const int first = findings.introBegin > 0 ? findings.introBegin - 1 : findings.requestBegin;
    if (first > 0)
        return letter.source.blocks[first].start;
    return std::min<qsizetype>(letter.source.text.size(), 1500);
}

// "Our ref: 6370952", "Reference No: FOI 000880/20", "Case reference DC/FOI 782/17", or a
// reference alone on the first line. Never "Your ref", which is the requester's.
void findReference(ImportedLetter &letter)
{
    const QString &text = letter.source.text;
    static const QRegularExpression pattern(
        u"(?<![A-Za-z])(?:(?:our|my)\\s+ref(?:erence)?(?:\\s*(?:no\\.?|number))?"
        "|ref(?:erence)?\\s*(?:no\\.?|number)|(?:case|request|FOI|EIR|FOISA|file)\\s+"
        "(?:reference|ref\\.?|number|no\\.?|id)(?:\\s*(?:no\\.?|number))?|\\(reference|^ref(?:"
        "erence)?)"
        "[ \\t]*[:.#]?[ \\t]*"
        "([A-Z0-9][A-Z0-9/_.\\-]*(?:[ ][A-Z0-9/_.\\-]*[0-9][A-Z0-9/_.\\-]*)*)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString value = m.captured(1);
        qsizetype length = value.size();
        while (length > 0 && (value.at(length - 1) == u'.' || value.at(length - 1) == u'-'))
            --length;
        value.truncate(length);
        const qsizetype before = m.capturedStart();
        if (before >= 5 && text.mid(before - 5, 5).compare(u"your "_s, Qt::CaseInsensitive) == 0)
            continue;
        bool digit = false;
        for (const QChar c : std::as_const(value))
            digit = digit || c.isDigit();
        if (!digit || value.size() < 3 || !LetterDates::find(value).isEmpty())
            continue;
        letter.request.reference = value;
        letter.spans.append({u"reference"_s, m.capturedStart(1), length});
        return;
    }
    // A first line on its own: "FOI/2024/0153".
    if (!letter.source.blocks.isEmpty()) {
        const QString first = letter.source.blocks.first().text.section(u'\n', 0, 0).trimmed();
        static const QRegularExpression alone(
            u"^(?:FOI|EIR|RFI|FOISA|REF|IR)?[ /\\-]?[A-Z]{0,4}[/\\-]?[0-9][A-Z0-9/_.\\-]{2,24}$"_s,
            QRegularExpression::CaseInsensitiveOption);
        if (alone.match(first).hasMatch() && LetterDates::find(first).isEmpty()) {
            letter.request.reference = first;
            letter.spans.append({u"reference"_s, letter.source.blocks.first().start, first.size()});
        }
    }
}

// The law named: the Scottish ones first, since their names contain the others'.
void findRegime(ImportedLetter &letter)
{
    const QString &text = letter.source.text;
    struct Name
    {
        Regime regime;
        QRegularExpression pattern;
    };
    static const QList<Name> names = {
        {Regime::EIRS,
         QRegularExpression(
             u"Environmental\\s+Information\\s+\\(Scotland\\)\\s+Regulations|\\bEIRS\\b|\\bEI\\(S\\)Rs?\\b"_s)},
        {Regime::FOISA,
         QRegularExpression(
             u"Freedom\\s+of\\s+Information\\s+\\(Scotland\\)\\s+Act|\\bFOISA\\b|\\bFOI\\(S\\)A\\b"_s)},
        {Regime::EIR,
         QRegularExpression(u"Environmental\\s+Information\\s+Regulations|\\bEIRs?\\b"_s)},
        {Regime::FOIA,
         QRegularExpression(
             u"Freedom\\s+of\\s+Information\\s+(?:\\(FoIA?\\)\\s+)?Act|\\bFOIA\\b|\\bFoI\\s+Act\\b"_s,
             QRegularExpression::CaseInsensitiveOption)},
    };
    // The law the letter says it dealt with the request under wins over one merely mentioned.
    static const QRegularExpression under(
        u"(?:processed|considered|dealt with|handled|answered|respond(?:ed|ing)?)[^.]{0,60}"
        "(?:under|in accordance with)\\s+(?:the\\s+)?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    qsizetype bestStart = -1;
    bool bestUnder = false;
    for (const Name &name : names) {
        QRegularExpressionMatchIterator it = name.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            // A Scottish name also matches the UK pattern at the same place.
            bool covered = false;
            for (const FoundSpan &span : std::as_const(letter.spans)) {
                covered = covered
                          || (span.field == u"regime"_s && m.capturedStart() >= span.start
                              && m.capturedStart() < span.start + span.length);
            }
            if (covered)
                continue;
            const qsizetype from = std::max<qsizetype>(0, m.capturedStart() - 100);
            const bool isUnder = under.match(text.mid(from, m.capturedStart() - from)).hasMatch();
            if (bestStart < 0 || (isUnder && !bestUnder)
                || (isUnder == bestUnder && m.capturedStart() < bestStart)) {
                bestStart = m.capturedStart();
                bestUnder = isUnder;
                letter.request.regime = name.regime;
                letter.spans.removeIf([](const FoundSpan &s) { return s.field == u"regime"_s; });
                letter.spans.append({u"regime"_s, m.capturedStart(), m.capturedLength()});
            }
            break;
        }
    }
    if (bestStart < 0)
        letter.missing.append(u"regime"_s);
}

// The date the letter is dated (first in its head, not one said to be something else) and the
// date the request was received (the first date after "received").
void findDates(ImportedLetter &letter, qsizetype head)
{
    const QString &text = letter.source.text;
    const QList<LetterDate> dates = LetterDates::find(text);
    static const QRegularExpression notTheLetters(
        u"(?:received|dated|request(?:ed)?|decision|review|of|on|since|from|=)\\s*(?:the\\s*)?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const LetterDate &d : dates) {
        if (d.start >= head)
            break;
        const qsizetype lineStart = text.lastIndexOf(u'\n', d.start) + 1;
        const QString before = text.mid(lineStart, d.start - lineStart);
        if (!d.hasYear() || notTheLetters.match(before).hasMatch())
            continue;
        letter.request.letterDate = d.date();
        letter.spans.append({u"letter_date"_s, d.start, d.length});
        break;
    }

    static const QRegularExpression received(
        u"\\breceived\\b|\\brequest (?:for information )?(?:dated|of)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatchIterator it = received.globalMatch(text);
    while (it.hasNext() && !letter.request.received.isValid()) {
        const QRegularExpressionMatch m = it.next();
        for (const LetterDate &d : dates) {
            if (d.start < m.capturedEnd())
                continue;
            const QString between = text.mid(m.capturedEnd(), d.start - m.capturedEnd());
            if (between.size() > 120 || between.contains(u". "_s) || between.contains(u"\n\n"_s))
                break;
            // "dated 23rd November 2011 which was received ... on the same date"
            QDate date =
                d.date(letter.request.letterDate.isValid() ? letter.request.letterDate.year() : 0);
            if (!d.hasYear()) {
                if (!letter.request.letterDate.isValid())
                    break;
                if (date > letter.request.letterDate)
                    date = date.addYears(-1);
                letter.notes.append(
                    LetterImporter::tr("The letter gives the date received without its year; "
                                       "%1 was taken from the letter's date. Check it.")
                        .arg(date.year()));
            }
            letter.request.received = date;
            letter.spans.append({u"received"_s, d.start, d.length});
            break;
        }
    }
    if (!letter.request.letterDate.isValid())
        letter.missing.append(u"letter_date"_s);
    if (!letter.request.received.isValid())
        letter.missing.append(u"received"_s);
}

// "Dear Mr Westerberg": the name the letter addresses, when it is a person's.
void findRequester(ImportedLetter &letter, qsizetype head)
{
    static const QRegularExpression dear(
        u"^Dear ((?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?\\s+[A-Z][A-Za-z'\\-]+(?: [A-Z][A-Za-z'\\-]+){0,2})\\s*,?\\s*$"_s,
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = dear.match(letter.source.text.left(head));
    if (m.hasMatch()) {
        QString name = m.captured(1);
        name.replace(QRegularExpression(u"\\s+"_s), u" "_s);
        letter.request.requester.name = name;
        letter.spans.append({u"requester"_s, m.capturedStart(1), m.capturedLength(1)});
        letter.notes.append(
            LetterImporter::tr("The requester's name was taken from the greeting; it is "
                               "personal data and is never published."));
    } else {
        letter.missing.append(u"requester"_s);
    }
}

// What the letter says it holds; the first statement found in the order below decides.
void findOutcome(ImportedLetter &letter, qsizetype from)
{
    const QString text = letter.source.text.mid(from);
    struct Rule
    {
        const char16_t *outcome;
        QRegularExpression pattern;
    };
    const auto rule = [](const char16_t *outcome, const QString &pattern) {
        return Rule{outcome,
                    QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption)};
    };
    static const QList<Rule> rules = {
        rule(u"ncnd", u"neither confirms? nor den(?:y|ies)"_s),
        rule(
            u"refused_s12",
            u"(?:section|s\\.?)\\s*12\\b[^.]{0,200}(?:exceed|cost|limit)|(?:exceed|above)[^.]{0,40}(?:appropriate|cost) limit"_s),
        rule(u"refused_s14",
             u"vexatious|(?:section|s\\.?)\\s*14\\s*\\(\\s*[12]\\s*\\)|repeated request"_s),
        rule(
            u"refused_s21",
            u"(?:section|s\\.?)\\s*21\\b[^.]{0,200}(?:reasonably accessible|already published|available)|reasonably accessible to you"_s),
        rule(
            u"some",
            u"holds? (?:only )?(?:some|part) of the information|some of the information (?:you requested |requested )?is (?:held|not held)|partially held"_s),
        rule(
            u"none",
            u"(?:does|do) not hold (?:the|any|this)|(?:information|it) is not held|no (?:recorded )?information (?:is )?held|not held by"_s),
        rule(
            u"all",
            u"(?:holds?|held) the information (?:you )?(?:requested|asked)|information (?:you )?requested is held|can confirm that [^.]{0,80}holds? (?:the|this) information|holds the information requested"_s),
    };
    for (const Rule &r : rules) {
        const QRegularExpressionMatch m = r.pattern.match(text);
        if (!m.hasMatch())
            continue;
        letter.outcome = QString::fromUtf16(r.outcome);
        letter.spans.append({u"held"_s, from + m.capturedStart(), m.capturedLength()});
        break;
    }
    if (letter.outcome == u"all"_s)
        letter.request.held = Held::All;
    else if (letter.outcome == u"some"_s)
        letter.request.held = Held::Some;
    else if (letter.outcome == u"none"_s)
        letter.request.held = Held::None;
    else if (letter.outcome == u"ncnd"_s)
        letter.request.held = Held::NeitherConfirmNorDeny;
    if (letter.outcome.startsWith(u"refused"_s)) {
        letter.notes.append(
            LetterImporter::tr("The letter refuses the request under %1; the log has no "
                               "\"held\" answer for a refusal, so none was set.")
                .arg(u"s"_s + letter.outcome.mid(9)));
    }
    if (letter.request.held == Held::Undecided)
        letter.missing.append(u"held"_s);
}

// The exemptions cited, tied to the questions whose answers cite them.
void findExemptions(ImportedLetter &letter,
                    const QuestionFinder::Findings &findings,
                    const ExemptionCatalogue &catalogue)
{
    const QString &text = letter.source.text;
    const ExemptionFinder finder(catalogue);
    // What the requester wrote is not the authority's citation.
    qsizetype from = 0;
    if (findings.responseBegin > 0)
        from = letter.source.blocks[findings.responseBegin].start;
    else if (!findings.questions.isEmpty())
        from = findings.questions.last().text.start + findings.questions.last().text.length;
    QStringList notes;
    const QList<ExemptionFinder::Found> found =
        finder.find(text.mid(from), letter.request.regime, &notes);
    notes.removeDuplicates();
    letter.notes.append(notes);
    letter.exemptions = ExemptionFinder::codes(found);
    QStringList tied;
    for (const ExemptionFinder::Found &f : found) {
        const qsizetype at = from + f.start;
        letter.spans.append({u"exemptions"_s, at, f.length});
        for (qsizetype q = 0; q < findings.questions.size(); ++q) {
            for (const QuestionFinder::Span &span : findings.questions[q].answer) {
                if (at >= span.start && at < span.start + span.length) {
                    QStringList &codes = letter.request.questions[q].exemptions;
                    if (!codes.contains(f.code))
                        codes.append(f.code);
                    tied.append(f.code);
                }
            }
        }
    }
    QStringList loose;
    for (const QString &code : std::as_const(letter.exemptions)) {
        if (!tied.contains(code))
            loose.append(code);
    }
    if (!loose.isEmpty() && letter.request.questions.size() == 1) {
        letter.request.questions[0].exemptions.append(loose);
    } else if (!loose.isEmpty()) {
        letter.notes.append(
            LetterImporter::tr("The letter cites %1 without tying it to a question; add it to "
                               "the questions it applies to.")
                .arg(loose.join(u", "_s)));
    }
}

// What each answer does: not held, neither confirmed nor denied, or withheld under its
// exemptions; an answer is read as answered otherwise.
void findDispositions(ImportedLetter &letter)
{
    static const QRegularExpression notHeld(
        u"\\b(?:not held|(?:does|do) not hold|no (?:recorded )?information (?:is )?held)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ncnd(u"neither confirm"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression withheld(u"\\bwithh(?:e|o)ld|\\bexempt\\b|unable to provide"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    for (Question &q : letter.request.questions) {
        if (ncnd.match(q.answer).hasMatch())
            q.disposition = Disposition::NeitherConfirmNorDeny;
        else if (!q.exemptions.isEmpty() && withheld.match(q.answer).hasMatch())
            q.disposition = Disposition::Withheld;
        else if (notHeld.match(q.answer).hasMatch() && q.exemptions.isEmpty())
            q.disposition = Disposition::NotHeld;
    }
}

} // namespace

ImportedLetter LetterImporter::analyse(const LetterSource &source,
                                       const ExemptionCatalogue &catalogue)
{
    ImportedLetter letter;
    letter.source = source;
    letter.notes = source.notes;
    const QuestionFinder::Findings findings = QuestionFinder::find(source);
    for (const QuestionFinder::FoundQuestion &found : findings.questions) {
        letter.request.questions.append(found.question);
        letter.spans.append({u"questions"_s, found.text.start, found.text.length});
        for (const QuestionFinder::Span &span : found.answer)
            letter.spans.append({u"answer"_s, span.start, span.length});
    }
    letter.request.combinedResponse = findings.combinedResponse;
    for (const QuestionFinder::Span &span : findings.combinedSpans)
        letter.spans.append({u"answer"_s, span.start, span.length});

    const qsizetype head = headEnd(letter, findings);
    findReference(letter);
    if (letter.request.reference.isEmpty())
        letter.missing.append(u"reference"_s);
    findRegime(letter);
    findDates(letter, head);
    findRequester(letter, head);
    const qsizetype responseStart =
        findings.responseBegin > 0 ? source.blocks[findings.responseBegin].start : head;
    findOutcome(letter, responseStart);
    findExemptions(letter, findings, catalogue);
    findDispositions(letter);
    if (letter.request.questions.isEmpty())
        letter.missing.append(u"questions"_s);

    // A title only where the document gives one (an HTML h1, a Word title).
    if (!source.blocks.isEmpty() && source.blocks.first().kind == SourceBlock::Kind::Heading
        && source.blocks.first().level == 1 && source.blocks.first().text.size() <= 120) {
        letter.request.title = source.blocks.first().text;
    } else {
        letter.missing.append(u"title"_s);
    }
    bool answered = !letter.request.combinedResponse.isEmpty() || !letter.outcome.isEmpty();
    for (const Question &q : std::as_const(letter.request.questions))
        answered = answered || !q.answer.isEmpty();
    letter.request.status = answered ? RequestStatus::Sent : RequestStatus::New;
    std::sort(letter.spans.begin(), letter.spans.end(), [](const FoundSpan &a, const FoundSpan &b) {
        return a.start < b.start;
    });
    return letter;
}

Result<ImportedLetter> LetterImporter::readFile(const QString &path,
                                                const ExemptionCatalogue &catalogue,
                                                TextEncoding encoding)
{
    QByteArray bytes;
    const Result<LetterSource> source = LetterReader::readFile(path, &bytes, encoding);
    if (!source)
        return source.error();
    ImportedLetter letter = analyse(*source, catalogue);
    letter.file = path;
    letter.fileName = QFileInfo(path).fileName();
    letter.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (letter.request.questions.isEmpty()) {
        return Error(ErrorKind::BadInput,
                     QDir::toNativeSeparators(path) + u": questions: "_s
                         + tr("no questions were found in the letter; it was not imported"));
    }
    return letter;
}

Result<void> LetterImporter::checkReady(const ImportedLetter &letter)
{
    if (letter.request.reference.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     QDir::toNativeSeparators(letter.file) + u": reference: "_s
                         + tr("the letter gives no reference; give one before importing it"));
    }
    return {};
}

QJsonObject LetterImporter::toJson(const ImportedLetter &letter)
{
    QJsonObject request = QJsonDocument::fromJson(RequestJson::serialize(letter.request)).object();
    request.remove(u"status"_s);
    for (const QString &field : letter.missing)
        request.remove(field);
    if (letter.request.reference.isEmpty())
        request.remove(u"reference"_s);
    QJsonObject entry;
    entry.insert(u"file"_s, QDir::toNativeSeparators(letter.file));
    entry.insert(u"request"_s, request);
    entry.insert(u"missing"_s, QJsonArray::fromStringList(letter.missing));
    return entry;
}

QString LetterImporter::historyDetail(const ImportedLetter &letter)
{
    return tr("imported, check: from the letter %1 (SHA-256 %2), %n question(s)",
              nullptr,
              int(letter.request.questions.size()))
        .arg(letter.fileName, letter.sha256);
}

} // namespace foidesk
