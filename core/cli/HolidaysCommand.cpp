#include "cli/HolidaysCommand.h"

#include "calendar/GovUkHolidays.h"
#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "store/Store.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <memory>

namespace foidesk {

namespace {

const QString Command = QStringLiteral("holidays");

const QList<Nation> AllNations = {
    Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland};

// The value of an option written "--name VALUE" or "--name=VALUE" at args[*i]; advances *i.
// Returns false when args[*i] is not that option.
bool takeOption(
    const QStringList &args, qsizetype *i, const QString &name, QString *value, bool *missing)
{
    const QString &arg = args.at(*i);
    if (arg == name) {
        if (*i + 1 >= args.size()) {
            *missing = true;
            return true;
        }
        *value = args.at(++*i);
        return true;
    }
    if (arg.startsWith(name + QLatin1Char('='))) {
        *value = arg.mid(name.size() + 1);
        return true;
    }
    return false;
}

QDate isoDate(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return form.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
}

} // namespace

HolidaysCommand::HolidaysCommand(CommandSession &session)
    : m_session(session)
{}

int HolidaysCommand::run(const QStringList &args)
{
    if (args.isEmpty()) {
        return m_session.usageError(Command, tr("say list, add, remove or import."));
    }
    const QString action = args.first();
    const QStringList rest = args.mid(1);
    if (action == QLatin1String("list"))
        return list(rest);
    if (action == QLatin1String("add"))
        return add(rest);
    if (action == QLatin1String("remove"))
        return remove(rest);
    if (action == QLatin1String("import"))
        return importFile(rest);
    return m_session.usageError(
        Command, tr("\"%1\" is not one of list, add, remove or import.").arg(action));
}

int HolidaysCommand::list(const QStringList &args)
{
    int year = m_session.today().year();
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString value;
        bool missing = false;
        if (takeOption(args, &i, QStringLiteral("--year"), &value, &missing)) {
            bool ok = false;
            year = value.toInt(&ok);
            if (missing || !ok || year < 1972 || year > 2199)
                return m_session.usageError(Command, tr("--year needs a year such as 2027."));
            continue;
        }
        return m_session.usageError(Command, tr("unknown argument \"%1\".").arg(args.at(i)));
    }

    HolidayCalendar calendar = HolidayCalendar::builtIn();
    QList<AddedHoliday> added;
    if (QFileInfo::exists(m_session.database())) {
        int code = CommandLine::Done;
        const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
        if (!store)
            return code;
        calendar = store->calendar();
        const Result<QList<AddedHoliday>> rows = store->addedHolidays();
        if (!rows)
            return m_session.fail(rows.error());
        added = *rows;
    }

    // One line per date: the parts of the UK that keep it, its name, and where it came from.
    QMap<QDate, QList<Holiday>> byDate;
    for (const Holiday &holiday : calendar.holidaysIn(year))
        byDate[holiday.date].append(holiday);
    m_session.out() << tr("Bank holidays known from %1 to %2.")
                           .arg(calendar.firstYear())
                           .arg(calendar.lastYear())
                    << QLatin1Char('\n');
    if (!calendar.covers(QDate(year, 1, 1))) {
        m_session.out() << tr("%1 is outside those years: deadlines that reach it cannot be "
                              "worked out until its bank holidays are imported.")
                               .arg(year)
                        << QLatin1Char('\n');
    }
    for (auto it = byDate.cbegin(); it != byDate.cend(); ++it) {
        QStringList nations;
        QStringList names;
        bool wasAdded = false;
        for (const Holiday &holiday : it.value()) {
            nations.append(HolidayCalendar::nationName(holiday.nation));
            if (!names.contains(holiday.name))
                names.append(holiday.name);
            for (const AddedHoliday &day : std::as_const(added)) {
                if (day.holiday.date == holiday.date && day.holiday.nation == holiday.nation)
                    wasAdded = true;
            }
        }
        m_session.out() << it.key().toString(Qt::ISODate) << QLatin1Char('\t')
                        << names.join(QStringLiteral(" / ")) << QLatin1Char('\t')
                        << nations.join(QStringLiteral(", ")) << QLatin1Char('\t')
                        << (wasAdded ? tr("added to this log") : tr("built in"))
                        << QLatin1Char('\n');
    }
    return CommandLine::Done;
}

std::optional<int> HolidaysCommand::wordsAndNations(const QStringList &args,
                                                    QStringList *words,
                                                    QList<Nation> *nations)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString value;
        bool missing = false;
        if (takeOption(args, &i, QStringLiteral("--nation"), &value, &missing)) {
            const std::optional<Nation> nation = HolidayCalendar::nationFromCode(value);
            if (missing || !nation) {
                return m_session.usageError(Command,
                                            tr("--nation must be england-and-wales, scotland or "
                                               "northern-ireland."));
            }
            if (!nations->contains(*nation))
                nations->append(*nation);
            continue;
        }
        if (args.at(i).startsWith(QLatin1String("--")))
            return m_session.usageError(Command, tr("unknown option \"%1\".").arg(args.at(i)));
        words->append(args.at(i));
    }
    return std::nullopt;
}

int HolidaysCommand::add(const QStringList &args)
{
    QList<Nation> nations;
    QStringList words;
    if (const std::optional<int> refused = wordsAndNations(args, &words, &nations))
        return *refused;
    if (words.size() < 2)
        return m_session.usageError(Command, tr("holidays add needs a date and a name."));
    const QDate date = isoDate(words.first());
    if (!date.isValid()) {
        return m_session.fail(Error(ErrorKind::BadInput,
                                    tr("\"%1\" is not a date; write it as YYYY-MM-DD, e.g. "
                                       "2022-09-19.")
                                        .arg(words.first())));
    }
    const QString name = words.mid(1).join(QLatin1Char(' ')).simplified();
    if (nations.isEmpty())
        nations = AllNations; // a proclaimed day is usually for the whole UK

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openOrCreateStore(&code);
    if (!store)
        return code;
    QList<Holiday> days;
    for (const Nation nation : std::as_const(nations))
        days.append(Holiday{date, name, nation});
    const Result<HolidayChange> change = store->addHolidays(days, tr("added by hand"));
    if (!change)
        return m_session.fail(change.error());
    report(*change, tr("added"));
    return CommandLine::Done;
}

int HolidaysCommand::remove(const QStringList &args)
{
    QList<Nation> nations;
    QStringList words;
    if (const std::optional<int> refused = wordsAndNations(args, &words, &nations))
        return *refused;
    if (words.size() != 1)
        return m_session.usageError(Command, tr("holidays remove needs one date."));
    const QDate date = isoDate(words.first());
    if (!date.isValid()) {
        return m_session.fail(
            Error(ErrorKind::BadInput,
                  tr("\"%1\" is not a date; write it as YYYY-MM-DD.").arg(words.first())));
    }
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    if (nations.isEmpty()) {
        // Every part of the UK the log added the day for.
        const Result<QList<AddedHoliday>> added = store->addedHolidays();
        if (!added)
            return m_session.fail(added.error());
        for (const AddedHoliday &day : *added) {
            if (day.holiday.date == date)
                nations.append(day.holiday.nation);
        }
        if (nations.isEmpty())
            nations.append(Nation::EnglandAndWales); // for the message saying why not
    }
    const Result<HolidayChange> change = store->removeAddedHolidays(date, nations);
    if (!change)
        return m_session.fail(change.error());
    report(*change, tr("removed"));
    return CommandLine::Done;
}

int HolidaysCommand::importFile(const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return m_session.usageError(Command, tr("holidays import needs one file."));
    const QString path = args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return m_session.fail(Error(ErrorKind::BadInput,
                                    tr("%1: cannot be read (%2).")
                                        .arg(CommandSession::shownPath(path), file.errorString())));
    }
    const Result<GovUkHolidays> parsed = GovUkHolidayFile::parse(file.readAll());
    if (!parsed) {
        return m_session.fail(
            Error(parsed.errorKind(),
                  CommandSession::shownPath(path) + QStringLiteral(": ") + parsed.errorMessage()));
    }
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openOrCreateStore(&code);
    if (!store)
        return code;
    const Result<HolidayChange> change =
        store->addHolidays(parsed->days, QFileInfo(path).fileName(), parsed->completeYears);
    if (!change)
        return m_session.fail(change.error());
    report(*change, tr("imported"));
    const HolidayCalendar calendar = store->calendar();
    m_session.out() << tr("Bank holidays are now known from %1 to %2.")
                           .arg(calendar.firstYear())
                           .arg(calendar.lastYear())
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

void HolidaysCommand::report(const HolidayChange &change, const QString &verb)
{
    QTextStream &out = m_session.out();
    out << tr("%1 %n day(s)", nullptr, change.daysChanged).arg(verb);
    if (change.daysKnown > 0)
        out << tr("; %n already known", nullptr, change.daysKnown);
    out << QLatin1Char('\n');
    out << tr("%n open deadline(s) moved", nullptr, int(change.moved.size()))
        << (change.moved.isEmpty() ? QStringLiteral(".") : QStringLiteral(":"))
        << QLatin1Char('\n');
    const QString none = tr("none");
    for (const DueDateMove &move : change.moved) {
        out << QStringLiteral("  %1: %2 -> %3\n")
                   .arg(move.reference,
                        move.before.isValid() ? move.before.toString(Qt::ISODate) : none,
                        move.after.isValid() ? move.after.toString(Qt::ISODate) : none);
    }
}

} // namespace foidesk
