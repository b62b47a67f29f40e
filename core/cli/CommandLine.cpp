#include "cli/CommandLine.h"

#include "calendar/Deadlines.h"
#include "calendar/StatutoryClock.h"
#include "cli/CommandHelp.h"
#include "cli/CommandSession.h"
#include "cli/ExportPdfCommand.h"
#include "cli/ImportCommand.h"
#include "cli/ImportLetterCommand.h"
#include "cli/PublishCommand.h"
#include "cli/SearchCommand.h"
#include "cli/StatsCommand.h"
#include "cli/HolidaysCommand.h"
#include "cli/RequestPrinter.h"
#include "cli/SettingsCommand.h"
#include "cli/WorkflowCommand.h"
#include "exchange/PublicRequestJson.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"
#include "store/LogLocation.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <memory>
#include <optional>

namespace foidesk {

namespace {


bool isHelpOption(const QString &arg)
{
    return arg == QLatin1String("--help") || arg == QLatin1String("-h");
}

bool isVersionOption(const QString &arg)
{
    return arg == QLatin1String("--version") || arg == QLatin1String("-v");
}

// Options QApplication itself reads that take a value: "-platform offscreen" must not make
// "offscreen" look like a command.
bool isQtOptionWithValue(const QString &arg)
{
    static const QStringList options = {
        QStringLiteral("-platform"),
        QStringLiteral("-platformpluginpath"),
        QStringLiteral("-platformtheme"),
        QStringLiteral("-plugin"),
        QStringLiteral("-style"),
        QStringLiteral("-stylesheet"),
        QStringLiteral("-session"),
        QStringLiteral("-display"),
        QStringLiteral("-geometry"),
        QStringLiteral("-qwindowgeometry"),
        QStringLiteral("-qwindowtitle"),
        QStringLiteral("-qwindowicon"),
        QStringLiteral("-title"),
        QStringLiteral("-name"),
        QStringLiteral("-font"),
        QStringLiteral("-bg"),
        QStringLiteral("-fg"),
        QStringLiteral("-btn"),
        QStringLiteral("-visual"),
        QStringLiteral("-ncols"),
        QStringLiteral("-cmap"),
        QStringLiteral("-inputstyle"),
    };
    return options.contains(arg);
}

std::optional<QDate> strictDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(
        match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    return date;
}

// The one REF that export-json and show take: "--" is passed over, anything else starting with
// "-" is an unknown option, and a second reference is refused. Returns the problem, or nothing.
QString takeReference(const QString &arg, QString *reference)
{
    if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("--"))
        return CommandLine::tr("unknown option \"%1\".").arg(arg);
    if (arg != QLatin1String("--")) {
        if (!reference->isEmpty())
            return CommandLine::tr("give one reference, not several.");
        *reference = arg;
    }
    return {};
}

// One run of the command line: reads the global options, picks the command and runs it. The
// import command and the layout of what list and show print have classes of their own.
class Runner
{
public:
    Runner(QTextStream &out, QTextStream &err, const QDate &today)
        : m_session(out, err, today)
    {}

    int run(const QStringList &arguments);

private:
    int usageError(const QString &command, const QString &problem)
    {
        return m_session.usageError(command, problem);
    }
    int fail(const Error &error) { return m_session.fail(error); }

    int exportJson(const QStringList &args);
    int exportPublicJson(const Request &request, const QString &output);
    int list(const QStringList &args);
    int show(const QStringList &args);
    int due(const QStringList &args);
    int help(const QStringList &args);

    CommandSession m_session;
};

int Runner::run(const QStringList &arguments)
{
    // --db and --user may come before or after the command; "--" ends the options.
    QStringList rest;
    bool databaseGiven = false;
    bool userGiven = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--")) {
            rest += arguments.mid(i);
            break;
        }
        if (arg == QLatin1String("--user") || arg.startsWith(QLatin1String("--user="))) {
            QString login;
            if (arg == QLatin1String("--user")) {
                if (i + 1 >= arguments.size())
                    return usageError(QString(), CommandLine::tr("--user needs a login name."));
                login = arguments.at(++i);
            } else {
                login = arg.mid(7);
            }
            if (userGiven)
                return usageError(QString(), CommandLine::tr("--user was given twice; give one login."));
            if (login.trimmed().isEmpty())
                return usageError(QString(), CommandLine::tr("--user needs a login name."));
            userGiven = true;
            m_session.setUser(login.trimmed());
            continue;
        }
        QString value;
        if (arg == QLatin1String("--db")) {
            if (i + 1 >= arguments.size())
                return usageError(QString(), CommandLine::tr("--db needs the path of a log file."));
            value = arguments.at(++i);
        } else if (arg.startsWith(QLatin1String("--db="))) {
            value = arg.mid(5);
        } else {
            rest.append(arg);
            continue;
        }
        if (databaseGiven)
            return usageError(QString(), CommandLine::tr("--db was given twice; give one log."));
        if (value.trimmed().isEmpty())
            return usageError(QString(), CommandLine::tr("--db needs the path of a log file."));
        databaseGiven = true;
        m_session.setDatabase(value, true);
    }
    if (!databaseGiven)
        m_session.setDatabase(LogLocation::pathToUse(), false);

    if (rest.isEmpty())
        return usageError(QString(), CommandLine::tr("no command was given."));
    const QString first = rest.takeFirst();
    if (isVersionOption(first)) {
        if (!rest.isEmpty())
            return usageError(QString(), CommandLine::tr("--version takes no arguments."));
        m_session.out() << QStringLiteral("FOI Desk ") << QStringLiteral(FOIDESK_VERSION)
                        << QLatin1Char('\n');
        return CommandLine::Done;
    }
    if (isHelpOption(first) || first == QLatin1String("help"))
        return help(rest);
    if (first.startsWith(QLatin1Char('-')))
        return usageError(QString(), CommandLine::tr("unknown option \"%1\".").arg(first));
    if (!CommandHelp::isCommand(first))
        return usageError(QString(), CommandLine::tr("unknown command \"%1\".").arg(first));

    // "COMMAND --help" before any "--" shows that command's help.
    const qsizetype endOfOptions = rest.indexOf(QStringLiteral("--"));
    const QStringList options = endOfOptions < 0 ? rest : rest.mid(0, endOfOptions);
    if (std::any_of(options.begin(), options.end(), isHelpOption)) {
        m_session.out() << CommandHelp::command(first);
        return CommandLine::Done;
    }

    if (first == QLatin1String("import"))
        return ImportCommand(m_session).run(rest);
    if (first == QLatin1String("import-letter"))
        return ImportLetterCommand(m_session).run(rest);
    if (first == QLatin1String("export-json"))
        return exportJson(rest);
    if (first == QLatin1String("list"))
        return list(rest);
    if (first == QLatin1String("show"))
        return show(rest);
    if (first == QLatin1String("search"))
        return SearchCommand(m_session).run(rest);
    if (first == QLatin1String("stats"))
        return StatsCommand(m_session).run(rest);
    if (first == QLatin1String("publish"))
        return PublishCommand(m_session).run(rest);
    if (first == QLatin1String("export-pdf"))
        return ExportPdfCommand(m_session).run(rest);
    if (first == QLatin1String("settings"))
        return SettingsCommand(m_session).run(rest);
    if (first == QLatin1String("holidays"))
        return HolidaysCommand(m_session).run(rest);
    if (WorkflowCommand::commands().contains(first))
        return WorkflowCommand(m_session).run(first, rest);
    return due(rest);
}

int Runner::help(const QStringList &args)
{
    if (args.isEmpty()) {
        m_session.out() << CommandHelp::general(Store::defaultPath());
        return CommandLine::Done;
    }
    if (args.size() > 1 || !CommandHelp::isCommand(args.first()))
        return usageError(QStringLiteral("help"),
                          CommandLine::tr("unknown command \"%1\".").arg(args.join(u' ')));
    m_session.out() << CommandHelp::command(args.first());
    return CommandLine::Done;
}

int Runner::exportJson(const QStringList &args)
{
    const QString command = QStringLiteral("export-json");
    QString reference;
    QString output;
    bool publicCopy = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--public")) {
            publicCopy = true;
        } else if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            if (i + 1 >= args.size())
                return usageError(command, CommandLine::tr("%1 needs a file name.").arg(arg));
            output = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--output="))) {
            output = arg.mid(9);
        } else if (const QString problem = takeReference(arg, &reference); !problem.isEmpty()) {
            return usageError(command, problem);
        }
    }
    if (reference.isEmpty())
        return usageError(command, CommandLine::tr("no reference was given."));

    int code = CommandLine::Done;
    const std::optional<Request> request = m_session.loadRequest(reference, &code);
    if (!request)
        return code;
    if (publicCopy)
        return exportPublicJson(*request, output);
    if (output.isEmpty()) {
        m_session.out() << QString::fromUtf8(RequestJson::serialize(*request));
        return CommandLine::Done;
    }
    const Result<void> written = RequestJson::writeFile(*request, output);
    if (!written)
        return fail(written.error());
    m_session.err()
        << CommandLine::tr("exported %1 to %2").arg(request->reference, CommandSession::shownPath(output))
        << QLatin1Char('\n');
    return CommandLine::Done;
}

// The public copy is read back before it is kept or printed: a withheld string found in it
// refuses the export (exit 3) with one line per finding, and no file is left behind.
int Runner::exportPublicJson(const Request &request, const QString &output)
{
    const auto refused = [this](const Error &error) {
        if (error.kind != ErrorKind::Refused)
            return fail(error);
        for (const QString &line : error.message.split(QLatin1Char('\n')))
            m_session.err() << CommandSession::oneLine(line) << QLatin1Char('\n');
        return int(CommandLine::Refused);
    };
    if (output.isEmpty()) {
        const Result<QByteArray> bytes = PublicRequestJson::checkedBytes(request);
        if (!bytes)
            return refused(bytes.error());
        m_session.out() << QString::fromUtf8(bytes.value());
        return CommandLine::Done;
    }
    const Result<void> written = PublicRequestJson::writeFile(request, output);
    if (!written)
        return refused(written.error());
    m_session.err() << CommandLine::tr("exported the public copy of %1 to %2")
                           .arg(request.reference, CommandSession::shownPath(output))
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

int Runner::list(const QStringList &args)
{
    const QString command = QStringLiteral("list");
    bool json = false;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--json"))
            json = true;
        else
            return usageError(command, CommandLine::tr("unexpected argument \"%1\".").arg(arg));
    }

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    RequestQuery query;
    query.sortKey = RequestQuery::SortKey::Reference;
    query.order = Qt::AscendingOrder;
    const Result<int> count = store->countRequests(query);
    if (!count)
        return fail(count.error());
    const Result<QList<RequestSummary>> rows = store->listRequests(query, 0, count.value());
    if (!rows)
        return fail(rows.error());

    RequestPrinter printer(m_session.out());
    if (json) {
        printer.printListJson(rows.value());
        return CommandLine::Done;
    }
    if (rows->isEmpty()) {
        m_session.err()
            << CommandLine::tr("The log %1 has no requests yet.").arg(CommandSession::shownPath(store->path()))
            << QLatin1Char('\n');
        return CommandLine::Done;
    }
    printer.printListTable(rows.value());
    return CommandLine::Done;
}

int Runner::show(const QStringList &args)
{
    const QString command = QStringLiteral("show");
    bool json = false;
    QString reference;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (const QString problem = takeReference(arg, &reference); !problem.isEmpty()) {
            return usageError(command, problem);
        }
    }
    if (reference.isEmpty())
        return usageError(command, CommandLine::tr("no reference was given."));

    int code = CommandLine::Done;
    const std::optional<Request> loaded = m_session.loadRequest(reference, &code);
    if (!loaded)
        return code;
    const Request &r = *loaded;

    const StatutoryClock clock;
    const Result<ClockWorking> working = clock.work(r);
    Result<QDate> due = Error(ErrorKind::Refused, QString());
    if (!working)
        due = working.error();
    else if (!working->due.isValid())
        due = Error(ErrorKind::Refused, working->stopped);
    else
        due = working->due;
    std::optional<int> daysLeft;
    if (due && isOpenStatus(r.status)) {
        const Result<int> left =
            clock.deadlines().workingDaysLeft(m_session.today(), due.value(), r.regime);
        if (left)
            daysLeft = left.value();
    }

    RequestPrinter printer(m_session.out());
    if (json)
        printer.printRequestJson(r, due, daysLeft, working ? &*working : nullptr);
    else
        printer.printRequest(r, due, daysLeft, working ? &*working : nullptr);
    return CommandLine::Done;
}

int Runner::due(const QStringList &args)
{
    const QString command = QStringLiteral("due");
    QString receivedText;
    QString regimeText = regimeCode(Regime::FOIA);
    QString daysText;
    QString soughtText;
    QString clarifiedText;
    QString noticeText;
    QString paidText;
    bool showWorking = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString *target = nullptr;
        QString name = arg;
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            value = arg.section(QLatin1Char('='), 1);
            inlineValue = true;
        }
        if (name == QLatin1String("--show-working") && !inlineValue) {
            showWorking = true;
            continue;
        }
        if (name == QLatin1String("--received"))
            target = &receivedText;
        else if (name == QLatin1String("--regime"))
            target = &regimeText;
        else if (name == QLatin1String("--days"))
            target = &daysText;
        else if (name == QLatin1String("--clarification-sought"))
            target = &soughtText;
        else if (name == QLatin1String("--clarification-received"))
            target = &clarifiedText;
        else if (name == QLatin1String("--fees-notice"))
            target = &noticeText;
        else if (name == QLatin1String("--fee-paid"))
            target = &paidText;
        else
            return usageError(command, CommandLine::tr("unexpected argument \"%1\".").arg(arg));
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return usageError(command, CommandLine::tr("%1 needs a value.").arg(name));
            value = args.at(++i);
        }
        *target = value;
    }
    if (receivedText.isEmpty())
        return usageError(command, CommandLine::tr("--received is required."));
    if (noticeText.isEmpty() != paidText.isEmpty()) {
        return usageError(command,
                          CommandLine::tr("--fees-notice and --fee-paid go together: give the day "
                                          "the notice was issued and the day the fee arrived."));
    }
    if (!soughtText.isEmpty() && clarifiedText.isEmpty()) {
        return usageError(command,
                          CommandLine::tr("--clarification-sought needs --clarification-received: "
                                          "the deadline is not known until the clarification "
                                          "arrives."));
    }
    const bool usesClock = showWorking || !clarifiedText.isEmpty() || !noticeText.isEmpty();
    if (usesClock && !daysText.isEmpty()) {
        return usageError(command,
                          CommandLine::tr("--days cannot be combined with --show-working, "
                                          "--clarification-received or --fees-notice; they count "
                                          "the statutory twenty working days."));
    }

    auto dateOption = [](const QString &option,
                         const QString &text,
                         QDate *out) -> std::optional<Error> {
        const std::optional<QDate> date = strictDate(text);
        if (!date) {
            return Error(ErrorKind::BadInput,
                         option + QStringLiteral(": ")
                             + CommandLine::tr("\"%1\" is not a real date in the form YYYY-MM-DD.")
                                   .arg(text));
        }
        *out = *date;
        return std::nullopt;
    };

    QDate received;
    if (auto bad = dateOption(QStringLiteral("--received"), receivedText, &received))
        return fail(*bad);
    const std::optional<Regime> regime = regimeFromCode(regimeText);
    if (!regime) {
        return fail(
            Error(ErrorKind::BadInput,
                  QStringLiteral("--regime: ")
                      + CommandLine::tr("\"%1\" is not one of %2.").arg(regimeText, validRegimeCodes())));
    }
    int days = Deadlines::StandardWorkingDays;
    if (!daysText.isEmpty()) {
        bool ok = false;
        days = daysText.toInt(&ok);
        if (!ok || days < 1 || days > 999) {
            return fail(
                Error(ErrorKind::BadInput,
                      QStringLiteral("--days: ")
                          + CommandLine::tr("\"%1\" is not a whole number from 1 to 999.").arg(daysText)));
        }
    }
    // The log's bank holidays, when there is a log: a day it added moves this date too.
    HolidayCalendar calendar = HolidayCalendar::builtIn();
    if (QFileInfo::exists(m_session.database())) {
        int code = CommandLine::Done;
        const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
        if (!store)
            return code;
        calendar = store->calendar();
    }
    if (!usesClock) {
        const Result<QDate> dueDate = Deadlines(calendar).dueDate(received, *regime, days);
        if (!dueDate)
            return fail(dueDate.error());
        m_session.out() << dueDate->toString(Qt::ISODate) << QLatin1Char('\n');
        return CommandLine::Done;
    }

    QList<ClockEvent> events;
    if (!clarifiedText.isEmpty()) {
        QDate sought = received; // asked for at once unless said otherwise
        QDate clarified;
        if (!soughtText.isEmpty()) {
            if (auto bad = dateOption(QStringLiteral("--clarification-sought"), soughtText, &sought))
                return fail(*bad);
        }
        if (auto bad = dateOption(QStringLiteral("--clarification-received"), clarifiedText, &clarified))
            return fail(*bad);
        events.append({ClockEventKind::ClarificationSought, sought, QString(), QDate()});
        events.append({ClockEventKind::ClarificationReceived, clarified, QString(), QDate()});
    }
    if (!noticeText.isEmpty()) {
        QDate notice;
        QDate paid;
        if (auto bad = dateOption(QStringLiteral("--fees-notice"), noticeText, &notice))
            return fail(*bad);
        if (auto bad = dateOption(QStringLiteral("--fee-paid"), paidText, &paid))
            return fail(*bad);
        events.append({ClockEventKind::FeesNoticeIssued, notice, QString(), QDate()});
        events.append({ClockEventKind::FeePaid, paid, QString(), QDate()});
    }
    const Result<ClockWorking> working =
        StatutoryClock(calendar).work(received, *regime, events);
    if (!working)
        return fail(working.error());
    m_session.out() << working->due.toString(Qt::ISODate) << QLatin1Char('\n');
    if (showWorking) {
        for (const QString &line : working->lines())
            m_session.out() << line << QLatin1Char('\n');
        for (const QString &warning : working->warnings)
            m_session.out() << CommandLine::tr("Warning: %1").arg(warning) << QLatin1Char('\n');
    }
    return CommandLine::Done;
}

// The first argument that asks for the command line: a command word, known or not, or --help
// or --version. Empty when there is none (the window is wanted).
QString commandWord(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--db") || arg == QLatin1String("--user")) {
            ++i; // its value is a file name or a login, not a command
            continue;
        }
        if (arg.startsWith(QLatin1String("--db=")) || arg.startsWith(QLatin1String("--user=")))
            continue;
        if (isHelpOption(arg) || isVersionOption(arg))
            return arg;
        if (arg.startsWith(QLatin1Char('-'))) {
            if (isQtOptionWithValue(arg))
                ++i;
            continue;
        }
        return arg; // an unknown command gets a usage error
    }
    return {};
}

} // namespace

bool CommandLine::wantsCommandLine(const QStringList &arguments)
{
    return !commandWord(arguments).isEmpty();
}

bool CommandLine::needsGuiApplication(const QStringList &arguments)
{
    const QString command = commandWord(arguments);
    return command == QLatin1String("export-pdf") || command == QLatin1String("mark-sent")
           || command == QLatin1String("publish");
}

QString CommandLine::databaseOption(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--db"))
            return i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
        if (arg.startsWith(QLatin1String("--db=")))
            return arg.mid(5);
    }
    return {};
}

int CommandLine::run(const QStringList &arguments,
                     QTextStream &out,
                     QTextStream &err,
                     const QDate &today)
{
    Runner runner(out, err, today);
    const int code = runner.run(arguments);
    out.flush();
    err.flush();
    return code;
}

} // namespace foidesk
