#include "letter/LetterActions.h"

#include "letter/LetterFileName.h"

#include "widgets/FileDialogs.h"
#include "editing/RequestDocument.h"
#include "letter/LetterComposer.h"
#include "letter/LetterRenderer.h"
#include "letter/PdfExporter.h"
#include "release/ReleaseCheck.h"
#include "store/Store.h"
#include "model/RequestEnums.h"
#include "util/AppSettings.h"
#include "exchange/RequestFingerprint.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QStandardPaths>
#include <QUrl>

namespace foidesk {

LetterActions::LetterActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_exportPdfAction(new QAction(tr("Export Letter as &PDF..."), this))
    , m_printAction(new QAction(tr("&Print Letter..."), this))
    , m_printPreviewAction(new QAction(tr("Print Previe&w..."), this))
    , m_profileHint(new QLabel(window))
{
    m_exportPdfAction->setObjectName(QStringLiteral("exportPdfAction"));
    m_exportPdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportPdfAction->setIcon(QIcon(QStringLiteral(":/icons/document-export.svg")));
    connect(m_exportPdfAction, &QAction::triggered, this, &LetterActions::exportPdf);

    m_printAction->setObjectName(QStringLiteral("printAction"));
    m_printAction->setShortcut(QKeySequence::Print);
    connect(m_printAction, &QAction::triggered, this, &LetterActions::print);

    m_printPreviewAction->setObjectName(QStringLiteral("printPreviewAction"));
    connect(m_printPreviewAction, &QAction::triggered, this, &LetterActions::printPreview);

    m_profileHint->setObjectName(QStringLiteral("profileHintLabel"));
    m_profileHint->setTextFormat(Qt::RichText);
    m_profileHint->setText(
        tr("Letters use placeholder wording until you set up your organisation in Tools > "
           "Settings.")
            .toHtmlEscaped()
        + QStringLiteral(" <a href=\"settings\">") + tr("Set up now").toHtmlEscaped()
        + QStringLiteral("</a>"));
    m_profileHint->hide();
    connect(m_profileHint, &QLabel::linkActivated, this, &LetterActions::settingsRequested);

    updateActions();
}

LetterActions::~LetterActions() = default;

void LetterActions::setSource(Store *store, RequestDocument *document)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_store = store;
    m_document = document;
    if (m_store)
        connect(m_store, &Store::profileChanged, this, &LetterActions::updateProfileHint);
    if (m_document)
        connect(m_document, &RequestDocument::openChanged, this, &LetterActions::updateActions);
    updateActions();
    updateProfileHint();
}

void LetterActions::exportPdf()
{
    if (!m_document || !m_document->isOpen())
        return;
    const Request request = m_document->request();
    QString folder = m_settings->lastExportFolder();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);

    QFileDialog dialog(m_window, tr("Export Letter as PDF"));
    FileDialogs::prepare(dialog);
    dialog.setObjectName(QStringLiteral("exportPdfFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("PDF documents (*.pdf)"));
    dialog.setDefaultSuffix(QStringLiteral("pdf"));
    dialog.setDirectory(folder);
    dialog.selectFile(letterFileName(request.reference, !request.letterFinal));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    m_settings->setLastExportFolder(QFileInfo(path).absolutePath());
    exportPdfTo(path);
}

bool LetterActions::exportPdfTo(const QString &path)
{
    if (refuseWhileWithheldShown(tr("Export Letter as PDF")))
        return false;
    const std::optional<Output> output = letterToOutput(tr("Export Letter as PDF"), true);
    if (!output)
        return false;
    const Request request = m_document->request();
    const QString reference = output->letter.reference;
    const bool withholds = !output->letter.withheldStrings.isEmpty();
    ExportOptions options;
    options.draft = output->draft;
    ReleaseCheckResult check;
    const Result<void> written = PdfExporter::exportChecked(
        output->letter, path, options, RequestFingerprint::of(request), &check);
    // Only the letter that would be sent counts towards releasing the request.
    const bool checkRan = withholds && check.checkedAt.isValid();
    if (checkRan && !output->draft)
        Q_EMIT finalLetterChecked(check);
    if (!written) {
        if (checkRan && !check.passed()) {
            reportLeak(*output, path, written.errorMessage(), check);
            return false;
        }
        QMessageBox box(QMessageBox::Warning,
                        tr("Export Letter as PDF"),
                        tr("The letter for request %1 was not exported.").arg(reference),
                        QMessageBox::Ok,
                        m_window);
        box.setObjectName(QStringLiteral("exportErrorBox"));
        box.setInformativeText(written.errorMessage());
        box.exec();
        return false;
    }

    if (!output->draft)
        m_finalLetters.insert(reference, path);
    const QString shownPath = QDir::toNativeSeparators(path);
    QString status =
        output->draft
            ? tr("Exported the draft letter for request %1 to %2").arg(reference, shownPath)
            : tr("Exported the final letter for request %1 to %2").arg(reference, shownPath);
    // The summary never quotes a withheld string, so it is safe in the status bar.
    if (checkRan)
        status += QStringLiteral(". ") + check.summary();
    Q_EMIT statusMessage(status);

    QMessageBox box(
        QMessageBox::Information,
        tr("Export Letter as PDF"),
        output->draft
            ? tr("The draft letter for request %1 has been saved as %2.").arg(reference, shownPath)
            : tr("The final letter for request %1 has been saved as %2.").arg(reference, shownPath),
        QMessageBox::NoButton,
        m_window);
    box.setObjectName(QStringLiteral("exportDoneBox"));
    QStringList notes;
    if (checkRan) {
        notes.append(check.withheldCount == 1
                         ? tr("The file was read back and the withheld passage is not in it.")
                         : tr("The file was read back and none of the %1 withheld passages is "
                              "in it.")
                               .arg(check.withheldCount));
    }
    if (m_document && m_document->isModified()) {
        notes.append(tr("It includes your unsaved changes to the request; save the request to "
                        "keep them in the log."));
    }
    box.setInformativeText(notes.join(QStringLiteral("\n\n")));
    QPushButton *openFolder = box.addButton(tr("&Open Folder"), QMessageBox::ActionRole);
    openFolder->setObjectName(QStringLiteral("openFolderButton"));
    box.setDefaultButton(box.addButton(QMessageBox::Ok));
    box.exec();
    if (box.clickedButton() == openFolder)
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    return true;
}

void LetterActions::reportLeak(const Output &output,
                               const QString &path,
                               const QString &message,
                               const ReleaseCheckResult &check)
{
    QMessageBox box(QMessageBox::Critical,
                    tr("Export Letter as PDF"),
                    check.error.isEmpty()
                        ? tr("The letter for request %1 was not exported: withheld text was found "
                             "in the file, so the file has been deleted.")
                              .arg(output.letter.reference)
                        : tr("The letter for request %1 was not exported: the file could not be "
                             "read back to check it for withheld text, so it has been deleted.")
                              .arg(output.letter.reference),
                    QMessageBox::Ok,
                    m_window);
    box.setObjectName(QStringLiteral("releaseCheckFailedBox"));
    QString advice =
        check.error.isEmpty()
            ? tr("Withhold each passage wherever it appears: in every answer where it is "
                 "repeated, and never in the request's title or the question as asked (those are "
                 "quoted in full). Then export again.")
            : tr("Try again; if it keeps failing, export to another folder.");
    box.setInformativeText(message + QStringLiteral("\n\n") + advice);
    // The passages themselves, numbered as in the message, for the officer to find them; they
    // stay out of the message itself, which may be read over a shoulder or copied into a log.
    QStringList details;
    for (qsizetype i = 0; i < output.letter.withheldStrings.size(); ++i) {
        const QString &withheld = output.letter.withheldStrings.at(i);
        QStringList places;
        for (const LeakFinding &finding : check.findings) {
            if (finding.withheld == withheld)
                places.append(finding.where);
        }
        if (!places.isEmpty()) {
            details.append(tr("Withheld string %1: \"%2\" \u2014 found in %3")
                               .arg(i + 1)
                               .arg(withheld, places.join(QStringLiteral("; "))));
        }
    }
    if (!details.isEmpty())
        box.setDetailedText(details.join(QLatin1Char('\n')));
    Q_EMIT statusMessage(tr("Release check failed: the letter for request %1 was not exported to "
                            "%2")
                             .arg(output.letter.reference, QDir::toNativeSeparators(path)));
    box.exec();
}

bool LetterActions::refuseWhileWithheldShown(const QString &title)
{
    if (!m_withheldShown)
        return false;
    QMessageBox box(QMessageBox::Warning,
                    title,
                    tr("The preview is showing withheld text (the supervisor view)."),
                    QMessageBox::Ok,
                    m_window);
    box.setObjectName(QStringLiteral("withheldShownBox"));
    box.setInformativeText(tr("Nothing can be printed or exported while it is. Switch off View > "
                              "Show Withheld Text, then try again: the letter then goes out with "
                              "the withheld passages removed."));
    box.exec();
    return true;
}

void LetterActions::setWithheldShown(bool shown)
{
    m_withheldShown = shown;
    updateActions();
}

std::optional<LetterActions::Output> LetterActions::letterToOutput(const QString &title,
                                                                   bool forExport)
{
    if (!m_document || !m_document->isOpen())
        return std::nullopt;
    const Request request = m_document->request();
    Result<OrganisationProfile> profile =
        m_store ? m_store->profile() : OrganisationProfile::defaults();
    if (!profile) {
        QMessageBox box(
            QMessageBox::Warning, title, profile.errorMessage(), QMessageBox::Ok, m_window);
        box.setObjectName(QStringLiteral("letterErrorBox"));
        box.setInformativeText(tr("Open Tools > Settings and save the organisation's details "
                                  "again, or restore the log from a backup."));
        box.exec();
        return std::nullopt;
    }
    const LetterComposer composer(profile.value());
    if (!request.letterFinal)
        return Output{composer.compose(request), true};
    Result<LetterDocument> finalLetter = composer.composeFinal(request);
    if (finalLetter && !awaitsApproval(request))
        return Output{std::move(finalLetter).value(), false};
    if (finalLetter) {
        // Review is on and no supervisor has approved this content: the letter that would be
        // sent is not made yet; a draft may be.
        QMessageBox box(QMessageBox::Warning,
                        title,
                        tr("Request %1 is %2, so its final letter cannot be made yet.")
                            .arg(request.reference, statusDisplayName(request.status).toLower()),
                        QMessageBox::NoButton,
                        m_window);
        box.setObjectName(QStringLiteral("letterNotApprovedBox"));
        box.setInformativeText(
            tr("Review is on for this log: a supervisor approves the request (Review > "
               "Approve) before its final letter is exported or printed. A draft can be "
               "made now."));
        QPushButton *asDraft = box.addButton(forExport ? tr("Export as &Draft")
                                                       : tr("Print as &Draft"),
                                             QMessageBox::AcceptRole);
        asDraft->setObjectName(QStringLiteral("asDraftButton"));
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        if (box.clickedButton() != asDraft)
            return std::nullopt;
        return Output{composer.compose(request), true};
    }

    // Marked final but incomplete: say what is missing, and let it go out as a draft if wanted.
    LetterDocument draft = composer.compose(request);
    QStringList problems = draft.problems;
    if (problems.isEmpty())
        problems.append(finalLetter.errorMessage());
    for (QString &line : problems)
        line.prepend(QStringLiteral("\u2022 "));
    QMessageBox box(QMessageBox::Warning,
                    title,
                    tr("The letter for request %1 is marked final, but it is not ready to send.")
                        .arg(request.reference),
                    QMessageBox::NoButton,
                    m_window);
    box.setObjectName(QStringLiteral("letterNotReadyBox"));
    box.setInformativeText(tr("Still to fill in:") + QLatin1Char('\n')
                           + problems.join(QLatin1Char('\n')));
    QPushButton *asDraft = box.addButton(forExport ? tr("Export as &Draft") : tr("Print as &Draft"),
                                         QMessageBox::AcceptRole);
    asDraft->setObjectName(QStringLiteral("asDraftButton"));
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    if (box.clickedButton() != asDraft)
        return std::nullopt;
    return Output{std::move(draft), true};
}

bool LetterActions::awaitsApproval(const Request &request) const
{
    if (!m_store)
        return false;
    const Result<bool> review = m_store->reviewEnabled();
    if (!review || !*review)
        return false;
    return request.status != RequestStatus::Approved && request.status != RequestStatus::Sent
           && request.status != RequestStatus::Closed;
}

void LetterActions::preparePrinter(QPrinter *printer, const Output &output) const
{
    printer->setDocName(output.letter.pdfTitle);
    printer->setCreator(QCoreApplication::applicationName());
    // The letter places its own margins, so the device must start at the paper's corner.
    printer->setFullPage(true);
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setPageOrientation(QPageLayout::Portrait);
    printer->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
}

bool LetterActions::paintOn(QPrinter *printer, const Output &output)
{
    printer->setFullPage(true);
    const Result<int> pages = LetterRenderer(output.letter).paint(printer, output.draft);
    if (!pages) {
        QMessageBox box(
            QMessageBox::Warning,
            tr("Print Letter"),
            tr("The letter for request %1 was not printed.").arg(output.letter.reference),
            QMessageBox::Ok,
            m_window);
        box.setObjectName(QStringLiteral("printErrorBox"));
        box.setInformativeText(pages.errorMessage());
        box.exec();
        return false;
    }
    return true;
}

void LetterActions::print()
{
    if (refuseWhileWithheldShown(tr("Print Letter")))
        return;
    const std::optional<Output> output = letterToOutput(tr("Print Letter"), false);
    if (!output)
        return;
    QPrinter printer(QPrinter::HighResolution);
    preparePrinter(&printer, *output);
    QPrintDialog dialog(&printer, m_window);
    dialog.setObjectName(QStringLiteral("printDialog"));
    dialog.setWindowTitle(tr("Print Letter"));
    if (dialog.exec() != QDialog::Accepted || !paintOn(&printer, *output))
        return;
    Q_EMIT statusMessage(
        tr("Sent the letter for request %1 to the printer").arg(output->letter.reference));
}

void LetterActions::printPreview()
{
    if (refuseWhileWithheldShown(tr("Print Preview")))
        return;
    const std::optional<Output> output = letterToOutput(tr("Print Preview"), false);
    if (!output)
        return;
    QPrinter printer(QPrinter::HighResolution);
    preparePrinter(&printer, *output);
    QPrintPreviewDialog dialog(&printer, m_window);
    dialog.setObjectName(QStringLiteral("printPreviewDialog"));
    dialog.setWindowTitle(tr("Print Preview \u2014 %1").arg(output->letter.pdfTitle));
    if (const QScreen *screen = m_window ? m_window->screen() : QGuiApplication::primaryScreen()) {
        const QSize available = screen->availableSize();
        dialog.resize(qMin(980, available.width() * 9 / 10),
                      qMin(1100, available.height() * 9 / 10));
    }
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this, &output](QPrinter *p) {
        // The same call paints the preview and, from its Print button, the real printer.
        paintOn(p, *output);
    });
    dialog.exec();
}

void LetterActions::updateActions()
{
    const bool canSend = m_document && m_document->isOpen() && !m_withheldShown;
    m_exportPdfAction->setEnabled(canSend);
    m_printAction->setEnabled(canSend);
    m_printPreviewAction->setEnabled(canSend);
    // A greyed-out command says why, in its tooltip and in the status bar as it is pointed at.
    const QString off = tr("Not available while the preview shows withheld text (supervisor "
                           "view): switch off View > Show Withheld Text to export or print the "
                           "letter as it is sent.");
    const auto explain = [&](QAction *action, const QString &normal) {
        const QString tip = m_withheldShown ? off : normal;
        action->setStatusTip(tip);
        action->setToolTip(m_withheldShown ? off : action->text().remove(u'&'));
    };
    explain(m_exportPdfAction, tr("Save the response letter as a PDF, as the preview shows it"));
    explain(m_printAction, tr("Print the response letter"));
    explain(m_printPreviewAction, tr("See the printed pages before printing them"));
}

void LetterActions::updateProfileHint()
{
    bool usesDefaults = false;
    if (m_store) {
        const Result<bool> saved = m_store->hasSavedProfile();
        usesDefaults = saved.ok() && !saved.value();
    }
    m_profileHint->setVisible(usesDefaults);
}

} // namespace foidesk
