#pragma once

#include "settings/SettingsPage.h"

#include <QByteArray>
#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace foidesk {

struct OrganisationProfile;

// The "Organisation" page of the settings: the authority's name and contact details, where
// reviews go, the letter date format with a sample, the logo and the signature.
class ProfileForm : public SettingsPage
{
    Q_OBJECT

public:
    explicit ProfileForm(QWidget *parent = nullptr);
    ~ProfileForm() override;

    // Shows the fields of profile that this page edits.
    void setProfile(const OrganisationProfile &profile) override;
    // Writes this page's fields into *profile, leaving the others as they are.
    void applyTo(OrganisationProfile *profile) const override;
    bool showField(const QString &field) override;

    // Reads an image file as the logo: PNG and SVG are kept as they are, other image formats
    // are converted to PNG. Returns an empty string, or a complete sentence saying why the file
    // cannot be used.
    QString setLogoFromFile(const QString &path);
    void clearLogo();

    // The widget that edits a profile field named as in validation messages ("name",
    // "date_format", "signature", "logo.data"...); null for fields not on this page.
    QWidget *widgetFor(const QString &field) const;

private:
    void chooseLogo();
    void updateDateSample();
    void updateLogoPreview();

    QString m_logoFile;
    QByteArray m_logoData;
    QString m_logoType;

    QLineEdit *m_name;
    QPlainTextEdit *m_address;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QLineEdit *m_publishedDataLink;
    QLineEdit *m_reviewEmail;
    QPlainTextEdit *m_reviewAddress;
    QComboBox *m_dateFormat;
    QComboBox *m_salutation;
    QLabel *m_dateSample;
    QLabel *m_logoPreview;
    QLabel *m_logoNote;
    QPushButton *m_chooseLogo;
    QPushButton *m_clearLogo;
    QPlainTextEdit *m_signature;
};

} // namespace foidesk
