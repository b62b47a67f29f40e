#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QVariant>

class QUndoStack;

namespace foidesk {

// The request being edited, with its undo history. Every edit made through the set/insert/
// remove/move functions below becomes one command on undoStack(), so the editor, the question
// list and the main window's Undo and Redo all see the same history.
//
// Views subscribe to the fine-grained signals; they never change the request directly.
class RequestDocument : public QObject
{
    Q_OBJECT

public:
    enum class Field
    {
        Reference,
        Title,
        Regime,   // int (Regime)
        Received, // QDate
        Status,   // int (RequestStatus)
        Held,     // int (Held)
        Officer,
        LetterDate, // QDate, invalid for none
        LetterFinal, // bool
        RequesterName,
        RequesterEmail,
        RequesterAddress,
        RequesterKind,    // int (RequesterKind)
        CombinedEnabled,  // bool
        CombinedResponse, // the draft text, kept while the box is unticked
        Introduction,     // the requester's words before the questions
        NotForPublication,       // bool
        NotForPublicationReason, // why the disclosure log leaves it out
        PublishAfter,            // QDate, invalid for none
    };
    Q_ENUM(Field)

    enum class QuestionField
    {
        Section,
        Label,
        Condition,
        Text,
        Choices /* QStringList */,
        Answer, // QString; every change also moves the question's redactions with their text
        Disposition, // int (foidesk::Disposition)
        Exemptions,  // QStringList of codes
        Redactions,  // QList<foidesk::Redaction> (QVariant::fromValue), kept normalized
    };
    Q_ENUM(QuestionField)

    explicit RequestDocument(QObject *parent = nullptr);
    ~RequestDocument() override;

    // Replaces the request being edited; the undo history is cleared and the state is clean.
    void load(const Request &request);

    // The request as it would be stored: reference trimmed, blank choice lines and questions
    // with no content at all left out, and the combined response only when it is switched on.
    Request request() const;

    // Whether a request is being edited (opened from the log, or new): the editor opens and
    // closes it; the letter preview and actions act only on an open one.
    bool isOpen() const { return m_open; }
    void setOpen(bool open);

    qint64 requestId() const { return m_request.id; }
    int revision() const { return m_request.revision; }

    QVariant value(Field field) const;
    int questionCount() const { return int(m_request.questions.size()); }
    const Question &question(int row) const { return m_request.questions.at(row); }
    QVariant questionValue(int row, QuestionField field) const;

    // Edits. Each pushes one command, or nothing when it would change nothing. Typing into the
    // same field of the same question merges into one step until finishTyping() is called.
    // One-line fields (reference, title, officer, requester name and email; a question's
    // section, label and condition) take pasted text with its line breaks and tabs as spaces.
    void setValue(Field field, const QVariant &value);
    void setQuestionValue(int row, QuestionField field, const QVariant &value);
    void insertQuestion(int row, const Question &question = Question());
    // Returns false (and pushes nothing) when row is out of range.
    bool removeQuestion(int row);
    // Moves the question at from so that it ends at index to. Returns false when either index
    // is out of range or they are equal.
    bool moveQuestion(int from, int to);

    // Redaction edits, each one undo step (on top of setQuestionValue(row, Redactions, ...)):
    // withhold [start, start + length) of the answer under exemption (merged and normalized as
    // redaction::added), release that range (redaction::cleared), or change the exemption of
    // the span at index. Return false (and push nothing) when nothing would change or the
    // arguments are out of range.
    bool redact(int row, qsizetype start, qsizetype length, const QString &exemption);
    bool unredact(int row, qsizetype start, qsizetype length);
    bool setRedactionExemption(int row, int spanIndex, const QString &exemption);

    // Copies the answer of source (a question of the earlier request from) into the question at
    // row, as one undo step: the answer with its withheld passages, the disposition, the
    // exemptions, and where it came from. Reasons the earlier request gave for those exemptions
    // (reasons) are copied for each exemption this request has none for yet. Returns false (and
    // pushes nothing) when row is out of range or from names no request.
    bool reuseAnswer(int row,
                     const Question &source,
                     const AnswerSource &from,
                     const QMap<QString, ExemptionReasoning> &reasons = {});

    // The officer's reasoning for one exemption on this request (Request::exemptionReasons);
    // an empty ExemptionReasoning removes the entry. Typing merges like a text field.
    ExemptionReasoning exemptionReasoning(const QString &code) const;
    void setExemptionReasoning(const QString &code, const ExemptionReasoning &reasoning);

    // The statutory clock: the events in date order and the day the response was sent. Each
    // change is one undo step, checked first with calendar/StatutoryClock: BadInput with the
    // clock's sentence (and nothing pushed) when the events would be in an order the law does
    // not allow, or when the request has no date received yet. A shortage of holiday data is
    // not a reason to refuse. Index is into clockEvents().
    const QList<ClockEvent> &clockEvents() const { return m_request.clockEvents; }
    QDate responseSent() const { return m_request.responseSent; }
    Result<void> addClockEvent(const ClockEvent &event);
    Result<void> replaceClockEvent(int index, const ClockEvent &event);
    // Removing may still be refused: taking away a clarification sought leaves the one received
    // unexplained. NotFound when index is out of range.
    Result<void> removeClockEvent(int index);
    Result<void> setResponseSent(const QDate &date);

    // Ends the current typing run: the next edit starts a new undo step even in the same field.
    void finishTyping();
    int typingRun() const { return m_typingRun; }

    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;

    // Records that stored (as returned by the store) is now saved: takes its id, revision and
    // question ids and marks the history clean. The text being edited is left as it is.
    void markSaved(const Request &stored);

    // What must be fixed before the request can be saved, one complete sentence per problem;
    // empty when it can be saved.
    QList<QPair<Field, QString>> problems() const;

    // True for fields edited by typing (text and dates), whose keystrokes merge into one step;
    // choices from a list and ticked boxes are one step each.
    static bool mergesTyping(Field field);
    // The same for question fields: disposition, exemptions and withheld text are one step each.
    static bool mergesTyping(QuestionField field);
    // Translated names for undo texts and messages, in lower case: "reference", "answer".
    static QString fieldName(Field field);
    static QString questionFieldName(QuestionField field);

Q_SIGNALS:
    void openChanged(bool open);
    // Anything the letter shows may have changed: a value, a question, a reasoning, or a whole
    // new request. For views that redraw the whole thing (the letter preview).
    void contentChanged();
    void aboutToReset();
    void reset();
    void valueChanged(foidesk::RequestDocument::Field field);
    void questionValueChanged(int row, foidesk::RequestDocument::QuestionField field);
    void questionAboutToBeInserted(int row);
    void questionInserted(int row);
    void questionAboutToBeRemoved(int row);
    void questionRemoved(int row);
    void questionAboutToBeMoved(int from, int to);
    void questionMoved(int from, int to);
    void modificationChanged(bool modified);
    void exemptionReasoningChanged(const QString &code);
    // The clock events or the response date changed: the due date and its working may have.
    void clockChanged();

    // An undo or redo changed this field or question: views show it to the user.
    void fieldFocusRequested(foidesk::RequestDocument::Field field);
    void questionFocusRequested(int row);
    void questionFieldFocusRequested(int row, foidesk::RequestDocument::QuestionField field);
    void exemptionReasoningFocusRequested(const QString &code);
    void clockFocusRequested();

private:
    friend class SetRequestFieldCommand;
    friend class SetQuestionFieldCommand;
    friend class InsertQuestionCommand;
    friend class RemoveQuestionCommand;
    friend class MoveQuestionCommand;
    friend class SetExemptionReasoningCommand;
    friend class SetClockEventsCommand;
    friend class ReuseAnswerCommand;

    void applyValue(Field field, const QVariant &value);
    void applyQuestionValue(int row, QuestionField field, const QVariant &value);
    // Sets an answer and its spans together, so that no view ever sees one without the other.
    void applyAnswer(int row, const QString &answer, const QList<Redaction> &spans);
    void applyExemptionReasoning(const QString &code, const ExemptionReasoning &reasoning);
    // Replaces the answer side of the question at row (answer, redactions, disposition,
    // exemptions, source) with question's.
    void applyReusedAnswer(int row, const Question &question);
    void applyClock(const QList<ClockEvent> &events, const QDate &responseSent);
    Result<void> pushClock(const QList<ClockEvent> &events,
                           const QDate &responseSent,
                           const QString &undoText);
    bool pushRedactions(int row, const QList<Redaction> &spans, const QString &undoText);
    void applyInsert(int row, const Question &question);
    Question applyRemove(int row);
    void applyMove(int from, int to);

    Request m_request;
    bool m_combinedEnabled = false;
    bool m_open = false;
    QUndoStack *m_undoStack = nullptr;
    int m_typingRun = 0;
    bool m_pushing = false;
};

} // namespace foidesk

// Redactions travel in QVariants (QuestionField::Redactions); QList<Redaction> follows from this.
Q_DECLARE_METATYPE(foidesk::Redaction)
