#include "cli/StatsCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "stats/QuarterStats.h"
#include "store/Store.h"

#include <QLocale>
#include <algorithm>

namespace foidesk {

namespace {

// The lines of the figures, in the order printed: the CSV column name, the label of the text
// table, how far the label is indented under the line it belongs to, and the count.
struct Line
{
    const char *column;
    QString label;
    int indent;
    int value;
};

QList<Line> linesOf(const QuarterStats &stats)
{
    return {
        {"received", CommandLine::tr("Requests received"), 0, stats.received},
        {"answered", CommandLine::tr("Answered (sent or closed)"), 0, stats.answered},
        {"answered_in_time",
         CommandLine::tr("in time (by the due date, extensions included)"),
         1,
         stats.answeredInTime},
        {"answered_late", CommandLine::tr("late"), 1, stats.answeredLate},
        {"timeliness_unknown",
         CommandLine::tr("no due date could be worked out"),
         1,
         stats.timelinessUnknown},
        {"granted_in_full", CommandLine::tr("granted in full"), 1, stats.grantedInFull},
        {"granted_in_part", CommandLine::tr("granted in part"), 1, stats.grantedInPart},
        {"refused_in_full", CommandLine::tr("refused in full"), 1, stats.refusedInFull},
        {"not_held", CommandLine::tr("information not held"), 1, stats.notHeld},
        {"no_questions",
         CommandLine::tr("no questions to decide the outcome"),
         1,
         stats.noQuestions},
        {"clarification_sought",
         CommandLine::tr("Clarification sought"),
         0,
         stats.clarificationSought},
        {"withdrawn", CommandLine::tr("Withdrawn"), 0, stats.withdrawn},
        {"extended", CommandLine::tr("Extended (FOIA s10(3) or EIR reg 7)"), 0, stats.extended},
        {"review_requested",
         CommandLine::tr("Internal review requested"),
         0,
         stats.reviewRequested},
        {"review_outcome_given",
         CommandLine::tr("Internal review outcome given"),
         0,
         stats.reviewOutcomeGiven},
    };
}

} // namespace

StatsCommand::StatsCommand(CommandSession &session)
    : m_session(session)
{}

int StatsCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("stats");
    bool csv = false;
    QString quarterText;
    bool quarterGiven = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--csv")) {
            csv = true;
        } else if (arg == QLatin1String("--quarter")) {
            if (i + 1 >= args.size()) {
                return m_session.usageError(
                    command, CommandLine::tr("--quarter needs a quarter, e.g. 2026Q3."));
            }
            quarterText = args.at(++i);
            quarterGiven = true;
        } else {
            return m_session.usageError(command,
                                        CommandLine::tr("unknown argument \"%1\".").arg(arg));
        }
    }
    if (!quarterGiven) {
        return m_session.usageError(
            command, CommandLine::tr("give the quarter with --quarter, e.g. --quarter 2026Q3."));
    }
    const std::optional<Quarter> quarter = Quarter::parse(quarterText);
    if (!quarter) {
        return m_session.fail(Error(
            ErrorKind::BadInput,
            CommandLine::tr("\"%1\" is not a quarter: write the year and the quarter's number, "
                            "YYYYQn, e.g. 2026Q3 for July to September 2026.")
                .arg(quarterText)));
    }

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<QuarterStats> stats = QuarterCounter().count(*quarter, *store);
    if (!stats)
        return m_session.fail(stats.error());
    if (csv)
        printCsv(stats.value());
    else
        printText(stats.value());
    return CommandLine::Done;
}

void StatsCommand::printText(const QuarterStats &stats)
{
    QTextStream &out = m_session.out();
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    out << CommandLine::tr("Quarter %1: requests received %2 to %3")
               .arg(stats.quarter.text(),
                    english.toString(stats.quarter.first(), QStringLiteral("d MMMM yyyy")),
                    english.toString(stats.quarter.last(), QStringLiteral("d MMMM yyyy")))
        << QLatin1Char('\n');
    const QList<Line> lines = linesOf(stats);
    qsizetype width = 0;
    for (const Line &line : lines)
        width = std::max(width, line.indent * 2 + line.label.size());
    for (const Line &line : lines) {
        const QString label = QString(line.indent * 2, QLatin1Char(' ')) + line.label;
        out << label.leftJustified(width + 2) << QString::number(line.value).rightJustified(6)
            << QLatin1Char('\n');
    }
}

void StatsCommand::printCsv(const QuarterStats &stats)
{
    QStringList header{
        QStringLiteral("quarter"), QStringLiteral("first_day"), QStringLiteral("last_day")};
    QStringList row{stats.quarter.text(),
                    stats.quarter.first().toString(Qt::ISODate),
                    stats.quarter.last().toString(Qt::ISODate)};
    for (const Line &line : linesOf(stats)) {
        header.append(QString::fromLatin1(line.column));
        row.append(QString::number(line.value));
    }
    m_session.out() << header.join(QLatin1Char(',')) << QLatin1Char('\n')
                    << row.join(QLatin1Char(',')) << QLatin1Char('\n');
}

} // namespace foidesk
