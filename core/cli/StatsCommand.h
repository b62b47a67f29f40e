#pragma once

#include <QStringList>

namespace foidesk {

class CommandSession;
struct QuarterStats;

// "foidesk stats --quarter 2026Q3 [--csv]": the quarterly figures of the section 45 Code of
// Practice (stats/QuarterStats.h), counted from the requests received in the quarter. Only
// counts are printed: never a reference, a title or anything about a requester.
class StatsCommand
{
public:
    explicit StatsCommand(CommandSession &session);

    int run(const QStringList &args);

private:
    void printText(const QuarterStats &stats);
    void printCsv(const QuarterStats &stats);

    CommandSession &m_session;
};

} // namespace foidesk
