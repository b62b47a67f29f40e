#include "letter/PdfExporter.h"

#include "letter/LetterRenderer.h"
#include "letter/PdfDocumentInfo.h"
#include "release/CheckedWrite.h"
#include "release/ReleaseCheck.h"
#include "util/LiveLogFiles.h"

#include <QBuffer>
#include <QDir>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

namespace foidesk {

Result<QByteArray> PdfExporter::render(const LetterDocument &letter, const ExportOptions &options)
{
    // Checked first and whatever the options: a draft is a file too, and files get sent.
    if (letter.revealsWithheld) {
        return Error(ErrorKind::Refused,
                     tr("The letter for request %1 was made for the supervisor view and shows "
                        "withheld text, so it is never written to a file. Export the letter as "
                        "it will be sent instead.")
                         .arg(letter.reference));
    }
    if (!options.draft && letter.hasProblems()) {
        return Error(ErrorKind::Refused,
                     tr("The final letter for request %1 cannot be exported yet:\n%2\nFill these "
                        "in, or export a draft.")
                         .arg(letter.reference, letter.problems.join(u'\n')));
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return Error(ErrorKind::Internal,
                     tr("PDF export needs the graphical part of Qt to be started first "
                        "(QGuiApplication); the offscreen platform is enough."));
    }

    PdfDocumentInfo info;
    info.title = letter.pdfTitle;
    info.author = letter.organisation;
    info.subject = letter.pdfSubject;
    info.creator = QStringLiteral("FOI Desk");
    info.producer = QStringLiteral("FOI Desk %1 (Qt %2)")
                        .arg(QStringLiteral(FOIDESK_VERSION), QString::fromLatin1(qVersion()));
    // Whole seconds: the PDF date format has no finer unit, and both copies must agree.
    QDateTime created =
        options.created.isValid() ? options.created : QDateTime::currentDateTimeUtc();
    created = created.toUTC();
    created.setTime(QTime(created.time().hour(), created.time().minute(), created.time().second()));
    info.created = created;

    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
        writer.setResolution(600);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        writer.setTitle(info.title);
        writer.setCreator(info.creator);
        writer.setDocumentXmpMetadata(info.xmpPacket());

        Result<int> pages = LetterRenderer(letter).paint(&writer, options.draft);
        if (!pages)
            return pages.error();
    }
    if (bytes.isEmpty()) {
        return Error(ErrorKind::Internal,
                     tr("Qt produced an empty PDF for request %1.").arg(letter.reference));
    }
    return info.applyTo(bytes);
}

Result<void> PdfExporter::exportPdf(const LetterDocument &letter,
                              const QString &path,
                              const ExportOptions &options)
{
    if (const Result<void> live = LiveLogFiles::refuse(
            path, tr("The letter for request %1 was not exported.").arg(letter.reference));
        !live)
        return live;
    Result<QByteArray> pdf = render(letter, options);
    if (!pdf)
        return pdf.error();

    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(ErrorKind::Io,
                     tr("%1 cannot be written (%2); choose another folder or name.")
                         .arg(shown, file.errorString()));
    }
    if (file.write(pdf.value()) != pdf->size() || !file.commit()) {
        if (file.error() == QFileDevice::ResourceError) {
            return Error(ErrorKind::DiskFull,
                         tr("%1 was not written: the disk is full. Free some space and export "
                            "again.")
                             .arg(shown));
        }
        return Error(ErrorKind::Io,
                     tr("%1 was not written (%2); choose another folder or name.")
                         .arg(shown, file.errorString()));
    }
    return {};
}

Result<void> PdfExporter::exportChecked(const LetterDocument &letter,
                                        const QString &path,
                                        const ExportOptions &options,
                                        const QByteArray &fingerprint,
                                        ReleaseCheckResult *result)
{
    if (letter.revealsWithheld) {
        return Error(ErrorKind::Refused,
                     tr("%1: the supervisor view shows withheld text and is never exported; "
                        "export the letter itself instead. Nothing was written.")
                         .arg(letter.reference));
    }
    CheckedWrite::Job job;
    job.path = path;
    job.reference = letter.reference;
    job.what = tr("the PDF");
    job.withheld = letter.withheldStrings;
    job.fingerprint = fingerprint;
    job.write = [&](const QString &file) { return exportPdf(letter, file, options); };
    job.check = &ReleaseCheck::checkPdf;
    return CheckedWrite::run(job, result);
}

} // namespace foidesk
