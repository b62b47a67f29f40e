#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace foidesk {

class Store;

struct PublishOptions
{
    QString outDir; // the site's folder; created when missing
    QDate since;    // valid: only requests answered on or after this day
    QDate today;    // for "publish after"; the current date when invalid
    // Called after each request is prepared, and once with done == total before the site is
    // swapped in. Returning false cancels: the previous site stays as it was.
    std::function<bool(int done, int total)> progress;
};

// A request the gate kept out, with every reason.
struct SkippedRequest
{
    QString reference;
    QStringList reasons;
};

struct PublishResult
{
    bool cancelled = false;
    QStringList published;         // references, newest answered first
    QList<SkippedRequest> skipped; // answered requests the gate refused
    int notAnswered = 0;           // requests not sent or closed yet (not listed)
    QStringList written;           // site files written because new or changed ("index.html")
    QStringList removed;           // site files removed (requests no longer published)
    // Published requests whose page has no letter, each a sentence: no letter as sent is kept
    // in the log, or its released copy could not be made (the message says why).
    QStringList notes;
};

// Publishes the disclosure log of a store as a static site (publish/SiteWriter.h).
//
// The whole new site is first written to a hidden folder beside outDir, every byte of every
// file (the PDFs through ReleaseCheck::checkPdf) is searched for each published request's
// withheld strings and requester details, and only then are the files that changed moved into
// outDir and the pages of requests no longer published removed. A cancelled or failed publish
// leaves outDir as it was and nothing beside it.
class Publisher
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::Publisher)

public:
    // Errors: the store's, Io/DiskFull when the site cannot be written, Refused when the final
    // scan found a requester detail or withheld string in a file (nothing is published then).
    static Result<PublishResult> publish(const Store &store, const PublishOptions &options);
};

} // namespace foidesk
