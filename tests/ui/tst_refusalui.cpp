// The request-level side of withholding, driven through the real widgets: the Refusal reasons
// tab follows the exemptions the answers use, its reasoning boxes feed the letter and its check,
// the supervisor view shows withheld text on screen only, an export is read back before it
// counts, and the request cannot be marked responded until a check of its current content
// has passed. Each test has its own log, settings file and output folder.

#include "EditorWithPreview.h"
#include "letter/LetterActions.h"
#include "letter/LetterPreviewPane.h"
#include "MainWindow.h"
#include "support/ModalBoxes.h"
#include "redaction/RefusalReasonsPanel.h"
#include "editor/RequestEditor.h"
#include "settings/SettingsDialog.h"
#include "exchange/RequestFingerprint.h"
#include "letter/LetterComposer.h"
#include "model/RequestEnums.h"
#include "profile/OrganisationProfile.h"
#include "release/ReleaseCheck.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString reference = u"RR-2051"_s;
const QString managerName = u"Dana Whitfield"_s;
const QString contractCost = u"\u00a31.2m a year"_s;
const QString answerText =
    u"The contract is managed by Dana Whitfield. It costs \u00a31.2m a year."_s;

Request requestWithAnswer()
{
    Request request;
    request.reference = reference;
    request.title = u"Parking enforcement contract"_s;
    request.received = QDate(2024, 5, 7);
    request.letterDate = QDate(2024, 6, 3);
    request.requester.name = u"Rhian Evans"_s;
    request.held = Held::All;
    request.status = RequestStatus::InProgress;
    Question question;
    question.text = u"Who manages the parking enforcement contract, and what does it cost?"_s;
    question.answer = answerText;
    request.questions.append(question);
    return request;
}

// The request with the manager's name withheld under s40(2), as the editor would store it.
Request requestWithheldName()
{
    Request request = requestWithAnswer();
    Question &question = request.questions[0];
    question.disposition = Disposition::PartWithheld;
    question.redactions.append(
        Redaction{question.answer.indexOf(managerName), managerName.size(), u"s40(2)"_s});
    return request;
}

// Everything the letter says, answers included, in one string.
QString letterText(const LetterDocument &letter)
{
    QStringList parts{letter.plainText()};
    for (const LetterBlock &block : letter.blocks) {
        parts.append(block.paragraphs);
        for (const LetterQuestion &question : block.questions)
            parts.append(question.answer);
    }
    return parts.join(u'\n');
}

} // namespace

class TestRefusalUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tabListsAnExemptionOnceARedactionIsAdded();
    void typedReasoningReachesThePreview();
    void publicInterestIsRequiredForAQualifiedExemption();
    void qualifiedWithoutPublicInterestCannotGoOutFinal();
    void supervisorViewShowsWithheldTextAndStopsOutput();
    void releaseGateWaitsForAPassingCheck();
    void releaseGateLetsThroughARequestWithholdingNothing();
    void leakingExportIsDeletedAndExplained();
    void failedCheckIsShownAndHoldsTheRequest();
    void screenshots();

private:
    QString outPath(const QString &name) const { return m_ui.dir->filePath(name); }
    // Stores request in the log and opens it in the editor beside the preview.
    void openInEditor(const Request &request);
    RequestDocument *document() const { return m_ui.editor->findChild<RequestDocument *>(); }
    RefusalReasonsPanel *panel() const
    {
        return m_ui.editor->findChild<RefusalReasonsPanel *>(u"refusalReasonsPanel"_s);
    }
    QTabWidget *tabs() const { return m_ui.editor->findChild<QTabWidget *>(u"editorTabs"_s); }
    QComboBox *statusCombo() const { return m_ui.editor->findChild<QComboBox *>(u"statusCombo"_s); }
    // Withholds the words what of the first answer under code, as the Redact command does.
    void redact(const QString &what, const QString &code);
    // Sets the status through the combo, as a user picking it would.
    void chooseStatus(RequestStatus status);
    // Exports the final letter, expecting it to be written, and returns its path.
    QString exportFinal(const QString &name);

    EditorWithPreview m_ui;
};

void TestRefusalUi::init()
{
    m_ui.setUp(QSize(1300, 850));
}

void TestRefusalUi::cleanup()
{
    m_ui.tearDown();
}
void TestRefusalUi::openInEditor(const Request &request)
{
    m_ui.openInEditor(request);
}
void TestRefusalUi::redact(const QString &what, const QString &code)
{
    RequestDocument *doc = document();
    QVERIFY(doc);
    const qsizetype start = doc->question(0).answer.indexOf(what);
    QVERIFY(start >= 0);
    QVERIFY(doc->redact(0, start, what.size(), code));
    if (doc->question(0).disposition == Disposition::Answered)
        doc->setQuestionValue(
            0, RequestDocument::QuestionField::Disposition, int(Disposition::PartWithheld));
}

void TestRefusalUi::chooseStatus(RequestStatus status)
{
    QComboBox *combo = statusCombo();
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(int(status)));
}

QString TestRefusalUi::exportFinal(const QString &name)
{
    auto *finalCheck = m_ui.editor->findChild<QCheckBox *>(u"letterFinalCheck"_s);
    if (finalCheck && !finalCheck->isChecked())
        finalCheck->click();
    SeenBox done;
    auto closeDone = pressInBox(u"exportDoneBox"_s, QMessageBox::Ok, &done);
    const QString pdf = outPath(name);
    const bool written = m_ui.actions->exportPdfTo(pdf);
    if (!written || !closeDone->handled())
        return QString();
    return pdf;
}

void TestRefusalUi::tabListsAnExemptionOnceARedactionIsAdded()
{
    openInEditor(requestWithAnswer());
    RefusalReasonsPanel *refusals = panel();
    QVERIFY(refusals);
    QTabWidget *editorTabs = tabs();
    const int tab = editorTabs->indexOf(refusals);
    QVERIFY(tab >= 0);
    QCOMPARE(editorTabs->tabText(tab), u"Refusal reasons"_s);
    QVERIFY(refusals->shownCodes().isEmpty());
    auto *empty = refusals->findChild<QLabel *>(u"refusalsEmptyLabel"_s);
    QVERIFY(empty && !empty->isHidden());
    QVERIFY(empty->text().contains(u"Ctrl+R"_s));

    redact(managerName, u"s40(2)"_s);
    QTRY_COMPARE(refusals->shownCodes(), QStringList{u"s40(2)"_s});
    QVERIFY(empty->isHidden());
    auto *section = refusals->findChild<QGroupBox *>(u"exemptionSection_s40(2)"_s);
    QVERIFY(section);
    QVERIFY2(section->title().contains(u"Personal information"_s), qPrintable(section->title()));
    auto *usedIn = section->findChild<QLabel *>(u"exemptionUsedIn"_s);
    QVERIFY(usedIn);
    QCOMPARE(usedIn->text(), u"Used in question 1."_s);
    // Absolute: no public interest test is asked for.
    QVERIFY(refusals->reasoningEdit(u"s40(2)"_s));
    QVERIFY(!refusals->publicInterestEdit(u"s40(2)"_s));
    // The empty box shows the default wording the letter will use.
    QVERIFY(!refusals->reasoningEdit(u"s40(2)"_s)->placeholderText().isEmpty());

    // A second exemption appears after the first, in the order the answer uses them.
    redact(contractCost, u"s43(2)"_s);
    QTRY_COMPARE(refusals->shownCodes(), (QStringList{u"s40(2)"_s, u"s43(2)"_s}));
    QVERIFY(refusals->publicInterestEdit(u"s43(2)"_s));

    document()->undoStack()->undo(); // the disposition step, if one was pushed, stays
    while (document()->question(0).redactions.size() > 1)
        document()->undoStack()->undo();
    QTRY_COMPARE(refusals->shownCodes(), QStringList{u"s40(2)"_s});
}

void TestRefusalUi::typedReasoningReachesThePreview()
{
    openInEditor(requestWithheldName());
    RefusalReasonsPanel *refusals = panel();
    tabs()->setCurrentWidget(refusals);
    QTRY_VERIFY(refusals->reasoningEdit(u"s40(2)"_s));
    QPlainTextEdit *box = refusals->reasoningEdit(u"s40(2)"_s);
    QTRY_VERIFY(m_ui.pane->renderCount() >= 1);

    QUndoStack *undo = document()->undoStack();
    const int stepsBefore = undo->count();
    const QString typed = u"The name is that of a junior officer with no public role."_s;
    box->setFocus();
    QTest::keyClicks(box, typed);
    QCOMPARE(document()->exemptionReasoning(u"s40(2)"_s).reasoning, typed);
    // Typing in the box is one undo step.
    QCOMPARE(undo->count(), stepsBefore + 1);
    QTRY_VERIFY2(letterText(m_ui.pane->letter()).contains(typed),
                 qPrintable(letterText(m_ui.pane->letter())));

    // "Use default wording" copies the catalogue's reasoning in, as its own step.
    auto *useDefault = refusals->findChild<QPushButton *>(u"useDefaultReasoningButton"_s);
    QVERIFY(useDefault && useDefault->isEnabled());
    const QString placeholder = box->placeholderText();
    box->selectAll();
    QTest::keyClick(box, Qt::Key_Delete);
    document()->finishTyping();
    useDefault->click();
    QCOMPARE(box->toPlainText(), placeholder);
    QCOMPARE(document()->exemptionReasoning(u"s40(2)"_s).reasoning, placeholder);
    undo->undo();
    QTRY_COMPARE(box->toPlainText(), QString());
}

void TestRefusalUi::publicInterestIsRequiredForAQualifiedExemption()
{
    openInEditor(requestWithAnswer());
    RefusalReasonsPanel *refusals = panel();
    tabs()->setCurrentWidget(refusals);
    redact(contractCost, u"s43(2)"_s);
    QTRY_VERIFY(refusals->publicInterestEdit(u"s43(2)"_s));

    // The letter check names the gap in the tab, in its title and in the preview.
    QTRY_VERIFY(!refusals->problems().isEmpty());
    const QString problem = refusals->problems().constFirst();
    QVERIFY2(problem.contains(u"s43(2)"_s) && problem.contains(u"public interest"_s),
             qPrintable(problem));
    QTRY_COMPARE(tabs()->tabText(tabs()->indexOf(refusals)), u"Refusal reasons (1)"_s);
    auto *problemsLabel = refusals->findChild<QLabel *>(u"refusalProblemsLabel"_s);
    QVERIFY(problemsLabel && !problemsLabel->isHidden());
    QVERIFY(problemsLabel->text().contains(problem));
    auto *missing = refusals->findChild<QGroupBox *>(u"exemptionSection_s43(2)"_s)
                        ->findChild<QLabel *>(u"publicInterestMissingLabel"_s);
    QVERIFY(missing && !missing->isHidden());
    QTRY_VERIFY(m_ui.pane->problems().contains(problem));

    const QString typed =
        u"Openness about spending matters, but publishing the price now would weaken the "
        "re-tender under way; that harm to the public purse outweighs it."_s;
    QPlainTextEdit *box = refusals->publicInterestEdit(u"s43(2)"_s);
    box->setFocus();
    QTest::keyClicks(box, typed);
    QCOMPARE(document()->exemptionReasoning(u"s43(2)"_s).publicInterest, typed);
    QTRY_VERIFY(refusals->problems().isEmpty());
    QVERIFY(problemsLabel->isHidden());
    QVERIFY(missing->isHidden());
    QTRY_COMPARE(tabs()->tabText(tabs()->indexOf(refusals)), u"Refusal reasons"_s);
    QTRY_VERIFY(!m_ui.pane->problems().contains(problem));
    QTRY_VERIFY(letterText(m_ui.pane->letter()).contains(typed));

    // Undo takes the paragraph out again, and the check asks for it again.
    document()->undoStack()->undo();
    QTRY_COMPARE(box->toPlainText(), QString());
    QTRY_VERIFY(refusals->problems().contains(problem));
}

void TestRefusalUi::qualifiedWithoutPublicInterestCannotGoOutFinal()
{
    Request request = requestWithAnswer();
    Question &question = request.questions[0];
    question.disposition = Disposition::PartWithheld;
    question.redactions.append(
        Redaction{question.answer.indexOf(contractCost), contractCost.size(), u"s43(2)"_s});
    request.letterFinal = true;
    openInEditor(request);
    QTRY_VERIFY(!panel()->problems().isEmpty());
    const QStringList problems = panel()->problems();

    SeenBox refusal;
    auto cancel = pressInBox(u"letterNotReadyBox"_s, QMessageBox::Cancel, &refusal);
    const QString pdf = outPath(u"refused.pdf"_s);
    QVERIFY(!m_ui.actions->exportPdfTo(pdf));
    QVERIFY(cancel->handled());
    for (const QString &problem : problems)
        QVERIFY2(refusal.informativeText.contains(problem), qPrintable(refusal.informativeText));
    QVERIFY(!QFileInfo::exists(pdf));
}

void TestRefusalUi::supervisorViewShowsWithheldTextAndStopsOutput()
{
    const QString path = m_ui.dir->filePath(u"window.sqlite"_s);
    auto opened = Store::open(path);
    QVERIFY(opened.ok());
    MainWindow window(std::move(opened).value(), m_ui.settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto created = window.store()->createRequest(requestWithheldName());
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    QVERIFY(window.editor()->openRequest(created->id));

    LetterPreviewPane *pane = window.letterPreview();
    LetterActions *actions = window.letterActions();
    QTRY_VERIFY(pane->renderCount() >= 1);
    QVERIFY(!pane->letter().revealsWithheld);
    QVERIFY(!letterText(pane->letter()).contains(managerName));

    QAction *toggle = window.findChild<QAction *>(u"showWithheldAction"_s);
    QVERIFY(toggle);
    QVERIFY(toggle->isCheckable());
    QVERIFY(!toggle->isChecked()); // off at every start
    auto *banner = pane->findChild<QLabel *>(u"supervisorBanner"_s);
    QVERIFY(banner && banner->isHidden());
    QVERIFY(actions->exportPdfAction()->isEnabled());

    const int before = pane->renderCount();
    toggle->trigger();
    QTRY_VERIFY(pane->renderCount() > before);
    QVERIFY(pane->letter().revealsWithheld);
    QVERIFY2(letterText(pane->letter()).contains(managerName),
             qPrintable(letterText(pane->letter())));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"not for sending"_s));
    // The banner, and each greyed-out command, says why Export and Print are off and how to
    // get them back.
    QVERIFY2(banner->text().contains(u"Export and Print are off until View > Show Withheld Text "
                                     "is switched off"_s),
             qPrintable(banner->text()));
    for (QAction *action :
         {actions->exportPdfAction(), actions->printAction(), actions->printPreviewAction()}) {
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(u"switch off View > Show Withheld Text"_s),
                 qPrintable(action->toolTip()));
        QCOMPARE(action->statusTip(), action->toolTip());
    }

    // Called anyway (a shortcut, a script), export is refused and writes nothing.
    auto ok = pressInBox(u"withheldShownBox"_s, QMessageBox::Ok);
    const QString pdf = outPath(u"supervisor.pdf"_s);
    QVERIFY(!actions->exportPdfTo(pdf));
    QVERIFY(ok->handled());
    QVERIFY(!QFileInfo::exists(pdf));
    auto okPrint = pressInBox(u"withheldShownBox"_s, QMessageBox::Ok);
    actions->print();
    QVERIFY(okPrint->handled());

    const int shown = pane->renderCount();
    toggle->trigger();
    QTRY_VERIFY(pane->renderCount() > shown);
    QVERIFY(!pane->letter().revealsWithheld);
    QVERIFY(!letterText(pane->letter()).contains(managerName));
    QVERIFY(banner->isHidden());
    QVERIFY(actions->exportPdfAction()->isEnabled());
    QVERIFY(!actions->exportPdfAction()->toolTip().contains(u"withheld"_s));
    QVERIFY(!actions->exportPdfAction()->statusTip().contains(u"withheld"_s));
    window.editor()->clear();
}

void TestRefusalUi::releaseGateWaitsForAPassingCheck()
{
    openInEditor(requestWithheldName());
    const qint64 id = m_ui.editor->requestId();
    QUndoStack *undo = document()->undoStack();
    QVERIFY(!m_ui.editor->lastReleaseCheck());

    // No check yet: Responded is refused, the box goes back and nothing is pushed.
    const int steps = undo->count();
    SeenBox refusal;
    auto ok = pressInBox(u"releaseGateBox"_s, QMessageBox::Ok, &refusal);
    chooseStatus(RequestStatus::Sent);
    QVERIFY(ok->handled());
    QVERIFY2(refusal.informativeText.contains(u"export"_s, Qt::CaseInsensitive),
             qPrintable(refusal.informativeText));
    QCOMPARE(statusCombo()->currentData().toInt(), int(RequestStatus::InProgress));
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::InProgress);
    QCOMPARE(undo->count(), steps);
    auto okClosed = pressInBox(u"releaseGateBox"_s, QMessageBox::Ok);
    chooseStatus(RequestStatus::Closed);
    QVERIFY(okClosed->handled());
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::InProgress);

    // Statuses short of release are not held up.
    chooseStatus(RequestStatus::AwaitingReview);
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::AwaitingReview);

    // Export the final letter: the check runs, passes and is stored with the request.
    QSignalSpy status(m_ui.actions, &LetterActions::statusMessage);
    QVERIFY(!exportFinal(u"final.pdf"_s).isEmpty());
    QVERIFY(!status.isEmpty());
    const QString shown = status.constLast().constFirst().toString();
    QVERIFY2(shown.contains(u"Release check passed"_s), qPrintable(shown));
    QVERIFY2(!shown.contains(managerName), qPrintable(shown));
    QVERIFY(m_ui.editor->lastReleaseCheck());
    QVERIFY(m_ui.editor->lastReleaseCheck()->passed());
    const auto stored = m_ui.store->lastReleaseCheck(id);
    QVERIFY2(stored.ok(), qPrintable(stored.errorMessage()));
    QVERIFY(stored->has_value());
    QVERIFY(stored->value().passed());
    QCOMPARE(QFileInfo(stored->value().file).fileName(), u"final.pdf"_s);
    auto *releaseLabel = panel()->findChild<QLabel *>(u"releaseCheckLabel"_s);
    QVERIFY(releaseLabel);
    QTRY_VERIFY2(releaseLabel->text().startsWith(u"Passed"_s), qPrintable(releaseLabel->text()));

    // Now the request may be marked responded, as one undoable step.
    const int stepsBefore = undo->count();
    chooseStatus(RequestStatus::Sent);
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::Sent);
    QCOMPARE(undo->count(), stepsBefore + 1);
    undo->undo();
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::AwaitingReview);

    // A changed answer is a different letter: the check no longer counts.
    document()->setQuestionValue(
        0, RequestDocument::QuestionField::Answer, QString(answerText + u" It runs to 2027."_s));
    auto okAgain = pressInBox(u"releaseGateBox"_s, QMessageBox::Ok);
    chooseStatus(RequestStatus::Sent);
    QVERIFY(okAgain->handled());
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::AwaitingReview);
    QTRY_VERIFY2(releaseLabel->text().contains(u"changed"_s), qPrintable(releaseLabel->text()));
}

void TestRefusalUi::releaseGateLetsThroughARequestWithholdingNothing()
{
    openInEditor(requestWithAnswer());
    chooseStatus(RequestStatus::Sent);
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::Sent);
    QVERIFY(m_ui.editor->isModified());
}

void TestRefusalUi::leakingExportIsDeletedAndExplained()
{
    // A name withheld in the answer but also in the question as asked: the letter check
    // refuses the final letter, and an officer who sends it out as a draft anyway gets a file
    // the read-back finds the name in; the file must not be left behind.
    Request request = requestWithheldName();
    request.questions[0].text = u"Is Dana Whitfield still the manager of the parking contract?"_s;
    request.letterFinal = true;
    openInEditor(request);

    auto asDraft = std::make_unique<ModalHandler>(u"letterNotReadyBox"_s, [](QWidget *modal) {
        auto *button = modal->findChild<QAbstractButton *>(u"asDraftButton"_s);
        QVERIFY(button);
        button->click();
    });
    SeenBox failure;
    auto ok = pressInBox(u"releaseCheckFailedBox"_s, QMessageBox::Ok, &failure);
    const QString pdf = outPath(u"leaky.pdf"_s);
    QVERIFY(!m_ui.actions->exportPdfTo(pdf));
    QVERIFY(asDraft->handled());
    QVERIFY(ok->handled());
    QVERIFY(!QFileInfo::exists(pdf));
    QVERIFY2(failure.text.contains(u"deleted"_s), qPrintable(failure.text));
    // The message names the string by number and where it was found; the name itself is only
    // in the details, which the officer opens to find it.
    QVERIFY2(failure.informativeText.contains(u"withheld string 1"_s),
             qPrintable(failure.informativeText));
    QVERIFY2(!failure.text.contains(managerName) && !failure.informativeText.contains(managerName),
             qPrintable(failure.informativeText));
    QVERIFY2(failure.detailedText.contains(managerName), qPrintable(failure.detailedText));
    // A draft is not what would be sent: its check does not count towards release.
    QVERIFY(!m_ui.editor->lastReleaseCheck());
}

void TestRefusalUi::failedCheckIsShownAndHoldsTheRequest()
{
    openInEditor(requestWithheldName());
    ReleaseCheckResult failed;
    failed.checkedAt = QDateTime::currentDateTimeUtc();
    failed.file = outPath(u"sent.pdf"_s);
    failed.fingerprint = RequestFingerprint::of(m_ui.editor->currentRequest());
    failed.withheldCount = 1;
    failed.pagesRead = 1;
    failed.findings.append(LeakFinding{managerName, u"page 1 text"_s});
    QVERIFY(m_ui.editor->recordReleaseCheck(failed));

    const auto stored = m_ui.store->lastReleaseCheck(m_ui.editor->requestId());
    QVERIFY2(stored.ok(), qPrintable(stored.errorMessage()));
    QVERIFY(stored->has_value() && !stored->value().passed());
    auto *releaseLabel = panel()->findChild<QLabel *>(u"releaseCheckLabel"_s);
    QTRY_VERIFY2(releaseLabel->text().startsWith(u"FAILED"_s), qPrintable(releaseLabel->text()));
    QVERIFY2(releaseLabel->text().contains(u"sent.pdf"_s), qPrintable(releaseLabel->text()));

    auto gate = pressInBox(u"releaseGateBox"_s, QMessageBox::Ok);
    chooseStatus(RequestStatus::Closed);
    QVERIFY(gate->handled());
    QCOMPARE(m_ui.editor->currentRequest().status, RequestStatus::InProgress);

    // Reopened, the request still shows the check it had.
    QVERIFY(m_ui.editor->openRequest(m_ui.editor->requestId()));
    QVERIFY(m_ui.editor->lastReleaseCheck() && !m_ui.editor->lastReleaseCheck()->passed());
    QTRY_VERIFY(releaseLabel->text().startsWith(u"FAILED"_s));
}

void TestRefusalUi::screenshots()
{
    // Pictures of the new pages for a person to look at; not part of an ordinary run.
    const QString folder = qEnvironmentVariable("FOIDESK_SCREENSHOT_DIR");
    if (folder.isEmpty())
        QSKIP("Set FOIDESK_SCREENSHOT_DIR to write screenshots");

    Request request = requestWithheldName();
    Question &question = request.questions[0];
    question.redactions.append(
        Redaction{question.answer.indexOf(contractCost), contractCost.size(), u"s43(2)"_s});
    request.exemptionReasons.insert(
        u"s40(2)"_s,
        ExemptionReasoning{u"The name is that of a junior officer with no public-facing role."_s,
                           QString()});
    openInEditor(request);
    m_ui.host->resize(1400, 900);
    tabs()->setCurrentWidget(panel());
    QTRY_VERIFY(!panel()->problems().isEmpty());
    QTest::qWait(50);
    QVERIFY(m_ui.editor->grab().save(QDir(folder).filePath(u"requestui-refusals.png"_s)));

    m_ui.pane->setShowWithheld(true);
    QTRY_VERIFY(m_ui.pane->letter().revealsWithheld);
    QTest::qWait(50);
    QVERIFY(m_ui.host->grab().save(QDir(folder).filePath(u"requestui-supervisor.png"_s)));
    m_ui.pane->setShowWithheld(false);

    SettingsDialog dialog(m_ui.store.get());
    dialog.show();
    auto *settingsTabs = dialog.findChild<QTabWidget *>(u"settingsTabs"_s);
    QWidget *exemptions = dialog.findChild<QWidget *>(u"exemptionSettingsPage"_s);
    QVERIFY(settingsTabs && exemptions);
    settingsTabs->setCurrentWidget(exemptions);
    auto *list = exemptions->findChild<QTreeWidget *>(u"exemptionList"_s);
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        if (list->topLevelItem(row)->text(0) == u"s43(2)"_s)
            list->setCurrentItem(list->topLevelItem(row));
    }
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(QDir(folder).filePath(u"requestui-settings-exemptions.png"_s)));
    settingsTabs->setCurrentWidget(dialog.findChild<QWidget *>(u"redactionPolicyForm"_s));
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(QDir(folder).filePath(u"requestui-settings-personal.png"_s)));
}

QTEST_MAIN(TestRefusalUi)
#include "tst_refusalui.moc"
