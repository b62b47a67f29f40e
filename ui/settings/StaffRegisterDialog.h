#pragma once

#include "model/Request.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace foidesk {

class Store;

// Tools > Staff Register: the people who answer and review requests. Each change is saved to
// the store as soon as the user confirms it, so Close never loses anything.
class StaffRegisterDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StaffRegisterDialog(Store *store, QWidget *parent = nullptr);
    ~StaffRegisterDialog() override;

    // The register as last read from the store.
    QList<StaffMember> members() const;

private:
    void reload(qint64 selectId);
    void showSelected();
    void startNew();
    void saveCurrent();
    void removeSelected();
    void updateButtons();
    void loadGrades();
    void showReviewState();
    void setReviewWanted(bool wanted);
    StaffMember memberFromForm() const;
    int selectedRow() const;

    Store *m_store;
    QList<StaffMember> m_members;
    qint64 m_editingId = 0; // 0 while the form holds a new member
    QTableWidget *m_table;
    QLineEdit *m_nameEdit;
    QLineEdit *m_jobTitleEdit;
    QLineEdit *m_loginEdit;
    // Offers the grades of the personal data policy (Settings); any other grade can be typed.
    QComboBox *m_gradeEdit;
    QCheckBox *m_seniorCheck;
    QCheckBox *m_reviewCheck;
    QComboBox *m_roleCombo;
    QPushButton *m_newButton;
    QPushButton *m_saveButton;
    QPushButton *m_removeButton;
};

} // namespace foidesk
