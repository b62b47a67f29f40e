#include "redaction/ExemptionChooser.h"
#include "editor/QuestionsPanel.h"
#include "editor/RequestEditor.h"
#include "redaction/SuggestionsPanel.h"
#include "widgets/UndoKeyFilter.h"
#include "editing/QuestionListModel.h"
#include "editing/RequestDocument.h"
#include "store/Store.h"
#include "util/Translations.h"
#include "support/RequestBuilder.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

using QField = RequestDocument::QuestionField;

// Popups and dialogs run their own event loop: schedule what the user does in them before the
// key press that opens them. Retries until a widget of that kind is on top.
template <typename W>
void whenShown(std::function<W *()> find, std::function<void(W *)> act, int triesLeft = 300)
{
    QTimer::singleShot(10, qApp, [find, act, triesLeft] {
        W *widget = find();
        if (!widget || !widget->isVisible()) {
            if (triesLeft > 0)
                whenShown<W>(find, act, triesLeft - 1);
            return;
        }
        act(widget);
    });
}

// Picks the menu entry with this objectName in the popup menu that opens next.
void chooseFromMenu(const QString &actionName, std::shared_ptr<QStringList> seen = {})
{
    whenShown<QMenu>([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); },
                     [actionName, seen](QMenu *menu) {
                         QAction *found = nullptr;
                         for (QAction *action : menu->actions()) {
                             if (seen && !action->isSeparator())
                                 seen->append(action->text());
                             if (action->objectName() == actionName)
                                 found = action;
                         }
                         if (!found) {
                             menu->close();
                             return;
                         }
                         menu->setActiveAction(found);
                         QTest::keyClick(menu, Qt::Key_Return);
                     });
}

// In the exemption chooser that opens next: type filter, then either tick the first row shown
// (several) or take the current one, and press OK.
void useChooser(const QString &filter, bool tickFirst)
{
    whenShown<ExemptionChooser>(
        [] { return qobject_cast<ExemptionChooser *>(QApplication::activeModalWidget()); },
        [filter, tickFirst](ExemptionChooser *chooser) {
            auto *edit = chooser->findChild<QLineEdit *>(u"exemptionFilter"_s);
            QTest::keyClicks(edit, filter);
            if (tickFirst) {
                auto *list = chooser->findChild<QTreeWidget *>(u"exemptionList"_s);
                QTreeWidgetItem *item = list->currentItem();
                if (item)
                    item->setCheckState(0, Qt::Checked);
            }
            QTest::keyClick(edit, Qt::Key_Return);
        });
}

void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

// Puts the text cursor at position and selects length characters from there, with the keys.
void selectWithKeys(QPlainTextEdit *edit, int position, int length)
{
    edit->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(edit, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < position; ++i)
        QTest::keyClick(edit, Qt::Key_Right);
    for (int i = 0; i < length; ++i)
        QTest::keyClick(edit, Qt::Key_Right, Qt::ShiftModifier);
}

void moveCursorTo(QPlainTextEdit *edit, int position)
{
    selectWithKeys(edit, position, 0);
}

// Chooses the entry with this data as a user does: open the list, go to the row, Enter.
void chooseInCombo(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setFocus(Qt::OtherFocusReason);
    combo->showPopup();
    QAbstractItemView *view = combo->view();
    view->setCurrentIndex(view->model()->index(index, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(combo->currentIndex(), index);
}

// What the answer box highlights, as text.
QStringList highlighted(QPlainTextEdit *edit)
{
    QStringList texts;
    for (const QTextEdit::ExtraSelection &selection : edit->extraSelections())
        texts.append(selection.cursor.selectedText());
    return texts;
}

QStringList withheldTexts(const Question &question)
{
    QStringList texts;
    for (const Redaction &span : question.redactions)
        texts.append(question.answer.mid(span.start, span.length));
    return texts;
}

QStringList column(QTreeWidget *list, int column)
{
    QStringList texts;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        texts.append(list->topLevelItem(i)->text(column));
    return texts;
}

Request sampleRequest(const QString &answer)
{
    return test::RequestBuilder(u"7100001"_s, QDate(2026, 3, 2))
        .title(u"Chatbot procurement"_s)
        .officer(u"Rhian Officer"_s)
        .question(u"Who approved the chatbot?"_s, answer)
        .label(u"1"_s)
        .question(u"Who signed the contract?"_s,
                  u"The contract was signed by the Director of Digital."_s)
        .label(u"2"_s);
}

// The Questions page as the editor builds it: a document, its question list, the panel, and
// the filter that hands Ctrl+Z and Ctrl+Shift+Z to the document's history.
struct Page
{
    explicit Page(Store *store)
    {
        panel.setStore(store);
        for (QWidget *w : panel.inputWidgets()) {
            filter.watch(w);
            for (QWidget *inner : w->findChildren<QWidget *>())
                filter.watch(inner);
        }
        panel.resize(1100, 860);
        panel.show();
        panel.activateWindow();
    }

    template <typename T> T *child(const QString &name)
    {
        auto *found = panel.findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    QPlainTextEdit *answer() { return child<QPlainTextEdit>(u"answerEdit"_s); }
    QTreeWidget *redactionList() { return child<QTreeWidget>(u"redactionList"_s); }
    QTreeWidget *suggestionList() { return child<QTreeWidget>(u"suggestionList"_s); }
    SuggestionsPanel *suggestions() { return child<SuggestionsPanel>(u"suggestionsPanel"_s); }
    const Question &question(int row) { return document.question(row); }

    RequestDocument document;
    QuestionListModel model{&document};
    UndoKeyFilter filter{&document};
    QuestionsPanel panel{&document, &model};
};

} // namespace

class TestRedactionUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installAppTranslations(); }

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

    // Select a name, Ctrl+R, Enter: the name is withheld under the personal-data exemption,
    // the answer becomes withheld in part in the same step, and the passage is highlighted and
    // listed.
    void ctrlRWithholdsTheSelection()
    {
        Page page(m_store.get());
        page.document.load(sampleRequest(u"Approved by Ann Lee on 3 May."_s));
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));

        selectWithKeys(page.answer(), 12, 7); // "Ann Lee"
        QCOMPARE(page.answer()->textCursor().selectedText(), u"Ann Lee"_s);
        auto menuTexts = std::make_shared<QStringList>();
        chooseFromMenu(u"withholdUnder:s40(2)"_s, menuTexts);
        QTest::keyClick(page.answer(), Qt::Key_R, Qt::ControlModifier);

        QVERIFY2(menuTexts->size() >= 2, qPrintable(menuTexts->join(u" | "_s)));
        QVERIFY(menuTexts->constFirst().contains(u"s40(2)"_s)
                || menuTexts->at(1).contains(u"s40(2)"_s));
        QCOMPARE(page.question(0).redactions, (QList<Redaction>{Redaction{12, 7, u"s40(2)"_s}}));
        QCOMPARE(page.question(0).disposition, Disposition::PartWithheld);
        QCOMPARE(highlighted(page.answer()), QStringList{u"Ann Lee"_s});
        QCOMPARE(column(page.redactionList(), 1), QStringList{u"Ann Lee"_s});
        QVERIFY(column(page.redactionList(), 2).constFirst().contains(u"s40(2)"_s));
        QCOMPARE(column(page.redactionList(), 0), QStringList{u"1"_s});
        QVERIFY(page.child<QTabWidget>(u"withholdingTabs"_s)->tabText(0).contains(u"(1)"_s));
        // Counted in English, not "1 passage(s)".
        QCOMPARE(page.child<QLabel>(u"redactionSummary"_s)->text(),
                 u"1 passage withheld in 1 answer."_s);

        // One step: undo releases the text and restores the disposition together.
        QTest::keyClick(page.answer(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(page.question(0).redactions.isEmpty());
        QCOMPARE(page.question(0).disposition, Disposition::Answered);
        QVERIFY(highlighted(page.answer()).isEmpty());
        QCOMPARE(page.redactionList()->topLevelItemCount(), 0);
    }

    // The next redaction offers the exemption used last; "Other…" opens the chooser.
    void otherExemptionFromTheChooser()
    {
        Page page(m_store.get());
        page.document.load(sampleRequest(u"The price was agreed with Acme Ltd at a discount."_s));
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));

        const QString answer = page.question(0).answer;
        const int at = int(answer.indexOf(u"a discount"_s));
        selectWithKeys(page.answer(), at, 10);
        QCOMPARE(page.answer()->textCursor().selectedText(), u"a discount"_s);
        chooseFromMenu(u"withholdUnderOther"_s);
        useChooser(u"section 43(2)"_s, false);
        QTest::keyClick(page.answer(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(page.question(0).redactions, (QList<Redaction>{Redaction{at, 10, u"s43(2)"_s}}));

        // Now s43(2) is the default: Ctrl+R and Enter on the first entry.
        const int acme = int(answer.indexOf(u"Acme Ltd"_s));
        selectWithKeys(page.answer(), acme, 8);
        auto menuTexts = std::make_shared<QStringList>();
        chooseFromMenu(u"withholdUnder:s43(2)"_s, menuTexts);
        QTest::keyClick(page.answer(), Qt::Key_R, Qt::ControlModifier);
        QVERIFY(menuTexts->constFirst().contains(u"s43(2)"_s)
                || menuTexts->at(1).contains(u"s43(2)"_s));
        QCOMPARE(withheldTexts(page.question(0)), (QStringList{u"Acme Ltd"_s, u"a discount"_s}));
    }

    void ctrlRWithoutSelectionOnlySaysWhatToDo()
    {
        Page page(m_store.get());
        page.document.load(sampleRequest(u"Approved by Ann Lee."_s));
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QSignalSpy status(&page.panel, &QuestionsPanel::statusMessage);
        moveCursorTo(page.answer(), 3);
        QTest::keyClick(page.answer(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(status.count(), 1);
        QVERIFY(status.first().first().toString().contains(u"Select the text"_s));
        QCOMPARE(page.document.undoStack()->count(), 0);
        QVERIFY(page.question(0).redactions.isEmpty());
    }

    // A long list of withheld passages stays where the officer scrolled it while they type in
    // the answer (each keystroke rebuilds the list).
    void typingKeepsTheListWhereItWasScrolled()
    {
        Page page(m_store.get());
        QString answer = u"Signed off by "_s;
        QList<Redaction> spans;
        for (int i = 0; i < 40; ++i) {
            const QString name = u"Officer %1"_s.arg(i, 2, 10, QLatin1Char('0'));
            spans.append(Redaction{answer.size(), name.size(), u"s40(2)"_s});
            answer += name + u", "_s;
        }
        Request request = sampleRequest(answer + u"all approved."_s);
        request.questions[0].redactions = spans;
        request.questions[0].disposition = Disposition::PartWithheld;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QCOMPARE(page.redactionList()->topLevelItemCount(), 40);

        // The officer picked the first passage, then scrolled down the list to read the others.
        page.redactionList()->setCurrentItem(page.redactionList()->topLevelItem(0));
        QScrollBar *bar = page.redactionList()->verticalScrollBar();
        QVERIFY2(bar->maximum() > 0, "the list should be long enough to scroll");
        bar->setValue(bar->maximum());
        const int scrolled = bar->value();

        // At the start of the answer, outside every passage, so that all of them move along.
        moveCursorTo(page.answer(), 0);
        QCOMPARE(bar->value(), scrolled);
        typeText(page.answer(), u"All "_s);
        QVERIFY(page.question(0).answer.startsWith(u"All Signed off by Officer 00, "_s));
        QCOMPARE(page.question(0).redactions.constLast().start, spans.constLast().start + 4);
        QCOMPARE(page.redactionList()->topLevelItemCount(), 40);
        // Let the view lay itself out again, as it does between keystrokes.
        QTest::qWait(50);
        QCOMPARE(bar->value(), scrolled);
    }

    // The span stays on its word as the officer types before it and inside it; the highlight
    // follows; the cursor stays where the officer is typing.
    void typingKeepsTheSpanOnItsText()
    {
        Page page(m_store.get());
        Request request = sampleRequest(u"Approved by Ann Lee on 3 May."_s);
        request.questions[0].redactions = {Redaction{12, 7, u"s40(2)"_s}};
        request.questions[0].disposition = Disposition::PartWithheld;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QCOMPARE(highlighted(page.answer()), QStringList{u"Ann Lee"_s});

        moveCursorTo(page.answer(), 0);
        typeText(page.answer(), u"Ŵyr: "_s);
        QCOMPARE(page.answer()->textCursor().position(), 5);
        QCOMPARE(page.question(0).answer, u"Ŵyr: Approved by Ann Lee on 3 May."_s);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Ann Lee"_s});
        QCOMPARE(highlighted(page.answer()), QStringList{u"Ann Lee"_s});

        // Inside the span: "Ann" -> "Annie"; the span grows to cover it.
        moveCursorTo(page.answer(), 5 + 12 + 3);
        typeText(page.answer(), u"ie"_s);
        QCOMPARE(page.answer()->textCursor().position(), 5 + 12 + 5);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Annie Lee"_s});
        QCOMPARE(highlighted(page.answer()), QStringList{u"Annie Lee"_s});
        QCOMPARE(column(page.redactionList(), 1), QStringList{u"Annie Lee"_s});

        // Undo and redo bring text and spans back together.
        page.document.finishTyping();
        QTest::keyClick(page.answer(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Ann Lee"_s});
        QCOMPARE(highlighted(page.answer()), QStringList{u"Ann Lee"_s});
        QTest::keyClick(page.answer(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page.question(0).answer, u"Approved by Ann Lee on 3 May."_s);
        QCOMPARE(page.question(0).redactions, (QList<Redaction>{Redaction{12, 7, u"s40(2)"_s}}));
        QCOMPARE(highlighted(page.answer()), QStringList{u"Ann Lee"_s});
        QTest::keyClick(page.answer(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(page.answer(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page.question(0).answer, u"Ŵyr: Approved by Annie Lee on 3 May."_s);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Annie Lee"_s});
        QCOMPARE(highlighted(page.answer()), QStringList{u"Annie Lee"_s});
    }

    // Remove from the Redactions panel with Delete and with the button; undo brings it back.
    void removeFromThePanel()
    {
        Page page(m_store.get());
        Request request = sampleRequest(u"Ann Lee and Bob Ray approved it."_s);
        request.questions[0].redactions = {Redaction{0, 7, u"s40(2)"_s},
                                           Redaction{12, 7, u"s40(2)"_s}};
        request.questions[0].disposition = Disposition::PartWithheld;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QTreeWidget *list = page.redactionList();
        QCOMPARE(column(list, 1), (QStringList{u"Ann Lee"_s, u"Bob Ray"_s}));

        list->setFocus(Qt::OtherFocusReason);
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Bob Ray"_s});
        QCOMPARE(column(list, 1), QStringList{u"Bob Ray"_s});
        QCOMPARE(highlighted(page.answer()), QStringList{u"Bob Ray"_s});

        list->setCurrentItem(list->topLevelItem(0));
        QTest::mouseClick(page.child<QPushButton>(u"removeRedactionButton"_s), Qt::LeftButton);
        QVERIFY(page.question(0).redactions.isEmpty());
        // Nothing left withheld: the answer is simply answered again, in the same step.
        QCOMPARE(page.question(0).disposition, Disposition::Answered);
        QCOMPARE(list->topLevelItemCount(), 0);

        page.document.undoStack()->undo();
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Bob Ray"_s});
        QCOMPARE(page.question(0).disposition, Disposition::PartWithheld);
        page.document.undoStack()->undo();
        QCOMPARE(withheldTexts(page.question(0)), (QStringList{u"Ann Lee"_s, u"Bob Ray"_s}));
    }

    // Enter on a row shows its passage selected in its answer, in another question too.
    void jumpFromThePanelToTheText()
    {
        Page page(m_store.get());
        Request request = sampleRequest(u"Nothing withheld here."_s);
        request.questions[1].redactions = {Redaction{4, 8, u"s43(2)"_s}};
        request.questions[1].disposition = Disposition::PartWithheld;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QCOMPARE(page.panel.currentRow(), 0);

        QTreeWidget *list = page.redactionList();
        list->setFocus(Qt::OtherFocusReason);
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(page.panel.currentRow(), 1);
        QCOMPARE(page.answer()->textCursor().selectedText(), u"contract"_s);
        QCOMPARE(QApplication::focusWidget(), page.answer());
    }

    void changeTheExemptionInThePanel()
    {
        Page page(m_store.get());
        Request request = sampleRequest(u"The price was agreed with Acme Ltd."_s);
        request.questions[0].redactions = {Redaction{26, 8, u"s40(2)"_s}};
        request.questions[0].disposition = Disposition::PartWithheld;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));

        QTreeWidget *list = page.redactionList();
        list->setCurrentItem(list->topLevelItem(0));
        auto *combo = page.child<QComboBox>(u"redactionExemptionCombo"_s);
        QVERIFY(combo->isEnabled());
        QCOMPARE(combo->currentData().toString(), u"s40(2)"_s);
        chooseInCombo(combo, u"s43(2)"_s);

        QCOMPARE(page.question(0).redactions, (QList<Redaction>{Redaction{26, 8, u"s43(2)"_s}}));
        QVERIFY(column(list, 2).constFirst().contains(u"s43(2)"_s));
        QCOMPARE(combo->currentData().toString(), u"s43(2)"_s);
        page.document.undoStack()->undo();
        QCOMPARE(page.question(0).redactions.constFirst().exemption, u"s40(2)"_s);
        QCOMPARE(combo->currentData().toString(), u"s40(2)"_s);
    }

    // Right-click on withheld text: Release This Text.
    void releaseFromTheContextMenu()
    {
        Page page(m_store.get());
        Request request = sampleRequest(u"Approved by Ann Lee on 3 May."_s);
        request.questions[0].redactions = {Redaction{12, 7, u"s40(2)"_s}};
        request.questions[0].disposition = Disposition::PartWithheld;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));

        moveCursorTo(page.answer(), 14);
        const QRect at = page.answer()->cursorRect();
        chooseFromMenu(u"releaseTextAction"_s);
        QContextMenuEvent event(QContextMenuEvent::Mouse,
                                at.center(),
                                page.answer()->viewport()->mapToGlobal(at.center()));
        QApplication::sendEvent(page.answer()->viewport(), &event);
        QVERIFY(page.question(0).redactions.isEmpty());
        QCOMPARE(page.question(0).disposition, Disposition::Answered);
        page.document.undoStack()->undo();
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"Ann Lee"_s});
    }

    // Withheld in full: the answer stays editable for notes, and a banner says it is not sent.
    void dispositionIsUndoableAndExplained()
    {
        Page page(m_store.get());
        page.document.load(sampleRequest(u"Internal: legal advice from counsel."_s));
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        auto *combo = page.child<QComboBox>(u"dispositionCombo"_s);
        auto *banner = page.child<QLabel>(u"withheldBanner"_s);
        QVERIFY(!banner->isVisible());

        chooseInCombo(combo, int(Disposition::Withheld));
        QCOMPARE(page.question(0).disposition, Disposition::Withheld);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"not sent"_s));
        QVERIFY(page.answer()->isEnabled());
        QVERIFY(!page.answer()->isReadOnly());

        // With an exemption chosen, the banner names it.
        chooseExemptionWithDialog(page, u"42"_s);
        QCOMPARE(page.question(0).exemptions, QStringList{u"s42"_s});
        QVERIFY(banner->text().contains(u"s42"_s));
        QVERIFY(page.child<QLabel>(u"exemptionsLabel"_s)->text().contains(u"s42"_s));

        page.document.undoStack()->undo();
        QVERIFY(page.question(0).exemptions.isEmpty());
        page.document.undoStack()->undo();
        QCOMPARE(page.question(0).disposition, Disposition::Answered);
        QCOMPARE(combo->currentData().toInt(), int(Disposition::Answered));
        QVERIFY(!banner->isVisible());
        page.document.undoStack()->redo();
        QCOMPARE(combo->currentData().toInt(), int(Disposition::Withheld));
        QVERIFY(banner->isVisible());
    }

    // The chooser lists the regime's own exemptions only and filters as the officer types.
    void chooserFiltersByRegime()
    {
        const Result<ExemptionCatalogue> catalogue = ExemptionCatalogue::shipped();
        QVERIFY2(catalogue.ok(), qPrintable(catalogue.errorMessage()));
        ExemptionChooser chooser(
            catalogue.value(), Regime::EIR, {}, ExemptionChooser::Mode::Several);
        auto *list = chooser.findChild<QTreeWidget *>(u"exemptionList"_s);
        QCOMPARE(list->topLevelItemCount(), int(catalogue->forRegime(Regime::EIR).size()));
        const auto shown = [list] {
            QStringList codes;
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                if (!list->topLevelItem(i)->isHidden())
                    codes.append(list->topLevelItem(i)->data(0, Qt::UserRole).toString());
            }
            return codes;
        };
        chooser.setFilterText(u"regulation 13"_s);
        QCOMPARE(shown(), QStringList{u"reg13"_s});
        chooser.setFilterText(u"commercial"_s);
        QVERIFY(shown().contains(u"reg12(5)(e)"_s));
        QVERIFY(!shown().contains(u"reg13"_s));
        chooser.setFilterText(u"s40(2)"_s); // a FOIA section: nothing under EIR
        QVERIFY(shown().isEmpty());
        QVERIFY(!chooser.findChild<QLabel *>(u"noExemptionMatch"_s)->isHidden());
    }

    // A staff member below the policy's grade and an email address are suggested; a director
    // is not. Accept withholds; Dismiss records the decision and the text is not offered
    // again, even after the request is reopened.
    void suggestionsAcceptAndDismiss()
    {
        addStaff(u"Ann Lee"_s, u"Officer"_s, false);
        addStaff(u"Dafydd Jones"_s, u"Director"_s, true);
        Request request = sampleRequest(
            u"Ann Lee and Dafydd Jones approved it. Write to ann.lee@example.gov.uk."_s);
        const Result<Request> created = m_store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

        Page page(m_store.get());
        page.document.load(created.value());
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QTreeWidget *list = page.suggestionList();
        QCOMPARE(column(list, 1), (QStringList{u"Ann Lee"_s, u"ann.lee@example.gov.uk"_s}));
        QVERIFY(page.child<QTabWidget>(u"withholdingTabs"_s)->tabText(1).contains(u"(2)"_s));
        QVERIFY(!column(list, 3).constFirst().isEmpty());

        // Accept the email address.
        list->clearSelection();
        list->topLevelItem(1)->setSelected(true);
        QTest::mouseClick(page.child<QPushButton>(u"acceptSuggestionButton"_s), Qt::LeftButton);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"ann.lee@example.gov.uk"_s});
        QCOMPARE(page.question(0).disposition, Disposition::PartWithheld);
        QCOMPARE(column(list, 1), QStringList{u"Ann Lee"_s});

        // Dismiss the name.
        list->topLevelItem(0)->setSelected(true);
        QTest::mouseClick(page.child<QPushButton>(u"dismissSuggestionButton"_s), Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 0);
        QCOMPARE(withheldTexts(page.question(0)), QStringList{u"ann.lee@example.gov.uk"_s});

        const auto decisions = m_store->suggestionDecisions(created->id);
        QVERIFY2(decisions.ok(), qPrintable(decisions.errorMessage()));
        QCOMPARE(decisions->size(), 2);
        QCOMPARE(decisions->at(0).action, SuggestionDecision::Action::Accepted);
        QCOMPARE(decisions->at(0).kind, RedactionSuggestion::Kind::Email);
        QCOMPARE(decisions->at(0).text, u"ann.lee@example.gov.uk"_s);
        QCOMPARE(decisions->at(0).exemption, u"s40(2)"_s);
        QCOMPARE(decisions->at(0).user, u"Rhian Officer"_s);
        QCOMPARE(decisions->at(1).action, SuggestionDecision::Action::Dismissed);
        QCOMPARE(decisions->at(1).kind, RedactionSuggestion::Kind::StaffName);
        QCOMPARE(decisions->at(1).text, u"Ann Lee"_s);
        QCOMPARE(decisions->at(1).question, 0);

        // Save, close and reopen: the dismissed name stays dismissed.
        const Result<Request> saved = m_store->saveRequest(page.document.request());
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        page.document.markSaved(saved.value());
        Page reopened(m_store.get());
        reopened.document.load(m_store->loadRequest(created->id).value());
        QVERIFY(QTest::qWaitForWindowExposed(&reopened.panel));
        QCOMPARE(reopened.suggestionList()->topLevelItemCount(), 0);
        QCOMPARE(withheldTexts(reopened.question(0)), QStringList{u"ann.lee@example.gov.uk"_s});
    }

    // Accept All withholds everything listed as one undo step.
    void acceptAllIsOneStep()
    {
        addStaff(u"Ann Lee"_s, u"Officer"_s, false);
        Page page(m_store.get());
        Request request = sampleRequest(u"Ann Lee, 020 7946 0018, NW9 4EW."_s);
        request.questions[1].answer = u"Copied to Ann Lee."_s;
        page.document.load(request);
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        const int listed = page.suggestionList()->topLevelItemCount();
        QVERIFY2(listed >= 3, qPrintable(column(page.suggestionList(), 1).join(u", "_s)));
        const int steps = page.document.undoStack()->count();

        QTest::mouseClick(page.child<QPushButton>(u"acceptAllSuggestionsButton"_s), Qt::LeftButton);
        QCOMPARE(page.suggestionList()->topLevelItemCount(), 0);
        QCOMPARE(page.document.undoStack()->count(), steps + 1);
        QVERIFY(withheldTexts(page.question(0)).contains(u"Ann Lee"_s));
        QVERIFY(withheldTexts(page.question(0)).contains(u"NW9 4EW"_s));
        QCOMPARE(withheldTexts(page.question(1)), QStringList{u"Ann Lee"_s});
        QCOMPARE(page.question(1).disposition, Disposition::PartWithheld);
        QCOMPARE(page.redactionList()->topLevelItemCount(),
                 int(page.question(0).redactions.size() + 1));

        page.document.undoStack()->undo();
        QVERIFY(page.question(0).redactions.isEmpty());
        QVERIFY(page.question(1).redactions.isEmpty());
        QCOMPARE(page.question(1).disposition, Disposition::Answered);
    }

    // A request not saved yet keeps its decisions until its first save, then records them.
    void decisionsOfAnUnsavedRequestWaitForItsFirstSave()
    {
        Page page(m_store.get());
        page.document.load(sampleRequest(u"Write to someone@example.org."_s));
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QCOMPARE(column(page.suggestionList(), 1), QStringList{u"someone@example.org"_s});
        page.suggestionList()->topLevelItem(0)->setSelected(true);
        QTest::mouseClick(page.child<QPushButton>(u"dismissSuggestionButton"_s), Qt::LeftButton);
        QCOMPARE(page.suggestions()->pendingDecisions().size(), 1);
        QCOMPARE(page.suggestionList()->topLevelItemCount(), 0);

        page.document.setValue(RequestDocument::Field::Title, u"Edited"_s);
        const Result<Request> created = m_store->createRequest(page.document.request());
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        page.document.markSaved(created.value());
        QVERIFY(page.suggestions()->pendingDecisions().isEmpty());
        const auto decisions = m_store->suggestionDecisions(created->id);
        QVERIFY(decisions.ok());
        QCOMPARE(decisions->size(), 1);
        QCOMPARE(decisions->constFirst().action, SuggestionDecision::Action::Dismissed);
        QCOMPARE(decisions->constFirst().text, u"someone@example.org"_s);
    }

    // Typing is never held up by the scan: suggestions appear once typing pauses.
    void suggestionsFollowTyping()
    {
        Page page(m_store.get());
        page.document.load(sampleRequest(QString()));
        QVERIFY(QTest::qWaitForWindowExposed(&page.panel));
        QCOMPARE(page.suggestionList()->topLevelItemCount(), 0);
        page.answer()->setFocus(Qt::OtherFocusReason);
        typeText(page.answer(), u"Ring 01632 960123 please."_s);
        QCOMPARE(page.question(0).answer, u"Ring 01632 960123 please."_s);
        QTRY_COMPARE(column(page.suggestionList(), 1), QStringList{u"01632 960123"_s});
        QVERIFY(page.question(0).redactions.isEmpty()); // never applied without a click
    }

    // In the editor as the window shows it, at a laptop's size: the answer, the disposition,
    // the exemptions and both lists are all in view at once, none squeezed to nothing. With
    // FOIDESK_SCREENSHOT_DIR set, the page is also saved there for a person to look at.
    void questionsPageShowsEverythingAtOnce()
    {
        addStaff(u"Ann Lee"_s, u"Officer"_s, false);
        Request request = sampleRequest(
            u"The chatbot was approved by Ann Lee (Digital Services Officer) on 3 May 2025 "
            u"after a demonstration by the supplier. Queries about the pilot went to "
            u"pilot-team@example.gov.uk or 020 7946 0018.\n\nThe supplier's day rate was "
            u"£950; the total cost to date is £27,500."_s);
        const QString &answer = request.questions[0].answer;
        request.questions[0].redactions = {Redaction{answer.indexOf(u"£950"_s), 4, u"s43(2)"_s}};
        request.questions[0].disposition = Disposition::PartWithheld;
        request.questions[1].disposition = Disposition::Withheld;
        request.questions[1].exemptions = {u"s43(2)"_s};
        const Result<Request> created = m_store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

        RequestEditor editor(m_store.get());
        editor.resize(760, 860);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *panel = editor.findChild<QuestionsPanel *>();
        QVERIFY(panel);
        QVERIFY(editor.openRequest(created->id));
        auto *tabs = editor.findChild<QTabWidget *>(u"editorTabs"_s);
        tabs->setCurrentWidget(panel);
        QApplication::processEvents();

        auto *answerEdit = panel->findChild<QPlainTextEdit *>(u"answerEdit"_s);
        auto *redactions = panel->findChild<QTreeWidget *>(u"redactionList"_s);
        auto *suggestions = panel->findChild<QTreeWidget *>(u"suggestionList"_s);
        auto *withholding = panel->findChild<QTabWidget *>(u"withholdingTabs"_s);
        QCOMPARE(highlighted(answerEdit), QStringList{u"£950"_s});
        QCOMPARE(redactions->topLevelItemCount(), 1);
        QVERIFY(suggestions->topLevelItemCount() >= 3); // the name, the email, the phone
        const int line = answerEdit->fontMetrics().lineSpacing();
        QVERIFY(answerEdit->isVisible());
        QVERIFY2(answerEdit->height() >= 4 * line,
                 qPrintable(QString::number(answerEdit->height())));
        QVERIFY(withholding->isVisible());
        QVERIFY2(redactions->height() >= 3 * line,
                 qPrintable(QString::number(redactions->height())));
        QVERIFY(panel->findChild<QComboBox *>(u"dispositionCombo"_s)->isVisible());
        QVERIFY(panel->findChild<QPushButton *>(u"chooseExemptionsButton"_s)->isVisible());

        // The question's fields fit the page: no scrolling to reach the Redact button.
        auto *redactButton = panel->findChild<QToolButton *>(u"redactButton"_s);
        auto *form = qobject_cast<QScrollArea *>(
            redactButton->parentWidget()->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(form);
        QVERIFY(!form->verticalScrollBar()->isVisible());
        QVERIFY(form->viewport()->rect().contains(
            redactButton->mapTo(form->viewport(), redactButton->rect().bottomRight())));
        const QString folder = qEnvironmentVariable("FOIDESK_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            editor.grab().save(folder + u"/editorui-redactions.png"_s);
            withholding->setCurrentIndex(1);
            QApplication::processEvents();
            editor.grab().save(folder + u"/editorui-suggestions.png"_s);
            panel->setCurrentRow(1);
            QApplication::processEvents();
            editor.grab().save(folder + u"/editorui-withheld-in-full.png"_s);
            ExemptionChooser chooser(panel->catalogue(),
                                     Regime::FOIA,
                                     {u"s43(2)"_s},
                                     ExemptionChooser::Mode::Several,
                                     &editor);
            chooser.show();
            QApplication::processEvents();
            chooser.grab().save(folder + u"/editorui-chooser.png"_s);
        }
        // The second question is withheld in full: its banner says the answer is not sent.
        panel->setCurrentRow(1);
        auto *banner = panel->findChild<QLabel *>(u"withheldBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"s43(2)"_s));
    }

private:
    void addStaff(const QString &name, const QString &grade, bool senior)
    {
        StaffMember member;
        member.name = name;
        member.jobTitle = u"Staff"_s;
        member.grade = grade;
        member.senior = senior;
        const Result<StaffMember> saved = m_store->saveStaffMember(member);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    }

    static void chooseExemptionWithDialog(Page &page, const QString &filter)
    {
        useChooser(filter, true);
        QTest::mouseClick(page.child<QPushButton>(u"chooseExemptionsButton"_s), Qt::LeftButton);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

QTEST_MAIN(TestRedactionUi)
#include "tst_redactionui.moc"
