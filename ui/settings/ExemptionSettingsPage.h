#pragma once

#include "exemptions/ExemptionCatalogue.h"

#include <QList>
#include <QMap>
#include <QString>
#include "settings/SettingsPage.h"
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace foidesk {

struct OrganisationProfile;

// The "Exemptions" page of the settings: the shipped catalogue for each regime (code, title,
// absolute or qualified), the authority's own wording of each exemption's default reasoning
// and public interest paragraph (OrganisationProfile::exemptionOverrides, with a way back to
// the shipped wording), and exemptions the authority adds itself (localExemptions). Nothing is
// saved until the Settings dialog's OK.
class ExemptionSettingsPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit ExemptionSettingsPage(QWidget *parent = nullptr);
    ~ExemptionSettingsPage() override;

    // Shows the exemption settings of profile.
    void setProfile(const OrganisationProfile &profile) override;
    // Writes this page's fields into *profile, leaving the others as they are.
    void applyTo(OrganisationProfile *profile) const override;

    // Brings the entry a validation message names into view ("exemptions.local[2].code",
    // "exemptions.overrides.s40(2).reasoning") and puts the cursor in the field at fault.
    // False when the field is not one of this page's.
    bool showField(const QString &field) override;

    // Shows regime's exemptions and selects code's entry (false when there is none).
    bool selectExemption(Regime regime, const QString &code);
    // The selected entry as it will be used, with the page's edits.
    std::optional<Exemption> currentExemption() const;

    // Puts the shipped reasoning and public interest wording back for the selected shipped
    // exemption.
    void restoreDefault();
    // Adds a local exemption to the regime shown and selects it for editing.
    void addLocal();
    // Removes the selected local exemption.
    void removeSelected();

private:
    struct Selected
    {
        bool local = false;
        int index = -1; // into m_local when local
        Regime regime = Regime::FOIA;
        QString code;
    };

    void fillList();
    void showSelected();
    void onTextEdited();
    void onLocalFieldEdited();
    void updateButtons();
    void updateItem(QTreeWidgetItem *item, const Exemption &entry, bool local) const;
    void selectLocal(int index);
    Regime shownRegime() const;
    Selected selected() const;
    const Exemption *shippedEntry(Regime regime, const QString &code) const;
    Exemption withOverride(const Exemption &shipped) const;
    // The regimes where the shipped catalogue has code, as short names: "FOIA and FOISA".
    QString regimesWithCode(const QString &code) const;

    ExemptionCatalogue m_shipped;
    QString m_catalogueError;
    QMap<QString, ExemptionReasoning> m_overrides;
    QList<Exemption> m_local;
    bool m_showing = false;

    QComboBox *m_regime;
    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QLabel *m_catalogueMessage;
    QPushButton *m_add;
    QPushButton *m_remove;

    QLabel *m_heading;
    QLabel *m_origin;
    QLineEdit *m_code;
    QComboBox *m_entryRegime;
    QLineEdit *m_title;
    QLineEdit *m_citation;
    QComboBox *m_kind;
    QPlainTextEdit *m_reasoning;
    QLabel *m_publicInterestLabel;
    QPlainTextEdit *m_publicInterest;
    QPushButton *m_restore;
    QWidget *m_details;
};

} // namespace foidesk
