#pragma once

#include <QGroupBox>

class QLineEdit;
class QPlainTextEdit;

namespace foidesk {

struct RegulatorContact;

// The contact details of one regulator (the Information Commissioner, or the Scottish
// Information Commissioner), as the "your rights" paragraph of a letter quotes them.
class RegulatorForm : public QGroupBox
{
    Q_OBJECT

public:
    // namePrefix starts the objectName of each field ("ukRegulator" -> "ukRegulatorNameEdit").
    RegulatorForm(const QString &title, const QString &namePrefix, QWidget *parent = nullptr);

    void setContact(const RegulatorContact &contact);
    RegulatorContact contact() const;

    QLineEdit *nameEdit() const { return m_name; }

private:
    QLineEdit *m_name;
    QPlainTextEdit *m_address;
    QLineEdit *m_phone;
    QLineEdit *m_website;
    QLineEdit *m_email;
};

} // namespace foidesk
