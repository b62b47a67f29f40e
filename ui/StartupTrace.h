#pragma once

#include <QObject>

namespace foidesk {

class MainWindow;

// Start-up timing for docs/benchmarks.md. When the environment variable FOIDESK_STARTUP_TRACE
// holds the moment the program was started (milliseconds since 1970, as `date +%s%3N` prints
// it), the window reports on standard error when it has first been painted and when the day's
// backup has finished, and quits once both have happened. Without the variable it does nothing.
class StartupTrace : public QObject
{
    Q_OBJECT

public:
    static void attach(MainWindow *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StartupTrace(MainWindow *window, qint64 startedAt);
    void report(const char *what);
    void quitWhenDone();

    qint64 m_startedAt;
    bool m_painted = false;
    bool m_backedUp = false;
};

} // namespace foidesk
