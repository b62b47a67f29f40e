#include "settings/StaffRegisterDialog.h"

#include "profile/OrganisationProfile.h"
#include "model/RequestEnums.h"
#include "store/Store.h"
#include "help/HelpTopics.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

enum StaffColumn
{
    NameColumn,
    JobTitleColumn,
    GradeColumn,
    SeniorColumn,
    RoleColumn
};

} // namespace

StaffRegisterDialog::StaffRegisterDialog(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_table(new QTableWidget(this))
    , m_nameEdit(new QLineEdit(this))
    , m_jobTitleEdit(new QLineEdit(this))
    , m_loginEdit(new QLineEdit(this))
    , m_gradeEdit(new QComboBox(this))
    , m_seniorCheck(new QCheckBox(tr("Senior member of staff"), this))
    , m_reviewCheck(new QCheckBox(tr("Supervisors &review drafts before they are sent"), this))
    , m_roleCombo(new QComboBox(this))
    , m_newButton(new QPushButton(tr("&New"), this))
    , m_saveButton(new QPushButton(tr("&Add Member"), this))
    , m_removeButton(new QPushButton(tr("&Remove..."), this))
{
    setObjectName(QStringLiteral("staffRegisterDialog"));
    setWindowTitle(tr("Staff Register"));

    m_table->setObjectName(QStringLiteral("staffTable"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Job title"), tr("Grade"), tr("Senior"), tr("Role")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Every column in view: the names and job titles share what the short columns leave.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(JobTitleColumn, QHeaderView::Stretch);
    for (int column : {int(GradeColumn), int(SeniorColumn), int(RoleColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_nameEdit->setObjectName(QStringLiteral("staffNameEdit"));
    m_jobTitleEdit->setObjectName(QStringLiteral("staffJobTitleEdit"));
    m_loginEdit->setObjectName(QStringLiteral("staffLoginEdit"));
    m_loginEdit->setToolTip(tr("The person's computer account name: changes, comments and "
                               "decisions are recorded under it. On a single log file roles are "
                               "honest labels, not a security boundary."));
    m_gradeEdit->setObjectName(QStringLiteral("staffGradeEdit"));
    m_gradeEdit->setEditable(true);
    m_gradeEdit->setInsertPolicy(QComboBox::NoInsert);
    m_gradeEdit->lineEdit()->setPlaceholderText(
        tr("Choose a grade of the personal data policy, or type one"));
    m_gradeEdit->setToolTip(tr("Names of staff at or below the grade set in Settings > Personal "
                               "data are suggested for withholding in answers."));
    loadGrades();
    m_seniorCheck->setObjectName(QStringLiteral("staffSeniorCheck"));
    m_seniorCheck->setToolTip(tr("Senior staff are named in published responses; the names of "
                                 "junior staff are usually withheld as personal data."));
    m_roleCombo->setObjectName(QStringLiteral("staffRoleCombo"));
    m_roleCombo->addItem(staffRoleDisplayName(StaffRole::Officer),
                         static_cast<int>(StaffRole::Officer));
    m_roleCombo->addItem(staffRoleDisplayName(StaffRole::Supervisor),
                         static_cast<int>(StaffRole::Supervisor));
    m_roleCombo->addItem(staffRoleDisplayName(StaffRole::Both), static_cast<int>(StaffRole::Both));
    m_newButton->setObjectName(QStringLiteral("staffNewButton"));
    m_saveButton->setObjectName(QStringLiteral("staffSaveButton"));
    m_removeButton->setObjectName(QStringLiteral("staffRemoveButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Job title:"), m_jobTitleEdit);
    form->addRow(tr("&Login:"), m_loginEdit);
    form->addRow(tr("&Grade:"), m_gradeEdit);
    form->addRow(QString(), m_seniorCheck);
    form->addRow(tr("R&ole:"), m_roleCombo);
    auto *details = new QGroupBox(tr("Details"), this);
    details->setLayout(form);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    HelpTopics::addHelpButton(close);

    // Said where the roles are given, not only in a tooltip.
    auto *rolesNote = new QLabel(
        tr("Review is on once someone here is a supervisor: officers submit drafts, supervisors "
           "approve or return them, and every change is recorded with the login of who made it. "
           "In a log kept in one file the roles are honest labels, not a security boundary: "
           "anyone who can open the file could change it with other tools, and the history "
           "would show that it was altered."),
        this);
    rolesNote->setObjectName(QStringLiteral("staffRolesNote"));
    rolesNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(rolesNote);
    m_reviewCheck->setObjectName(QStringLiteral("reviewEnabledCheck"));
    layout->addWidget(m_reviewCheck);
    connect(m_reviewCheck, &QCheckBox::toggled, this, &StaffRegisterDialog::setReviewWanted);
    connect(m_store, &Store::staffChanged, this, &StaffRegisterDialog::showReviewState);
    showReviewState();
    layout->addWidget(details);
    layout->addLayout(buttons);
    layout->addWidget(close);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffRegisterDialog::showSelected);
    connect(m_newButton, &QPushButton::clicked, this, &StaffRegisterDialog::startNew);
    connect(m_saveButton, &QPushButton::clicked, this, &StaffRegisterDialog::saveCurrent);
    connect(m_removeButton, &QPushButton::clicked, this, &StaffRegisterDialog::removeSelected);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &StaffRegisterDialog::updateButtons);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &StaffRegisterDialog::saveCurrent);

    resize(640, 560);
    reload(0);
    startNew();
}

StaffRegisterDialog::~StaffRegisterDialog() = default;

// Ticked while review is wanted; it is on only while the register has a supervisor, and the
// tooltip says which way it stands now.
void StaffRegisterDialog::showReviewState()
{
    const Result<bool> off = m_store->reviewSwitchedOff();
    const Result<bool> on = m_store->reviewEnabled();
    const QSignalBlocker blocker(m_reviewCheck);
    m_reviewCheck->setChecked(off && !*off);
    m_reviewCheck->setEnabled(bool(off));
    QString state;
    if (!off || !on)
        state = tr("The review setting could not be read.");
    else if (*on)
        state = tr("Review is on: officers submit drafts and supervisors approve them.");
    else if (*off)
        state = tr("Review is switched off for this log: anyone may mark a request sent, as in "
                   "a one-person office.");
    else
        state = tr("Review is off until someone here has the role of supervisor.");
    m_reviewCheck->setToolTip(state);
    m_reviewCheck->setStatusTip(state);
}

void StaffRegisterDialog::setReviewWanted(bool wanted)
{
    const Result<void> saved = m_store->setReviewSwitchedOff(!wanted);
    if (!saved)
        QMessageBox::warning(this, tr("Review Not Changed"), saved.errorMessage());
    showReviewState();
}

void StaffRegisterDialog::loadGrades()
{
    // Without a readable profile the box simply takes typing.
    const Result<OrganisationProfile> profile = m_store->profile();
    if (profile)
        m_gradeEdit->addItems(profile->grades);
    m_gradeEdit->setCurrentText(QString());
}

QList<StaffMember> StaffRegisterDialog::members() const
{
    return m_members;
}

void StaffRegisterDialog::reload(qint64 selectId)
{
    const auto staff = m_store->staff();
    if (!staff) {
        QMessageBox::warning(this, tr("Staff Register"), staff.errorMessage());
        return;
    }
    m_members = *staff;

    const QSignalBlocker blocker(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(m_members.size()));
    int selectRow = -1;
    for (int row = 0; row < m_members.size(); ++row) {
        const StaffMember &member = m_members.at(row);
        m_table->setItem(row, NameColumn, new QTableWidgetItem(member.name));
        m_table->setItem(row, JobTitleColumn, new QTableWidgetItem(member.jobTitle));
        m_table->setItem(row, GradeColumn, new QTableWidgetItem(member.grade));
        m_table->setItem(
            row, SeniorColumn, new QTableWidgetItem(member.senior ? tr("Yes") : tr("No")));
        m_table->setItem(row, RoleColumn, new QTableWidgetItem(staffRoleDisplayName(member.role)));
        if (member.id == selectId)
            selectRow = row;
    }
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    else
        m_table->clearSelection();
    updateButtons();
}

int StaffRegisterDialog::selectedRow() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? -1 : selected.first()->row();
}

void StaffRegisterDialog::showSelected()
{
    const int row = selectedRow();
    if (row < 0 || row >= m_members.size()) {
        updateButtons();
        return;
    }
    const StaffMember &member = m_members.at(row);
    m_editingId = member.id;
    m_nameEdit->setText(member.name);
    m_jobTitleEdit->setText(member.jobTitle);
    m_loginEdit->setText(member.login);
    m_gradeEdit->setCurrentText(member.grade);
    m_seniorCheck->setChecked(member.senior);
    m_roleCombo->setCurrentIndex(m_roleCombo->findData(static_cast<int>(member.role)));
    updateButtons();
}

void StaffRegisterDialog::startNew()
{
    m_editingId = 0;
    {
        const QSignalBlocker blocker(m_table);
        m_table->clearSelection();
    }
    m_nameEdit->clear();
    m_jobTitleEdit->clear();
    m_loginEdit->clear();
    m_gradeEdit->setCurrentText(QString());
    m_seniorCheck->setChecked(false);
    m_roleCombo->setCurrentIndex(0);
    m_nameEdit->setFocus();
    updateButtons();
}

StaffMember StaffRegisterDialog::memberFromForm() const
{
    StaffMember member;
    member.id = m_editingId;
    member.name = m_nameEdit->text().trimmed();
    member.jobTitle = m_jobTitleEdit->text().trimmed();
    member.login = m_loginEdit->text().trimmed();
    member.grade = m_gradeEdit->currentText().trimmed();
    member.senior = m_seniorCheck->isChecked();
    member.role = static_cast<StaffRole>(m_roleCombo->currentData().toInt());
    return member;
}

void StaffRegisterDialog::saveCurrent()
{
    const StaffMember member = memberFromForm();
    if (member.name.isEmpty()) {
        QMessageBox::information(
            this, tr("Staff Register"), tr("Type the person's name before saving."));
        m_nameEdit->setFocus();
        return;
    }
    const auto saved = m_store->saveStaffMember(member);
    if (!saved) {
        QMessageBox::warning(
            this,
            tr("Staff Register"),
            tr("%1 could not be saved.\n\n%2").arg(member.name, saved.errorMessage()));
        return;
    }
    reload(saved->id);
    m_editingId = saved->id;
}

void StaffRegisterDialog::removeSelected()
{
    const int row = selectedRow();
    if (row < 0 || row >= m_members.size())
        return;
    const StaffMember member = m_members.at(row);
    const auto answer =
        QMessageBox::question(this,
                              tr("Remove from Staff Register"),
                              tr("Remove %1 from the staff register?").arg(member.name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const Result<void> removed = m_store->removeStaffMember(member.id);
    if (!removed) {
        QMessageBox::warning(
            this,
            tr("Staff Register"),
            tr("%1 could not be removed.\n\n%2").arg(member.name, removed.errorMessage()));
        return;
    }
    reload(0);
    startNew();
}

void StaffRegisterDialog::updateButtons()
{
    m_saveButton->setEnabled(!m_nameEdit->text().trimmed().isEmpty());
    m_saveButton->setText(m_editingId == 0 ? tr("&Add Member") : tr("&Save Changes"));
    m_removeButton->setEnabled(selectedRow() >= 0);
}

} // namespace foidesk
