#include "backup/BackupActions.h"

#include "backup/BackupPrompts.h"
#include "store/Backups.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QIcon>
#include <QWidget>

namespace foidesk {

BackupActions::BackupActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_backupAction(
          new QAction(QIcon(QStringLiteral(":/icons/backup.svg")), tr("&Back Up Now"), this))
    , m_restoreAction(new QAction(tr("&Restore from Backup..."), this))
{
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setToolTip(tr("Back up the whole log now"));
    connect(m_backupAction, &QAction::triggered, this, &BackupActions::backUpNow);

    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    connect(m_restoreAction, &QAction::triggered, this, &BackupActions::chooseBackupToRestore);
}

void BackupActions::setStore(Store *store)
{
    m_store = store;
    m_backupAction->setEnabled(store != nullptr);
    m_restoreAction->setEnabled(store != nullptr);
}

QString BackupActions::backupFolder() const
{
    const QString configured = m_settings->backupFolder();
    if (!configured.isEmpty())
        return configured;
    return m_store ? Backups::defaultFolder(m_store->path()) : QString();
}

QString BackupActions::backUpNow()
{
    if (!m_store)
        return {};
    const QString backup = BackupPrompts::backUpNow(*m_store, backupFolder(), m_window);
    if (!backup.isEmpty())
        Q_EMIT statusMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(backup)), false);
    return backup;
}

void BackupActions::runDailyBackup()
{
    if (!m_store)
        return;
    const auto daily = Backups::dailyBackupIfDue(
        *m_store, backupFolder(), QDate::currentDate(), m_settings->dailyBackupKeep());
    if (!daily) {
        Q_EMIT statusMessage(tr("Warning: today's automatic backup could not be made. %1 Use "
                                "File > Back Up Now once the problem is fixed.")
                                 .arg(daily.errorMessage()),
                             true);
        return;
    }
    if (daily->has_value()) {
        Q_EMIT statusMessage(tr("Daily backup made: %1").arg(QDir::toNativeSeparators(**daily)),
                             false);
    }
}

void BackupActions::chooseBackupToRestore()
{
    const QString backup =
        BackupPrompts::chooseBackupToRestore(backupFolder(), *m_settings, m_window);
    if (!backup.isEmpty())
        Q_EMIT restoreChosen(backup);
}

} // namespace foidesk
