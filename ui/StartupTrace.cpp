#include "StartupTrace.h"

#include "MainWindow.h"
#include "backup/BackupActions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QTimer>
#include <cstdio>

namespace foidesk {

void StartupTrace::attach(MainWindow *window)
{
    bool ok = false;
    const qint64 startedAt = qEnvironmentVariable("FOIDESK_STARTUP_TRACE").toLongLong(&ok);
    if (ok && startedAt > 0)
        new StartupTrace(window, startedAt);
}

StartupTrace::StartupTrace(MainWindow *window, qint64 startedAt)
    : QObject(window)
    , m_startedAt(startedAt)
{
    window->centralWidget()->installEventFilter(this);
    connect(window->backupActions(), &BackupActions::dailyBackupFinished, this, [this] {
        report("daily backup finished");
        m_backedUp = true;
        quitWhenDone();
    });
}

bool StartupTrace::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // After this paint has been done.
        QTimer::singleShot(0, this, [this] {
            report("window painted");
            quitWhenDone();
        });
    }
    return QObject::eventFilter(watched, event);
}

void StartupTrace::report(const char *what)
{
    std::fprintf(stderr,
                 "foidesk startup: %s after %lld ms\n",
                 what,
                 static_cast<long long>(QDateTime::currentMSecsSinceEpoch() - m_startedAt));
    std::fflush(stderr);
}

void StartupTrace::quitWhenDone()
{
    if (m_painted && m_backedUp)
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
}

} // namespace foidesk
