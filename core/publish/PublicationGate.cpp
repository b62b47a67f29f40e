#include "publish/PublicationGate.h"

#include "model/RequestEnums.h"
#include "release/LeakMatcher.h"
#include "release/WithheldText.h"
#include "workflow/ReleaseGate.h"

namespace foidesk {

namespace {

void addDetail(QStringList &strings, const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified.size() >= 3 && !strings.contains(simplified))
        strings.append(simplified);
}

// How many of needles occur in any of outputs (LeakMatcher's comparison).
bool foundIn(const QStringList &needles, const QList<PublishedText> &outputs, QString *where)
{
    if (needles.isEmpty())
        return false;
    for (const PublishedText &output : outputs) {
        LeakMatcher matcher(needles);
        matcher.search(QString::fromUtf8(output.bytes), output.name);
        if (!matcher.findings().isEmpty()) {
            *where = output.name;
            return true;
        }
    }
    return false;
}

} // namespace

bool PublicationGate::isAnswered(RequestStatus status)
{
    return status == RequestStatus::Sent || status == RequestStatus::Closed;
}

QStringList PublicationGate::failures(const Request &request, const PublicationFacts &facts)
{
    QStringList found;
    if (!isAnswered(request.status)) {
        found.append(tr("It has not been answered: its status is %1, and only sent or closed "
                        "requests are published.")
                         .arg(statusDisplayName(request.status).toLower()));
    }
    if (request.notForPublication) {
        const QString reason = request.notForPublicationReason.simplified();
        found.append(reason.isEmpty() ? tr("It is marked not for publication (no reason given).")
                                      : tr("It is marked not for publication: %1").arg(reason));
    }
    if (request.publishAfter.isValid() && facts.today.isValid()
        && request.publishAfter > facts.today) {
        found.append(tr("It is to be published only from %1.")
                         .arg(request.publishAfter.toString(Qt::ISODate)));
    }
    QString releaseReason;
    if (!ReleaseGate::mayRelease(request, facts.lastCheck, &releaseReason))
        found.append(tr("Its letter has no passed release check for its current content. %1")
                         .arg(releaseReason)
                         .trimmed());
    if (facts.reviewOn && !facts.approved)
        found.append(tr("Review is on and no supervisor's approval of it is on record."));
    return found;
}

QStringList PublicationGate::outputFailures(const Request &request,
                                            const QList<PublishedText> &outputs)
{
    QStringList found;
    QString where;
    const auto check = [&](const QString &text, const QString &sentence) {
        QStringList one;
        addDetail(one, text);
        if (foundIn(one, outputs, &where))
            found.append(sentence.arg(where));
    };
    check(request.requester.name, tr("The requester's name would be published in %1."));
    check(request.requester.email, tr("The requester's email would be published in %1."));
    QStringList address;
    addDetail(address, request.requester.address);
    addDetail(address, request.requester.address.section(u'\n', 0, 0));
    if (foundIn(address, outputs, &where))
        found.append(tr("The requester's address would be published in %1.").arg(where));
    const QStringList withheld = WithheldText::strings(request);
    for (const PublishedText &output : outputs) {
        LeakMatcher matcher(withheld);
        matcher.search(QString::fromUtf8(output.bytes), output.name);
        if (!matcher.findings().isEmpty()) {
            found.append(tr("%n withheld string(s) would be published in %1.",
                            nullptr,
                            int(matcher.findings().size()))
                             .arg(output.name));
        }
    }
    return found;
}

QStringList PublicationGate::requesterStrings(const Request &request)
{
    QStringList strings;
    addDetail(strings, request.requester.name);
    addDetail(strings, request.requester.email);
    addDetail(strings, request.requester.address);
    addDetail(strings, request.requester.address.section(u'\n', 0, 0));
    return strings;
}

} // namespace foidesk
