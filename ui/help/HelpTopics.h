#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QDialogButtonBox;
class QWidget;

namespace foidesk {

class HelpViewer;

// Which part of the user guide belongs to which window, and the ways to it: Help > User Guide,
// F1 in any window or dialog, and the Help button of a dialog. Each opens the guide at the
// section about the window (for Settings, about the page shown).
class HelpTopics : public QObject
{
    Q_OBJECT

public:
    // parent: the main window, which the User Guide action belongs to. Watches for F1 in every
    // window of the application while it exists.
    explicit HelpTopics(QWidget *parent);
    ~HelpTopics() override;

    // Help > User Guide (F1).
    QAction *guideAction() const { return m_guideAction; }

    // The anchor of the guide's section about window (a dialog, identified by its object
    // name, or a widget in it); empty for the start of the guide.
    static QString sectionFor(const QWidget *window);
    // Every section sectionFor() can give, for the test that the guide has each of them.
    static QStringList linkedSections();

    // Opens the guide at the section about the window that widget is in.
    static HelpViewer *showHelpFor(QWidget *widget);
    // Adds a Help button to a dialog's buttons, opening the guide at the dialog's section.
    static void addHelpButton(QDialogButtonBox *buttons);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *m_guideAction;
};

} // namespace foidesk
