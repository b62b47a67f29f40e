// File > Import Letters: the preview of each letter beside the request to be created, the
// corrections an officer makes, and what is written (all or nothing, marked for checking).

#include "MainWindow.h"
#include "importing/ImportedRequestForm.h"
#include "importing/LetterImportActions.h"
#include "importing/LetterImportDialog.h"
#include "listing/RequestListModel.h"
#include "store/Store.h"
#include "support/ModalBoxes.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>

using namespace foidesk;

namespace {

QString letter(const char *name)
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/import/") + QLatin1String(name);
}

} // namespace

class TestLetterImportDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;

    QString emptyFile()
    {
        const QString path = m_dir->filePath(QStringLiteral("empty.txt"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        return path;
    }
    int requestCount()
    {
        const Result<int> count = m_store->countRequests({});
        return count ? *count : -1;
    }
    // The background colour the letter's text has at the first occurrence of text.
    static QColor backgroundAt(QTextEdit *edit, const QString &text)
    {
        const int at = edit->toPlainText().indexOf(text);
        if (at < 0)
            return {};
        QTextCursor cursor(edit->document());
        cursor.setPosition(at + 1);
        return cursor.charFormat().background().color();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = Store::open(m_dir->filePath(QStringLiteral("log.sqlite")));
        QVERIFY(opened.ok());
        m_store = std::move(opened).value();
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    // Each letter is listed; the found fields are highlighted in its text and filled in the
    // form; a file that could not be read says why and cannot be created.
    void preview()
    {
        const auto entries = LetterImportDialog::readFiles(
            {letter("barnet-7012568.txt"), letter("wokingham-tree-report.txt"), emptyFile()});
        LetterImportDialog dialog(m_store.get(), entries);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("letterList"));
        auto *text = dialog.findChild<QTextEdit *>(QStringLiteral("letterText"));
        auto *reference = dialog.findChild<QLineEdit *>(QStringLiteral("importReferenceEdit"));
        auto *received = dialog.findChild<QLineEdit *>(QStringLiteral("importReceivedEdit"));
        auto *questions = dialog.findChild<QTableWidget *>(QStringLiteral("importQuestionsTable"));
        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createRequestButton"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("letterImportError"));
        QVERIFY(list && text && reference && received && questions && create && error);
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->currentRow(), 0);
        QCOMPARE(reference->text(), QStringLiteral("7012568"));
        QCOMPARE(received->text(), QStringLiteral("2021-02-10"));
        QCOMPARE(questions->rowCount(), 4);
        QCOMPARE(questions->item(3, 5)->text(), QStringLiteral("s40(2)"));
        QCOMPARE(backgroundAt(text, QStringLiteral("7012568")), QColor(QStringLiteral("#ffe066")));
        QCOMPARE(backgroundAt(text, QStringLiteral("Who is your social media")),
                 QColor(QStringLiteral("#ffd8a8")));
        QVERIFY(list->item(1)->text().contains(QStringLiteral("needs a reference")));

        list->setCurrentRow(1);
        QVERIFY(reference->text().isEmpty());
        QVERIFY(reference->placeholderText().contains(QStringLiteral("not found")));
        QVERIFY(received->text().isEmpty());

        list->setCurrentRow(2);
        QVERIFY(!create->isEnabled());
        QVERIFY(error->text().contains(QStringLiteral("empty")));
    }

    // A letter saved as Windows-1252 is refused as it stands, and read as Windows-1252 only when
    // the officer asks: then the pound sign and the curly quotes come out right, and the notes
    // say how it was read. A file that is not text gets no such offer.
    void windows1252OnlyWhenAsked()
    {
        QFile source(letter("wokingham-tree-report.txt"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray bytes = source.readAll();
        bytes.prepend("Our ref: LEG-1\n\nCharge: \xA3"
                      "25 (\x93standard\x94).\n\n");
        const QString path = m_dir->filePath(QStringLiteral("legacy.txt"));
        QFile legacy(path);
        QVERIFY(legacy.open(QIODevice::WriteOnly));
        legacy.write(bytes);
        legacy.close();

        const auto entries = LetterImportDialog::readFiles({path, emptyFile()});
        LetterImportDialog dialog(m_store.get(), entries);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("letterList"));
        auto *text = dialog.findChild<QTextEdit *>(QStringLiteral("letterText"));
        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createRequestButton"));
        auto *read = dialog.findChild<QPushButton *>(QStringLiteral("readWindows1252Button"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("letterImportError"));
        auto *notes = dialog.findChild<QLabel *>(QStringLiteral("importNotesLabel"));
        QVERIFY(list && text && create && read && error && notes);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("not read")));
        QVERIFY(!create->isEnabled());
        QVERIFY(read->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("not UTF-8")), qPrintable(error->text()));

        list->setCurrentRow(1);
        QVERIFY(!read->isVisible());
        list->setCurrentRow(0);
        QVERIFY(read->isVisible());

        read->click();
        QVERIFY(!read->isVisible());
        QVERIFY(create->isEnabled());
        QVERIFY(error->text().isEmpty());
        QVERIFY(text->toPlainText().contains(QString::fromUtf8("\u00A325 (\u201Cstandard\u201D)")));
        QVERIFY(notes->text().contains(QStringLiteral("Windows-1252")));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("to check")));
        QCOMPARE(requestCount(), 0);
        create->click();
        QCOMPARE(requestCount(), 1);
    }

    // A letter without a reference is not created until the officer gives one; then it is
    // created with the corrections, marked "imported, check" with the letter's checksum.
    void missingReferenceMustBeGiven()
    {
        const auto entries = LetterImportDialog::readFiles({letter("wokingham-tree-report.txt")});
        LetterImportDialog dialog(m_store.get(), entries);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *reference = dialog.findChild<QLineEdit *>(QStringLiteral("importReferenceEdit"));
        auto *received = dialog.findChild<QLineEdit *>(QStringLiteral("importReceivedEdit"));
        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createRequestButton"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("letterImportError"));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("letterList"));

        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(error->text().contains(QStringLiteral("reference")));
        QTRY_VERIFY(reference->hasFocus());
        QCOMPARE(requestCount(), 0);

        QTest::keyClicks(reference, QStringLiteral("WBC-TREE-1"));
        QTest::keyClicks(received, QStringLiteral("2024-31-01"));
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(error->text().contains(QStringLiteral("YYYY-MM-DD")));
        QCOMPARE(requestCount(), 0);

        received->clear();
        QTest::keyClicks(received, QStringLiteral("2024-01-31"));
        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(requestCount(), 1);
        const Result<Request> stored =
            m_store->loadRequestByReference(QStringLiteral("WBC-TREE-1"));
        QVERIFY(stored.ok());
        QCOMPARE(stored->received, QDate(2024, 1, 31));
        QCOMPARE(stored->regime, Regime::FOIA);
        QCOMPARE(stored->questions.size(), 1);
        QCOMPARE(stored->questions[0].exemptions, QStringList{QStringLiteral("s30")});
        const Result<QList<AuditEntry>> history = m_store->auditTrail(QStringLiteral("WBC-TREE-1"));
        QVERIFY(history.ok());
        QCOMPARE(history->first().action, QStringLiteral("import_letter"));
        QVERIFY(history->first().detail.startsWith(QStringLiteral(
            "imported, check: from the letter wokingham-tree-report.txt (SHA-256 ")));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("created as WBC-TREE-1")));
        QVERIFY(!create->isEnabled());
    }

    // A reference already in the log is replaced only when the officer says so.
    void existingReferenceAsksFirst()
    {
        const auto entries = LetterImportDialog::readFiles({letter("barnet-7012568.txt")});
        {
            LetterImportDialog first(m_store.get(), entries);
            QTest::mouseClick(first.findChild<QPushButton *>(QStringLiteral("createRequestButton")),
                              Qt::LeftButton);
            QCOMPARE(first.createdCount(), 1);
        }
        LetterImportDialog dialog(m_store.get(), entries);
        dialog.show();
        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createRequestButton"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("letterImportError"));
        ModalHandler no(QStringLiteral("replaceImportedRequestBox"), [](QWidget *box) {
            static_cast<QMessageBox *>(box)->button(QMessageBox::No)->click();
        });
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(no.handled());
        QVERIFY(error->text().contains(QStringLiteral("taken")));
        QCOMPARE(dialog.createdCount(), 0);

        ModalHandler yes(QStringLiteral("replaceImportedRequestBox"), [](QWidget *box) {
            static_cast<QMessageBox *>(box)->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(yes.handled());
        QCOMPARE(dialog.createdCount(), 1);
        const Result<QList<AuditEntry>> history = m_store->auditTrail(QStringLiteral("7012568"));
        QCOMPARE(history->first().action, QStringLiteral("replace_letter"));
        QCOMPARE(requestCount(), 1);
    }

    // The window: File > Import Letters... opens the preview, and a request created there
    // appears in the request list.
    void fromTheWindow()
    {
        AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        settings.setBackupFolder(m_dir->filePath(QStringLiteral("backups")));
        MainWindow window(std::move(m_store), &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *fileMenu = window.menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(fileMenu);
        QAction *action = window.findChild<QAction *>(QStringLiteral("importLettersAction"));
        QVERIFY(action && fileMenu->actions().contains(action));

        auto *actions = window.findChild<LetterImportActions *>();
        QVERIFY(actions);
        ModalHandler preview(QStringLiteral("letterImportDialog"), [](QWidget *dialog) {
            QTest::mouseClick(
                dialog->findChild<QPushButton *>(QStringLiteral("createRequestButton")),
                Qt::LeftButton);
            static_cast<QDialog *>(dialog)->reject();
        });
        actions->previewLetters({letter("norfolk-suffolk-004163-18.txt")});
        QVERIFY(preview.handled());
        QTRY_COMPARE(window.listModel()->rowCount(), 1);
    }

    // Not a check: with FOIDESK_SCREENSHOT_DIR set, saves the dialog as the screen shows it,
    // for a person to look at (docs/import.md).
    // Every letter in tests/data/import (the five reference letters and those of other
    // authorities) through the window: a picture of each preview for a person to look at, then
    // each created, a reference given where the letter has none. Runs when asked for pictures.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("FOIDESK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("FOIDESK_SCREENSHOT_DIR is not set");
        QStringList files;
        const QDir letters(QStringLiteral(FOIDESK_TEST_DATA_DIR "/import"));
        for (const QString &name : letters.entryList({QStringLiteral("*.txt"),
                                                      QStringLiteral("*.md"),
                                                      QStringLiteral("*.html"),
                                                      QStringLiteral("*.docx"),
                                                      QStringLiteral("*.pdf")},
                                                     QDir::Files,
                                                     QDir::Name)) {
            if (name != QLatin1String("SOURCES.md"))
                files.append(letters.filePath(name));
        }
        QVERIFY(files.size() >= 15);
        const auto entries = LetterImportDialog::readFiles(files);
        LetterImportDialog dialog(m_store.get(), entries);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("letterList"));
        auto *reference = dialog.findChild<QLineEdit *>(QStringLiteral("importReferenceEdit"));
        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createRequestButton"));
        auto *regime = dialog.findChild<QComboBox *>(QStringLiteral("importRegimeCombo"));
        QVERIFY(list && reference && create && regime);
        const QSize screen = QGuiApplication::primaryScreen()->size();
        for (int row = 0; row < files.size(); ++row) {
            list->setCurrentRow(row);
            QTest::qWait(50);
            const QString name = QStringLiteral("%1/letter-import-%2x%3-%4.png")
                                     .arg(dir)
                                     .arg(screen.width())
                                     .arg(screen.height())
                                     .arg(QFileInfo(files.at(row)).completeBaseName());
            QVERIFY(dialog.grab().save(name));
            QVERIFY2(create->isEnabled(), qPrintable(files.at(row)));
            // What the officer gives where the letter is silent: a reference, the law.
            if (reference->text().isEmpty()) {
                reference->setText(QStringLiteral("PAST-%1").arg(row + 1));
                reference->editingFinished();
            }
            if (regime->currentIndex() == 0)
                regime->setCurrentIndex(regime->findData(QStringLiteral("FOIA")));
            create->click();
            QVERIFY2(
                list->item(row)->text().contains(QStringLiteral("created as")),
                qPrintable(
                    list->item(row)->text() + QLatin1Char(' ')
                    + dialog.findChild<QLabel *>(QStringLiteral("letterImportError"))->text()));
        }
        QCOMPARE(requestCount(), files.size());
    }
};

QTEST_MAIN(TestLetterImportDialog)
#include "tst_letterimportdialog.moc"
