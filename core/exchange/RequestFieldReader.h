#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace foidesk {

// Turns the JSON object of one exchange-format request into a Request, field by field. Kept
// apart from the reading of the file so that the rules for each field (types, codes, dates,
// lengths, fields this version cannot store) can be read in one place. Fields are checked in
// documented order and reading stops at the first problem, so the first problem in the file is
// the one reported.
class RequestFieldReader
{
public:
    // What a text field may hold. Limits are in characters (UTF-16 code units, as Qt counts
    // them).
    struct TextRule
    {
        qsizetype maxLength;
        bool multiLine;
        // A one-line field whose line breaks and tabs become spaces (model/Request.h,
        // singleLine()), as when text is pasted into it. Without it a one-line field refuses
        // them: the reference does, since a reference with a hidden character would not be
        // found when someone types it.
        bool foldsBreaks = false;
    };

    // The request the object describes (id and revision 0), or BadInput with a message
    // "<field>: <what is wrong>" naming the first field that is wrong. Exemption codes are
    // checked against the shipped catalogue (Internal when it cannot be loaded) and come back
    // canonical; redactions come back as spans over every occurrence of their text.
    static Result<Request> read(const QJsonObject &root);

private:
    RequestFieldReader() = default;

    bool readRequest(const QJsonObject &root, Request *request);
    bool fail(const QString &path, const QString &what)
    {
        m_error = path + QStringLiteral(": ") + what;
        return false;
    }

    bool checkFormat(const QJsonObject &root);
    bool checkKeys(const QJsonObject &object,
                   const QString &prefix,
                   const QStringList &known,
                   const QString &owner);
    bool checkText(const QString &path, const QString &text, const TextRule &rule);
    bool readString(const QJsonObject &object,
                    const QString &prefix,
                    const QString &key,
                    const TextRule &rule,
                    QString *out,
                    bool required = false);
    bool readDate(const QJsonObject &object,
                  const QString &prefix,
                  const QString &key,
                  QDate *out,
                  bool required = false);
    bool readBool(const QJsonObject &object, const QString &key, bool *out);
    template <typename Enum, typename FromCode>
    bool readCode(const QJsonObject &object,
                  const QString &key,
                  FromCode fromCode,
                  const QString &validCodes,
                  Enum *out,
                  const QString &prefix = QString());
    bool readRequester(const QJsonObject &root, Requester *requester);
    bool readQuestions(const QJsonObject &root, QList<Question> *questions);
    bool readQuestion(const QJsonValue &value, const QString &path, Question *question);
    bool readChoices(const QJsonObject &object, const QString &path, QStringList *choices);
    bool readSource(const QJsonObject &object, const QString &path, AnswerSource *source);
    bool readDisposition(const QJsonObject &object, const QString &path, Disposition *out);
    bool readExemptionCode(const QString &path, const QJsonValue &value, QString *code);
    bool readExemptions(const QJsonObject &object, const QString &path, QStringList *codes);
    bool readRedactions(const QJsonObject &object,
                        const QString &path,
                        const QString &answer,
                        QList<Redaction> *redactions);
    bool readExemptionReasons(const QJsonObject &root, QMap<QString, ExemptionReasoning> *out);
    bool readReasoningText(const QJsonValue &value, const QString &path, QString *out);
    const ExemptionCatalogue *catalogue();
    bool readClockEvents(const QJsonObject &root, QList<ClockEvent> *events);

    QString m_error;
    ErrorKind m_errorKind = ErrorKind::BadInput;
    // The regime read so far: exemption codes are valid or not for it.
    Regime m_regime = Regime::FOIA;
    // Loaded at the first exemption code, so files without any do not pay for it.
    std::optional<ExemptionCatalogue> m_catalogue;
};

} // namespace foidesk
