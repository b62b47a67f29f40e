#include "editor/RequestEditor.h"
#include "model/RequestEnums.h"
#include "store/Store.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

// What a message box said, once the test has closed it.
struct SeenBox
{
    bool seen = false;
    QString text;
    QString informativeText;
};

// Message boxes are modal: schedule their closing before the call that opens them. Looks for
// the box by objectName among the modal widgets, as a person would see it on top.
void closeBoxWhenShown(const QString &objectName,
                       std::shared_ptr<SeenBox> seen,
                       int triesLeft = 200)
{
    QTimer::singleShot(10, qApp, [objectName, seen, triesLeft] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != objectName) {
            if (triesLeft > 0)
                closeBoxWhenShown(objectName, seen, triesLeft - 1);
            return;
        }
        seen->seen = true;
        seen->text = box->text();
        seen->informativeText = box->informativeText();
        box->button(QMessageBox::Ok)->click();
    });
}

// QTest::keyClicks only types Latin-1; Welsh letters such as ŵ and ŷ are sent as the text of
// a key event, the way an input method delivers them.
void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        if (c == u'\n')
            QTest::keyClick(widget, Qt::Key_Return);
        else if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

// Presses Enter in the popup menu that opens next: its first entry is the one offered.
void pressEnterInNextMenu(int triesLeft = 300)
{
    QTimer::singleShot(10, qApp, [triesLeft] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) {
            if (triesLeft > 0)
                pressEnterInNextMenu(triesLeft - 1);
            return;
        }
        QTest::keyClick(menu, Qt::Key_Return);
        if (menu->isVisible())
            menu->close(); // nothing was offered first: let the test fail instead of waiting
    });
}

QStringList listTexts(QListView *list)
{
    QStringList out;
    for (int i = 0; i < list->model()->rowCount(); ++i)
        out.append(list->model()->index(i, 0).data().toString());
    return out;
}

} // namespace

class TestRequestEditor : public QObject
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

    void showsTheEmptyStateWithNoRequest()
    {
        RequestEditor editor(m_store.get());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(!editor.hasRequest());
        auto *empty = editor.findChild<QLabel *>(u"emptyStateLabel"_s);
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(u"New Request (Ctrl+N)"_s));
        QVERIFY(!editor.addQuestionAction()->isEnabled());
        QVERIFY(!editor.removeQuestionAction()->isEnabled());
    }

    void newRequestIsReadyToType()
    {
        RequestEditor editor(m_store.get());
        showActive(editor);
        QSignalSpy caption(&editor, &RequestEditor::captionChanged);
        editor.newRequest();
        QVERIFY(editor.hasRequest());
        QCOMPARE(editor.requestId(), qint64(0));
        QVERIFY(!editor.isModified());
        QCOMPARE(caption.last().first().toString(), u"New request"_s);

        QCOMPARE(child<QDateEdit>(editor, "receivedEdit")->date(), QDate::currentDate());
        QCOMPARE(child<QDateEdit>(editor, "receivedEdit")->displayFormat(), u"dd/MM/yyyy"_s);
        QCOMPARE(child<QComboBox>(editor, "regimeCombo")->currentData().toInt(), int(Regime::FOIA));
        QCOMPARE(child<QComboBox>(editor, "statusCombo")->currentData().toInt(),
                 int(RequestStatus::New));
        QCOMPARE(child<QListView>(editor, "questionList")->model()->rowCount(), 1);
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(editor, "referenceEdit"));
        QVERIFY(!child<QCheckBox>(editor, "letterDateCheck")->isChecked());

        typeText(QApplication::focusWidget(), u"6370952"_s);
        QVERIFY(editor.isModified());
        QCOMPARE(caption.last().first().toString(), u"6370952"_s);
    }

    // The main flow, as a person drives it: type the request, two questions and their
    // answers, reorder, undo and redo, save, close, reopen, and find it all as typed.
    void typeReorderUndoSaveAndReopen()
    {
        const QString reference = u"6370952"_s;
        const QString title = u"Cais am wybodaeth: ŵyl, ŷd a £5"_s;
        const QString name = u"Gwenllïan ap Dŵr"_s;
        const QString address = u"1 Stryd Fawr\nCaerdydd"_s;
        const QString firstText = u"What did the chatbot cost in £?"_s;
        const QString firstAnswer = u"£12,500 including VAT"_s;
        const QString secondText = u"Pa ŵyl? Pa ŷd?"_s;
        const QString secondAnswer = u"Dim ŵyl"_s;
        qint64 id = 0;

        {
            RequestEditor editor(m_store.get());
            showActive(editor);
            QSignalSpy saved(&editor, &RequestEditor::requestSaved);
            QSignalSpy status(&editor, &RequestEditor::statusMessage);
            editor.newRequest();

            typeText(child<QLineEdit>(editor, "referenceEdit"), reference);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(editor, "titleEdit"));
            typeText(QApplication::focusWidget(), title);
            child<QLineEdit>(editor, "requesterNameEdit")->setFocus();
            typeText(child<QLineEdit>(editor, "requesterNameEdit"), name);
            child<QPlainTextEdit>(editor, "requesterAddressEdit")->setFocus();
            typeText(child<QPlainTextEdit>(editor, "requesterAddressEdit"), address);
            auto *kind = child<QComboBox>(editor, "requesterKindCombo");
            kind->setFocus();
            QTest::keyClick(kind, Qt::Key_Down); // individual -> company
            QCOMPARE(kind->currentData().toInt(), int(RequesterKind::Company));

            clickTab(editor, 1);
            auto *text = child<QPlainTextEdit>(editor, "questionTextEdit");
            auto *answer = child<QPlainTextEdit>(editor, "answerEdit");
            auto *list = child<QListView>(editor, "questionList");
            QTest::mouseClick(text->viewport(), Qt::LeftButton);
            typeText(text, firstText);
            QTest::mouseClick(answer->viewport(), Qt::LeftButton);
            typeText(answer, firstAnswer);

            QTest::mouseClick(child<QToolButton>(editor, "addQuestionButton"), Qt::LeftButton);
            QCOMPARE(list->model()->rowCount(), 2);
            QCOMPARE(list->currentIndex().row(), 1);
            QCOMPARE(QApplication::focusWidget(), text);
            QVERIFY(text->toPlainText().isEmpty());
            typeText(text, secondText);
            QTest::mouseClick(answer->viewport(), Qt::LeftButton);
            typeText(answer, secondAnswer);
            QCOMPARE(listTexts(list), (QStringList{firstText, secondText}));

            // Alt+Up from the answer box moves the second question to the top.
            QTest::keyClick(answer, Qt::Key_Up, Qt::AltModifier);
            QCOMPARE(listTexts(list), (QStringList{secondText, firstText}));
            QCOMPARE(list->currentIndex().row(), 0);
            QCOMPARE(answer->toPlainText(), secondAnswer);
            QVERIFY(!child<QToolButton>(editor, "moveUpButton")->isEnabled());

            // The move-down button puts it back.
            QTest::mouseClick(child<QToolButton>(editor, "moveDownButton"), Qt::LeftButton);
            QCOMPARE(listTexts(list), (QStringList{firstText, secondText}));
            QCOMPARE(list->currentIndex().row(), 1);

            // Undo the move through the stack, then redo it.
            editor.undoStack()->undo();
            QCOMPARE(listTexts(list), (QStringList{secondText, firstText}));
            editor.undoStack()->redo();
            QCOMPARE(listTexts(list), (QStringList{firstText, secondText}));

            // A label typed into a line edit, undone with Ctrl+Z in that line edit: the undo
            // goes through the editor's stack, not the line edit's own history.
            auto *label = child<QLineEdit>(editor, "labelEdit");
            label->setFocus();
            typeText(label, u"2a"_s);
            QCOMPARE(list->model()->index(1, 0).data().toString(), u"2a "_s + secondText);
            const int steps = editor.undoStack()->index();
            QTest::keyClick(label, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(label->text(), QString());
            QCOMPARE(editor.undoStack()->index(), steps - 1);
            QCOMPARE(list->model()->index(1, 0).data().toString(), secondText);
            QTest::keyClick(label, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(label->text(), u"2a"_s);
            QCOMPARE(editor.undoStack()->index(), steps);

            // Undoing the second answer selects its question and shows the answer emptied.
            list->setCurrentIndex(list->model()->index(0, 0));
            editor.undoStack()->undo(); // the label
            editor.undoStack()->undo(); // the move down
            editor.undoStack()->undo(); // the move up
            editor.undoStack()->undo(); // the second answer
            QCOMPARE(list->currentIndex().row(), 1);
            QCOMPARE(answer->toPlainText(), QString());
            for (int i = 0; i < 4; ++i)
                editor.undoStack()->redo();
            QCOMPARE(answer->toPlainText(), secondAnswer);
            QCOMPARE(label->text(), u"2a"_s);
            QCOMPARE(listTexts(list), (QStringList{firstText, u"2a "_s + secondText}));

            QVERIFY(editor.isModified());
            QVERIFY(editor.save());
            QVERIFY(!editor.isModified());
            QCOMPARE(saved.count(), 1);
            id = saved.first().first().toLongLong();
            QVERIFY(id > 0);
            QCOMPARE(editor.requestId(), id);
            QCOMPARE(status.last().first().toString(), u"Saved request 6370952"_s);
        }

        RequestEditor reopened(m_store.get());
        showActive(reopened);
        QVERIFY(reopened.openRequest(id));
        QVERIFY(!reopened.isModified());
        QCOMPARE(child<QLineEdit>(reopened, "referenceEdit")->text(), reference);
        QCOMPARE(child<QLineEdit>(reopened, "titleEdit")->text(), title);
        QCOMPARE(child<QLineEdit>(reopened, "requesterNameEdit")->text(), name);
        QCOMPARE(child<QPlainTextEdit>(reopened, "requesterAddressEdit")->toPlainText(), address);
        QCOMPARE(child<QComboBox>(reopened, "requesterKindCombo")->currentData().toInt(),
                 int(RequesterKind::Company));
        QCOMPARE(child<QDateEdit>(reopened, "receivedEdit")->date(), QDate::currentDate());

        auto *list = child<QListView>(reopened, "questionList");
        QCOMPARE(listTexts(list), (QStringList{firstText, u"2a "_s + secondText}));
        QCOMPARE(list->currentIndex().row(), 0);
        QCOMPARE(child<QPlainTextEdit>(reopened, "questionTextEdit")->toPlainText(), firstText);
        QCOMPARE(child<QPlainTextEdit>(reopened, "answerEdit")->toPlainText(), firstAnswer);
        list->setCurrentIndex(list->model()->index(1, 0));
        QCOMPARE(child<QPlainTextEdit>(reopened, "questionTextEdit")->toPlainText(), secondText);
        QCOMPARE(child<QPlainTextEdit>(reopened, "answerEdit")->toPlainText(), secondAnswer);
        QCOMPARE(child<QLineEdit>(reopened, "labelEdit")->text(), u"2a"_s);

        // And the store holds exactly that.
        const Result<Request> stored = m_store->loadRequest(id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->title, title);
        QCOMPARE(stored->questions.size(), 2);
        QCOMPARE(stored->questions[1].answer, secondAnswer);
    }

    void undoShortcutReachesTheWindowAction()
    {
        // In the main window, Undo is a window action with Ctrl+Z: the line edit must let the
        // shortcut through instead of undoing on its own.
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *editor = new RequestEditor(m_store.get(), &window);
        layout->addWidget(editor);
        QAction *undo = editor->undoStack()->createUndoAction(&window);
        undo->setShortcut(QKeySequence::Undo);
        window.addAction(undo);
        QSignalSpy triggered(undo, &QAction::triggered);
        showActive(window);

        editor->newRequest();
        auto *title = child<QLineEdit>(*editor, "titleEdit");
        auto *reference = child<QLineEdit>(*editor, "referenceEdit");
        typeText(reference, u"R1"_s);
        title->setFocus();
        typeText(title, u"First words"_s);
        QCOMPARE(editor->undoStack()->count(), 2);

        QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(triggered.count(), 1);
        QCOMPARE(title->text(), QString());
        QCOMPARE(reference->text(), u"R1"_s);
        QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(triggered.count(), 2);
        QCOMPARE(reference->text(), QString());
        QVERIFY(!editor->isModified());
    }

    void leavingAFieldStartsANewUndoStep()
    {
        RequestEditor editor(m_store.get());
        showActive(editor);
        editor.newRequest();
        auto *title = child<QLineEdit>(editor, "titleEdit");
        title->setFocus();
        typeText(title, u"One"_s);
        child<QLineEdit>(editor, "referenceEdit")->setFocus();
        title->setFocus();
        typeText(title, u" two"_s);
        QCOMPARE(editor.undoStack()->count(), 2);
        QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(title->text(), u"One"_s);
    }

    void removeIsUndoable()
    {
        Request request;
        request.reference = u"6299088"_s;
        request.received = QDate(2020, 11, 2);
        for (int i = 1; i <= 3; ++i) {
            Question q;
            q.label = QString::number(i) + u'.';
            q.text = u"Question "_s + QString::number(i);
            q.answer = u"Answer "_s + QString::number(i);
            request.questions.append(q);
        }
        const Result<Request> created = m_store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

        RequestEditor editor(m_store.get());
        showActive(editor);
        QSignalSpy status(&editor, &RequestEditor::statusMessage);
        QVERIFY(editor.openRequest(created->id));
        clickTab(editor, 1);
        auto *list = child<QListView>(editor, "questionList");
        list->setCurrentIndex(list->model()->index(1, 0));

        QTest::mouseClick(child<QToolButton>(editor, "removeQuestionButton"), Qt::LeftButton);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(status.last().first().toString(),
                 u"Question removed \u2014 Undo (Ctrl+Z) restores it"_s);
        QVERIFY(editor.isModified());

        editor.undoStack()->undo();
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(list->currentIndex().row(), 1);
        QCOMPARE(child<QPlainTextEdit>(editor, "questionTextEdit")->toPlainText(), u"Question 2"_s);
        QCOMPARE(child<QPlainTextEdit>(editor, "answerEdit")->toPlainText(), u"Answer 2"_s);
        QVERIFY(!editor.isModified());

        // Ctrl+Return from the answer box adds a question after the current one.
        QTest::keyClick(
            child<QPlainTextEdit>(editor, "answerEdit"), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(list->model()->rowCount(), 4);
        QCOMPARE(list->currentIndex().row(), 2);
        QCOMPARE(QApplication::focusWidget(), child<QPlainTextEdit>(editor, "questionTextEdit"));
        QCOMPARE(child<QPlainTextEdit>(editor, "answerEdit")->toPlainText(), QString());
    }

    // Two editors on one request: the second to save is refused, and keeps everything.
    void staleSaveKeepsTheText()
    {
        Request request;
        request.reference = u"6565528"_s;
        request.received = QDate(2020, 9, 8);
        Question q;
        q.text = u"Does the council use predictive analytics?"_s;
        request.questions.append(q);
        const Result<Request> created = m_store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

        RequestEditor first(m_store.get());
        RequestEditor second(m_store.get());
        showActive(second);
        QVERIFY(first.openRequest(created->id));
        QVERIFY(second.openRequest(created->id));

        typeText(child<QLineEdit>(first, "titleEdit"), u"Saved first"_s);
        QVERIFY(first.save());

        clickTab(second, 1);
        auto *answer = child<QPlainTextEdit>(second, "answerEdit");
        QTest::mouseClick(answer->viewport(), Qt::LeftButton);
        const QString typed = u"No, and none are planned; £0 spent."_s;
        typeText(answer, typed);
        const int steps = second.undoStack()->count();

        auto box = std::make_shared<SeenBox>();
        closeBoxWhenShown(u"saveErrorBox"_s, box);
        QVERIFY(!second.save());
        QVERIFY(box->seen);
        QVERIFY(!box->text.isEmpty());
        QVERIFY(box->informativeText.contains(u"still here"_s));

        QCOMPARE(answer->toPlainText(), typed);
        QVERIFY(second.isModified());
        QCOMPARE(second.undoStack()->count(), steps);
        const Result<Request> stored = m_store->loadRequest(created->id);
        QCOMPARE(stored->title, u"Saved first"_s);
        QVERIFY(stored->questions[0].answer.isEmpty());
    }

    void saveWithoutReferenceIsRefused()
    {
        RequestEditor editor(m_store.get());
        showActive(editor);
        editor.newRequest();
        typeText(child<QLineEdit>(editor, "titleEdit"), u"No reference yet"_s);

        auto box = std::make_shared<SeenBox>();
        closeBoxWhenShown(u"saveErrorBox"_s, box);
        QVERIFY(!editor.save());
        QVERIFY(box->seen);
        QVERIFY(box->informativeText.contains(u"reference is missing"_s));
        // The field to fix has the focus once the window is active again after the box (the
        // offscreen platform has no window manager to reactivate it).
        reactivate(editor);
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(editor, "referenceEdit"));
        QVERIFY(editor.isModified());
        QCOMPARE(m_store->countRequests(RequestQuery()).value(), 0);
    }

    // Text copied out of an email or a letter comes with its line breaks and tabs; in a
    // one-line field they become single spaces, shown in the field and saved as shown.
    void pastedLineBreaksBecomeSpaces()
    {
        RequestEditor editor(m_store.get());
        showActive(editor);
        editor.newRequest();
        auto paste = [](QLineEdit *edit, const QString &text) {
            QApplication::clipboard()->setText(text);
            edit->setFocus();
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
        };
        paste(child<QLineEdit>(editor, "referenceEdit"), u"FOI\n2023/118\n"_s);
        paste(child<QLineEdit>(editor, "titleEdit"), u"Parking\r\nfines\tissued in 2023"_s);
        paste(child<QLineEdit>(editor, "requesterNameEdit"), u"Sam\n Requester"_s);
        paste(child<QLineEdit>(editor, "requesterEmailEdit"), u"\tsam@example.org\r\n"_s);

        QCOMPARE(child<QLineEdit>(editor, "referenceEdit")->text(), u"FOI 2023/118"_s);
        QCOMPARE(child<QLineEdit>(editor, "titleEdit")->text(), u"Parking fines issued in 2023"_s);
        QCOMPARE(child<QLineEdit>(editor, "requesterNameEdit")->text(), u"Sam Requester"_s);
        QCOMPARE(child<QLineEdit>(editor, "requesterEmailEdit")->text(), u"sam@example.org"_s);
        QVERIFY(editor.save());

        const auto stored = m_store->loadRequestByReference(u"FOI 2023/118"_s);
        QVERIFY2(stored.ok(), qPrintable(stored.errorMessage()));
        QCOMPARE(stored.value().title, u"Parking fines issued in 2023"_s);
        QCOMPARE(stored.value().requester.name, u"Sam Requester"_s);
        QCOMPARE(stored.value().requester.email, u"sam@example.org"_s);
    }

    void combinedResponse()
    {
        RequestEditor editor(m_store.get());
        showActive(editor);
        editor.newRequest();
        typeText(child<QLineEdit>(editor, "referenceEdit"), u"7014168"_s);
        clickTab(editor, 1);
        auto *text = child<QPlainTextEdit>(editor, "questionTextEdit");
        QTest::mouseClick(text->viewport(), Qt::LeftButton);
        typeText(text, u"Has the council used data analytics?"_s);

        auto *check = child<QCheckBox>(editor, "combinedCheck");
        auto *combined = child<QPlainTextEdit>(editor, "combinedResponseEdit");
        auto *answer = child<QPlainTextEdit>(editor, "answerEdit");
        QVERIFY(!combined->isEnabled());
        QVERIFY(answer->isVisible());

        const int before = editor.undoStack()->count();
        check->setFocus();
        QTest::keyClick(check, Qt::Key_Space);
        QVERIFY(check->isChecked());
        QVERIFY(combined->isEnabled());
        QVERIFY(!answer->isVisible());
        QCOMPARE(editor.undoStack()->count(), before + 1);

        // Ticked but empty cannot be saved, and the message says why.
        auto box = std::make_shared<SeenBox>();
        closeBoxWhenShown(u"saveErrorBox"_s, box);
        QVERIFY(!editor.save());
        QVERIFY(box->seen);
        QVERIFY(box->informativeText.contains(u"combined response is empty"_s));
        reactivate(editor);
        QCOMPARE(QApplication::focusWidget(), combined);

        const QString response = u"The council holds no information about such systems."_s;
        typeText(combined, response);
        QVERIFY(editor.save());

        // Unticking (a click on the box) is its own undo step, and undo ticks it again.
        QTest::mouseClick(check, Qt::LeftButton, Qt::NoModifier, QPoint(6, check->height() / 2));
        QVERIFY(!check->isChecked());
        QVERIFY(answer->isVisible());
        editor.undoStack()->undo();
        QVERIFY(check->isChecked());
        QVERIFY(!editor.isModified());

        RequestEditor reopened(m_store.get());
        QVERIFY(reopened.openRequest(editor.requestId()));
        QVERIFY(child<QCheckBox>(reopened, "combinedCheck")->isChecked());
        QCOMPARE(child<QPlainTextEdit>(reopened, "combinedResponseEdit")->toPlainText(), response);
        QCOMPARE(m_store->loadRequest(editor.requestId())->combinedResponse, response);
    }

    void revertDropsUnsavedEdits()
    {
        Request request;
        request.reference = u"1001"_s;
        request.title = u"Stored title"_s;
        request.received = QDate(2024, 1, 15);
        const Result<Request> created = m_store->createRequest(request);
        QVERIFY(created.ok());

        RequestEditor editor(m_store.get());
        showActive(editor);
        QVERIFY(editor.openRequest(created->id));
        auto *title = child<QLineEdit>(editor, "titleEdit");
        title->setFocus();
        typeText(title, u" changed"_s);
        QVERIFY(editor.isModified());
        editor.revert();
        QCOMPARE(title->text(), u"Stored title"_s);
        QVERIFY(!editor.isModified());
        QCOMPARE(editor.undoStack()->count(), 0);
    }

    // Select a name in the answer, Ctrl+R, Enter: the name is withheld under s40(2) and stays
    // on the name through typing before it, a save and a reopen.
    void redactedAnswerSurvivesSaveAndReopen()
    {
        qint64 id = 0;
        {
            RequestEditor editor(m_store.get());
            showActive(editor);
            editor.newRequest();
            typeText(child<QLineEdit>(editor, "referenceEdit"), u"7200001"_s);
            clickTab(editor, 1);
            auto *answer = child<QPlainTextEdit>(editor, "answerEdit");
            QTest::mouseClick(answer->viewport(), Qt::LeftButton);
            typeText(answer, u"Approved by Ann Lee."_s);
            QTest::keyClick(answer, Qt::Key_Left); // before the full stop
            for (int i = 0; i < 7; ++i)
                QTest::keyClick(answer, Qt::Key_Left, Qt::ShiftModifier);
            QCOMPARE(answer->textCursor().selectedText(), u"Ann Lee"_s);
            pressEnterInNextMenu();
            QTest::keyClick(answer, Qt::Key_R, Qt::ControlModifier);
            const Question withheld = editor.currentRequest().questions.constFirst();
            QCOMPARE(withheld.redactions, (QList<Redaction>{Redaction{12, 7, u"s40(2)"_s}}));
            QCOMPARE(withheld.disposition, Disposition::PartWithheld);

            QTest::keyClick(answer, Qt::Key_Home, Qt::ControlModifier);
            typeText(answer, u"Yes. "_s);
            QVERIFY(editor.save());
            id = editor.requestId();
        }

        RequestEditor reopened(m_store.get());
        showActive(reopened);
        QVERIFY(reopened.openRequest(id));
        const Question question = reopened.currentRequest().questions.constFirst();
        QCOMPARE(question.answer, u"Yes. Approved by Ann Lee."_s);
        QCOMPARE(question.redactions, (QList<Redaction>{Redaction{17, 7, u"s40(2)"_s}}));
        QCOMPARE(question.disposition, Disposition::PartWithheld);
        clickTab(reopened, 1);
        auto *answer = child<QPlainTextEdit>(reopened, "answerEdit");
        QCOMPARE(answer->extraSelections().size(), 1);
        QCOMPARE(answer->extraSelections().constFirst().cursor.selectedText(), u"Ann Lee"_s);
    }

private:
    template <typename T> static T *child(QWidget &root, const char *objectName)
    {
        T *found = root.findChild<T *>(QString::fromLatin1(objectName));
        if (!found)
            qFatal("No widget named %s", objectName);
        return found;
    }

    static void showActive(QWidget &window)
    {
        window.resize(900, 700);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            qWarning("The window did not become active; keyboard shortcuts may not reach it");
    }

    static void reactivate(QWidget &window)
    {
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

    static void clickTab(QWidget &editor, int index)
    {
        auto *tabs = child<QTabWidget>(editor, "editorTabs");
        QTabBar *bar = tabs->findChild<QTabBar *>();
        QTest::mouseClick(bar, Qt::LeftButton, Qt::NoModifier, bar->tabRect(index).center());
        QCOMPARE(tabs->currentIndex(), index);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

QTEST_MAIN(TestRequestEditor)
#include "tst_requesteditor.moc"
