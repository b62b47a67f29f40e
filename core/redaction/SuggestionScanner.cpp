#include "redaction/SuggestionScanner.h"

#include <QRegularExpression>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

// Names and postcodes are matched as whole words; with Unicode properties on, "word" includes
// accented and Welsh letters (â, ŵ, ŷ), so "Siân" does not match inside "Siânwen".
constexpr auto WordOptions =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

const QRegularExpression &emailPattern()
{
    // Practical rather than complete: a local part of letters, digits and the usual
    // punctuation, and a domain of at least two dot-separated labels.
    static const QRegularExpression pattern(
        u"(?<![\\w.%+'\u2019-])[\\w%+'\u2019-]+(?:\\.[\\w%+'\u2019-]+)*@"
        u"[\\w](?:[\\w-]*[\\w])?(?:\\.[\\w](?:[\\w-]*[\\w])?)+(?![\\w-])"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &phonePattern()
{
    // +44 forms (with or without "(0)") and national forms starting 0, digits grouped by single
    // spaces, dashes or brackets. The digit count is checked afterwards; a number preceded by
    // a letter, a digit, a currency sign or a separator is part of something else.
    static const QRegularExpression pattern(u"(?<![\\w+/.\u00a3$\u20ac,-])"
                                            u"(?:\\+44[ \\t]?(?:\\(0\\)[ \\t]?)?[1-9]|\\(?0[1-9])"
                                            u"(?:[ \\t\\-()]{0,2}[0-9]){7,9}"
                                            u"(?![\\w/]|[.,][0-9])"_s);
    return pattern;
}

const QRegularExpression &postcodePattern()
{
    // The full UK pattern: area, district, then sector and unit; "GIR 0AA" is the one
    // exception to it.
    static const QRegularExpression pattern(
        u"(?<![\\w-])(?:GIR "
        u"?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
        u"[ \\t]?[0-9][ABD-HJLNP-UW-Z]{2})(?![\\w-])"_s,
        WordOptions);
    return pattern;
}

// A telephone number in the UK has 10 or 11 digits once +44 is written as 0.
bool isUkPhoneNumber(const QString &match)
{
    QString digits;
    for (const QChar c : match) {
        if (c.isDigit())
            digits.append(c);
    }
    if (match.startsWith(u'+')) {
        digits = digits.mid(2);
        if (digits.startsWith(u'0'))
            digits = digits.mid(1);
        digits.prepend(u'0');
    }
    if (digits.size() != 10 && digits.size() != 11)
        return false;
    if (match.count(u'(') != match.count(u')'))
        return false;
    // 04 and 06 are not in use; a second zero would make it an international prefix.
    const QChar second = digits.at(1);
    return second != u'0' && second != u'4' && second != u'6';
}

// The pattern of one staff name: its parts in order with any white space between them
// (a line break included), and either apostrophe.
QString namePattern(const QStringList &parts)
{
    static const QRegularExpression apostrophe(u"['\u2019]"_s);
    QStringList escaped;
    for (const QString &part : parts) {
        QStringList pieces;
        for (const QString &piece : part.split(apostrophe))
            pieces.append(QRegularExpression::escape(piece));
        escaped.append(pieces.join(u"['\u2019]"_s));
    }
    return escaped.join(u"\\s+"_s);
}

// A staff member's name, matched as a whole word: "Ann Lee", "ann  lee", "Ann\nLee", and for a
// two-part name "A. Lee", "A Lee" or "A.Lee" (the initial must be a capital, so "a lee" in
// running text does not match).
QRegularExpression staffNameExpression(const QString &name)
{
    QStringList alternatives;
    for (const QString &form : {name.normalized(QString::NormalizationForm_C),
                                name.normalized(QString::NormalizationForm_D)}) {
        const QStringList parts = form.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        const QString full = namePattern(parts);
        if (!alternatives.contains(full))
            alternatives.append(full);
        if (parts.size() == 2 && parts.first().at(0).isLetter()) {
            const QString initial = parts.first().left(1).toUpper();
            const QString short_ = u"(?-i:"_s + QRegularExpression::escape(initial)
                                   + u")(?:\\.\\s*|\\s+)"_s + namePattern({parts.last()});
            if (!alternatives.contains(short_))
                alternatives.append(short_);
        }
    }
    if (alternatives.isEmpty())
        return {};
    // An apostrophe may follow ("Ann Lee's report") but not precede ("O'Lee" is another name).
    return QRegularExpression(
        u"(?<![\\w'\u2019-])(?:"_s + alternatives.join(u'|') + u")(?![\\w-])"_s, WordOptions);
}

int gradeIndex(const QStringList &grades, const QString &grade)
{
    const QString wanted = grade.trimmed();
    if (wanted.isEmpty())
        return -1;
    for (qsizetype i = 0; i < grades.size(); ++i) {
        if (grades.at(i).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

QString collapsedSpace(const QString &text)
{
    return text.simplified().toCaseFolded();
}

struct StaffMatcher
{
    QRegularExpression expression;
    QString reason;
};

// Everything one scan needs, built once for all the answers of a request.
struct ScanContext
{
    QList<StaffMatcher> staff;
    QString exemption;
    QList<std::pair<RedactionSuggestion::Kind, QString>> dismissed;

    bool isDismissed(RedactionSuggestion::Kind kind, const QString &text) const
    {
        const QString key = collapsedSpace(text);
        return std::any_of(dismissed.begin(), dismissed.end(), [&](const auto &entry) {
            return entry.first == kind && entry.second == key;
        });
    }
};

bool isScanned(const Question &question)
{
    return question.disposition == Disposition::Answered
           || question.disposition == Disposition::PartWithheld;
}

bool whollyWithheld(const QList<Redaction> &spans, qsizetype start, qsizetype length)
{
    for (qsizetype i = start; i < start + length; ++i) {
        const bool covered = std::any_of(spans.begin(), spans.end(), [i](const Redaction &span) {
            return i >= span.start && i < span.end();
        });
        if (!covered)
            return false;
    }
    return true;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Whose names the policy withholds: a matcher for each name in the register that the policy
// does not allow to be given, with the reason shown beside its suggestion.
QList<StaffMatcher> staffMatchers(const QList<StaffMember> &staff,
                                  const QStringList &grades,
                                  const QString &withholdFromGrade)
{
    QList<StaffMatcher> matchers;
    // A grade the policy does not list, or a policy that
    // names a grade not in its own list, suggests the name: a needless suggestion costs a
    // click, a missed one can cost someone their privacy.
    const int threshold = gradeIndex(grades, withholdFromGrade);
    const bool noPolicy = withholdFromGrade.trimmed().isEmpty();
    for (const StaffMember &member : staff) {
        if (member.name.trimmed().isEmpty())
            continue;
        const QString name = member.name.simplified();
        QString reason;
        if (noPolicy) {
            if (member.senior)
                continue;
            reason = SuggestionScanner::tr("%1 is in the staff register and not marked as senior.")
                         .arg(name);
        } else if (threshold < 0) {
            reason = SuggestionScanner::tr(
                         "%1 is in the staff register, and the redaction policy's grade \"%2\" is "
                         "not in its list of grades; check the policy in Settings.")
                         .arg(name, withholdFromGrade.trimmed());
        } else {
            const int grade = gradeIndex(grades, member.grade);
            if (grade < 0) {
                reason = member.grade.trimmed().isEmpty()
                             ? SuggestionScanner::tr(
                                   "%1 is in the staff register without a grade, so the redaction "
                                   "policy cannot tell whether the name may be given.")
                                   .arg(name)
                             : SuggestionScanner::tr(
                                   "%1 is in the staff register as %2, a grade the redaction "
                                   "policy does not list.")
                                   .arg(name, member.grade.trimmed());
            } else if (grade < threshold) {
                continue;
            } else if (threshold > 0) {
                reason =
                    SuggestionScanner::tr("%1 is in the staff register as %2, below %3.")
                        .arg(name, grades.at(grade).trimmed(), grades.at(threshold - 1).trimmed());
            } else {
                reason = SuggestionScanner::tr(
                             "%1 is in the staff register as %2; the redaction policy withholds "
                             "the names of staff at every grade.")
                             .arg(name, grades.at(grade).trimmed());
            }
        }
        QRegularExpression expression = staffNameExpression(name);
        if (expression.isValid() && !expression.pattern().isEmpty())
            matchers.append({std::move(expression), reason});
    }
    return matchers;
}

using AddSuggestion = std::function<void(
    RedactionSuggestion::Kind kind, qsizetype start, qsizetype length, const QString &reason)>;

// Email addresses, UK telephone numbers, UK postcodes and staff names in answer.
void findPatterns(const QString &answer, const QList<StaffMatcher> &staff, const AddSuggestion &add)
{
    for (auto it = emailPattern().globalMatch(answer); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        add(RedactionSuggestion::Kind::Email,
            match.capturedStart(),
            match.capturedLength(),
            SuggestionScanner::tr(
                "%1 is an email address; if it belongs to a person, it is their personal data.")
                .arg(match.captured()));
    }
    for (auto it = phonePattern().globalMatch(answer); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!isUkPhoneNumber(match.captured()))
            continue;
        add(RedactionSuggestion::Kind::Phone,
            match.capturedStart(),
            match.capturedLength(),
            SuggestionScanner::tr(
                "%1 looks like a telephone number; a direct line or mobile number identifies a "
                "person.")
                .arg(match.captured()));
    }
    for (auto it = postcodePattern().globalMatch(answer); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        add(RedactionSuggestion::Kind::Postcode,
            match.capturedStart(),
            match.capturedLength(),
            SuggestionScanner::tr(
                "%1 looks like a UK postcode, which can point to where someone lives.")
                .arg(match.captured()));
    }
    for (const StaffMatcher &matcher : std::as_const(staff)) {
        for (auto it = matcher.expression.globalMatch(answer); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            add(RedactionSuggestion::Kind::StaffName,
                match.capturedStart(),
                match.capturedLength(),
                matcher.reason);
        }
    }
}

void findWithheldElsewhere(const Request &request,
                           int question,
                           const QString &answer,
                           const AddSuggestion &add)
{
    // Text withheld in another answer: each redacted passage, and each line of an answer
    // withheld in full. Matched case-insensitively and not inside a longer word.
    for (int other = 0; other < request.questions.size(); ++other) {
        if (other == question)
            continue;
        const Question &source = request.questions.at(other);
        QStringList withheld;
        for (const Redaction &span : source.redactions)
            withheld.append(source.answer.mid(span.start, span.length).trimmed());
        if (source.disposition == Disposition::Withheld) {
            for (const QString &line : source.answer.split(u'\n'))
                withheld.append(line.trimmed());
        }
        for (const QString &text : std::as_const(withheld)) {
            if (std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isSpace(); }) < 2)
                continue;
            const QString reason =
                SuggestionScanner::tr("\"%1\" is withheld in the answer to question %2.")
                    .arg(text, questionName(request.questions.at(other), other));
            qsizetype from = 0;
            while (true) {
                const qsizetype at = answer.indexOf(text, from, Qt::CaseInsensitive);
                if (at < 0)
                    break;
                from = at + 1;
                const qsizetype end = at + text.size();
                if (isWordCharacter(text.front()) && at > 0 && isWordCharacter(answer.at(at - 1)))
                    continue;
                if (isWordCharacter(text.back()) && end < answer.size()
                    && isWordCharacter(answer.at(end))) {
                    continue;
                }
                add(RedactionSuggestion::Kind::WithheldElsewhere, at, text.size(), reason);
                from = end;
            }
        }
    }
}

// Overlaps settled (the longest match kept), then what is already withheld or was dismissed
// left out; in the order of the answer.
QList<RedactionSuggestion>
settled(QList<RedactionSuggestion> found, const Question &target, const ScanContext &context)
{
    // Where matches overlap, the longest is kept: an email address that contains a staff name
    // is one suggestion, not two. Ties go to the kind found first above.
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return a.length > b.length;
    });
    QList<RedactionSuggestion> kept;
    for (const RedactionSuggestion &candidate : std::as_const(found)) {
        const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const auto &k) {
            return candidate.start < k.start + k.length
                   && k.start < candidate.start + candidate.length;
        });
        if (!overlaps)
            kept.append(candidate);
    }

    // Filtered after overlaps are settled, so that dismissing an address also quiets the name
    // inside it.
    QList<RedactionSuggestion> result;
    for (const RedactionSuggestion &suggestion : std::as_const(kept)) {
        if (whollyWithheld(target.redactions, suggestion.start, suggestion.length))
            continue;
        if (context.isDismissed(suggestion.kind, suggestion.text))
            continue;
        result.append(suggestion);
    }
    std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
        return a.start < b.start;
    });
    return result;
}

} // namespace

SuggestionScanner::SuggestionScanner(QList<StaffMember> staff,
                                     QStringList grades,
                                     QString withholdFromGrade)
    : m_staff(std::move(staff))
    , m_grades(std::move(grades))
    , m_withholdFromGrade(std::move(withholdFromGrade))
{}

QString SuggestionScanner::personalDataExemption(Regime regime)
{
    switch (regime) {
    case Regime::FOIA:
        return u"s40(2)"_s;
    case Regime::EIR:
        return u"reg13"_s;
    case Regime::FOISA:
        return u"s38(1)(b)"_s;
    case Regime::EIRS:
        return u"reg11(2)"_s;
    }
    return u"s40(2)"_s;
}

QString SuggestionScanner::kindCode(RedactionSuggestion::Kind kind)
{
    switch (kind) {
    case RedactionSuggestion::Kind::StaffName:
        return u"staff_name"_s;
    case RedactionSuggestion::Kind::Email:
        return u"email"_s;
    case RedactionSuggestion::Kind::Phone:
        return u"phone"_s;
    case RedactionSuggestion::Kind::Postcode:
        return u"postcode"_s;
    case RedactionSuggestion::Kind::WithheldElsewhere:
        return u"withheld_elsewhere"_s;
    }
    return {};
}

QString SuggestionScanner::kindDisplayName(RedactionSuggestion::Kind kind)
{
    switch (kind) {
    case RedactionSuggestion::Kind::StaffName:
        return tr("Staff name");
    case RedactionSuggestion::Kind::Email:
        return tr("Email address");
    case RedactionSuggestion::Kind::Phone:
        return tr("Telephone number");
    case RedactionSuggestion::Kind::Postcode:
        return tr("Postcode");
    case RedactionSuggestion::Kind::WithheldElsewhere:
        return tr("Withheld in another answer");
    }
    return {};
}

QList<RedactionSuggestion> SuggestionScanner::scan(const Request &request,
                                                   const QList<SuggestionDecision> &dismissed) const
{
    QList<RedactionSuggestion> all;
    for (int i = 0; i < request.questions.size(); ++i)
        all += scanAnswer(request, i, dismissed);
    return all;
}

QList<RedactionSuggestion> SuggestionScanner::scanAnswer(
    const Request &request, int question, const QList<SuggestionDecision> &dismissed) const
{
    if (question < 0 || question >= request.questions.size())
        return {};
    const Question &target = request.questions.at(question);
    if (!isScanned(target) || target.answer.isEmpty())
        return {};
    const QString &answer = target.answer;

    ScanContext context;
    context.exemption = personalDataExemption(request.regime);
    for (const SuggestionDecision &decision : dismissed) {
        if (decision.action == SuggestionDecision::Action::Dismissed)
            context.dismissed.append({decision.kind, collapsedSpace(decision.text)});
    }
    context.staff = staffMatchers(m_staff, m_grades, m_withholdFromGrade);

    QList<RedactionSuggestion> found;
    const AddSuggestion add = [&](RedactionSuggestion::Kind kind,
                                  qsizetype start,
                                  qsizetype length,
                                  const QString &reason) {
        RedactionSuggestion suggestion;
        suggestion.kind = kind;
        suggestion.question = question;
        suggestion.start = start;
        suggestion.length = length;
        suggestion.text = answer.mid(start, length);
        suggestion.exemption = context.exemption;
        suggestion.reason = reason;
        found.append(suggestion);
    };
    findPatterns(answer, context.staff, add);
    findWithheldElsewhere(request, question, answer, add);
    return settled(found, target, context);
}

} // namespace foidesk
