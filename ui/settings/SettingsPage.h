#pragma once

#include <QString>
#include <QWidget>

namespace foidesk {

struct OrganisationProfile;

// One page of Tools > Settings. Each shows part of the organisation profile and writes its
// edits back; nothing is saved until the dialog's OK. The dialog treats its pages alike: it
// shows a profile in all of them, collects the edits from all of them, and sends a refused
// field ("templates.opening: ...") to the page that edits it.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Shows the fields of profile that this page edits.
    virtual void setProfile(const OrganisationProfile &profile) = 0;
    // Writes this page's fields into *profile, leaving the others as they are.
    virtual void applyTo(OrganisationProfile *profile) const = 0;
    // Brings the profile field named as in validation messages ("name", "templates.opening",
    // "exemptions.local[2].code") into view and puts the cursor in it. False when the field is
    // not one this page edits.
    virtual bool showField(const QString &field) = 0;
};

} // namespace foidesk
