#include "calendar/DateChecks.h"

#include "calendar/DateText.h"
#include "calendar/StatutoryClock.h"

#include <QLocale>

namespace foidesk {

namespace {

QString longDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

} // namespace

QString DateChecks::deadline(const Request &request, const QDate &today, const Deadlines &deadlines)
{
    if (!request.received.isValid() || request.received > today)
        return QString();
    // The same clock as `foidesk due` and the stored due date: the events move the deadline.
    const Result<ClockWorking> working = StatutoryClock(deadlines.calendar()).work(request);
    if (!working) {
        if (working.errorKind() == ErrorKind::BadInput) {
            return tr("No due date: the clock events are in an order the law does not allow. "
                      "Correct them under Statutory clock on the Request tab.");
        }
        return QString(); // the holiday data runs out: the warnings say so
    }
    if (!working->due.isValid())
        return working->stopped;
    const QDate due = working->due;
    const QString when = tr("Due %1").arg(longDate(due));
    // The day the response went out: the one recorded for the clock, else the letter's date.
    const QDate answered =
        request.responseSent.isValid() ? request.responseSent : request.letterDate;
    // A request that is answered, closed or withdrawn is not running late: say how it ended.
    bool ended = request.responseSent.isValid();
    switch (request.status) {
    case RequestStatus::Withdrawn:
        return tr("%1: withdrawn").arg(when);
    case RequestStatus::Sent:
    case RequestStatus::Closed:
        ended = true;
        break;
    case RequestStatus::New:
    case RequestStatus::InProgress:
    case RequestStatus::ClarificationSought:
    case RequestStatus::AwaitingReview:
    case RequestStatus::Returned:
    case RequestStatus::Approved:
        break;
    }
    if (ended) {
        if (!answered.isValid())
            return tr("%1: answered").arg(when);
        const QString sent = QLocale(QLocale::English, QLocale::UnitedKingdom)
                                 .toString(answered, QStringLiteral("d MMMM yyyy"));
        const Result<int> late = deadlines.workingDaysLeft(answered, due, request.regime);
        if (!late || *late >= 0)
            return tr("%1: answered on %2, in time").arg(when, sent);
        return *late == -1
                   ? tr("%1: answered on %2, 1 working day late").arg(when, sent)
                   : tr("%1: answered on %2, %3 working days late").arg(when, sent).arg(-*late);
    }
    const Result<int> left = deadlines.workingDaysLeft(today, due, request.regime);
    if (!left)
        return when;
    if (*left == 0)
        return tr("%1: due today").arg(when);
    if (*left > 0)
        return *left == 1 ? tr("%1: 1 working day left").arg(when)
                          : tr("%1: %2 working days left").arg(when).arg(*left);
    return *left == -1 ? tr("%1: 1 working day overdue").arg(when)
                       : tr("%1: %2 working days overdue").arg(when).arg(-*left);
}

QStringList
DateChecks::warnings(const Request &request, const QDate &today, const Deadlines &deadlines)
{
    QStringList out;
    const QDate received = request.received;
    if (received.isValid() && received > today) {
        out.append(tr("The date received, %1, is in the future: check it.")
                       .arg(DateText::format(received)));
    }
    if (received.isValid() && request.letterDate.isValid() && request.letterDate < received) {
        out.append(tr("The letter is dated %1, before the request was received on %2: check "
                      "both dates.")
                       .arg(DateText::format(request.letterDate), DateText::format(received)));
    }
    if (received.isValid() && received <= today) {
        const Result<ClockWorking> working = StatutoryClock(deadlines.calendar()).work(request);
        if (!working && working.errorKind() == ErrorKind::Refused)
            out.append(tr("No deadline can be worked out: %1").arg(working.errorMessage()));
        // Lawful but worth seeing: an extension longer than the ICO expects, a late fee.
        if (working)
            out.append(working->warnings);
    }
    return out;
}

} // namespace foidesk
