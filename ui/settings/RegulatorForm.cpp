#include "settings/RegulatorForm.h"

#include "profile/OrganisationProfile.h"

#include <QFontMetrics>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace foidesk {

RegulatorForm::RegulatorForm(const QString &title, const QString &namePrefix, QWidget *parent)
    : QGroupBox(title, parent)
    , m_name(new QLineEdit(this))
    , m_address(new QPlainTextEdit(this))
    , m_phone(new QLineEdit(this))
    , m_website(new QLineEdit(this))
    , m_email(new QLineEdit(this))
{
    setObjectName(namePrefix + QStringLiteral("Form"));
    m_name->setObjectName(namePrefix + QStringLiteral("NameEdit"));
    m_address->setObjectName(namePrefix + QStringLiteral("AddressEdit"));
    m_phone->setObjectName(namePrefix + QStringLiteral("PhoneEdit"));
    m_website->setObjectName(namePrefix + QStringLiteral("WebsiteEdit"));
    m_email->setObjectName(namePrefix + QStringLiteral("EmailEdit"));

    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 5
                              + 2 * m_address->frameWidth() + 8);
    m_email->setPlaceholderText(tr("Optional"));

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Telephone:"), m_phone);
    form->addRow(tr("We&bsite:"), m_website);
    form->addRow(tr("&Email:"), m_email);
}

void RegulatorForm::setContact(const RegulatorContact &contact)
{
    m_name->setText(contact.name);
    m_address->setPlainText(contact.address);
    m_phone->setText(contact.phone);
    m_website->setText(contact.website);
    m_email->setText(contact.email);
}

RegulatorContact RegulatorForm::contact() const
{
    RegulatorContact contact;
    contact.name = m_name->text().trimmed();
    contact.address = m_address->toPlainText().trimmed();
    contact.phone = m_phone->text().trimmed();
    contact.website = m_website->text().trimmed();
    contact.email = m_email->text().trimmed();
    return contact;
}

} // namespace foidesk
