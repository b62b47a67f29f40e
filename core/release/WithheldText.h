#pragma once

#include "model/Request.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace foidesk {

class ExemptionCatalogue;

// What a request withholds, and how a withheld passage is shown: one definition, used by the
// letter, its release check, the public copy and anything published.
class WithheldText
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::WithheldText)

public:
    // Every string the request withholds: the text of each redaction span, and the whole
    // answer of every question withheld in full or neither confirmed nor denied (nothing
    // published prints it) and each of its non-empty lines (trimmed; strings with fewer than
    // two visible characters left out). Distinct, in order of appearance. This is what every
    // release check looks for in exported files.
    static QStringList strings(const Request &request);

    // The label shown where a passage is withheld. wording is the authority's template (the
    // profile's "withheld.label", with {exemption_code}, {exemption} and {exemption_title});
    // empty, unusable, or expanding to nothing, it is "[withheld: s40(2)]". A code is shown in
    // its short form ("reg 13"); catalogue, when given, supplies the citation and title.
    static QString label(const QString &exemptionCode,
                         const QString &wording = QString(),
                         const ExemptionCatalogue *catalogue = nullptr);
};

} // namespace foidesk
