#pragma once

#include "release/ReleaseCheckResult.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>

namespace foidesk {

// The one way FOI Desk writes a file that may leave the office (a response letter, a public
// copy of a request): the owner of the rule "a file is read back and checked for every
// withheld string before it gets its name".
//
// The file is written beside its destination under a hidden name nobody would send
// (".NAME.xxxxxxxxxxxx.checking"), read back with an independent reader, and renamed into place
// only when nothing withheld was found in it. Otherwise it is deleted and the refusal names each
// finding as "withheld string N" (never the string itself, so the message can be shown and
// logged). A leaking file never exists under the name asked for, not even for a moment.
class CheckedWrite
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::CheckedWrite)

public:
    struct Job
    {
        QString path;           // where the file is to end up
        QString reference;      // the request, to name it in messages
        QString what;           // "the PDF", "the public file": what could not be checked
        QStringList withheld;   // what must not be in it (WithheldText::strings)
        QByteArray fingerprint; // the request's content (RequestFingerprint), kept with the check
        // Writes the whole file at the path it is given (the hidden name, or path itself when
        // nothing is read back). Returns why it could not.
        std::function<Result<void>(const QString &file)> write;
        // Reads the written file back: ReleaseCheck::checkPdf or ReleaseCheck::checkTextFile.
        std::function<ReleaseCheckResult(
            const QString &file, const QStringList &withheld, const QByteArray &fingerprint)>
            check;
        // A file that withholds nothing is written straight to path and not read back unless
        // this is set (reading a PDF back costs more than writing it).
        bool checkWhenNothingWithheld = false;
    };

    // Runs job. Refused (nothing left behind) when a withheld string was found or the file could
    // not be read back; BadInput when path is a file of the open log (util/LiveLogFiles.h); the
    // writer's Io or DiskFull otherwise, naming path rather than the hidden name. *result (when
    // given) receives the check, or for an unchecked file one that says nothing was looked for.
    static Result<void> run(const Job &job, ReleaseCheckResult *result = nullptr);
};

} // namespace foidesk
