#include "publish/Publisher.h"

#include "exchange/PublicRequestJson.h"
#include "exchange/RequestJson.h"
#include "letter/LetterComposer.h"
#include "letter/PdfExporter.h"
#include "model/RequestEnums.h"
#include "publish/PublicationGate.h"
#include "publish/SiteWriter.h"
#include "release/LeakMatcher.h"
#include "release/ReleaseCheck.h"
#include "release/WithheldText.h"
#include "stats/QuarterStats.h"
#include "store/Store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <algorithm>
#include <filesystem>

namespace foidesk {

namespace {

constexpr int PageSize = 500;

QString outcomeCode(Outcome outcome)
{
    switch (outcome) {
    case Outcome::GrantedInFull:
        return QStringLiteral("granted_in_full");
    case Outcome::GrantedInPart:
        return QStringLiteral("granted_in_part");
    case Outcome::RefusedInFull:
        return QStringLiteral("refused_in_full");
    case Outcome::NotHeld:
        return QStringLiteral("not_held");
    case Outcome::None:
        break;
    }
    return {};
}

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::GrantedInFull:
        return Publisher::tr("Granted in full");
    case Outcome::GrantedInPart:
        return Publisher::tr("Granted in part");
    case Outcome::RefusedInFull:
        return Publisher::tr("Refused");
    case Outcome::NotHeld:
        return Publisher::tr("Information not held");
    case Outcome::None:
        break;
    }
    return {};
}

Result<void> writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()) {
        return Error(file.error() == QFileDevice::ResourceError ? ErrorKind::DiskFull
                                                                : ErrorKind::Io,
                     Publisher::tr("%1 could not be written: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The site's own files in dir, relative: only those a publish writes, so that anything else a
// web server keeps there is left alone.
QStringList ownFiles(const QString &dir)
{
    QStringList files;
    for (const QString &name : {QStringLiteral("index.html"),
                                QStringLiteral("style.css"),
                                QStringLiteral("log.csv"),
                                QStringLiteral("log.json"),
                                QStringLiteral("logo.png"),
                                QStringLiteral("logo.svg")}) {
        if (QFileInfo::exists(dir + u'/' + name))
            files.append(name);
    }
    const QList<QPair<QString, QString>> folders{
        {QStringLiteral("requests"), QStringLiteral("*.html")},
        {QStringLiteral("letters"), QStringLiteral("*.pdf")}};
    for (const auto &[folder, pattern] : folders) {
        const QStringList names = QDir(dir + u'/' + folder).entryList({pattern}, QDir::Files);
        for (const QString &name : names)
            files.append(folder + u'/' + name);
    }
    return files;
}

// The released copy of the letter as sent: its content as stored with the letter, without
// the requester (the salutation becomes the one for no name), rendered final.
std::optional<QByteArray> releasedLetter(const Store &store,
                                         const Request &request,
                                         const LetterComposer &composer,
                                         QString *why)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *why = Publisher::tr("letters are made only where FOI Desk can draw them.");
        return std::nullopt;
    }
    const Result<QList<SentLetter>> letters = store.sentLetters(request.id);
    if (!letters || letters->isEmpty()) {
        *why = Publisher::tr("the log keeps no letter as sent for it.");
        return std::nullopt;
    }
    const SentLetter &sent = letters->first();
    Result<Request> content = RequestJson::parse(sent.contentJson);
    Request letterContent = content ? std::move(content).value() : request;
    letterContent.requester = Requester();
    ComposeOptions compose;
    compose.today = sent.sentOn.isValid() ? sent.sentOn : request.letterDate;
    const LetterDocument letter = composer.compose(letterContent, compose);
    ExportOptions options;
    options.draft = false;
    options.created = QDateTime(
        sent.sentOn.isValid() ? sent.sentOn : QDate(2000, 1, 1), QTime(12, 0), QTimeZone::utc());
    Result<QByteArray> pdf = PdfExporter::render(letter, options);
    if (!pdf) {
        *why = pdf.errorMessage().simplified();
        return std::nullopt;
    }
    return std::move(pdf).value();
}

} // namespace

Result<PublishResult> Publisher::publish(const Store &store, const PublishOptions &options)
{
    PublishResult result;
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    const QString outDir = QDir(options.outDir).absolutePath();
    if (options.outDir.trimmed().isEmpty())
        return Error(ErrorKind::BadInput, tr("Choose a folder to publish the disclosure log to."));
    if (QFileInfo(outDir).exists() && !QFileInfo(outDir).isDir()) {
        return Error(ErrorKind::BadInput,
                     tr("%1 is a file, not a folder.").arg(QDir::toNativeSeparators(outDir)));
    }
    const Result<OrganisationProfile> profile = store.profile();
    if (!profile)
        return profile.error();
    const Result<bool> reviewOn = store.reviewEnabled();
    if (!reviewOn)
        return reviewOn.error();
    const LetterComposer composer(profile.value());

    // The new site is built beside the old one, on the same file system, so that its files can
    // be moved into place by renaming.
    const QFileInfo outInfo(outDir);
    QDir().mkpath(outInfo.absolutePath());
    QTemporaryDir staging(outInfo.absolutePath() + QStringLiteral("/.") + outInfo.fileName()
                          + QStringLiteral(".publishing-XXXXXX"));
    if (!staging.isValid()) {
        return Error(ErrorKind::Io,
                     tr("A temporary folder could not be made beside %1: %2")
                         .arg(QDir::toNativeSeparators(outDir), staging.errorString()));
    }
    const QString stage = staging.path();

    RequestQuery query;
    query.sortKey = RequestQuery::SortKey::Received;
    query.order = Qt::DescendingOrder;
    const Result<int> total = store.countRequests(query);
    if (!total)
        return total.error();

    SiteIdentity identity;
    identity.authority =
        profile->name.trimmed().isEmpty() ? tr("The authority") : profile->name.trimmed();
    if (!profile->logoData.isEmpty()
        && (profile->logoType == QLatin1String("png")
            || profile->logoType == QLatin1String("svg"))) {
        identity.logoFile = QStringLiteral("logo.") + profile->logoType;
    }
    const SiteWriter writer(identity, composer.catalogue());

    QList<SiteEntry> entries;
    QStringList allStrings; // every published request's withheld strings and requester details
    QSet<QString> slugs;
    int done = 0;
    for (int offset = 0; offset < total.value(); offset += PageSize) {
        const Result<QList<RequestSummary>> page = store.listRequests(query, offset, PageSize);
        if (!page)
            return page.error();
        for (const RequestSummary &summary : page.value()) {
            ++done;
            if (options.progress && !options.progress(done, total.value())) {
                result.cancelled = true;
                return result;
            }
            if (!PublicationGate::isAnswered(summary.status)) {
                ++result.notAnswered;
                continue;
            }
            Result<Request> loaded = store.loadRequest(summary.id);
            if (!loaded)
                return loaded.error();
            const Request request = std::move(loaded).value();
            const QDate answered = answeredOn(request);
            if (options.since.isValid() && (!answered.isValid() || answered < options.since))
                continue;

            PublicationFacts facts;
            facts.today = today;
            facts.reviewOn = reviewOn.value();
            const Result<std::optional<ReleaseCheckResult>> check =
                store.lastReleaseCheck(request.id);
            if (!check)
                return check.error();
            facts.lastCheck = check.value();
            if (facts.reviewOn) {
                const Result<QList<ReviewDecision>> decisions = store.reviewDecisions(request.id);
                if (!decisions)
                    return decisions.error();
                facts.approved =
                    !decisions->isEmpty() && decisions->last().kind != ReviewDecision::Kind::Return;
            }
            QStringList reasons = PublicationGate::failures(request, facts);
            if (!reasons.isEmpty()) {
                result.skipped.append({request.reference, reasons});
                continue;
            }

            SiteEntry entry;
            entry.request = PublicRequestJson::publicCopy(request);
            entry.answered = answered;
            const Outcome outcome = outcomeOf(request);
            entry.outcome = outcomeName(outcome);
            entry.outcomeCode = outcomeCode(outcome);
            QString slug = SiteWriter::slugFor(request.reference);
            for (int n = 2; slugs.contains(slug.toLower()); ++n)
                slug = SiteWriter::slugFor(request.reference) + u'-' + QString::number(n);
            entry.slug = slug;

            QString noLetter;
            const std::optional<QByteArray> pdf =
                releasedLetter(store, request, composer, &noLetter);
            entry.hasLetter = pdf.has_value();
            const QString pagePath = QStringLiteral("requests/%1.html").arg(slug);
            const QByteArray pageBytes = writer.requestHtml(entry);
            reasons = PublicationGate::outputFailures(
                request,
                {{pagePath, pageBytes},
                 {QStringLiteral("log.csv"), writer.csv({entry})},
                 {QStringLiteral("log.json"), writer.json({entry})}});
            QStringList strings =
                WithheldText::strings(request) + PublicationGate::requesterStrings(request);
            if (reasons.isEmpty() && pdf) {
                const QString pdfPath = stage + QStringLiteral("/letters/%1.pdf").arg(slug);
                if (const Result<void> written = writeBytes(pdfPath, *pdf); !written)
                    return written.error();
                const ReleaseCheckResult read = ReleaseCheck::checkPdf(pdfPath, strings, {});
                if (!read.passed()) {
                    QFile::remove(pdfPath);
                    reasons.append(tr("Its released letter (PDF) would contain the requester's "
                                      "details or withheld text, or could not be read back."));
                }
            }
            if (!reasons.isEmpty()) {
                result.skipped.append({request.reference, reasons});
                continue;
            }
            if (const Result<void> written = writeBytes(stage + u'/' + pagePath, pageBytes);
                !written)
                return written.error();
            if (!pdf) {
                result.notes.append(tr("Request %1 is published without its letter: %2")
                                        .arg(request.reference, noLetter));
            }
            slugs.insert(slug.toLower());
            allStrings += strings;
            entries.append(entry);
        }
    }

    std::stable_sort(entries.begin(), entries.end(), [](const SiteEntry &a, const SiteEntry &b) {
        if (a.answered != b.answered)
            return a.answered > b.answered;
        return a.request.reference < b.request.reference;
    });
    for (const SiteEntry &entry : entries)
        result.published.append(entry.request.reference);

    const QList<QPair<QString, QByteArray>> shared{
        {QStringLiteral("index.html"), writer.indexHtml(entries)},
        {QStringLiteral("log.csv"), writer.csv(entries)},
        {QStringLiteral("log.json"), writer.json(entries)},
        {QStringLiteral("style.css"), writer.css()},
    };
    for (const auto &[name, bytes] : shared) {
        if (const Result<void> written = writeBytes(stage + u'/' + name, bytes); !written)
            return written.error();
    }
    if (!identity.logoFile.isEmpty()) {
        if (const Result<void> written =
                writeBytes(stage + u'/' + identity.logoFile, profile->logoData);
            !written)
            return written.error();
    }

    // Every byte of the new site, read back from disk, against every published request's
    // withheld strings and requester details, before anything of it is published.
    allStrings.removeDuplicates();
    const LeakMatcher everyString(allStrings); // prepared once, searched for in one pass
    const QStringList newFiles = ownFiles(stage);
    for (const QString &name : newFiles) {
        if (name.endsWith(QLatin1String(".png")) || name.endsWith(QLatin1String(".svg")))
            continue; // the profile's own logo
        const QString path = stage + u'/' + name;
        const ReleaseCheckResult read = name.endsWith(QLatin1String(".pdf"))
                                            ? ReleaseCheck::checkPdfWith(path, everyString, {})
                                            : ReleaseCheck::checkTextFileWith(path, everyString, {});
        if (!read.passed()) {
            return Error(ErrorKind::Refused,
                         tr("Nothing was published: %1 of the new site holds a requester's "
                            "details or withheld text (%2 finding(s)), or could not be read "
                            "back. The previous site is as it was.")
                             .arg(name)
                             .arg(read.findings.size()));
        }
    }
    if (options.progress && !options.progress(total.value(), total.value())) {
        result.cancelled = true;
        return result;
    }

    // Swap in what changed, then remove what is no longer published.
    QDir().mkpath(outDir);
    const QStringList oldFiles = ownFiles(outDir);
    // A PDF is never rendered twice to the same bytes (it carries a unique document id), so a
    // letter is replaced only when its request's page changed: the page holds everything the
    // released letter is made from that can change without a new letter as sent.
    const auto unchanged = [&](const QString &name) {
        const QString target = outDir + u'/' + name;
        return QFileInfo::exists(target) && readBytes(target) == readBytes(stage + u'/' + name);
    };
    QSet<QString> changedPages; // by slug
    QSet<QString> samePages;    // by name, so that each page is compared once
    for (const QString &name : newFiles) {
        if (!name.startsWith(QLatin1String("requests/")))
            continue;
        if (unchanged(name))
            samePages.insert(name);
        else
            changedPages.insert(QFileInfo(name).completeBaseName());
    }
    for (const QString &name : newFiles) {
        const QString target = outDir + u'/' + name;
        const QString source = stage + u'/' + name;
        if (name.startsWith(QLatin1String("letters/"))) {
            if (QFileInfo::exists(target)
                && !changedPages.contains(QFileInfo(name).completeBaseName()))
                continue;
        } else if (name.startsWith(QLatin1String("requests/")) ? samePages.contains(name)
                                                                : unchanged(name)) {
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        std::error_code error;
        std::filesystem::rename(QFile::encodeName(source).toStdString(),
                                QFile::encodeName(target).toStdString(),
                                error);
        if (error) {
            return Error(ErrorKind::Io,
                         tr("%1 could not be replaced: %2")
                             .arg(QDir::toNativeSeparators(target),
                                  QString::fromLocal8Bit(error.message().c_str())));
        }
        result.written.append(name);
    }
    const QSet<QString> kept(newFiles.cbegin(), newFiles.cend());
    for (const QString &name : oldFiles) {
        if (kept.contains(name))
            continue;
        if (!QFile::remove(outDir + u'/' + name)) {
            return Error(
                ErrorKind::Io,
                tr("%1 could not be removed.").arg(QDir::toNativeSeparators(outDir + u'/' + name)));
        }
        result.removed.append(name);
    }
    return result;
}

} // namespace foidesk
