#include "letter/LetterComposer.h"

#include "wording/LetterTemplate.h"
#include "model/RequestEnums.h"
#include "redaction/RedactionSpans.h"
#include "release/WithheldText.h"

#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace foidesk {

namespace {

bool isLetterMark(QChar c)
{
    return c == QChar(LetterMarks::WithheldBar) || c == QChar(LetterMarks::RevealStart)
           || c == QChar(LetterMarks::RevealEnd);
}

// The marks are private-use characters a user could still paste in; one that reached the letter
// would draw a bar, or hide text in a highlight, where nothing is withheld.
QString withoutMarks(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!isLetterMark(c))
            out.append(c);
    }
    return out;
}

QString clean(const QString &text)
{
    return withoutMarks(text).trimmed();
}

// Addresses are typed one line per row; inside a sentence they read better on one line.
QString oneLine(const QString &multiLine)
{
    QStringList parts;
    for (const QString &line : multiLine.split(u'\n')) {
        const QString trimmed = clean(line);
        if (!trimmed.isEmpty())
            parts.append(trimmed);
    }
    return parts.join(QStringLiteral(", "));
}

QStringList nonEmptyLines(const QString &multiLine)
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
QStringList paragraphsOf(const QString &text)
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

bool isRequestField(const QString &placeholder)
{
    return placeholder == QLatin1String("reference") || placeholder == QLatin1String("title")
           || placeholder == QLatin1String("received")
           || placeholder == QLatin1String("requester_name");
}

QString heldKey(Held held)
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

QString questionName(const Question &question, qsizetype index)
{
    QString name = clean(question.label);
    if (name.endsWith(u'.') || name.endsWith(u')'))
        name.chop(1);
    if (name.isEmpty())
        name = QString::number(index + 1);
    return name;
}

bool isScottish(Regime regime)
{
    return regime == Regime::FOISA || regime == Regime::EIRS;
}

QString yourRightsKey(Regime regime)
{
    return isScottish(regime) ? QStringLiteral("your_rights.scotland")
                              : QStringLiteral("your_rights.uk");
}

// Case and runs of white space do not make a withheld string safe to print: "jane  SMITH" on
// paper still names her. The release check that reads the PDF back compares the same way.
QString foldedForSearch(const QString &text)
{
    return text.simplified().toCaseFolded();
}

// The strings one question withholds, exactly as the release check will look for them.
QStringList withheldStringsOf(const Question &question)
{
    Request single;
    single.questions = {question};
    return WithheldText::strings(single);
}

// text as it would be printed: revealed passages (supervisor view) left out, so that the
// leak check gives the same answer in both views.
QString printedText(const QString &text)
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

} // namespace

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
        result += withoutMarks(QStringView(text).mid(at, start - at));
        if (reveal) {
            // Each line of a revealed passage is marked on its own, so that a renderer that
            // splits the answer into paragraphs still knows what to highlight.
            const QStringList lines =
                withoutMarks(QStringView(text).mid(start, end - start)).split(u'\n');
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
    result += withoutMarks(QStringView(text).mid(at));
    return result.trimmed();
}

QString LetterComposer::withheldLabel(const QString &exemptionCode) const
{
    return WithheldText::label(
        exemptionCode, m_profile.templateText(QStringLiteral("withheld.label")), &m_catalogue);
}

namespace {

QString listPhrase(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    //: A list of two or more items: "%1 and %2", where %1 may itself be "a, b".
    return LetterComposer::tr("%1 and %2")
        .arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.constLast());
}

// "question 4", "questions 2 and 4": the questions that rely on exemptionCode.
QString questionsPhrase(const Request &request, const QString &exemptionCode)
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

// base with {exemption}, {exemption_code} and {exemption_title} for codes, listed together.
QHash<QString, QString> exemptionValues(const ExemptionCatalogue &catalogue,
                                        const QHash<QString, QString> &base,
                                        Regime regime,
                                        const QStringList &codes)
{
    QStringList citations;
    QStringList labels;
    QStringList titles;
    for (const QString &code : codes) {
        const QString trimmed = code.trimmed();
        if (trimmed.isEmpty())
            continue;
        const Exemption *entry = catalogue.find(regime, trimmed);
        // An unknown code is still named as typed; refusalProblems() says it is unknown.
        citations.append(entry && !entry->citation.trimmed().isEmpty() ? entry->citation.trimmed()
                                                                       : trimmed);
        labels.append(ExemptionCatalogue::shortLabel(trimmed));
        titles.append(entry && !entry->title.trimmed().isEmpty() ? entry->title.trimmed()
                                                                 : trimmed);
    }
    QHash<QString, QString> values = base;
    // A gap the letter check already names precisely; the generic "enter it in Settings" that
    // an empty value would add would send the officer to the wrong place.
    const QString notChosen = LetterComposer::tr("[exemption not chosen]");
    values.insert(QStringLiteral("exemption"),
                  withoutMarks(citations.isEmpty() ? notChosen : listPhrase(citations)));
    values.insert(QStringLiteral("exemption_code"),
                  withoutMarks(labels.isEmpty() ? notChosen : listPhrase(labels)));
    values.insert(QStringLiteral("exemption_title"),
                  withoutMarks(titles.isEmpty() ? notChosen : listPhrase(titles)));
    return values;
}

} // namespace

QHash<QString, QString> LetterComposer::placeholderValues(const Request &request,
                                                          const QDate &letterDate) const
{
    const RegulatorContact &regulator = m_profile.regulatorFor(request.regime);
    QString regulatorText = regulator.name.trimmed();
    const QString regulatorAddress = oneLine(regulator.address);
    if (!regulatorAddress.isEmpty())
        regulatorText +=
            (regulatorText.isEmpty() ? QString() : QStringLiteral(", ")) + regulatorAddress;
    QStringList contact;
    if (!regulator.phone.trimmed().isEmpty())
        contact.append(tr("telephone %1").arg(regulator.phone.trimmed()));
    if (!regulator.email.trimmed().isEmpty())
        contact.append(tr("email %1").arg(regulator.email.trimmed()));
    if (!regulator.website.trimmed().isEmpty())
        contact.append(tr("website %1").arg(regulator.website.trimmed()));
    if (!contact.isEmpty())
        regulatorText += QStringLiteral(" (") + contact.join(QStringLiteral("; ")) + u')';

    QHash<QString, QString> values;
    values.insert(QStringLiteral("organisation"), m_profile.name);
    values.insert(QStringLiteral("organisation_address"), oneLine(m_profile.address));
    values.insert(QStringLiteral("organisation_email"), m_profile.email);
    values.insert(QStringLiteral("organisation_phone"), m_profile.phone);
    values.insert(QStringLiteral("reference"), request.reference);
    values.insert(QStringLiteral("title"), request.title);
    values.insert(QStringLiteral("received"), m_profile.formatDate(request.received));
    values.insert(QStringLiteral("letter_date"), m_profile.formatDate(letterDate));
    values.insert(QStringLiteral("requester_name"), request.requester.name);
    values.insert(QStringLiteral("regime_name"), regimeDisplayName(request.regime));
    values.insert(QStringLiteral("regime_short"), regimeShortName(request.regime));
    values.insert(QStringLiteral("review_email"), m_profile.effectiveReviewEmail());
    values.insert(QStringLiteral("review_address"), oneLine(m_profile.effectiveReviewAddress()));
    values.insert(QStringLiteral("regulator"), regulatorText);
    values.insert(QStringLiteral("regulator_name"), regulator.name);
    values.insert(QStringLiteral("regulator_address"), regulatorAddress);
    values.insert(QStringLiteral("regulator_phone"), regulator.phone);
    values.insert(QStringLiteral("regulator_website"), regulator.website);
    values.insert(QStringLiteral("published_data_link"), m_profile.publishedDataLink);
    for (auto it = values.begin(); it != values.end(); ++it)
        it.value() = withoutMarks(it.value());
    return values;
}

QString LetterComposer::expandText(const QString &text,
                                   const QString &field,
                                   const QHash<QString, QString> &values,
                                   QStringList *problems) const
{
    QString error;
    if (!LetterTemplate::placeholders(text, &error)) {
        problems->append(
            tr("The wording \"%1\" in Settings cannot be used: %2.").arg(field, error));
        // Braces are dropped so that a broken template never prints as a placeholder.
        QString plain = withoutMarks(text);
        plain.remove(u'{');
        plain.remove(u'}');
        return plain;
    }
    QStringList missing;
    const QString expanded = LetterTemplate::expand(text, values, &missing);
    for (const QString &name : std::as_const(missing)) {
        const QString where = isRequestField(name) ? tr("the request details") : tr("Settings");
        const QString message = tr("The letter needs the %1; enter it in %2.")
                                    .arg(LetterTemplate::describePlaceholder(name), where);
        if (!problems->contains(message))
            problems->append(message);
    }
    return withoutMarks(expanded);
}

LetterDocument LetterComposer::compose(const Request &request, const ComposeOptions &options) const
{
    LetterDocument letter;
    letter.revealsWithheld = options.revealWithheld;
    letter.withheldStrings = WithheldText::strings(request);
    const QDate letterDate = request.letterDate.isValid()
                                 ? request.letterDate
                                 : (options.today.isValid() ? options.today : QDate::currentDate());
    const QHash<QString, QString> values = placeholderValues(request, letterDate);
    QStringList &problems = letter.problems;

    auto templateText = [&](const QString &key) {
        return expandText(
            m_profile.templateText(key), QStringLiteral("templates.") + key, values, &problems);
    };
    auto addBlock = [&](LetterBlock::Kind kind, const QString &key, const QString &headingKey) {
        LetterBlock block;
        block.kind = kind;
        block.templateKey = key;
        if (!key.isEmpty())
            block.paragraphs = paragraphsOf(templateText(key));
        if (!headingKey.isEmpty())
            block.heading = templateText(headingKey).trimmed();
        // An empty template leaves its part out of the letter: the profile's choice.
        if (block.paragraphs.isEmpty() && !key.isEmpty())
            return;
        letter.blocks.append(block);
    };

    letter.reference = clean(request.reference);
    letter.organisation = clean(m_profile.name);
    letter.pdfTitle =
        tr("Response to %1 request %2").arg(regimeShortName(request.regime), letter.reference);
    letter.pdfSubject =
        clean(request.title).isEmpty() ? regimeDisplayName(request.regime) : clean(request.title);
    if (Result<QImage> logo = m_profile.logo())
        letter.logo = logo.value();
    else
        problems.append(logo.errorMessage());

    if (letter.reference.isEmpty())
        problems.append(tr("The letter needs the request reference; enter it in the request "
                           "details."));

    LetterBlock letterhead;
    letterhead.kind = LetterBlock::Kind::Letterhead;
    letterhead.heading = letter.organisation;
    letterhead.lines = nonEmptyLines(m_profile.address);
    if (!clean(m_profile.email).isEmpty())
        letterhead.lines.append(clean(m_profile.email));
    if (!clean(m_profile.phone).isEmpty())
        letterhead.lines.append(clean(m_profile.phone));
    letter.blocks.append(letterhead);

    LetterBlock dateBlock;
    dateBlock.kind = LetterBlock::Kind::DateAndReference;
    dateBlock.templateKey = QStringLiteral("our_ref");
    dateBlock.lines.append(values.value(QStringLiteral("letter_date")));
    const QString ourRef = templateText(QStringLiteral("our_ref")).trimmed();
    if (!ourRef.isEmpty())
        dateBlock.lines.append(ourRef);
    letter.blocks.append(dateBlock);

    addBlock(LetterBlock::Kind::Salutation,
             request.requester.name.trimmed().isEmpty() ? QStringLiteral("salutation_no_name")
                                                        : QStringLiteral("salutation"),
             {});
    addBlock(LetterBlock::Kind::Thanks, QStringLiteral("opening"), {});

    // The question as the letter shows it, without its answer.
    auto quotedQuestion = [](const Question &question, QString *previousSection) {
        LetterQuestion quoted;
        const QString section = clean(question.section);
        if (!section.isEmpty() && section != *previousSection)
            quoted.section = section;
        *previousSection = section;
        quoted.label = clean(question.label);
        quoted.condition = clean(question.condition);
        quoted.text = clean(question.text);
        for (const QString &choice : question.choices) {
            if (!clean(choice).isEmpty())
                quoted.choices.append(clean(choice));
        }
        return quoted;
    };

    // The request as asked, with each section heading once where the section changes.
    if (request.questions.isEmpty()) {
        problems.append(tr("The request has no questions; add what was asked before sending the "
                           "letter."));
    } else {
        LetterBlock asked;
        asked.kind = LetterBlock::Kind::RequestAsAsked;
        QString previousSection;
        for (const Question &question : request.questions)
            asked.questions.append(quotedQuestion(question, &previousSection));
        letter.blocks.append(asked);
    }

    addBlock(LetterBlock::Kind::RegimeSentence,
             QStringLiteral("regime.") + regimeCode(request.regime),
             {});

    if (request.held == Held::Undecided) {
        problems.append(tr("Say whether the information is held (all, some, none, or neither "
                           "confirm nor deny) before sending the letter."));
    } else {
        addBlock(LetterBlock::Kind::ConfirmOrDeny,
                 heldKey(request.held),
                 QStringLiteral("heading.response"));
    }
    if (options.someWithheld || request.withholdsAnything())
        addBlock(LetterBlock::Kind::WithheldLeadIn, QStringLiteral("some_withheld"), {});

    // The combined response is one text for every question and carries no spans of its own;
    // anything withheld that is typed into it is caught by the check at the end.
    const QString combined = disclosableText(request.combinedResponse, {}, false);
    bool anyAnswer = false;
    for (const Question &question : request.questions) {
        anyAnswer = anyAnswer || question.disposition != Disposition::Answered
                    || !disclosableText(question.answer, question.redactions, false).isEmpty();
    }
    const bool nothingToAnswer =
        request.held == Held::None || request.held == Held::NeitherConfirmNorDeny;

    // The standing wording for a question that is not answered in its own words.
    auto dispositionWording =
        [&](const Question &question, qsizetype index, const QString &key) -> QString {
        QHash<QString, QString> wordingValues =
            exemptionValues(m_catalogue, values, request.regime, question.exemptionsUsed());
        wordingValues.insert(QStringLiteral("questions"),
                             tr("question %1").arg(questionName(question, index)));
        const QString text = expandText(m_profile.templateText(key),
                                        QStringLiteral("templates.") + key,
                                        wordingValues,
                                        &problems);
        const QString wording = paragraphsOf(text).join(QStringLiteral("\n\n"));
        if (wording.isEmpty()) {
            problems.append(tr("Question %1 is marked \"%2\" but the wording for that "
                               "(templates.%3) is empty; enter it in Settings.")
                                .arg(questionName(question, index),
                                     dispositionDisplayName(question.disposition),
                                     key));
            return u'[' + dispositionDisplayName(question.disposition) + u']';
        }
        return wording;
    };

    if (!combined.isEmpty()) {
        LetterBlock block;
        block.kind = LetterBlock::Kind::CombinedResponse;
        block.paragraphs = paragraphsOf(combined);
        letter.blocks.append(block);
    } else if (!(nothingToAnswer && !anyAnswer)) {
        // When nothing is held, or nothing can be confirmed, the statement is the whole answer
        // unless the officer wrote answers; otherwise every question needs its own.
        QString previousSection;
        for (qsizetype i = 0; i < request.questions.size(); ++i) {
            const Question &question = request.questions.at(i);
            LetterBlock block;
            block.kind = LetterBlock::Kind::QuestionAndAnswer;
            LetterQuestion answered = quotedQuestion(question, &previousSection);
            switch (question.disposition) {
            case Disposition::Answered:
            case Disposition::PartWithheld:
                answered.answer =
                    disclosableText(question.answer, question.redactions, options.revealWithheld);
                break;
            case Disposition::NotHeld:
                answered.answer =
                    disclosableText(question.answer, question.redactions, options.revealWithheld);
                if (answered.answer.isEmpty())
                    answered.answer =
                        dispositionWording(question, i, QStringLiteral("answer.not_held"));
                break;
            case Disposition::Withheld:
                // The answer itself is never read: what is withheld in full cannot leak through
                // a span someone forgot to draw.
                answered.answer =
                    dispositionWording(question, i, QStringLiteral("answer.withheld"));
                break;
            case Disposition::NeitherConfirmNorDeny:
                // Even an answer that says nothing would confirm that something is held.
                answered.answer = dispositionWording(question, i, QStringLiteral("answer.ncnd"));
                break;
            }
            // A follow-up under a condition ("If yes:") that did not apply is left unanswered,
            // as the letters of the reference set do; any other question needs an answer.
            if (answered.answer.isEmpty() && answered.condition.isEmpty()) {
                answered.answer = tr("[No answer yet]");
                problems.append(tr("Question %1 has no answer yet; write its answer, or one "
                                   "combined response for the whole request.")
                                    .arg(questionName(question, i)));
            }
            block.questions.append(answered);
            letter.blocks.append(block);
        }
    }

    // One refusal notice per exemption, after the answers and before the standing paragraphs,
    // as the reference letters place them (FOIA s17(1), EIR reg 14(3)).
    for (const QString &code : request.exemptionsUsed()) {
        if (code.trimmed().isEmpty())
            continue; // a passage with no exemption: the letter check names it
        const Exemption *entry = m_catalogue.find(request.regime, code);
        QHash<QString, QString> refusalValues =
            exemptionValues(m_catalogue, values, request.regime, {code});
        refusalValues.insert(QStringLiteral("questions"), questionsPhrase(request, code));
        auto refusalText = [&](const QString &key) {
            return expandText(m_profile.templateText(key),
                              QStringLiteral("templates.") + key,
                              refusalValues,
                              &problems);
        };
        // The officer's own words, and the catalogue's, may use placeholders too; a stray brace
        // in them is named where it can be corrected.
        auto reasonText = [&](const QString &text, const QString &where) -> QString {
            QString error;
            if (!LetterTemplate::placeholders(text, &error)) {
                problems.append(tr("The %1 cannot be used in the letter: %2. Correct it, or "
                                   "write \"{{\" and \"}}\" for a literal brace.")
                                    .arg(where, error));
                QString plain = withoutMarks(text);
                plain.remove(u'{');
                plain.remove(u'}');
                return plain;
            }
            return expandText(text, where, refusalValues, &problems);
        };

        LetterBlock block;
        block.kind = LetterBlock::Kind::RefusalNotice;
        block.templateKey = QStringLiteral("refusal");
        block.heading = refusalText(QStringLiteral("refusal.heading")).trimmed();
        const bool procedural = entry && entry->kind == Exemption::Kind::Procedural;
        block.paragraphs += paragraphsOf(refusalText(
            procedural ? QStringLiteral("refusal.procedural") : QStringLiteral("refusal.applies")));

        const ExemptionReasoning reasons = request.exemptionReasons.value(code);
        const bool ownReasoning = !reasons.reasoning.trimmed().isEmpty();
        const QString reasoning =
            ownReasoning ? reasons.reasoning : (entry ? entry->reasoning : QString());
        const QStringList reasoningParagraphs = paragraphsOf(
            reasonText(reasoning,
                       ownReasoning ? tr("reasoning for %1 in the Refusal reasons tab").arg(code)
                                    : tr("default reasoning for %1 in Settings").arg(code)));
        if (reasoningParagraphs.isEmpty())
            block.paragraphs.append(tr("[Why %1 applies is not written yet]").arg(code));
        else
            block.paragraphs += reasoningParagraphs;

        if (entry && entry->needsPublicInterest()) {
            block.paragraphs +=
                paragraphsOf(refusalText(QStringLiteral("refusal.public_interest")));
            const QStringList publicInterest = paragraphsOf(reasonText(
                reasons.publicInterest,
                tr("public interest reasons for %1 in the Refusal reasons tab").arg(code)));
            if (publicInterest.isEmpty())
                block.paragraphs.append(
                    tr("[The public interest reasons for %1 are not written yet]").arg(code));
            else
                block.paragraphs += publicInterest;
        } else if (entry && entry->kind == Exemption::Kind::Absolute) {
            block.paragraphs += paragraphsOf(refusalText(QStringLiteral("refusal.absolute")));
        }
        letter.blocks.append(block);
    }

    if (!m_profile.publishedDataLink.trimmed().isEmpty()) {
        addBlock(LetterBlock::Kind::StandingParagraph,
                 QStringLiteral("further_information"),
                 QStringLiteral("heading.further_information"));
    }
    addBlock(LetterBlock::Kind::StandingParagraph,
             QStringLiteral("reuse"),
             QStringLiteral("heading.reuse"));
    addBlock(LetterBlock::Kind::YourRights,
             yourRightsKey(request.regime),
             QStringLiteral("heading.your_rights"));

    LetterBlock closing;
    closing.kind = LetterBlock::Kind::Closing;
    closing.templateKey = QStringLiteral("closing");
    closing.paragraphs = paragraphsOf(templateText(QStringLiteral("closing")));
    const QString signature =
        expandText(m_profile.signature, QStringLiteral("signature"), values, &problems);
    closing.lines = signature.split(u'\n');
    while (!closing.lines.isEmpty() && closing.lines.constLast().trimmed().isEmpty())
        closing.lines.removeLast();
    if (!closing.paragraphs.isEmpty() || !closing.lines.isEmpty())
        letter.blocks.append(closing);

    for (const QString &problem : refusalProblems(request)) {
        if (!problems.contains(problem))
            problems.append(problem);
    }

    // The last defence. Spans are replaced at the source above, so the text under a span cannot
    // reach the letter through its own answer; but the same words can arrive by another route:
    // typed unredacted in another answer, in the combined response, in the officer's reasoning,
    // in the title or reference, or in the authority's own wording. Spans alone cannot see those,
    // so the finished letter is searched for every withheld string, folded the way the release
    // check folds it (case and white space), and each find is a problem, which stops a final
    // export. The request as asked is searched too, with its own message: the letter quotes the
    // requester's words, and the release check reads every word of the PDF, so a name that the
    // requester wrote and the officer withholds elsewhere would stop the letter at export time;
    // saying so here, while the officer is still writing, is kinder. A short withheld answer
    // ("N/A") that also appears elsewhere is refused too: the check cannot tell a harmless coincidence from a leak, and refusing with a clear
    // message costs the officer one rewording, where guessing could cost someone's privacy.
    // Revealed passages of the supervisor view are left out of the search, so both views list
    // the same problems.
    struct Place
    {
        QString where;
        QString folded;
    };
    QList<Place> places;
    places.append(
        {tr("the letter's title or reference"),
         foldedForSearch(letter.pdfTitle + u'\n' + letter.pdfSubject + u'\n' + letter.reference)});
    qsizetype answerIndex = 0;
    auto askedText = [](const LetterQuestion &question) {
        return QStringList{question.section, question.label, question.condition, question.text,
                           question.choices.join(u'\n')}
            .join(u'\n');
    };
    const QString requestAsAsked = tr("the request as asked, which the letter quotes");
    for (const LetterBlock &block : std::as_const(letter.blocks)) {
        if (block.kind == LetterBlock::Kind::RequestAsAsked) {
            QStringList asked;
            for (const LetterQuestion &question : block.questions)
                asked.append(askedText(question));
            places.append({requestAsAsked, foldedForSearch(printedText(asked.join(u'\n')))});
            continue;
        }
        if (block.kind == LetterBlock::Kind::QuestionAndAnswer) {
            QStringList asked;
            for (const LetterQuestion &question : block.questions)
                asked.append(askedText(question));
            places.append({requestAsAsked, foldedForSearch(printedText(asked.join(u'\n')))});
        }
        QString where;
        switch (block.kind) {
        case LetterBlock::Kind::QuestionAndAnswer:
            // One block per question, in the request's order.
            where = tr("the answer to question %1")
                        .arg(questionName(request.questions.value(answerIndex), answerIndex));
            ++answerIndex;
            break;
        case LetterBlock::Kind::CombinedResponse:
            where = tr("the combined response");
            break;
        case LetterBlock::Kind::RefusalNotice:
            where = tr("the refusal notice \"%1\"").arg(block.heading);
            break;
        default:
            where = tr("the standing wording of the letter (Settings)");
            break;
        }
        QStringList texts = {block.heading};
        texts += block.paragraphs;
        texts += block.lines;
        for (const LetterQuestion &question : block.questions)
            texts.append(question.answer);
        places.append({where, foldedForSearch(printedText(texts.join(u'\n')))});
    }
    for (qsizetype i = 0; i < request.questions.size(); ++i) {
        const QStringList withheld = withheldStringsOf(request.questions.at(i));
        for (const Place &place : std::as_const(places)) {
            const bool found = std::any_of(withheld.begin(), withheld.end(), [&](const QString &s) {
                return place.folded.contains(foldedForSearch(s));
            });
            if (!found)
                continue;
            // The withheld words are not quoted: problems are shown, printed and logged.
            const QString message =
                place.where == requestAsAsked
                    ? tr("Text withheld in question %1 also appears in the request as asked, "
                         "which the letter quotes, so the release check would refuse the letter. "
                         "The requester already has those words: release that text, or withhold "
                         "the information around it instead.")
                          .arg(questionName(request.questions.at(i), i))
                    : tr("Text withheld in question %1 also appears in %2; redact it there too or "
                         "reword it, so that the letter does not disclose it.")
                          .arg(questionName(request.questions.at(i), i), place.where);
            if (!problems.contains(message))
                problems.append(message);
        }
    }
    return letter;
}

QStringList LetterComposer::refusalProblems(const Request &request) const
{
    QStringList problems;
    auto add = [&problems](const QString &problem) {
        if (!problems.contains(problem))
            problems.append(problem);
    };

    bool refuses = false;
    for (qsizetype i = 0; i < request.questions.size(); ++i) {
        const Question &question = request.questions.at(i);
        const QString name = questionName(question, i);
        QStringList chosen;
        for (const QString &code : question.exemptionsUsed()) {
            if (!code.trimmed().isEmpty())
                chosen.append(code);
        }
        refuses = refuses || !chosen.isEmpty() || question.disposition == Disposition::Withheld
                  || question.disposition == Disposition::PartWithheld
                  || question.disposition == Disposition::NeitherConfirmNorDeny
                  || !question.redactions.isEmpty();
        for (const Redaction &span : question.redactions) {
            if (span.exemption.trimmed().isEmpty()) {
                add(tr("A withheld passage in question %1 has no exemption: choose its exemption "
                       "in the Redactions panel.")
                        .arg(name));
                break;
            }
        }
        switch (question.disposition) {
        case Disposition::Withheld:
            if (chosen.isEmpty())
                add(tr("Question %1 is withheld in full but no exemption is chosen: choose the "
                       "exemption in the Questions tab.")
                        .arg(name));
            break;
        case Disposition::PartWithheld:
            if (question.redactions.isEmpty())
                add(tr("Question %1 is withheld in part but nothing in its answer is redacted: "
                       "select the withheld text and choose Redact (Ctrl+R), or change its "
                       "disposition.")
                        .arg(name));
            else if (chosen.isEmpty())
                add(tr("Question %1 is withheld in part but no exemption is chosen: choose the "
                       "exemption in the Questions tab.")
                        .arg(name));
            break;
        case Disposition::NeitherConfirmNorDeny:
            if (chosen.isEmpty())
                add(tr("Question %1 neither confirms nor denies that the information is held but "
                       "no exemption is chosen: choose the exemption that allows it in the "
                       "Questions tab.")
                        .arg(name));
            break;
        case Disposition::Answered:
        case Disposition::NotHeld:
            break;
        }
    }

    bool missingCatalogueReported = false;
    for (const QString &code : request.exemptionsUsed()) {
        if (code.trimmed().isEmpty())
            continue;
        const Exemption *entry = m_catalogue.find(request.regime, code);
        const ExemptionReasoning reasons = request.exemptionReasons.value(code);
        if (!entry) {
            // An empty shipped list means this build could not read it: say so once, since
            // "not in the list" would otherwise blame the officer's choice.
            const bool shippedMissing =
                std::none_of(m_catalogue.all().begin(),
                             m_catalogue.all().end(),
                             [](const Exemption &exemption) { return !exemption.local; });
            if (shippedMissing && !missingCatalogueReported) {
                missingCatalogueReported = true;
                if (Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped(); !shipped)
                    add(shipped.errorMessage());
            }
            add(tr("%1, used in %2, is not in the list of exemptions for the %3: choose an "
                   "exemption from the list in the Questions tab, or add %1 as a local exemption "
                   "in Settings.")
                    .arg(code, questionsPhrase(request, code), regimeDisplayName(request.regime)));
            if (reasons.reasoning.trimmed().isEmpty())
                add(tr("No reasoning is written for %1: say why it applies in the Refusal reasons "
                       "tab.")
                        .arg(code));
            continue;
        }
        if (reasons.reasoning.trimmed().isEmpty() && entry->reasoning.trimmed().isEmpty())
            add(tr("No reasoning is written for %1 and Settings has no default for it: say why it "
                   "applies in the Refusal reasons tab.")
                    .arg(code));
        if (entry->needsPublicInterest() && reasons.publicInterest.trimmed().isEmpty())
            add(tr("%1 is a qualified exemption but no public interest reasons are written: say "
                   "in the Refusal reasons tab why the public interest in withholding outweighs "
                   "the public interest in disclosure.")
                    .arg(code));
    }

    // What s17(7) requires of every refusal: the review procedure and the right to complain to
    // the regulator. A letter that refuses nothing needs neither check.
    if (!refuses)
        return problems;
    if (m_profile.effectiveReviewEmail().trimmed().isEmpty()
        && m_profile.effectiveReviewAddress().trimmed().isEmpty())
        add(tr("The letter refuses information but gives no way to ask for a review: enter a "
               "review email or postal address in Settings."));
    const RegulatorContact &regulator = m_profile.regulatorFor(request.regime);
    const bool noContact =
        regulator.address.trimmed().isEmpty() && regulator.phone.trimmed().isEmpty()
        && regulator.website.trimmed().isEmpty() && regulator.email.trimmed().isEmpty();
    if (regulator.name.trimmed().isEmpty() || noContact)
        add(tr("The letter refuses information but the regulator's details for %1 requests are "
               "incomplete: enter its name and at least one way to contact it in Settings.")
                .arg(regimeShortName(request.regime)));
    if (m_profile.templateText(yourRightsKey(request.regime)).trimmed().isEmpty())
        add(tr("The letter refuses information but the \"your rights\" wording for %1 requests "
               "is empty: enter it in Settings (templates.%2), so the requester learns how to ask "
               "for a review and complain.")
                .arg(regimeShortName(request.regime), yourRightsKey(request.regime)));
    return problems;
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
