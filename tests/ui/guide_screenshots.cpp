// Makes the pictures of the user guide (docs/guide/*.png) from the real window, so that they
// show the program as it is. Run by scripts/guide-screenshots.sh under a virtual display at a
// fixed size; not a test.
//
//   guide_screenshots OUTPUT_FOLDER

#include "MainWindow.h"
#include "backup/RestoreBackupDialog.h"
#include "editor/RequestEditor.h"
#include "exchange/ExampleRequests.h"
#include "listing/RequestListModel.h"
#include "requestlist/RequestListPanel.h"
#include "search/SearchPanel.h"
#include "settings/BankHolidaysDialog.h"
#include "settings/SettingsDialog.h"
#include "settings/StaffRegisterDialog.h"
#include "store/Backups.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "util/Translations.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QString outputFolder;
int failures = 0;

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(60);
    }
}

void save(QWidget *widget, const QString &name)
{
    settle();
    const QString path = QDir(outputFolder).filePath(name + u".png"_s);
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "guide_screenshots: %s was not written\n", qPrintable(path));
        ++failures;
        return;
    }
    std::printf("%s\n", qPrintable(QDir::toNativeSeparators(path)));
}

// The example requests, one of them with a name withheld under section 40(2).
bool fillLog(Store &store)
{
    const Result<QList<Request>> examples = ExampleRequests::load();
    if (!examples)
        return false;
    for (Request request : *examples) {
        if (request.reference == u"EX-2026-101"_s && request.questions.size() > 1) {
            Question &question = request.questions[1];
            const QString name = u"Priya Shah"_s;
            question.answer = u"312 were cancelled after an informal challenge. Challenges are "
                              "decided by Priya Shah, Parking Appeals Officer."_s;
            question.disposition = Disposition::PartWithheld;
            question.redactions = {
                Redaction{question.answer.indexOf(name), name.size(), u"s40(2)"_s}};
        }
        if (!store.importRequest(request, false))
            return false;
    }
    StaffMember member;
    member.name = u"Priya Shah"_s;
    member.jobTitle = u"Parking Appeals Officer"_s;
    member.grade = u"SO1"_s;
    store.saveStaffMember(member);
    member = StaffMember();
    member.name = u"Alex Morgan"_s;
    member.jobTitle = u"Head of Parking Services"_s;
    member.grade = u"PO6"_s;
    member.senior = true;
    store.saveStaffMember(member);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    AppSettings::applyApplicationIdentity();
    installAppTranslations();
    if (argc != 2) {
        std::fprintf(stderr, "usage: guide_screenshots OUTPUT_FOLDER\n");
        return 1;
    }
    outputFolder = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(outputFolder);

    // The default log of the (empty, throw-away) home folder the script gives: the status bar
    // then shows the path a user would see.
    QTemporaryDir work;
    AppSettings settings(work.filePath(u"settings.ini"_s));
    const QString log = Store::defaultPath();
    QFile::remove(log);
    auto opened = Store::open(log);
    if (!opened || !fillLog(**opened)) {
        std::fprintf(stderr, "guide_screenshots: the example log could not be made\n");
        return 2;
    }

    MainWindow window(std::move(opened).value(), &settings);
    window.resize(1366, 768);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 2;
    // Open the parking request as a click in the list does.
    const qint64 parking = window.store()->findReference(u"EX-2026-101"_s).value().value_or(0);
    QTableView *list = window.listPanel()->view();
    const QModelIndex row = list->model()->index(window.listModel()->rowOfId(parking), 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
    settle();
    save(&window, u"main-window"_s);

    // Search the Log (Ctrl+F) over the examples, one result showing the withheld name.
    if (QAction *find = window.findChild<QAction *>(u"findAction"_s)) {
        find->trigger();
        SearchPanel *search = window.searchPanel();
        search->searchEdit()->setText(u"challenge"_s);
        search->searchNow();
        settle();
        save(&window, u"search"_s);
        window.findChild<QDockWidget *>(u"searchDock"_s)->hide();
    }

    // With the preview hidden (F8), as one would to give the answers room.
    auto *preview = window.findChild<QDockWidget *>(u"letterPreviewDock"_s);
    preview->hide();
    auto *tabs = window.findChild<QTabWidget *>(u"editorTabs"_s);
    tabs->setCurrentIndex(1);
    if (auto *questions = window.findChild<QListView *>(u"questionList"_s))
        questions->setCurrentIndex(questions->model()->index(1, 0));
    save(&window, u"questions"_s);
    tabs->setCurrentIndex(0);
    preview->show();

    {
        SettingsDialog dialog(window.store(), &window);
        dialog.show();
        auto *pages = dialog.findChild<QTabWidget *>(u"settingsTabs"_s);
        save(&dialog, u"settings-organisation"_s);
        pages->setCurrentIndex(2);
        save(&dialog, u"settings-letter-wording"_s);
    }
    {
        StaffRegisterDialog dialog(window.store(), &window);
        dialog.show();
        save(&dialog, u"staff-register"_s);
    }
    {
        // A day proclaimed after this version was made, beside the built-in ones.
        BankHolidaysDialog dialog(window.store(), &window);
        dialog.resize(760, 520);
        dialog.show();
        QList<Holiday> days;
        for (const Nation nation :
             {Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland})
            days.append(Holiday{QDate(2027, 6, 4), u"Proclaimed bank holiday"_s, nation});
        dialog.addDays(days);
        save(&dialog, u"bank-holidays"_s);
    }
    {
        const QString folder = window.backupFolder();
        Backups::backupNow(*window.store(), folder, QDateTime::currentDateTime().addDays(-1));
        Backups::dailyBackupIfDue(*window.store(), folder);
        RestoreBackupDialog dialog(folder, folder, &window);
        dialog.show();
        save(&dialog, u"restore-backup"_s);
    }
    return failures == 0 ? 0 : 2;
}
