#pragma once

#include "editing/RequestDocument.h"
#include "exemptions/ExemptionCatalogue.h"

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace foidesk {

// Picks exemptions of one regime from the catalogue: a list with code, title and whether a
// public interest test applies, narrowed as the officer types a code ("40(2)", "section 43")
// or words ("commercial"). Either several, ticked (a question's exemptions), or exactly one
// (the exemption of a withheld passage).
class ExemptionChooser : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Several, // tick any number; OK with none ticked clears the list
        One,     // the current row; Enter or a double click chooses it
    };

    // selected: the codes chosen so far, ticked (Several) or current (One). Codes that are not
    // in the catalogue for regime stay listed, marked, so they can be unticked.
    ExemptionChooser(const ExemptionCatalogue &catalogue,
                     Regime regime,
                     const QStringList &selected,
                     Mode mode,
                     QWidget *parent = nullptr);

    // The codes chosen: in Several mode those ticked, in the order they were chosen before,
    // then new ones in catalogue order; in One mode the current row's code (empty if none).
    QStringList selectedCodes() const;

    // One line naming an exemption for lists and banners: "s40(2) Personal information", or
    // the code marked as unknown when the catalogue has no such entry for regime.
    static QString
    describe(const ExemptionCatalogue &catalogue, Regime regime, const QString &code);

    // A short menu at globalPos offering codes (the first highlighted, so Enter takes it) and
    // "Other Exemption…", which opens the chooser for one exemption of regime. Returns the code
    // chosen, or an empty string when the user cancelled either.
    static QString pickFromMenu(const ExemptionCatalogue &catalogue,
                                Regime regime,
                                const QStringList &codes,
                                const QPoint &globalPos,
                                QWidget *parent);

    // Shows only the rows matching text (as typed in the filter box).
    void setFilterText(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addRow(const QString &code,
                const QString &title,
                const QString &kind,
                const QString &searchText);
    void applyFilter();
    void updateOkButton();

    ExemptionCatalogue m_catalogue;
    Regime m_regime;
    Mode m_mode;
    QStringList m_initial;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_noMatch = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace foidesk
