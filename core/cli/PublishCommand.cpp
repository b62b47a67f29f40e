#include "cli/PublishCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "publish/Publisher.h"
#include "store/Store.h"

#include <QDir>

namespace foidesk {

PublishCommand::PublishCommand(CommandSession &session)
    : m_session(session)
{}

int PublishCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("publish");
    PublishOptions options;
    options.today = m_session.today();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--out")) {
            if (i + 1 >= args.size())
                return m_session.usageError(command, CommandLine::tr("--out needs a folder."));
            options.outDir = args.at(++i);
        } else if (arg == QLatin1String("--since")) {
            const QString text = i + 1 < args.size() ? args.at(i + 1) : QString();
            options.since = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
            if (!options.since.isValid()) {
                return m_session.usageError(
                    command, CommandLine::tr("--since needs a date written YYYY-MM-DD."));
            }
            ++i;
        } else {
            return m_session.usageError(command,
                                        CommandLine::tr("unknown argument \"%1\".").arg(arg));
        }
    }
    if (options.outDir.isEmpty())
        return m_session.usageError(command,
                                    CommandLine::tr("give the site's folder with --out DIR."));

    int code = 0;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    QTextStream &err = m_session.err();
    int lastShown = -1;
    options.progress = [&err, &lastShown](int done, int total) {
        const int percent = total > 0 ? done * 100 / total : 100;
        if (percent / 10 != lastShown / 10) {
            err << CommandLine::tr("Publishing: %1 of %2 requests").arg(done).arg(total)
                << Qt::endl;
            lastShown = percent;
        }
        return true;
    };
    const Result<PublishResult> published = Publisher::publish(*store, options);
    if (!published)
        return m_session.fail(published.error());
    QTextStream &out = m_session.out();
    out << CommandLine::tr("Published %1 request(s) to %2: %3 file(s) written, %4 removed.")
               .arg(published->published.size())
               .arg(QDir::toNativeSeparators(QDir(options.outDir).absolutePath()))
               .arg(published->written.size())
               .arg(published->removed.size())
        << Qt::endl;
    for (const QString &note : published->notes)
        out << note << Qt::endl;
    if (!published->skipped.isEmpty()) {
        out << CommandLine::tr("Not published (%1):").arg(published->skipped.size()) << Qt::endl;
        for (const SkippedRequest &skipped : published->skipped) {
            for (const QString &reason : skipped.reasons)
                out << QStringLiteral("  %1: %2").arg(skipped.reference, reason) << Qt::endl;
        }
    }
    return 0;
}

} // namespace foidesk
