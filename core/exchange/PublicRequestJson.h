#pragma once

#include "model/Request.h"
#include "release/ReleaseCheckResult.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace foidesk {

// The exchange format cleared for publication ("foidesk export-json REF --public"): what a
// disclosure log or an open-data page may show of a request. The requester and the officer are
// left out entirely, every withheld passage of an answer becomes its label
// ("[withheld: s40(2)]"), an answer withheld in full or neither confirmed nor denied becomes
// one sentence naming its exemptions, and the redactions and exemption reasons (which quote
// the withheld text) are left out. The file is marked "public": true. It keeps the format tag
// "foidesk.request/1" so that other tools read it, but it is not a copy of the request: it is
// never meant to be imported back (see isPublicExport()).
class PublicRequestJson
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::PublicRequestJson)

public:
    // The top-level field that marks a public export.
    static constexpr const char *PublicField = "public";

    // The request with everything that may not be published removed or replaced, as above.
    static Request publicCopy(const Request &request);

    // The public JSON of request, not yet checked.
    static QByteArray serialize(const Request &request);

    // serialize(request) written through release/CheckedWrite: beside path under a hidden name,
    // read back with ReleaseCheck::checkTextFile for WithheldText::strings(request), and renamed
    // to path only when clean. Otherwise nothing is left at path and Refused is returned with
    // one line per finding ("REF: withheld string 2 found in file bytes; the file was
    // deleted."); Io or DiskFull when it cannot be written. *result gets the check.
    static Result<void>
    writeFile(const Request &request, const QString &path, ReleaseCheckResult *result = nullptr);

    // The checked public JSON for standard output: written and checked in a temporary folder
    // as writeFile() does, and returned only when the check passed; otherwise as writeFile().
    static Result<QByteArray> checkedBytes(const Request &request,
                                           ReleaseCheckResult *result = nullptr);

    // True when json (a parsed exchange-format object, or its text) is a public export: the
    // reader refuses these, since importing one would replace a request with its redacted
    // shadow (no requester, withheld passages lost).
    static bool isPublicExport(const QJsonObject &json);
    static bool isPublicExport(const QByteArray &json);

    // The message for refusing to import a public export; file is the path shown.
    static QString importRefusal();
};

} // namespace foidesk
