#include "exemptions/ExemptionCatalogue.h"

#include "wording/LetterTemplate.h"
#include "model/RequestEnums.h"
#include "util/BuiltInData.h"
#include "util/JsonFields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

constexpr auto FormatTag = "foidesk.exemptions/1";



// How a code is written: "s" or "reg", a number with an optional capital letter ("s22A"), then
// bracketed sub-sections and paragraphs: "s40(2)", "s31(1)(a)", "reg12(5)(e)".
const QRegularExpression &codePattern()
{
    static const QRegularExpression pattern(
        u"^(?:s|reg)[0-9]+[A-Z]?(?:\\([0-9]+[A-Za-z]?\\)|\\([a-z]{1,4}\\))*$"_s);
    return pattern;
}

// Exemptions that do the same job under the other laws, for "did you mean" hints. Columns:
// FOIA, EIR, FOISA, EIRS; an empty cell means the law has no counterpart in the catalogue.
struct Equivalent
{
    const char *codes[4];
};

constexpr Equivalent equivalents[] = {
    {{"s40(2)", "reg13", "s38(1)(b)", "reg11(2)"}},
    {{"s40(1)", "", "s38(1)(a)", ""}},
    {{"s12", "reg12(4)(b)", "s12", "reg10(4)(b)"}},
    {{"s14(1)", "reg12(4)(b)", "s14(1)", "reg10(4)(b)"}},
    {{"s14(2)", "", "s14(2)", ""}},
    {{"s8", "", "s8", ""}},
    {{"s43(2)", "reg12(5)(e)", "s33(1)(b)", "reg10(5)(e)"}},
    {{"s43(1)", "reg12(5)(e)", "s33(1)(a)", "reg10(5)(e)"}},
    {{"s42", "reg12(5)(b)", "s36(1)", "reg10(5)(b)"}},
    {{"s41", "reg12(5)(f)", "s36(2)", "reg10(5)(f)"}},
    {{"s21", "", "s25", ""}},
    {{"s44", "", "s26", ""}},
    {{"s22", "reg12(4)(d)", "s27", "reg10(4)(d)"}},
    {{"s36", "reg12(4)(e)", "s30", "reg10(4)(e)"}},
    {{"s35", "reg12(4)(e)", "s29", "reg10(4)(e)"}},
    {{"s24", "reg12(5)(a)", "s31", "reg10(5)(a)"}},
    {{"s26", "reg12(5)(a)", "s31", "reg10(5)(a)"}},
    {{"s27", "reg12(5)(a)", "s32", "reg10(5)(a)"}},
    {{"s28", "", "s28", ""}},
    {{"s30", "reg12(5)(b)", "s34", "reg10(5)(b)"}},
    {{"s31(1)(a)", "reg12(5)(b)", "s35", "reg10(5)(b)"}},
    {{"s31(1)(b)", "reg12(5)(b)", "s35", "reg10(5)(b)"}},
    {{"s31(1)(c)", "reg12(5)(b)", "s35", "reg10(5)(b)"}},
    {{"s31(1)(g)", "reg12(5)(b)", "s35", "reg10(5)(b)"}},
    {{"s32", "", "s37", ""}},
    {{"s33", "", "s40", ""}},
    {{"s37", "", "s41", ""}},
    {{"s38", "reg12(5)(a)", "s39", "reg10(5)(a)"}},
    {{"s39", "", "s39", ""}},
    {{"", "reg12(4)(a)", "s17", "reg10(4)(a)"}},
    {{"", "reg12(4)(c)", "", "reg10(4)(c)"}},
    {{"", "reg12(5)(c)", "", "reg10(5)(c)"}},
    {{"", "reg12(5)(d)", "", "reg10(5)(d)"}},
    {{"", "reg12(5)(g)", "", "reg10(5)(g)"}},
};

int regimeColumn(Regime regime)
{
    switch (regime) {
    case Regime::FOIA:
        return 0;
    case Regime::EIR:
        return 1;
    case Regime::FOISA:
        return 2;
    case Regime::EIRS:
        return 3;
    }
    return 0;
}

bool isEnvironmental(Regime regime)
{
    return regime == Regime::EIR || regime == Regime::EIRS;
}

QString equivalentCode(Regime from, const QString &code, Regime to)
{
    for (const Equivalent &row : equivalents) {
        if (code == QLatin1String(row.codes[regimeColumn(from)]))
            return QLatin1String(row.codes[regimeColumn(to)]);
    }
    return {};
}

// A few codes of regime, for messages that show how codes are written.
QString exampleCodes(Regime regime)
{
    switch (regime) {
    case Regime::FOIA:
        return u"s40(2), s43(2) or s12"_s;
    case Regime::EIR:
        return u"reg13, reg12(5)(e) or reg12(4)(b)"_s;
    case Regime::FOISA:
        return u"s38(1)(b), s33(1)(b) or s12"_s;
    case Regime::EIRS:
        return u"reg11(2), reg10(5)(e) or reg10(4)(b)"_s;
    }
    return {};
}

// Levenshtein distance, for hints about near-miss codes. Codes are short, so the simple table
// is fast enough.
qsizetype editDistance(const QString &a, const QString &b)
{
    QList<qsizetype> previous(b.size() + 1);
    QList<qsizetype> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// "s40(2)" or "reg13" or "reg12(5)(e)", lower case, from what a person typed; std::nullopt
// when it cannot be a code under regime (including a law named in it that is not regime's).
std::optional<QString> candidateCode(Regime regime, const QString &typed)
{
    QString text = typed.trimmed().toLower();
    // Non-breaking and other odd spaces pasted from documents count as spaces.
    for (QChar &c : text) {
        if (c.isSpace())
            c = u' ';
    }
    while (text.endsWith(u'.'))
        text.chop(1);

    // "EIR 12(4)(b)", "FOIA s40(2)": a law named first must be the request's law. "EIR" is
    // accepted for the Scottish regulations too, as people often write it that way.
    struct LawWord
    {
        const char *word;
        QList<Regime> regimes;
    };
    const LawWord lawWords[] = {
        {"foisa", {Regime::FOISA}},
        {"foia", {Regime::FOIA}},
        {"eirs", {Regime::EIRS}},
        {"eir", {Regime::EIR, Regime::EIRS}},
    };
    for (const LawWord &law : lawWords) {
        const QLatin1String word(law.word);
        if (!text.startsWith(word))
            continue;
        const QString rest = text.mid(word.size());
        if (!rest.isEmpty() && !rest.at(0).isSpace() && !rest.at(0).isDigit())
            continue;
        if (!law.regimes.contains(regime))
            return std::nullopt;
        text = rest.trimmed();
        break;
    }

    enum class Form
    {
        Section,
        Regulation
    };
    struct Prefix
    {
        const char *text;
        Form form;
    };
    // Longest first, so that "section" is not read as "s" followed by "ection".
    constexpr Prefix prefixes[] = {
        {"regulation", Form::Regulation},
        {"section", Form::Section},
        {"regs.", Form::Regulation},
        {"sect.", Form::Section},
        {"reg.", Form::Regulation},
        {"sec.", Form::Section},
        {"sect", Form::Section},
        {"reg", Form::Regulation},
        {"sec", Form::Section},
        {"ss.", Form::Section},
        {"r.", Form::Regulation},
        {"s.", Form::Section},
        {"r", Form::Regulation},
        {"s", Form::Section},
    };
    std::optional<Form> form;
    for (const Prefix &prefix : prefixes) {
        const QLatin1String word(prefix.text);
        if (!text.startsWith(word))
            continue;
        const QString rest = text.mid(word.size()).trimmed();
        if (rest.isEmpty() || !rest.at(0).isDigit())
            continue;
        form = prefix.form;
        text = rest;
        break;
    }
    if (!form) {
        if (text.isEmpty() || !text.at(0).isDigit())
            return std::nullopt;
        // A bare number is a section of an Act or a regulation of the Regulations.
        form = isEnvironmental(regime) ? Form::Regulation : Form::Section;
    }

    text.remove(u' ');
    static const QRegularExpression rest(u"^[0-9]+[a-z]?(?:\\([0-9a-z]+\\))*$"_s);
    if (!rest.match(text).hasMatch())
        return std::nullopt;
    return (*form == Form::Section ? u"s"_s : u"reg"_s) + text;
}

std::optional<Error> readString(const QJsonObject &object,
                                const QString &path,
                                const QString &key,
                                QString *target,
                                bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            return JsonFields::error(path + u'.' + key, ExemptionCatalogue::tr("missing; every entry needs it"));
        return std::nullopt;
    }
    if (!value.isString()) {
        return JsonFields::error(path + u'.' + key,
                        JsonFields::expected(JsonFields::tr("a string"), value));
    }
    *target = value.toString();
    return std::nullopt;
}

std::optional<Error> readEntry(const QJsonValue &value, const QString &path, Exemption *entry)
{
    if (!value.isObject())
        return JsonFields::error(path, JsonFields::expected(JsonFields::tr("an object"), value));
    const QJsonObject object = value.toObject();
    static const QStringList keys = {u"code"_s,
                                     u"regime"_s,
                                     u"title"_s,
                                     u"citation"_s,
                                     u"kind"_s,
                                     u"reasoning"_s,
                                     u"public_interest"_s};
    if (auto unknown = JsonFields::unknownKey(object, path, keys, ExemptionCatalogue::tr("an entry")))
        return unknown;
    QString regime;
    QString kind;
    for (const auto &[key, target, required] :
         {std::tuple{u"code"_s, &entry->code, true},
          std::tuple{u"regime"_s, &regime, true},
          std::tuple{u"title"_s, &entry->title, true},
          std::tuple{u"citation"_s, &entry->citation, true},
          std::tuple{u"kind"_s, &kind, true},
          std::tuple{u"reasoning"_s, &entry->reasoning, true},
          std::tuple{u"public_interest"_s, &entry->publicInterest, false}}) {
        if (auto error = readString(object, path, key, target, required))
            return error;
    }
    const std::optional<Regime> parsedRegime = regimeFromCode(regime);
    if (!parsedRegime) {
        return JsonFields::error(path + u".regime"_s,
                        ExemptionCatalogue::tr("expected %1, found \"%2\"").arg(validRegimeCodes(), regime));
    }
    entry->regime = *parsedRegime;
    const std::optional<Exemption::Kind> parsedKind = exemptionKindFromCode(kind);
    if (!parsedKind) {
        return JsonFields::error(path + u".kind"_s,
                        ExemptionCatalogue::tr("expected %1, found \"%2\"")
                                     .arg(validExemptionKindCodes(), kind));
    }
    entry->kind = *parsedKind;
    if (!codePattern().match(entry->code).hasMatch()) {
        return JsonFields::error(path + u".code"_s,
                        ExemptionCatalogue::tr("\"%1\" is not written as a code; write it like s40(2), "
                                  "s31(1)(a), reg12(5)(e) or reg13")
                            .arg(entry->code));
    }
    if (entry->title.trimmed().isEmpty())
        return JsonFields::error(path + u".title"_s, ExemptionCatalogue::tr("the title is empty"));
    if (entry->citation.trimmed().isEmpty())
        return JsonFields::error(path + u".citation"_s, ExemptionCatalogue::tr("the citation is empty"));
    if (entry->reasoning.trimmed().isEmpty())
        return JsonFields::error(path + u".reasoning"_s, ExemptionCatalogue::tr("the default reasoning is empty"));
    for (const auto &[key, text] : {std::pair{u"reasoning"_s, &entry->reasoning},
                                    std::pair{u"public_interest"_s, &entry->publicInterest}}) {
        QString problem;
        if (!LetterTemplate::placeholders(*text, &problem))
            return JsonFields::error(path + u'.' + key, problem);
    }
    return std::nullopt;
}

} // namespace

QString exemptionKindCode(Exemption::Kind kind)
{
    switch (kind) {
    case Exemption::Kind::Absolute:
        return u"absolute"_s;
    case Exemption::Kind::Qualified:
        return u"qualified"_s;
    case Exemption::Kind::Procedural:
        return u"procedural"_s;
    case Exemption::Kind::NotHeld:
        return u"not_held"_s;
    }
    return {};
}

QList<Exemption::Kind> allExemptionKinds()
{
    return {Exemption::Kind::Absolute,
            Exemption::Kind::Qualified,
            Exemption::Kind::Procedural,
            Exemption::Kind::NotHeld};
}

QString validExemptionKindCodes()
{
    QStringList quoted;
    for (const Exemption::Kind kind : allExemptionKinds())
        quoted.append(u'"' + exemptionKindCode(kind) + u'"');
    const QString last = quoted.takeLast();
    return ExemptionCatalogue::tr("%1 or %2").arg(quoted.join(u", "_s), last);
}

std::optional<Exemption::Kind> exemptionKindFromCode(QStringView code)
{
    for (const Exemption::Kind kind : allExemptionKinds()) {
        if (code == exemptionKindCode(kind))
            return kind;
    }
    return std::nullopt;
}

QString exemptionKindDisplayName(Exemption::Kind kind)
{
    switch (kind) {
    case Exemption::Kind::Absolute:
        return ExemptionCatalogue::tr("Absolute exemption");
    case Exemption::Kind::Qualified:
        return ExemptionCatalogue::tr("Qualified exemption (public interest test)");
    case Exemption::Kind::Procedural:
        return ExemptionCatalogue::tr("Refusal of the whole request");
    case Exemption::Kind::NotHeld:
        return ExemptionCatalogue::tr("Information not held (no public interest test)");
    }
    return {};
}

QString exemptionKindShortName(Exemption::Kind kind)
{
    switch (kind) {
    case Exemption::Kind::Absolute:
        return ExemptionCatalogue::tr("Absolute");
    case Exemption::Kind::Qualified:
        return ExemptionCatalogue::tr("Qualified");
    case Exemption::Kind::Procedural:
        return ExemptionCatalogue::tr("Procedural");
    case Exemption::Kind::NotHeld:
        return ExemptionCatalogue::tr("Not held");
    }
    return {};
}

Result<ExemptionCatalogue> ExemptionCatalogue::shipped()
{
    // Parsed once; a function-local static is initialised once even with several threads.
    static const Result<ExemptionCatalogue> catalogue =
        parseBuiltInData(u":/data/exemptions.json"_s, tr("the exemption catalogue"), &parse);
    return catalogue;
}

Result<ExemptionCatalogue> ExemptionCatalogue::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(ErrorKind::BadInput,
                     tr("not valid JSON at byte %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return JsonFields::error(u"(top level)"_s, tr("expected a JSON object"));
    const QJsonObject root = document.object();

    const QJsonValue format = root.value(u"format"_s);
    if (!format.isString() || format.toString() != QLatin1String(FormatTag)) {
        return JsonFields::error(
            u"format"_s,
            tr("expected \"%1\", found %2")
                .arg(QLatin1String(FormatTag),
                     format.isString() ? u'"' + format.toString() + u'"' : JsonFields::describe(format)));
    }
    if (auto unknown = JsonFields::unknownKey(
            root, QString(), {u"format"_s, u"exemptions"_s}, tr("the exemption catalogue")))
        return *unknown;
    const QJsonValue list = root.value(u"exemptions"_s);
    if (!list.isArray()) {
        return JsonFields::error(u"exemptions"_s, JsonFields::expected(JsonFields::tr("an array"), list));
    }

    ExemptionCatalogue catalogue;
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"exemptions[%1]"_s.arg(i);
        Exemption entry;
        if (auto error = readEntry(array.at(i), path, &entry))
            return *error;
        const QString key = regimeCode(entry.regime) + u' ' + entry.code.toLower();
        if (seen.contains(key)) {
            return JsonFields::error(path + u".code"_s,
                            tr("%1 appears twice for %2; each code may appear once per law")
                                .arg(entry.code, regimeCode(entry.regime)));
        }
        seen.insert(key);
        catalogue.m_entries.append(entry);
    }
    return catalogue;
}

ExemptionCatalogue
ExemptionCatalogue::withCustomisations(const QMap<QString, ExemptionReasoning> &overrides,
                                       const QList<Exemption> &localExemptions) const
{
    ExemptionCatalogue result = *this;
    for (Exemption &entry : result.m_entries) {
        const auto it = overrides.constFind(entry.code);
        if (it == overrides.constEnd())
            continue;
        if (!it->reasoning.isEmpty())
            entry.reasoning = it->reasoning;
        if (!it->publicInterest.isEmpty())
            entry.publicInterest = it->publicInterest;
    }
    for (Exemption local : localExemptions) {
        local.local = true;
        const auto existing =
            std::find_if(result.m_entries.begin(), result.m_entries.end(), [&](const Exemption &e) {
                return e.regime == local.regime && e.code == local.code;
            });
        if (existing != result.m_entries.end())
            *existing = local;
        else
            result.m_entries.append(local);
    }
    return result;
}

QList<Exemption> ExemptionCatalogue::forRegime(Regime regime) const
{
    QList<Exemption> entries;
    for (const Exemption &entry : m_entries) {
        if (entry.regime == regime)
            entries.append(entry);
    }
    return entries;
}

const Exemption *ExemptionCatalogue::find(Regime regime, const QString &code) const
{
    for (const Exemption &entry : m_entries) {
        if (entry.regime == regime && entry.code == code)
            return &entry;
    }
    return nullptr;
}

std::optional<QString> ExemptionCatalogue::canonicalCode(Regime regime, const QString &typed) const
{
    const std::optional<QString> candidate = candidateCode(regime, typed);
    if (!candidate)
        return std::nullopt;
    for (const Exemption &entry : m_entries) {
        if (entry.regime == regime && entry.code.compare(*candidate, Qt::CaseInsensitive) == 0)
            return entry.code;
    }
    return std::nullopt;
}

QString ExemptionCatalogue::unknownCodeMessage(Regime regime, const QString &typed) const
{
    const QString law = regimeDisplayName(regime);
    const QString shown = typed.trimmed();
    if (shown.isEmpty()) {
        return tr("No exemption code was given; choose one of the exemptions of the %1, such as "
                  "%2.")
            .arg(law, exampleCodes(regime));
    }
    const QString opening = isEnvironmental(regime)
                                ? tr("\"%1\" is not an exception under the %2.").arg(shown, law)
                                : tr("\"%1\" is not an exemption under the %2.").arg(shown, law);

    auto described = [this, regime](const QString &code) -> QString {
        const Exemption *entry = find(regime, code);
        return entry ? u"%1 (%2)"_s.arg(code, entry->title) : code;
    };

    auto didYouMean = [&](QStringList codes) -> QString {
        if (codes.size() > 4)
            codes = codes.mid(0, 4);
        QStringList shownCodes;
        for (const QString &code : std::as_const(codes))
            shownCodes.append(described(code));
        const QString choices = shownCodes.size() == 1
                                    ? shownCodes.constFirst()
                                    : shownCodes.mid(0, shownCodes.size() - 1).join(u", "_s)
                                          + tr(" or ") + shownCodes.constLast();
        return opening + u' ' + tr("Did you mean %1?").arg(choices);
    };

    // A section typed without the sub-section this law needs: "s43" for s43(1) and s43(2).
    const std::optional<QString> candidate = candidateCode(regime, typed);
    if (candidate) {
        QStringList children;
        for (const Exemption &entry : m_entries) {
            if (entry.regime == regime && entry.code.toLower().startsWith(*candidate + u'('))
                children.append(entry.code);
        }
        if (!children.isEmpty())
            return didYouMean(children);
    }

    // The code of another law: name its counterpart under this one, or say there is none.
    QString otherLawNote;
    for (const Regime other : allRegimes()) {
        if (other == regime)
            continue;
        const std::optional<QString> code = canonicalCode(other, typed);
        if (!code)
            continue;
        const Exemption *entry = find(other, *code);
        const QString inOtherLaw = entry ? u"%1 (%2)"_s.arg(*code, entry->title) : *code;
        const QString equivalent = equivalentCode(other, *code, regime);
        if (!equivalent.isEmpty() && find(regime, equivalent)) {
            return opening + u' '
                   + tr("%1 belongs to the %2; under the %3 the nearest equivalent is %4. Did "
                        "you mean %5?")
                         .arg(inOtherLaw,
                              regimeDisplayName(other),
                              law,
                              described(equivalent),
                              equivalent);
        }
        if (otherLawNote.isEmpty()) {
            otherLawNote = tr("%1 belongs to the %2, which the %3 has no counterpart for; check "
                              "which law the request is under.")
                               .arg(inOtherLaw, regimeDisplayName(other), law);
        }
    }
    if (!otherLawNote.isEmpty())
        return opening + u' ' + otherLawNote;

    // A near miss under this law: "s40(3)" for s40(1) and s40(2).
    if (candidate) {
        QStringList close;
        for (const Exemption &entry : m_entries) {
            if (entry.regime == regime && editDistance(entry.code.toLower(), *candidate) <= 1)
                close.append(entry.code);
        }
        if (!close.isEmpty())
            return didYouMean(close);
    }
    return opening + u' '
           + tr("Write a code of that law as the catalogue does, such as %1, or add a local "
                "exemption in Settings.")
                 .arg(exampleCodes(regime));
}

QString ExemptionCatalogue::shortLabel(const QString &code)
{
    if (code.startsWith(u"reg"_s) && code.size() > 3 && code.at(3).isDigit())
        return u"reg "_s + code.mid(3);
    return code;
}

} // namespace foidesk
