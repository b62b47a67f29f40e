#include "settings/SettingsDialog.h"

#include "help/HelpTopics.h"
#include "profile/OrganisationProfile.h"
#include "settings/BankHolidaysDialog.h"
#include "settings/ExemptionSettingsPage.h"
#include "settings/ProfileForm.h"
#include "settings/RedactionPolicyForm.h"
#include "settings/RegulatorsPage.h"
#include "settings/TemplateEditor.h"
#include "store/Store.h"
#include "widgets/FileDialogs.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// Validation messages start with the field at fault: "templates.opening: ...".
// Exemption fields carry codes and indices: "exemptions.local[2].code", "exemptions.overrides.
// s40(2)".
const QRegularExpression
    fieldPrefix(QStringLiteral("^([a-z_]+(?:\\.[A-Za-z_]+|\\.[^\\s:]+|\\[\\d+\\])*): "
                               "(.*)$"),
                QRegularExpression::DotMatchesEverythingOption);

QString fieldTitle(const QString &field)
{
    if (field.startsWith(QLatin1String("templates."))) {
        const QString key = field.mid(int(qstrlen("templates.")));
        const QString description = OrganisationProfile::templateDescription(key);
        if (!description.isEmpty())
            return SettingsDialog::tr("Letter wording \"%1\" (%2)").arg(description, key);
    }
    if (field == QLatin1String("name"))
        return SettingsDialog::tr("Organisation name");
    if (field == QLatin1String("date_format"))
        return SettingsDialog::tr("Date format");
    if (field == QLatin1String("signature"))
        return SettingsDialog::tr("Signature");
    if (field.startsWith(QLatin1String("logo")))
        return SettingsDialog::tr("Logo");
    static const QRegularExpression localField(QStringLiteral("^exemptions\\.local\\[(\\d+)\\]"));
    if (const QRegularExpressionMatch local = localField.match(field); local.hasMatch())
        return SettingsDialog::tr("Your exemption %1").arg(local.captured(1).toInt() + 1);
    if (field.startsWith(QLatin1String("exemptions.overrides."))) {
        const QString code = field.mid(int(qstrlen("exemptions.overrides."))).section(u'.', 0, 0);
        return SettingsDialog::tr("Your wording of %1").arg(code);
    }
    if (field.startsWith(QLatin1String("exemptions")))
        return SettingsDialog::tr("Exemptions");
    if (field.startsWith(QLatin1String("redaction_policy")))
        return SettingsDialog::tr("Personal data policy");
    return field;
}

} // namespace

SettingsDialog::SettingsDialog(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_base(std::make_unique<OrganisationProfile>())
    , m_tabs(new QTabWidget(this))
    , m_messageIcon(new QLabel(this))
    , m_message(new QLabel(this))
    , m_importButton(new QPushButton(tr("&Import..."), this))
    , m_exportButton(new QPushButton(tr("E&xport..."), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // The organisation's details are long; on a small screen they scroll.
    auto *profileForm = new ProfileForm;
    auto *profileScroll = new QScrollArea;
    profileScroll->setObjectName(QStringLiteral("profileScroll"));
    profileScroll->setWidgetResizable(true);
    profileScroll->setFrameShape(QFrame::NoFrame);
    profileScroll->setWidget(profileForm);

    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    addPage(profileForm, profileScroll, tr("&Organisation"));
    auto *regulators = new RegulatorsPage;
    addPage(regulators, regulators, tr("Regulator&s"));
    auto *templates = new TemplateEditor;
    addPage(templates, templates, tr("Letter &wording"));
    auto *exemptions = new ExemptionSettingsPage;
    addPage(exemptions, exemptions, tr("Exe&mptions"));
    auto *policy = new RedactionPolicyForm;
    addPage(policy, policy, tr("Personal data"));

    m_messageIcon->setObjectName(QStringLiteral("settingsMessageIcon"));
    m_message->setObjectName(QStringLiteral("settingsMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    messageRow->addWidget(m_message, 1);

    m_importButton->setObjectName(QStringLiteral("importProfileButton"));
    m_importButton->setToolTip(tr("Load settings from a file; they are saved when you press OK"));
    m_exportButton->setObjectName(QStringLiteral("exportProfileButton"));
    m_exportButton->setToolTip(tr("Save these settings to a file, to use in another log or on "
                                  "another computer"));
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->addButton(m_importButton, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_exportButton, QDialogButtonBox::ActionRole);
    if (m_store) {
        // The holidays belong to the log, not to the profile: the dialog saves each change at
        // once, whatever this dialog's OK or Cancel.
        auto *holidays = new QPushButton(tr("Bank &Holidays..."), this);
        holidays->setObjectName(QStringLiteral("settingsBankHolidaysButton"));
        holidays->setToolTip(tr("The bank holidays every deadline in this log counts; a change "
                                "there is saved at once (also Tools > Bank Holidays)"));
        m_buttons->addButton(holidays, QDialogButtonBox::ActionRole);
        connect(holidays, &QPushButton::clicked, this, [this] {
            BankHolidaysDialog dialog(m_store, this);
            dialog.exec();
        });
    }
    HelpTopics::addHelpButton(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(messageRow);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_importButton, &QPushButton::clicked, this, &SettingsDialog::chooseImportFile);
    connect(m_exportButton, &QPushButton::clicked, this, &SettingsDialog::chooseExportFile);

    clearMessage();
    Result<OrganisationProfile> loaded =
        m_store ? m_store->profile() : OrganisationProfile::defaults();
    if (loaded) {
        setProfile(loaded.value());
    } else {
        const QString why = loaded.errorMessage();
        if (const Result<OrganisationProfile> defaults = OrganisationProfile::defaults())
            setProfile(defaults.value());
        showError(why,
                  tr("The shipped settings are shown instead; OK saves them over the damaged "
                     "ones."));
    }

    resize(960, 680);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(SettingsPage *page, QWidget *tab, const QString &title)
{
    m_tabs->addTab(tab, title);
    m_pages.append({page, tab});
}

OrganisationProfile SettingsDialog::profile() const
{
    OrganisationProfile profile = *m_base;
    for (const Page &page : m_pages)
        page.page->applyTo(&profile);
    return profile;
}

void SettingsDialog::setProfile(const OrganisationProfile &profile)
{
    *m_base = profile;
    for (const Page &page : m_pages)
        page.page->setProfile(profile);
}

bool SettingsDialog::importFrom(const QString &path)
{
    const Result<OrganisationProfile> imported = OrganisationProfile::readFile(path);
    if (!imported) {
        showError(tr("Nothing was imported."), imported.errorMessage());
        return false;
    }
    setProfile(imported.value());
    showInfo(tr("Imported the settings in %1. Press OK to use them in this log, or Cancel to "
                "keep the settings it has.")
                 .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool SettingsDialog::exportTo(const QString &path)
{
    const OrganisationProfile edited = profile();
    if (const Result<void> valid = edited.validate(); !valid) {
        showError(tr("The settings were not exported."), valid.errorMessage());
        return false;
    }
    const Result<void> written = edited.writeFile(path);
    if (!written) {
        showError(tr("The settings were not exported."), written.errorMessage());
        return false;
    }
    showInfo(tr("Exported the settings to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

QString SettingsDialog::errorText() const
{
    return m_showingError ? m_message->text() : QString();
}

void SettingsDialog::accept()
{
    if (!m_store) {
        QDialog::accept();
        return;
    }
    const OrganisationProfile edited = profile();
    // Checked here first, so that the message can point at the field; the store checks again.
    if (const Result<void> valid = edited.validate(); !valid) {
        showError(tr("The settings were not saved."), valid.errorMessage());
        return;
    }
    const Result<void> saved = m_store->saveProfile(edited);
    if (!saved) {
        showError(saved.errorMessage(), tr("Your edits are still here; try OK again."));
        return;
    }
    QDialog::accept();
}

void SettingsDialog::chooseImportFile()
{
    const QString path = FileDialogs::openFile(this,
                                               QStringLiteral("importSettingsFileDialog"),
                                               tr("Import Settings"),
                                               QString(),
                                               tr("FOI Desk settings (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

void SettingsDialog::chooseExportFile()
{
    const QString path = FileDialogs::saveFile(this,
                                               QStringLiteral("exportSettingsFileDialog"),
                                               tr("Export Settings"),
                                               tr("FOI Desk settings.json"),
                                               tr("FOI Desk settings (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void SettingsDialog::showError(const QString &outcome, const QString &message)
{
    m_showingError = true;
    const QRegularExpressionMatch match = fieldPrefix.match(message);
    if (!match.hasMatch()) {
        m_message->setText(outcome + QLatin1Char(' ') + message);
    } else {
        const QString field = match.captured(1);
        m_message->setText(tr("%1 %2: %3").arg(outcome, fieldTitle(field), match.captured(2)));
        // The tab is shown first: a widget on a hidden tab cannot take the focus.
        const QWidget *shownBefore = m_tabs->currentWidget();
        bool shown = false;
        for (const Page &page : std::as_const(m_pages)) {
            m_tabs->setCurrentWidget(page.tab);
            shown = page.page->showField(field);
            if (shown)
                break;
        }
        if (!shown)
            m_tabs->setCurrentWidget(const_cast<QWidget *>(shownBefore));
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_messageIcon->setPixmap(style()
                                 ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                                 .pixmap(QSize(size, size), devicePixelRatioF()));
    m_messageIcon->show();
    m_message->show();
}

void SettingsDialog::showInfo(const QString &message)
{
    m_showingError = false;
    m_message->setText(message);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_messageIcon->setPixmap(style()
                                 ->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this)
                                 .pixmap(QSize(size, size), devicePixelRatioF()));
    m_messageIcon->show();
    m_message->show();
}

void SettingsDialog::clearMessage()
{
    m_showingError = false;
    m_message->clear();
    m_message->hide();
    m_messageIcon->hide();
}

} // namespace foidesk
