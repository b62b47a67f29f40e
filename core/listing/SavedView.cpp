#include "listing/SavedView.h"

#include <algorithm>

namespace foidesk {

QList<SavedView> SavedViews::all()
{
    return {SavedView::All,
            SavedView::Mine,
            SavedView::AwaitingMyReview,
            SavedView::Overdue,
            SavedView::DueSoon,
            SavedView::ClarificationSought};
}

QString SavedViews::displayName(SavedView view, int dueSoonWorkingDays)
{
    switch (view) {
    case SavedView::All:
        return tr("All requests");
    case SavedView::Mine:
        return tr("My requests");
    case SavedView::AwaitingMyReview:
        return tr("Awaiting my review");
    case SavedView::Overdue:
        return tr("Overdue");
    case SavedView::DueSoon:
        return dueSoonWorkingDays == 1
                   ? tr("Due within 1 working day")
                   : tr("Due within %1 working days").arg(std::max(0, dueSoonWorkingDays));
    case SavedView::ClarificationSought:
        return tr("Clarification sought");
    }
    return {};
}

QString SavedViews::key(SavedView view)
{
    switch (view) {
    case SavedView::All:
        return QStringLiteral("all");
    case SavedView::Mine:
        return QStringLiteral("mine");
    case SavedView::AwaitingMyReview:
        return QStringLiteral("review");
    case SavedView::Overdue:
        return QStringLiteral("overdue");
    case SavedView::DueSoon:
        return QStringLiteral("due-soon");
    case SavedView::ClarificationSought:
        return QStringLiteral("clarification");
    }
    return {};
}

std::optional<SavedView> SavedViews::fromKey(QStringView key)
{
    for (SavedView view : all()) {
        if (SavedViews::key(view) == key)
            return view;
    }
    return std::nullopt;
}

bool SavedViews::appliesTo(SavedView view, const SavedViewContext &context)
{
    if (view == SavedView::AwaitingMyReview)
        return context.supervises;
    return true;
}

void SavedViews::narrow(RequestQuery &query,
                        SavedView view,
                        const SavedViewContext &context,
                        const Deadlines &deadlines)
{
    const QDate today = context.today.isValid() ? context.today : QDate::currentDate();
    switch (view) {
    case SavedView::All:
        return;
    case SavedView::Mine:
        if (!context.registerName.trimmed().isEmpty())
            query.officers.append(context.registerName);
        if (!context.login.trimmed().isEmpty())
            query.officers.append(context.login);
        query.matchNothing = query.matchNothing || query.officers.isEmpty();
        return;
    case SavedView::AwaitingMyReview:
        if (!appliesTo(view, context) || context.login.isEmpty()) {
            query.matchNothing = true;
            return;
        }
        // With a status filter as well, the two must agree.
        if (query.status && *query.status != RequestStatus::AwaitingReview)
            query.matchNothing = true;
        query.status = RequestStatus::AwaitingReview;
        query.notFirstApprovedBy = context.login;
        return;
    case SavedView::Overdue:
        query.openOnly = true;
        query.dueBefore = today;
        return;
    case SavedView::DueSoon: {
        query.openOnly = true;
        query.dueFrom = today;
        // Working days left counts the days after today up to the due date; a request is due
        // soon while that is at most N, that is until the day before the (N+1)th working day.
        const int days = std::max(0, context.dueSoonWorkingDays);
        for (Regime regime : {Regime::FOIA, Regime::EIR, Regime::FOISA, Regime::EIRS}) {
            const Result<QDate> next = deadlines.dueDate(today, regime, days + 1);
            query.dueUntil.append(qMakePair(regime, next ? next->addDays(-1) : QDate()));
        }
        return;
    }
    case SavedView::ClarificationSought:
        if (query.status && *query.status != RequestStatus::ClarificationSought)
            query.matchNothing = true;
        query.status = RequestStatus::ClarificationSought;
        return;
    }
}

} // namespace foidesk
