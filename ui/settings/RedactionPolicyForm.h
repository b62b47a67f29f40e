#pragma once

#include <QString>
#include <QStringList>
#include "settings/SettingsPage.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace foidesk {

struct OrganisationProfile;

// The "Personal data" page of the settings: the authority's grades from most to least senior,
// and the grade from which staff names are suggested for withholding under section 40(2)
// (OrganisationProfile::grades and withholdFromGrade). The law sets no grade; this is the
// authority's policy, so it is a setting. Nothing is saved until the Settings dialog's OK.
class RedactionPolicyForm : public SettingsPage
{
    Q_OBJECT

public:
    explicit RedactionPolicyForm(QWidget *parent = nullptr);
    ~RedactionPolicyForm() override;

    // Shows the policy of profile.
    void setProfile(const OrganisationProfile &profile) override;
    // Writes this page's fields into *profile, leaving the others as they are.
    void applyTo(OrganisationProfile *profile) const override;
    bool showField(const QString &field) override;

    QStringList grades() const;
    // The most senior grade whose holders' names are suggested; empty for "everyone not marked
    // senior in the staff register".
    QString withholdFromGrade() const;

    // Adds a grade below the selected one (or at the end) and starts editing its name.
    void addGrade();
    void removeSelectedGrade();
    void moveSelectedGrade(int delta);
    // Renames the grade at row. Returns an empty string, or a sentence saying why the name
    // cannot be used (empty, or the name of another grade); the name is then left as it was.
    QString renameGrade(int row, const QString &name);

    QString message() const;

private:
    void setGrades(const QStringList &grades, const QString &threshold);
    void fillThreshold(const QString &select);
    void onItemChanged(int row);
    void updateButtons();
    void updateSummary();
    void showMessage(const QString &message);

    QStringList m_grades;
    bool m_filling = false;

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QComboBox *m_threshold;
    QLabel *m_summary;
    QLabel *m_message;
};

} // namespace foidesk
