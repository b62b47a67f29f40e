#include "letter/LetterComposer.h"

#include "letter/AnswerSection.h"
#include "letter/LetterText.h"
#include "letter/LetterWording.h"
#include "letter/RefusalCheck.h"
#include "letter/RefusalNotices.h"
#include "letter/WithheldTextSearch.h"
#include "model/RequestEnums.h"
#include "redaction/RedactionSpans.h"
#include "release/WithheldText.h"

#include <utility>

namespace foidesk {

LetterComposer::LetterComposer(OrganisationProfile profile)
    : m_profile(std::move(profile))
{
    // Without the shipped list every exemption is reported unknown (refusalProblems() says
    // why), so a letter relying on one can be previewed but never sent.
    Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
    const ExemptionCatalogue base = shipped ? std::move(shipped).value() : ExemptionCatalogue();
    m_catalogue = base.withCustomisations(m_profile.exemptionOverrides, m_profile.localExemptions);
}

QString LetterComposer::disclosableText(const QString &text,
                                        const QList<Redaction> &spans,
                                        bool reveal) const
{
    // Sorted and clipped here rather than trusted: a span list that arrives unsorted or
    // overlapping must still withhold every character any span covers.
    QList<Redaction> sorted;
    for (const Redaction &span : spans) {
        if (span.length > 0 && span.start < text.size() && span.end() > 0)
            sorted.append(span);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const Redaction &a, const Redaction &b) {
        return a.start < b.start;
    });

    QString result;
    qsizetype at = 0;
    for (const Redaction &span : std::as_const(sorted)) {
        qsizetype start = std::max(span.start, at);
        qsizetype end = std::min(span.end(), text.size());
        // Half a surrogate pair left outside a span would still print as part of a character.
        if (start > at && text.at(start).isLowSurrogate() && text.at(start - 1).isHighSurrogate())
            --start;
        if (end < text.size() && text.at(end).isLowSurrogate()
            && text.at(end - 1).isHighSurrogate())
            ++end;
        if (end <= start)
            continue; // wholly inside the span before it
        result += LetterText::withoutMarks(QStringView(text).mid(at, start - at));
        if (reveal) {
            // Each line of a revealed passage is marked on its own, so that a renderer that
            // splits the answer into paragraphs still knows what to highlight.
            const QStringList lines =
                LetterText::withoutMarks(QStringView(text).mid(start, end - start)).split(u'\n');
            QStringList marked;
            for (const QString &line : lines)
                marked.append(QChar(LetterMarks::RevealStart) + line
                              + QChar(LetterMarks::RevealEnd));
            result += marked.join(u'\n');
        } else {
            result += QChar(LetterMarks::WithheldBar);
        }
        result += u' ' + withheldLabel(span.exemption);
        at = end;
    }
    result += LetterText::withoutMarks(QStringView(text).mid(at));
    return result.trimmed();
}

QString LetterComposer::withheldLabel(const QString &exemptionCode) const
{
    return WithheldText::label(
        exemptionCode, m_profile.templateText(QStringLiteral("withheld.label")), &m_catalogue);
}

LetterDocument LetterComposer::compose(const Request &request, const ComposeOptions &options) const
{
    LetterDocument letter;
    letter.revealsWithheld = options.revealWithheld;
    letter.withheldStrings = WithheldText::strings(request);
    const QDate letterDate = request.letterDate.isValid()
                                 ? request.letterDate
                                 : (options.today.isValid() ? options.today : QDate::currentDate());
    const LetterWording wording(m_profile, m_catalogue, request, letterDate, &letter.problems);

    addHeading(letter, wording, request);
    addOpening(letter, wording, request, options);
    AnswerSection::add(letter, *this, wording, request, options);
    RefusalNotices::add(letter, wording, m_catalogue, request);
    addClosing(letter, wording, request);

    for (const QString &problem : refusalProblems(request)) {
        if (!letter.problems.contains(problem))
            letter.problems.append(problem);
    }
    WithheldTextSearch::addProblems(letter, request);
    return letter;
}

void LetterComposer::addHeading(LetterDocument &letter,
                                const LetterWording &wording,
                                const Request &request) const
{
    letter.reference = LetterText::clean(request.reference);
    letter.organisation = LetterText::clean(m_profile.name);
    letter.pdfTitle =
        tr("Response to %1 request %2").arg(regimeShortName(request.regime), letter.reference);
    letter.pdfSubject = LetterText::clean(request.title).isEmpty()
                            ? regimeDisplayName(request.regime)
                            : LetterText::clean(request.title);
    if (Result<QImage> logo = m_profile.logo())
        letter.logo = logo.value();
    else
        letter.problems.append(logo.errorMessage());

    if (letter.reference.isEmpty())
        letter.problems.append(tr("The letter needs the request reference; enter it in the request "
                                  "details."));

    LetterBlock letterhead;
    letterhead.kind = LetterBlock::Kind::Letterhead;
    letterhead.heading = letter.organisation;
    letterhead.lines = LetterText::nonEmptyLines(m_profile.address);
    if (!LetterText::clean(m_profile.email).isEmpty())
        letterhead.lines.append(LetterText::clean(m_profile.email));
    if (!LetterText::clean(m_profile.phone).isEmpty())
        letterhead.lines.append(LetterText::clean(m_profile.phone));
    letter.blocks.append(letterhead);

    LetterBlock dateBlock;
    dateBlock.kind = LetterBlock::Kind::DateAndReference;
    dateBlock.templateKey = QStringLiteral("our_ref");
    dateBlock.lines.append(wording.values().value(QStringLiteral("letter_date")));
    const QString ourRef = wording.text(QStringLiteral("our_ref")).trimmed();
    if (!ourRef.isEmpty())
        dateBlock.lines.append(ourRef);
    letter.blocks.append(dateBlock);
}

void LetterComposer::addOpening(LetterDocument &letter,
                                const LetterWording &wording,
                                const Request &request,
                                const ComposeOptions &options) const
{
    wording.addBlock(letter,
                     LetterBlock::Kind::Salutation,
                     request.requester.name.trimmed().isEmpty()
                         ? QStringLiteral("salutation_no_name")
                         : QStringLiteral("salutation"));
    wording.addBlock(letter, LetterBlock::Kind::Thanks, QStringLiteral("opening"));

    // The request as asked, with each section heading once where the section changes.
    if (request.questions.isEmpty()) {
        letter.problems.append(
            tr("The request has no questions; add what was asked before sending the "
               "letter."));
    } else {
        LetterBlock asked;
        asked.kind = LetterBlock::Kind::RequestAsAsked;
        QString previousSection;
        for (qsizetype i = 0; i < request.questions.size(); ++i)
            asked.questions.append(
                LetterText::quotedQuestion(request.questions, i, &previousSection));
        letter.blocks.append(asked);
    }

    wording.addBlock(letter,
                     LetterBlock::Kind::RegimeSentence,
                     QStringLiteral("regime.") + regimeCode(request.regime));

    if (request.held == Held::Undecided) {
        letter.problems.append(
            tr("Say whether the information is held (all, some, none, or neither "
               "confirm nor deny) before sending the letter."));
    } else {
        wording.addBlock(letter,
                         LetterBlock::Kind::ConfirmOrDeny,
                         LetterText::heldKey(request.held),
                         QStringLiteral("heading.response"));
    }
    if (options.someWithheld || request.withholdsAnything())
        wording.addBlock(
            letter, LetterBlock::Kind::WithheldLeadIn, QStringLiteral("some_withheld"), {});
}

void LetterComposer::addClosing(LetterDocument &letter,
                                const LetterWording &wording,
                                const Request &request) const
{
    if (!m_profile.publishedDataLink.trimmed().isEmpty()) {
        wording.addBlock(letter,
                         LetterBlock::Kind::StandingParagraph,
                         QStringLiteral("further_information"),
                         QStringLiteral("heading.further_information"));
    }
    wording.addBlock(letter,
                     LetterBlock::Kind::StandingParagraph,
                     QStringLiteral("reuse"),
                     QStringLiteral("heading.reuse"));
    wording.addBlock(letter,
                     LetterBlock::Kind::YourRights,
                     LetterText::yourRightsKey(request.regime),
                     QStringLiteral("heading.your_rights"));

    LetterBlock closing;
    closing.kind = LetterBlock::Kind::Closing;
    closing.templateKey = QStringLiteral("closing");
    closing.paragraphs = LetterText::paragraphsOf(wording.text(QStringLiteral("closing")));
    const QString signature =
        wording.expand(m_profile.signature, QStringLiteral("signature"), wording.values());
    closing.lines = signature.split(u'\n');
    while (!closing.lines.isEmpty() && closing.lines.constLast().trimmed().isEmpty())
        closing.lines.removeLast();
    if (!closing.paragraphs.isEmpty() || !closing.lines.isEmpty())
        letter.blocks.append(closing);
}

QStringList LetterComposer::refusalProblems(const Request &request) const
{
    return RefusalCheck::problems(m_profile, m_catalogue, request);
}

Result<LetterDocument> LetterComposer::composeFinal(const Request &request,
                                                    const ComposeOptions &options) const
{
    LetterDocument letter = compose(request, options);
    if (letter.hasProblems()) {
        return Error(ErrorKind::Refused,
                     tr("The letter for request %1 is not ready to send:\n%2")
                         .arg(request.reference, letter.problems.join(u'\n')));
    }
    return letter;
}

} // namespace foidesk
