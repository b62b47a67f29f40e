// Search the Log driven as a person would: Ctrl+F, typing, the arrow keys, Enter and Escape,
// over a fresh log of a few requests for each test. What is asserted is what the user sees:
// the message under the box, the rows of the results, the request and question the editor
// shows afterwards.

#include "MainWindow.h"
#include "editor/RequestEditor.h"
#include "requestlist/RequestListPanel.h"
#include "search/SearchPanel.h"
#include "search/SearchResultDelegate.h"
#include "search/SearchResultsModel.h"
#include "store/Store.h"
#include "support/RequestBuilder.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLineEdit>
#include <QListView>
#include <QPalette>
#include <QScreen>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <memory>

using namespace foidesk;

namespace {

Question answered(const QString &text, const QString &answer)
{
    return test::makeQuestion(QString(), QString(), text, answer);
}

} // namespace

class TestSearchPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void findOpensThePanelAndFilterListFocusesTheFilter();
    void findsAWordOfAnAnswer();
    void findsAPrefixAndAPhrase();
    void findsWordsWithoutTheirAccents();
    void neverFindsTheRequester();
    void noResultsSaysSo();
    void withheldTextIsMarked();
    void answerWithheldInFullIsMarkedWhole();
    void enterOpensTheRequestAtTheQuestion();
    void aRequestResultOpensTheRequest();
    void resultsFollowTheLog();
    void deletedMeanwhileIsSaid();
    void escapeClosesAndGivesTheFocusBack();
    void screenshots();

private:
    QString logPath() const { return m_dir->filePath(QStringLiteral("log.sqlite")); }
    void openWindow();
    SearchPanel *panel() const { return m_window->searchPanel(); }
    QLineEdit *searchEdit() const { return panel()->searchEdit(); }
    QListView *results() const { return panel()->resultsView(); }
    // Ctrl+F, then types text into the box and waits for the results to follow.
    void search(const QString &text);
    // The references of the results, in order, with the question: "FOI-1/2" or "FOI-1/-".
    QStringList shown() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_trees = 0;
    qint64 m_parking = 0;
};

void TestSearchPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setBackupFolder(m_dir->filePath(QStringLiteral("backups")));

    auto opened = Store::open(logPath());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    std::unique_ptr<Store> store = std::move(opened).value();

    Request trees = test::RequestBuilder(QStringLiteral("FOI-2024-017"), QDate(2024, 5, 2))
                        .title(QStringLiteral("Street trees"))
                        .requester(QStringLiteral("Zebedee Quartermain"))
                        .question(answered(QStringLiteral("How many trees were planted?"),
                                           QStringLiteral("We planted 412 oak saplings in 2023.")))
                        .question(answered(QStringLiteral("Who inspects them?"),
                                           QStringLiteral("The arboricultural officer, yearly.")))
                        .question(answered(QStringLiteral("Which contractor did the work?"),
                                           QStringLiteral("Greenway Landscapes Ltd.")));
    trees.requester.email = QStringLiteral("zebedee@example.org");
    const auto storedTrees = store->createRequest(trees);
    QVERIFY2(storedTrees.ok(), qPrintable(storedTrees.errorMessage()));
    m_trees = storedTrees->id;

    Question withheld = answered(QStringLiteral("Who handled my complaint?"),
                                 QStringLiteral("It was handled by Eleri Vaughan in the team."));
    withheld.disposition = Disposition::PartWithheld;
    const QString name = QStringLiteral("Eleri Vaughan");
    withheld.redactions = {{withheld.answer.indexOf(name), name.size(), QStringLiteral("s40(2)")}};
    Question wholly = answered(QStringLiteral("What did the enforcement contract cost?"),
                               QStringLiteral("The price agreed was 48,250 pounds a year."));
    wholly.disposition = Disposition::Withheld;
    wholly.exemptions = {QStringLiteral("s43(2)")};
    const Request parking = test::RequestBuilder(QStringLiteral("FOI-2024-031"), QDate(2024, 7, 9))
                                .title(QStringLiteral("Parking permits"))
                                .question(answered(QStringLiteral("Who runs the permit scheme?"),
                                                   QStringLiteral("Siân Price, parking manager.")))
                                .question(withheld)
                                .question(wholly);
    const auto storedParking = store->createRequest(parking);
    QVERIFY2(storedParking.ok(), qPrintable(storedParking.errorMessage()));
    m_parking = storedParking->id;

    m_window = std::make_unique<MainWindow>(std::move(store), m_settings.get());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    // Pictures are drawn on a virtual display without a window manager to make it active.
    if (qEnvironmentVariableIsSet("FOIDESK_SCREENSHOT_DIR"))
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    else
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestSearchPanel::cleanup()
{
    if (m_window && m_window->editor() && m_window->editor()->isModified())
        m_window->editor()->clear();
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestSearchPanel::search(const QString &text)
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(searchEdit()));
    searchEdit()->clear();
    QTest::keyClicks(searchEdit(), text);
    // The results wait for a pause in the typing.
    QTRY_VERIFY(!panel()->message().startsWith(QStringLiteral("Type words")));
    QTest::qWait(SearchPanel::SearchDelayMs * 2);
}

QStringList TestSearchPanel::shown() const
{
    QStringList result;
    const QAbstractItemModel *model = results()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const int question = index.data(SearchResultsModel::QuestionIndexRole).toInt();
        result.append(index.data(SearchResultsModel::ReferenceRole).toString() + QLatin1Char('/')
                      + (question >= 0 ? QString::number(question + 1) : QStringLiteral("-")));
    }
    return result;
}

void TestSearchPanel::findOpensThePanelAndFilterListFocusesTheFilter()
{
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("searchDock"));
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(dock->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(searchEdit()));
    QVERIFY(panel()->message().contains(QStringLiteral("Type words")));

    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(),
                 static_cast<QWidget *>(m_window->listPanel()->filterEdit()));
    auto *filterAction = m_window->findChild<QAction *>(QStringLiteral("filterListAction"));
    QVERIFY(filterAction);
    QCOMPARE(filterAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
}

void TestSearchPanel::findsAWordOfAnAnswer()
{
    search(QStringLiteral("Greenway"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/3")});
    const QModelIndex first = results()->model()->index(0, 0);
    QCOMPARE(first.data(SearchResultsModel::WhereRole).toString(), QStringLiteral("Question 3"));
    QCOMPARE(first.data(SearchResultsModel::TitleRole).toString(), QStringLiteral("Street trees"));
    QCOMPARE(first.data(SearchResultsModel::MatchedWordsRole).toStringList(),
             QStringList{QStringLiteral("Greenway")});
    QVERIFY(!first.data(SearchResultsModel::ShowsWithheldRole).toBool());
    QCOMPARE(panel()->message(), QStringLiteral("1 result. Enter opens the one selected."));

    // What is drawn: the reference, the question and the answer with the word found in bold.
    QTextDocument document;
    QStyleOptionViewItem option;
    option.initFrom(results()->viewport());
    SearchResultDelegate::layOut(document, option, first, 400);
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(QStringLiteral("FOI-2024-017")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Question 3: Which contractor did the work?")),
             qPrintable(text));
    bool boldMatch = false;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().text() == QLatin1String("Greenway"))
                boldMatch = it.fragment().charFormat().fontWeight() == QFont::Bold;
        }
    }
    QVERIFY(boldMatch);
}

void TestSearchPanel::findsAPrefixAndAPhrase()
{
    search(QStringLiteral("arboric"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/2")});

    search(QStringLiteral("\"oak saplings\""));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/1")});
    QCOMPARE(results()->model()->index(0, 0).data(SearchResultsModel::MatchedWordsRole),
             QVariant(QStringList{QStringLiteral("oak saplings")}));

    // The same words out of order are not the phrase.
    search(QStringLiteral("\"saplings oak\""));
    QVERIFY(shown().isEmpty());
}

void TestSearchPanel::findsWordsWithoutTheirAccents()
{
    search(QStringLiteral("Sian"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-031/1")});
    QCOMPARE(results()->model()->index(0, 0).data(SearchResultsModel::MatchedWordsRole),
             QVariant(QStringList{QStringLiteral("Siân")}));
}

void TestSearchPanel::neverFindsTheRequester()
{
    search(QStringLiteral("Quartermain"));
    QVERIFY(shown().isEmpty());
    search(QStringLiteral("zebedee"));
    QVERIFY(shown().isEmpty());
}

void TestSearchPanel::noResultsSaysSo()
{
    search(QStringLiteral("helicopter"));
    QVERIFY(shown().isEmpty());
    QVERIFY2(
        panel()->message().startsWith(QStringLiteral("No request matches \u201chelicopter\u201d.")),
        qPrintable(panel()->message()));

    // Nothing that can be looked for.
    search(QStringLiteral("?!"));
    QVERIFY(shown().isEmpty());
    QVERIFY2(panel()->message().startsWith(QStringLiteral("No request matches \u201c?!\u201d")),
             qPrintable(panel()->message()));

    // Enter with nothing found opens nothing and keeps the message.
    const qint64 before = m_window->editor()->requestId();
    QTest::keyClick(searchEdit(), Qt::Key_Return);
    QCOMPARE(m_window->editor()->requestId(), before);
    QVERIFY(panel()->message().startsWith(QStringLiteral("No request matches")));
}

void TestSearchPanel::withheldTextIsMarked()
{
    search(QStringLiteral("Vaughan"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-031/2")});
    const QModelIndex hit = results()->model()->index(0, 0);
    QVERIFY(hit.data(SearchResultsModel::ShowsWithheldRole).toBool());
    QCOMPARE(hit.data(SearchResultsModel::WithheldWordsRole).toStringList(),
             QStringList{QStringLiteral("Eleri Vaughan")});
    QCOMPARE(hit.data(SearchResultsModel::WithheldExemptionsRole).toStringList(),
             QStringList{QStringLiteral("s40(2)")});
    const QString tip = hit.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("withheld under s40(2)")), qPrintable(tip));
    QVERIFY(hit.data(Qt::DisplayRole).toString().contains(QStringLiteral("shows withheld text")));

    // Drawn with a Withheld badge, and the withheld words underlined in their own colour.
    QTextDocument document;
    QStyleOptionViewItem option;
    option.initFrom(results()->viewport());
    SearchResultDelegate::layOut(document, option, hit, 400);
    const QString firstLine = document.firstBlock().text();
    QVERIFY2(firstLine.contains(QStringLiteral("\u00a0Withheld\u00a0")), qPrintable(firstLine));
    QString underlined;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().underlineStyle() == QTextCharFormat::DashUnderline)
                underlined += it.fragment().text();
        }
    }
    QCOMPARE(underlined, QStringLiteral("Eleri Vaughan"));

    // Words that are not withheld are not marked so.
    search(QStringLiteral("complaint"));
    const QModelIndex question = results()->model()->index(0, 0);
    QCOMPARE(question.data(SearchResultsModel::WithheldWordsRole).toStringList(),
             QStringList{QStringLiteral("Eleri Vaughan")});
    QCOMPARE(question.data(SearchResultsModel::MatchedWordsRole).toStringList(),
             QStringList{QStringLiteral("complaint")});
}

void TestSearchPanel::answerWithheldInFullIsMarkedWhole()
{
    search(QStringLiteral("agreed"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-031/3")});
    const QModelIndex hit = results()->model()->index(0, 0);
    QVERIFY(hit.data(SearchResultsModel::ShowsWithheldRole).toBool());
    QCOMPARE(hit.data(SearchResultsModel::WithheldWordsRole).toStringList(),
             QStringList{QStringLiteral("The price agreed was 48,250 pounds a year.")});
    QCOMPARE(hit.data(SearchResultsModel::WithheldExemptionsRole).toStringList(),
             QStringList{QStringLiteral("s43(2)")});
    QVERIFY(hit.data(Qt::ToolTipRole).toString().contains(QStringLiteral("under s43(2)")));
}

void TestSearchPanel::aRequestResultOpensTheRequest()
{
    search(QStringLiteral("Street"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/-")});
    const QModelIndex hit = results()->model()->index(0, 0);
    QCOMPARE(hit.data(SearchResultsModel::WhereRole).toString(), QStringLiteral("Request"));
    QCOMPARE(hit.data(SearchResultsModel::MatchedWordsRole).toStringList(),
             QStringList{QStringLiteral("Street")});
    QTest::keyClick(searchEdit(), Qt::Key_Return);
    QCOMPARE(m_window->editor()->requestId(), m_trees);
    QVERIFY(!m_window->editor()->questionsShown());
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Opened request FOI-2024-017"));
}

void TestSearchPanel::enterOpensTheRequestAtTheQuestion()
{
    search(QStringLiteral("contractor"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/3")});
    QTest::keyClick(searchEdit(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(results()));
    QCOMPARE(results()->currentIndex().row(), 0);
    QTest::keyClick(results(), Qt::Key_Return);

    RequestEditor *editor = m_window->editor();
    QTRY_COMPARE(editor->requestId(), m_trees);
    QVERIFY(editor->questionsShown());
    QCOMPARE(editor->currentQuestionRow(), 2);
    QCOMPARE(m_window->listPanel()->currentRequestId(), m_trees);
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Opened request FOI-2024-017 at question 3"));

    // Enter in the box opens the first result straight away, even before the pause.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(searchEdit()));
    QTest::keyClicks(searchEdit(), QStringLiteral("complaint"));
    QTest::keyClick(searchEdit(), Qt::Key_Return);
    QCOMPARE(editor->requestId(), m_parking);
    QCOMPARE(editor->currentQuestionRow(), 1);

    // A double click opens a result too.
    search(QStringLiteral("arboricultural"));
    const QRect rect = results()->visualRect(results()->model()->index(0, 0));
    QTest::mouseClick(results()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(results()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(editor->requestId(), m_trees);
    QCOMPARE(editor->currentQuestionRow(), 1);
}

void TestSearchPanel::resultsFollowTheLog()
{
    search(QStringLiteral("hornbeam"));
    QVERIFY(shown().isEmpty());

    // A save elsewhere in the window: the results follow without typing again.
    auto stored = m_window->store()->loadRequest(m_trees);
    QVERIFY(stored.ok());
    Request changed = stored.value();
    changed.questions[0].answer = QStringLiteral("We planted 412 hornbeam saplings in 2023.");
    QVERIFY(m_window->store()->saveRequest(changed).ok());
    QTRY_COMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/1")});

    // Changed outside the window (the command line): Refresh (F5) searches again.
    search(QStringLiteral("sycamore"));
    QVERIFY(shown().isEmpty());
    {
        auto other = Store::open(logPath());
        QVERIFY2(other.ok(), qPrintable(other.errorMessage()));
        Request outside = (*other)->loadRequest(m_trees).value();
        outside.questions[1].answer = QStringLiteral("The sycamore survey team.");
        QVERIFY((*other)->saveRequest(outside).ok());
    }
    QTest::keyClick(searchEdit(), Qt::Key_F5);
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-017/2")});

    // Deleted here: the result goes.
    stored = m_window->store()->loadRequest(m_trees);
    QVERIFY(m_window->store()->deleteRequest(m_trees, stored->revision).ok());
    QTRY_VERIFY(shown().isEmpty());
    QVERIFY(panel()->message().startsWith(QStringLiteral("No request matches")));
}

void TestSearchPanel::deletedMeanwhileIsSaid()
{
    search(QStringLiteral("Vaughan"));
    QCOMPARE(shown(), QStringList{QStringLiteral("FOI-2024-031/2")});

    // Deleted by someone else (the command line, another window): this window hears nothing.
    {
        auto other = Store::open(logPath());
        QVERIFY2(other.ok(), qPrintable(other.errorMessage()));
        const auto stored = (*other)->loadRequest(m_parking);
        QVERIFY(stored.ok());
        QVERIFY((*other)->deleteRequest(m_parking, stored->revision).ok());
    }
    QCOMPARE(shown().size(), 1);
    const qint64 before = m_window->editor()->requestId();
    QTest::keyClick(searchEdit(), Qt::Key_Down);
    QTest::keyClick(results(), Qt::Key_Return);
    QVERIFY2(
        panel()->message().contains(QStringLiteral("Request FOI-2024-031 is no longer in the log")),
        qPrintable(panel()->message()));
    QCOMPARE(m_window->editor()->requestId(), before);
    // And the results are searched again, so the gone request is no longer offered.
    QVERIFY(shown().isEmpty());
}

void TestSearchPanel::escapeClosesAndGivesTheFocusBack()
{
    QLineEdit *filter = m_window->listPanel()->filterEdit();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(filter));
    search(QStringLiteral("trees"));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("searchDock"));
    QTest::keyClick(searchEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!dock->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(filter));

    // Escape from the results after opening one comes back to the request opened.
    search(QStringLiteral("contractor"));
    QTest::keyClick(searchEdit(), Qt::Key_Down);
    QTest::keyClick(results(), Qt::Key_Return);
    QTRY_COMPARE(m_window->editor()->requestId(), m_trees);
    QTest::keyClick(results(), Qt::Key_Escape);
    QTRY_VERIFY(!dock->isVisible());
    // Into the question list of the request opened, at the question found.
    QTRY_VERIFY(m_window->editor()->isAncestorOf(QApplication::focusWidget()));
    QVERIFY2(QApplication::focusWidget()->objectName() == QLatin1String("questionList"),
             qPrintable(QApplication::focusWidget()->objectName()));
}

// Pictures of the panel for a person to look at: only when FOIDESK_SCREENSHOT_DIR is set.
void TestSearchPanel::screenshots()
{
    const QString folder = qEnvironmentVariable("FOIDESK_SCREENSHOT_DIR");
    if (folder.isEmpty())
        QSKIP("Set FOIDESK_SCREENSHOT_DIR to write pictures of the panel.");
    const auto show = [this](const QString &text, int row) {
        m_window->findChild<QAction *>(QStringLiteral("findAction"))->trigger();
        searchEdit()->setText(text);
        panel()->searchNow();
        results()->setCurrentIndex(results()->model()->index(row, 0));
        QTest::qWait(200);
    };
    // The window as a first start leaves it on this screen (run once per screen size).
    const QSize size = QGuiApplication::primaryScreen()->size();
    QTest::qWait(300);
    const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
    show(QStringLiteral("the"), 1);
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/search") + suffix));
    show(QStringLiteral("Vaughan"), 0);
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/search-withheld") + suffix));
    show(QStringLiteral("helicopter"), 0);
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/search-none") + suffix));

    // The same on a dark desktop.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    dark.setColor(QPalette::HighlightedText, QColor(Qt::white));
    QApplication::setPalette(dark);
    show(QStringLiteral("the"), 1);
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/search-dark") + suffix));
    QApplication::setPalette(light);
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
