#pragma once

// The request editor beside the letter preview and the letter actions, on a fresh log holding
// the test authority's profile: what the letter and refusal tests drive, set up one way.

#include "letter/LetterActions.h"
#include "letter/LetterPreviewPane.h"
#include "editor/RequestEditor.h"
#include "profile/OrganisationProfile.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <memory>

namespace foidesk {

struct EditorWithPreview
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<Store> store;
    std::unique_ptr<QWidget> host;
    RequestEditor *editor = nullptr;
    LetterPreviewPane *pane = nullptr;
    LetterActions *actions = nullptr;

    // Call from init(); a failed step fails the test (check QTest::currentTestFailed()).
    void setUp(const QSize &size)
    {
        dir = std::make_unique<QTemporaryDir>();
        QVERIFY(dir->isValid());
        settings = std::make_unique<AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
        auto opened = Store::open(dir->filePath(QStringLiteral("log.sqlite")));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        store = std::move(opened).value();
        const auto profile = OrganisationProfile::readFile(
            QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json"));
        QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
        const Result<void> saved = store->saveProfile(profile.value());
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));

        host = std::make_unique<QWidget>();
        editor = new RequestEditor(store.get(), host.get());
        pane = new LetterPreviewPane(host.get());
        actions = new LetterActions(settings.get(), host.get());
        auto *layout = new QHBoxLayout(host.get());
        layout->addWidget(editor, 1);
        layout->addWidget(pane, 1);
        pane->setSource(store.get(), editor->document());
        actions->setSource(store.get(), editor->document());
        QObject::connect(
            actions, &LetterActions::finalLetterChecked, editor, &RequestEditor::recordReleaseCheck);
        host->resize(size);
        host->show();
        QApplication::setActiveWindow(host.get());
        QVERIFY(QTest::qWaitForWindowActive(host.get()));
    }

    // Call from cleanup(): the widgets go before the log they show.
    void tearDown()
    {
        host.reset();
        store.reset();
        settings.reset();
        dir.reset();
    }

    // Stores request in the log and opens it in the editor.
    void openInEditor(const Request &request)
    {
        const auto created = store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        QVERIFY(editor->openRequest(created->id));
    }
};

} // namespace foidesk
