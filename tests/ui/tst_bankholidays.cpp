// Tools > Bank Holidays, driven as an officer would: add a proclaimed day, see which due dates
// moved, import the government's file, take a day back. The expected dates were counted by hand
// from the GOV.UK bank holiday lists; the count is beside each.
#include "MainWindow.h"
#include "settings/BankHolidaysDialog.h"
#include "settings/SettingsDialog.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

// Runs act on the next modal widget of type T with the given object name, once it is shown.
template <typename T>
void whenModal(const QString &name,
               std::function<void(T *)> act,
               bool *handled,
               int triesLeft = 400)
{
    QTimer::singleShot(10, qApp, [name, act, handled, triesLeft] {
        auto *modal = qobject_cast<T *>(QApplication::activeModalWidget());
        if (modal && (name.isEmpty() || modal->objectName() == name)) {
            act(modal);
            *handled = true;
            return;
        }
        if (triesLeft > 0)
            whenModal<T>(name, act, handled, triesLeft - 1);
    });
}

int rowOf(const QTableWidget *table, const QString &dateText)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->text() == dateText)
            return row;
    }
    return -1;
}

} // namespace

class TestBankHolidays : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    Store *store() const { return m_window->store(); }

    QDate storedDue(const QString &reference) const
    {
        RequestQuery query;
        query.text = reference;
        const Result<QList<RequestSummary>> rows = store()->listRequests(query, 0, 10);
        if (rows) {
            for (const RequestSummary &row : *rows) {
                if (row.reference == reference)
                    return row.due;
            }
        }
        return {};
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
        for (const auto &[reference, received] : {std::pair{u"FOI-MAY"_s, QDate(2027, 5, 4)},
                                                  std::pair{u"FOI-DEC"_s, QDate(2030, 12, 2)}}) {
            Request r;
            r.reference = reference;
            r.title = u"Street lighting repairs"_s;
            r.received = received;
            r.status = RequestStatus::InProgress;
            Question q;
            q.text = u"How many lights were repaired?"_s;
            r.questions = {q};
            QVERIFY(log->createRequest(r));
        }
        m_window = std::make_unique<MainWindow>(std::move(log), m_settings.get());
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void addAProclaimedDayAndTakeItBack()
    {
        auto *action = m_window->findChild<QAction *>(u"bankHolidaysAction"_s);
        QVERIFY(action);
        auto *tools = m_window->findChild<QMenu *>(u"toolsMenu"_s);
        QVERIFY(tools && tools->actions().contains(action));
        // Received Tue 4 May 2027: Wed 5 May (1) .. Fri 28 May (18), Mon 31 May the Spring
        // bank holiday, Tue 1 June (19), Wed 2 June (20).
        QCOMPARE(storedDue(u"FOI-MAY"_s), QDate(2027, 6, 2));

        bool dialogSeen = false;
        bool addSeen = false;
        bool refusedEmptyName = false;
        bool confirmSeen = false;
        QString changeText;
        QString removedText;
        whenModal<BankHolidaysDialog>(
            u"bankHolidaysDialog"_s,
            [&](BankHolidaysDialog *dialog) {
                auto *years = dialog->findChild<QComboBox *>(u"holidayYearCombo"_s);
                auto *table = dialog->findChild<QTableWidget *>(u"holidayTable"_s);
                auto *add = dialog->findChild<QPushButton *>(u"holidayAddButton"_s);
                auto *remove = dialog->findChild<QPushButton *>(u"holidayRemoveButton"_s);
                QVERIFY(years && table && add && remove);
                years->setCurrentIndex(years->findText(u"2027"_s));
                QCOMPARE(dialog->year(), 2027);
                const int spring = rowOf(table, u"Mon 31 May"_s);
                QVERIFY(spring >= 0);
                QCOMPARE(table->item(spring, 1)->text(), u"Spring bank holiday"_s);
                // Built-in days cannot be taken back.
                table->selectRow(spring);
                QVERIFY(!remove->isEnabled());

                whenModal<QDialog>(
                    u"addHolidayDialog"_s,
                    [&](QDialog *adding) {
                        auto *date = adding->findChild<QLineEdit *>(u"holidayDateEdit"_s);
                        auto *name = adding->findChild<QLineEdit *>(u"holidayNameEdit"_s);
                        auto *ok = adding->findChild<QPushButton *>(u"addHolidayOk"_s);
                        auto *problem = adding->findChild<QLabel *>(u"addHolidayProblem"_s);
                        auto *scotland =
                            adding->findChild<QCheckBox *>(u"holidayNation-scotland"_s);
                        QVERIFY(date && name && ok && problem && scotland);
                        QVERIFY(scotland->isChecked()); // the whole UK unless told otherwise
                        date->setFocus();
                        QTest::keyClicks(date, u"10/05/2027"_s);
                        QTest::mouseClick(ok, Qt::LeftButton);
                        refusedEmptyName = adding->isVisible() && problem->isVisible()
                                           && problem->text().contains(u"name"_s);
                        QTest::keyClicks(name, u"Proclaimed Holiday"_s);
                        QTest::mouseClick(ok, Qt::LeftButton);
                    },
                    &addSeen);
                QTest::mouseClick(add, Qt::LeftButton);
                changeText = dialog->lastChange();

                const int added = rowOf(table, u"Mon 10 May"_s);
                QVERIFY(added >= 0);
                QCOMPARE(table->item(added, 1)->text(), u"Proclaimed Holiday"_s);
                table->selectRow(added);
                QVERIFY(remove->isEnabled());
                whenModal<QMessageBox>(
                    QString(),
                    [&](QMessageBox *box) {
                        QVERIFY(box->text().contains(u"Proclaimed Holiday"_s));
                        box->button(QMessageBox::Yes)->click();
                    },
                    &confirmSeen);
                QTest::mouseClick(remove, Qt::LeftButton);
                removedText = dialog->lastChange();
                dialog->accept();
            },
            &dialogSeen);
        action->trigger();

        QVERIFY(dialogSeen);
        QVERIFY(addSeen);
        QVERIFY(refusedEmptyName);
        QVERIFY(confirmSeen);
        // The day counted for FOIA: Mon 10 May no longer a working day, so day 20 is Thu 3 June.
        QVERIFY2(changeText.contains(u"3 days added"_s), qPrintable(changeText));
        QVERIFY2(changeText.contains(u"FOI-MAY"_s), qPrintable(changeText));
        QVERIFY2(removedText.contains(u"FOI-MAY"_s), qPrintable(removedText));
        // Taken back: Wed 2 June again, and the history has both moves.
        QCOMPARE(storedDue(u"FOI-MAY"_s), QDate(2027, 6, 2));
        const Result<QList<AuditEntry>> entries = store()->auditTrail(u"FOI-MAY"_s);
        QVERIFY(entries);
        int moves = 0;
        for (const AuditEntry &entry : *entries)
            moves += entry.action == u"due_date_moved"_s ? 1 : 0;
        QCOMPARE(moves, 2);
    }

    void importingTheGovernmentFileCoversANewYear()
    {
        QVERIFY(!storedDue(u"FOI-DEC"_s).isValid());
        BankHolidaysDialog dialog(store(), m_window.get());
        dialog.show();
        QVERIFY(dialog.importFile(u"" FOIDESK_TEST_DATA_DIR "/holidays/bank-holidays-2031.json"_s));
        QVERIFY2(dialog.lastChange().contains(u"2031"_s), qPrintable(dialog.lastChange()));
        QVERIFY2(dialog.lastChange().contains(u"FOI-DEC"_s), qPrintable(dialog.lastChange()));
        // Received Mon 2 December 2030: Tue 3 Dec (1) .. Tue 24 (16), Christmas and Boxing Day,
        // Fri 27 (17), Mon 30 (18), Tue 31 (19), New Year's Day, Thu 2 January (Scotland's
        // 2nd January), Fri 3 January 2031 (20).
        QCOMPARE(storedDue(u"FOI-DEC"_s), QDate(2031, 1, 3));
        auto *years = dialog.findChild<QComboBox *>(u"holidayYearCombo"_s);
        QVERIFY(years->findText(u"2031"_s) >= 0);
    }

    void settingsOpensTheSameDialog()
    {
        // Officers look for the holidays among the settings; the button there opens the log's
        // own dialog, which lists the built-in days.
        SettingsDialog settings(store(), m_window.get());
        settings.show();
        auto *button = settings.findChild<QPushButton *>(u"settingsBankHolidaysButton"_s);
        QVERIFY(button);
        QVERIFY(button->isVisible());
        bool seen = false;
        int rows = 0;
        whenModal<BankHolidaysDialog>(
            u"bankHolidaysDialog"_s,
            [&](BankHolidaysDialog *dialog) {
                auto *table = dialog->findChild<QTableWidget *>();
                rows = table ? table->rowCount() : 0;
                dialog->reject();
            },
            &seen);
        button->click();
        QVERIFY(seen);
        QVERIFY2(rows > 0, "the dialog shows the holidays of the year");
    }

    void aBadFileIsRefusedAndAddsNothing()
    {
        const QString path = m_dir->filePath(u"page.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE html><title>Bank holidays</title>");
        file.close();
        BankHolidaysDialog dialog(store(), m_window.get());
        dialog.show();
        bool warned = false;
        QString warning;
        whenModal<QMessageBox>(
            QString(),
            [&](QMessageBox *box) {
                warning = box->text();
                box->accept();
            },
            &warned);
        QVERIFY(!dialog.importFile(path));
        QVERIFY(warned);
        QVERIFY2(warning.contains(u"page.json"_s), qPrintable(warning));
        QVERIFY(store()->addedHolidays()->isEmpty());
    }
};

QTEST_MAIN(TestBankHolidays)
#include "tst_bankholidays.moc"
