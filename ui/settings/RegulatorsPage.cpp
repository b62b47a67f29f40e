#include "settings/RegulatorsPage.h"

#include "profile/OrganisationProfile.h"
#include "settings/RegulatorForm.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace foidesk {

RegulatorsPage::RegulatorsPage(QWidget *parent)
    : SettingsPage(parent)
    , m_uk(new RegulatorForm(tr("England, Wales and Northern Ireland (FOIA and EIR)"),
                             QStringLiteral("ukRegulator"),
                             this))
    , m_scotland(new RegulatorForm(
          tr("Scotland (FOISA and EIRS)"), QStringLiteral("scotlandRegulator"), this))
{
    setObjectName(QStringLiteral("regulatorsPage"));
    auto *intro = new QLabel(tr("Where a requester can complain once the authority's own review "
                                "is done. The letter names the regulator for the law the request "
                                "was handled under."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    auto *forms = new QHBoxLayout;
    forms->addWidget(m_uk, 1, Qt::AlignTop);
    forms->addWidget(m_scotland, 1, Qt::AlignTop);
    layout->addLayout(forms);
    layout->addStretch(1);
}

void RegulatorsPage::setProfile(const OrganisationProfile &profile)
{
    m_uk->setContact(profile.regulatorUk);
    m_scotland->setContact(profile.regulatorScotland);
}

void RegulatorsPage::applyTo(OrganisationProfile *profile) const
{
    profile->regulatorUk = m_uk->contact();
    profile->regulatorScotland = m_scotland->contact();
}

bool RegulatorsPage::showField(const QString &field)
{
    if (!field.startsWith(QLatin1String("regulators")))
        return false;
    (field.contains(QLatin1String("scotland")) ? m_scotland : m_uk)
        ->nameEdit()
        ->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace foidesk
