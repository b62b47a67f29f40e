#include "letter/LetterComposer.h"

#include "letter/LetterTemplate.h"
#include "model/RequestEnums.h"

#include <QRegularExpression>
#include <utility>

namespace foidesk {

namespace {

// Addresses are typed one line per row; inside a sentence they read better on one line.
QString oneLine(const QString &multiLine)
{
    QStringList parts;
    for (const QString &line : multiLine.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            parts.append(trimmed);
    }
    return parts.join(QStringLiteral(", "));
}

QStringList nonEmptyLines(const QString &multiLine)
{
    QStringList lines;
    for (const QString &line : multiLine.split(u'\n')) {
        const QString trimmed = line.trimmed();
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
    QString name = question.label.trimmed();
    if (name.endsWith(u'.') || name.endsWith(u')'))
        name.chop(1);
    if (name.isEmpty())
        name = QString::number(index + 1);
    return name;
}

} // namespace

LetterComposer::LetterComposer(OrganisationProfile profile)
    : m_profile(std::move(profile))
{}

QString LetterComposer::disclosableText(const QString &text)
{
    return text.trimmed();
}

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
        QString plain = text;
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
    return expanded;
}

LetterDocument LetterComposer::compose(const Request &request, const ComposeOptions &options) const
{
    LetterDocument letter;
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

    letter.reference = request.reference.trimmed();
    letter.organisation = m_profile.name.trimmed();
    letter.pdfTitle =
        tr("Response to %1 request %2").arg(regimeShortName(request.regime), letter.reference);
    letter.pdfSubject = request.title.trimmed().isEmpty() ? regimeDisplayName(request.regime)
                                                          : request.title.trimmed();
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
    if (!m_profile.email.trimmed().isEmpty())
        letterhead.lines.append(m_profile.email.trimmed());
    if (!m_profile.phone.trimmed().isEmpty())
        letterhead.lines.append(m_profile.phone.trimmed());
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

    // The request as asked, with each section heading once where the section changes.
    if (request.questions.isEmpty()) {
        problems.append(tr("The request has no questions; add what was asked before sending the "
                           "letter."));
    } else {
        LetterBlock asked;
        asked.kind = LetterBlock::Kind::RequestAsAsked;
        QString previousSection;
        for (const Question &question : request.questions) {
            LetterQuestion quoted;
            const QString section = question.section.trimmed();
            if (!section.isEmpty() && section != previousSection)
                quoted.section = section;
            previousSection = section;
            quoted.label = question.label.trimmed();
            quoted.condition = question.condition.trimmed();
            quoted.text = question.text.trimmed();
            for (const QString &choice : question.choices) {
                if (!choice.trimmed().isEmpty())
                    quoted.choices.append(choice.trimmed());
            }
            asked.questions.append(quoted);
        }
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
    if (options.someWithheld)
        addBlock(LetterBlock::Kind::WithheldLeadIn, QStringLiteral("some_withheld"), {});

    const QString combined = disclosableText(request.combinedResponse);
    bool anyAnswer = false;
    for (const Question &question : request.questions)
        anyAnswer = anyAnswer || !disclosableText(question.answer).isEmpty();
    const bool nothingToAnswer =
        request.held == Held::None || request.held == Held::NeitherConfirmNorDeny;

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
            LetterQuestion answered;
            const QString section = question.section.trimmed();
            if (!section.isEmpty() && section != previousSection)
                answered.section = section;
            previousSection = section;
            answered.label = question.label.trimmed();
            answered.condition = question.condition.trimmed();
            answered.text = question.text.trimmed();
            for (const QString &choice : question.choices) {
                if (!choice.trimmed().isEmpty())
                    answered.choices.append(choice.trimmed());
            }
            answered.answer = disclosableText(question.answer);
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

    if (!m_profile.publishedDataLink.trimmed().isEmpty()) {
        addBlock(LetterBlock::Kind::StandingParagraph,
                 QStringLiteral("further_information"),
                 QStringLiteral("heading.further_information"));
    }
    addBlock(LetterBlock::Kind::StandingParagraph,
             QStringLiteral("reuse"),
             QStringLiteral("heading.reuse"));
    const bool scottish = request.regime == Regime::FOISA || request.regime == Regime::EIRS;
    addBlock(LetterBlock::Kind::YourRights,
             scottish ? QStringLiteral("your_rights.scotland") : QStringLiteral("your_rights.uk"),
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

    return letter;
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
