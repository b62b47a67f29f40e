#include "exchange/RequestFieldReader.h"

#include "exchange/PublicRequestJson.h"

#include "util/JsonFields.h"
#include "calendar/StatutoryClock.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"
#include "redaction/RedactionSpans.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <optional>

namespace foidesk {

namespace {

// The messages belong to the public RequestJson interface, so they keep its translation context.

using TextRule = RequestFieldReader::TextRule;

constexpr TextRule ReferenceRule{64, false};
constexpr TextRule TitleRule{1000, false, true};
constexpr TextRule NameRule{320, false, true};
constexpr TextRule EmailRule{320, false, true};
constexpr TextRule AddressRule{2000, true};
constexpr TextRule OfficerRule{320, false, true};
constexpr TextRule CombinedResponseRule{1000000, true};
constexpr TextRule SectionRule{1000, false, true};
constexpr TextRule LabelRule{64, false, true};
constexpr TextRule ConditionRule{1000, false, true};
constexpr TextRule QuestionTextRule{20000, true};
constexpr TextRule IntroductionRule{20000, true};
constexpr TextRule ChoiceRule{1000, false, true};
constexpr TextRule AnswerRule{1000000, true};
constexpr TextRule ReasoningRule{100000, true};
constexpr TextRule ClockNoteRule{10000, true};
constexpr TextRule PublicationReasonRule{10000, true};
constexpr qsizetype MaxQuestions = 1000;
constexpr qsizetype MaxChoices = 100;
constexpr qsizetype MaxExemptions = 50;
constexpr qsizetype MaxRedactions = 10000;
constexpr qsizetype MaxClockEvents = 1000;

const QStringList &requestKeys()
{
    static const QStringList keys = {
        QStringLiteral("format"),
        QStringLiteral("reference"),
        QStringLiteral("regime"),
        QStringLiteral("title"),
        QStringLiteral("received"),
        QStringLiteral("requester"),
        QStringLiteral("officer"),
        QStringLiteral("status"),
        QStringLiteral("held"),
        QStringLiteral("combined_response"),
        QStringLiteral("introduction"),
        QStringLiteral("questions"),
        QStringLiteral("exemption_reasons"),
        QStringLiteral("clock_events"),
        QStringLiteral("letter_date"),
        QStringLiteral("letter_final"),
        QStringLiteral("response_sent"),
        QStringLiteral("not_for_publication"),
        QStringLiteral("not_for_publication_reason"),
        QStringLiteral("publish_after"),
    };
    return keys;
}

const QStringList &requesterKeys()
{
    static const QStringList keys = {
        QStringLiteral("name"),
        QStringLiteral("email"),
        QStringLiteral("address"),
        QStringLiteral("kind"),
    };
    return keys;
}

const QStringList &questionKeys()
{
    static const QStringList keys = {
        QStringLiteral("section"),
        QStringLiteral("label"),
        QStringLiteral("condition"),
        QStringLiteral("text"),
        QStringLiteral("choices"),
        QStringLiteral("answer"),
        QStringLiteral("disposition"),
        QStringLiteral("exemptions"),
        QStringLiteral("redactions"),
        QStringLiteral("reused_from"),
    };
    return keys;
}

const QStringList &sourceKeys()
{
    static const QStringList keys = {
        QStringLiteral("reference"),
        QStringLiteral("question"),
        QStringLiteral("answered"),
    };
    return keys;
}

const QStringList &redactionKeys()
{
    static const QStringList keys = {
        QStringLiteral("text"),
        QStringLiteral("exemption"),
    };
    return keys;
}

const QStringList &clockEventKeys()
{
    static const QStringList keys = {
        QStringLiteral("kind"),
        QStringLiteral("date"),
        QStringLiteral("note"),
        QStringLiteral("estimated_date"),
        QStringLiteral("result"),
    };
    return keys;
}

const QStringList &reasonKeys()
{
    static const QStringList keys = {
        QStringLiteral("reasoning"),
        QStringLiteral("public_interest"),
    };
    return keys;
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

Result<Request> RequestFieldReader::read(const QJsonObject &root)
{
    RequestFieldReader reader;
    Request request;
    if (!reader.readRequest(root, &request))
        return Error(reader.m_errorKind, reader.m_error);
    return request;
}

bool RequestFieldReader::checkFormat(const QJsonObject &root)
{
    const QString formatTag = QString::fromLatin1(RequestJson::FormatTag);
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (isAbsent(format)) {
        return fail(QStringLiteral("format"),
                    RequestJson::tr("is missing; a FOI Desk request file starts with \"format\": %1.")
                        .arg(JsonFields::quote(formatTag)));
    }
    if (!format.isString() || format.toString() != formatTag) {
        QString what = RequestJson::tr("expected %1, found %2.")
                           .arg(JsonFields::quote(formatTag),
                                format.isString() ? JsonFields::quote(format.toString())
                                                  : JsonFields::describe(format));
        const QString prefix = QStringLiteral("foidesk.request/");
        bool numbered = false;
        const int version = format.toString().startsWith(prefix)
                                ? format.toString().mid(prefix.size()).toInt(&numbered)
                                : 0;
        if (numbered && version > 1)
            what += RequestJson::tr(" The file was written by a newer version of FOI Desk; import it there.");
        return fail(QStringLiteral("format"), what);
    }
    return true;
}

bool RequestFieldReader::readRequest(const QJsonObject &root, Request *request)
{
    if (!checkFormat(root))
        return false;
    // A public export has lost its requester and its withheld passages; importing it over the
    // real request would throw them away.
    if (PublicRequestJson::isPublicExport(root))
        return fail(QStringLiteral("public"), PublicRequestJson::importRefusal());
    if (!checkKeys(root, QString(), requestKeys(), RequestJson::tr("a request")))
        return false;

    Request r;
    if (!readString(
            root, QString(), QStringLiteral("reference"), ReferenceRule, &r.reference, true))
        return false;
    r.reference = r.reference.trimmed();
    if (r.reference.isEmpty()) {
        return fail(QStringLiteral("reference"),
                    RequestJson::tr("is empty; every request needs a reference (for example \"6370952\")."));
    }
    if (!readCode(root, QStringLiteral("regime"), regimeFromCode, validRegimeCodes(), &r.regime))
        return false;
    m_regime = r.regime;
    if (!readString(root, QString(), QStringLiteral("title"), TitleRule, &r.title))
        return false;
    if (!readDate(root, QString(), QStringLiteral("received"), &r.received, true))
        return false;
    if (!readRequester(root, &r.requester))
        return false;
    if (!readString(root, QString(), QStringLiteral("officer"), OfficerRule, &r.officer))
        return false;
    if (!readCode(root, QStringLiteral("status"), statusFromCodeOrOld, validStatusCodes(), &r.status))
        return false;
    if (!readCode(root, QStringLiteral("held"), heldFromCode, validHeldCodes(), &r.held))
        return false;
    if (!readString(root,
                    QString(),
                    QStringLiteral("combined_response"),
                    CombinedResponseRule,
                    &r.combinedResponse))
        return false;
    if (!readString(root, QString(), QStringLiteral("introduction"), IntroductionRule, &r.introduction))
        return false;
    if (!readQuestions(root, &r.questions))
        return false;

    if (!readExemptionReasons(root, &r.exemptionReasons))
        return false;
    if (!readClockEvents(root, &r.clockEvents))
        return false;
    if (!readDate(root, QString(), QStringLiteral("letter_date"), &r.letterDate))
        return false;
    if (!readBool(root, QStringLiteral("letter_final"), &r.letterFinal))
        return false;
    if (!readDate(root, QString(), QStringLiteral("response_sent"), &r.responseSent))
        return false;
    if (!readBool(root, QStringLiteral("not_for_publication"), &r.notForPublication))
        return false;
    if (!readString(root,
                    QString(),
                    QStringLiteral("not_for_publication_reason"),
                    PublicationReasonRule,
                    &r.notForPublicationReason))
        return false;
    if (!readDate(root, QString(), QStringLiteral("publish_after"), &r.publishAfter))
        return false;
    // The events must make sense together, as the store would insist when saving them.
    if (r.received.isValid() && (!r.clockEvents.isEmpty() || r.responseSent.isValid())) {
        const Result<ClockWorking> working = StatutoryClock().work(r);
        if (!working && working.errorKind() == ErrorKind::BadInput)
            return fail(QStringLiteral("clock_events"), working.errorMessage());
    }
    r.clockEvents = inDateOrder(r.clockEvents);

    *request = r;
    return true;
}

bool RequestFieldReader::checkKeys(const QJsonObject &object,
                                   const QString &prefix,
                                   const QStringList &known,
                                   const QString &owner)
{
    if (const std::optional<Error> unknown = JsonFields::unknownKey(object, prefix, known, owner)) {
        m_error = unknown->message;
        return false;
    }
    return true;
}

bool RequestFieldReader::checkText(const QString &path, const QString &text, const TextRule &rule)
{
    if (text.size() > rule.maxLength) {
        return fail(
            path,
            RequestJson::tr("is %1 characters long; the limit is %2 characters.")
                .arg(JsonFields::number(text.size()), JsonFields::number(rule.maxLength)));
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate()) {
            return fail(path,
                        RequestJson::tr("contains half of a surrogate pair (U+%1) at character %2, which is "
                           "not a character; fix the \\u escape in the file.")
                            .arg(QString::number(u, 16).toUpper(), JsonFields::number(i + 1)));
        }
        const bool lineBreakOrTab = u == '\n' || u == '\r' || u == '\t';
        if (u < 0x20 || u == 0x7F) {
            if (lineBreakOrTab && rule.multiLine)
                continue;
            if (lineBreakOrTab) {
                return fail(path,
                            RequestJson::tr("contains a line break or tab at character %1; this field must "
                               "be a single line.")
                                .arg(JsonFields::number(i + 1)));
            }
            return fail(
                path,
                RequestJson::tr("contains the control character U+%1 at character %2; remove it.")
                    .arg(QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')),
                         JsonFields::number(i + 1)));
        }
    }
    return true;
}

bool RequestFieldReader::readString(const QJsonObject &object,
                                    const QString &prefix,
                                    const QString &key,
                                    const TextRule &rule,
                                    QString *out,
                                    bool required)
{
    const QString path = JsonFields::path(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value)) {
        if (required)
            return fail(path, RequestJson::tr("is required but missing."));
        out->clear();
        return true;
    }
    if (!value.isString())
        return fail(path, RequestJson::tr("expected a string, found %1.").arg(JsonFields::describe(value)));
    const QString text = rule.foldsBreaks ? singleLine(value.toString()) : value.toString();
    if (!checkText(path, text, rule))
        return false;
    *out = text;
    return true;
}

bool RequestFieldReader::readBool(const QJsonObject &object, const QString &key, bool *out)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value)) {
        *out = false;
        return true;
    }
    if (!value.isBool()) {
        return fail(key,
                    RequestJson::tr("expected true or false, found %1.").arg(JsonFields::describe(value)));
    }
    *out = value.toBool();
    return true;
}

bool RequestFieldReader::readDate(
    const QJsonObject &object, const QString &prefix, const QString &key, QDate *out, bool required)
{
    const QString path = JsonFields::path(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value) || (!required && value.toString() == QString() && value.isString())) {
        if (required)
            return fail(path, RequestJson::tr("is required but missing (expected a date as YYYY-MM-DD)."));
        *out = QDate();
        return true;
    }
    if (!value.isString()) {
        return fail(path,
                    RequestJson::tr("expected a date as a string \"YYYY-MM-DD\", found %1.")
                        .arg(JsonFields::describe(value)));
    }
    const QString text = value.toString();
    // [0-9], not \d: \d would also match Arabic-Indic and other digits.
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return fail(path,
                    RequestJson::tr("%1 is not a date in the form YYYY-MM-DD (for example \"2021-02-03\").")
                        .arg(JsonFields::quote(text)));
    }
    const int year = match.captured(1).toInt();
    const QDate date(year, match.captured(2).toInt(), match.captured(3).toInt());
    if (!date.isValid()) {
        return fail(
            path,
            RequestJson::tr("%1 is not a real date (expected YYYY-MM-DD).").arg(JsonFields::quote(text)));
    }
    if (year < 1900 || year > 2999) {
        return fail(path,
                    RequestJson::tr("%1 is outside the years 1900 to 2999; check the year.")
                        .arg(JsonFields::quote(text)));
    }
    *out = date;
    return true;
}

template <typename Enum, typename FromCode>
bool RequestFieldReader::readCode(const QJsonObject &object,
                                  const QString &key,
                                  FromCode fromCode,
                                  const QString &validCodes,
                                  Enum *out,
                                  const QString &prefix)
{
    const QString path = JsonFields::path(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return true; // the caller's default stands
    if (!value.isString()) {
        return fail(path,
                    RequestJson::tr("expected one of %1 as a string, found %2.")
                        .arg(validCodes, JsonFields::describe(value)));
    }
    const std::optional<Enum> parsed = fromCode(value.toString());
    if (!parsed)
        return fail(
            path,
            RequestJson::tr("%1 is not one of %2.").arg(JsonFields::quote(value.toString()), validCodes));
    *out = *parsed;
    return true;
}

bool RequestFieldReader::readClockEvents(const QJsonObject &root, QList<ClockEvent> *events)
{
    const QString path = QStringLiteral("clock_events");
    const QJsonValue value = root.value(path);
    events->clear();
    if (isAbsent(value))
        return true;
    if (!value.isArray()) {
        return fail(path,
                    RequestJson::tr("expected an array, found %1.")
                        .arg(JsonFields::describe(value)));
    }
    const QJsonArray array = value.toArray();
    if (array.size() > MaxClockEvents) {
        return fail(path,
                    RequestJson::tr("has %1 events; the limit is %2.")
                        .arg(JsonFields::number(array.size()), JsonFields::number(MaxClockEvents)));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = path + QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject()) {
            return fail(where,
                        RequestJson::tr("expected an object with a kind and a date, found %1.")
                            .arg(JsonFields::describe(array.at(i))));
        }
        const QJsonObject object = array.at(i).toObject();
        if (!checkKeys(object, where, clockEventKeys(), RequestJson::tr("a clock event")))
            return false;
        ClockEvent event;
        const QString kindPath = JsonFields::path(where, QStringLiteral("kind"));
        if (isAbsent(object.value(QStringLiteral("kind")))) {
            return fail(kindPath,
                        RequestJson::tr("is required but missing (expected one of %1).")
                            .arg(validClockEventKindCodes()));
        }
        if (!readCode(object,
                      QStringLiteral("kind"),
                      clockEventKindFromCode,
                      validClockEventKindCodes(),
                      &event.kind,
                      where))
            return false;
        if (!readDate(object, where, QStringLiteral("date"), &event.date, true))
            return false;
        if (!readString(object, where, QStringLiteral("note"), ClockNoteRule, &event.note))
            return false;
        if (!readDate(object, where, QStringLiteral("estimated_date"), &event.estimatedDate))
            return false;
        const bool extension = event.kind == ClockEventKind::PublicInterestExtension;
        if (extension && !event.estimatedDate.isValid()) {
            return fail(JsonFields::path(where, QStringLiteral("estimated_date")),
                        RequestJson::tr("is required for a pi_extension: the date the requester "
                                        "was told to expect a decision."));
        }
        if (!extension && event.estimatedDate.isValid()) {
            return fail(JsonFields::path(where, QStringLiteral("estimated_date")),
                        RequestJson::tr("only a pi_extension has an estimated date; remove it "
                                        "from this %1 event.")
                            .arg(clockEventKindCode(event.kind)));
        }
        ReviewResult result = ReviewResult::Upheld;
        const QString resultKey = QStringLiteral("result");
        if (!isAbsent(object.value(resultKey))) {
            if (!readCode(object,
                          resultKey,
                          reviewResultFromCode,
                          validReviewResultCodes(),
                          &result,
                          where))
                return false;
            if (event.kind != ClockEventKind::InternalReviewOutcome) {
                return fail(JsonFields::path(where, resultKey),
                            RequestJson::tr("only an internal_review_outcome has a result; "
                                            "remove it from this %1 event.")
                                .arg(clockEventKindCode(event.kind)));
            }
            event.reviewResult = result;
        }
        events->append(event);
    }
    return true;
}

bool RequestFieldReader::readRequester(const QJsonObject &root, Requester *requester)
{
    const QString prefix = QStringLiteral("requester");
    const QJsonValue value = root.value(prefix);
    *requester = Requester();
    if (isAbsent(value))
        return true;
    if (!value.isObject())
        return fail(prefix,
                    RequestJson::tr("expected an object, found %1.").arg(JsonFields::describe(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, prefix, requesterKeys(), RequestJson::tr("a requester")))
        return false;
    if (!readString(object, prefix, QStringLiteral("name"), NameRule, &requester->name))
        return false;
    if (!readString(object, prefix, QStringLiteral("email"), EmailRule, &requester->email))
        return false;
    if (!requester->email.isEmpty()) {
        const qsizetype at = requester->email.indexOf(QLatin1Char('@'));
        const bool hasSpace = requester->email.contains(QLatin1Char(' '))
                              || requester->email.contains(QLatin1Char('\t'));
        if (at <= 0 || at == requester->email.size() - 1 || hasSpace) {
            return fail(JsonFields::path(prefix, QStringLiteral("email")),
                        RequestJson::tr("%1 is not an email address (expected name@domain).")
                            .arg(JsonFields::quote(requester->email)));
        }
    }
    if (!readString(object, prefix, QStringLiteral("address"), AddressRule, &requester->address))
        return false;
    return readCode(object,
                    QStringLiteral("kind"),
                    requesterKindFromCode,
                    validRequesterKindCodes(),
                    &requester->kind,
                    prefix);
}

bool RequestFieldReader::readQuestion(const QJsonValue &value,
                                      const QString &path,
                                      Question *question)
{
    if (!value.isObject())
        return fail(
            path,
            RequestJson::tr("expected an object (a question), found %1.").arg(JsonFields::describe(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, path, questionKeys(), RequestJson::tr("a question")))
        return false;
    if (!readString(object, path, QStringLiteral("section"), SectionRule, &question->section))
        return false;
    if (!readString(object, path, QStringLiteral("label"), LabelRule, &question->label))
        return false;
    if (!readString(object, path, QStringLiteral("condition"), ConditionRule, &question->condition))
        return false;
    if (!readString(object, path, QStringLiteral("text"), QuestionTextRule, &question->text, true))
        return false;

    if (!readChoices(object, path, &question->choices))
        return false;
    if (!readString(object, path, QStringLiteral("answer"), AnswerRule, &question->answer))
        return false;
    if (!readDisposition(object, path, &question->disposition))
        return false;
    if (!readExemptions(object, path, &question->exemptions))
        return false;
    if (!readSource(object, path, &question->reusedFrom))
        return false;
    return readRedactions(object, path, question->answer, &question->redactions);
}

bool RequestFieldReader::readSource(const QJsonObject &object,
                                    const QString &path,
                                    AnswerSource *source)
{
    const QString sourcePath = JsonFields::path(path, QStringLiteral("reused_from"));
    const QJsonValue value = object.value(QStringLiteral("reused_from"));
    if (isAbsent(value))
        return true;
    if (!value.isObject()) {
        return fail(sourcePath,
                    RequestJson::tr("expected an object naming the request the answer was "
                                    "copied from, found %1.")
                        .arg(JsonFields::describe(value)));
    }
    const QJsonObject from = value.toObject();
    if (!checkKeys(from, sourcePath, sourceKeys(), RequestJson::tr("the source of an answer")))
        return false;
    return readString(from, sourcePath, QStringLiteral("reference"), ReferenceRule,
                      &source->reference, true)
           && readString(from, sourcePath, QStringLiteral("question"), LabelRule,
                         &source->question)
           && readDate(from, sourcePath, QStringLiteral("answered"), &source->answered);
}

bool RequestFieldReader::readChoices(const QJsonObject &object,
                                     const QString &path,
                                     QStringList *choices)
{
    const QString choicesPath = JsonFields::path(path, QStringLiteral("choices"));
    const QJsonValue value = object.value(QStringLiteral("choices"));
    if (isAbsent(value))
        return true;
    if (!value.isArray())
        return fail(
            choicesPath,
            RequestJson::tr("expected an array of strings, found %1.").arg(JsonFields::describe(value)));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxChoices) {
        return fail(
            choicesPath,
            RequestJson::tr("has %1 choices; the limit is %2.")
                .arg(JsonFields::number(array.size()), JsonFields::number(MaxChoices)));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = choicesPath + QStringLiteral("[%1]").arg(i);
        const QJsonValue item = array.at(i);
        if (!item.isString())
            return fail(itemPath,
                        RequestJson::tr("expected a string, found %1.").arg(JsonFields::describe(item)));
        if (!checkText(itemPath, item.toString(), ChoiceRule))
            return false;
        choices->append(item.toString());
    }
    return true;
}

// "" is read as answered, as files written for earlier versions may give it.
bool RequestFieldReader::readDisposition(const QJsonObject &object,
                                         const QString &path,
                                         Disposition *out)
{
    const QString key = QStringLiteral("disposition");
    const QJsonValue value = object.value(key);
    if (value.isString() && value.toString().isEmpty()) {
        *out = Disposition::Answered;
        return true;
    }
    return readCode(object, key, dispositionFromCode, validDispositionCodes(), out, path);
}

const ExemptionCatalogue *RequestFieldReader::catalogue()
{
    if (!m_catalogue) {
        Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
        if (!shipped) {
            m_errorKind = shipped.errorKind();
            m_error = shipped.errorMessage();
            return nullptr;
        }
        m_catalogue = std::move(shipped).value();
    }
    return &*m_catalogue;
}

// One exemption code as a person may have typed it ("section 40(2)"), made canonical
// ("s40(2)"). Only the shipped catalogue's codes for the request's regime are accepted: an
// authority's local exemptions live in its profile, which a file is imported without.
bool RequestFieldReader::readExemptionCode(const QString &path,
                                           const QJsonValue &value,
                                           QString *code)
{
    if (!value.isString()) {
        return fail(path,
                    RequestJson::tr("expected an exemption code as a string (for example \"s40(2)\"), "
                       "found %1.")
                        .arg(JsonFields::describe(value)));
    }
    const QString typed = value.toString();
    if (typed.trimmed().isEmpty()) {
        return fail(path, RequestJson::tr("is empty; give an exemption code such as \"s40(2)\" or \"reg13\"."));
    }
    const ExemptionCatalogue *exemptions = catalogue();
    if (!exemptions)
        return false;
    const std::optional<QString> canonical = exemptions->canonicalCode(m_regime, typed);
    if (!canonical)
        return fail(path, exemptions->unknownCodeMessage(m_regime, typed));
    *code = *canonical;
    return true;
}

bool RequestFieldReader::readExemptions(const QJsonObject &object,
                                        const QString &path,
                                        QStringList *codes)
{
    const QString listPath = JsonFields::path(path, QStringLiteral("exemptions"));
    const QJsonValue value = object.value(QStringLiteral("exemptions"));
    codes->clear();
    if (isAbsent(value))
        return true;
    if (!value.isArray()) {
        return fail(listPath,
                    RequestJson::tr("expected an array of exemption codes, found %1.")
                        .arg(JsonFields::describe(value)));
    }
    const QJsonArray array = value.toArray();
    if (array.size() > MaxExemptions) {
        return fail(
            listPath,
            RequestJson::tr("has %1 exemptions; the limit is %2.")
                .arg(JsonFields::number(array.size()), JsonFields::number(MaxExemptions)));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString code;
        if (!readExemptionCode(listPath + QStringLiteral("[%1]").arg(i), array.at(i), &code))
            return false;
        // "s40(2)" and "section 40(2)" in one list name the same exemption once.
        if (!codes->contains(code))
            codes->append(code);
    }
    return true;
}

// Each {text, exemption} withholds every occurrence of its text in the answer. A text that is
// not in the answer is refused: ignoring it could publish what the file meant to withhold.
bool RequestFieldReader::readRedactions(const QJsonObject &object,
                                        const QString &path,
                                        const QString &answer,
                                        QList<Redaction> *redactions)
{
    const QString listPath = JsonFields::path(path, QStringLiteral("redactions"));
    const QJsonValue value = object.value(QStringLiteral("redactions"));
    redactions->clear();
    if (isAbsent(value))
        return true;
    if (!value.isArray()) {
        return fail(listPath,
                    RequestJson::tr("expected an array of {\"text\", \"exemption\"} objects, found %1.")
                        .arg(JsonFields::describe(value)));
    }
    const QJsonArray array = value.toArray();
    if (array.size() > MaxRedactions) {
        return fail(
            listPath,
            RequestJson::tr("has %1 redactions; the limit is %2.")
                .arg(JsonFields::number(array.size()), JsonFields::number(MaxRedactions)));
    }
    QList<Redaction> spans;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = listPath + QStringLiteral("[%1]").arg(i);
        const QJsonValue item = array.at(i);
        if (!item.isObject()) {
            return fail(itemPath,
                        RequestJson::tr("expected an object {\"text\", \"exemption\"}, found %1.")
                            .arg(JsonFields::describe(item)));
        }
        const QJsonObject redaction = item.toObject();
        if (!checkKeys(redaction, itemPath, redactionKeys(), RequestJson::tr("a redaction")))
            return false;
        QString text;
        if (!readString(redaction, itemPath, QStringLiteral("text"), AnswerRule, &text, true))
            return false;
        const QString textPath = JsonFields::path(itemPath, QStringLiteral("text"));
        if (text.isEmpty()) {
            return fail(textPath, RequestJson::tr("is empty; give the exact text of the answer to withhold."));
        }
        const QString exemptionPath = JsonFields::path(itemPath, QStringLiteral("exemption"));
        const QJsonValue exemption = redaction.value(QStringLiteral("exemption"));
        if (isAbsent(exemption)) {
            return fail(exemptionPath,
                        RequestJson::tr("is required but missing; give the exemption the text is withheld "
                           "under, such as \"s40(2)\"."));
        }
        QString code;
        if (!readExemptionCode(exemptionPath, exemption, &code))
            return false;
        const QList<Redaction> found = redaction::spansForText(answer, text, code);
        if (found.isEmpty()) {
            return fail(textPath,
                        RequestJson::tr("%1 does not appear in this question's answer, so it cannot be "
                           "withheld there and the file was not imported. The text must match "
                           "the answer exactly, including capitals, spaces and punctuation.")
                            .arg(JsonFields::quote(text)));
        }
        spans.append(found);
    }
    // Overlapping texts are merged; where two exemptions claim the same characters the later
    // redaction in the file wins, as it does when an officer redacts over a redaction.
    *redactions = redaction::normalized(spans, answer.size());
    return true;
}

bool RequestFieldReader::readReasoningText(const QJsonValue &value,
                                           const QString &path,
                                           QString *out)
{
    if (isAbsent(value)) {
        out->clear();
        return true;
    }
    if (!value.isString())
        return fail(path, RequestJson::tr("expected a string, found %1.").arg(JsonFields::describe(value)));
    if (!checkText(path, value.toString(), ReasoningRule))
        return false;
    *out = value.toString();
    return true;
}

// exemption_reasons: code -> "reasoning", or code -> {"reasoning", "public_interest"}. The codes
// may be typed as people write them; two keys naming the same exemption are refused, since one
// of the two texts would otherwise be lost.
bool RequestFieldReader::readExemptionReasons(const QJsonObject &root,
                                              QMap<QString, ExemptionReasoning> *out)
{
    const QString path = QStringLiteral("exemption_reasons");
    const QJsonValue value = root.value(path);
    out->clear();
    if (isAbsent(value))
        return true;
    if (!value.isObject())
        return fail(path, RequestJson::tr("expected an object, found %1.").arg(JsonFields::describe(value)));
    const QJsonObject reasons = value.toObject();
    QMap<QString, QString> typedAs;
    for (auto it = reasons.begin(); it != reasons.end(); ++it) {
        const QString entryPath =
            path + QStringLiteral("[") + JsonFields::quote(it.key()) + QStringLiteral("]");
        QString code;
        if (!readExemptionCode(entryPath, QJsonValue(it.key()), &code))
            return false;
        if (typedAs.contains(code)) {
            return fail(entryPath,
                        RequestJson::tr("names the same exemption (%1) as %2; give its reasoning once.")
                            .arg(code, JsonFields::quote(typedAs.value(code))));
        }
        typedAs.insert(code, it.key());
        ExemptionReasoning reasoning;
        const QJsonValue entry = it.value();
        if (entry.isString() || entry.isNull()) {
            if (!readReasoningText(entry, entryPath, &reasoning.reasoning))
                return false;
        } else if (entry.isObject()) {
            const QJsonObject object = entry.toObject();
            if (!checkKeys(object, entryPath, reasonKeys(), RequestJson::tr("an exemption reason")))
                return false;
            if (!readReasoningText(object.value(QStringLiteral("reasoning")),
                                   JsonFields::path(entryPath, QStringLiteral("reasoning")),
                                   &reasoning.reasoning))
                return false;
            if (!readReasoningText(object.value(QStringLiteral("public_interest")),
                                   JsonFields::path(entryPath, QStringLiteral("public_interest")),
                                   &reasoning.publicInterest))
                return false;
        } else {
            return fail(entryPath,
                        RequestJson::tr("expected the reasoning as a string, or an object with "
                           "\"reasoning\" and \"public_interest\", found %1.")
                            .arg(JsonFields::describe(entry)));
        }
        out->insert(code, reasoning);
    }
    return true;
}

bool RequestFieldReader::readQuestions(const QJsonObject &root, QList<Question> *questions)
{
    const QString path = QStringLiteral("questions");
    const QJsonValue value = root.value(path);
    questions->clear();
    if (isAbsent(value))
        return true;
    if (!value.isArray())
        return fail(
            path,
            RequestJson::tr("expected an array of questions, found %1.").arg(JsonFields::describe(value)));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxQuestions) {
        return fail(
            path,
            RequestJson::tr("has %1 questions; the limit is %2.")
                .arg(JsonFields::number(array.size()), JsonFields::number(MaxQuestions)));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        Question question;
        if (!readQuestion(array.at(i), path + QStringLiteral("[%1]").arg(i), &question))
            return false;
        questions->append(question);
    }
    return true;
}

} // namespace foidesk
