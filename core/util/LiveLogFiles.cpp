#include "util/LiveLogFiles.h"

#include "util/FileIdentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace foidesk {

namespace {

// SQLite's working files beside a database: the write-ahead log, its shared-memory index and
// the rollback journal.
constexpr const char *WorkingSuffixes[] = {"", "-wal", "-shm", "-journal"};

constexpr Qt::CaseSensitivity PathCase =
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    Qt::CaseInsensitive;
#else
    Qt::CaseSensitive;
#endif

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

struct Registry
{
    QMutex mutex;
    QHash<QString, int> openCount; // absolute, cleaned path of each open log
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

bool belongsTo(const QString &candidate,
               const QString &canonicalCandidate,
               const std::optional<FileIdentity> &candidateIdentity,
               const QString &log)
{
    const QString canonicalLog = QFileInfo(log).canonicalFilePath();
    for (const char *suffix : WorkingSuffixes) {
        const QString name = log + QLatin1String(suffix);
        if (candidate.compare(name, PathCase) == 0)
            return true;
        if (!canonicalCandidate.isEmpty() && !canonicalLog.isEmpty()
            && canonicalCandidate.compare(canonicalLog + QLatin1String(suffix), PathCase) == 0)
            return true;
        if (candidateIdentity) {
            const std::optional<FileIdentity> identity = FileIdentity::of(name);
            if (identity && *identity == *candidateIdentity)
                return true;
        }
    }
    return false;
}

} // namespace

void LiveLogFiles::add(const QString &databasePath)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    ++r.openCount[absoluteClean(databasePath)];
}

void LiveLogFiles::remove(const QString &databasePath)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    const QString key = absoluteClean(databasePath);
    const auto it = r.openCount.find(key);
    if (it == r.openCount.end())
        return;
    if (--it.value() <= 0)
        r.openCount.erase(it);
}

QString LiveLogFiles::owningLog(const QString &path)
{
    if (path.trimmed().isEmpty())
        return {};
    QStringList logs;
    {
        Registry &r = registry();
        const QMutexLocker lock(&r.mutex);
        logs = r.openCount.keys();
    }
    if (logs.isEmpty())
        return {};
    const QString candidate = absoluteClean(path);
    const QString canonical = QFileInfo(candidate).canonicalFilePath();
    const std::optional<FileIdentity> identity = FileIdentity::of(candidate);
    for (const QString &log : std::as_const(logs)) {
        if (belongsTo(candidate, canonical, identity, log))
            return log;
    }
    return {};
}

Result<void> LiveLogFiles::refuse(const QString &path, const QString &outcome)
{
    const QString log = owningLog(path);
    if (log.isEmpty())
        return {};
    const QString shownPath = QDir::toNativeSeparators(absoluteClean(path));
    const QString shownLog = QDir::toNativeSeparators(log);
    const QString why =
        shownPath.compare(shownLog, PathCase) == 0
            ? LiveLogFiles::tr(
                  "%1 is the FOI Desk log that is open now. FOI Desk never reads or writes the "
                  "open log as an ordinary file, because that could lose changes. Choose "
                  "another file.")
                  .arg(shownPath)
            : LiveLogFiles::tr(
                  "%1 is a working file of the FOI Desk log %2, which is open now. FOI Desk "
                  "never reads or writes it as an ordinary file, because that could lose "
                  "changes. Choose another file.")
                  .arg(shownPath, shownLog);
    return Error(ErrorKind::BadInput, outcome.isEmpty() ? why : outcome + u' ' + why);
}

} // namespace foidesk
