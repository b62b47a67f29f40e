#include "store/Store.h"

#include "calendar/Deadlines.h"
#include "model/RequestEnums.h"
#include "store/DatabaseProbe.h"
#include "store/LogHold.h"
#include "store/Migrator.h"
#include "store/ProfileTable.h"
#include "store/ReleaseCheckTable.h"
#include "store/RequestTable.h"
#include "store/ScopedTransaction.h"
#include "store/SqlErrors.h"
#include "store/SuggestionTable.h"
#include "util/LiveLogFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
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

class Store::Private
{
public:
    Store *q = nullptr;
    QSqlDatabase db;
    QString path;
    LogHold hold;
    bool registered = false; // in LiveLogFiles
    RequestTable rows{db, path};
    ProfileTable profiles{db, path, rows};
    ReleaseCheckTable checks{db, rows};
    SuggestionTable suggestions{db, rows};

    // Opens the connection (already named and pointed at path), checks the version before
    // anything is written, sets it up and brings the schema up to date, then notes the hold.
    Result<void> connect();
    // Called before every write: success while this process still holds the log. Otherwise
    // the connection is closed and opened afresh, nothing is written, and the error says so.
    Result<void> checkHold(const QString &outcome);
};

Result<void> Store::Private::connect()
{
    const QString outcome = tr("The log %1 could not be opened.").arg(shown(path));
    if (!db.open())
        return SqlErrors::fromSql(db.lastError(), path, outcome);

    // The file may have been replaced since the probe: check the version again on this
    // connection, still before the first write.
    const Result<int> version = Migrator::userVersion(db);
    if (!version)
        return version.error();
    if (*version > latestSchemaVersion())
        return SqlErrors::tooNew(path, *version, latestSchemaVersion());

    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
    for (const QString &pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return rows.failed(query, outcome);
    }
    QSqlQuery journal(db);
    if (!journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !journal.next())
        return rows.failed(journal, outcome);
    const bool walMode = journal.value(0).toString().compare(u"wal", Qt::CaseInsensitive) == 0;
    journal.finish();

    const Result<void> migrated = Migrator::migrate(db, latestSchemaVersion());
    if (!migrated)
        return migrated;
    // A read, so that SQLite has opened the write-ahead log and taken its locks before the
    // hold notes them.
    QSqlQuery read(db);
    if (!read.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !read.next())
        return rows.failed(read, outcome);
    read.finish();
    hold.take(path, walMode);
    return {};
}

Result<void> Store::Private::checkHold(const QString &outcome)
{
    const QString what = hold.lost();
    if (what.isEmpty())
        return {};
    // Closing first: a second connection opened beside this one would share its stale index.
    db.close();
    const Result<void> reopened = connect();
    if (!reopened) {
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + tr("FOI Desk lost its hold on the log %1 (%2) and could not open it "
                              "again: %3 Nothing was written. Close FOI Desk and start it "
                              "again.")
                               .arg(shown(path), what, reopened.errorMessage()));
    }
    // What other programs wrote meanwhile is visible now.
    Q_EMIT q->requestsChanged();
    return Error(ErrorKind::Reopened,
                 outcome + u' '
                     + tr("FOI Desk had lost its hold on the log %1 (%2). So that nobody's "
                          "changes are lost, nothing was written, and the log has been opened "
                          "again. Try once more.")
                           .arg(shown(path), what));
}

Store::Store(QString path, QString connectionName)
    : d(std::make_unique<Private>())
    , m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
    d->path = m_path;
    d->q = this;
}

Store::~Store()
{
    // Qt warns ("connection is still in use") and leaks the connection unless every
    // QSqlDatabase handle is gone before removeDatabase.
    if (d) {
        d->db.close();
        if (d->registered)
            LiveLogFiles::remove(m_path);
        d.reset();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Store::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/foidesk.sqlite");
}

int Store::latestSchemaVersion()
{
    return Migrator::latestVersion();
}

Result<std::unique_ptr<Store>> Store::open(const QString &path)
{
    return openChecked(path, int(DatabaseProbe::Depth::Full));
}

Result<std::unique_ptr<Store>> Store::openWithHeaderCheck(const QString &path)
{
    return openChecked(path, int(DatabaseProbe::Depth::Header));
}

Result<std::unique_ptr<Store>> Store::openChecked(const QString &path, int probeDepth)
{
    if (path.trimmed().isEmpty()) {
        return Error(ErrorKind::BadInput,
                     tr("No file was given for the log. Give the path of an FOI Desk log with "
                        "--db, or leave --db out to use the default log."));
    }
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFileInfo info(absolute);
    if (info.exists() && !info.isFile()) {
        return Error(
            ErrorKind::BadInput,
            tr("%1 is a folder, not an FOI Desk log. Give the path of the log file "
               "itself, such as %2.")
                .arg(shown(absolute), shown(absolute + QStringLiteral("/foidesk.sqlite"))));
    }
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error(ErrorKind::Io,
                     tr("The folder %1 could not be created, so the log cannot be kept there. "
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
        return SqlErrors::tooNew(absolute, probe.userVersion, latestSchemaVersion());
    case DatabaseProbe::State::NotSqlite:
    case DatabaseProbe::State::OtherApplication:
    case DatabaseProbe::State::Damaged:
        return SqlErrors::corrupt(absolute);
    case DatabaseProbe::State::Unreadable:
        if (!QFileInfo(folder).isWritable() || !info.isWritable()) {
            return SqlErrors::readOnly(absolute,
                                       tr("it or its folder %1 is read-only, and FOI Desk needs "
                                          "to keep working files beside the log")
                                           .arg(shown(folder)));
        }
        return Error(ErrorKind::Io,
                     tr("%1 could not be read (%2). Check that the drive or network folder is "
                        "available and that you may read the file, then try again.")
                         .arg(shown(absolute), probe.detail));
    }

    // WAL keeps two working files beside the log, so its folder must be writable too.
    if (!QFileInfo(folder).isWritable()) {
        return SqlErrors::readOnly(absolute,
                                   tr("its folder %1 is read-only, and FOI Desk needs to keep "
                                      "working files beside the log")
                                       .arg(shown(folder)));
    }
    // A write test, unless the log is open in this process already: closing this descriptor
    // would release that store's locks (util/LiveLogFiles.h).
    if (info.exists() && LiveLogFiles::owningLog(absolute).isEmpty()) {
        QFile file(absolute);
        if (!info.isWritable() || !file.open(QIODevice::ReadWrite))
            return SqlErrors::readOnly(absolute, tr("the file is read-only"));
    }

    const QString connectionName = nextConnectionName();
    std::unique_ptr<Store> store(new Store(absolute, connectionName));
    Private &d = *store->d;
    d.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    d.db.setDatabaseName(absolute);
    d.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (const Result<void> connected = d.connect(); !connected)
        return connected.error();
    LiveLogFiles::add(absolute);
    d.registered = true;
    return Result<std::unique_ptr<Store>>(std::move(store));
}

int Store::schemaVersion() const
{
    const Result<int> version = Migrator::userVersion(d->db);
    return version ? *version : 0;
}

Result<Request> Store::loadRequest(qint64 id) const
{
    return d->rows.read(
        QStringLiteral("id"), id, tr("The request could not be read from %1.").arg(shown(m_path)));
}

Result<Request> Store::loadRequestByReference(const QString &reference) const
{
    return d->rows.read(QStringLiteral("reference"),
                        reference.trimmed(),
                        tr("Request %1 could not be read from %2.").arg(reference, shown(m_path)));
}

Result<std::optional<qint64>> Store::findReference(const QString &reference) const
{
    return d->rows.idOf(
        reference.trimmed(),
        tr("Request %1 could not be looked up in %2.").arg(reference, shown(m_path)));
}

Result<Request> Store::createRequest(const Request &request)
{
    Request stored = request;
    stored.reference = stored.reference.trimmed();
    const QString outcome = tr("Request %1 was not created.").arg(stored.reference);
    if (stored.reference.isEmpty())
        return d->rows.referenceMissing(tr("The request was not created."));
    if (const Result<void> spans = d->rows.checkRedactions(stored, outcome); !spans)
        return spans.error();

    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    const Result<std::optional<qint64>> existing = d->rows.idOf(stored.reference, outcome);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        return Error(ErrorKind::Conflict,
                     tr("The reference %1 is already used by another request in this log, so "
                        "this one was not created. Choose a different reference.")
                         .arg(stored.reference));
    }
    if (const Result<void> inserted = d->rows.insert(stored, outcome); !inserted)
        return inserted.error();
    const Result<void> audited =
        d->rows.audit(QStringLiteral("create"),
                      stored.reference,
                      stored.revision,
                      QStringLiteral("%1 questions").arg(stored.questions.size()),
                      outcome);
    if (!audited)
        return audited.error();
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT requestCreated(stored.id);
    return stored;
}

Result<Request> Store::saveRequest(const Request &request)
{
    Request stored = request;
    stored.reference = stored.reference.trimmed();
    const QString outcome = tr("Request %1 was not saved.").arg(stored.reference);
    if (stored.reference.isEmpty())
        return d->rows.referenceMissing(tr("The request was not saved."));
    if (stored.id <= 0) {
        return Error(ErrorKind::BadInput,
                     tr("Request %1 was not saved because it has not been created in this log "
                        "yet. Create it first.")
                         .arg(stored.reference));
    }
    if (const Result<void> spans = d->rows.checkRedactions(stored, outcome); !spans)
        return spans.error();

    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    const Result<Request> before = d->rows.read(QStringLiteral("id"), stored.id, outcome);
    if (!before && before.errorKind() == ErrorKind::NotFound) {
        return Error(ErrorKind::Conflict,
                     tr("Request %1 was deleted by someone else and your changes were not "
                        "saved. Your text is still in the editor: copy what you need before "
                        "you close it.")
                         .arg(stored.reference));
    }
    if (!before)
        return before.error();
    if (before->revision != stored.revision) {
        return Error(ErrorKind::Conflict,
                     tr("Request %1 was changed by someone else (revision %2 is stored, you "
                        "edited revision %3) and your changes were not saved. Your text is still "
                        "in the editor: copy what you need, then Revert to see the other "
                        "version.")
                         .arg(stored.reference)
                         .arg(before->revision)
                         .arg(stored.revision));
    }
    const Result<std::optional<qint64>> owner = d->rows.idOf(stored.reference, outcome);
    if (!owner)
        return owner.error();
    if (owner->has_value() && **owner != stored.id) {
        return Error(ErrorKind::Conflict,
                     tr("The reference %1 is already used by another request in this log, so "
                        "your changes were not saved. Choose a different reference.")
                         .arg(stored.reference));
    }
    const Result<bool> updated = d->rows.update(stored, before->revision, outcome);
    if (!updated)
        return updated.error();
    if (!*updated) {
        // Cannot happen inside BEGIN IMMEDIATE; refuse rather than claim a save.
        return Error(ErrorKind::Conflict,
                     tr("Request %1 was changed by someone else while it was being saved, and "
                        "your changes were not saved. Your text is still in the editor.")
                         .arg(stored.reference));
    }
    const Result<void> audited = d->rows.audit(QStringLiteral("save"),
                                         stored.reference,
                                         stored.revision,
                                         RequestTable::changedFields(*before, stored),
                                         outcome);
    if (!audited)
        return audited.error();
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT requestSaved(stored.id);
    return stored;
}

Result<Request> Store::importRequest(const Request &request, bool replace)
{
    Request stored = request;
    stored.reference = stored.reference.trimmed();
    const QString outcome = tr("Request %1 was not imported.").arg(stored.reference);
    if (stored.reference.isEmpty())
        return d->rows.referenceMissing(tr("The request was not imported."));
    if (const Result<void> spans = d->rows.checkRedactions(stored, outcome); !spans)
        return spans.error();

    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    const Result<std::optional<qint64>> existing = d->rows.idOf(stored.reference, outcome);
    if (!existing)
        return existing.error();
    QString action = QStringLiteral("import");
    if (existing->has_value()) {
        if (!replace) {
            return Error(ErrorKind::Conflict,
                         tr("Reference %1 already exists in this log. Use --replace to "
                            "overwrite it.")
                             .arg(stored.reference));
        }
        const Result<Request> before = d->rows.read(QStringLiteral("id"), **existing, outcome);
        if (!before)
            return before.error();
        stored.id = before->id;
        const Result<bool> updated = d->rows.update(stored, before->revision, outcome);
        if (!updated)
            return updated.error();
        action = QStringLiteral("replace");
    } else {
        if (const Result<void> inserted = d->rows.insert(stored, outcome); !inserted)
            return inserted.error();
    }
    const Result<void> audited =
        d->rows.audit(action,
                      stored.reference,
                      stored.revision,
                      QStringLiteral("%1 questions").arg(stored.questions.size()),
                      outcome);
    if (!audited)
        return audited.error();
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT requestsChanged();
    return stored;
}

Result<void> Store::deleteRequest(qint64 id, int expectedRevision)
{
    const QString outcome = tr("The request was not deleted.");
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);

    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT revision, reference FROM requests WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return d->rows.failed(query, outcome);
    if (!query.next()) {
        if (query.lastError().isValid())
            return d->rows.failed(query, outcome);
        return Error(ErrorKind::NotFound,
                     tr("The request was not deleted because it is no longer in the log: "
                        "someone else deleted it. Refresh the list to see the requests there "
                        "are."));
    }
    const int revision = query.value(0).toInt();
    const QString reference = query.value(1).toString();
    query.finish();
    if (revision != expectedRevision) {
        return Error(ErrorKind::Conflict,
                     tr("Request %1 was changed by someone else (revision %2 is stored, you had "
                        "revision %3), so it was not deleted. Revert to see the other version, "
                        "then delete it if you still want to.")
                         .arg(reference)
                         .arg(revision)
                         .arg(expectedRevision));
    }
    // The questions go with it: ON DELETE CASCADE, with foreign keys switched on at open.
    QSqlQuery remove(d->db);
    remove.prepare(QStringLiteral("DELETE FROM requests WHERE id = ? AND revision = ?"));
    remove.addBindValue(id);
    remove.addBindValue(revision);
    if (!remove.exec())
        return d->rows.failed(remove, outcome);
    const Result<void> audited =
        d->rows.audit(QStringLiteral("delete"), reference, revision, {}, outcome);
    if (!audited)
        return audited;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT requestDeleted(id);
    return {};
}

Result<int> Store::countRequests(const RequestQuery &query) const
{
    const RequestTable::Filter filter = RequestTable::filter(query);
    QSqlQuery sql(d->db);
    sql.setForwardOnly(true);
    sql.prepare(QStringLiteral("SELECT count(*) FROM requests") + filter.where);
    for (const QVariant &value : filter.values)
        sql.addBindValue(value);
    if (!sql.exec() || !sql.next())
        return d->rows.failed(sql, tr("The requests could not be counted."));
    return sql.value(0).toInt();
}

Result<QList<RequestSummary>>
Store::listRequests(const RequestQuery &query, int offset, int limit) const
{
    const RequestTable::Filter filter = RequestTable::filter(query);
    QSqlQuery sql(d->db);
    sql.setForwardOnly(true);
    sql.prepare(QStringLiteral("SELECT id, revision, reference, title, received, due_date, "
                               "status, officer, requester_name, regime FROM requests")
                + filter.where + RequestTable::orderBy(query)
                + QStringLiteral(" LIMIT ? OFFSET ?"));
    for (const QVariant &value : filter.values)
        sql.addBindValue(value);
    sql.addBindValue(limit < 0 ? -1 : limit);
    sql.addBindValue(qMax(0, offset));
    const QString outcome = tr("The request list could not be read.");
    if (!sql.exec())
        return d->rows.failed(sql, outcome);
    QList<RequestSummary> page;
    if (limit > 0)
        page.reserve(limit);
    while (sql.next()) {
        RequestSummary summary;
        summary.id = sql.value(0).toLongLong();
        summary.revision = sql.value(1).toInt();
        summary.reference = sql.value(2).toString();
        summary.title = sql.value(3).toString();
        summary.received = RequestTable::dateFrom(sql.value(4));
        summary.due = RequestTable::dateFrom(sql.value(5));
        summary.status = statusFromCode(sql.value(6).toString()).value_or(RequestStatus::New);
        summary.officer = sql.value(7).toString();
        summary.requesterName = sql.value(8).toString();
        summary.regime = regimeFromCode(sql.value(9).toString()).value_or(Regime::FOIA);
        page.append(summary);
    }
    if (sql.lastError().isValid())
        return d->rows.failed(sql, outcome);
    return page;
}

Result<OrganisationProfile> Store::profile() const
{
    Result<std::optional<OrganisationProfile>> stored = d->profiles.read();
    if (!stored)
        return stored.error();
    if (stored->has_value())
        return std::move(**stored);
    return OrganisationProfile::defaults();
}

Result<bool> Store::hasSavedProfile() const
{
    Result<std::optional<OrganisationProfile>> stored = d->profiles.read();
    if (!stored)
        return stored.error();
    return stored->has_value();
}

Result<void> Store::saveProfile(const OrganisationProfile &profile)
{
    const QString outcome = tr("The organisation profile was not saved.");
    const Result<void> valid = profile.validate();
    if (!valid)
        return Error(ErrorKind::BadInput, outcome + u' ' + valid.errorMessage());
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Result<void> written = d->profiles.write(profile, outcome);
    if (!written)
        return written;
    written = d->rows.audit(QStringLiteral("profile"), QString(), 0, QString(), outcome);
    if (!written)
        return written;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT profileChanged();
    return {};
}

Result<QList<StaffMember>> Store::staff() const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    const QString outcome = tr("The staff register could not be read.");
    if (!query.exec(QStringLiteral("SELECT id, name, job_title, grade, senior, role FROM staff "
                                   "ORDER BY name COLLATE NOCASE, id")))
        return d->rows.failed(query, outcome);
    QList<StaffMember> members;
    while (query.next()) {
        StaffMember member;
        member.id = query.value(0).toLongLong();
        member.name = query.value(1).toString();
        member.jobTitle = query.value(2).toString();
        member.grade = query.value(3).toString();
        member.senior = query.value(4).toInt() != 0;
        member.role = staffRoleFromCode(query.value(5).toString()).value_or(StaffRole::Officer);
        members.append(member);
    }
    if (query.lastError().isValid())
        return d->rows.failed(query, outcome);
    return members;
}

Result<StaffMember> Store::saveStaffMember(const StaffMember &member)
{
    StaffMember stored = member;
    stored.name = stored.name.trimmed();
    const QString outcome = tr("The staff member was not saved.");
    if (stored.name.isEmpty()) {
        return Error(ErrorKind::BadInput,
                     outcome + u' '
                         + tr("Every member of staff needs a name. Type one, then "
                              "save again."));
    }
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    QSqlQuery query(d->db);
    if (stored.id == 0) {
        query.prepare(QStringLiteral("INSERT INTO staff (name, job_title, grade, senior, role) "
                                     "VALUES (?, ?, ?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral("UPDATE staff SET name = ?, job_title = ?, grade = ?, "
                                     "senior = ?, role = ? WHERE id = ?"));
    }
    query.addBindValue(RequestTable::nonNull(stored.name));
    query.addBindValue(RequestTable::nonNull(stored.jobTitle));
    query.addBindValue(RequestTable::nonNull(stored.grade));
    query.addBindValue(stored.senior ? 1 : 0);
    query.addBindValue(staffRoleCode(stored.role));
    if (stored.id != 0)
        query.addBindValue(stored.id);
    if (!query.exec())
        return d->rows.failed(query, outcome);
    if (stored.id == 0) {
        stored.id = query.lastInsertId().toLongLong();
    } else if (query.numRowsAffected() != 1) {
        return Error(ErrorKind::NotFound,
                     tr("%1 was not saved because they are no longer in the staff register: "
                        "someone else removed them. Add them again if they are still needed.")
                         .arg(stored.name));
    }
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT staffChanged();
    return stored;
}

Result<void> Store::removeStaffMember(qint64 id)
{
    const QString outcome = tr("The staff member was not removed.");
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("DELETE FROM staff WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return d->rows.failed(query, outcome);
    if (query.numRowsAffected() != 1) {
        return Error(ErrorKind::NotFound,
                     tr("The staff member is no longer in the register: someone else removed "
                        "them already."));
    }
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    Q_EMIT staffChanged();
    return {};
}

Result<QList<AuditEntry>> Store::auditTrail(const QString &requestReference, int limit) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    const QString reference = requestReference.trimmed();
    query.prepare(
        QStringLiteral("SELECT id, at, action, reference, revision, detail FROM audit")
        + (reference.isEmpty() ? QString() : QStringLiteral(" WHERE reference = ? COLLATE NOCASE"))
        + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    if (!reference.isEmpty())
        query.addBindValue(RequestTable::nonNull(reference));
    query.addBindValue(limit > 0 ? limit : -1);
    const QString outcome = tr("The audit trail could not be read.");
    if (!query.exec())
        return d->rows.failed(query, outcome);
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
        entry.action = query.value(2).toString();
        entry.reference = query.value(3).toString();
        entry.revision = query.value(4).toInt();
        entry.detail = query.value(5).toString();
        entries.append(entry);
    }
    if (query.lastError().isValid())
        return d->rows.failed(query, outcome);
    return entries;
}

Result<void> Store::backupTo(const QString &file) const
{
    const QString target = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    const QString outcome = tr("The backup %1 was not written.").arg(shown(target));
    if (QFileInfo::exists(target)) {
        return Error(ErrorKind::Conflict,
                     tr("%1 already exists, so the backup was not written over it. Choose "
                        "another name or folder.")
                         .arg(shown(target)));
    }
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error(ErrorKind::Io,
                     outcome + u' '
                         + tr("The folder %1 could not be created. Check the path, or ask your "
                              "IT team for write access to it.")
                               .arg(shown(folder)));
    }
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target);
    if (!query.exec()) {
        // Leave no half-written copy that could later be mistaken for a backup.
        QFile::remove(target);
        return SqlErrors::fromSql(query.lastError(), target, outcome);
    }
    return {};
}

Result<void> Store::recordReleaseCheck(qint64 requestId, const ReleaseCheckResult &result)
{
    const QString outcome = tr("The release check was not recorded.");
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    const Result<QPair<QString, int>> request = d->rows.referenceOf(requestId, outcome);
    if (!request)
        return request.error();
    Result<void> written = d->checks.append(requestId, result, outcome);
    if (!written)
        return written;
    // The outcome only: the findings name withheld text, which the audit trail never holds.
    written = d->rows.audit(QStringLiteral("release_check"),
                            request->first,
                            request->second,
                            result.passed() ? QStringLiteral("passed") : QStringLiteral("failed"),
                            outcome);
    if (!written)
        return written;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    return {};
}

Result<std::optional<ReleaseCheckResult>> Store::lastReleaseCheck(qint64 requestId) const
{
    const QString outcome = tr("The release checks of the request could not be read.");
    if (const auto request = d->rows.referenceOf(requestId, outcome); !request)
        return request.error();
    Result<QList<ReleaseCheckResult>> checks = d->checks.read(requestId, 1, outcome);
    if (!checks)
        return checks.error();
    if (checks->isEmpty())
        return std::optional<ReleaseCheckResult>();
    return std::optional<ReleaseCheckResult>(checks->constFirst());
}

Result<QList<ReleaseCheckResult>> Store::releaseChecks(qint64 requestId) const
{
    const QString outcome = tr("The release checks of the request could not be read.");
    if (const auto request = d->rows.referenceOf(requestId, outcome); !request)
        return request.error();
    return d->checks.read(requestId, -1, outcome);
}

Result<void> Store::recordSuggestionDecision(qint64 requestId, const SuggestionDecision &decision)
{
    const QString outcome = tr("The decision about the suggestion was not recorded.");
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    if (const auto request = d->rows.referenceOf(requestId, outcome); !request)
        return request.error();
    if (const Result<void> written = d->suggestions.append(requestId, decision, outcome); !written)
        return written;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    return {};
}

Result<QList<SuggestionDecision>> Store::suggestionDecisions(qint64 requestId) const
{
    const QString outcome = tr("The decisions about redaction suggestions could not be read.");
    if (const auto request = d->rows.referenceOf(requestId, outcome); !request)
        return request.error();
    return d->suggestions.read(requestId, outcome);
}

Result<void> Store::recomputeDueDates()
{
    const QString outcome = tr("The due dates were not recalculated.");
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    QSqlQuery select(d->db);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, received, regime, due_date FROM requests")))
        return d->rows.failed(select, outcome);
    // Collected first: updating rows while stepping through the same table is avoided.
    QList<QPair<qint64, QVariant>> changes;
    const Deadlines deadlines;
    while (select.next()) {
        Request request;
        request.received = RequestTable::dateFrom(select.value(1));
        request.regime = regimeFromCode(select.value(2).toString()).value_or(Regime::FOIA);
        const QVariant due = d->rows.dueDateFor(request, deadlines);
        if (due.isNull() != select.value(3).isNull()
            || due.toString() != select.value(3).toString())
            changes.append({select.value(0).toLongLong(), due});
    }
    if (select.lastError().isValid())
        return d->rows.failed(select, outcome);
    select.finish();

    // A derived date is not an edit: the revision stays, so open editors are not put in
    // conflict by a holiday being added.
    QSqlQuery update(d->db);
    update.prepare(QStringLiteral("UPDATE requests SET due_date = ? WHERE id = ?"));
    for (const auto &[id, due] : std::as_const(changes)) {
        update.addBindValue(due);
        update.addBindValue(id);
        if (!update.exec())
            return d->rows.failed(update, outcome);
    }
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    if (!changes.isEmpty())
        Q_EMIT requestsChanged();
    return {};
}

Result<qint64> Store::setMaxPageCountForTesting(qint64 pages)
{
    QSqlQuery query(d->db);
    if (!query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(qMax<qint64>(1, pages)))
        || !query.next())
        return d->rows.failed(query, QString());
    return query.value(0).toLongLong();
}

Result<void> Store::recordRestore(const QString &backupPath)
{
    const QString outcome = tr("The restore was not noted in the audit trail.");
    if (const Result<void> held = d->checkHold(outcome); !held)
        return held.error();
    ScopedTransaction transaction(d->db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    const Result<void> audited =
        d->rows.audit(QStringLiteral("restore"),
                      QString(),
                      0,
                      QStringLiteral("from %1").arg(QFileInfo(backupPath).fileName()),
                      outcome);
    if (!audited)
        return audited;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), m_path, outcome);
    return {};
}

} // namespace foidesk
