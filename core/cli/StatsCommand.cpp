#include "cli/StatsCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "stats/QuarterStats.h"
#include "stats/QuarterStatsCsv.h"
#include "store/Store.h"

#include <QLocale>
#include <algorithm>

namespace foidesk {

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
    const QList<QuarterStatsLine> lines = QuarterStatsText::lines(stats);
    qsizetype width = 0;
    for (const QuarterStatsLine &line : lines)
        width = std::max(width, line.indent * 2 + line.label.size());
    for (const QuarterStatsLine &line : lines) {
        const QString label = QString(line.indent * 2, QLatin1Char(' ')) + line.label;
        out << label.leftJustified(width + 2) << QString::number(line.value).rightJustified(6)
            << QLatin1Char('\n');
    }
}

void StatsCommand::printCsv(const QuarterStats &stats)
{
    m_session.out() << QuarterStatsText::csv(stats);
}

} // namespace foidesk
