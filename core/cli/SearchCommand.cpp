#include "cli/SearchCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "model/RequestEnums.h"
#include "store/SearchQuery.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace foidesk {

namespace {

// The text with each match between asterisks.
QString marked(const SearchText &text)
{
    QString result = text.text;
    for (qsizetype i = text.matches.size() - 1; i >= 0; --i) {
        const SearchText::Range &range = text.matches.at(i);
        result.insert(range.start + range.length, QLatin1Char('*'));
        result.insert(range.start, QLatin1Char('*'));
    }
    return singleLine(result);
}

// Ranges as JSON, counted in characters (Unicode code points) rather than UTF-16 units, so
// that any JSON reader can use them.
QJsonArray rangesJson(const QString &text, const QList<SearchText::Range> &ranges)
{
    QJsonArray result;
    for (const SearchText::Range &range : ranges) {
        const qsizetype start = QStringView(text).left(range.start).toUcs4().size();
        const qsizetype length = QStringView(text).mid(range.start, range.length).toUcs4().size();
        result.append(QJsonObject{{QStringLiteral("start"), qint64(start)},
                                  {QStringLiteral("length"), qint64(length)}});
    }
    return result;
}

QJsonObject textJson(const SearchText &text)
{
    return QJsonObject{{QStringLiteral("text"), text.text},
                       {QStringLiteral("matches"), rangesJson(text.text, text.matches)},
                       {QStringLiteral("withheld"), rangesJson(text.text, text.withheld)}};
}

} // namespace

SearchCommand::SearchCommand(CommandSession &session)
    : m_session(session)
{}

int SearchCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("search");
    bool json = false;
    int limit = DefaultLimit;
    QStringList words;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && arg == QLatin1String("--json")) {
            json = true;
        } else if (!optionsEnded && arg == QLatin1String("--limit")) {
            bool ok = false;
            limit = i + 1 < args.size() ? args.at(i + 1).toInt(&ok) : 0;
            if (!ok || limit < 1) {
                return m_session.usageError(
                    command, CommandLine::tr("--limit needs a number of results, 1 or more."));
            }
            ++i;
        } else if (!optionsEnded && arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return m_session.usageError(command,
                                        CommandLine::tr("unknown option \"%1\".").arg(arg));
        } else {
            words.append(arg);
        }
    }
    const QString typed = words.join(QLatin1Char(' '));
    if (SearchQuery(typed).isEmpty()) {
        return m_session.usageError(
            command, CommandLine::tr("give the words to look for, e.g. search \"street trees\"."));
    }

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<QList<SearchHit>> hits = store->search(typed, limit);
    if (!hits)
        return m_session.fail(hits.error());
    if (json) {
        printJson(hits.value());
    } else if (hits->isEmpty()) {
        m_session.err() << CommandLine::tr("Nothing in the log matches %1.").arg(typed)
                        << QLatin1Char('\n');
    } else {
        printText(hits.value());
    }
    return CommandLine::Done;
}

void SearchCommand::printText(const QList<SearchHit> &hits)
{
    QTextStream &out = m_session.out();
    for (const SearchHit &hit : hits) {
        out << hit.reference << QStringLiteral("  ")
            << (hit.received.isValid() ? hit.received.toString(Qt::ISODate) : QStringLiteral("-"))
            << QStringLiteral("  ") << singleLine(hit.title) << QLatin1Char('\n');
        if (hit.questionIndex >= 0) {
            QString where = CommandLine::tr("Question %1").arg(hit.questionName);
            if (!hit.section.isEmpty())
                where += QStringLiteral(" (") + marked(hit.section) + QLatin1Char(')');
            out << QStringLiteral("  ") << where << QStringLiteral(": ") << marked(hit.heading)
                << QLatin1Char('\n');
            if (!hit.detail.isEmpty())
                out << QStringLiteral("  ") << CommandLine::tr("Answer: ") << marked(hit.detail)
                    << QLatin1Char('\n');
        } else if (!hit.detail.isEmpty()) {
            out << QStringLiteral("  ") << marked(hit.detail) << QLatin1Char('\n');
        }
        if (hit.showsWithheld())
            out << QStringLiteral("  ") << CommandLine::tr("(shows withheld text)")
                << QLatin1Char('\n');
    }
}

void SearchCommand::printJson(const QList<SearchHit> &hits)
{
    QJsonArray array;
    for (const SearchHit &hit : hits) {
        QJsonObject entry{
            {QStringLiteral("reference"), hit.reference},
            {QStringLiteral("title"), hit.title},
            {QStringLiteral("received"),
             hit.received.isValid() ? QJsonValue(hit.received.toString(Qt::ISODate))
                                    : QJsonValue()},
            {QStringLiteral("status"), statusCode(hit.status)},
            {QStringLiteral("heading"), textJson(hit.heading)},
            {QStringLiteral("detail"), textJson(hit.detail)},
            {QStringLiteral("shows_withheld"), hit.showsWithheld()},
        };
        if (hit.questionIndex >= 0) {
            entry.insert(QStringLiteral("question"), qint64(hit.questionIndex + 1));
            entry.insert(QStringLiteral("question_name"), hit.questionName);
            entry.insert(QStringLiteral("section"), textJson(hit.section));
        } else {
            entry.insert(QStringLiteral("question"), QJsonValue());
        }
        array.append(entry);
    }
    m_session.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace foidesk
