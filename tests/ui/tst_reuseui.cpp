// Reuse of past answers and round robins driven through the window: typing a question shows
// earlier answers like it on the Answered before tab (withheld passages as their labels), Use
// This Answer copies one in with its withheld passage and a note of where it came from, Undo
// takes it back; a request that is part of a round robin says so and links to the others.

#include "MainWindow.h"
#include "editing/RequestDocument.h"
#include "editor/RequestEditor.h"
#include "requestlist/RequestListPanel.h"
#include "search/AnsweredBeforePanel.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"
#include "util/AppSettings.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUrl>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString WithheldName = u"Mrs Eleri Vaughan-Price"_s;

} // namespace

class TestReuseUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installAppTranslations(); }
    void init();
    void cleanup();

    void typingAQuestionOffersTheEarlierAnswer();
    void aRoundRobinLinksItsRequests();

private:
    template <typename T> T *find(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_first = 0;
    qint64 m_second = 0;
};

void TestReuseUi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_settings->setBackupFolder(m_dir->filePath(u"backups"_s));
    auto opened = Store::open(m_dir->filePath(u"log.sqlite"_s));
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    std::unique_ptr<Store> store = std::move(opened).value();

    Question camera;
    camera.text = u"Which officer approved the purchase of the parking enforcement cameras?"_s;
    camera.answer = u"The purchase was approved by "_s + WithheldName + u", Head of Parking."_s;
    camera.disposition = Disposition::PartWithheld;
    camera.redactions = {{camera.answer.indexOf(WithheldName), WithheldName.size(), u"s40(2)"_s}};
    Request cameras = test::RequestBuilder(u"CAM-1"_s, QDate(2023, 3, 1)).question(camera);
    cameras.responseSent = QDate(2023, 3, 20);
    QVERIFY(store->createRequest(cameras).ok());

    const QStringList survey = {
        u"How many electric vehicle charging points does the council own?"_s,
        u"Which company maintains the council's charging points?"_s,
    };
    Request first = test::RequestBuilder(u"EV-1"_s, QDate(2024, 6, 3)).requester(u"Ann Jones"_s);
    Request second = test::RequestBuilder(u"EV-2"_s, QDate(2024, 6, 24)).requester(u"Huw Rees"_s);
    for (const QString &text : survey) {
        first.questions.append(test::makeQuestion({}, {}, text, {}));
        second.questions.append(test::makeQuestion({}, {}, text, {}));
    }
    m_first = store->createRequest(first)->id;
    m_second = store->createRequest(second)->id;

    m_window = std::make_unique<MainWindow>(std::move(store), m_settings.get());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestReuseUi::cleanup()
{
    if (m_window && m_window->editor() && m_window->editor()->isModified())
        m_window->editor()->clear();
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestReuseUi::typingAQuestionOffersTheEarlierAnswer()
{
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    RequestEditor *editor = m_window->editor();
    QTRY_VERIFY(editor->hasRequest());
    auto *tabs = find<QTabWidget>(u"editorTabs"_s);
    tabs->setCurrentIndex(1);
    // A new request starts with one empty question.
    QTRY_COMPARE(editor->document()->questionCount(), 1);

    auto *text = find<QPlainTextEdit>(u"questionTextEdit"_s);
    auto *panel = find<AnsweredBeforePanel>(u"answeredBeforePanel"_s);
    auto *bottom = find<QTabWidget>(u"withholdingTabs"_s);
    QVERIFY(text && panel && bottom);
    QCOMPARE(bottom->tabText(bottom->indexOf(panel)), u"Answered before (0)"_s);
    text->setFocus();
    QTest::keyClicks(text, u"Who approved buying the parking enforcement cameras?"_s);
    QTRY_COMPARE(panel->found().size(), 1);
    QCOMPARE(bottom->tabText(bottom->indexOf(panel)), u"Answered before (1)"_s);

    // The earlier answer is shown with its withheld passage as the label only.
    const QString shown = panel->view()->toPlainText();
    QVERIFY2(shown.contains(u"Answered before in CAM-1, 20 March 2023"_s), qPrintable(shown));
    QVERIFY(shown.contains(u"[withheld: s40(2)]"_s));
    QVERIFY(shown.contains(u", Head of Parking."_s)); // control: the answer's own words are there
    QVERIFY(!shown.contains(WithheldName));

    // Use This Answer: the answer with its withheld passage, and where it came from.
    Q_EMIT panel->view()->anchorClicked(QUrl(u"use:0"_s));
    auto *answer = find<QPlainTextEdit>(u"answerEdit"_s);
    QTRY_VERIFY(answer->toPlainText().contains(WithheldName));
    const Question copied = editor->document()->question(0);
    QCOMPARE(copied.redactions.size(), 1);
    QCOMPARE(copied.answer.mid(copied.redactions.first().start, copied.redactions.first().length),
             WithheldName);
    QCOMPARE(copied.reusedFrom.reference, u"CAM-1"_s);
    auto *note = find<QLabel>(u"answerSourceNote"_s);
    QTRY_VERIFY(note->isVisible());
    QVERIFY(
        note->text().contains(u"copied from request CAM-1, question 1, answered 20 March 2023"_s));

    // Undo takes it back in one step.
    answer->setFocus();
    QTest::keyClick(answer, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(answer->toPlainText().isEmpty());
    QVERIFY(editor->document()->question(0).redactions.isEmpty());
    QTRY_VERIFY(!note->isVisible());
}

void TestReuseUi::aRoundRobinLinksItsRequests()
{
    QVERIFY(m_window->editor()->openRequest(m_first));
    RequestEditor *editor = m_window->editor();
    QTRY_COMPARE(editor->requestId(), m_first);
    auto *label = find<QLabel>(u"roundRobinLabel"_s);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(u">EV-2</a> (received 24 June 2024)"_s),
             qPrintable(label->text()));

    Q_EMIT label->linkActivated(u"open:%1"_s.arg(m_second));
    QTRY_COMPARE(editor->requestId(), m_second);
    QTRY_VERIFY(label->text().contains(u">EV-1</a>"_s));
    QVERIFY(label->isVisible());
}

QTEST_MAIN(TestReuseUi)
#include "tst_reuseui.moc"
