#pragma once

#include "settings/SettingsPage.h"

namespace foidesk {

class RegulatorForm;

// The "Regulators" page of the settings: the two regulators a letter can name, side by side.
class RegulatorsPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit RegulatorsPage(QWidget *parent = nullptr);

    void setProfile(const OrganisationProfile &profile) override;
    void applyTo(OrganisationProfile *profile) const override;
    bool showField(const QString &field) override;

private:
    RegulatorForm *m_uk;
    RegulatorForm *m_scotland;
};

} // namespace foidesk
