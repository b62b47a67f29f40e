#include "store/LogConnection.h"

#include "store/DatabaseProbe.h"
#include "store/Migrator.h"
#include "store/SqlErrors.h"
#include "store/Store.h"
#include "util/LiveLogFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace foidesk {

namespace {

constexpr int BusyTimeoutMs = 5000;

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("foidesk-store-%1").arg(++counter);
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

Result<QString> LogConnection::checkFile(const QString &path, int probeDepth)
{
    if (path.trimmed().isEmpty()) {
        return Error(
            ErrorKind::BadInput,
            Store::tr("No file was given for the log. Give the path of an FOI Desk log with "
                      "--db, or leave --db out to use the default log."));
    }
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFileInfo info(absolute);
    if (info.exists() && !info.isFile()) {
        return Error(
            ErrorKind::BadInput,
            Store::tr("%1 is a folder, not an FOI Desk log. Give the path of the log file "
                      "itself, such as %2.")
                .arg(shown(absolute), shown(absolute + QStringLiteral("/foidesk.sqlite"))));
    }
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error(
            ErrorKind::Io,
            Store::tr("The folder %1 could not be created, so the log cannot be kept there. "
                      "Check the path, or ask your IT team for write access to it.")
                .arg(shown(folder)));
    }

    // Look before writing anything: a newer version's log must stay byte for byte as it is.
    const DatabaseProbe::Report probe =
        DatabaseProbe::inspect(absolute, DatabaseProbe::Depth(probeDepth));
    switch (probe.state) {
    case DatabaseProbe::State::Missing:
    case DatabaseProbe::State::Empty:
    case DatabaseProbe::State::FoiDesk:
        break;
    case DatabaseProbe::State::TooNew:
        return SqlErrors::tooNew(absolute, probe.userVersion, Migrator::latestVersion());
    case DatabaseProbe::State::NotSqlite:
    case DatabaseProbe::State::OtherApplication:
    case DatabaseProbe::State::Damaged:
        return SqlErrors::corrupt(absolute);
    case DatabaseProbe::State::Unreadable:
        if (!QFileInfo(folder).isWritable() || !info.isWritable()) {
            return SqlErrors::readOnly(
                absolute,
                Store::tr("it or its folder %1 is read-only, and FOI Desk needs "
                          "to keep working files beside the log")
                    .arg(shown(folder)));
        }
        return Error(
            ErrorKind::Io,
            Store::tr("%1 could not be read (%2). Check that the drive or network folder is "
                      "available and that you may read the file, then try again.")
                .arg(shown(absolute), probe.detail));
    }

    // WAL keeps two working files beside the log, so its folder must be writable too.
    if (!QFileInfo(folder).isWritable()) {
        return SqlErrors::readOnly(
            absolute,
            Store::tr("its folder %1 is read-only, and FOI Desk needs to keep "
                      "working files beside the log")
                .arg(shown(folder)));
    }
    // A write test, unless the log is open in this process already: closing this descriptor
    // would release that store's locks (util/LiveLogFiles.h).
    if (info.exists() && LiveLogFiles::owningLog(absolute).isEmpty()) {
        QFile file(absolute);
        if (!info.isWritable() || !file.open(QIODevice::ReadWrite))
            return SqlErrors::readOnly(absolute, Store::tr("the file is read-only"));
    }
    return absolute;
}

LogConnection::LogConnection(QString path)
    : m_path(std::move(path))
    , m_connectionName(nextConnectionName())
{}

LogConnection::~LogConnection()
{
    // Qt warns ("connection is still in use") and leaks the connection unless every
    // QSqlDatabase handle is gone before removeDatabase.
    db.close();
    db = QSqlDatabase();
    if (m_registered)
        LiveLogFiles::remove(m_path);
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<void> LogConnection::open()
{
    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (const Result<void> connected = connect(); !connected)
        return connected;
    LiveLogFiles::add(m_path);
    m_registered = true;
    return {};
}

Error LogConnection::failed(const QSqlQuery &query, const QString &outcome) const
{
    return SqlErrors::fromSql(query.lastError(), m_path, outcome);
}

Result<void> LogConnection::connect()
{
    const QString outcome = Store::tr("The log %1 could not be opened.").arg(shown(m_path));
    if (!db.open())
        return SqlErrors::fromSql(db.lastError(), m_path, outcome);

    // The file may have been replaced since the probe: check the version again on this
    // connection, still before the first write.
    const Result<int> version = Migrator::userVersion(db);
    if (!version)
        return version.error();
    if (*version > Migrator::latestVersion())
        return SqlErrors::tooNew(m_path, *version, Migrator::latestVersion());

    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
    for (const QString &pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return failed(query, outcome);
    }
    QSqlQuery journal(db);
    if (!journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !journal.next())
        return failed(journal, outcome);
    const bool walMode = journal.value(0).toString().compare(u"wal", Qt::CaseInsensitive) == 0;
    journal.finish();

    const Result<void> migrated = Migrator::migrate(db, Migrator::latestVersion());
    if (!migrated)
        return migrated;
    // A read, so that SQLite has opened the write-ahead log and taken its locks before the
    // hold notes them.
    QSqlQuery read(db);
    if (!read.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !read.next())
        return failed(read, outcome);
    read.finish();
    m_hold.take(m_path, walMode);
    return {};
}

Result<void> LogConnection::checkHold(const QString &outcome)
{
    const QString what = m_hold.lost();
    if (what.isEmpty())
        return {};
    // Closing first: a second connection opened beside this one would share its stale index.
    db.close();
    const Result<void> reopened = connect();
    if (!reopened) {
        return Error(
            ErrorKind::Io,
            outcome + u' '
                + Store::tr("FOI Desk lost its hold on the log %1 (%2) and could not open it "
                            "again: %3 Nothing was written. Close FOI Desk and start it "
                            "again.")
                      .arg(shown(m_path), what, reopened.errorMessage()));
    }
    return Error(
        ErrorKind::Reopened,
        outcome + u' '
            + Store::tr("FOI Desk had lost its hold on the log %1 (%2). So that nobody's "
                        "changes are lost, nothing was written, and the log has been opened "
                        "again. Try once more.")
                  .arg(shown(m_path), what));
}

} // namespace foidesk
