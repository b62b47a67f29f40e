// Tools > Settings driven as a person would: the organisation profile and its letter wording
// are shown, edited, refused with the field named, restored, exported and imported, and what
// OK saves is found again by a fresh connection to the log.

#include "settings/ExemptionSettingsPage.h"
#include "settings/ProfileForm.h"
#include "settings/RedactionPolicyForm.h"
#include "settings/SettingsDialog.h"
#include "settings/TemplateEditor.h"
#include "profile/OrganisationProfile.h"
#include "store/Store.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensWithTheShippedDefaults();
    void opensWithTheStoredProfile();
    void okSavesEditsToTheLog();
    void badPlaceholderIsRefusedAndEditsKept();
    void restoreDefaultBringsBackTheShippedWording();
    void placeholderIsInsertedAtTheCursor();
    void exportThenImportRoundTrip();
    void importOfABadFileSaysWhy();
    void dateFormatShowsASample_data();
    void dateFormatShowsASample();
    void logoCanBeChosenAndCleared();
    void exemptionWordingAndLocalExemptionsAreSaved();
    void badLocalExemptionIsShownAndNotSaved();
    void personalDataPolicyIsSaved();

private:
    QString logPath() const { return m_dir->filePath(u"log.sqlite"_s); }
    void saveTestProfile();
    std::unique_ptr<SettingsDialog> openDialog();
    template <typename T> static T *child(QWidget *parent, const QString &name)
    {
        T *widget = parent->findChild<T *>(name);
        if (!widget)
            qWarning("No %s named %s", T::staticMetaObject.className(), qPrintable(name));
        return widget;
    }
    static void replaceText(QLineEdit *edit, const QString &text);
    static void selectTemplate(SettingsDialog *dialog, const QString &key);
    static void clickOk(SettingsDialog *dialog);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Store::open(logPath());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    m_store = std::move(opened).value();
}

void TestSettingsDialog::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestSettingsDialog::saveTestProfile()
{
    const auto profile = OrganisationProfile::readFile(QStringLiteral(FOIDESK_TEST_DATA_DIR)
                                                       + u"/profiles/test-authority.json"_s);
    QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
    QVERIFY(m_store->saveProfile(profile.value()).ok());
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::openDialog()
{
    auto dialog = std::make_unique<SettingsDialog>(m_store.get());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("The settings dialog was not shown");
    return dialog;
}

void TestSettingsDialog::replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void TestSettingsDialog::selectTemplate(SettingsDialog *dialog, const QString &key)
{
    auto *tabs = child<QTabWidget>(dialog, u"settingsTabs"_s);
    auto *editor = child<TemplateEditor>(dialog, u"templateEditor"_s);
    QVERIFY(tabs && editor);
    tabs->setCurrentWidget(editor);
    auto *list = child<QListWidget>(dialog, u"templateList"_s);
    QVERIFY(list);
    const QString description = OrganisationProfile::templateDescription(key);
    const auto items = list->findItems(description, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    // Chosen with the mouse, as a person would.
    list->scrollToItem(items.constFirst());
    QTest::mouseClick(
        list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.constFirst()).center());
    QCOMPARE(editor->currentKey(), key);
}

void TestSettingsDialog::clickOk(SettingsDialog *dialog)
{
    auto *buttons = child<QDialogButtonBox>(dialog, u"settingsButtons"_s);
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void TestSettingsDialog::opensWithTheShippedDefaults()
{
    const auto defaults = OrganisationProfile::defaults();
    QVERIFY(defaults.ok());
    auto dialog = openDialog();
    QCOMPARE(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s)->text(), defaults->name);
    QCOMPARE(dialog->profile(), defaults.value());
}

void TestSettingsDialog::opensWithTheStoredProfile()
{
    saveTestProfile();
    const auto stored = m_store->profile();
    QVERIFY(stored.ok());
    auto dialog = openDialog();
    QCOMPARE(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s)->text(),
             u"Northmoor District Council"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"reviewEmailEdit"_s)->text(),
             u"reviews@northmoor.example.gov.uk"_s);
    QCOMPARE(child<QPlainTextEdit>(dialog.get(), u"orgAddressEdit"_s)->toPlainText(),
             stored->address);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"ukRegulatorNameEdit"_s)->text(),
             stored->regulatorUk.name);
    // Nothing was edited, so the dialog hands back exactly what the log holds.
    QCOMPARE(dialog->profile(), stored.value());
}

void TestSettingsDialog::okSavesEditsToTheLog()
{
    saveTestProfile();
    auto dialog = openDialog();
    replaceText(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s), u"Eastfield Borough Council"_s);
    selectTemplate(dialog.get(), u"opening"_s);
    auto *text = child<QPlainTextEdit>(dialog.get(), u"templateTextEdit"_s);
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"Thank you for writing to us on {received}."_s);
    clickOk(dialog.get());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->isVisible());

    // Another connection to the same log sees what was saved.
    dialog.reset();
    m_store.reset();
    auto reopened = Store::open(logPath());
    QVERIFY(reopened.ok());
    const auto saved = reopened.value()->profile();
    QVERIFY(saved.ok());
    QCOMPARE(saved->name, u"Eastfield Borough Council"_s);
    QCOMPARE(saved->templateText(u"opening"_s), u"Thank you for writing to us on {received}."_s);
    QCOMPARE(saved->email, u"information@northmoor.example.gov.uk"_s);
}

void TestSettingsDialog::badPlaceholderIsRefusedAndEditsKept()
{
    saveTestProfile();
    const auto before = m_store->profile();
    QVERIFY(before.ok());
    auto dialog = openDialog();
    replaceText(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s), u"Renamed Council"_s);
    selectTemplate(dialog.get(), u"our_ref"_s);
    auto *text = child<QPlainTextEdit>(dialog.get(), u"templateTextEdit"_s);
    text->setFocus();
    text->selectAll();
    const QString bad = u"Our reference: {refrence}"_s;
    QTest::keyClicks(text, bad);
    // The check under the text box already says so while typing.
    QVERIFY(child<QLabel>(dialog.get(), u"templateCheckLabel"_s)->text().contains(u"refrence"_s));

    // Looked at from another tab, OK brings the template at fault back into view.
    child<QTabWidget>(dialog.get(), u"settingsTabs"_s)->setCurrentIndex(0);
    clickOk(dialog.get());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->result() != int(QDialog::Accepted));
    const QString error = dialog->errorText();
    QVERIFY2(error.contains(OrganisationProfile::templateDescription(u"our_ref"_s)),
             qPrintable(error));
    QVERIFY2(error.contains(u"refrence"_s), qPrintable(error));
    QVERIFY(child<QLabel>(dialog.get(), u"settingsMessageLabel"_s)->isVisible());
    auto *tabs = child<QTabWidget>(dialog.get(), u"settingsTabs"_s);
    QCOMPARE(tabs->currentWidget()->objectName(), u"templateEditor"_s);
    QCOMPARE(text->toPlainText(), bad);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s)->text(), u"Renamed Council"_s);
    // Nothing reached the log.
    QCOMPARE(m_store->profile().value(), before.value());

    // Fixed, it saves.
    text->selectAll();
    QTest::keyClicks(text, u"Our reference: {reference}"_s);
    clickOk(dialog.get());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_store->profile()->templateText(u"our_ref"_s), u"Our reference: {reference}"_s);
    QCOMPARE(m_store->profile()->name, u"Renamed Council"_s);
}

void TestSettingsDialog::restoreDefaultBringsBackTheShippedWording()
{
    const auto defaults = OrganisationProfile::defaults();
    QVERIFY(defaults.ok());
    const QString key = u"heading.reuse"_s;
    auto dialog = openDialog();
    selectTemplate(dialog.get(), key);
    auto *text = child<QPlainTextEdit>(dialog.get(), u"templateTextEdit"_s);
    auto *restore = child<QPushButton>(dialog.get(), u"restoreDefaultButton"_s);
    QVERIFY(!restore->isEnabled());
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"Using this information"_s);
    QVERIFY(restore->isEnabled());
    QCOMPARE(dialog->profile().templateText(key), u"Using this information"_s);

    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(text->toPlainText(), defaults->templateText(key));
    QCOMPARE(dialog->profile().templateText(key), defaults->templateText(key));
    QVERIFY(!restore->isEnabled());
    // Only that template: the others are untouched.
    QCOMPARE(dialog->profile().templates, defaults->templates);
}

void TestSettingsDialog::placeholderIsInsertedAtTheCursor()
{
    auto dialog = openDialog();
    selectTemplate(dialog.get(), u"our_ref"_s);
    auto *text = child<QPlainTextEdit>(dialog.get(), u"templateTextEdit"_s);
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"Ref "_s);
    auto *placeholders = child<QListWidget>(dialog.get(), u"placeholderList"_s);
    const auto items = placeholders->findItems(u"{title}"_s, Qt::MatchStartsWith);
    QCOMPARE(items.size(), 1);
    placeholders->setCurrentItem(items.constFirst());
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"insertPlaceholderButton"_s),
                      Qt::LeftButton);
    QCOMPARE(text->toPlainText(), u"Ref {title}"_s);
    QCOMPARE(dialog->profile().templateText(u"our_ref"_s), u"Ref {title}"_s);
}

void TestSettingsDialog::exportThenImportRoundTrip()
{
    saveTestProfile();
    const QString file = m_dir->filePath(u"exported settings.json"_s);
    OrganisationProfile exported;
    {
        auto dialog = openDialog();
        replaceText(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s), u"Westvale Council"_s);
        replaceText(child<QLineEdit>(dialog.get(), u"scotlandRegulatorPhoneEdit"_s),
                    u"01334 000000"_s);
        QVERIFY(dialog->exportTo(file));
        exported = dialog->profile();
        dialog->reject();
    }
    QVERIFY(QFile::exists(file));
    // Exporting does not save: the log still has its own profile.
    QCOMPARE(m_store->profile()->name, u"Northmoor District Council"_s);

    // A fresh log imports it, and OK keeps it.
    m_store.reset();
    QVERIFY(QFile::remove(logPath()));
    auto fresh = Store::open(logPath());
    QVERIFY(fresh.ok());
    m_store = std::move(fresh).value();
    auto dialog = openDialog();
    QVERIFY(dialog->importFrom(file));
    QCOMPARE(child<QLineEdit>(dialog.get(), u"orgNameEdit"_s)->text(), u"Westvale Council"_s);
    QCOMPARE(dialog->profile(), exported);
    QVERIFY(!m_store->hasSavedProfile().value());
    clickOk(dialog.get());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(m_store->hasSavedProfile().value());
    QCOMPARE(m_store->profile().value(), exported);
}

void TestSettingsDialog::importOfABadFileSaysWhy()
{
    const QString file = m_dir->filePath(u"broken.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"format": "foidesk.profile/1", "name": 12})");
    out.close();

    auto dialog = openDialog();
    const OrganisationProfile before = dialog->profile();
    QVERIFY(!dialog->importFrom(file));
    QVERIFY2(dialog->errorText().contains(u"broken.json"_s), qPrintable(dialog->errorText()));
    QVERIFY2(dialog->errorText().contains(u"name"_s), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->profile(), before);
}

void TestSettingsDialog::dateFormatShowsASample_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("valid");
    QTest::newRow("long") << u"d MMMM yyyy"_s << true;
    QTest::newRow("numeric") << u"dd/MM/yyyy"_s << true;
    QTest::newRow("no year") << u"d MMMM"_s << false;
}

void TestSettingsDialog::dateFormatShowsASample()
{
    QFETCH(QString, format);
    QFETCH(bool, valid);
    auto dialog = openDialog();
    auto *combo = child<QComboBox>(dialog.get(), u"dateFormatCombo"_s);
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), format);
    const QString sample = child<QLabel>(dialog.get(), u"dateSampleLabel"_s)->text();
    const QString today =
        QLocale(QLocale::English, QLocale::UnitedKingdom).toString(QDate::currentDate(), format);
    if (valid)
        QVERIFY2(sample.contains(today), qPrintable(sample));
    else
        QVERIFY2(!sample.contains(today) && sample.contains(u"year"_s), qPrintable(sample));
}

void TestSettingsDialog::logoCanBeChosenAndCleared()
{
    const QString jpeg = m_dir->filePath(u"crest.jpg"_s);
    QImage image(120, 60, QImage::Format_RGB32);
    image.fill(QColor(0x1f, 0x3a, 0x5f));
    QVERIFY(image.save(jpeg, "JPG"));

    auto dialog = openDialog();
    auto *form = child<ProfileForm>(dialog.get(), u"profileForm"_s);
    QVERIFY(form);
    QCOMPARE(form->setLogoFromFile(jpeg), QString());
    // Stored inside the profile, converted to PNG, and shown as a thumbnail.
    QCOMPARE(dialog->profile().logoType, u"png"_s);
    QVERIFY(dialog->profile().logoFile.isEmpty());
    QVERIFY(dialog->profile().logo().ok());
    QCOMPARE(dialog->profile().logo()->size(), QSize(120, 60));
    auto *preview = child<QLabel>(dialog.get(), u"logoPreview"_s);
    QVERIFY(!preview->pixmap().isNull());

    const QString notImage = m_dir->filePath(u"notes.txt"_s);
    QFile text(notImage);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a picture");
    text.close();
    QVERIFY(form->setLogoFromFile(notImage).contains(u"notes.txt"_s));
    QCOMPARE(dialog->profile().logoType, u"png"_s); // the chosen logo is kept

    auto *clear = child<QPushButton>(dialog.get(), u"clearLogoButton"_s);
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(dialog->profile().logoData.isEmpty());
    QVERIFY(preview->pixmap().isNull());
    QVERIFY(!clear->isEnabled());
}

void TestSettingsDialog::exemptionWordingAndLocalExemptionsAreSaved()
{
    saveTestProfile();
    auto dialog = openDialog();
    auto *tabs = child<QTabWidget>(dialog.get(), u"settingsTabs"_s);
    auto *page = child<ExemptionSettingsPage>(dialog.get(), u"exemptionSettingsPage"_s);
    QVERIFY(tabs && page);
    tabs->setCurrentWidget(page);

    // The shipped catalogue is listed for the law chosen, with each entry's kind.
    auto *list = child<QTreeWidget>(page, u"exemptionList"_s);
    QVERIFY(list);
    const auto found = list->findItems(u"s43(2)"_s, Qt::MatchExactly, 0);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst()->text(2), u"Qualified"_s);
    list->setCurrentItem(found.constFirst());
    const std::optional<Exemption> shipped = page->currentExemption();
    QVERIFY(shipped && !shipped->reasoning.isEmpty());

    const QString ours = u"Publishing this would weaken {organisation}'s hand in the current "
                         "negotiations."_s;
    auto *reasoning = child<QPlainTextEdit>(page, u"exemptionReasoningEdit"_s);
    reasoning->setFocus();
    reasoning->selectAll();
    QTest::keyClicks(reasoning, ours);
    QCOMPARE(found.constFirst()->text(3), u"Your wording"_s);

    // One of the authority's own, under EIR.
    auto *law = child<QComboBox>(page, u"exemptionRegimeCombo"_s);
    law->setCurrentIndex(law->findData(int(Regime::EIR)));
    QTest::mouseClick(child<QPushButton>(page, u"addLocalExemptionButton"_s), Qt::LeftButton);
    replaceText(child<QLineEdit>(page, u"exemptionCodeEdit"_s), u"reg12(4)(z)"_s);
    replaceText(child<QLineEdit>(page, u"exemptionTitleEdit"_s), u"Local byelaw material"_s);
    replaceText(child<QLineEdit>(page, u"exemptionCitationEdit"_s),
                u"regulation 12(4)(z) as the council applies it"_s);
    auto *kind = child<QComboBox>(page, u"exemptionKindCombo"_s);
    kind->setCurrentIndex(kind->findData(int(Exemption::Kind::Absolute)));
    auto *localReasoning = child<QPlainTextEdit>(page, u"exemptionReasoningEdit"_s);
    localReasoning->setFocus();
    QTest::keyClicks(localReasoning, u"The byelaw drafts are not final."_s);

    clickOk(dialog.get());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    auto saved = m_store->profile();
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    QCOMPARE(saved->exemptionOverrides.value(u"s43(2)"_s).reasoning, ours);
    // The paragraph left alone keeps the shipped wording.
    QCOMPARE(saved->exemptionOverrides.value(u"s43(2)"_s).publicInterest, shipped->publicInterest);
    QCOMPARE(saved->localExemptions.size(), 1);
    const Exemption local = saved->localExemptions.constFirst();
    QCOMPARE(local.code, u"reg12(4)(z)"_s);
    QCOMPARE(local.regime, Regime::EIR);
    QCOMPARE(local.title, u"Local byelaw material"_s);
    QCOMPARE(local.kind, Exemption::Kind::Absolute);
    QCOMPARE(local.reasoning, u"The byelaw drafts are not final."_s);

    // Opened again, the page shows what was saved; Restore Default drops the override.
    dialog = openDialog();
    page = child<ExemptionSettingsPage>(dialog.get(), u"exemptionSettingsPage"_s);
    QVERIFY(page->selectExemption(Regime::FOIA, u"s43(2)"_s));
    QCOMPARE(page->currentExemption()->reasoning, ours);
    QVERIFY(page->selectExemption(Regime::EIR, u"reg12(4)(z)"_s));
    QCOMPARE(page->currentExemption()->title, u"Local byelaw material"_s);
    QVERIFY(page->selectExemption(Regime::FOIA, u"s43(2)"_s));
    auto *restore = child<QPushButton>(page, u"restoreExemptionDefaultButton"_s);
    QVERIFY(restore->isEnabled());
    restore->click();
    QCOMPARE(page->currentExemption()->reasoning, shipped->reasoning);
    QVERIFY(page->selectExemption(Regime::EIR, u"reg12(4)(z)"_s));
    child<QPushButton>(page, u"removeLocalExemptionButton"_s)->click();
    clickOk(dialog.get());
    saved = m_store->profile();
    QVERIFY(saved.ok());
    QVERIFY(saved->exemptionOverrides.isEmpty());
    QVERIFY(saved->localExemptions.isEmpty());
}

void TestSettingsDialog::badLocalExemptionIsShownAndNotSaved()
{
    saveTestProfile();
    auto dialog = openDialog();
    auto *page = child<ExemptionSettingsPage>(dialog.get(), u"exemptionSettingsPage"_s);
    page->addLocal();
    // Added with a title and no code yet: OK says what is missing and shows the entry.
    auto *tabs = child<QTabWidget>(dialog.get(), u"settingsTabs"_s);
    tabs->setCurrentIndex(0);
    clickOk(dialog.get());
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(u"code"_s), qPrintable(dialog->errorText()));
    QCOMPARE(tabs->currentWidget(), page);
    QCOMPARE(page->focusWidget(), child<QLineEdit>(page, u"exemptionCodeEdit"_s));
    const auto saved = m_store->profile();
    QVERIFY(saved.ok());
    QVERIFY(saved->localExemptions.isEmpty());
}

void TestSettingsDialog::personalDataPolicyIsSaved()
{
    saveTestProfile();
    auto dialog = openDialog();
    auto *form = child<RedactionPolicyForm>(dialog.get(), u"redactionPolicyForm"_s);
    QVERIFY(form);
    const auto before = m_store->profile();
    QVERIFY(before.ok());
    QCOMPARE(form->grades(), before->grades);
    QCOMPARE(form->withholdFromGrade(), before->withholdFromGrade);

    auto *list = child<QListWidget>(form, u"gradeList"_s);
    auto *threshold = child<QComboBox>(form, u"withholdFromGradeCombo"_s);
    // A new grade at the end, renamed, moved up one.
    list->setCurrentRow(list->count() - 1);
    QTest::mouseClick(child<QPushButton>(form, u"addGradeButton"_s), Qt::LeftButton);
    QApplication::processEvents();
    QCOMPARE(form->renameGrade(list->currentRow(), u"Apprentice"_s), QString());
    QCOMPARE(form->grades().constLast(), u"Apprentice"_s);
    QTest::mouseClick(child<QPushButton>(form, u"moveGradeUpButton"_s), Qt::LeftButton);
    QCOMPARE(form->grades().at(form->grades().size() - 2), u"Apprentice"_s);
    // A name already in the list is refused and the old name kept.
    QVERIFY(!form->renameGrade(0, u"officer"_s).isEmpty());
    QCOMPARE(form->grades().constFirst(), before->grades.constFirst());

    threshold->setCurrentIndex(threshold->findText(u"Manager"_s));
    auto *summary = child<QLabel>(form, u"policySummaryLabel"_s);
    QVERIFY2(summary->text().contains(u"Manager"_s), qPrintable(summary->text()));
    // Renaming the threshold grade carries the threshold with it.
    const int managerRow = int(form->grades().indexOf(u"Manager"_s));
    QCOMPARE(form->renameGrade(managerRow, u"Team Manager"_s), QString());
    QCOMPARE(form->withholdFromGrade(), u"Team Manager"_s);

    clickOk(dialog.get());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const auto saved = m_store->profile();
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    QCOMPARE(saved->grades, form->grades());
    QVERIFY(saved->grades.contains(u"Apprentice"_s));
    QCOMPARE(saved->withholdFromGrade, u"Team Manager"_s);

    // Removing the threshold grade moves the line down, never up.
    dialog = openDialog();
    form = child<RedactionPolicyForm>(dialog.get(), u"redactionPolicyForm"_s);
    list = child<QListWidget>(form, u"gradeList"_s);
    list->setCurrentRow(int(form->grades().indexOf(u"Team Manager"_s)));
    form->removeSelectedGrade();
    QCOMPARE(form->withholdFromGrade(), u"Apprentice"_s);
    QVERIFY(!form->message().isEmpty());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
