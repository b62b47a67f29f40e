#pragma once

#include <QString>
#include <QStringList>

namespace foidesk {

// The templates a profile's wording is made of: every key a letter uses, in the order a
// settings form offers them, each with a short description (docs/profile-format.md).
class TemplateCatalogue
{
public:
    static QStringList keys();
    // A short translated description of what a template is for; empty for an unknown key.
    static QString description(const QString &key);
};

} // namespace foidesk
