#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace foidesk {

struct OrganisationProfile;
class SettingsPage;
class Store;

// Tools > Settings: the organisation profile kept in the log (its details, the regulators, the
// wording of its letters, its exemptions and its personal data policy), with import and export of
// the profile as a file. OK saves through the store; a profile the store refuses keeps the dialog
// open with every edit, and the field at fault is shown.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(Store *store, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The profile as edited in the dialog.
    OrganisationProfile profile() const;
    // Shows profile in every page (nothing is saved until OK).
    void setProfile(const OrganisationProfile &profile);

    // Loads a "foidesk.profile/1" file into the dialog (saved on OK). False, with errorText()
    // saying why, when it cannot be read or is not valid.
    bool importFrom(const QString &path);
    // Writes the profile as edited to path. False, with errorText() naming the field at fault
    // or saying why the file cannot be written, when nothing was written.
    bool exportTo(const QString &path);

    // The message shown for the last refused save, import or export; empty after a success.
    QString errorText() const;

public Q_SLOTS:
    // Saves through the store and closes, or shows what is wrong and stays open.
    void accept() override;

private:
    void chooseImportFile();
    void chooseExportFile();
    // Shows outcome followed by message, and brings the field message names
    // ("templates.opening: ...") into view.
    void showError(const QString &outcome, const QString &message);
    void showInfo(const QString &message);
    void clearMessage();

    QPointer<Store> m_store;
    // Fields no page edits are carried through from here.
    std::unique_ptr<OrganisationProfile> m_base;

    // Each page and the tab that shows it (the Organisation page scrolls inside its tab).
    struct Page
    {
        SettingsPage *page;
        QWidget *tab;
    };
    void addPage(SettingsPage *page, QWidget *tab, const QString &title);

    QTabWidget *m_tabs;
    QList<Page> m_pages;
    QLabel *m_messageIcon;
    QLabel *m_message;
    QPushButton *m_importButton;
    QPushButton *m_exportButton;
    QDialogButtonBox *m_buttons;
    bool m_showingError = false;
};

} // namespace foidesk
