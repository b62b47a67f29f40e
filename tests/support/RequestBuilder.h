#pragma once

// Requests and questions for tests, built in one place: each suite says only what matters to
// it ("a request with this answer under the EIR") and takes the rest as given here.

#include "model/Request.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace foidesk::test {

// A question as the letters of the reference set shape them: section, label, text, answer,
// and an optional condition ("If yes:") and choices.
inline Question makeQuestion(const QString &section,
                             const QString &label,
                             const QString &text,
                             const QString &answer,
                             const QString &condition = {},
                             const QStringList &choices = {})
{
    Question question;
    question.section = section;
    question.label = label;
    question.condition = condition;
    question.text = text;
    question.choices = choices;
    question.answer = answer;
    return question;
}

// A request with a reference, a date received and whatever else the test sets.
class RequestBuilder
{
public:
    explicit RequestBuilder(const QString &reference, const QDate &received = QDate(2024, 3, 4))
    {
        m_request.reference = reference;
        m_request.received = received;
    }

    RequestBuilder &title(const QString &title)
    {
        m_request.title = title;
        return *this;
    }
    RequestBuilder &regime(Regime regime)
    {
        m_request.regime = regime;
        return *this;
    }
    RequestBuilder &requester(const QString &name)
    {
        m_request.requester.name = name;
        return *this;
    }
    RequestBuilder &officer(const QString &officer)
    {
        m_request.officer = officer;
        return *this;
    }
    RequestBuilder &held(Held held)
    {
        m_request.held = held;
        return *this;
    }
    RequestBuilder &letterDate(const QDate &date)
    {
        m_request.letterDate = date;
        return *this;
    }
    // Appends a question with this text and answer.
    RequestBuilder &question(const QString &text, const QString &answer = {})
    {
        Question question;
        question.text = text;
        question.answer = answer;
        m_request.questions.append(question);
        return *this;
    }
    RequestBuilder &question(const Question &question)
    {
        m_request.questions.append(question);
        return *this;
    }
    // Sets the label of the question added last.
    RequestBuilder &label(const QString &label)
    {
        m_request.questions.last().label = label;
        return *this;
    }

    Request build() const { return m_request; }
    operator Request() const { return m_request; } // NOLINT: a builder reads as its result

private:
    Request m_request;
};

} // namespace foidesk::test
