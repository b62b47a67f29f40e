#include "exchange/RequestJson.h"

#include "exchange/JsonWriter.h"
#include "model/RequestEnums.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStorageInfo>
#include <algorithm>

namespace foidesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("foidesk::RequestJson", text);
}

// Numbers in messages are grouped the way a UK reader expects: 1,000,000.
QString number(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n);
}

// A value quoted for a message, cut short so that a 10 MB string cannot flood the terminal.
QString quote(const QString &text)
{
    constexpr qsizetype MaxShown = 60;
    if (text.size() <= MaxShown)
        return JsonWriter::quoted(text);
    return JsonWriter::quoted(text.left(MaxShown)) + QStringLiteral("...");
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? tr("true") : tr("false");
    case QJsonValue::Double:
        return tr("a number (%1)").arg(QString::number(value.toDouble(), 'g', 17));
    case QJsonValue::String:
        return tr("a string (%1)").arg(quote(value.toString()));
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    }
    return {};
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of it is valid.
// QJsonDocument would quietly replace such bytes, so a file in Windows-1252 would lose its
// pound signs without anyone noticing.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t codePoint = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (p[i + k] & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF
            || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

QString sizeInMegabytes(qint64 bytes)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

QString tooLargeMessage(qint64 bytes)
{
    return tr("the file is %1 MB; exchange files are limited to %2 MB (%3 bytes), so it was not "
              "read. Split it into one file per request.")
        .arg(sizeInMegabytes(bytes),
             number(RequestJson::MaxFileBytes / (1024 * 1024)),
             number(RequestJson::MaxFileBytes));
}

// What a text field may hold. Limits are in characters (UTF-16 code units, as Qt counts them).
struct TextRule
{
    qsizetype maxLength;
    bool multiLine;
};

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

// Turns a JSON object into a Request, stopping at the first problem with a message that names
// the field. Fields are checked in documented order, so the first problem in the file is the
// one reported.
class RequestParser
{
public:
    bool parse(const QJsonObject &root, Request *request);
    QString error() const { return m_error; }

private:
    bool fail(const QString &path, const QString &what)
    {
        m_error = path + QStringLiteral(": ") + what;
        return false;
    }
    static QString join(const QString &prefix, const QString &key)
    {
        return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
    }

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
    bool refuseNonEmptyArray(const QJsonObject &object,
                             const QString &prefix,
                             const QString &key,
                             const QString &consequence);

    QString m_error;
};

bool RequestParser::checkKeys(const QJsonObject &object,
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

bool RequestParser::checkText(const QString &path, const QString &text, const TextRule &rule)
{
    if (text.size() > rule.maxLength) {
        return fail(path,
                    tr("is %1 characters long; the limit is %2 characters.")
                        .arg(number(text.size()), number(rule.maxLength)));
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
                            .arg(QString::number(u, 16).toUpper(), number(i + 1)));
        }
        const bool lineBreakOrTab = u == '\n' || u == '\r' || u == '\t';
        if (u < 0x20 || u == 0x7F) {
            if (lineBreakOrTab && rule.multiLine)
                continue;
            if (lineBreakOrTab) {
                return fail(path,
                            tr("contains a line break or tab at character %1; this field must "
                               "be a single line.")
                                .arg(number(i + 1)));
            }
            return fail(
                path,
                tr("contains the control character U+%1 at character %2; remove it.")
                    .arg(QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')),
                         number(i + 1)));
        }
    }
    return true;
}

bool RequestParser::readString(const QJsonObject &object,
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
        return fail(path, tr("expected a string, found %1.").arg(describe(value)));
    const QString text = value.toString();
    if (!checkText(path, text, rule))
        return false;
    *out = text;
    return true;
}

bool RequestParser::readDate(
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
        return fail(
            path, tr("expected a date as a string \"YYYY-MM-DD\", found %1.").arg(describe(value)));
    }
    const QString text = value.toString();
    // [0-9], not \d: \d would also match Arabic-Indic and other digits.
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return fail(path,
                    tr("%1 is not a date in the form YYYY-MM-DD (for example \"2021-02-03\").")
                        .arg(quote(text)));
    }
    const int year = match.captured(1).toInt();
    const QDate date(year, match.captured(2).toInt(), match.captured(3).toInt());
    if (!date.isValid()) {
        return fail(path, tr("%1 is not a real date (expected YYYY-MM-DD).").arg(quote(text)));
    }
    if (year < 1900 || year > 2999) {
        return fail(path,
                    tr("%1 is outside the years 1900 to 2999; check the year.").arg(quote(text)));
    }
    *out = date;
    return true;
}

template <typename Enum, typename FromCode>
bool RequestParser::readCode(const QJsonObject &object,
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
        return fail(
            path, tr("expected one of %1 as a string, found %2.").arg(validCodes, describe(value)));
    }
    const std::optional<Enum> parsed = fromCode(value.toString());
    if (!parsed)
        return fail(path, tr("%1 is not one of %2.").arg(quote(value.toString()), validCodes));
    *out = *parsed;
    return true;
}

bool RequestParser::refuseNonEmptyArray(const QJsonObject &object,
                                        const QString &prefix,
                                        const QString &key,
                                        const QString &consequence)
{
    const QString path = join(prefix, key);
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return true;
    if (!value.isArray())
        return fail(path, tr("expected an array, found %1.").arg(describe(value)));
    if (value.toArray().isEmpty())
        return true;
    return fail(path, consequence);
}

bool RequestParser::readRequester(const QJsonObject &root, Requester *requester)
{
    const QString prefix = QStringLiteral("requester");
    const QJsonValue value = root.value(prefix);
    *requester = Requester();
    if (isAbsent(value))
        return true;
    if (!value.isObject())
        return fail(prefix, tr("expected an object, found %1.").arg(describe(value)));
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
                            .arg(quote(requester->email)));
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

bool RequestParser::readQuestion(const QJsonValue &value, const QString &path, Question *question)
{
    if (!value.isObject())
        return fail(path, tr("expected an object (a question), found %1.").arg(describe(value)));
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

    const QString choicesPath = join(path, QStringLiteral("choices"));
    const QJsonValue choices = object.value(QStringLiteral("choices"));
    if (!isAbsent(choices)) {
        if (!choices.isArray())
            return fail(choicesPath,
                        tr("expected an array of strings, found %1.").arg(describe(choices)));
        const QJsonArray array = choices.toArray();
        if (array.size() > MaxChoices) {
            return fail(choicesPath,
                        tr("has %1 choices; the limit is %2.")
                            .arg(number(array.size()), number(MaxChoices)));
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = choicesPath + QStringLiteral("[%1]").arg(i);
            const QJsonValue item = array.at(i);
            if (!item.isString())
                return fail(itemPath, tr("expected a string, found %1.").arg(describe(item)));
            if (!checkText(itemPath, item.toString(), ChoiceRule))
                return false;
            question->choices.append(item.toString());
        }
    }

    if (!readString(object, path, QStringLiteral("answer"), AnswerRule, &question->answer))
        return false;

    const QString dispositionPath = join(path, QStringLiteral("disposition"));
    const QJsonValue disposition = object.value(QStringLiteral("disposition"));
    if (!isAbsent(disposition)) {
        if (!disposition.isString()) {
            return fail(dispositionPath,
                        tr("expected a string, found %1.").arg(describe(disposition)));
        }
        const QString code = disposition.toString();
        if (!code.isEmpty() && code != QLatin1String("answered")) {
            return fail(dispositionPath,
                        tr("%1: this version of FOI Desk can only store questions answered in "
                           "full (\"answered\"), so the file was not imported (importing it as "
                           "answered could publish withheld information). Import it with a "
                           "later version of FOI Desk.")
                            .arg(quote(code)));
        }
    }
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

bool RequestParser::readQuestions(const QJsonObject &root, QList<Question> *questions)
{
    const QString path = QStringLiteral("questions");
    const QJsonValue value = root.value(path);
    questions->clear();
    if (isAbsent(value))
        return true;
    if (!value.isArray())
        return fail(path, tr("expected an array of questions, found %1.").arg(describe(value)));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxQuestions) {
        return fail(path,
                    tr("has %1 questions; the limit is %2.")
                        .arg(number(array.size()), number(MaxQuestions)));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        Question question;
        if (!readQuestion(array.at(i), path + QStringLiteral("[%1]").arg(i), &question))
            return false;
        questions->append(question);
    }
    return true;
}

bool RequestParser::parse(const QJsonObject &root, Request *request)
{
    const QString formatTag = QString::fromLatin1(RequestJson::FormatTag);
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (isAbsent(format)) {
        return fail(QStringLiteral("format"),
                    tr("is missing; a FOI Desk request file starts with \"format\": %1.")
                        .arg(quote(formatTag)));
    }
    if (!format.isString() || format.toString() != formatTag) {
        QString what = tr("expected %1, found %2.")
                           .arg(quote(formatTag),
                                format.isString() ? quote(format.toString()) : describe(format));
        const QString prefix = QStringLiteral("foidesk.request/");
        bool numbered = false;
        const int version = format.toString().startsWith(prefix)
                                ? format.toString().mid(prefix.size()).toInt(&numbered)
                                : 0;
        if (numbered && version > 1)
            what += tr(" The file was written by a newer version of FOI Desk; import it there.");
        return fail(QStringLiteral("format"), what);
    }
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
            return fail(reasonsPath, tr("expected an object, found %1.").arg(describe(reasons)));
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

void writeRequest(JsonWriter &w, const Request &r)
{
    w.key(u"format");
    w.value(QString::fromLatin1(RequestJson::FormatTag));
    w.key(u"reference");
    w.value(r.reference);
    w.key(u"regime");
    w.value(regimeCode(r.regime));
    if (!r.title.isEmpty()) {
        w.key(u"title");
        w.value(r.title);
    }
    if (r.received.isValid()) {
        w.key(u"received");
        w.value(r.received.toString(Qt::ISODate));
    }
    if (!(r.requester == Requester())) {
        w.key(u"requester");
        w.beginObject();
        if (!r.requester.name.isEmpty()) {
            w.key(u"name");
            w.value(r.requester.name);
        }
        if (!r.requester.email.isEmpty()) {
            w.key(u"email");
            w.value(r.requester.email);
        }
        if (!r.requester.address.isEmpty()) {
            w.key(u"address");
            w.value(r.requester.address);
        }
        w.key(u"kind");
        w.value(requesterKindCode(r.requester.kind));
        w.endObject();
    }
    if (!r.officer.isEmpty()) {
        w.key(u"officer");
        w.value(r.officer);
    }
    w.key(u"status");
    w.value(statusCode(r.status));
    if (r.held != Held::Undecided) {
        w.key(u"held");
        w.value(heldCode(r.held));
    }
    if (!r.combinedResponse.isEmpty()) {
        w.key(u"combined_response");
        w.value(r.combinedResponse);
    }
    if (!r.questions.isEmpty()) {
        w.key(u"questions");
        w.beginArray();
        for (const Question &q : r.questions) {
            w.beginObject();
            if (!q.section.isEmpty()) {
                w.key(u"section");
                w.value(q.section);
            }
            if (!q.label.isEmpty()) {
                w.key(u"label");
                w.value(q.label);
            }
            if (!q.condition.isEmpty()) {
                w.key(u"condition");
                w.value(q.condition);
            }
            w.key(u"text");
            w.value(q.text);
            if (!q.choices.isEmpty()) {
                w.key(u"choices");
                w.beginArray();
                for (const QString &choice : q.choices)
                    w.value(choice);
                w.endArray();
            }
            if (!q.answer.isEmpty()) {
                w.key(u"answer");
                w.value(q.answer);
            }
            w.endObject();
        }
        w.endArray();
    }
    if (r.letterDate.isValid()) {
        w.key(u"letter_date");
        w.value(r.letterDate.toString(Qt::ISODate));
    }
}

} // namespace

Result<Request> RequestJson::parse(const QByteArray &json)
{
    if (json.size() > MaxFileBytes)
        return Error(ErrorKind::BadInput, tooLargeMessage(json.size()));
    if (json.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     tr("the file is empty; expected a JSON object starting with "
                        "\"format\": \"%1\".")
                         .arg(QString::fromLatin1(FormatTag)));
    }

    // A byte order mark is legal UTF-8 that some Windows editors write; it carries nothing.
    static const QByteArray bom("\xEF\xBB\xBF");
    const qsizetype skipped = json.startsWith(bom) ? bom.size() : 0;
    const QByteArray body = json.mid(skipped);

    const qsizetype bad = firstInvalidUtf8(body);
    if (bad >= 0) {
        const auto byte = static_cast<unsigned char>(body.at(bad));
        return Error(
            ErrorKind::BadInput,
            tr("the file is not valid UTF-8: byte %1 (0x%2) does not belong to a UTF-8 "
               "character. Save the file as UTF-8 and try again.")
                .arg(number(bad + skipped),
                     QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0'))));
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QByteArray start = body.trimmed().left(1);
    if (parseError.error != QJsonParseError::NoError && start != "{" && start != "[") {
        // Qt's parser calls a lone string or number an "illegal value"; say what is expected.
        return Error(ErrorKind::BadInput,
                     tr("the file must hold one JSON object (one request) starting with \"{\"; "
                        "it is not a FOI Desk request file."));
    }
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, body.size());
        const QByteArray before = body.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
        return Error(ErrorKind::BadInput,
                     tr("JSON syntax error at line %1, column %2 (byte %3): %4. The file may be "
                        "cut short or not be JSON.")
                         .arg(number(line),
                              number(column),
                              number(offset + skipped),
                              parseError.errorString()));
    }
    if (!document.isObject()) {
        return Error(ErrorKind::BadInput,
                     tr("the file must hold one JSON object (one request), found %1.")
                         .arg(document.isArray() ? tr("an array") : tr("a single value")));
    }

    RequestParser parser;
    Request request;
    if (!parser.parse(document.object(), &request))
        return Error(ErrorKind::BadInput, parser.error());
    return request;
}

Result<Request> RequestJson::readFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error(ErrorKind::NotFound,
                     shown + QStringLiteral(": ")
                         + tr("no such file. Check the name and the folder."));
    }
    if (info.isDir()) {
        return Error(ErrorKind::BadInput,
                     shown + QStringLiteral(": ")
                         + tr("is a folder; give the path of a request file (.json)."));
    }
    if (info.size() > MaxFileBytes)
        return Error(ErrorKind::BadInput,
                     shown + QStringLiteral(": ") + tooLargeMessage(info.size()));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(
            ErrorKind::Io,
            shown + QStringLiteral(": ")
                + tr("cannot be read (%1). Check that you may read it.").arg(file.errorString()));
    }
    // Read one byte past the limit: a file that grew after the size check is still refused.
    const QByteArray data = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return Error(ErrorKind::Io,
                     shown + QStringLiteral(": ")
                         + tr("cannot be read (%1).").arg(file.errorString()));
    }
    Result<Request> parsed = parse(data);
    if (!parsed)
        return Error(parsed.errorKind(), shown + QStringLiteral(": ") + parsed.errorMessage());
    return parsed;
}

QByteArray RequestJson::serialize(const Request &request)
{
    return serialize(request, {});
}

QByteArray RequestJson::serialize(const Request &request,
                                  const QList<QPair<QString, QJsonValue>> &extraFields)
{
    JsonWriter writer;
    writer.beginObject();
    writeRequest(writer, request);
    for (const auto &field : extraFields) {
        writer.key(field.first);
        writer.value(field.second);
    }
    writer.endObject();
    return writer.toUtf8();
}

Status RequestJson::writeFile(const Request &request, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QByteArray data = serialize(request);
    QSaveFile file(path);
    const auto failure = [&](const QString &reason) -> Status {
        const QStorageInfo storage(QFileInfo(path).absolutePath());
        if (storage.isValid() && storage.bytesAvailable() >= 0
            && storage.bytesAvailable() < data.size()) {
            return Error(ErrorKind::DiskFull,
                         tr("Could not write %1: the disk is full. Free some space and try "
                            "again.")
                             .arg(shown));
        }
        return Error(ErrorKind::Io,
                     tr("Could not write %1 (%2). Check that the folder exists and that you may "
                        "write to it.")
                         .arg(shown, reason));
    };
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    if (!file.commit())
        return failure(file.errorString());
    return {};
}

} // namespace foidesk
