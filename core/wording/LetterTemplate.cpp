#include "wording/LetterTemplate.h"

#include <QCoreApplication>

namespace foidesk {

namespace {

struct PlaceholderInfo
{
    const char *name;
    const char *description;
};

// The descriptions appear in brackets in a draft where a value is missing, and in messages.
constexpr PlaceholderInfo placeholderTable[] = {
    {"organisation", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "name of the organisation")},
    {"organisation_address",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "postal address of the organisation")},
    {"organisation_email",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "contact email of the organisation")},
    {"organisation_phone",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "contact phone number of the organisation")},
    {"reference", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "request reference")},
    {"title", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "request title")},
    {"received", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "date the request was received")},
    {"letter_date", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "date of the letter")},
    {"requester_name", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "name of the requester")},
    {"regime_name",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "full name of the law the request is under")},
    {"regime_short",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "short name of the law the request is under")},
    {"review_email",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "email address for review requests")},
    {"review_address",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "postal address for review requests")},
    {"regulator", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "regulator's contact details")},
    {"regulator_name", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "regulator's name")},
    {"regulator_address", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "regulator's address")},
    {"regulator_phone", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "regulator's telephone")},
    {"regulator_website", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "regulator's website")},
    {"published_data_link",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "link to the organisation's published data")},
    // Refusal notices and withheld answers: the exemption being applied and where.
    {"exemption",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "citation of the exemption in full")},
    {"exemption_code", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "short code of the exemption")},
    {"exemption_title", QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "title of the exemption")},
    {"questions",
     QT_TRANSLATE_NOOP("foidesk::LetterTemplate", "questions the exemption applies to")},
};


bool isKnown(const QString &name)
{
    for (const auto &info : placeholderTable) {
        if (name == QLatin1String(info.name))
            return true;
    }
    return false;
}

// Walks text once, calling onText for literal runs and onPlaceholder for each {name}.
// Returns an error sentence, or an empty string when the text is well formed.
template <typename TextFn, typename PlaceholderFn>
QString scan(const QString &text, TextFn onText, PlaceholderFn onPlaceholder)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'{') {
            if (i + 1 < n && text.at(i + 1) == u'{') {
                onText(QStringLiteral("{"));
                i += 2;
                continue;
            }
            const qsizetype close = text.indexOf(u'}', i + 1);
            if (close < 0) {
                return LetterTemplate::tr("a '{' at character %1 is never closed; write '{{' for a literal brace")
                    .arg(i + 1);
            }
            const QString name = text.mid(i + 1, close - i - 1);
            if (name.isEmpty() || name.contains(u'{')) {
                return LetterTemplate::tr("a '{' at character %1 does not start a placeholder name; write '{{' "
                          "for a literal brace")
                    .arg(i + 1);
            }
            if (!isKnown(name)) {
                return LetterTemplate::tr("unknown placeholder {%1}; the known placeholders are %2")
                    .arg(name, LetterTemplate::knownPlaceholders().join(QStringLiteral(", ")));
            }
            onPlaceholder(name);
            i = close + 1;
            continue;
        }
        if (c == u'}') {
            if (i + 1 < n && text.at(i + 1) == u'}') {
                onText(QStringLiteral("}"));
                i += 2;
                continue;
            }
            return LetterTemplate::tr("a '}' at character %1 has no matching '{'; write '}}' for a literal brace")
                .arg(i + 1);
        }
        qsizetype next = i;
        while (next < n && text.at(next) != u'{' && text.at(next) != u'}')
            ++next;
        onText(text.mid(i, next - i));
        i = next;
    }
    return {};
}

} // namespace

QStringList LetterTemplate::knownPlaceholders()
{
    QStringList names;
    for (const auto &info : placeholderTable)
        names.append(QLatin1String(info.name));
    return names;
}

QString LetterTemplate::describePlaceholder(const QString &name)
{
    for (const auto &info : placeholderTable) {
        if (name == QLatin1String(info.name))
            return LetterTemplate::tr(info.description);
    }
    return name;
}

std::optional<QStringList> LetterTemplate::placeholders(const QString &text, QString *error)
{
    QStringList used;
    const QString problem = scan(
        text,
        [](const QString &) {},
        [&used](const QString &name) {
            if (!used.contains(name))
                used.append(name);
        });
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return used;
}

QString LetterTemplate::expand(const QString &text,
                               const QHash<QString, QString> &values,
                               QStringList *missing)
{
    QString out;
    out.reserve(text.size() + 64);
    const QString problem = scan(
        text,
        [&out](const QString &literal) { out += literal; },
        [&](const QString &name) {
            const QString value = values.value(name).trimmed();
            if (!value.isEmpty()) {
                out += value;
                return;
            }
            out += u'[' + describePlaceholder(name) + u']';
            if (missing && !missing->contains(name))
                missing->append(name);
        });
    // Profiles are validated when loaded, so a malformed template only reaches here from code
    // that skipped validation; printing it unexpanded is more honest than guessing.
    if (!problem.isEmpty())
        return text;
    return out;
}

} // namespace foidesk
