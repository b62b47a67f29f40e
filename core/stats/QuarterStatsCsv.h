#pragma once

#include "stats/QuarterStats.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace foidesk {

// One line of a quarter's figures, as "foidesk stats" prints them, the dashboard's table shows
// them and the CSV names them.
struct QuarterStatsLine
{
    QString column; // the CSV column: "answered_in_time"
    QString label;  // for people: "in time (by the due date, extensions included)"
    int indent = 0; // 1 for a part of the line above it (answered: in time, late, ...)
    int value = 0;
};

class QuarterStatsText
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::QuarterStatsText)

public:
    // The lines of the figures, in the order they are shown and written.
    static QList<QuarterStatsLine> lines(const QuarterStats &stats);

    // The figures as CSV ("\n" line ends, nothing that needs quoting): a header line, then one
    // line of numbers:
    // quarter,first_day,last_day, then each line's column in the order of lines().
    // The one definition of the file "foidesk stats --csv" prints and the dashboard exports.
    static QString csv(const QuarterStats &stats);
};

} // namespace foidesk
