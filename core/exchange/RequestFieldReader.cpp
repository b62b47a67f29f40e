#include "exchange/RequestFieldReader.h"

#include "exchange/JsonValueText.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <optional>

namespace foidesk {

namespace {

// The messages belong to the public RequestJson interface, so they keep its translation context.
QString tr(const char *text)
{
    return QCoreApplication::translate("foidesk::RequestJson", text);
}

using TextRule = RequestFieldReader::TextRule;

constexpr TextRule ReferenceRule{64, false};
constexpr TextRule TitleRule{1000, false};
constexpr TextRule NameRule{320, false};
constexpr TextRule EmailRule{320, false};
constexpr TextRule AddressRule{2000, true};
constexpr TextRule OfficerRule{320, false};
constexpr TextRule CombinedResponseRule{1000000, true};
constexpr TextRule SectionRule{1000, false};
constexpr TextRule LabelRule{64, false};
constexpr TextRule ConditionRule{1000, false};
constexpr TextRule QuestionTextRule{20000, true};
constexpr TextRule ChoiceRule{1000, false};
constexpr TextRule AnswerRule{1000000, true};
constexpr qsizetype MaxQuestions = 1000;
constexpr qsizetype MaxChoices = 100;

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
        QStringLiteral("questions"),
        QStringLiteral("exemption_reasons"),
        QStringLiteral("clock_events"),
        QStringLiteral("letter_date"),
        QStringLiteral("letter_final"),
        QStringLiteral("response_sent"),
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
    };
    return keys;
}

bool isExtensionKey(const QString &key)
{
    return key.startsWith(QLatin1String("x-")) || key.startsWith(QLatin1String("x_"));
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
        return Error(ErrorKind::BadInput, reader.m_error);
    return request;
}

bool RequestFieldReader::checkFormat(const QJsonObject &root)
{
    const QString formatTag = QString::fromLatin1(RequestJson::FormatTag);
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (isAbsent(format)) {
        return fail(QStringLiteral("format"),
                    tr("is missing; a FOI Desk request file starts with \"format\": %1.")
                        .arg(JsonValueText::quote(formatTag)));
    }
    if (!format.isString() || format.toString() != formatTag) {
        QString what = tr("expected %1, found %2.")
                           .arg(JsonValueText::quote(formatTag),
                                format.isString() ? JsonValueText::quote(format.toString())
                                                  : JsonValueText::describe(format));
        const QString prefix = QStringLiteral("foidesk.request/");
        bool numbered = false;
        const int version = format.toString().startsWith(prefix)
                                ? format.toString().mid(prefix.size()).toInt(&numbered)
                                : 0;
        if (numbered && version > 1)
            what += tr(" The file was written by a newer version of FOI Desk; import it there.");
        return fail(QStringLiteral("format"), what);
    }
    return true;
}

bool RequestFieldReader::readRequest(const QJsonObject &root, Request *request)
{
    if (!checkFormat(root))
        return false;
    if (!checkKeys(root, QString(), requestKeys(), tr("a request")))
        return false;

    Request r;
    if (!readString(
            root, QString(), QStringLiteral("reference"), ReferenceRule, &r.reference, true))
        return false;
    r.reference = r.reference.trimmed();
    if (r.reference.isEmpty()) {
        return fail(QStringLiteral("reference"),
                    tr("is empty; every request needs a reference (for example \"6370952\")."));
    }
    if (!readCode(root, QStringLiteral("regime"), regimeFromCode, validRegimeCodes(), &r.regime))
        return false;
    if (!readString(root, QString(), QStringLiteral("title"), TitleRule, &r.title))
        return false;
    if (!readDate(root, QString(), QStringLiteral("received"), &r.received, true))
        return false;
    if (!readRequester(root, &r.requester))
        return false;
    if (!readString(root, QString(), QStringLiteral("officer"), OfficerRule, &r.officer))
        return false;
    if (!readCode(root, QStringLiteral("status"), statusFromCode, validStatusCodes(), &r.status))
        return false;
    if (!readCode(root, QStringLiteral("held"), heldFromCode, validHeldCodes(), &r.held))
        return false;
    if (!readString(root,
                    QString(),
                    QStringLiteral("combined_response"),
                    CombinedResponseRule,
                    &r.combinedResponse))
        return false;
    if (!readQuestions(root, &r.questions))
        return false;

    const QString reasonsPath = QStringLiteral("exemption_reasons");
    const QJsonValue reasons = root.value(reasonsPath);
    if (!isAbsent(reasons)) {
        if (!reasons.isObject())
            return fail(reasonsPath,
                        tr("expected an object, found %1.").arg(JsonValueText::describe(reasons)));
        if (!reasons.toObject().isEmpty()) {
            return fail(reasonsPath,
                        tr("this version of FOI Desk cannot store exemption reasons yet, so the "
                           "file was not imported (importing it without them would lose the "
                           "refusal notice). Import it with a later version of FOI Desk."));
        }
    }
    if (!refuseNonEmptyArray(root,
                             QString(),
                             QStringLiteral("clock_events"),
                             tr("this version of FOI Desk cannot store clock events "
                                "(clarifications, fees notices, extensions) yet, so the file was "
                                "not imported (importing it without them would give a wrong "
                                "deadline). Import it with a later version of FOI Desk.")))
        return false;
    if (!readDate(root, QString(), QStringLiteral("letter_date"), &r.letterDate))
        return false;
    if (!readBool(root, QStringLiteral("letter_final"), &r.letterFinal))
        return false;

    QDate responseSent;
    if (!readDate(root, QString(), QStringLiteral("response_sent"), &responseSent))
        return false;
    if (responseSent.isValid()) {
        return fail(QStringLiteral("response_sent"),
                    tr("this version of FOI Desk cannot store the date a response was sent yet, "
                       "so the file was not imported (the request would lose the record of its "
                       "answer). Import it with a later version of FOI Desk."));
    }

    *request = r;
    return true;
}

bool RequestFieldReader::checkKeys(const QJsonObject &object,
                                   const QString &prefix,
                                   const QStringList &known,
                                   const QString &owner)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (known.contains(key) || isExtensionKey(key))
            continue;
        const QString shownKey = key.size() > 60 ? key.left(60) + QStringLiteral("...") : key;
        return fail(join(prefix, shownKey),
                    tr("unknown field; %1 has only the fields %2. Check the spelling; data of "
                       "your own may go in fields whose names start with \"x-\" or \"x_\", "
                       "which are ignored.")
                        .arg(owner, known.join(QStringLiteral(", "))));
    }
    return true;
}

bool RequestFieldReader::checkText(const QString &path, const QString &text, const TextRule &rule)
{
    if (text.size() > rule.maxLength) {
        return fail(
            path,
            tr("is %1 characters long; the limit is %2 characters.")
                .arg(JsonValueText::number(text.size()), JsonValueText::number(rule.maxLength)));
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
                        tr("contains half of a surrogate pair (U+%1) at character %2, which is "
                           "not a character; fix the \\u escape in the file.")
                            .arg(QString::number(u, 16).toUpper(), JsonValueText::number(i + 1)));
        }
        const bool lineBreakOrTab = u == '\n' || u == '\r' || u == '\t';
        if (u < 0x20 || u == 0x7F) {
            if (lineBreakOrTab && rule.multiLine)
                continue;
            if (lineBreakOrTab) {
                return fail(path,
                            tr("contains a line break or tab at character %1; this field must "
                               "be a single line.")
                                .arg(JsonValueText::number(i + 1)));
            }
            return fail(
                path,
                tr("contains the control character U+%1 at character %2; remove it.")
                    .arg(QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')),
                         JsonValueText::number(i + 1)));
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
    const QString path = join(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value)) {
        if (required)
            return fail(path, tr("is required but missing."));
        out->clear();
        return true;
    }
    if (!value.isString())
        return fail(path, tr("expected a string, found %1.").arg(JsonValueText::describe(value)));
    const QString text = value.toString();
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
                    tr("expected true or false, found %1.").arg(JsonValueText::describe(value)));
    }
    *out = value.toBool();
    return true;
}

bool RequestFieldReader::readDate(
    const QJsonObject &object, const QString &prefix, const QString &key, QDate *out, bool required)
{
    const QString path = join(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value) || (!required && value.toString() == QString() && value.isString())) {
        if (required)
            return fail(path, tr("is required but missing (expected a date as YYYY-MM-DD)."));
        *out = QDate();
        return true;
    }
    if (!value.isString()) {
        return fail(path,
                    tr("expected a date as a string \"YYYY-MM-DD\", found %1.")
                        .arg(JsonValueText::describe(value)));
    }
    const QString text = value.toString();
    // [0-9], not \d: \d would also match Arabic-Indic and other digits.
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return fail(path,
                    tr("%1 is not a date in the form YYYY-MM-DD (for example \"2021-02-03\").")
                        .arg(JsonValueText::quote(text)));
    }
    const int year = match.captured(1).toInt();
    const QDate date(year, match.captured(2).toInt(), match.captured(3).toInt());
    if (!date.isValid()) {
        return fail(
            path,
            tr("%1 is not a real date (expected YYYY-MM-DD).").arg(JsonValueText::quote(text)));
    }
    if (year < 1900 || year > 2999) {
        return fail(path,
                    tr("%1 is outside the years 1900 to 2999; check the year.")
                        .arg(JsonValueText::quote(text)));
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
    const QString path = join(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return true; // the caller's default stands
    if (!value.isString()) {
        return fail(path,
                    tr("expected one of %1 as a string, found %2.")
                        .arg(validCodes, JsonValueText::describe(value)));
    }
    const std::optional<Enum> parsed = fromCode(value.toString());
    if (!parsed)
        return fail(
            path,
            tr("%1 is not one of %2.").arg(JsonValueText::quote(value.toString()), validCodes));
    *out = *parsed;
    return true;
}

bool RequestFieldReader::refuseNonEmptyArray(const QJsonObject &object,
                                             const QString &prefix,
                                             const QString &key,
                                             const QString &consequence)
{
    const QString path = join(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return true;
    if (!value.isArray())
        return fail(path, tr("expected an array, found %1.").arg(JsonValueText::describe(value)));
    if (value.toArray().isEmpty())
        return true;
    return fail(path, consequence);
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
                    tr("expected an object, found %1.").arg(JsonValueText::describe(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, prefix, requesterKeys(), tr("a requester")))
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
            return fail(join(prefix, QStringLiteral("email")),
                        tr("%1 is not an email address (expected name@domain).")
                            .arg(JsonValueText::quote(requester->email)));
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
            tr("expected an object (a question), found %1.").arg(JsonValueText::describe(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, path, questionKeys(), tr("a question")))
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
    if (!checkDisposition(object, path))
        return false;
    if (!refuseNonEmptyArray(object,
                             path,
                             QStringLiteral("exemptions"),
                             tr("this version of FOI Desk cannot store exemptions yet, so the "
                                "file was not imported (importing it without them would lose "
                                "the grounds for withholding). Import it with a later version "
                                "of FOI Desk.")))
        return false;
    return refuseNonEmptyArray(object,
                               path,
                               QStringLiteral("redactions"),
                               tr("this version of FOI Desk cannot store redactions yet, so the "
                                  "file was not imported (importing it without them could "
                                  "publish withheld text). Import it with a later version of "
                                  "FOI Desk."));
}

bool RequestFieldReader::readChoices(const QJsonObject &object,
                                     const QString &path,
                                     QStringList *choices)
{
    const QString choicesPath = join(path, QStringLiteral("choices"));
    const QJsonValue value = object.value(QStringLiteral("choices"));
    if (isAbsent(value))
        return true;
    if (!value.isArray())
        return fail(
            choicesPath,
            tr("expected an array of strings, found %1.").arg(JsonValueText::describe(value)));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxChoices) {
        return fail(
            choicesPath,
            tr("has %1 choices; the limit is %2.")
                .arg(JsonValueText::number(array.size()), JsonValueText::number(MaxChoices)));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = choicesPath + QStringLiteral("[%1]").arg(i);
        const QJsonValue item = array.at(i);
        if (!item.isString())
            return fail(itemPath,
                        tr("expected a string, found %1.").arg(JsonValueText::describe(item)));
        if (!checkText(itemPath, item.toString(), ChoiceRule))
            return false;
        choices->append(item.toString());
    }
    return true;
}

// Only "answered" can be stored yet; anything else would be imported as answered in full.
bool RequestFieldReader::checkDisposition(const QJsonObject &object, const QString &path)
{
    const QString dispositionPath = join(path, QStringLiteral("disposition"));
    const QJsonValue disposition = object.value(QStringLiteral("disposition"));
    if (isAbsent(disposition))
        return true;
    if (!disposition.isString()) {
        return fail(dispositionPath,
                    tr("expected a string, found %1.").arg(JsonValueText::describe(disposition)));
    }
    const QString code = disposition.toString();
    if (!code.isEmpty() && code != QLatin1String("answered")) {
        return fail(dispositionPath,
                    tr("%1: this version of FOI Desk can only store questions answered in "
                       "full (\"answered\"), so the file was not imported (importing it as "
                       "answered could publish withheld information). Import it with a "
                       "later version of FOI Desk.")
                        .arg(JsonValueText::quote(code)));
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
            tr("expected an array of questions, found %1.").arg(JsonValueText::describe(value)));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxQuestions) {
        return fail(
            path,
            tr("has %1 questions; the limit is %2.")
                .arg(JsonValueText::number(array.size()), JsonValueText::number(MaxQuestions)));
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
