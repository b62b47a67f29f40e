#include "MainWindow.h"
#include "clock/ClockEventDialog.h"
#include "clock/ClockEventsPanel.h"
#include "clock/ClockWorkingPanel.h"
#include "editing/RequestDocument.h"
#include "editor/RequestEditor.h"
#include "listing/RequestListModel.h"
#include "requestlist/RequestListPanel.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

// The dates below are worked by hand from the bank holidays for England and Wales published at
// https://www.gov.uk/bank-holidays (2026: Good Friday 3 April, Easter Monday 6 April, early May
// bank holiday 4 May, spring bank holiday 25 May), counting Monday to Friday only, day one
// being the first working day after the date of receipt (FOIA s10(1) and s10(6)).
//
// Received Thursday 19 March 2026. Twenty working days: Fri 20 Mar (1), 23-27 Mar (2-6),
// 30 Mar-2 Apr (7-10), Good Friday and Easter Monday skipped, 7-10 Apr (11-14),
// 13-17 Apr (15-19), Mon 20 Apr (20).
static const QDate Received(2026, 3, 19);
static const QString DueWithoutEvents = u"Due Monday 20 April 2026"_s;
// Clarification sought Monday 23 March; received Wednesday 15 April, the new date of receipt.
// A fresh twenty: Thu 16 and Fri 17 Apr (1-2), 20-24 Apr (3-7), 27 Apr-1 May (8-12), early May
// bank holiday skipped, 5-8 May (13-16), 11-14 May (17-20): Thursday 14 May 2026.
static const QString DueAfterClarification = u"Due Thursday 14 May 2026"_s;

namespace {

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("No child named %s", name);
    return found;
}

// Types text into a date field as a person would: select what is there, type over it.
void typeDate(QLineEdit *edit, const QString &text)
{
    edit->setFocus(Qt::OtherFocusReason);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Runs fill on the clock event dialog once it is open (it is modal: scheduled before the click
// that opens it). fill presses the buttons; a dialog still open afterwards is cancelled, so a
// failing test never hangs.
void whenDialogShown(std::function<void(ClockEventDialog *)> fill, int triesLeft = 300)
{
    QTimer::singleShot(10, qApp, [fill, triesLeft] {
        auto *dialog = qobject_cast<ClockEventDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (triesLeft > 0)
                whenDialogShown(fill, triesLeft - 1);
            return;
        }
        fill(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
}

void chooseKind(ClockEventDialog *dialog, ClockEventKind kind)
{
    auto *combo = dialog->findChild<QComboBox *>(u"clockEventKindCombo"_s);
    combo->setFocus(Qt::OtherFocusReason);
    combo->setCurrentIndex(combo->findData(int(kind)));
}

void pressOk(ClockEventDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

QString problemOf(ClockEventDialog *dialog)
{
    return dialog->problem();
}

// "date | day | text" for each row of the working.
QStringList stepRows(ClockWorkingPanel *panel)
{
    QStringList rows;
    QTreeWidget *steps = panel->stepList();
    for (int i = 0; i < steps->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = steps->topLevelItem(i);
        rows.append(item->text(0) + u" | "_s + item->text(1) + u" | "_s + item->text(2));
    }
    return rows;
}

QStringList eventRows(QTreeWidget *list)
{
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = list->topLevelItem(i);
        rows.append(item->text(0) + u" | "_s + item->text(1) + u" | "_s + item->text(2) + u" | "_s
                    + item->text(3));
    }
    return rows;
}

} // namespace

class TestClockEventsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = Store::open(m_dir->filePath(u"log.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        m_store = std::move(opened.value());
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    // A clarification sought and received through the dialog: the strip and the working move
    // from 20 April to 14 May; Ctrl+Z takes the events away again one at a time.
    void clarificationMovesTheDueDateAndUndoRestoresIt()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        auto *deadline = child<QLabel>(editor, "deadlineLabel");
        QVERIFY2(deadline->text().startsWith(DueWithoutEvents), qPrintable(deadline->text()));

        QTest::mouseClick(child<QPushButton>(editor, "showWorkingButton"), Qt::LeftButton);
        auto *dialog = editor.findChild<ClockWorkingDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        ClockWorkingPanel *working = dialog->panel();
        QVERIFY2(working->summary().startsWith(u"Due Monday 20 April 2026."_s),
                 qPrintable(working->summary()));
        QStringList rows = stepRows(working);
        QVERIFY(rows.contains(u"Thu 19 Mar 2026 |  | received (the date of receipt)"_s));
        QVERIFY(rows.contains(u"Fri 20 Mar 2026 | 1 | day 1"_s));
        QVERIFY(rows.contains(u"Fri 3 Apr 2026 |  | skipped: Good Friday"_s));
        // Not a Scottish bank holiday, but FOIA counts a holiday in any part of the UK.
        QVERIFY(rows.contains(
            u"Mon 6 Apr 2026 |  | skipped: Easter Monday (England and Wales, Northern Ireland)"_s));
        QCOMPARE(rows.last(), u"Mon 20 Apr 2026 | 20 | day 20: due"_s);

        const int stepsBefore = editor.undoStack()->index();
        addEvent(editor, ClockEventKind::ClarificationSought, u"23/03/2026"_s, u"by email"_s);
        // Sought and not yet received: the clock is stopped, and both places say so.
        QVERIFY2(deadline->text().startsWith(u"The clock is stopped: clarification was sought on "
                                             "Monday 23 March 2026"_s),
                 qPrintable(deadline->text()));
        QVERIFY(working->summary().startsWith(u"The clock is stopped"_s));
        QVERIFY(editor.isModified());

        addEvent(editor, ClockEventKind::ClarificationReceived, u"15/04/2026"_s);
        QVERIFY2(deadline->text().startsWith(DueAfterClarification), qPrintable(deadline->text()));
        QVERIFY2(working->summary().startsWith(u"Due Thursday 14 May 2026."_s),
                 qPrintable(working->summary()));
        QVERIFY(working->summary().contains(u"counted from Wednesday 15 April 2026"_s));
        rows = stepRows(working);
        QVERIFY(rows.contains(u"Mon 23 Mar 2026 |  | clarification sought: the clock stops until "
                              "the clarification arrives"_s));
        QVERIFY(rows.contains(u"Thu 16 Apr 2026 | 1 | day 1"_s));
        QVERIFY(rows.contains(u"Mon 4 May 2026 |  | skipped: Early May bank holiday"_s));
        QCOMPARE(rows.last(), u"Thu 14 May 2026 | 20 | day 20: due"_s);

        auto *list = child<QTreeWidget>(editor, "clockEventList");
        QCOMPARE(eventRows(list),
                 (QStringList{u"23/03/2026 | Clarification sought |  | by email"_s,
                              u"15/04/2026 | Clarification received |  | "_s}));
        QCOMPARE(editor.undoStack()->index(), stepsBefore + 2);

        // Ctrl+Z in the list: the clarification received goes, the clock is stopped again.
        list->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(deadline->text().startsWith(u"The clock is stopped"_s));
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY2(deadline->text().startsWith(DueWithoutEvents), qPrintable(deadline->text()));
        QVERIFY(working->summary().startsWith(u"Due Monday 20 April 2026."_s));
        QCOMPARE(editor.undoStack()->index(), stepsBefore);
    }

    // The law's order is kept: a clarification received with none sought is refused in the
    // dialog and under the list, with what to do; nothing is recorded or lost.
    void anIllegalOrderIsExplained()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        auto *panel = editor.findChild<ClockEventsPanel *>();
        QVERIFY(panel);
        const int steps = editor.undoStack()->index();

        QString dialogSaid;
        whenDialogShown([&](ClockEventDialog *dialog) {
            chooseKind(dialog, ClockEventKind::ClarificationReceived);
            typeDate(dialog->findChild<QLineEdit *>(u"clockEventDateEdit"_s), u"15/04/2026"_s);
            pressOk(dialog);
            QVERIFY(dialog->isVisible()); // kept open, the event as typed
            dialogSaid = problemOf(dialog);
        });
        QTest::mouseClick(child<QPushButton>(editor, "addClockEventButton"), Qt::LeftButton);

        const QString expected = u"A clarification received on Wednesday 15 April 2026 cannot "
                                 "be recorded: no clarification was sought on or before that "
                                 "day. Record the day it was sought first."_s;
        QCOMPARE(dialogSaid, expected);
        auto *message = child<QLabel>(editor, "clockProblemLabel");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), u"The event was not recorded: "_s + expected);
        QCOMPARE(child<QTreeWidget>(editor, "clockEventList")->topLevelItemCount(), 0);
        QCOMPARE(editor.undoStack()->index(), steps);
        QVERIFY(child<QLabel>(editor, "deadlineLabel")->text().startsWith(DueWithoutEvents));

        // Removing the clarification sought would leave the one received unexplained.
        addEvent(editor, ClockEventKind::ClarificationSought, u"23/03/2026"_s);
        QVERIFY(!message->isVisible()); // a change made clears the old refusal
        addEvent(editor, ClockEventKind::ClarificationReceived, u"15/04/2026"_s);
        auto *list = child<QTreeWidget>(editor, "clockEventList");
        list->setCurrentItem(list->topLevelItem(0));
        QTest::mouseClick(child<QPushButton>(editor, "removeClockEventButton"), Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(u"The event was not removed: A clarification "
                                            "received on Wednesday 15 April 2026"_s),
                 qPrintable(message->text()));

        // A response date before the request arrived is refused the same way.
        auto *sent = child<QLineEdit>(editor, "responseSentEdit");
        typeDate(sent, u"02/03/2026"_s);
        QTest::keyClick(sent, Qt::Key_Return);
        QVERIFY(message->text().startsWith(u"The date the response was sent was not changed: "_s));
        QVERIFY(editor.document()->responseSent().isNull());
        QVERIFY(sent->text().isEmpty());
    }

    // Events recorded before a change of regime that the law no longer allows are kept and
    // named, never dropped.
    void eventsTheRegimeNoLongerAllowsAreNamed()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        addEvent(editor,
                 ClockEventKind::PublicInterestExtension,
                 u"15/04/2026"_s,
                 QString(),
                 u"18/05/2026"_s);
        auto *regime = child<QComboBox>(editor, "regimeCombo");
        regime->setCurrentIndex(regime->findData(int(Regime::EIR)));
        auto *message = child<QLabel>(editor, "clockProblemLabel");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(u"A public interest extension cannot be recorded for "
                                          "a request under EIR"_s),
                 qPrintable(message->text()));
        QVERIFY(message->text().contains(u"Edit or remove the event named"_s));
        QCOMPARE(child<QTreeWidget>(editor, "clockEventList")->topLevelItemCount(), 1);
        QVERIFY(child<QLabel>(editor, "deadlineLabel")
                    ->text()
                    .contains(u"clock events are in an order the law does not allow"_s));

        QTest::mouseClick(child<QPushButton>(editor, "showWorkingButton"), Qt::LeftButton);
        ClockWorkingPanel *working = editor.findChild<ClockWorkingDialog *>()->panel();
        QVERIFY2(working->problem().startsWith(u"No due date: A public interest extension "
                                               "cannot be recorded"_s),
                 qPrintable(working->problem()));
        QCOMPARE(working->stepList()->topLevelItemCount(), 0);

        // Saving is refused with the same sentence, and the events are shown to correct.
        typeDate(child<QLineEdit>(editor, "referenceEdit"), u"EIR-2026-7"_s);
        QString saveSaid;
        QTimer::singleShot(50, qApp, [&saveSaid] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                saveSaid = box->informativeText();
                box->button(QMessageBox::Ok)->click();
            }
        });
        QVERIFY(!editor.save());
        QVERIFY2(saveSaid.contains(u"A public interest extension cannot be recorded"_s),
                 qPrintable(saveSaid));
        QCOMPARE(editor.focusWidget(), child<QTreeWidget>(editor, "clockEventList"));
        QCOMPARE(child<QTreeWidget>(editor, "clockEventList")->topLevelItemCount(), 1);
    }

    void estimatedDateOnlyForAPublicInterestExtension()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        QList<bool> shown;
        QString missingEstimate;
        whenDialogShown([&](ClockEventDialog *dialog) {
            auto *estimate = dialog->findChild<QLineEdit *>(u"clockEventEstimateEdit"_s);
            for (ClockEventKind kind : allClockEventKinds()) {
                chooseKind(dialog, kind);
                shown.append(estimate->isVisible());
            }
            chooseKind(dialog, ClockEventKind::PublicInterestExtension);
            typeDate(dialog->findChild<QLineEdit *>(u"clockEventDateEdit"_s), u"15/04/2026"_s);
            pressOk(dialog);
            missingEstimate = problemOf(dialog);
        });
        QTest::mouseClick(child<QPushButton>(editor, "addClockEventButton"), Qt::LeftButton);
        QList<bool> expected;
        for (ClockEventKind kind : allClockEventKinds())
            expected.append(kind == ClockEventKind::PublicInterestExtension);
        QCOMPARE(shown, expected);
        QCOMPARE(missingEstimate,
                 u"Enter the estimated date: the day the requester was told to expect a "
                 "decision."_s);
        QCOMPARE(child<QTreeWidget>(editor, "clockEventList")->topLevelItemCount(), 0);
    }

    // A public interest extension to Monday 1 June 2026. From the statutory deadline of Mon
    // 20 Apr: 21-24 Apr (4), 27 Apr-1 May (9), early May bank holiday skipped, 5-8 May (13),
    // 11-15 May (18), 18-22 May (23), spring bank holiday 25 May skipped, 26-29 May (27),
    // Mon 1 Jun (28): twenty-eight further working days, more than the ICO's twenty.
    void aLongExtensionIsWarnedAbout()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        addEvent(editor,
                 ClockEventKind::PublicInterestExtension,
                 u"15/04/2026"_s,
                 u"letter 2"_s,
                 u"01/06/2026"_s);
        QCOMPARE(eventRows(child<QTreeWidget>(editor, "clockEventList")),
                 QStringList{u"15/04/2026 | Public interest extension | 01/06/2026 | letter 2"_s});
        auto *deadline = child<QLabel>(editor, "deadlineLabel");
        QVERIFY2(deadline->text().startsWith(u"Due Monday 1 June 2026"_s),
                 qPrintable(deadline->text()));
        auto *stripWarnings = child<QLabel>(editor, "dateWarningsLabel");
        QVERIFY(stripWarnings->isVisible());
        QVERIFY(stripWarnings->text().contains(u"28 working days after the statutory deadline "
                                               "of Monday 20 April 2026; the ICO expects"_s));

        QTest::mouseClick(child<QPushButton>(editor, "showWorkingButton"), Qt::LeftButton);
        ClockWorkingPanel *working = editor.findChild<ClockWorkingDialog *>()->panel();
        QVERIFY(working->summary().contains(u"The statutory deadline was Monday 20 April 2026"_s));
        QVERIFY2(working->warnings().contains(u"the ICO expects a public interest extension to "
                                              "take no more than 20 further working days"_s),
                 qPrintable(working->warnings()));
        const QStringList rows = stepRows(working);
        QVERIFY(rows.contains(u"Mon 25 May 2026 |  | skipped: Spring bank holiday"_s));
        QCOMPARE(rows.last(), u"Mon 1 Jun 2026 | 48 | day 48 (extension day 28): due"_s);
    }

    // A fees notice unpaid: the working names the day it lapses (three months beginning with
    // the day it was given: 1 April to 30 June 2026, FOIA s9(2)); an internal review asked for
    // on Wednesday 10 June 2026 is due twenty working days later, Wednesday 8 July 2026
    // (11-12 Jun, 15-19, 22-26, 29 Jun-3 Jul, 6-8 Jul; no bank holiday between).
    void feeLapseAndReviewDatesAreShown()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        addEvent(editor, ClockEventKind::FeesNoticeIssued, u"01/04/2026"_s);
        addEvent(editor, ClockEventKind::InternalReviewRequested, u"10/06/2026"_s);
        QTest::mouseClick(child<QPushButton>(editor, "showWorkingButton"), Qt::LeftButton);
        ClockWorkingPanel *working = editor.findChild<ClockWorkingDialog *>()->panel();
        QVERIFY2(working->summary().contains(u"Unpaid, the fees notice lapses after Tuesday 30 "
                                             "June 2026"_s),
                 qPrintable(working->summary()));
        QVERIFY(working->summary().contains(u"Internal review due Wednesday 8 July 2026"_s));
        QVERIFY(working->summary().startsWith(u"The clock is stopped: the fees notice"_s));
    }

    void eventsSurviveSaveAndReload()
    {
        qint64 id = 0;
        {
            RequestEditor editor(m_store.get());
            startRequest(editor);
            typeDate(child<QLineEdit>(editor, "referenceEdit"), u"FOI-2026-0319"_s);
            typeDate(child<QLineEdit>(editor, "titleEdit"), u"Parking fines"_s);
            addEvent(editor, ClockEventKind::ClarificationSought, u"23/03/2026"_s, u"phone"_s);
            addEvent(editor, ClockEventKind::ClarificationReceived, u"15/04/2026"_s);
            auto *sent = child<QLineEdit>(editor, "responseSentEdit");
            typeDate(sent, u"12/05/2026"_s);
            QTest::keyClick(sent, Qt::Key_Return);
            QCOMPARE(editor.document()->responseSent(), QDate(2026, 5, 12));
            QVERIFY(editor.save());
            id = editor.requestId();
            QVERIFY(id > 0);
        }
        RequestEditor reopened(m_store.get());
        showActive(reopened);
        QVERIFY(reopened.openRequest(id));
        QCOMPARE(eventRows(child<QTreeWidget>(reopened, "clockEventList")),
                 (QStringList{u"23/03/2026 | Clarification sought |  | phone"_s,
                              u"15/04/2026 | Clarification received |  | "_s}));
        QCOMPARE(child<QLineEdit>(reopened, "responseSentEdit")->text(), u"12/05/2026"_s);
        // Sent Tue 12 May, two working days before Thu 14 May.
        const QString deadline = child<QLabel>(reopened, "deadlineLabel")->text();
        QCOMPARE(deadline, DueAfterClarification + u": answered on 12 May 2026, in time"_s);
        QVERIFY(!reopened.isModified());
    }

    // The result of an internal review is chosen in the dialog, for an outcome only; the list
    // shows it, the working names it, and it is saved, undone and redone with the event.
    void reviewResultIsChosenInTheDialog()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        typeDate(child<QLineEdit>(editor, "referenceEdit"), u"FOI-2026-0610"_s);
        typeDate(child<QLineEdit>(editor, "titleEdit"), u"Bus lane cameras"_s);
        addEvent(editor, ClockEventKind::InternalReviewRequested, u"10/06/2026"_s);
        const int steps = editor.undoStack()->index();

        QList<bool> shown;
        QStringList choices;
        QString firstChoice;
        QString refused;
        whenDialogShown([&](ClockEventDialog *dialog) {
            auto *result = dialog->findChild<QComboBox *>(u"clockEventResultCombo"_s);
            QVERIFY(result);
            for (ClockEventKind kind : allClockEventKinds()) {
                chooseKind(dialog, kind);
                shown.append(result->isVisible());
            }
            chooseKind(dialog, ClockEventKind::InternalReviewOutcome);
            for (int i = 0; i < result->count(); ++i)
                choices.append(result->itemText(i));
            firstChoice = result->currentText();
            // Typed as a person would, with the list focused: "Ov" finds "Overturned".
            result->setFocus(Qt::OtherFocusReason);
            QTest::keyClicks(result, u"Ov"_s);
            typeDate(dialog->findChild<QLineEdit *>(u"clockEventDateEdit"_s), u"01/07/2026"_s);
            pressOk(dialog);
            refused = problemOf(dialog);
        });
        QTest::mouseClick(child<QPushButton>(editor, "addClockEventButton"), Qt::LeftButton);

        QList<bool> expected;
        for (ClockEventKind kind : allClockEventKinds())
            expected.append(kind == ClockEventKind::InternalReviewOutcome);
        QCOMPARE(shown, expected);
        QCOMPARE(choices,
                 (QStringList{u"Not recorded"_s,
                              u"Original decision upheld"_s,
                              u"Upheld in part"_s,
                              u"Overturned"_s}));
        QCOMPARE(firstChoice, u"Not recorded"_s);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        auto *list = child<QTreeWidget>(editor, "clockEventList");
        const QStringList withResult{u"10/06/2026 | Internal review requested |  | "_s,
                                     u"01/07/2026 | Internal review outcome: overturned |  | "_s};
        QCOMPARE(eventRows(list), withResult);
        QCOMPARE(editor.document()->clockEvents().at(1).reviewResult, ReviewResult::Overturned);
        QCOMPARE(editor.undoStack()->index(), steps + 1);

        // The working names the result on the day it was sent.
        QTest::mouseClick(child<QPushButton>(editor, "showWorkingButton"), Qt::LeftButton);
        ClockWorkingPanel *working = editor.findChild<ClockWorkingDialog *>()->panel();
        QVERIFY(stepRows(working).contains(
            u"Wed 1 Jul 2026 |  | internal review outcome sent: overturned"_s));
        editor.findChild<ClockWorkingDialog *>()->hide();

        // Saved with the request and read back from the log.
        QVERIFY(editor.save());
        const Result<Request> stored = m_store->loadRequest(editor.requestId());
        QVERIFY2(stored.ok(), qPrintable(stored.errorMessage()));
        QCOMPARE(stored->clockEvents.size(), 2);
        QCOMPARE(stored->clockEvents.at(1).kind, ClockEventKind::InternalReviewOutcome);
        QCOMPARE(stored->clockEvents.at(1).reviewResult, ReviewResult::Overturned);

        // Undone and redone with its result.
        editor.undoStack()->undo();
        QCOMPARE(list->topLevelItemCount(), 1);
        editor.undoStack()->redo();
        QCOMPARE(eventRows(list), withResult);
        QCOMPARE(editor.document()->clockEvents().at(1).reviewResult, ReviewResult::Overturned);

        // Edited, the dialog starts from the recorded result; set back to "Not recorded", the
        // list shows the plain outcome and Undo brings the result back.
        list->setCurrentItem(list->topLevelItem(1));
        QString editingFrom;
        whenDialogShown([&](ClockEventDialog *dialog) {
            auto *result = dialog->findChild<QComboBox *>(u"clockEventResultCombo"_s);
            editingFrom = result->currentText();
            result->setFocus(Qt::OtherFocusReason);
            QTest::keyClick(result, Qt::Key_Home);
            pressOk(dialog);
        });
        QTest::mouseClick(child<QPushButton>(editor, "editClockEventButton"), Qt::LeftButton);
        QCOMPARE(editingFrom, u"Overturned"_s);
        QCOMPARE(eventRows(list).at(1), u"01/07/2026 | Internal review outcome |  | "_s);
        QCOMPARE(editor.document()->clockEvents().at(1).reviewResult, std::nullopt);
        editor.undoStack()->undo();
        QCOMPARE(eventRows(list), withResult);
    }

    // Editing an event changes it in place, as one undo step.
    void editingAnEventReplacesIt()
    {
        RequestEditor editor(m_store.get());
        startRequest(editor);
        addEvent(editor, ClockEventKind::ClarificationSought, u"23/03/2026"_s);
        auto *list = child<QTreeWidget>(editor, "clockEventList");
        list->setCurrentItem(list->topLevelItem(0));
        whenDialogShown([](ClockEventDialog *dialog) {
            typeDate(dialog->findChild<QLineEdit *>(u"clockEventDateEdit"_s), u"24/03/2026"_s);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"clockEventNoteEdit"_s), u"post"_s);
            pressOk(dialog);
        });
        QTest::mouseClick(child<QPushButton>(editor, "editClockEventButton"), Qt::LeftButton);
        QCOMPARE(eventRows(list), QStringList{u"24/03/2026 | Clarification sought |  | post"_s});
        editor.undoStack()->undo();
        QCOMPARE(eventRows(list), QStringList{u"23/03/2026 | Clarification sought |  | "_s});

        // Delete in the list removes the selected event.
        list->setFocus(Qt::OtherFocusReason);
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(editor.document()->clockEvents().isEmpty());
    }

    // Not a check: pictures of the clock in the real window, for a person to look at. Set
    // FOIDESK_CLOCK_PICTURES to a folder to make them.
    void pictures()
    {
        const QString folder = qEnvironmentVariable("FOIDESK_CLOCK_PICTURES");
        if (folder.isEmpty())
            QSKIP("FOIDESK_CLOCK_PICTURES is not set");
        Request request;
        request.reference = u"FOI-2026-0319"_s;
        request.title = u"Parking fines issued in 2025"_s;
        request.received = Received;
        request.regime = Regime::FOIA;
        request.questions.append(Question());
        request.questions[0].text = u"How many parking fines were issued in 2025?"_s;
        request.clockEvents = {
            {ClockEventKind::ClarificationSought, QDate(2026, 3, 23), u"by email"_s, QDate()},
            {ClockEventKind::ClarificationReceived, QDate(2026, 4, 15), QString(), QDate()},
            {ClockEventKind::PublicInterestExtension,
             QDate(2026, 5, 12),
             u"section 43: the public interest test needs the contractor's view"_s,
             QDate(2026, 6, 30)}};
        const Result<Request> created = m_store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        AppSettings settings(m_dir->filePath(u"settings.ini"_s));
        MainWindow window(std::move(m_store), &settings);
        // The window sizes itself to the screen as it does for an officer: run once on a
        // 1366x768 display and once on a 1920x1080 one.
        {
            const QSize size = QGuiApplication::primaryScreen()->size();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTest::qWait(300); // the list fills after the window shows
            if (window.editor()->requestId() != created->id) {
                QTableView *list = window.listPanel()->view();
                const QModelIndex row =
                    list->model()->index(window.listModel()->rowOfId(created->id), 0);
                QTest::mouseClick(
                    list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
                QTest::qWait(300);
            }
            QCOMPARE(window.editor()->requestId(), created->id);
            auto *panel = window.findChild<ClockEventsPanel *>();
            const QString tag = QString::number(size.width());
            for (QScrollArea *scroll : window.findChildren<QScrollArea *>()) {
                if (scroll->isAncestorOf(panel))
                    scroll->ensureWidgetVisible(panel, 0, 200);
            }
            QTest::qWait(100);
            window.grab().save(folder + u"/window-"_s + tag + u".png"_s);
            QTest::mouseClick(window.findChild<QPushButton *>(u"showWorkingButton"_s),
                              Qt::LeftButton);
            auto *dialog = window.findChild<ClockWorkingDialog *>();
            QTest::qWait(100);
            dialog->grab().save(folder + u"/working-"_s + tag + u".png"_s);
            dialog->hide();
            whenDialogShown([folder, tag](ClockEventDialog *d) {
                chooseKind(d, ClockEventKind::PublicInterestExtension);
                QTest::qWait(50);
                d->grab().save(folder + u"/dialog-"_s + tag + u".png"_s);
                chooseKind(d, ClockEventKind::ClarificationReceived);
                typeDate(d->findChild<QLineEdit *>(u"clockEventDateEdit"_s), u"01/06/2026"_s);
                pressOk(d);
                QTest::qWait(50);
                d->grab().save(folder + u"/dialog-refused-"_s + tag + u".png"_s);
            });
            QTest::mouseClick(window.findChild<QPushButton *>(u"addClockEventButton"_s),
                              Qt::LeftButton);
            QTest::qWait(100);
            window.grab().save(folder + u"/window-refused-"_s + tag + u".png"_s);
        }
        window.close();
    }

private:
    static void showActive(QWidget &window)
    {
        window.resize(900, 700);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            qWarning("The window did not become active; keyboard shortcuts may not reach it");
    }

    // A new request received on Thursday 19 March 2026, under FOIA, typed into the form.
    static void startRequest(RequestEditor &editor, bool resize = true)
    {
        if (resize) {
            showActive(editor);
        } else {
            editor.show();
            editor.activateWindow();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
        }
        editor.newRequest();
        auto *received = child<QLineEdit>(editor, "receivedEdit");
        typeDate(received, Received.toString(u"dd/MM/yyyy"_s));
        QTest::keyClick(received, Qt::Key_Tab);
        QCOMPARE(editor.document()->value(RequestDocument::Field::Received).toDate(), Received);
    }

    // Adds an event through the dialog, as a person would, and checks it was recorded.
    static void addEvent(RequestEditor &editor,
                         ClockEventKind kind,
                         const QString &date,
                         const QString &note = QString(),
                         const QString &estimate = QString())
    {
        const qsizetype before = editor.document()->clockEvents().size();
        QString refused;
        whenDialogShown([&](ClockEventDialog *dialog) {
            chooseKind(dialog, kind);
            typeDate(dialog->findChild<QLineEdit *>(u"clockEventDateEdit"_s), date);
            if (!estimate.isEmpty())
                typeDate(dialog->findChild<QLineEdit *>(u"clockEventEstimateEdit"_s), estimate);
            if (!note.isEmpty()) {
                auto *noteEdit = dialog->findChild<QLineEdit *>(u"clockEventNoteEdit"_s);
                noteEdit->setFocus(Qt::OtherFocusReason);
                QTest::keyClicks(noteEdit, note);
            }
            pressOk(dialog);
            refused = problemOf(dialog);
        });
        QTest::mouseClick(child<QPushButton>(editor, "addClockEventButton"), Qt::LeftButton);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        QCOMPARE(editor.document()->clockEvents().size(), before + 1);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

QTEST_MAIN(TestClockEventsUi)
#include "tst_clockeventsui.moc"
