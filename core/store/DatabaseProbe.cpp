#include "store/DatabaseProbe.h"

#include "store/Migrator.h"
#include "store/SqlErrors.h"

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

DatabaseProbe::Report inspectOpen(QSqlDatabase &db)
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

DatabaseProbe::Report DatabaseProbe::inspect(const QString &path)
{
    Report report;
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0))
        return report;

    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        report.state = State::Unreadable;
        report.detail = info.isFile() ? file.errorString() : QStringLiteral("not a file");
        return report;
    }
    const QByteArray head = file.read(sizeof(SqliteMagic));
    file.close();
    if (head != QByteArray(SqliteMagic, sizeof(SqliteMagic))) {
        report.state = State::NotSqlite;
        return report;
    }

    const QString connectionName = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        report = inspectOpen(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return report;
}

} // namespace foidesk
