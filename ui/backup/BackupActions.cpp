#include "backup/BackupActions.h"

#include "backup/BackupPrompts.h"
#include "store/Backups.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QThread>
#include <QTimer>
#include <QWidget>

namespace foidesk {

namespace {

// How long the note that today's backup was made stays in the status bar.
constexpr int DoneNoteMs = 10000;

} // namespace

BackupActions::BackupActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_backupAction(
          new QAction(QIcon(QStringLiteral(":/icons/backup.svg")), tr("&Back Up Now"), this))
    , m_restoreAction(new QAction(tr("&Restore from Backup..."), this))
    , m_dailyNote(new QLabel(tr("Making today's backup...")))
{
    m_dailyNote->setObjectName(QStringLiteral("dailyBackupNote"));
    m_dailyNote->setVisible(false);

    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setToolTip(tr("Back up the whole log now"));
    connect(m_backupAction, &QAction::triggered, this, &BackupActions::backUpNow);

    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    connect(m_restoreAction, &QAction::triggered, this, &BackupActions::chooseBackupToRestore);
}

BackupActions::~BackupActions()
{
    waitForDailyBackup();
    // The note belongs to the status bar it was added to, if any.
    if (!m_dailyNote->parent())
        delete m_dailyNote;
}

void BackupActions::setStore(Store *store)
{
    // The backup reads the log on a connection of its own: it is finished before the log is
    // let go, moved aside by a restore or replaced.
    if (store != m_store)
        waitForDailyBackup();
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

void BackupActions::startDailyBackup()
{
    if (!m_store || m_dailyThread)
        return;
    const QString log = m_store->path();
    const QString folder = backupFolder();
    const QDate today = QDate::currentDate();
    const int keep = m_settings->dailyBackupKeep();
    auto result = std::make_shared<std::optional<Result<std::optional<QString>>>>();
    m_dailyResult = result;
    m_dailyThread = QThread::create([log, folder, today, keep, result] {
        result->emplace(Backups::dailyBackupOfFile(log, folder, today, keep));
    });
    m_dailyThread->setObjectName(QStringLiteral("dailyBackupThread"));
    m_dailyThread->setParent(this);
    connect(m_dailyThread, &QThread::finished, this, &BackupActions::reportDailyBackup);
    m_dailyNote->setText(tr("Making today's backup..."));
    m_dailyNote->setToolTip(
        tr("Backing up the log to %1. You can go on working meanwhile.")
            .arg(QDir::toNativeSeparators(folder)));
    m_dailyNote->setVisible(true);
    // Below the window's own priority: typing and the list come first.
    m_dailyThread->start(QThread::LowPriority);
}

void BackupActions::waitForDailyBackup()
{
    if (!m_dailyThread)
        return;
    m_dailyThread->wait();
    reportDailyBackup();
}

void BackupActions::reportDailyBackup()
{
    // Called by the thread's finished signal or by waitForDailyBackup, whichever comes first.
    if (!m_dailyThread)
        return;
    // finished() is emitted just before the thread ends: let it end.
    m_dailyThread->wait();
    m_dailyThread->deleteLater();
    m_dailyThread = nullptr;
    m_dailyNote->setVisible(false);
    m_dailyNote->setToolTip(QString());
    const auto result = std::move(m_dailyResult);
    if (!result || !result->has_value())
        return;
    const Result<std::optional<QString>> &daily = **result;
    if (!daily) {
        Q_EMIT statusMessage(tr("Warning: today's automatic backup could not be made. %1 Use "
                                "File > Back Up Now once the problem is fixed.")
                                 .arg(daily.errorMessage()),
                             true);
    } else if (daily->has_value()) {
        // In the note rather than the message area, where it would push out a message that
        // arrived meanwhile (the note that the log has moved, say).
        m_dailyNote->setText(tr("Today's backup was made"));
        m_dailyNote->setToolTip(QDir::toNativeSeparators(**daily));
        m_dailyNote->setVisible(true);
        QTimer::singleShot(DoneNoteMs, m_dailyNote, [note = m_dailyNote] {
            note->setVisible(false);
        });
    }
    Q_EMIT dailyBackupFinished();
}

void BackupActions::chooseBackupToRestore()
{
    const QString backup =
        BackupPrompts::chooseBackupToRestore(backupFolder(), *m_settings, m_window);
    if (!backup.isEmpty())
        Q_EMIT restoreChosen(backup);
}

} // namespace foidesk
