#pragma once

#include "calendar/Deadlines.h"
#include "model/Request.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace foidesk {

// The ready-made views of the request list. Each narrows a RequestQuery, so that it combines
// with the text and status filters and is counted and listed in SQL.
enum class SavedView
{
    All,
    Mine,             // the officer is the current user (register name or login)
    AwaitingMyReview, // awaiting review, for a supervisor, unless they gave its first approval
    Overdue,          // open and past its due date
    DueSoon,          // open, due today or within the due-soon working days
    ClarificationSought
};

// Who is asking and when: what the views are worked out against.
struct SavedViewContext
{
    QDate today;
    int dueSoonWorkingDays = 5;
    QString login;        // the current user; empty when nobody is
    QString registerName; // their name in the staff register; empty when not there
    bool supervises = false;
};

class SavedViews
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::SavedViews)

public:
    static QList<SavedView> all();
    // The name in the list's view chooser; the due-soon view names its number of days.
    static QString displayName(SavedView view, int dueSoonWorkingDays = 5);
    // Stable names for settings ("all", "mine", "review", "overdue", "due-soon",
    // "clarification").
    static QString key(SavedView view);
    static std::optional<SavedView> fromKey(QStringView key);
    // Whether the view means anything for this user (Awaiting my review needs a supervisor).
    static bool appliesTo(SavedView view, const SavedViewContext &context);

    // Narrows query to view. Due dates are compared with the last day that is still within
    // the due-soon working days of today, counted for each regime with deadlines' calendar.
    static void narrow(RequestQuery &query,
                       SavedView view,
                       const SavedViewContext &context,
                       const Deadlines &deadlines);
};

} // namespace foidesk
