// The response letter in the window: the preview follows the editor without rendering per
// keystroke, and Export PDF writes what the preview shows, as a draft unless the request is
// marked final and complete. Each test has its own log, settings file and output folder.

#include "EditorWithPreview.h"
#include "letter/LetterActions.h"
#include "letter/LetterFileName.h"
#include "letter/LetterPreviewPane.h"
#include "MainWindow.h"
#include "support/ModalBoxes.h"
#include "editor/RequestEditor.h"
#include "letter/LetterComposer.h"
#include "profile/OrganisationProfile.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>
#include <functional>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString reference = u"LP-4471"_s;
const QString firstAnswer = u"We hold 38 records for 2023."_s;

QAbstractButton *okButton(QMessageBox *box)
{
    return box->button(QMessageBox::Ok);
}

// pdftotext output folded as a reader would compare it: ligatures and compatibility forms
// normalised (NFKC), every run of white space one space.
QString pdfText(const QString &pdf)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(process.readAllStandardOutput())
                       .normalized(QString::NormalizationForm_KC);
    static const QRegularExpression space(u"\\s+"_s);
    text.replace(space, u" "_s);
    return text;
}

Request completeRequest()
{
    Request request;
    request.reference = reference;
    request.title = u"Street lighting faults"_s;
    request.received = QDate(2024, 5, 7);
    request.letterDate = QDate(2024, 6, 3);
    request.requester.name = u"Rhian Evans"_s;
    request.held = Held::All;
    Question question;
    question.text = u"How many street lights were reported faulty in 2023?"_s;
    question.answer = firstAnswer;
    request.questions.append(question);
    return request;
}

} // namespace

class TestLetterPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void previewShowsThePages();
    void zoomLabelFollowsTheZoom();
    void typingRendersOnceAfterTheDebounce();
    void hiddenPaneWaitsUntilShown();
    void previewFollowsTheProfile();
    void exportDraftHasWhatWasTyped();
    void exportDialogOffersReferenceName();
    void exportFinalHasNoDraftMark();
    void finalWithGapsIsRefusedWithItsProblems();
    void finalWithGapsCanGoOutAsDraft();
    void suggestedFileName_data();
    void suggestedFileName();
    void windowOffersLetterCommands();

private:
    QString outPath(const QString &name) const { return m_ui.dir->filePath(name); }
    // Stores request in the log and opens it in the editor beside the preview.
    void openInEditor(const Request &request);
    QPlainTextEdit *answerEdit() const;
    void typeAnswer(const QString &text);

    EditorWithPreview m_ui;
};

void TestLetterPreview::init()
{
    m_ui.setUp(QSize(1300, 800));
}

void TestLetterPreview::cleanup()
{
    m_ui.tearDown();
}
void TestLetterPreview::openInEditor(const Request &request)
{
    m_ui.openInEditor(request);
}
QPlainTextEdit *TestLetterPreview::answerEdit() const
{
    return m_ui.editor->findChild<QPlainTextEdit *>(u"answerEdit"_s);
}

void TestLetterPreview::typeAnswer(const QString &text)
{
    auto *tabs = m_ui.editor->findChild<QTabWidget *>(u"editorTabs"_s);
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    QPlainTextEdit *answer = answerEdit();
    QVERIFY(answer);
    answer->setFocus();
    answer->selectAll();
    QTest::keyClicks(answer, text);
}

void TestLetterPreview::previewShowsThePages()
{
    openInEditor(completeRequest());
    QTRY_VERIFY(m_ui.pane->renderCount() >= 1);
    QVERIFY(m_ui.pane->previewWidget()->pageCount() >= 1);
    QVERIFY2(m_ui.pane->problems().isEmpty(), qPrintable(m_ui.pane->problems().join(u'\n')));
    auto *state = m_ui.pane->findChild<QLabel *>(u"previewStateLabel"_s);
    QVERIFY(state);
    QVERIFY2(state->text().startsWith(u"Draft"_s), qPrintable(state->text()));
    QCOMPARE(m_ui.pane->previewWidget()->zoomMode(), QPrintPreviewWidget::FitToWidth);
}

void TestLetterPreview::zoomLabelFollowsTheZoom()
{
    openInEditor(completeRequest());
    QTRY_VERIFY(m_ui.pane->renderCount() >= 1);
    QPrintPreviewWidget *preview = m_ui.pane->previewWidget();
    auto *label = m_ui.pane->findChild<QLabel *>(u"previewZoomLabel"_s);
    auto *zoomIn = m_ui.pane->findChild<QAbstractButton *>(u"previewZoomInButton"_s);
    auto *zoomOut = m_ui.pane->findChild<QAbstractButton *>(u"previewZoomOutButton"_s);
    auto *fitWidth = m_ui.pane->findChild<QAbstractButton *>(u"previewFitWidthButton"_s);
    auto *fitPage = m_ui.pane->findChild<QAbstractButton *>(u"previewFitPageButton"_s);
    QVERIFY(label && zoomIn && zoomOut && fitWidth && fitPage);
    const auto shownPercent = [label] {
        QString text = label->text();
        text.chop(1); // the % sign
        return text.toInt();
    };
    const auto zoomPercent = [preview] { return qRound(preview->zoomFactor() * 100.0); };
    QTRY_COMPARE(shownPercent(), zoomPercent());
    QVERIFY(fitWidth->isChecked());
    // A pane this wide shows the page at a size that can be read.
    QVERIFY2(zoomPercent() >= 45, qPrintable(label->text()));

    const int fitted = zoomPercent();
    zoomIn->click();
    QTRY_COMPARE(shownPercent(), zoomPercent());
    QVERIFY(zoomPercent() > fitted);
    QVERIFY(!fitWidth->isChecked());
    zoomOut->click();
    zoomOut->click();
    QTRY_COMPARE(shownPercent(), zoomPercent());
    QVERIFY(zoomPercent() < fitted);
    fitPage->click();
    QTRY_COMPARE(shownPercent(), zoomPercent());
    fitWidth->click();
    QTRY_COMPARE(shownPercent(), fitted);
    QVERIFY(fitWidth->isChecked());

    // At Fit Width a wider pane zooms in, and the label says by how much.
    m_ui.host->resize(m_ui.host->width() + 400, m_ui.host->height());
    QTRY_VERIFY(zoomPercent() > fitted);
    QTRY_COMPARE(shownPercent(), zoomPercent());
}

void TestLetterPreview::typingRendersOnceAfterTheDebounce()
{
    openInEditor(completeRequest());
    QTRY_VERIFY(m_ui.pane->renderCount() >= 1);
    QSignalSpy rendered(m_ui.pane, &LetterPreviewPane::rendered);

    typeAnswer(u"Forty-one faults were reported."_s);
    // Every keystroke restarted the wait; none of them drew the letter.
    QCOMPARE(rendered.count(), 0);
    QTRY_COMPARE(rendered.count(), 1);
    QTest::qWait(LetterPreviewPane::DebounceMs * 2);
    QCOMPARE(rendered.count(), 1);
    QCOMPARE(m_ui.editor->currentRequest().questions.at(0).answer,
             u"Forty-one faults were reported."_s);
}

void TestLetterPreview::hiddenPaneWaitsUntilShown()
{
    openInEditor(completeRequest());
    QTRY_VERIFY(m_ui.pane->renderCount() >= 1);
    const int before = m_ui.pane->renderCount();
    m_ui.pane->hide();
    typeAnswer(u"Typed while the preview is hidden."_s);
    QTest::qWait(LetterPreviewPane::DebounceMs * 2);
    QCOMPARE(m_ui.pane->renderCount(), before);
    m_ui.pane->show();
    QTRY_COMPARE(m_ui.pane->renderCount(), before + 1);
}

void TestLetterPreview::previewFollowsTheProfile()
{
    openInEditor(completeRequest());
    QTRY_VERIFY(m_ui.pane->renderCount() >= 1);
    const int before = m_ui.pane->renderCount();
    auto profile = m_ui.store->profile();
    QVERIFY(profile.ok());
    profile->email.clear();
    profile->reviewEmail.clear();
    QVERIFY(m_ui.store->saveProfile(profile.value()).ok());
    QTRY_COMPARE(m_ui.pane->renderCount(), before + 1);
    // The letter now lacks an email for reviews, and the pane lists it.
    QVERIFY(!m_ui.pane->problems().isEmpty());
    auto *problems = m_ui.pane->findChild<QLabel *>(u"previewProblemsLabel"_s);
    QVERIFY(problems && problems->isVisible());
    QVERIFY(problems->text().contains(m_ui.pane->problems().constFirst()));
}

void TestLetterPreview::exportDraftHasWhatWasTyped()
{
    openInEditor(completeRequest());
    const QString typed = u"Seventeen lamps were replaced in March."_s;
    typeAnswer(typed);
    QVERIFY(m_ui.editor->isModified());

    SeenBox done;
    auto closeDone = pressInBox(u"exportDoneBox"_s, okButton, &done);
    const QString pdf = outPath(u"draft.pdf"_s);
    QVERIFY(m_ui.actions->exportPdfTo(pdf));
    QVERIFY(closeDone->handled());
    QVERIFY2(done.text.contains(u"draft"_s), qPrintable(done.text));
    // The export is of the letter as edited, and the message says the edits are not saved.
    QVERIFY2(done.informativeText.contains(u"unsaved"_s), qPrintable(done.informativeText));

    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(reference), qPrintable(text));
    QVERIFY2(text.contains(typed), qPrintable(text));
    QVERIFY2(!text.contains(firstAnswer), qPrintable(text));
    QVERIFY2(text.contains(u"DRAFT"_s), qPrintable(text));
}

void TestLetterPreview::exportDialogOffersReferenceName()
{
    openInEditor(completeRequest());
    const QString folder = m_ui.dir->filePath(u"letters"_s);
    QVERIFY(QDir().mkpath(folder));
    m_ui.settings->setLastExportFolder(folder);

    QString offeredName;
    QString offeredFolder;
    const QString chosen = QDir(folder).filePath(u"chosen.pdf"_s);
    ModalHandler fileDialog(u"exportPdfFileDialog"_s, [&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        offeredFolder = dialog->directory().absolutePath();
        offeredName = QFileInfo(dialog->selectedFiles().value(0)).fileName();
        dialog->selectFile(chosen);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    auto closeDone = pressInBox(u"exportDoneBox"_s, okButton);
    m_ui.actions->exportPdfAction()->trigger();

    QVERIFY(fileDialog.handled());
    // The letter is not marked final: its name says it is a draft, so that exporting the final
    // letter later never replaces it under the same name.
    QCOMPARE(offeredName, reference + u" response DRAFT.pdf"_s);
    QCOMPARE(offeredFolder, QDir(folder).absolutePath());
    QVERIFY(QFileInfo::exists(chosen));
    QVERIFY(closeDone->handled());

    Request final = completeRequest();
    final.letterFinal = true;
    final.reference = reference + u"-F"_s;
    openInEditor(final);
    ModalHandler finalDialog(u"exportPdfFileDialog"_s, [&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        offeredName = QFileInfo(dialog->selectedFiles().value(0)).fileName();
        QMetaObject::invokeMethod(dialog, "reject");
    });
    m_ui.actions->exportPdfAction()->trigger();
    QVERIFY(finalDialog.handled());
    QCOMPARE(offeredName, reference + u"-F response.pdf"_s);
}

void TestLetterPreview::exportFinalHasNoDraftMark()
{
    openInEditor(completeRequest());
    auto *finalCheck = m_ui.editor->findChild<QCheckBox *>(u"letterFinalCheck"_s);
    QVERIFY(finalCheck);
    finalCheck->click();
    QVERIFY(m_ui.editor->currentRequest().letterFinal);

    // The preview drops the mark too.
    QTRY_VERIFY(
        m_ui.pane->findChild<QLabel *>(u"previewStateLabel"_s)->text().startsWith(u"Final"_s));

    SeenBox done;
    auto closeDone = pressInBox(u"exportDoneBox"_s, okButton, &done);
    const QString pdf = outPath(u"final.pdf"_s);
    QVERIFY(m_ui.actions->exportPdfTo(pdf));
    QVERIFY(done.text.contains(u"final letter"_s));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(reference), qPrintable(text));
    QVERIFY2(text.contains(firstAnswer), qPrintable(text));
    QVERIFY2(!text.contains(u"DRAFT"_s), qPrintable(text));
}

void TestLetterPreview::finalWithGapsIsRefusedWithItsProblems()
{
    Request request = completeRequest();
    request.received = QDate(); // the letter thanks the requester for a request of that date
    request.letterFinal = true;
    openInEditor(request);

    const auto profile = m_ui.store->profile();
    QVERIFY(profile.ok());
    const QStringList problems = LetterComposer(profile.value()).compose(request).problems;
    QVERIFY(!problems.isEmpty());

    SeenBox refusal;
    auto cancel = pressInBox(
        u"letterNotReadyBox"_s,
        [](QMessageBox *box) { return box->button(QMessageBox::Cancel); },
        &refusal);
    const QString pdf = outPath(u"refused.pdf"_s);
    QVERIFY(!m_ui.actions->exportPdfTo(pdf));
    QVERIFY(cancel->handled());
    QVERIFY(refusal.text.contains(reference));
    for (const QString &problem : problems)
        QVERIFY2(refusal.informativeText.contains(problem), qPrintable(refusal.informativeText));
    QVERIFY2(refusal.informativeText.contains(u"date"_s), qPrintable(refusal.informativeText));
    QVERIFY(!QFileInfo::exists(pdf));
}

void TestLetterPreview::finalWithGapsCanGoOutAsDraft()
{
    Request request = completeRequest();
    request.received = QDate();
    request.letterFinal = true;
    openInEditor(request);

    auto asDraft = pressInBox(u"letterNotReadyBox"_s, [](QMessageBox *box) {
        return box->findChild<QAbstractButton *>(u"asDraftButton"_s);
    });
    auto closeDone = pressInBox(u"exportDoneBox"_s, okButton);
    const QString pdf = outPath(u"as-draft.pdf"_s);
    QVERIFY(m_ui.actions->exportPdfTo(pdf));
    QVERIFY(asDraft->handled());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(u"DRAFT"_s), qPrintable(text));
    QVERIFY2(text.contains(reference), qPrintable(text));
}

void TestLetterPreview::suggestedFileName_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QString>("expected");
    QTest::newRow("final") << u"6370952"_s << false << u"6370952 response.pdf"_s;
    // A draft never has the final letter's name, so one never silently replaces the other.
    QTest::newRow("draft") << u"6370952"_s << true << u"6370952 response DRAFT.pdf"_s;
    QTest::newRow("slashes") << u"FOI/2024/17"_s << false << u"FOI_2024_17 response.pdf"_s;
    QTest::newRow("reserved") << u"EIR:12?"_s << true << u"EIR_12_ response DRAFT.pdf"_s;
    QTest::newRow("empty") << QString() << false << u"letter response.pdf"_s;
}

void TestLetterPreview::suggestedFileName()
{
    QFETCH(QString, ref);
    QFETCH(bool, draft);
    QFETCH(QString, expected);
    QCOMPARE(letterFileName(ref, draft), expected);
}

void TestLetterPreview::windowOffersLetterCommands()
{
    // A log still on the shipped wording: the window says so until a profile is saved.
    const QString path = m_ui.dir->filePath(u"window.sqlite"_s);
    auto opened = Store::open(path);
    QVERIFY(opened.ok());
    MainWindow window(std::move(opened).value(), m_ui.settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *exportPdf = window.findChild<QAction *>(u"exportPdfAction"_s);
    QVERIFY(exportPdf);
    QCOMPARE(exportPdf->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(!exportPdf->isEnabled()); // no request open yet
    QVERIFY(window.findChild<QAction *>(u"printAction"_s));
    QVERIFY(window.findChild<QAction *>(u"printPreviewAction"_s));
    QVERIFY(window.findChild<QAction *>(u"settingsAction"_s));

    auto *toggle = window.findChild<QAction *>(u"letterPreviewAction"_s);
    QVERIFY(toggle);
    auto *dock = window.findChild<QDockWidget *>(u"letterPreviewDock"_s);
    QVERIFY(dock && dock->isVisible());
    toggle->trigger();
    QVERIFY(!dock->isVisible());
    toggle->trigger();
    QVERIFY(dock->isVisible());

    auto *hint = window.findChild<QLabel *>(u"profileHintLabel"_s);
    QVERIFY(hint);
    QVERIFY(QTextDocumentFragment::fromHtml(hint->text())
                .toPlainText()
                .contains(u"Letters use placeholder wording until you set up your organisation "
                          "in Tools > Settings."_s));
    QTRY_VERIFY(hint->isVisible());
    const auto defaults = OrganisationProfile::defaults();
    QVERIFY(defaults.ok());
    OrganisationProfile own = defaults.value();
    own.name = u"Northmoor District Council"_s;
    QVERIFY(window.store()->saveProfile(own).ok());
    QVERIFY(!hint->isVisible());

    window.editor()->newRequest();
    QVERIFY(exportPdf->isEnabled());
    window.editor()->clear();
}

QTEST_MAIN(TestLetterPreview)
#include "tst_letterpreview.moc"
