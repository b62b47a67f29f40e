#pragma once

#include <QHash>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace foidesk {

// The wording of one sentence or paragraph of a letter, with named placeholders such as
// {reference} filled in when a letter is composed. "{{" and "}}" stand for literal braces.
class LetterTemplate
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LetterTemplate)

public:
    // Every placeholder a template may use, in the order the profile documentation lists them.
    static QStringList knownPlaceholders();

    // What a placeholder stands for, for messages: "the date the request was received".
    static QString describePlaceholder(const QString &name);

    // The placeholders text uses, in order of first use. std::nullopt, with *error set to a
    // complete sentence, when a brace is unmatched or a placeholder is not a known one.
    static std::optional<QStringList> placeholders(const QString &text, QString *error);

    // text with each placeholder replaced by its value. A placeholder whose value is missing or
    // empty is replaced by "[description]" and its name appended to *missing (once), so that a
    // gap shows in a draft and is reported instead of printing "{received}".
    static QString expand(const QString &text,
                          const QHash<QString, QString> &values,
                          QStringList *missing = nullptr);
};

} // namespace foidesk
