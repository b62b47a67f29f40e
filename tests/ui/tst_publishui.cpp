#include "MainWindow.h"
#include "exchange/RequestFingerprint.h"
#include "publish/PublishActions.h"
#include "release/WithheldText.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

template <typename T>
void whenModal(std::function<void(T *)> act, bool *handled, int triesLeft = 400)
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

} // namespace

// File > Publish Disclosure Log...: the folder is remembered, the result lists what the gate
// kept out and why.
class TestPublishUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    Request sentRequest(Store &log, const QString &reference, bool notForPublication)
    {
        Request r;
        r.reference = reference;
        r.title = u"Parking permits issued"_s;
        r.received = QDate(2024, 2, 5);
        r.status = RequestStatus::InProgress;
        r.requester = {u"Pat Example"_s, u"pat@example.net"_s, u"3 Mill Lane\nNorthmoor"_s};
        r.notForPublication = notForPublication;
        r.notForPublicationReason = u"The requester's own parking record."_s;
        Question q;
        q.text = u"How many permits did you issue in 2023?"_s;
        q.answer = u"1,204 permits."_s;
        r.questions = {q};
        Result<Request> stored = log.createRequest(r);
        if (!stored)
            return {};
        MoveInput sending;
        sending.sentPdf = QByteArrayLiteral("%PDF-1.4 the letter as sent");
        sending.sentOn = QDate(2024, 2, 20);
        Result<Request> sent = log.applyMove(stored->id, WorkflowMove::MarkSent, sending);
        return sent ? sent.value() : Request();
    }

private Q_SLOTS:
    void initTestCase() { installAppTranslations(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
        auto opened = Store::open(m_dir->filePath(u"log.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        std::unique_ptr<Store> log = std::move(opened).value();
        QCOMPARE(sentRequest(*log, u"PUB-1"_s, false).status, RequestStatus::Sent);
        QCOMPARE(sentRequest(*log, u"PUB-2"_s, true).status, RequestStatus::Sent);
        m_window = std::make_unique<MainWindow>(std::move(log), m_settings.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void publishesFromTheFileMenuAndListsWhatWasKeptOut()
    {
        auto *action = m_window->findChild<QAction *>(u"publishLogAction"_s);
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        auto *fileMenu = m_window->findChild<QMenu *>(u"fileMenu"_s);
        QVERIFY(fileMenu && fileMenu->actions().contains(action));

        const QString site = m_dir->filePath(u"site"_s);
        QString offered;
        m_window->publishActions()->setFolderChooser([&](const QString &last) {
            offered = last;
            return site;
        });
        QString text;
        QString details;
        bool handled = false;
        whenModal<QMessageBox>(
            [&](QMessageBox *box) {
                QCOMPARE(box->objectName(), u"publishResultBox"_s);
                text = box->text();
                details = box->detailedText();
                box->accept();
            },
            &handled);
        action->trigger();
        QTRY_VERIFY(handled);
        QVERIFY2(text.contains(u"1 request published"_s), qPrintable(text));
        QVERIFY2(details.contains(u"PUB-2"_s), qPrintable(details));
        QVERIFY2(details.contains(u"own parking record"_s), qPrintable(details));
        // The log's profile cannot make a final letter yet: the page goes without it, and the
        // result says why.
        QVERIFY2(details.contains(u"PUB-1 is published without its letter"_s), qPrintable(details));
        QVERIFY(QFile::exists(site + u"/index.html"_s));
        QVERIFY(QFile::exists(site + u"/requests/PUB-1.html"_s));
        QVERIFY(!QFile::exists(site + u"/requests/PUB-2.html"_s));
        QCOMPARE(m_settings->lastPublishFolder(), site);

        // The next time the folder last used is offered.
        handled = false;
        whenModal<QMessageBox>([](QMessageBox *box) { box->accept(); }, &handled);
        action->trigger();
        QTRY_VERIFY(handled);
        QCOMPARE(offered, site);
    }

    void cancellingTheProgressLeavesNoSite()
    {
        const QString site = m_dir->filePath(u"cancelled"_s);
        m_window->publishActions()->setFolderChooser([&](const QString &) { return site; });
        bool handled = false;
        // Runs in the first progress report, while the progress dialog is up: Cancel.
        QTimer::singleShot(0, qApp, [this, &handled] {
            if (auto *progress = m_window->findChild<QProgressDialog *>(u"publishProgress"_s)) {
                progress->cancel();
                handled = true;
            }
        });
        QVERIFY(!m_window->publishActions()->publish());
        QVERIFY(handled);
        QVERIFY(!QFile::exists(site + u"/index.html"_s));
        const QStringList left =
            QDir(m_dir->path()).entryList({u".cancelled*"_s}, QDir::AllEntries | QDir::Hidden);
        QCOMPARE(left, QStringList());
    }
};

QTEST_MAIN(TestPublishUi)
#include "tst_publishui.moc"
