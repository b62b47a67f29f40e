#pragma once

#include "calendar/HolidayCalendar.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace foidesk {

class CommandSession;
struct HolidayChange;

// "foidesk holidays list|add|remove|import": the bank holidays a log's deadlines are worked
// with. Adding or importing days recomputes every open request's due date and says which moved.
class HolidaysCommand
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::HolidaysCommand)

public:
    explicit HolidaysCommand(CommandSession &session);

    // Runs the command with the arguments after "holidays"; returns its exit code.
    int run(const QStringList &args);

private:
    int list(const QStringList &args);
    int add(const QStringList &args);
    int remove(const QStringList &args);
    int importFile(const QStringList &args);
    // Splits add's and remove's arguments into words and --nation values; the exit code of a
    // usage error, printed, when they do not parse.
    std::optional<int>
    wordsAndNations(const QStringList &args, QStringList *words, QList<Nation> *nations);
    // Prints what a change did: days added or known, deadlines moved.
    void report(const HolidayChange &change, const QString &verb);

    CommandSession &m_session;
};

} // namespace foidesk
