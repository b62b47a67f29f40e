#pragma once

#include "model/Request.h"

#include <QDialog>
#include <QList>

class QListWidget;

namespace foidesk {

class AppSettings;
class Store;

// "Who is working?": the staff register's people with a login, the one whose login is the
// computer account first. Used at start-up while review is on (unless the user chose before
// and is still in the register) and from Review > Switch User.
class UserChooser : public QDialog
{
    Q_OBJECT

public:
    UserChooser(const QList<StaffMember> &staff,
                const QString &preselect,
                const QString &systemAccount,
                QWidget *parent = nullptr);

    QString chosenLogin() const;

    // At start-up: sets the store's current user to the remembered choice when the register
    // still has it, else asks (while review is on and anyone has a login). A one-person office
    // (review off) is never asked. Returns false only when the user cancelled the question;
    // the store then keeps the computer account.
    static bool chooseAtStart(Store *store, AppSettings *settings, QWidget *parent);
    // Asks now and applies the choice; false when cancelled.
    static bool switchUser(Store *store, AppSettings *settings, QWidget *parent);

private:
    QListWidget *m_list;
};

} // namespace foidesk
