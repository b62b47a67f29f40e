#include "cli/CommandLine.h"

#include "calendar/Deadlines.h"
#include "cli/CommandHelp.h"
#include "exchange/JsonWriter.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <algorithm>
#include <memory>
#include <optional>

namespace foidesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("foidesk::CommandLine", text);
}

// Errors are printed on one line so that a script can read them line by line.
QString oneLine(const QString &message)
{
    QString line = message;
    line.replace(QLatin1String("\r\n"), QLatin1String(" "));
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line.simplified();
}

QString shownPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return CommandLine::Done;
    case ErrorKind::BadInput:
    case ErrorKind::NotFound:
        return CommandLine::BadInput;
    case ErrorKind::Conflict:
    case ErrorKind::Refused:
    case ErrorKind::Io:
    case ErrorKind::ReadOnly:
    case ErrorKind::DiskFull:
    case ErrorKind::Corrupt:
    case ErrorKind::TooNew:
    case ErrorKind::Internal:
        return CommandLine::Refused;
    }
    return CommandLine::Refused;
}

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

QString isoOrDash(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("-");
}

QString daysLeftText(int days)
{
    if (days == 0)
        return tr("due today");
    if (days > 0)
        return days == 1 ? tr("1 working day left") : tr("%1 working days left").arg(days);
    return days == -1 ? tr("1 working day overdue") : tr("%1 working days overdue").arg(-days);
}

// Indents every line after the first, so a multi-line answer stays under its heading. Blank
// lines stay blank: trailing spaces would only get in the way of diff and grep.
QString indentedBlock(const QString &text, int indent)
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    QStringList lines = normalised.split(QLatin1Char('\n'));
    const QString pad(indent, QLatin1Char(' '));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).isEmpty())
            lines[i].prepend(pad);
    }
    return lines.join(QLatin1Char('\n'));
}

// One run of the command line: the streams, today's date and the parsed global options.
class Runner
{
public:
    Runner(QTextStream &out, QTextStream &err, const QDate &today)
        : m_out(out)
        , m_err(err)
        , m_today(today)
    {}

    int run(const QStringList &arguments);

private:
    int usageError(const QString &command, const QString &problem);
    int fail(const Error &error);

    // The log for commands that only read: a missing file is reported, never created.
    std::unique_ptr<Store> openExistingStore(int *exitCode);

    int import(const QStringList &args);
    int exportJson(const QStringList &args);
    int list(const QStringList &args);
    int show(const QStringList &args);
    int due(const QStringList &args);
    int help(const QStringList &args);

    QTextStream &m_out;
    QTextStream &m_err;
    QDate m_today;
    QString m_database;
    bool m_databaseGiven = false;
};

int Runner::usageError(const QString &command, const QString &problem)
{
    m_err << QStringLiteral("foidesk")
          << (command.isEmpty() ? QString() : QLatin1Char(' ') + command) << QStringLiteral(": ")
          << problem << QLatin1Char('\n') << CommandHelp::usage(command) << QLatin1Char('\n')
          << (command.isEmpty() ? tr("Run \"foidesk --help\" to see the commands and options.")
                                : tr("Run \"foidesk help %1\" for more.").arg(command))
          << QLatin1Char('\n');
    return CommandLine::UsageError;
}

int Runner::fail(const Error &error)
{
    m_err << oneLine(error.message) << QLatin1Char('\n');
    return exitCodeFor(error.kind);
}

std::unique_ptr<Store> Runner::openExistingStore(int *exitCode)
{
    if (!QFileInfo::exists(m_database)) {
        const QString advice = m_databaseGiven
                                   ? tr("Check the path given with --db, or import requests "
                                        "into it first with \"foidesk --db FILE import FILE...\".")
                                   : tr("Import requests first with \"foidesk import FILE...\", "
                                        "or name another log with --db FILE.");
        *exitCode = fail(
            Error(ErrorKind::NotFound,
                  tr("There is no FOI Desk log at %1. %2").arg(shownPath(m_database), advice)));
        return nullptr;
    }
    Result<std::unique_ptr<Store>> opened = Store::open(m_database);
    if (!opened) {
        *exitCode = fail(opened.error());
        return nullptr;
    }
    return std::move(opened).value();
}

int Runner::run(const QStringList &arguments)
{
    // --db may come before or after the command; "--" ends the options.
    QStringList rest;
    bool databaseGiven = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--")) {
            rest += arguments.mid(i);
            break;
        }
        QString value;
        if (arg == QLatin1String("--db")) {
            if (i + 1 >= arguments.size())
                return usageError(QString(), tr("--db needs the path of a log file."));
            value = arguments.at(++i);
        } else if (arg.startsWith(QLatin1String("--db="))) {
            value = arg.mid(5);
        } else {
            rest.append(arg);
            continue;
        }
        if (databaseGiven)
            return usageError(QString(), tr("--db was given twice; give one log."));
        if (value.trimmed().isEmpty())
            return usageError(QString(), tr("--db needs the path of a log file."));
        databaseGiven = true;
        m_databaseGiven = true;
        m_database = value;
    }
    if (!databaseGiven)
        m_database = Store::defaultPath();

    if (rest.isEmpty())
        return usageError(QString(), tr("no command was given."));
    const QString first = rest.takeFirst();
    if (isVersionOption(first)) {
        if (!rest.isEmpty())
            return usageError(QString(), tr("--version takes no arguments."));
        m_out << QStringLiteral("FOI Desk ") << QStringLiteral(FOIDESK_VERSION)
              << QLatin1Char('\n');
        return CommandLine::Done;
    }
    if (isHelpOption(first) || first == QLatin1String("help"))
        return help(rest);
    if (first.startsWith(QLatin1Char('-')))
        return usageError(QString(), tr("unknown option \"%1\".").arg(first));
    if (!CommandHelp::isCommand(first))
        return usageError(QString(), tr("unknown command \"%1\".").arg(first));

    // "COMMAND --help" before any "--" shows that command's help.
    const qsizetype endOfOptions = rest.indexOf(QStringLiteral("--"));
    const QStringList options = endOfOptions < 0 ? rest : rest.mid(0, endOfOptions);
    if (std::any_of(options.begin(), options.end(), isHelpOption)) {
        m_out << CommandHelp::command(first);
        return CommandLine::Done;
    }

    if (first == QLatin1String("import"))
        return import(rest);
    if (first == QLatin1String("export-json"))
        return exportJson(rest);
    if (first == QLatin1String("list"))
        return list(rest);
    if (first == QLatin1String("show"))
        return show(rest);
    return due(rest);
}

int Runner::help(const QStringList &args)
{
    if (args.isEmpty()) {
        m_out << CommandHelp::general(Store::defaultPath());
        return CommandLine::Done;
    }
    if (args.size() > 1 || !CommandHelp::isCommand(args.first()))
        return usageError(QStringLiteral("help"),
                          tr("unknown command \"%1\".").arg(args.join(u' ')));
    m_out << CommandHelp::command(args.first());
    return CommandLine::Done;
}

int Runner::import(const QStringList &args)
{
    const QString command = QStringLiteral("import");
    bool replace = false;
    QStringList files;
    bool optionsEnded = false;
    for (const QString &arg : args) {
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && arg == QLatin1String("--replace")) {
            replace = true;
        } else if (!optionsEnded && arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usageError(command, tr("unknown option \"%1\".").arg(arg));
        } else {
            files.append(arg);
        }
    }
    if (files.isEmpty())
        return usageError(command, tr("no files were given."));

    // Everything is read and checked before the log is touched, so a bad file writes nothing.
    struct Incoming
    {
        QString file;
        Request request;
    };
    QList<Incoming> incoming;
    int worst = CommandLine::Done;
    for (const QString &file : files) {
        Result<Request> parsed = RequestJson::readFile(file);
        if (!parsed) {
            worst = std::max(worst, fail(parsed.error()));
            continue;
        }
        incoming.append({file, std::move(parsed).value()});
    }

    if (!replace) {
        // Without --replace, which of two files with one reference should win is not ours to
        // guess: both are refused.
        QHash<QString, QStringList> filesByReference;
        for (const Incoming &in : incoming)
            filesByReference[in.request.reference].append(in.file);
        QList<Incoming> unique;
        for (const Incoming &in : incoming) {
            const QStringList &sameReference = filesByReference.value(in.request.reference);
            if (sameReference.size() == 1) {
                unique.append(in);
                continue;
            }
            QStringList others = sameReference;
            others.removeOne(in.file);
            for (QString &other : others)
                other = shownPath(other);
            worst = std::max(worst,
                             fail(Error(ErrorKind::Conflict,
                                        shownPath(in.file) + QStringLiteral(": reference: ")
                                            + tr("%1 is also in %2; import one of them, or use "
                                                 "--replace to let the last one win.")
                                                  .arg(in.request.reference,
                                                       others.join(QStringLiteral(", "))))));
        }
        incoming = unique;
    }
    if (incoming.isEmpty())
        return worst;

    Result<std::unique_ptr<Store>> opened = Store::open(m_database);
    if (!opened)
        return std::max(worst, fail(opened.error()));
    Store &store = *opened.value();

    for (const Incoming &in : incoming) {
        const Result<std::optional<qint64>> existing = store.findReference(in.request.reference);
        if (!existing) {
            worst = std::max(worst, fail(existing.error()));
            continue;
        }
        const Result<Request> stored = store.importRequest(in.request, replace);
        if (!stored) {
            const QString field = stored.errorKind() == ErrorKind::Conflict
                                      ? QStringLiteral("reference: ")
                                      : QString();
            worst = std::max(worst,
                             fail(Error(stored.errorKind(),
                                        shownPath(in.file) + QStringLiteral(": ") + field
                                            + stored.errorMessage())));
            continue;
        }
        m_out << (existing->has_value() ? tr("replaced %1 from %2") : tr("imported %1 from %2"))
                     .arg(stored->reference, shownPath(in.file))
              << QLatin1Char('\n');
    }
    return worst;
}

int Runner::exportJson(const QStringList &args)
{
    const QString command = QStringLiteral("export-json");
    QString reference;
    QString output;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            if (i + 1 >= args.size())
                return usageError(command, tr("%1 needs a file name.").arg(arg));
            output = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--output="))) {
            output = arg.mid(9);
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("--")) {
            return usageError(command, tr("unknown option \"%1\".").arg(arg));
        } else if (arg != QLatin1String("--")) {
            if (!reference.isEmpty())
                return usageError(command, tr("give one reference, not several."));
            reference = arg;
        }
    }
    if (reference.isEmpty())
        return usageError(command, tr("no reference was given."));

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> request = store->loadRequestByReference(reference);
    if (!request)
        return fail(request.error());
    if (output.isEmpty()) {
        m_out << QString::fromUtf8(RequestJson::serialize(request.value()));
        return CommandLine::Done;
    }
    const Status written = RequestJson::writeFile(request.value(), output);
    if (!written)
        return fail(written.error());
    m_err << tr("exported %1 to %2").arg(request->reference, shownPath(output))
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
            return usageError(command, tr("unexpected argument \"%1\".").arg(arg));
    }

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = openExistingStore(&code);
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

    if (json) {
        JsonWriter writer;
        writer.beginArray();
        for (const RequestSummary &row : rows.value()) {
            writer.beginObject();
            writer.key(u"reference");
            writer.value(row.reference);
            writer.key(u"title");
            writer.value(row.title);
            writer.key(u"received");
            writer.value(row.received.isValid() ? QJsonValue(row.received.toString(Qt::ISODate))
                                                : QJsonValue());
            writer.key(u"due");
            writer.value(row.due.isValid() ? QJsonValue(row.due.toString(Qt::ISODate))
                                           : QJsonValue());
            writer.key(u"status");
            writer.value(statusCode(row.status));
            writer.key(u"officer");
            writer.value(row.officer);
            writer.endObject();
        }
        writer.endArray();
        m_out << QString::fromUtf8(writer.toUtf8());
        return CommandLine::Done;
    }

    if (rows->isEmpty()) {
        m_err << tr("The log %1 has no requests yet.").arg(shownPath(store->path()))
              << QLatin1Char('\n');
        return CommandLine::Done;
    }
    const QStringList headers = {
        tr("REFERENCE"), tr("RECEIVED"), tr("DUE"), tr("STATUS"), tr("TITLE")};
    QList<QStringList> table;
    for (const RequestSummary &row : rows.value()) {
        table.append({row.reference,
                      isoOrDash(row.received),
                      isoOrDash(row.due),
                      statusDisplayName(row.status),
                      oneLine(row.title)});
    }
    QList<qsizetype> widths;
    for (qsizetype column = 0; column < headers.size(); ++column) {
        qsizetype width = headers.at(column).size();
        for (const QStringList &cells : std::as_const(table))
            width = std::max(width, cells.at(column).size());
        widths.append(width);
    }
    const auto printRow = [&](const QStringList &cells) {
        QString line;
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const bool last = column == cells.size() - 1;
            line += last ? cells.at(column) : cells.at(column).leftJustified(widths.at(column) + 2);
        }
        m_out << line.trimmed() << QLatin1Char('\n');
    };
    printRow(headers);
    for (const QStringList &cells : std::as_const(table))
        printRow(cells);
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
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("--")) {
            return usageError(command, tr("unknown option \"%1\".").arg(arg));
        } else if (arg != QLatin1String("--")) {
            if (!reference.isEmpty())
                return usageError(command, tr("give one reference, not several."));
            reference = arg;
        }
    }
    if (reference.isEmpty())
        return usageError(command, tr("no reference was given."));

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> loaded = store->loadRequestByReference(reference);
    if (!loaded)
        return fail(loaded.error());
    const Request &r = loaded.value();

    const Deadlines deadlines;
    const Result<QDate> due = deadlines.dueDate(r.received, r.regime);
    std::optional<int> daysLeft;
    if (due && isOpenStatus(r.status)) {
        const Result<int> left = deadlines.workingDaysLeft(m_today, due.value(), r.regime);
        if (left)
            daysLeft = left.value();
    }

    if (json) {
        const QJsonValue dueValue = due ? QJsonValue(due->toString(Qt::ISODate)) : QJsonValue();
        const QJsonValue leftValue = daysLeft ? QJsonValue(*daysLeft) : QJsonValue();
        m_out << QString::fromUtf8(RequestJson::serialize(
            r,
            {{QStringLiteral("due"), dueValue}, {QStringLiteral("working_days_left"), leftValue}}));
        return CommandLine::Done;
    }

    const auto line = [this](const QString &label, const QString &value) {
        if (!value.isEmpty())
            m_out << QString(label + QLatin1Char(':')).leftJustified(14) << indentedBlock(value, 14)
                  << QLatin1Char('\n');
    };
    line(tr("Reference"), r.reference);
    line(tr("Title"), r.title);
    line(tr("Regime"),
         QStringLiteral("%1 (%2)").arg(regimeShortName(r.regime), regimeDisplayName(r.regime)));
    line(tr("Received"), isoOrDash(r.received));
    line(tr("Due"),
         due ? due->toString(Qt::ISODate) : tr("unknown: %1").arg(oneLine(due.errorMessage())));
    if (daysLeft)
        line(tr("Days left"), daysLeftText(*daysLeft));
    else if (due)
        line(tr("Days left"),
             tr("not counted: the request is %1").arg(statusDisplayName(r.status).toLower()));
    line(tr("Status"), statusDisplayName(r.status));
    line(tr("Held"), heldDisplayName(r.held));
    line(tr("Officer"), r.officer);
    if (!(r.requester == Requester())) {
        QStringList who;
        if (!r.requester.name.isEmpty())
            who.append(r.requester.name);
        if (!r.requester.email.isEmpty())
            who.append(r.requester.email);
        who.append(requesterKindDisplayName(r.requester.kind));
        line(tr("Requester"), who.join(QStringLiteral(", ")));
        line(tr("Address"), r.requester.address);
    }
    line(tr("Letter date"),
         r.letterDate.isValid() ? r.letterDate.toString(Qt::ISODate) : QString());

    if (!r.questions.isEmpty()) {
        m_out << QLatin1Char('\n') << tr("Questions (%1):").arg(r.questions.size())
              << QLatin1Char('\n');
        QString section;
        for (const Question &q : r.questions) {
            if (q.section != section) {
                section = q.section;
                if (!section.isEmpty())
                    m_out << QLatin1Char('\n') << section << QLatin1Char('\n');
            }
            QStringList heading;
            if (!q.label.isEmpty())
                heading.append(q.label);
            if (!q.condition.isEmpty())
                heading.append(q.condition);
            heading.append(q.text);
            m_out << QLatin1Char('\n') << QStringLiteral("  ")
                  << indentedBlock(heading.join(u' '), 2) << QLatin1Char('\n');
            for (const QString &choice : q.choices)
                m_out << QStringLiteral("    - ") << choice << QLatin1Char('\n');
            if (!q.answer.isEmpty()) {
                m_out << QStringLiteral("    ") << tr("Answer:") << QLatin1Char(' ')
                      << indentedBlock(q.answer, 6) << QLatin1Char('\n');
            }
        }
    }
    if (!r.combinedResponse.isEmpty()) {
        m_out << QLatin1Char('\n') << tr("Combined response:") << QLatin1Char('\n')
              << QStringLiteral("  ") << indentedBlock(r.combinedResponse, 2) << QLatin1Char('\n');
    }
    return CommandLine::Done;
}

int Runner::due(const QStringList &args)
{
    const QString command = QStringLiteral("due");
    QString receivedText;
    QString regimeText = regimeCode(Regime::FOIA);
    QString daysText;
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
        if (name == QLatin1String("--received"))
            target = &receivedText;
        else if (name == QLatin1String("--regime"))
            target = &regimeText;
        else if (name == QLatin1String("--days"))
            target = &daysText;
        else
            return usageError(command, tr("unexpected argument \"%1\".").arg(arg));
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return usageError(command, tr("%1 needs a value.").arg(name));
            value = args.at(++i);
        }
        *target = value;
    }
    if (receivedText.isEmpty())
        return usageError(command, tr("--received is required."));

    const std::optional<QDate> received = strictDate(receivedText);
    if (!received) {
        return fail(
            Error(ErrorKind::BadInput,
                  QStringLiteral("--received: ")
                      + tr("\"%1\" is not a real date in the form YYYY-MM-DD.").arg(receivedText)));
    }
    const std::optional<Regime> regime = regimeFromCode(regimeText);
    if (!regime) {
        return fail(
            Error(ErrorKind::BadInput,
                  QStringLiteral("--regime: ")
                      + tr("\"%1\" is not one of %2.").arg(regimeText, validRegimeCodes())));
    }
    int days = Deadlines::StandardWorkingDays;
    if (!daysText.isEmpty()) {
        bool ok = false;
        days = daysText.toInt(&ok);
        if (!ok || days < 1 || days > 999) {
            return fail(
                Error(ErrorKind::BadInput,
                      QStringLiteral("--days: ")
                          + tr("\"%1\" is not a whole number from 1 to 999.").arg(daysText)));
        }
    }
    const Result<QDate> dueDate = Deadlines().dueDate(*received, *regime, days);
    if (!dueDate)
        return fail(dueDate.error());
    m_out << dueDate->toString(Qt::ISODate) << QLatin1Char('\n');
    return CommandLine::Done;
}

} // namespace

bool CommandLine::wantsCommandLine(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--db")) {
            ++i; // its value is a file name, not a command
            continue;
        }
        if (arg.startsWith(QLatin1String("--db=")))
            continue;
        if (isHelpOption(arg) || isVersionOption(arg))
            return true;
        if (arg.startsWith(QLatin1Char('-'))) {
            if (isQtOptionWithValue(arg))
                ++i;
            continue;
        }
        return true; // a command word, known or not: an unknown one gets a usage error
    }
    return false;
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
