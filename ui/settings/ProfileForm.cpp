#include "settings/ProfileForm.h"

#include "widgets/FileDialogs.h"
#include "widgets/FormWidgets.h"
#include "profile/OrganisationProfile.h"
#include "profile/ProfileChecks.h"
#include "util/LiveLogFiles.h"

#include <QBuffer>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// A logo is embedded in the profile, which is kept in the log and copied between machines.
constexpr qint64 MaxLogoBytes = 2 * 1024 * 1024;
constexpr int LogoPreviewWidth = 220;
constexpr int LogoPreviewHeight = 72;

QPlainTextEdit *fixedTextBox(const QString &objectName, int lines, QWidget *parent)
{
    auto *edit = FormWidgets::textBox(objectName, lines, FormWidgets::History::Own, parent);
    FormWidgets::fixHeight(edit, lines);
    return edit;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("profileForm"));

    auto *organisation = new QGroupBox(tr("Organisation"), this);
    m_name = FormWidgets::lineEdit(QStringLiteral("orgNameEdit"),
                          tr("Required, for example Northmoor District Council"),
                          organisation);
    m_address = fixedTextBox(QStringLiteral("orgAddressEdit"), 5, organisation);
    m_email = FormWidgets::lineEdit(QStringLiteral("orgEmailEdit"), QString(), organisation);
    m_phone = FormWidgets::lineEdit(QStringLiteral("orgPhoneEdit"), QString(), organisation);
    m_publishedDataLink = FormWidgets::lineEdit(QStringLiteral("publishedDataLinkEdit"),
                                       tr("Where the authority publishes its data"),
                                       organisation);
    auto *organisationForm = new QFormLayout(organisation);
    organisationForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    organisationForm->addRow(tr("&Name:"), m_name);
    organisationForm->addRow(tr("Postal &address:"), m_address);
    organisationForm->addRow(tr("&Email:"), m_email);
    organisationForm->addRow(tr("&Telephone:"), m_phone);
    organisationForm->addRow(tr("&Published data:"), m_publishedDataLink);

    auto *reviews = new QGroupBox(tr("Internal reviews"), this);
    m_reviewEmail = FormWidgets::lineEdit(
        QStringLiteral("reviewEmailEdit"), tr("Leave empty to use the email above"), reviews);
    m_reviewAddress = fixedTextBox(QStringLiteral("reviewAddressEdit"), 4, reviews);
    m_reviewAddress->setPlaceholderText(tr("Leave empty to use the postal address above"));
    auto *reviewForm = new QFormLayout(reviews);
    reviewForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    reviewForm->addRow(tr("Re&view email:"), m_reviewEmail);
    reviewForm->addRow(tr("Review add&ress:"), m_reviewAddress);

    auto *letter = new QGroupBox(tr("Letters"), this);
    m_dateFormat = new QComboBox(letter);
    m_dateFormat->setObjectName(QStringLiteral("dateFormatCombo"));
    m_dateFormat->setEditable(true);
    m_dateFormat->setInsertPolicy(QComboBox::NoInsert);
    m_dateFormat->addItems({QStringLiteral("d MMMM yyyy"),
                            QStringLiteral("dd MMMM yyyy"),
                            QStringLiteral("dddd d MMMM yyyy"),
                            QStringLiteral("d MMM yyyy"),
                            QStringLiteral("dd/MM/yyyy")});
    m_dateFormat->setToolTip(tr("d = day, dd = day with a leading zero, dddd = weekday, "
                                "M/MM = month number, MMM/MMMM = month name, yyyy = year"));
    m_dateSample = new QLabel(letter);
    m_dateSample->setObjectName(QStringLiteral("dateSampleLabel"));
    m_dateSample->setTextFormat(Qt::PlainText);

    m_salutation = new QComboBox(letter);
    m_salutation->setObjectName(QStringLiteral("salutationCombo"));
    m_salutation->addItem(tr("Full name without title (Dear Alex Requester)"),
                          int(SalutationStyle::FullName));
    m_salutation->addItem(tr("Title and surname (Dear Ms Requester)"),
                          int(SalutationStyle::TitleAndSurname));
    m_salutation->setToolTip(tr("How a requester whose name is typed with a title, such as "
                                "\"Ms Alex Requester\", is greeted. Names without a title are "
                                "used as typed."));

    m_logoPreview = new QLabel(letter);
    m_logoPreview->setObjectName(QStringLiteral("logoPreview"));
    m_logoPreview->setFixedSize(LogoPreviewWidth, LogoPreviewHeight);
    m_logoPreview->setAlignment(Qt::AlignCenter);
    m_logoPreview->setFrameShape(QFrame::StyledPanel);
    m_logoPreview->setWordWrap(true);
    m_logoNote = new QLabel(letter);
    m_logoNote->setObjectName(QStringLiteral("logoNoteLabel"));
    m_logoNote->setWordWrap(true);
    m_logoNote->setTextFormat(Qt::PlainText);
    m_chooseLogo = new QPushButton(tr("C&hoose..."), letter);
    m_chooseLogo->setObjectName(QStringLiteral("chooseLogoButton"));
    m_clearLogo = new QPushButton(tr("C&lear"), letter);
    m_clearLogo->setObjectName(QStringLiteral("clearLogoButton"));
    auto *logoButtons = new QVBoxLayout;
    logoButtons->addWidget(m_chooseLogo);
    logoButtons->addWidget(m_clearLogo);
    logoButtons->addStretch(1);
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logoPreview, 0, Qt::AlignTop);
    logoRow->addLayout(logoButtons);
    logoRow->addStretch(1);

    m_signature = fixedTextBox(QStringLiteral("signatureEdit"), 5, letter);
    m_signature->setToolTip(tr("Closes every letter; may use placeholders such as "
                               "{organisation}"));

    auto *letterForm = new QFormLayout(letter);
    letterForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    letterForm->addRow(tr("&Date format:"), m_dateFormat);
    letterForm->addRow(QString(), m_dateSample);
    letterForm->addRow(tr("Gree&ting:"), m_salutation);
    letterForm->addRow(tr("Logo:"), logoRow);
    letterForm->addRow(QString(), m_logoNote);
    letterForm->addRow(tr("Si&gnature:"), m_signature);

    auto *grid = new QGridLayout(this);
    grid->addWidget(organisation, 0, 0);
    grid->addWidget(reviews, 1, 0);
    grid->addWidget(letter, 0, 1, 2, 1, Qt::AlignTop);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(2, 1);

    connect(m_dateFormat, &QComboBox::editTextChanged, this, &ProfileForm::updateDateSample);
    connect(m_chooseLogo, &QPushButton::clicked, this, &ProfileForm::chooseLogo);
    connect(m_clearLogo, &QPushButton::clicked, this, &ProfileForm::clearLogo);

    updateDateSample();
    updateLogoPreview();
}

ProfileForm::~ProfileForm() = default;

void ProfileForm::setProfile(const OrganisationProfile &profile)
{
    m_name->setText(profile.name);
    m_address->setPlainText(profile.address);
    m_email->setText(profile.email);
    m_phone->setText(profile.phone);
    m_publishedDataLink->setText(profile.publishedDataLink);
    m_reviewEmail->setText(profile.reviewEmail);
    m_reviewAddress->setPlainText(profile.reviewAddress);
    m_dateFormat->setEditText(profile.dateFormat);
    m_salutation->setCurrentIndex(m_salutation->findData(int(profile.salutation)));
    m_signature->setPlainText(profile.signature);
    m_logoFile = profile.logoFile;
    m_logoData = profile.logoData;
    m_logoType = profile.logoType;
    updateDateSample();
    updateLogoPreview();
}

void ProfileForm::applyTo(OrganisationProfile *profile) const
{
    profile->name = m_name->text().trimmed();
    profile->address = m_address->toPlainText().trimmed();
    profile->email = m_email->text().trimmed();
    profile->phone = m_phone->text().trimmed();
    profile->publishedDataLink = m_publishedDataLink->text().trimmed();
    profile->reviewEmail = m_reviewEmail->text().trimmed();
    profile->reviewAddress = m_reviewAddress->toPlainText().trimmed();
    profile->dateFormat = m_dateFormat->currentText().trimmed();
    profile->salutation = SalutationStyle(m_salutation->currentData().toInt());
    profile->signature = m_signature->toPlainText();
    profile->logoFile = m_logoFile;
    profile->logoData = m_logoData;
    profile->logoType = m_logoType;
}

QString ProfileForm::setLogoFromFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live = LiveLogFiles::refuse(path, QString()); !live)
        return live.errorMessage();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("The logo %1 cannot be read (%2).").arg(shown, file.errorString());
    if (file.size() > MaxLogoBytes) {
        return tr("The logo %1 is larger than 2 MB; save a smaller copy of it and choose that.")
            .arg(shown);
    }
    QByteArray bytes = file.readAll();
    QString type;
    if (ProfileChecks::looksLikePng(bytes)) {
        type = QStringLiteral("png");
    } else if (ProfileChecks::looksLikeSvg(bytes)) {
        type = QStringLiteral("svg");
    } else {
        // Other formats are stored as PNG, the one raster format the profile keeps.
        QImage image;
        if (!image.loadFromData(bytes)) {
            return tr("%1 is not an image FOI Desk can read; use a PNG, SVG or JPEG file.")
                .arg(shown);
        }
        bytes.clear();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        type = QStringLiteral("png");
    }

    OrganisationProfile probe;
    probe.logoData = bytes;
    probe.logoType = type;
    const Result<QImage> image = probe.logo();
    if (!image || image->isNull())
        return tr("%1 is not an image FOI Desk can read; use a PNG or SVG file.").arg(shown);

    m_logoFile.clear();
    m_logoData = bytes;
    m_logoType = type;
    updateLogoPreview();
    return QString();
}

void ProfileForm::clearLogo()
{
    m_logoFile.clear();
    m_logoData.clear();
    m_logoType.clear();
    updateLogoPreview();
}

bool ProfileForm::showField(const QString &field)
{
    QWidget *widget = widgetFor(field);
    if (!widget)
        return false;
    // The page sits in a scroll area on small screens.
    for (QWidget *ancestor = parentWidget(); ancestor; ancestor = ancestor->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(ancestor)) {
            scroll->ensureWidgetVisible(widget);
            break;
        }
    }
    widget->setFocus(Qt::OtherFocusReason);
    return true;
}

QWidget *ProfileForm::widgetFor(const QString &field) const
{
    if (field == QLatin1String("name"))
        return m_name;
    if (field == QLatin1String("address"))
        return m_address;
    if (field == QLatin1String("email"))
        return m_email;
    if (field == QLatin1String("phone"))
        return m_phone;
    if (field == QLatin1String("published_data_link"))
        return m_publishedDataLink;
    if (field.startsWith(QLatin1String("review")))
        return field.endsWith(QLatin1String("address")) ? static_cast<QWidget *>(m_reviewAddress)
                                                        : m_reviewEmail;
    if (field == QLatin1String("date_format"))
        return m_dateFormat;
    if (field == QLatin1String("signature"))
        return m_signature;
    if (field.startsWith(QLatin1String("logo")))
        return m_chooseLogo;
    return nullptr;
}

void ProfileForm::chooseLogo()
{
    const QString path =
        FileDialogs::openFile(this,
                              QStringLiteral("logoFileDialog"),
                              tr("Choose Logo"),
                              QString(),
                              tr("Images (*.png *.svg *.jpg *.jpeg *.bmp *.gif);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString problem = setLogoFromFile(path);
    if (!problem.isEmpty()) {
        m_logoNote->setText(problem);
        m_logoNote->show();
    }
}

void ProfileForm::updateDateSample()
{
    OrganisationProfile probe;
    probe.name = QStringLiteral("-");
    probe.dateFormat = m_dateFormat->currentText().trimmed();
    const Result<void> valid = probe.validate();
    if (!valid) {
        m_dateSample->setText(tr("Needs the day, the month and the year, as in d MMMM yyyy."));
        return;
    }
    m_dateSample->setText(tr("Today in a letter: %1").arg(probe.formatDate(QDate::currentDate())));
}

void ProfileForm::updateLogoPreview()
{
    const bool hasLogo = !m_logoData.isEmpty() || !m_logoFile.isEmpty();
    m_clearLogo->setEnabled(hasLogo);
    m_logoPreview->setPixmap(QPixmap());
    if (!hasLogo) {
        m_logoPreview->setText(tr("No logo"));
        m_logoNote->setText(tr("Optional: a PNG or SVG image printed at the top of each letter."));
        return;
    }
    OrganisationProfile probe;
    probe.logoFile = m_logoFile;
    probe.logoData = m_logoData;
    probe.logoType = m_logoType;
    const Result<QImage> image = probe.logo();
    if (!image || image->isNull()) {
        m_logoPreview->setText(tr("Cannot be shown"));
        m_logoNote->setText(image ? tr("The logo is empty; choose it again.")
                                  : image.errorMessage());
        return;
    }
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap =
        QPixmap::fromImage(image->scaled(QSize(LogoPreviewWidth - 8, LogoPreviewHeight - 8) * ratio,
                                         Qt::KeepAspectRatio,
                                         Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_logoPreview->setPixmap(pixmap);
    m_logoNote->setText(m_logoFile.isEmpty()
                            ? tr("Kept inside the settings, so it travels with an export.")
                            : tr("Read from %1.").arg(QDir::toNativeSeparators(m_logoFile)));
}

} // namespace foidesk
