#include "help/HelpTopics.h"

#include "help/HelpViewer.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QPushButton>
#include <QTabWidget>

namespace foidesk {

namespace {

// The pages of Tools > Settings, in the order of their tabs.
const QStringList &settingsSections()
{
    static const QStringList sections = {
        QStringLiteral("organisation"),
        QStringLiteral("regulators"),
        QStringLiteral("letter-wording"),
        QStringLiteral("exemptions"),
        QStringLiteral("personal-data"),
    };
    return sections;
}

struct WindowSection
{
    const char *objectName;
    const char *section;
};

// The windows with a section of their own, by object name.
constexpr WindowSection WindowSections[] = {
    {"mainWindow", ""},
    {"staffRegisterDialog", "staff-register"},
    {"bankHolidaysDialog", "bank-holidays"},
    {"restoreBackupDialog", "restoring-from-a-backup"},
    {"importResultsDialog", "importing-and-exporting-requests"},
    {"exemptionChooser", "choosing-an-exemption"},
    {"clockEventDialog", "clarifications-fees-extensions-and-reviews"},
    {"clockWorkingDialog", "how-was-this-worked-out"},
};

} // namespace

HelpTopics::HelpTopics(QWidget *parent)
    : QObject(parent)
    , m_guideAction(new QAction(tr("&User Guide"), this))
{
    m_guideAction->setObjectName(QStringLiteral("userGuideAction"));
    m_guideAction->setShortcut(QKeySequence::HelpContents);
    m_guideAction->setStatusTip(tr("Open the guide to FOI Desk"));
    // The window's shortcut also reaches a dialog shown without blocking the window: the guide
    // then opens at the dialog's section.
    connect(m_guideAction, &QAction::triggered, this, [parent] {
        QWidget *active = QApplication::activeWindow();
        showHelpFor(active && !qobject_cast<HelpViewer *>(active) ? active : parent);
    });
    qApp->installEventFilter(this);
}

HelpTopics::~HelpTopics()
{
    qApp->removeEventFilter(this);
}

QString HelpTopics::sectionFor(const QWidget *widget)
{
    for (const QWidget *window = widget ? widget->window() : nullptr; window;
         window = window->parentWidget() ? window->parentWidget()->window() : nullptr) {
        const QString name = window->objectName();
        if (name == QLatin1String("settingsDialog")) {
            const auto *tabs =
                window->findChild<const QTabWidget *>(QStringLiteral("settingsTabs"));
            const int index = tabs ? tabs->currentIndex() : 0;
            return settingsSections().value(index, settingsSections().constFirst());
        }
        for (const WindowSection &known : WindowSections) {
            if (name == QLatin1String(known.objectName))
                return QString::fromLatin1(known.section);
        }
    }
    return {};
}

QStringList HelpTopics::linkedSections()
{
    QStringList sections = settingsSections();
    for (const WindowSection &known : WindowSections) {
        if (*known.section)
            sections.append(QString::fromLatin1(known.section));
    }
    return sections;
}

HelpViewer *HelpTopics::showHelpFor(QWidget *widget)
{
    return HelpViewer::open(widget, sectionFor(widget));
}

void HelpTopics::addHelpButton(QDialogButtonBox *buttons)
{
    QPushButton *help = buttons->addButton(QDialogButtonBox::Help);
    help->setObjectName(QStringLiteral("helpButton"));
    help->setToolTip(tr("Open the user guide at this dialog (F1)"));
    // Help role buttons do not close the dialog.
    connect(
        buttons, &QDialogButtonBox::helpRequested, buttons, [buttons] { showHelpFor(buttons); });
}

bool HelpTopics::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F1 && key->modifiers() == Qt::NoModifier
            && watched->isWidgetType()) {
            auto *widget = static_cast<QWidget *>(watched);
            // In the guide itself F1 has nothing more to show.
            if (!qobject_cast<HelpViewer *>(widget->window()))
                showHelpFor(widget);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace foidesk
