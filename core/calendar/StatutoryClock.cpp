#include "calendar/StatutoryClock.h"

#include "model/RequestEnums.h"

#include <QLocale>
#include <QMap>
#include <algorithm>
#include <optional>

namespace foidesk {

namespace {

constexpr int StandardPeriod = Deadlines::StandardWorkingDays;
// FOIA s9(2) and FOISA s9(4): the fee must be paid within three months beginning with the day
// the notice is given.
constexpr int FeeMonths = 3;

QString longDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

QString shortDay(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("ddd"));
}

bool scottishRules(Regime regime)
{
    return regime == Regime::FOISA || regime == Regime::EIRS;
}

bool environmental(Regime regime)
{
    return regime == Regime::EIR || regime == Regime::EIRS;
}

QString nationName(Nation nation)
{
    switch (nation) {
    case Nation::EnglandAndWales:
        return StatutoryClock::tr("England and Wales");
    case Nation::Scotland:
        return StatutoryClock::tr("Scotland");
    case Nation::NorthernIreland:
        return StatutoryClock::tr("Northern Ireland");
    }
    return {};
}

// The last day of the three months beginning with the day a fees notice was given.
QDate feeLapseDay(const QDate &notice)
{
    return notice.addMonths(FeeMonths).addDays(-1);
}

Error refused(const QString &message)
{
    return Error(ErrorKind::BadInput, message);
}

// A disregarded span of days: from the day a fees notice was given to the day the fee was paid,
// both included; `to` is invalid while the fee is unpaid.
struct Disregard
{
    QDate from;
    QDate to;

    bool contains(const QDate &day) const { return day >= from && (!to.isValid() || day <= to); }
};

} // namespace

QStringList ClockWorking::lines() const
{
    QStringList out;
    for (const ClockStep &step : steps) {
        out.append(step.date.toString(Qt::ISODate) + u' ' + shortDay(step.date)
                   + QStringLiteral("  ") + step.text);
    }
    return out;
}

StatutoryClock::StatutoryClock(const HolidayCalendar &calendar)
    : m_deadlines(calendar)
{}

QString StatutoryClock::nonWorkingReason(const QDate &date, Regime regime) const
{
    if (m_deadlines.isWorkingDay(date, regime))
        return {};
    if (date.dayOfWeek() == Qt::Saturday)
        return tr("Saturday");
    if (date.dayOfWeek() == Qt::Sunday)
        return tr("Sunday");
    if (date.month() == 12 && date.day() == 25)
        return tr("Christmas Day");
    if (date == Deadlines::goodFriday(date.year()))
        return tr("Good Friday");

    // Bank holidays: the name of each, with the parts of the UK that have it unless all do.
    QMap<QString, QList<Nation>> byName;
    QStringList order;
    for (const Holiday &holiday : m_deadlines.calendar().holidaysOn(date)) {
        if (scottishRules(regime) && holiday.nation != Nation::Scotland)
            continue;
        if (!byName.contains(holiday.name))
            order.append(holiday.name);
        byName[holiday.name].append(holiday.nation);
    }
    QStringList parts;
    for (const QString &name : std::as_const(order)) {
        const QList<Nation> &nations = byName.value(name);
        if (nations.size() == 3) {
            parts.append(name);
            continue;
        }
        QStringList where;
        for (const Nation nation : nations)
            where.append(nationName(nation));
        parts.append(name + QStringLiteral(" (") + where.join(QStringLiteral(", ")) + u')');
    }
    return parts.join(QStringLiteral("; "));
}

Result<QDate> StatutoryClock::addWorkingDays(const QDate &from, int n, Regime regime) const
{
    QDate day = from;
    int counted = 0;
    while (counted < n) {
        day = day.addDays(1);
        if (const Result<void> covered = m_deadlines.checkCovered(day); !covered)
            return covered.error();
        if (m_deadlines.isWorkingDay(day, regime))
            ++counted;
    }
    return day;
}

Result<int>
StatutoryClock::workingDaysBetween(const QDate &from, const QDate &to, Regime regime) const
{
    int count = 0;
    for (QDate day = from.addDays(1); day <= to; day = day.addDays(1)) {
        if (const Result<void> covered = m_deadlines.checkCovered(day); !covered)
            return covered.error();
        if (m_deadlines.isWorkingDay(day, regime))
            ++count;
    }
    return count;
}

Result<ClockWorking> StatutoryClock::work(const Request &request) const
{
    return work(request.received, request.regime, request.clockEvents, request.responseSent);
}

Result<ClockWorking> StatutoryClock::work(const QDate &received,
                                          Regime regime,
                                          const QList<ClockEvent> &unordered,
                                          const QDate &responseSent) const
{
    if (!received.isValid()) {
        return refused(tr("The date received is missing or not a real date; enter it as "
                          "YYYY-MM-DD."));
    }
    const QList<ClockEvent> events = inDateOrder(unordered);
    ClockWorking w;
    w.regime = regime;
    w.received = received;
    w.start = received;
    w.steps.append({ClockStep::Kind::Receipt, received, 0, tr("received (the date of receipt)")});

    auto eventStep = [&w](const QDate &date, const QString &text) {
        w.steps.append({ClockStep::Kind::Event, date, 0, text});
    };

    // First pass: the events that decide where the count starts and which days it skips.
    QList<Disregard> disregards;
    std::optional<QDate> clarificationSought;
    std::optional<QDate> noticeGiven;
    for (const ClockEvent &event : events) {
        const QString kindName = clockEventKindDisplayName(event.kind);
        if (!event.date.isValid()) {
            return refused(tr("The event \"%1\" has no date; enter the day it happened as "
                              "YYYY-MM-DD.")
                               .arg(kindName));
        }
        if (event.date < received) {
            return refused(tr("The event \"%1\" on %2 is before the request was received on %3; "
                              "check both dates.")
                               .arg(kindName, longDate(event.date), longDate(received)));
        }
        if (const QString problem = clockEventFieldProblem(event); !problem.isEmpty())
            return refused(problem);
        switch (event.kind) {
        case ClockEventKind::ClarificationSought:
            if (!clarificationSought)
                clarificationSought = event.date;
            eventStep(event.date,
                      tr("clarification sought: the clock stops until the clarification "
                         "arrives"));
            break;
        case ClockEventKind::ClarificationReceived:
            if (!clarificationSought) {
                return refused(tr("A clarification received on %1 cannot be recorded: no "
                                  "clarification was sought on or before that day. Record the "
                                  "day it was sought first.")
                                   .arg(longDate(event.date)));
            }
            clarificationSought.reset();
            w.start = event.date;
            eventStep(event.date,
                      tr("clarification received: this is the new date of receipt, and a fresh "
                         "%1 working days run from it")
                          .arg(StandardPeriod));
            break;
        case ClockEventKind::FeesNoticeIssued:
            if (noticeGiven) {
                return refused(tr("A fees notice issued on %1 cannot be recorded while the "
                                  "notice of %2 is unpaid. Record the fee paid first.")
                                   .arg(longDate(event.date), longDate(*noticeGiven)));
            }
            noticeGiven = event.date;
            eventStep(event.date,
                      tr("fees notice issued: working days until the fee is paid are "
                         "disregarded; unpaid, it lapses after %1")
                          .arg(longDate(feeLapseDay(event.date))));
            break;
        case ClockEventKind::FeePaid:
            if (!noticeGiven) {
                return refused(tr("A fee paid on %1 cannot be recorded: no fees notice was "
                                  "issued on or before that day. Record the fees notice first.")
                                   .arg(longDate(event.date)));
            }
            disregards.append({*noticeGiven, event.date});
            eventStep(event.date, tr("fee paid: the clock runs again from the next working day"));
            if (event.date > feeLapseDay(*noticeGiven)) {
                w.warnings.append(
                    tr("The fee was paid on %1, after the three months the fees notice of %2 "
                       "allowed (they ended on %3, FOIA s9(2)); the authority need not answer the "
                       "request unless it chooses to.")
                        .arg(longDate(event.date),
                             longDate(*noticeGiven),
                             longDate(feeLapseDay(*noticeGiven))));
            }
            noticeGiven.reset();
            break;
        case ClockEventKind::PublicInterestExtension:
            if (regime != Regime::FOIA) {
                return refused(tr("A public interest extension cannot be recorded for a request "
                                  "under %1: only FOIA section 10(3) allows one. %2")
                                   .arg(regimeShortName(regime),
                                        environmental(regime)
                                            ? tr("Use the extension to forty working days "
                                                 "(regulation 7) instead.")
                                            : tr("FOISA allows no extension of the twenty "
                                                 "working days.")));
            }
            if (!event.estimatedDate.isValid()) {
                return refused(tr("The public interest extension of %1 has no estimated date; "
                                  "enter the date the requester was told to expect a decision.")
                                   .arg(longDate(event.date)));
            }
            break;
        case ClockEventKind::EirExtension:
            if (!environmental(regime)) {
                return refused(tr("An extension to forty working days cannot be recorded for a "
                                  "request under %1: it exists only under regulation 7 of the "
                                  "Environmental Information Regulations.")
                                   .arg(regimeShortName(regime)));
            }
            break;
        case ClockEventKind::InternalReviewRequested:
        case ClockEventKind::InternalReviewOutcome:
        case ClockEventKind::ComplaintToCommissioner:
            break;
        }
    }

    if (noticeGiven) {
        disregards.append({*noticeGiven, QDate()});
        w.feeLapses = feeLapseDay(*noticeGiven);
    }

    // The extensions, checked against the deadline they would extend.
    const bool extended = std::any_of(events.cbegin(), events.cend(), [](const ClockEvent &e) {
        return e.kind == ClockEventKind::EirExtension;
    });
    w.period = extended ? ExtendedWorkingDays : StandardPeriod;

    // Second pass: count from the date of receipt, listing every day.
    if (clarificationSought) {
        w.stopped = tr("The clock is stopped: clarification was sought on %1 and has not been "
                       "received. A fresh %2 working days will run from the day it arrives.")
                        .arg(longDate(*clarificationSought))
                        .arg(StandardPeriod);
    } else {
        QDate day = w.start;
        int counted = 0;
        while (counted < w.period) {
            day = day.addDays(1);
            if (const Result<void> covered = m_deadlines.checkCovered(day); !covered)
                return covered.error();
            const QString reason = nonWorkingReason(day, regime);
            if (!reason.isEmpty()) {
                w.steps.append({ClockStep::Kind::Skipped, day, 0, tr("skipped: %1").arg(reason)});
                continue;
            }
            const auto disregard =
                std::find_if(disregards.cbegin(), disregards.cend(), [&day](const Disregard &d) {
                    return d.contains(day);
                });
            if (disregard != disregards.cend()) {
                if (!disregard->to.isValid()) {
                    w.stopped = tr("The clock is stopped: the fees notice of %1 is unpaid, and "
                                   "working days are disregarded until the fee arrives. Unpaid, "
                                   "the notice lapses after %2 (FOIA s9(2)).")
                                    .arg(longDate(disregard->from), longDate(w.feeLapses));
                    w.steps.append({ClockStep::Kind::Skipped,
                                    day,
                                    0,
                                    tr("skipped from here: disregarded: fees notice unpaid")});
                    break;
                }
                w.steps.append({ClockStep::Kind::Skipped,
                                day,
                                0,
                                tr("skipped: disregarded: fees notice unpaid")});
                continue;
            }
            ++counted;
            if (counted == StandardPeriod)
                w.statutory = day;
            w.steps.append({ClockStep::Kind::Counted, day, counted, tr("day %1").arg(counted)});
        }
        if (w.stopped.isEmpty()) {
            const QDate twentieth = w.statutory;
            w.statutory = day;
            w.due = day;
            // An extension must be given while the twenty days are running.
            for (const ClockEvent &event : events) {
                if ((event.kind == ClockEventKind::EirExtension
                     || event.kind == ClockEventKind::PublicInterestExtension)
                    && event.date > twentieth) {
                    return refused(tr("The extension given on %1 cannot be recorded: the "
                                      "deadline of %2 had already passed. An extension must be "
                                      "given to the requester within the first twenty working "
                                      "days.")
                                       .arg(longDate(event.date), longDate(twentieth)));
                }
                if (event.kind == ClockEventKind::EirExtension) {
                    eventStep(event.date,
                              tr("extended to %1 working days (EIR regulation 7)")
                                  .arg(ExtendedWorkingDays));
                }
            }
            // A public interest extension: the last estimate given is the date that counts.
            for (const ClockEvent &event : events) {
                if (event.kind != ClockEventKind::PublicInterestExtension)
                    continue;
                if (event.estimatedDate <= w.statutory) {
                    return refused(tr("The public interest extension of %1 estimates %2, which "
                                      "is not after the deadline of %3; enter the later date the "
                                      "requester was given.")
                                       .arg(longDate(event.date),
                                            longDate(event.estimatedDate),
                                            longDate(w.statutory)));
                }
                eventStep(event.date,
                          tr("public interest extension (FOIA s10(3)): estimated date %1")
                              .arg(longDate(event.estimatedDate)));
                w.due = event.estimatedDate;
            }
            if (w.due != w.statutory) {
                int further = 0;
                for (QDate d = w.statutory.addDays(1); d <= w.due; d = d.addDays(1)) {
                    if (const Result<void> covered = m_deadlines.checkCovered(d); !covered)
                        return covered.error();
                    const QString reason = nonWorkingReason(d, regime);
                    if (!reason.isEmpty()) {
                        w.steps.append(
                            {ClockStep::Kind::Skipped, d, 0, tr("skipped: %1").arg(reason)});
                        continue;
                    }
                    ++further;
                    w.steps.append(
                        {ClockStep::Kind::Counted,
                         d,
                         counted + further,
                         tr("day %1 (extension day %2)").arg(counted + further).arg(further)});
                }
                if (further > StandardPeriod) {
                    w.warnings.append(
                        tr("The estimated date %1 is %2 working days after the statutory "
                           "deadline of %3; the ICO expects a public interest extension to take "
                           "no more than %4 further working days.")
                            .arg(longDate(w.due))
                            .arg(further)
                            .arg(longDate(w.statutory))
                            .arg(StandardPeriod));
                }
            }
            for (ClockStep &step : w.steps) {
                if (step.kind == ClockStep::Kind::Counted && step.date == w.due)
                    step.text += tr(": due");
            }
        }
    }

    // The response and what came after it.
    if (responseSent.isValid()) {
        if (responseSent < received) {
            return refused(tr("The response was sent on %1, before the request was received on "
                              "%2; check both dates.")
                               .arg(longDate(responseSent), longDate(received)));
        }
        QString text = tr("response sent");
        if (w.due.isValid() && responseSent > w.due) {
            const Result<int> late = workingDaysBetween(w.due, responseSent, regime);
            if (!late)
                return late.error();
            text += tr(": %1 working days after the due date").arg(*late);
        } else if (w.due.isValid()) {
            text += tr(": in time");
        }
        eventStep(responseSent, text);
    }

    std::optional<QDate> reviewRequested;
    for (const ClockEvent &event : events) {
        switch (event.kind) {
        case ClockEventKind::InternalReviewRequested: {
            reviewRequested = event.date;
            const int reviewDays = regime == Regime::EIR ? ExtendedWorkingDays : StandardPeriod;
            const Result<QDate> due = addWorkingDays(event.date, reviewDays, regime);
            if (!due)
                return due.error();
            w.reviewDue = *due;
            w.reviewLatest = QDate();
            QString text = tr("internal review requested: due %1").arg(longDate(*due));
            if (regime == Regime::FOIA) {
                const Result<QDate> latest =
                    addWorkingDays(event.date, ExtendedWorkingDays, regime);
                if (!latest)
                    return latest.error();
                w.reviewLatest = *latest;
                text += tr(", %1 at the latest").arg(longDate(*latest));
            }
            eventStep(event.date, text);
            if (responseSent.isValid() && event.date > responseSent) {
                const Result<int> after = workingDaysBetween(responseSent, event.date, regime);
                if (!after)
                    return after.error();
                if (*after > ReviewRequestLimit) {
                    w.warnings.append(
                        tr("The internal review was requested on %1, %2 working days after the "
                           "response of %3; the section 45 Code of Practice lets the authority "
                           "decline a review asked for more than %4 working days after the "
                           "response.")
                            .arg(longDate(event.date))
                            .arg(*after)
                            .arg(longDate(responseSent))
                            .arg(ReviewRequestLimit));
                }
            }
            break;
        }
        case ClockEventKind::InternalReviewOutcome: {
            if (!reviewRequested) {
                return refused(tr("An internal review outcome on %1 cannot be recorded: no "
                                  "internal review was requested on or before that day. Record "
                                  "the request for a review first.")
                                   .arg(longDate(event.date)));
            }
            const QDate limit = w.reviewLatest.isValid() ? w.reviewLatest : w.reviewDue;
            eventStep(event.date,
                      event.reviewResult
                          ? tr("internal review outcome sent: %1")
                                .arg(reviewResultDisplayName(*event.reviewResult).toLower())
                          : tr("internal review outcome sent"));
            if (event.date > limit) {
                w.warnings.append(tr("The internal review outcome of %1 came after %2, the "
                                     "latest day it was due.")
                                      .arg(longDate(event.date), longDate(limit)));
            }
            reviewRequested.reset();
            break;
        }
        case ClockEventKind::ComplaintToCommissioner:
            eventStep(event.date, tr("complaint to the Commissioner"));
            break;
        default:
            break;
        }
    }

    // Chronological, with the receipt and the events before the days of the same date.
    std::stable_sort(w.steps.begin(), w.steps.end(), [](const ClockStep &a, const ClockStep &b) {
        if (a.date != b.date)
            return a.date < b.date;
        return int(a.kind) < int(b.kind);
    });
    return w;
}

} // namespace foidesk
