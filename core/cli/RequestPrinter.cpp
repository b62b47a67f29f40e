#include "cli/RequestPrinter.h"

#include "cli/CommandSession.h"
#include "exchange/JsonWriter.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"
#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>
#include <algorithm>

namespace foidesk {

namespace {

// The messages belong to the public CommandLine interface, so they keep its translation context.

QString isoOrDash(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("-");
}

QString daysLeftText(int days)
{
    if (days == 0)
        return CommandLine::tr("due today");
    if (days > 0)
        return days == 1 ? CommandLine::tr("1 working day left") : CommandLine::tr("%1 working days left").arg(days);
    return days == -1 ? CommandLine::tr("1 working day overdue") : CommandLine::tr("%1 working days overdue").arg(-days);
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

} // namespace

RequestPrinter::RequestPrinter(QTextStream &out)
    : m_out(out)
{}

void RequestPrinter::printListJson(const QList<RequestSummary> &rows)
{
    JsonWriter writer;
    writer.beginArray();
    for (const RequestSummary &row : rows) {
        writer.beginObject();
        writer.key(u"reference");
        writer.value(row.reference);
        writer.key(u"title");
        writer.value(row.title);
        writer.key(u"received");
        writer.value(row.received.isValid() ? QJsonValue(row.received.toString(Qt::ISODate))
                                            : QJsonValue());
        writer.key(u"due");
        writer.value(row.due.isValid() ? QJsonValue(row.due.toString(Qt::ISODate)) : QJsonValue());
        writer.key(u"status");
        writer.value(statusCode(row.status));
        writer.key(u"officer");
        writer.value(row.officer);
        writer.endObject();
    }
    writer.endArray();
    m_out << QString::fromUtf8(writer.toUtf8());
}

void RequestPrinter::printListTable(const QList<RequestSummary> &rows)
{
    const QStringList headers = {
        CommandLine::tr("REFERENCE"), CommandLine::tr("RECEIVED"), CommandLine::tr("DUE"), CommandLine::tr("STATUS"), CommandLine::tr("TITLE")};
    QList<QStringList> table;
    for (const RequestSummary &row : rows) {
        table.append({row.reference,
                      isoOrDash(row.received),
                      isoOrDash(row.due),
                      statusDisplayName(row.status),
                      CommandSession::oneLine(row.title)});
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
}

void RequestPrinter::printRequestJson(const Request &request,
                                      const Result<QDate> &due,
                                      std::optional<int> daysLeft,
                                      const ClockWorking *working)
{
    const QJsonValue dueValue = due ? QJsonValue(due->toString(Qt::ISODate)) : QJsonValue();
    const QJsonValue leftValue = daysLeft ? QJsonValue(*daysLeft) : QJsonValue();
    QJsonArray warnings;
    QJsonValue stopped;
    QJsonValue feeLapses;
    if (working) {
        for (const QString &warning : working->warnings)
            warnings.append(warning);
        if (!working->stopped.isEmpty())
            stopped = working->stopped;
        if (working->feeLapses.isValid())
            feeLapses = working->feeLapses.toString(Qt::ISODate);
    } else if (!due) {
        stopped = due.errorMessage();
    }
    m_out << QString::fromUtf8(RequestJson::serialize(request,
                                                      {{QStringLiteral("due"), dueValue},
                                                       {QStringLiteral("working_days_left"), leftValue},
                                                       {QStringLiteral("due_unknown"), stopped},
                                                       {QStringLiteral("fee_lapses"), feeLapses},
                                                       {QStringLiteral("clock_warnings"), warnings}}));
}

void RequestPrinter::printField(const QString &label, const QString &value)
{
    if (!value.isEmpty())
        m_out << QString(label + QLatin1Char(':')).leftJustified(14) << indentedBlock(value, 14)
              << QLatin1Char('\n');
}

void RequestPrinter::printRequest(const Request &r,
                                  const Result<QDate> &due,
                                  std::optional<int> daysLeft,
                                  const ClockWorking *working)
{
    printField(CommandLine::tr("Reference"), r.reference);
    printField(CommandLine::tr("Title"), r.title);
    printField(
        CommandLine::tr("Regime"),
        QStringLiteral("%1 (%2)").arg(regimeShortName(r.regime), regimeDisplayName(r.regime)));
    printField(CommandLine::tr("Received"), isoOrDash(r.received));
    printField(CommandLine::tr("Due"),
               due ? due->toString(Qt::ISODate)
                   : CommandLine::tr("unknown: %1").arg(CommandSession::oneLine(due.errorMessage())));
    if (daysLeft)
        printField(CommandLine::tr("Days left"), daysLeftText(*daysLeft));
    else if (due)
        printField(CommandLine::tr("Days left"),
                   CommandLine::tr("not counted: the request is %1").arg(statusDisplayName(r.status).toLower()));
    printField(CommandLine::tr("Status"), statusDisplayName(r.status));
    printField(CommandLine::tr("Held"), heldDisplayName(r.held));
    printField(CommandLine::tr("Officer"), r.officer);
    if (!(r.requester == Requester())) {
        QStringList who;
        if (!r.requester.name.isEmpty())
            who.append(r.requester.name);
        if (!r.requester.email.isEmpty())
            who.append(r.requester.email);
        who.append(requesterKindDisplayName(r.requester.kind));
        printField(CommandLine::tr("Requester"), who.join(QStringLiteral(", ")));
        printField(CommandLine::tr("Address"), r.requester.address);
    }
    printField(CommandLine::tr("Letter date"),
               r.letterDate.isValid() ? r.letterDate.toString(Qt::ISODate) : QString());
    printField(CommandLine::tr("Response sent"),
               r.responseSent.isValid() ? r.responseSent.toString(Qt::ISODate) : QString());
    if (!r.clockEvents.isEmpty()) {
        QStringList events;
        for (const ClockEvent &event : r.clockEvents) {
            QString line = event.date.toString(Qt::ISODate) + u' '
                           + clockEventKindDisplayName(event.kind);
            if (event.reviewResult)
                line += CommandLine::tr(" (%1)").arg(
                    reviewResultDisplayName(*event.reviewResult).toLower());
            if (event.estimatedDate.isValid())
                line += CommandLine::tr(" (estimated %1)").arg(event.estimatedDate.toString(Qt::ISODate));
            if (!event.note.isEmpty())
                line += QStringLiteral(": ") + CommandSession::oneLine(event.note);
            events.append(line);
        }
        printField(CommandLine::tr("Clock"), events.join(u'\n'));
    }
    if (working) {
        printField(CommandLine::tr("Fee lapses"),
                   working->feeLapses.isValid() ? working->feeLapses.toString(Qt::ISODate) : QString());
        for (const QString &warning : working->warnings)
            printField(CommandLine::tr("Warning"), warning);
    }

    if (!r.questions.isEmpty())
        printQuestions(r.questions);
    if (!r.combinedResponse.isEmpty()) {
        m_out << QLatin1Char('\n') << CommandLine::tr("Combined response:") << QLatin1Char('\n')
              << QStringLiteral("  ") << indentedBlock(r.combinedResponse, 2) << QLatin1Char('\n');
    }
}

void RequestPrinter::printQuestions(const QList<Question> &questions)
{
    m_out << QLatin1Char('\n') << CommandLine::tr("Questions (%1):").arg(questions.size()) << QLatin1Char('\n');
    QString section;
    for (const Question &q : questions) {
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
        m_out << QLatin1Char('\n') << QStringLiteral("  ") << indentedBlock(heading.join(u' '), 2)
              << QLatin1Char('\n');
        for (const QString &choice : q.choices)
            m_out << QStringLiteral("    - ") << choice << QLatin1Char('\n');
        if (!q.answer.isEmpty()) {
            m_out << QStringLiteral("    ") << CommandLine::tr("Answer:") << QLatin1Char(' ')
                  << indentedBlock(q.answer, 6) << QLatin1Char('\n');
        }
    }
}

} // namespace foidesk
