#include "store/DatabaseProbe.h"

#include "store/Migrator.h"
#include "store/SqlErrors.h"
#include "util/LiveLogFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace foidesk {

namespace {

// Every SQLite 3 file starts with these 16 bytes.
constexpr char SqliteMagic[] = "SQLite format 3";

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("foidesk-probe-%1").arg(++counter);
}

// Damaged when SQLite says the content is bad; Unreadable when it could not get at the file
// (no permission, a read-only folder where WAL needs its working files, a lock, a lost drive).
DatabaseProbe::State stateFor(const QSqlError &error)
{
    const int code = SqlErrors::sqliteCode(error);
    const bool damaged = code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */;
    return damaged ? DatabaseProbe::State::Damaged : DatabaseProbe::State::Unreadable;
}

// The file is at least as long as the pages its header says it has. The page count at offset
// 28 is trusted only when the "version valid for" number at offset 92 matches the change
// counter at offset 24, as the file format requires; otherwise there is nothing to compare.
bool headerMatchesSize(const QByteArray &header, qint64 fileSize, QString *detail)
{
    if (header.size() < 100) {
        *detail = QStringLiteral("the file is shorter than an SQLite header");
        return false;
    }
    auto u32 = [&](int at) {
        return quint32(quint8(header[at])) << 24 | quint32(quint8(header[at + 1])) << 16
               | quint32(quint8(header[at + 2])) << 8 | quint32(quint8(header[at + 3]));
    };
    const quint32 rawPageSize = quint32(quint8(header[16])) << 8 | quint32(quint8(header[17]));
    const qint64 pageSize = rawPageSize == 1 ? 65536 : qint64(rawPageSize);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        *detail = QStringLiteral("the header records an impossible page size");
        return false;
    }
    if (u32(24) != u32(92))
        return true;
    const qint64 expected = qint64(u32(28)) * pageSize;
    if (fileSize < expected) {
        *detail = QStringLiteral("the file holds %1 bytes but its header records %2")
                      .arg(fileSize)
                      .arg(expected);
        return false;
    }
    return true;
}

DatabaseProbe::Report inspectOpen(QSqlDatabase &db, DatabaseProbe::Depth depth)
{
    using State = DatabaseProbe::State;
    DatabaseProbe::Report report;
    if (!db.open()) {
        report.state = stateFor(db.lastError());
        report.detail = db.lastError().text();
        return report;
    }
    QSqlQuery query(db);
    auto readInt = [&](const QString &sql, int &value) {
        if (!query.exec(sql) || !query.next()) {
            report.state = stateFor(query.lastError());
            report.detail = query.lastError().databaseText();
            return false;
        }
        value = query.value(0).toInt();
        query.finish();
        return true;
    };
    int applicationId = 0;
    int tableCount = 0;
    if (!readInt(QStringLiteral("PRAGMA application_id"), applicationId)
        || !readInt(QStringLiteral("PRAGMA user_version"), report.userVersion)
        || !readInt(QStringLiteral("SELECT count(*) FROM sqlite_master"), tableCount)) {
        return report;
    }
    if (applicationId != Migrator::ApplicationId) {
        report.state = (applicationId == 0 && tableCount == 0 && report.userVersion == 0)
                           ? State::Empty
                           : State::OtherApplication;
        return report;
    }
    if (report.userVersion > Migrator::latestVersion()) {
        report.state = State::TooNew;
        return report;
    }
    if (depth == DatabaseProbe::Depth::Header) {
        report.state = State::FoiDesk;
        return report;
    }
    // quick_check reads every page; a truncated or overwritten file fails here, not later in
    // the middle of someone's work.
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
        report.state = stateFor(query.lastError());
        report.detail = query.lastError().databaseText();
        return report;
    }
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok")) {
        report.state = State::Damaged;
        report.detail = verdict;
        return report;
    }
    report.state = State::FoiDesk;
    return report;
}

} // namespace

Result<bool> DatabaseProbe::isInUse(const QString &path)
{
    if (!QFileInfo::exists(path))
        return false;
    const QString connectionName = nextConnectionName();
    Result<bool> inUse = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        if (!db.open()) {
            inUse = Error(ErrorKind::Io, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"))
                || !query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
                const int code = SqlErrors::sqliteCode(query.lastError());
                if (code == 5 /* SQLITE_BUSY */ || code == 6 /* SQLITE_LOCKED */)
                    inUse = true;
                else
                    inUse = Error(ErrorKind::Io, query.lastError().text());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return inUse;
}

DatabaseProbe::Report DatabaseProbe::inspect(const QString &path, Depth depth)
{
    Report report;
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0))
        return report;

    if (!info.isFile()) {
        report.state = State::Unreadable;
        report.detail = QStringLiteral("not a file");
        return report;
    }
    // The raw header is read only when no store in this process has the file open: closing
    // this descriptor would release that store's locks (util/LiveLogFiles.h). A log open here
    // was probed when it was opened; SQLite's own look below still applies.
    if (LiveLogFiles::owningLog(path).isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            report.state = State::Unreadable;
            report.detail = file.errorString();
            return report;
        }
        const QByteArray head = file.read(100);
        file.close();
        if (!head.startsWith(QByteArray(SqliteMagic, sizeof(SqliteMagic)))) {
            report.state = State::NotSqlite;
            return report;
        }
        if (depth == Depth::Header && !headerMatchesSize(head, info.size(), &report.detail)) {
            report.state = State::Damaged;
            return report;
        }
    }

    const QString connectionName = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        report = inspectOpen(db, depth);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return report;
}

} // namespace foidesk
