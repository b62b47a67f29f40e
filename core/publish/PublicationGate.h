#pragma once

#include "model/Request.h"
#include "release/ReleaseCheckResult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace foidesk {

// What the gate needs to know about one request besides the request itself.
struct PublicationFacts
{
    std::optional<ReleaseCheckResult> lastCheck; // the latest release check of its letter
    bool reviewOn = false;                       // the log has supervisor review on
    bool approved = false;                       // a supervisor's approval is on record
    QDate today;
};

// One file of the published site as it would be written, for the gate to read.
struct PublishedText
{
    QString name; // "requests/6370952.html", to name it in a failure
    QByteArray bytes;
};

// Whether one request may appear in the published disclosure log: the one owner of that rule.
// Every failure is a complete sentence for the officer; an empty list means it may be published.
class PublicationGate
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::PublicationGate)

public:
    // True for the statuses of an answered request: Sent and Closed (a log's old "responded"
    // is read as Sent).
    static bool isAnswered(RequestStatus status);

    // The failures that need no output: not answered, marked not for publication (with its
    // reason), a publish-after day still to come, the letter's last release check not passed
    // for the current content (release/ReleaseGate), and, with review on, no approval.
    static QStringList failures(const Request &request, const PublicationFacts &facts);

    // The failures found in what would be published for the request: the requester's name,
    // email or address, or a withheld string, in any of outputs. The strings themselves are
    // never repeated in a failure.
    static QStringList outputFailures(const Request &request, const QList<PublishedText> &outputs);

    // The requester's details as they are looked for in published files: the name, the email,
    // the whole address and its first line. Strings shorter than three characters are left out.
    static QStringList requesterStrings(const Request &request);
};

} // namespace foidesk
