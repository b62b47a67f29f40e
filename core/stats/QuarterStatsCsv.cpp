#include "stats/QuarterStatsCsv.h"

#include <QStringList>

namespace foidesk {

QList<QuarterStatsLine> QuarterStatsText::lines(const QuarterStats &stats)
{
    return {
        {QStringLiteral("received"), tr("Requests received"), 0, stats.received},
        {QStringLiteral("answered"), tr("Answered (sent or closed)"), 0, stats.answered},
        {QStringLiteral("answered_in_time"),
         tr("in time (by the due date, extensions included)"),
         1,
         stats.answeredInTime},
        {QStringLiteral("answered_late"), tr("late"), 1, stats.answeredLate},
        {QStringLiteral("timeliness_unknown"),
         tr("no due date could be worked out"),
         1,
         stats.timelinessUnknown},
        {QStringLiteral("granted_in_full"), tr("granted in full"), 1, stats.grantedInFull},
        {QStringLiteral("granted_in_part"), tr("granted in part"), 1, stats.grantedInPart},
        {QStringLiteral("refused_in_full"), tr("refused in full"), 1, stats.refusedInFull},
        {QStringLiteral("not_held"), tr("information not held"), 1, stats.notHeld},
        {QStringLiteral("no_questions"),
         tr("no questions to decide the outcome"),
         1,
         stats.noQuestions},
        {QStringLiteral("clarification_sought"),
         tr("Clarification sought"),
         0,
         stats.clarificationSought},
        {QStringLiteral("withdrawn"), tr("Withdrawn"), 0, stats.withdrawn},
        {QStringLiteral("extended"), tr("Extended (FOIA s10(3) or EIR reg 7)"), 0, stats.extended},
        {QStringLiteral("review_requested"),
         tr("Internal review requested"),
         0,
         stats.reviewRequested},
        {QStringLiteral("review_outcome_given"),
         tr("Internal review outcome given"),
         0,
         stats.reviewOutcomeGiven},
        // After the lines above, so that the CSV's earlier columns keep their places.
        {QStringLiteral("review_upheld"), tr("original decision upheld"), 1, stats.reviewUpheld},
        {QStringLiteral("review_upheld_in_part"),
         tr("upheld in part (some information released)"),
         1,
         stats.reviewUpheldInPart},
        {QStringLiteral("review_overturned"), tr("overturned"), 1, stats.reviewOverturned},
        {QStringLiteral("review_result_not_recorded"),
         tr("result not recorded"),
         1,
         stats.reviewResultNotRecorded},
    };
}

QString QuarterStatsText::csv(const QuarterStats &stats)
{
    // Every field is a fixed name, a quarter, a date or a number: none needs quoting.
    QStringList header{
        QStringLiteral("quarter"), QStringLiteral("first_day"), QStringLiteral("last_day")};
    QStringList row{stats.quarter.text(),
                    stats.quarter.first().toString(Qt::ISODate),
                    stats.quarter.last().toString(Qt::ISODate)};
    for (const QuarterStatsLine &line : lines(stats)) {
        header.append(line.column);
        row.append(QString::number(line.value));
    }
    return header.join(QLatin1Char(',')) + QLatin1Char('\n') + row.join(QLatin1Char(','))
           + QLatin1Char('\n');
}

} // namespace foidesk
