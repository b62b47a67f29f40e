// The review loop as two people use it in the window on one log: an officer submits, a
// supervisor comments on one answer and returns the request, the officer sees the comment
// beside the answer, fixes it, resolves the comment and resubmits, the supervisor sees what
// changed word by word and approves, and the officer exports the final letter and marks it
// sent. Driven through the Review menu's actions, their dialogs and the Review and History tabs.
#include "MainWindow.h"
#include "editing/RequestDocument.h"
#include "editor/RequestEditor.h"
#include "letter/LetterActions.h"
#include "profile/OrganisationProfile.h"
#include "release/ReleaseCheck.h"
#include "review/HistoryPanel.h"
#include "review/MoveDialog.h"
#include "review/ReviewActions.h"
#include "review/ReviewPanel.h"
#include "review/UserChooser.h"
#include "settings/StaffRegisterDialog.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <functional>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString reference = u"FOI/2024/0412"_s;
const QString withheldName = u"Dana Whitfield"_s;
const QString returnComment = u"Say how the total was worked out."_s;
const QString requestComment = u"Check the tone of the introduction."_s;

// Runs act on the next modal dialog of type T once it is shown (polling, as exec() blocks).
template <typename T>
void whenModal(std::function<void(T *)> act, bool *handled, int triesLeft = 200)
{
    QTimer::singleShot(10, qApp, [act, handled, triesLeft] {
        if (auto *modal = qobject_cast<T *>(QApplication::activeModalWidget())) {
            act(modal);
            *handled = true;
            return;
        }
        if (triesLeft > 0)
            whenModal<T>(act, handled, triesLeft - 1);
    });
}

// Closes any message box that comes up with its default button, noting its text.
void pressOkInBoxes(QStringList *seen)
{
    whenModal<QMessageBox>(
        [seen](QMessageBox *box) {
            seen->append(box->objectName() + u": "_s + box->text() + u' ' + box->informativeText());
            box->accept();
        },
        new bool(false)); // owned by the test process for its lifetime; tiny
}

} // namespace

class TestReviewUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_id = 0;

    Store *store() const { return m_window->store(); }
    ReviewActions *actions() const { return m_window->reviewActions(); }

    void workAs(const QString &login)
    {
        // As Review > Switch User does once the person is chosen.
        store()->setCurrentUser(login);
        Q_EMIT actions()->userChanged(login);
        actions()->update();
    }

    // With FOIDESK_SCREENSHOT_DIR set, pictures of the window with page in front, to look at.
    void shoot(QWidget *page, const QString &name)
    {
        const QString dir = qEnvironmentVariable("FOIDESK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        m_window->editor()->showPage(page);
        QTest::qWait(1500); // the letter preview renders after a pause in typing
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name + u".png"_s)));
    }

    bool move(WorkflowMove theMove, const QString &text = QString())
    {
        bool handled = false;
        if (MoveDialog::asksForInput(theMove)) {
            whenModal<MoveDialog>(
                [text](MoveDialog *dialog) {
                    if (auto *edit = dialog->findChild<QPlainTextEdit *>(u"moveText"_s))
                        edit->setPlainText(text);
                    dialog->accept();
                },
                &handled);
        }
        QAction *action = actions()->moveAction(theMove);
        if (!action->isEnabled()) {
            qWarning() << "not enabled:" << action->statusTip();
            return false;
        }
        action->trigger();
        return store()->loadRequest(m_id)->status != RequestStatus::New;
    }

    void comment(std::optional<int> question, const QString &text)
    {
        bool handled = false;
        whenModal<QDialog>(
            [text](QDialog *dialog) {
                dialog->findChild<QPlainTextEdit *>(u"commentText"_s)->setPlainText(text);
                dialog->accept();
            },
            &handled);
        QVERIFY(actions()->addComment(question));
        QVERIFY(handled);
    }

private Q_SLOTS:
    // As the window does: English plurals ("2 comments") come from the translation.
    void initTestCase() { installAppTranslations(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
        auto opened = Store::open(m_dir->filePath(u"log.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        std::unique_ptr<Store> log = std::move(opened).value();

        StaffMember officer;
        officer.name = u"Olly Officer"_s;
        officer.login = u"olly"_s;
        officer.role = StaffRole::Officer;
        StaffMember supervisor;
        supervisor.name = u"Sue Supervisor"_s;
        supervisor.login = u"sue"_s;
        supervisor.role = StaffRole::Supervisor;
        QVERIFY(log->saveStaffMember(officer));
        QVERIFY(log->saveStaffMember(supervisor));

        // A log set up for its authority, so that a final letter has all it needs.
        auto profile = log->profile();
        QVERIFY(profile);
        profile->name = u"Northmoor District Council"_s;
        profile->reviewEmail = u"reviews@northmoor.example"_s;
        profile->reviewAddress = u"Council Offices, Northmoor NM1 1AA"_s;
        QVERIFY(log->saveProfile(profile.value()));

        Request request;
        request.reference = reference;
        request.title = u"Pothole claims"_s;
        // Recent, as a request under review is (no deadline is checked here).
        request.received = QDate::currentDate().addDays(-7);
        request.letterDate = QDate::currentDate();
        request.requester.name = u"Rhian Evans"_s;
        request.officer = u"Olly Officer"_s;
        request.held = Held::All;
        Question first;
        first.text = u"How many claims were paid in 2023?"_s;
        first.answer = u"412 claims were paid; the claims manager was "_s + withheldName + u"."_s;
        first.redactions = {
            Redaction{first.answer.indexOf(withheldName), withheldName.size(), u"s40(2)"_s}};
        first.exemptions = {u"s40(2)"_s};
        first.disposition = Disposition::PartWithheld;
        Question second;
        second.text = u"How much was paid?"_s;
        second.answer = u"£81,000 in total."_s;
        request.questions = {first, second};
        log->setCurrentUser(u"olly"_s);
        const auto created = log->createRequest(request);
        QVERIFY2(created, qPrintable(created.errorMessage()));
        m_id = created->id;

        m_window = std::make_unique<MainWindow>(std::move(log), m_settings.get());
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->editor()->openRequest(m_id));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void twoPeopleReviewOneRequest()
    {
        ReviewPanel *panel = m_window->reviewPanel();
        QVERIFY(panel);

        // Review is on (the register has a supervisor): the status box is locked.
        QWidget *statusBox = m_window->findChild<QComboBox *>(u"statusCombo"_s);
        QVERIFY(statusBox && !statusBox->isEnabled());

        // The officer cannot approve; they submit.
        workAs(u"olly"_s);
        QVERIFY(!actions()->moveAction(WorkflowMove::Approve)->isEnabled());
        QVERIFY2(actions()
                     ->moveAction(WorkflowMove::Approve)
                     ->statusTip()
                     .contains(u"awaiting review"_s),
                 qPrintable(actions()->moveAction(WorkflowMove::Approve)->statusTip()));
        QVERIFY(move(WorkflowMove::Submit));
        QCOMPARE(store()->loadRequest(m_id)->status, RequestStatus::AwaitingReview);
        QCOMPARE(m_window->editor()->currentRequest().status, RequestStatus::AwaitingReview);

        // The supervisor sees each answer with its withheld passage marked, comments on the
        // second answer and on the request, and returns it.
        workAs(u"sue"_s);
        QVERIFY(!actions()->moveAction(WorkflowMove::Submit)->isEnabled());
        QVERIFY2(panel->viewText().contains(withheldName), qPrintable(panel->viewText()));
        QVERIFY2(panel->viewText().contains(u"[withheld: s40(2)]"_s),
                 qPrintable(panel->viewText()));
        QVERIFY(panel->viewText().contains(u"Not reviewed before"_s));
        comment(1, returnComment);
        comment(std::nullopt, requestComment);
        QVERIFY(move(WorkflowMove::Return, u"See my comment on question 2."_s));
        QCOMPARE(store()->loadRequest(m_id)->status, RequestStatus::Returned);

        // The officer sees the comment beside the answer it concerns (after question 2's
        // heading, not under question 1).
        workAs(u"olly"_s);
        const QString returned = panel->viewText();
        QVERIFY2(returned.indexOf(returnComment) > returned.indexOf(u"Question 2"_s),
                 qPrintable(returned));
        QVERIFY2(returned.indexOf(requestComment) < returned.indexOf(u"Question 1"_s),
                 qPrintable(returned));
        QVERIFY(returned.contains(u"returned by sue"_s));
        QVERIFY(m_window->findChild<QWidget *>(u"reviewButton-submit"_s)->isVisibleTo(panel));
        shoot(panel, u"review-returned-officer"_s);
        QVERIFY(m_window->findChild<QLabel *>(u"reviewSummary"_s)
                    ->text()
                    .contains(u"2 comments not resolved"_s));

        // ...fixes the answer in the editor and saves...
        RequestDocument *document = m_window->editor()->document();
        document->setQuestionValue(1,
                                   RequestDocument::QuestionField::Answer,
                                   u"£81,500 in total, from the claims ledger."_s);
        QVERIFY(m_window->editor()->save());
        // ...marks the comments resolved (the links in the view)...
        const auto comments = store()->comments(m_id);
        QVERIFY(comments && comments->size() == 2);
        for (const ReviewComment &c : *comments)
            Q_EMIT panel->view()->anchorClicked(QUrl(u"resolve:%1"_s.arg(c.id)));
        const QList<ReviewComment> after = store()->comments(m_id).value();
        for (const ReviewComment &c : after)
            QVERIFY(c.resolved && c.resolvedBy == u"olly"_s);
        QVERIFY(panel->viewText().contains(u"Resolved by olly"_s));
        // ...and resubmits.
        QVERIFY(move(WorkflowMove::Submit));
        QCOMPARE(store()->loadRequest(m_id)->status, RequestStatus::AwaitingReview);

        // The supervisor sees what changed since the return, word by word, and approves.
        workAs(u"sue"_s);
        const QString changed = panel->viewText();
        QVERIFY2(changed.contains(u"Question 2 (changed)"_s), qPrintable(changed));
        QVERIFY2(changed.contains(u"Changed since the last review"_s), qPrintable(changed));
        QVERIFY(!changed.contains(u"Question 1 (changed)"_s));
        const QString html = panel->view()->toHtml();
        QVERIFY2(html.contains(u"500"_s) && html.contains(u"line-through"_s), qPrintable(html));
        shoot(panel, u"review-diff-supervisor"_s);
        QVERIFY(move(WorkflowMove::Approve, u"Fine now."_s));
        QCOMPARE(store()->loadRequest(m_id)->status, RequestStatus::Approved);

        // The officer exports the final letter and marks the request sent with it.
        workAs(u"olly"_s);
        document->setValue(RequestDocument::Field::LetterFinal, true);
        QVERIFY(m_window->editor()->save());
        QCOMPARE(store()->loadRequest(m_id)->status, RequestStatus::Approved); // not content
        QStringList boxes;
        pressOkInBoxes(&boxes);
        const QString pdf = m_dir->filePath(u"letter.pdf"_s);
        QVERIFY2(m_window->letterActions()->exportPdfTo(pdf), qPrintable(boxes.join(u" / "_s)));
        QVERIFY(m_window->editor()->save()); // keeps the release check with the request
        QVERIFY(move(WorkflowMove::MarkSent));
        QCOMPARE(store()->loadRequest(m_id)->status, RequestStatus::Sent);
        const auto letters = store()->sentLetters(m_id);
        QVERIFY(letters && letters->size() == 1);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(letters->constFirst().pdf, file.readAll());

        // Comments and decisions never reach the letter: searched in the PDF, with a control
        // that the same search finds what the letter does say.
        const ReleaseCheckResult comments_ =
            ReleaseCheck::checkPdf(pdf, {returnComment, requestComment, u"Fine now."_s}, {});
        QVERIFY2(comments_.passed(), qPrintable(comments_.summary()));
        const ReleaseCheckResult control =
            ReleaseCheck::checkPdf(pdf, {u"from the claims ledger"_s}, {});
        QVERIFY2(!control.passed(), "the search would not have found a comment in the letter");

        // The History tab names who did each step.
        HistoryPanel *history = m_window->historyPanel();
        history->refresh();
        history->setKind(HistoryPanel::Kind::Review);
        QStringList steps;
        for (int row = 0; row < history->model()->rowCount(); ++row)
            steps.prepend(history->model()->item(row, 1)->text() + u' '
                          + history->model()->item(row, 2)->data(Qt::UserRole).toString());
        QCOMPARE(steps,
                 (QStringList{u"olly submit"_s,
                              u"sue return"_s,
                              u"olly submit"_s,
                              u"sue approve"_s,
                              u"olly mark-sent"_s}));
        history->setKind(HistoryPanel::Kind::All);
        shoot(history, u"review-history"_s);
        QVERIFY2(history->integrityText().contains(u"intact"_s),
                 qPrintable(history->integrityText()));
    }

    // With review on, the final letter waits for approval; a draft can be made meanwhile.
    void theFinalLetterWaitsForApproval()
    {
        workAs(u"olly"_s);
        m_window->editor()->document()->setValue(RequestDocument::Field::LetterFinal, true);
        QVERIFY(m_window->editor()->save());
        const QString pdf = m_dir->filePath(u"early.pdf"_s);
        bool handled = false;
        QString said;
        whenModal<QMessageBox>(
            [&said](QMessageBox *box) {
                said = box->objectName() + u": "_s + box->text();
                box->reject(); // Cancel
            },
            &handled);
        QVERIFY(!m_window->letterActions()->exportPdfTo(pdf));
        QVERIFY(handled);
        QVERIFY2(said.startsWith(u"letterNotApprovedBox"_s), qPrintable(said));
        QVERIFY(!QFile::exists(pdf));

        // Export as Draft makes a draft.
        QStringList boxes;
        whenModal<QMessageBox>(
            [&boxes](QMessageBox *box) {
                boxes.append(box->objectName());
                box->findChild<QPushButton *>(u"asDraftButton"_s)->click();
                pressOkInBoxes(&boxes); // the "exported" message that follows
            },
            &handled);
        QVERIFY(m_window->letterActions()->exportPdfTo(pdf));
        QVERIFY(QFile::exists(pdf));
        QVERIFY(m_window->letterActions()->lastFinalLetter(reference).isEmpty());
    }

    // The History tab's CSV leaves the log: withheld passages are masked in old and new
    // values, while the window's own table shows the change.
    void historyCsvMasksWithheldText()
    {
        RequestDocument *document = m_window->editor()->document();
        workAs(u"olly"_s);
        document->setQuestionValue(
            0,
            RequestDocument::QuestionField::Answer,
            QString(u"413 claims were paid; the claims manager was "_s + withheldName + u"."_s));
        QVERIFY(m_window->editor()->save());
        HistoryPanel *history = m_window->historyPanel();
        history->refresh();
        const QString csv = m_dir->filePath(u"history.csv"_s);
        QVERIFY(history->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(withheldName.toUtf8()), bytes.constData());
        QVERIFY2(bytes.contains("[withheld]"), bytes.constData());
        QVERIFY2(bytes.contains("413 claims"), bytes.constData()); // control: the change is there
        QVERIFY(!bytes.contains("Rhian")); // the requester never enters the history

        // The log's own file is never a place to export to: refused, and the log still works.
        QStringList boxes;
        pressOkInBoxes(&boxes);
        QVERIFY(!history->exportCsv(store()->path()));
        QVERIFY2(boxes.join(u' ').contains(u"historyExportErrorBox"_s),
                 qPrintable(boxes.join(u' ')));
        QVERIFY(store()->loadRequest(m_id));
        QVERIFY(store()->verifyHistory().value() == std::nullopt);
    }

    // Who is working: asked at start while review is on, the computer account's entry first;
    // remembered after.
    void theUserIsChosenAndRemembered()
    {
        // As on a council desktop, where the account is always set.
        if (Store::operatingSystemAccount().isEmpty())
            qputenv("USER", "acct.holder");
        StaffMember me;
        me.name = u"Account Holder"_s;
        me.login = Store::operatingSystemAccount();
        me.role = StaffRole::Both;
        if (me.login.isEmpty())
            QSKIP("no operating-system account name here");
        QVERIFY(store()->saveStaffMember(me));
        bool handled = false;
        QString offeredFirst;
        whenModal<UserChooser>(
            [&offeredFirst](UserChooser *chooser) {
                auto *list = chooser->findChild<QListWidget *>(u"userList"_s);
                offeredFirst = list->item(0)->data(Qt::UserRole).toString();
                list->setCurrentRow(list->count() - 1);
                chooser->accept();
            },
            &handled);
        m_window->chooseUserAtStart();
        QVERIFY(handled);
        QCOMPARE(offeredFirst, Store::operatingSystemAccount());
        const QString chosen = store()->currentUser();
        QCOMPARE(m_settings->currentUser(), chosen);
        QVERIFY(m_window->findChild<QLabel *>(u"currentUserLabel"_s)
                    ->text()
                    .startsWith(u"Working as"_s));
        // Next start: not asked again.
        store()->setCurrentUser(u"someone-else"_s);
        m_window->chooseUserAtStart();
        QCOMPARE(store()->currentUser(), chosen);
    }

    // The staff register switches review off for the log, and the window follows at once.
    void reviewIsSwitchedOffInTheStaffRegister()
    {
        auto *statusBox = m_window->findChild<QComboBox *>(u"statusCombo"_s);
        QVERIFY(!statusBox->isEnabled());
        StaffRegisterDialog dialog(store(), m_window.get());
        auto *check = dialog.findChild<QCheckBox *>(u"reviewEnabledCheck"_s);
        QVERIFY(check && check->isChecked());
        QVERIFY(check->toolTip().contains(u"Review is on"_s));
        check->click();
        QCOMPARE(store()->reviewEnabled().value(), false);
        QVERIFY(statusBox->isEnabled());
        QVERIFY(check->toolTip().contains(u"switched off"_s));
        // Every workflow move is open to anyone now, as in a one-person office.
        workAs(u"olly"_s);
        QVERIFY(actions()->moveAction(WorkflowMove::MarkSent)->isEnabled());
        check->click();
        QCOMPARE(store()->reviewEnabled().value(), true);
        QVERIFY(!statusBox->isEnabled());
        const auto trail = store()->auditTrail(QString(), 5);
        QVERIFY(trail && trail->constFirst().action == u"setting"_s);
    }

    // A one-person office (no supervisor) is never asked, and the status box stays free.
    void aOnePersonOfficeIsNeverAsked()
    {
        QVERIFY(store()->setReviewSwitchedOff(true));
        m_settings->setCurrentUser(QString());
        const QString before = store()->currentUser();
        m_window->chooseUserAtStart(); // a dialog would block here and fail the test by timeout
        QCOMPARE(store()->currentUser(), before);
        QVERIFY(m_window->editor()->openRequest(m_id));
        QVERIFY(m_window->findChild<QComboBox *>(u"statusCombo"_s)->isEnabled());
    }
};

QTEST_MAIN(TestReviewUi)
#include "tst_reviewui.moc"
