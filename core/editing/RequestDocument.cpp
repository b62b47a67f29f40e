#include "editing/RequestDocument.h"

#include "editing/InsertQuestionCommand.h"
#include "editing/MoveQuestionCommand.h"
#include "editing/RemoveQuestionCommand.h"
#include "editing/ReuseAnswerCommand.h"
#include "editing/SetClockEventsCommand.h"
#include "editing/SetExemptionReasoningCommand.h"
#include "editing/SetQuestionFieldCommand.h"
#include "editing/SetRequestFieldCommand.h"
#include "calendar/StatutoryClock.h"
#include "redaction/RedactionSpans.h"

#include <QUndoStack>

namespace foidesk {

namespace {

bool hasContent(const Question &q)
{
    auto filled = [](const QString &s) { return !s.trimmed().isEmpty(); };
    bool anyChoice = false;
    for (const QString &c : q.choices)
        anyChoice = anyChoice || filled(c);
    // A decision to withhold is content too: dropping it would lose the officer's choice.
    return filled(q.section) || filled(q.label) || filled(q.condition) || filled(q.text)
           || filled(q.answer) || anyChoice || q.disposition != Disposition::Answered
           || !q.exemptions.isEmpty();
}

QStringList cleanChoices(const QStringList &choices)
{
    QStringList cleaned;
    for (const QString &c : choices) {
        if (!c.trimmed().isEmpty())
            cleaned.append(c.trimmed());
    }
    return cleaned;
}

} // namespace

RequestDocument::RequestDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        Q_EMIT modificationChanged(!clean);
    });
    // An undo or redo ends the typing run: typing after it must not merge into an older step.
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        if (!m_pushing)
            finishTyping();
    });
    connect(this, &RequestDocument::reset, this, &RequestDocument::contentChanged);
    connect(this, &RequestDocument::questionInserted, this, &RequestDocument::contentChanged);
    connect(this, &RequestDocument::questionRemoved, this, &RequestDocument::contentChanged);
    connect(this, &RequestDocument::questionMoved, this, &RequestDocument::contentChanged);
    connect(this, &RequestDocument::valueChanged, this, &RequestDocument::contentChanged);
    connect(this, &RequestDocument::questionValueChanged, this, &RequestDocument::contentChanged);
    connect(
        this, &RequestDocument::exemptionReasoningChanged, this, &RequestDocument::contentChanged);
}

void RequestDocument::setOpen(bool open)
{
    if (m_open == open)
        return;
    m_open = open;
    Q_EMIT openChanged(open);
}

RequestDocument::~RequestDocument() = default;

void RequestDocument::load(const Request &request)
{
    Q_EMIT aboutToReset();
    // clear() reports the return to a clean state through cleanChanged.
    m_undoStack->clear();
    m_request = request;
    for (Question &q : m_request.questions)
        q.redactions = redaction::normalized(q.redactions, q.answer);
    m_combinedEnabled = !request.combinedResponse.isEmpty();
    finishTyping();
    Q_EMIT reset();
}

Request RequestDocument::request() const
{
    Request saved = m_request;
    saved.reference = m_request.reference.trimmed();
    saved.combinedResponse = m_combinedEnabled ? m_request.combinedResponse : QString();
    saved.questions.clear();
    for (const Question &q : m_request.questions) {
        if (!hasContent(q))
            continue;
        Question copy = q;
        copy.choices = cleanChoices(q.choices);
        copy.redactions = redaction::normalized(q.redactions, q.answer);
        saved.questions.append(copy);
    }
    for (auto it = saved.exemptionReasons.begin(); it != saved.exemptionReasons.end();) {
        if (it.value().isEmpty())
            it = saved.exemptionReasons.erase(it);
        else
            ++it;
    }
    return saved;
}

QVariant RequestDocument::value(Field field) const
{
    const Request &r = m_request;
    switch (field) {
    case Field::Reference:
        return r.reference;
    case Field::Title:
        return r.title;
    case Field::Regime:
        return int(r.regime);
    case Field::Received:
        return r.received;
    case Field::Status:
        return int(r.status);
    case Field::Held:
        return int(r.held);
    case Field::Officer:
        return r.officer;
    case Field::LetterDate:
        return r.letterDate;
    case Field::LetterFinal:
        return r.letterFinal;
    case Field::RequesterName:
        return r.requester.name;
    case Field::RequesterEmail:
        return r.requester.email;
    case Field::RequesterAddress:
        return r.requester.address;
    case Field::RequesterKind:
        return int(r.requester.kind);
    case Field::CombinedEnabled:
        return m_combinedEnabled;
    case Field::CombinedResponse:
        return r.combinedResponse;
    case Field::Introduction:
        return r.introduction;
    case Field::NotForPublication:
        return r.notForPublication;
    case Field::NotForPublicationReason:
        return r.notForPublicationReason;
    case Field::PublishAfter:
        return r.publishAfter;
    }
    return {};
}

QVariant RequestDocument::questionValue(int row, QuestionField field) const
{
    if (row < 0 || row >= questionCount())
        return {};
    const Question &q = m_request.questions.at(row);
    switch (field) {
    case QuestionField::Section:
        return q.section;
    case QuestionField::Label:
        return q.label;
    case QuestionField::Condition:
        return q.condition;
    case QuestionField::Text:
        return q.text;
    case QuestionField::Choices:
        return q.choices;
    case QuestionField::Answer:
        return q.answer;
    case QuestionField::Disposition:
        return int(q.disposition);
    case QuestionField::Exemptions:
        return q.exemptions;
    case QuestionField::Redactions:
        return QVariant::fromValue(q.redactions);
    }
    return {};
}

namespace {

bool isSingleLine(RequestDocument::Field field)
{
    using Field = RequestDocument::Field;
    return field == Field::Reference || field == Field::Title || field == Field::Officer
           || field == Field::RequesterName || field == Field::RequesterEmail;
}

bool isSingleLine(RequestDocument::QuestionField field)
{
    using QField = RequestDocument::QuestionField;
    return field == QField::Section || field == QField::Label || field == QField::Condition;
}

} // namespace

void RequestDocument::setValue(Field field, const QVariant &given)
{
    // Pasted text keeps no line breaks in a one-line field: they would print as breaks in
    // the letter, or hide in the reference.
    const QVariant value = isSingleLine(field) ? QVariant(singleLine(given.toString())) : given;
    const QVariant old = this->value(field);
    if (old == value)
        return;
    m_pushing = true;
    m_undoStack->push(new SetRequestFieldCommand(this, field, old, value));
    m_pushing = false;
}

void RequestDocument::setQuestionValue(int row, QuestionField field, const QVariant &given)
{
    if (row < 0 || row >= questionCount())
        return;
    const QVariant value = isSingleLine(field) ? QVariant(singleLine(given.toString())) : given;
    if (field == QuestionField::Redactions) {
        pushRedactions(row, value.value<QList<Redaction>>(), QString());
        return;
    }
    const QVariant old = questionValue(row, field);
    if (old == value)
        return;
    m_pushing = true;
    m_undoStack->push(new SetQuestionFieldCommand(this, row, field, old, value));
    m_pushing = false;
}

bool RequestDocument::pushRedactions(int row,
                                     const QList<Redaction> &spans,
                                     const QString &undoText)
{
    const Question &q = m_request.questions.at(row);
    const QList<Redaction> updated = redaction::normalized(spans, q.answer);
    if (updated == q.redactions)
        return false;
    auto *command = new SetQuestionFieldCommand(this,
                                                row,
                                                QuestionField::Redactions,
                                                QVariant::fromValue(q.redactions),
                                                QVariant::fromValue(updated));
    if (!undoText.isEmpty())
        command->setText(undoText);
    // A redaction is a deliberate step of its own: typing after it starts a new step.
    finishTyping();
    m_pushing = true;
    m_undoStack->push(command);
    m_pushing = false;
    finishTyping();
    return true;
}

bool RequestDocument::reuseAnswer(int row,
                                  const Question &source,
                                  const AnswerSource &from,
                                  const QMap<QString, ExemptionReasoning> &reasons)
{
    if (row < 0 || row >= questionCount() || from.isEmpty())
        return false;
    const Question &before = m_request.questions.at(row);
    Question after = before;
    after.answer = source.answer;
    after.redactions = redaction::normalized(source.redactions, source.answer);
    after.disposition = source.disposition;
    after.exemptions = source.exemptions;
    after.reusedFrom = from;
    QMap<QString, ExemptionReasoning> added;
    for (const QString &code : after.exemptionsUsed()) {
        const ExemptionReasoning reasoning = reasons.value(code);
        if (!reasoning.isEmpty() && !m_request.exemptionReasons.contains(code))
            added.insert(code, reasoning);
    }
    if (after == before && added.isEmpty())
        return false;
    finishTyping();
    m_pushing = true;
    m_undoStack->push(new ReuseAnswerCommand(this, row, before, after, added));
    m_pushing = false;
    finishTyping();
    return true;
}

bool RequestDocument::redact(int row, qsizetype start, qsizetype length, const QString &exemption)
{
    if (row < 0 || row >= questionCount() || exemption.trimmed().isEmpty())
        return false;
    const Question &q = m_request.questions.at(row);
    if (start < 0 || length <= 0 || start + length > q.answer.size())
        return false;
    QList<Redaction> spans = q.redactions;
    spans.append({start, length, exemption.trimmed()});
    return pushRedactions(row, spans, tr("Withhold text"));
}

bool RequestDocument::unredact(int row, qsizetype start, qsizetype length)
{
    if (row < 0 || row >= questionCount())
        return false;
    const Question &q = m_request.questions.at(row);
    if (start < 0 || length <= 0 || start + length > q.answer.size())
        return false;
    return pushRedactions(row,
                          redaction::cleared(q.redactions, start, length, q.answer.size()),
                          tr("Release withheld text"));
}

bool RequestDocument::setRedactionExemption(int row, int spanIndex, const QString &exemption)
{
    if (row < 0 || row >= questionCount() || exemption.trimmed().isEmpty())
        return false;
    QList<Redaction> spans = m_request.questions.at(row).redactions;
    if (spanIndex < 0 || spanIndex >= spans.size())
        return false;
    spans[spanIndex].exemption = exemption.trimmed();
    return pushRedactions(row, spans, tr("Change exemption"));
}

ExemptionReasoning RequestDocument::exemptionReasoning(const QString &code) const
{
    return m_request.exemptionReasons.value(code);
}

void RequestDocument::setExemptionReasoning(const QString &code,
                                            const ExemptionReasoning &reasoning)
{
    if (code.isEmpty())
        return;
    const ExemptionReasoning old = exemptionReasoning(code);
    if (old == reasoning)
        return;
    m_pushing = true;
    m_undoStack->push(new SetExemptionReasoningCommand(this, code, old, reasoning));
    m_pushing = false;
}

void RequestDocument::insertQuestion(int row, const Question &question)
{
    row = qBound(0, row, questionCount());
    finishTyping();
    m_undoStack->push(new InsertQuestionCommand(this, row, question));
}

bool RequestDocument::removeQuestion(int row)
{
    if (row < 0 || row >= questionCount())
        return false;
    finishTyping();
    m_undoStack->push(new RemoveQuestionCommand(this, row));
    return true;
}

bool RequestDocument::moveQuestion(int from, int to)
{
    if (from < 0 || from >= questionCount() || to < 0 || to >= questionCount() || from == to)
        return false;
    finishTyping();
    m_undoStack->push(new MoveQuestionCommand(this, from, to));
    return true;
}

void RequestDocument::finishTyping()
{
    ++m_typingRun;
}

bool RequestDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void RequestDocument::markSaved(const Request &stored)
{
    m_request.id = stored.id;
    m_request.revision = stored.revision;
    // The stored questions are this document's questions with content, in the same order.
    qsizetype next = 0;
    for (Question &q : m_request.questions) {
        if (!hasContent(q))
            continue;
        if (next < stored.questions.size())
            q.id = stored.questions.at(next++).id;
    }
    finishTyping();
    m_undoStack->setClean();
}

QList<QPair<RequestDocument::Field, QString>> RequestDocument::problems() const
{
    QList<QPair<Field, QString>> found;
    if (m_request.reference.trimmed().isEmpty()) {
        found.append({Field::Reference,
                      tr("The reference is missing. Type the authority's reference for this "
                         "request, for example 6370952.")});
    }
    if (!m_request.received.isValid()) {
        found.append({Field::Received,
                      tr("The date received is missing. Enter the date the request arrived.")});
    }
    if (m_request.received.isValid()
        && (!m_request.clockEvents.isEmpty() || m_request.responseSent.isValid())) {
        const Result<ClockWorking> working = StatutoryClock().work(m_request);
        if (!working && working.errorKind() == ErrorKind::BadInput)
            found.append({Field::Received, working.errorMessage()});
    }
    if (m_combinedEnabled && m_request.combinedResponse.trimmed().isEmpty()) {
        found.append({Field::CombinedResponse,
                      tr("\"Answer all questions with one combined response\" is ticked but the "
                         "combined response is empty. Type the response, or untick the box to "
                         "answer each question separately.")});
    }
    return found;
}

bool RequestDocument::mergesTyping(Field field)
{
    switch (field) {
    case Field::Reference:
    case Field::Title:
    case Field::Received:
    case Field::Officer:
    case Field::LetterDate:
    case Field::RequesterName:
    case Field::RequesterEmail:
    case Field::RequesterAddress:
    case Field::CombinedResponse:
    case Field::Introduction:
    case Field::NotForPublicationReason:
    case Field::PublishAfter:
        return true;
    case Field::NotForPublication:
    case Field::Regime:
    case Field::Status:
    case Field::Held:
    case Field::RequesterKind:
    case Field::LetterFinal:
    case Field::CombinedEnabled:
        return false;
    }
    return false;
}

bool RequestDocument::mergesTyping(QuestionField field)
{
    switch (field) {
    case QuestionField::Section:
    case QuestionField::Label:
    case QuestionField::Condition:
    case QuestionField::Text:
    case QuestionField::Choices:
    case QuestionField::Answer:
        return true;
    case QuestionField::Disposition:
    case QuestionField::Exemptions:
    case QuestionField::Redactions:
        return false;
    }
    return false;
}

QString RequestDocument::fieldName(Field field)
{
    switch (field) {
    case Field::Reference:
        return tr("reference");
    case Field::Title:
        return tr("title");
    case Field::Regime:
        return tr("regime");
    case Field::Received:
        return tr("date received");
    case Field::Status:
        return tr("status");
    case Field::Held:
        return tr("information held");
    case Field::Officer:
        return tr("assigned officer");
    case Field::LetterDate:
        return tr("letter date");
    case Field::LetterFinal:
        return tr("final letter mark");
    case Field::RequesterName:
        return tr("requester's name");
    case Field::RequesterEmail:
        return tr("requester's email");
    case Field::RequesterAddress:
        return tr("requester's address");
    case Field::RequesterKind:
        return tr("kind of requester");
    case Field::CombinedEnabled:
        return tr("combined response setting");
    case Field::CombinedResponse:
        return tr("combined response");
    case Field::Introduction:
        return tr("introduction");
    case Field::NotForPublication:
        return tr("not for publication mark");
    case Field::NotForPublicationReason:
        return tr("reason not to publish");
    case Field::PublishAfter:
        return tr("publish after date");
    }
    return {};
}

QString RequestDocument::questionFieldName(QuestionField field)
{
    switch (field) {
    case QuestionField::Section:
        return tr("section heading");
    case QuestionField::Label:
        return tr("label");
    case QuestionField::Condition:
        return tr("condition");
    case QuestionField::Text:
        return tr("text");
    case QuestionField::Choices:
        return tr("choices");
    case QuestionField::Answer:
        return tr("answer");
    case QuestionField::Disposition:
        return tr("disposition");
    case QuestionField::Exemptions:
        return tr("exemptions");
    case QuestionField::Redactions:
        return tr("withheld text");
    }
    return {};
}

void RequestDocument::applyValue(Field field, const QVariant &value)
{
    Request &r = m_request;
    switch (field) {
    case Field::Reference:
        r.reference = value.toString();
        break;
    case Field::Title:
        r.title = value.toString();
        break;
    case Field::Regime:
        r.regime = Regime(value.toInt());
        break;
    case Field::Received:
        r.received = value.toDate();
        break;
    case Field::Status:
        r.status = RequestStatus(value.toInt());
        break;
    case Field::Held:
        r.held = Held(value.toInt());
        break;
    case Field::Officer:
        r.officer = value.toString();
        break;
    case Field::LetterDate:
        r.letterDate = value.toDate();
        break;
    case Field::LetterFinal:
        r.letterFinal = value.toBool();
        break;
    case Field::RequesterName:
        r.requester.name = value.toString();
        break;
    case Field::RequesterEmail:
        r.requester.email = value.toString();
        break;
    case Field::RequesterAddress:
        r.requester.address = value.toString();
        break;
    case Field::RequesterKind:
        r.requester.kind = RequesterKind(value.toInt());
        break;
    case Field::CombinedEnabled:
        m_combinedEnabled = value.toBool();
        break;
    case Field::CombinedResponse:
        r.combinedResponse = value.toString();
        break;
    case Field::Introduction:
        r.introduction = value.toString();
        break;
    case Field::NotForPublication:
        r.notForPublication = value.toBool();
        break;
    case Field::NotForPublicationReason:
        r.notForPublicationReason = value.toString();
        break;
    case Field::PublishAfter:
        r.publishAfter = value.toDate();
        break;
    }
    Q_EMIT valueChanged(field);
}

void RequestDocument::applyQuestionValue(int row, QuestionField field, const QVariant &value)
{
    Question &q = m_request.questions[row];
    switch (field) {
    case QuestionField::Section:
        q.section = value.toString();
        break;
    case QuestionField::Label:
        q.label = value.toString();
        break;
    case QuestionField::Condition:
        q.condition = value.toString();
        break;
    case QuestionField::Text:
        q.text = value.toString();
        break;
    case QuestionField::Choices:
        q.choices = value.toStringList();
        break;
    case QuestionField::Answer:
        q.answer = value.toString();
        break;
    case QuestionField::Disposition:
        q.disposition = Disposition(value.toInt());
        break;
    case QuestionField::Exemptions:
        q.exemptions = value.toStringList();
        break;
    case QuestionField::Redactions:
        q.redactions = value.value<QList<Redaction>>();
        break;
    }
    Q_EMIT questionValueChanged(row, field);
}

void RequestDocument::applyAnswer(int row, const QString &answer, const QList<Redaction> &spans)
{
    Question &q = m_request.questions[row];
    const bool spansChanged = q.redactions != spans;
    q.answer = answer;
    q.redactions = spans;
    Q_EMIT questionValueChanged(row, QuestionField::Answer);
    if (spansChanged)
        Q_EMIT questionValueChanged(row, QuestionField::Redactions);
}

void RequestDocument::applyReusedAnswer(int row, const Question &question)
{
    Question &q = m_request.questions[row];
    q.answer = question.answer;
    q.redactions = question.redactions;
    q.disposition = question.disposition;
    q.exemptions = question.exemptions;
    q.reusedFrom = question.reusedFrom;
    Q_EMIT questionValueChanged(row, QuestionField::Answer);
    Q_EMIT questionValueChanged(row, QuestionField::Redactions);
    Q_EMIT questionValueChanged(row, QuestionField::Disposition);
    Q_EMIT questionValueChanged(row, QuestionField::Exemptions);
}

void RequestDocument::applyExemptionReasoning(const QString &code,
                                              const ExemptionReasoning &reasoning)
{
    if (reasoning.isEmpty())
        m_request.exemptionReasons.remove(code);
    else
        m_request.exemptionReasons.insert(code, reasoning);
    Q_EMIT exemptionReasoningChanged(code);
}

Result<void> RequestDocument::pushClock(const QList<ClockEvent> &events,
                                        const QDate &responseSent,
                                        const QString &undoText)
{
    const QList<ClockEvent> ordered = inDateOrder(events);
    if (ordered == m_request.clockEvents && responseSent == m_request.responseSent)
        return {};
    if (!m_request.received.isValid()) {
        return Error(ErrorKind::BadInput,
                     tr("Enter the date the request was received before recording what "
                        "happened to its deadline."));
    }
    Request candidate = m_request;
    candidate.clockEvents = ordered;
    candidate.responseSent = responseSent;
    const Result<ClockWorking> working = StatutoryClock().work(candidate);
    if (!working && working.errorKind() == ErrorKind::BadInput)
        return working.error();
    finishTyping();
    m_undoStack->push(new SetClockEventsCommand(this,
                                                {m_request.clockEvents, m_request.responseSent},
                                                {ordered, responseSent},
                                                undoText));
    return {};
}

Result<void> RequestDocument::addClockEvent(const ClockEvent &event)
{
    QList<ClockEvent> events = m_request.clockEvents;
    events.append(event);
    return pushClock(events,
                     m_request.responseSent,
                     tr("Add %1").arg(clockEventKindDisplayName(event.kind).toLower()));
}

Result<void> RequestDocument::replaceClockEvent(int index, const ClockEvent &event)
{
    if (index < 0 || index >= m_request.clockEvents.size()) {
        return Error(ErrorKind::NotFound,
                     tr("There is no clock event %1 to change; refresh the list of events.")
                         .arg(index + 1));
    }
    QList<ClockEvent> events = m_request.clockEvents;
    events[index] = event;
    return pushClock(events,
                     m_request.responseSent,
                     tr("Change %1").arg(clockEventKindDisplayName(event.kind).toLower()));
}

Result<void> RequestDocument::removeClockEvent(int index)
{
    if (index < 0 || index >= m_request.clockEvents.size()) {
        return Error(ErrorKind::NotFound,
                     tr("There is no clock event %1 to remove; refresh the list of events.")
                         .arg(index + 1));
    }
    QList<ClockEvent> events = m_request.clockEvents;
    const ClockEvent removed = events.takeAt(index);
    return pushClock(events,
                     m_request.responseSent,
                     tr("Remove %1").arg(clockEventKindDisplayName(removed.kind).toLower()));
}

Result<void> RequestDocument::setResponseSent(const QDate &date)
{
    return pushClock(m_request.clockEvents,
                     date,
                     date.isValid() ? tr("Set date response sent") : tr("Clear date response sent"));
}

void RequestDocument::applyClock(const QList<ClockEvent> &events, const QDate &responseSent)
{
    m_request.clockEvents = events;
    m_request.responseSent = responseSent;
    Q_EMIT clockChanged();
}

void RequestDocument::applyInsert(int row, const Question &question)
{
    Q_EMIT questionAboutToBeInserted(row);
    m_request.questions.insert(row, question);
    Q_EMIT questionInserted(row);
}

Question RequestDocument::applyRemove(int row)
{
    Q_EMIT questionAboutToBeRemoved(row);
    Question removed = m_request.questions.takeAt(row);
    Q_EMIT questionRemoved(row);
    return removed;
}

void RequestDocument::applyMove(int from, int to)
{
    Q_EMIT questionAboutToBeMoved(from, to);
    m_request.questions.move(from, to);
    Q_EMIT questionMoved(from, to);
}

} // namespace foidesk
