#include "stats/DashboardFigures.h"

#include "listing/SavedView.h"
#include "model/RequestEnums.h"
#include "store/Store.h"

#include <algorithm>

namespace foidesk {

std::optional<double> MonthFigure::shareInTime() const
{
    if (answered <= 0)
        return std::nullopt;
    return double(inTime) / double(answered);
}

QDate DashboardCounter::firstMonth(const QDate &today)
{
    return QDate(today.year(), today.month(), 1).addMonths(-11);
}

Quarter DashboardCounter::lastCompleteQuarter(const QDate &today)
{
    const int current = (today.month() - 1) / 3 + 1;
    if (current == 1)
        return Quarter{today.year() - 1, 4};
    return Quarter{today.year(), current - 1};
}

Result<DashboardFigures> DashboardCounter::count(const Store &store, const QDate &today)
{
    const QDate lastDay = QDate(today.year(), today.month(), 1).addMonths(1).addDays(-1);
    const Result<RequestTallies> tallies = store.requestTallies(firstMonth(today), lastDay);
    if (!tallies)
        return tallies.error();
    const Result<int> overdue = store.countRequests(overdueQuery(today));
    if (!overdue)
        return overdue.error();
    DashboardFigures figures = fromTallies(tallies.value(), today);
    figures.overdue = overdue.value();
    return figures;
}

RequestQuery DashboardCounter::statusQuery(RequestStatus status)
{
    RequestQuery query;
    query.status = status;
    return query;
}

RequestQuery DashboardCounter::officerQuery(const QString &officer)
{
    RequestQuery query;
    query.openOnly = true;
    query.officers = QStringList{officer.trimmed()};
    return query;
}

RequestQuery DashboardCounter::overdueQuery(const QDate &today)
{
    // The Overdue view needs only today of its context.
    RequestQuery query;
    SavedViewContext context;
    context.today = today;
    SavedViews::narrow(query, SavedView::Overdue, context, Deadlines());
    return query;
}

DashboardFigures DashboardCounter::fromTallies(const RequestTallies &tallies, const QDate &today)
{
    DashboardFigures figures;
    figures.today = today;

    for (RequestStatus status : allStatuses()) {
        int count = 0;
        for (const auto &[tallied, n] : tallies.byStatus) {
            if (tallied == status)
                count += n;
        }
        figures.total += count;
        if (isOpenStatus(status)) {
            figures.open += count;
            figures.openByStatus.append({status, count});
        }
    }

    for (const auto &[officer, n] : tallies.openByOfficer)
        figures.openByOfficer.append({officer.trimmed(), n});
    std::sort(figures.openByOfficer.begin(),
              figures.openByOfficer.end(),
              [](const OfficerFigure &a, const OfficerFigure &b) {
                  if (a.officer.isEmpty() != b.officer.isEmpty())
                      return b.officer.isEmpty();
                  if (a.count != b.count)
                      return a.count > b.count;
                  return a.officer.compare(b.officer, Qt::CaseInsensitive) < 0;
              });

    const QDate first = firstMonth(today);
    for (int i = 0; i < 12; ++i) {
        MonthFigure month;
        month.first = first.addMonths(i);
        for (const RequestTallies::Month &tallied : tallies.answeredByMonth) {
            if (tallied.first == month.first) {
                month.answered = tallied.answered;
                month.inTime = tallied.inTime;
                month.late = tallied.late;
                month.unknown = tallied.unknown;
            }
        }
        figures.months.append(month);
    }
    return figures;
}

} // namespace foidesk
