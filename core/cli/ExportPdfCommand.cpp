#include "cli/ExportPdfCommand.h"

#include "letter/LetterFileName.h"

#include "cli/BulkPdfExport.h"
#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "redaction/RedactionSpans.h"
#include "store/Store.h"
#include "exchange/RequestFingerprint.h"
#include "release/WithheldText.h"
#include "letter/PdfExporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>
#include <algorithm>
#include <memory>

namespace foidesk {

namespace {

// The messages belong to the public CommandLine interface, so they keep its translation context.

// "--name VALUE" or "--name=VALUE". Returns true when arg is that option; *value is then set,
// or *problem when the value is missing.
bool takeValue(const QStringList &args,
               qsizetype *i,
               const QStringList &names,
               QString *value,
               QString *problem)
{
    const QString &arg = args.at(*i);
    for (const QString &name : names) {
        if (arg == name) {
            if (*i + 1 >= args.size()) {
                *problem = CommandLine::tr("%1 needs a value.").arg(name);
                return true;
            }
            *value = args.at(++*i);
            return true;
        }
        if (name.startsWith(QLatin1String("--")) && arg.startsWith(name + QLatin1Char('='))) {
            *value = arg.mid(name.size() + 1);
            return true;
        }
    }
    return false;
}

} // namespace

ExportPdfCommand::ExportPdfCommand(CommandSession &session)
    : m_session(session)
{}

int ExportPdfCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("export-pdf");
    QString reference;
    QString output;
    QString outDir;
    QString jobsText;
    bool all = false;
    bool draft = false;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString problem;
        if (optionsEnded || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
            if (!reference.isEmpty())
                return m_session.usageError(command, CommandLine::tr("give one reference, not several."));
            reference = arg;
        } else if (arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (arg == QLatin1String("--draft")) {
            draft = true;
        } else if (arg == QLatin1String("--all")) {
            all = true;
        } else if (takeValue(args,
                             &i,
                             {QStringLiteral("-o"), QStringLiteral("--output")},
                             &output,
                             &problem)
                   || takeValue(args, &i, {QStringLiteral("--out-dir")}, &outDir, &problem)
                   || takeValue(args, &i, {QStringLiteral("--jobs")}, &jobsText, &problem)) {
            if (!problem.isEmpty())
                return m_session.usageError(command, problem);
        } else {
            return m_session.usageError(command, CommandLine::tr("unknown option \"%1\".").arg(arg));
        }
    }

    if (!all) {
        if (reference.isEmpty())
            return m_session.usageError(command, CommandLine::tr("give the reference of a request, or --all."));
        if (!outDir.isEmpty() || !jobsText.isEmpty())
            return m_session.usageError(command, CommandLine::tr("--out-dir and --jobs go with --all."));
        if (output.isEmpty())
            return m_session.usageError(command, CommandLine::tr("-o FILE is required: name the PDF to write."));
        return exportOne(reference, output, draft);
    }

    if (!reference.isEmpty())
        return m_session.usageError(command, CommandLine::tr("give either a reference or --all, not both."));
    if (!output.isEmpty())
        return m_session.usageError(command,
                                    CommandLine::tr("with --all, name a folder with --out-dir instead of -o."));
    if (outDir.isEmpty())
        return m_session.usageError(command, CommandLine::tr("--all needs --out-dir DIR."));
    int jobs = 0;
    if (!jobsText.isEmpty()) {
        bool ok = false;
        jobs = jobsText.toInt(&ok);
        if (!ok || jobs < 1 || jobs > MaxJobs) {
            return m_session.fail(Error(
                ErrorKind::BadInput,
                QStringLiteral("--jobs: ")
                    + CommandLine::tr("\"%1\" is not a whole number from 1 to %2.").arg(jobsText).arg(MaxJobs)));
        }
    }
    return exportAll(outDir, draft, jobs);
}

Result<LetterDocument> ExportPdfCommand::composeLetter(const LetterComposer &composer,
                                                       const Request &request,
                                                       bool forceDraft,
                                                       ExportOptions *options) const
{
    ComposeOptions compose;
    compose.today = m_session.today();
    options->draft = forceDraft || !request.letterFinal;
    Result<LetterDocument> letter = options->draft
                                        ? Result<LetterDocument>(composer.compose(request, compose))
                                        : composer.composeFinal(request, compose);
    if (!letter) {
        return Error(letter.errorKind(),
                     letter.errorMessage()
                         + CommandLine::tr("\nFill these in, or export a draft with --draft. Nothing was "
                              "written."));
    }
    // The file is checked for everything the request withholds, whatever the letter lists.
    for (const QString &withheld : WithheldText::strings(request)) {
        if (!letter->withheldStrings.contains(withheld))
            letter->withheldStrings.append(withheld);
    }
    return letter;
}

int ExportPdfCommand::exportOne(const QString &reference, const QString &output, bool forceDraft)
{
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> request = store->loadRequestByReference(reference);
    if (!request)
        return m_session.fail(request.error());
    const Result<OrganisationProfile> profile = store->profile();
    if (!profile)
        return m_session.fail(profile.error());

    ExportOptions options;
    const Result<LetterDocument> letter =
        composeLetter(LetterComposer(profile.value()), request.value(), forceDraft, &options);
    if (!letter)
        return m_session.fail(letter.error());
    ReleaseCheckResult check;
    const Result<void> written = PdfExporter::exportChecked(
        letter.value(), output, options, RequestFingerprint::of(request.value()), &check);
    return finishExport(*store,
                        request->id,
                        request->reference,
                        !options.draft && request->withholdsAnything(),
                        written,
                        check,
                        output,
                        false);
}

int ExportPdfCommand::finishExport(Store &store,
                                   qint64 requestId,
                                   const QString &reference,
                                   bool record,
                                   const Result<void> &written,
                                   const ReleaseCheckResult &check,
                                   const QString &path,
                                   bool prefixReference)
{
    const bool checked = check.checkedAt.isValid();
    if (!written && !checked)
        return m_session.fail(written.error()); // never written, so never checked

    int code = CommandLine::Done;
    if (!written) {
        // One line per finding, each already naming the request; never the withheld text.
        for (const QString &line : written.errorMessage().split(QLatin1Char('\n')))
            m_session.err() << CommandSession::oneLine(line) << QLatin1Char('\n');
        code = CommandLine::Refused;
    } else {
        m_session.out() << CommandSession::shownPath(path) << QLatin1Char('\n');
    }
    if (record) {
        const Result<void> recorded = store.recordReleaseCheck(requestId, check);
        if (!recorded)
            code = std::max(code, m_session.fail(recorded.error()));
        else if (written)
            m_session.err() << (prefixReference ? reference + QStringLiteral(": ") : QString())
                            << check.summary() << QLatin1Char('\n');
    }
    return code;
}

int ExportPdfCommand::exportAll(const QString &outDir, bool forceDraft, int jobs)
{
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<OrganisationProfile> profile = store->profile();
    if (!profile)
        return m_session.fail(profile.error());

    RequestQuery query;
    query.sortKey = RequestQuery::SortKey::Reference;
    query.order = Qt::AscendingOrder;
    const Result<int> count = store->countRequests(query);
    if (!count)
        return m_session.fail(count.error());
    const Result<QList<RequestSummary>> rows = store->listRequests(query, 0, count.value());
    if (!rows)
        return m_session.fail(rows.error());
    if (rows->isEmpty()) {
        m_session.err() << CommandLine::tr("The log %1 has no requests yet; no letters were written.")
                               .arg(CommandSession::shownPath(store->path()))
                        << QLatin1Char('\n');
        return CommandLine::Done;
    }

    const QDir dir(outDir);
    if (!dir.mkpath(QStringLiteral("."))) {
        return m_session.fail(Error(ErrorKind::Io,
                                    CommandLine::tr("%1: the folder cannot be created; check the path and "
                                       "that you may write there.")
                                        .arg(CommandSession::shownPath(outDir))));
    }

    // Two references may map to one file name ("a/b" and "a_b"), and Windows file names ignore
    // case: the later one gets a number rather than overwriting the earlier letter.
    QStringList paths;
    QSet<QString> taken;
    for (const RequestSummary &row : rows.value()) {
        const bool draft = forceDraft || !row.letterFinal;
        QString name = letterFileName(row.reference, draft);
        for (int n = 2; taken.contains(name.toCaseFolded()); ++n)
            name = letterFileName(row.reference + QStringLiteral(" (%1)").arg(n), draft);
        taken.insert(name.toCaseFolded());
        paths.append(dir.filePath(name));
    }

    const LetterComposer composer(profile.value());
    // Which checks go into a request's history, filled in as the letters are made.
    QList<bool> recordCheck(rows->size(), false);
    const auto source = [&](int index) {
        const RequestSummary &row = rows->at(index);
        PdfJob job;
        job.reference = row.reference;
        job.path = paths.at(index);
        const Result<Request> request = store->loadRequest(row.id);
        if (!request) {
            job.prepared = request.error();
            return job;
        }
        Result<LetterDocument> letter =
            composeLetter(composer, request.value(), forceDraft, &job.options);
        if (!letter)
            job.prepared = letter.error();
        else
            job.letter = std::move(letter).value();
        job.fingerprint = RequestFingerprint::of(request.value());
        recordCheck[index] = !job.options.draft && request->withholdsAnything();
        return job;
    };

    int worst = CommandLine::Done;
    int written = 0;
    const int total = int(rows->size());
    const QString counterFormat = QStringLiteral("[%1/%2] %3");
    const auto progress = [&](const BulkPdfExport::Outcome &outcome, int finished, int) {
        m_session.err() << counterFormat.arg(finished).arg(total).arg(outcome.reference)
                        << QLatin1Char('\n');
        const RequestSummary &row = rows->at(outcome.index);
        worst = std::max(worst,
                         finishExport(*store,
                                      row.id,
                                      row.reference,
                                      recordCheck.at(outcome.index),
                                      outcome.status,
                                      outcome.check,
                                      outcome.path,
                                      true));
        if (outcome.status)
            ++written;
        // Progress is for a person watching: show each line as it happens.
        m_session.err().flush();
        m_session.out().flush();
    };
    BulkPdfExport(jobs).run(total, source, progress);

    m_session.err() << CommandLine::tr("%1 of %2 letters written to %3")
                           .arg(written)
                           .arg(total)
                           .arg(CommandSession::shownPath(outDir))
                    << QLatin1Char('\n');
    return worst;
}

} // namespace foidesk
