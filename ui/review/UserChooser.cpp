#include "review/UserChooser.h"

#include "model/RequestEnums.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

QList<StaffMember> withLogins(const QList<StaffMember> &staff)
{
    QList<StaffMember> people;
    for (const StaffMember &member : staff) {
        if (!member.login.trimmed().isEmpty())
            people.append(member);
    }
    return people;
}

bool sameLogin(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

UserChooser::UserChooser(const QList<StaffMember> &staff,
                         const QString &preselect,
                         const QString &systemAccount,
                         QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("userChooser"));
    setWindowTitle(tr("Who Is Working?"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Review is on for this log, so every change, comment and "
                                "decision is recorded with the name of who made it. Choose "
                                "yourself:"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    QList<StaffMember> people = withLogins(staff);
    // The computer account's entry first: it is most likely the person at the keyboard.
    std::stable_sort(people.begin(), people.end(), [&](const StaffMember &a, const StaffMember &b) {
        return sameLogin(a.login, systemAccount) && !sameLogin(b.login, systemAccount);
    });
    m_list->setObjectName(QStringLiteral("userList"));
    int selected = 0;
    for (const StaffMember &member : std::as_const(people)) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2, %3)")
                .arg(member.name, member.login, staffRoleDisplayName(member.role).toLower()),
            m_list);
        item->setData(Qt::UserRole, member.login);
        if (sameLogin(member.login, preselect))
            selected = m_list->count() - 1;
    }
    m_list->setCurrentRow(selected);
    m_list->setMinimumSize(380, 160);
    layout->addWidget(m_list, 1);

    auto *note = new QLabel(tr("The choice is remembered on this computer. On a log kept in one "
                               "file the roles are honest labels, not a security boundary."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Work as This Person"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
}

QString UserChooser::chosenLogin() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool UserChooser::chooseAtStart(Store *store, AppSettings *settings, QWidget *parent)
{
    const Result<bool> review = store->reviewEnabled();
    if (!review || !*review)
        return true;
    const Result<QList<StaffMember>> staff = store->staff();
    if (!staff)
        return true;
    const QList<StaffMember> people = withLogins(*staff);
    if (people.isEmpty())
        return true;
    const QString remembered = settings->currentUser();
    for (const StaffMember &member : people) {
        if (!remembered.isEmpty() && sameLogin(member.login, remembered)) {
            store->setCurrentUser(member.login);
            return true;
        }
    }
    return switchUser(store, settings, parent);
}

bool UserChooser::switchUser(Store *store, AppSettings *settings, QWidget *parent)
{
    const Result<QList<StaffMember>> staff = store->staff();
    if (!staff || withLogins(*staff).isEmpty()) {
        QMessageBox::information(parent,
                                 tr("Switch User"),
                                 tr("Nobody in the staff register has a login name yet. Give "
                                    "each person their computer account name in Tools > Staff "
                                    "Register, then choose who is working."));
        return false;
    }
    const QString preselect = settings->currentUser().isEmpty() ? Store::operatingSystemAccount()
                                                                : settings->currentUser();
    UserChooser chooser(*staff, preselect, Store::operatingSystemAccount(), parent);
    if (chooser.exec() != QDialog::Accepted || chooser.chosenLogin().isEmpty())
        return false;
    store->setCurrentUser(chooser.chosenLogin());
    settings->setCurrentUser(chooser.chosenLogin());
    settings->sync();
    return true;
}

} // namespace foidesk
