#include "release/CheckedWrite.h"

#include "util/LiveLogFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace foidesk {

namespace {

// Beside the destination, so that the final rename stays on one file system.
QString hiddenNameBeside(const QString &path)
{
    const QFileInfo target(path);
    return target.dir().filePath(QStringLiteral(".") + target.fileName() + QStringLiteral(".")
                                 + QUuid::createUuid().toString(QUuid::Id128).left(12)
                                 + QStringLiteral(".checking"));
}

QString refusal(const CheckedWrite::Job &job,
                const ReleaseCheckResult &check,
                bool removed,
                const QString &checking)
{
    const QString fate =
        removed ? CheckedWrite::tr("the file was deleted")
                : CheckedWrite::tr("the file %1 could not be deleted: delete it yourself before "
                                   "anyone sends or publishes it")
                      .arg(QDir::toNativeSeparators(checking));
    QStringList lines;
    if (!check.error.isEmpty()) {
        lines.append(CheckedWrite::tr("%1: %2 could not be checked for withheld text (%3); %4.")
                         .arg(job.reference, job.what, check.error, fate));
    }
    for (const LeakFinding &finding : std::as_const(check.findings)) {
        const int number = int(job.withheld.indexOf(finding.withheld)) + 1;
        lines.append(CheckedWrite::tr("%1: withheld string %2 found in %3; %4.")
                         .arg(job.reference)
                         .arg(number)
                         .arg(finding.where, fate));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Result<void> CheckedWrite::run(const Job &job, ReleaseCheckResult *result)
{
    const QString shown = QDir::toNativeSeparators(job.path);
    if (const Result<void> live =
            LiveLogFiles::refuse(job.path, tr("%1 was not written.").arg(shown));
        !live)
        return live;

    if (job.withheld.isEmpty() && !job.checkWhenNothingWithheld) {
        const Result<void> written = job.write(job.path);
        if (!written)
            return written;
        if (result) {
            ReleaseCheckResult nothing;
            nothing.checkedAt = QDateTime::currentDateTimeUtc();
            nothing.file = job.path;
            nothing.fingerprint = job.fingerprint;
            *result = nothing;
        }
        return {};
    }

    const QString checking = hiddenNameBeside(job.path);
    const Result<void> written = job.write(checking);
    if (!written) {
        QFile::remove(checking);
        if (written.errorKind() == ErrorKind::Io || written.errorKind() == ErrorKind::DiskFull) {
            QString message = written.errorMessage();
            message.replace(QDir::toNativeSeparators(checking), shown);
            return Error(written.errorKind(), message);
        }
        return written;
    }

    ReleaseCheckResult check = job.check(checking, job.withheld, job.fingerprint);
    check.file = job.path;
    if (result)
        *result = check;
    if (!check.passed()) {
        const bool removed = QFile::remove(checking);
        return Error(ErrorKind::Refused, refusal(job, check, removed, checking));
    }

    // Windows will not rename over an existing file, so the old one goes first.
    if (QFile::exists(job.path) && !QFile::remove(job.path)) {
        QFile::remove(checking);
        return Error(ErrorKind::Io,
                     tr("%1 could not be replaced (is it open in another program?); close it, "
                        "or choose another name, and try again.")
                         .arg(shown));
    }
    if (!QFile::rename(checking, job.path)) {
        QFile::remove(checking);
        return Error(ErrorKind::Io,
                     tr("%1 could not be written; choose another folder or name.").arg(shown));
    }
    return {};
}

} // namespace foidesk
