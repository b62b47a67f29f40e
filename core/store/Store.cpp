#include "store/Store.h"

#include "store/StorePrivate.h"

#include "calendar/Deadlines.h"
#include "calendar/StatutoryClock.h"
#include "model/RequestEnums.h"
#include "store/BackupFile.h"
#include "store/DatabaseProbe.h"
#include "store/LogConnection.h"
#include "store/LogLocation.h"
#include "store/Migrator.h"
#include "store/ProfileTable.h"
#include "store/ReleaseCheckTable.h"
#include "store/RequestTable.h"
#include "store/SearchQuery.h"
#include "store/ScopedTransaction.h"
#include "store/SqlErrors.h"
#include "store/StaffTable.h"
#include "store/SuggestionTable.h"
#include "store/HistoryTable.h"
#include "store/FieldChanges.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace foidesk {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

Error Store::Private::referenceTaken(const QString &reference,
                                     qint64 ownerId,
                                     const QString &notDone) const
{
    QSqlQuery sql(db);
    sql.prepare(QStringLiteral("SELECT title, received FROM requests WHERE id = ?"));
    sql.addBindValue(ownerId);
    QString owner;
    if (sql.exec() && sql.next()) {
        const QString title = sql.value(0).toString().simplified();
        const QDate received = RequestTable::dateFrom(sql.value(1));
        const QString date =
            QLocale(QLocale::English, QLocale::UnitedKingdom).toString(received, u"d MMMM yyyy");
        if (!title.isEmpty() && received.isValid())
            owner = tr("\"%1\", received %2").arg(title, date);
        else if (!title.isEmpty())
            owner = tr("\"%1\"").arg(title);
        else if (received.isValid())
            owner = tr("one received %1").arg(date);
    }
    if (owner.isEmpty())
        owner = tr("another request");
    return Error(ErrorKind::Taken,
                 tr("The reference %1 is already used in this log by %2, %3. Choose a different "
                    "reference, or open that request if this is the same one.")
                     .arg(reference, owner, notDone));
}

Result<Request> Store::Private::prepare(const Request &request,
                                        const QString &outcome,
                                        const QString &notDone) const
{
    Request prepared = request;
    prepared.reference = prepared.reference.trimmed();
    if (prepared.reference.isEmpty())
        return rows.referenceMissing(notDone);
    if (const Result<void> spans = rows.checkRedactions(prepared, outcome); !spans)
        return spans.error();
    if (const Result<void> clock = rows.checkClockEvents(prepared, outcome); !clock)
        return clock.error();
    prepared.clockEvents = inDateOrder(prepared.clockEvents);
    return prepared;
}

Store::Store(QString path)
    : d(std::make_unique<Private>(path))
    , m_path(std::move(path))
{
    d->q = this;
}

Store::~Store()
{
    releaseCalendar();
}

QString Store::defaultPath()
{
    return LogLocation::defaultPath();
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
    const Result<QString> absolute = LogConnection::checkFile(path, probeDepth);
    if (!absolute)
        return absolute.error();
    std::unique_ptr<Store> store(new Store(*absolute));
    if (const Result<void> opened = store->d->connection.open(); !opened)
        return opened.error();
    if (const Result<void> holidays = store->d->loadCalendar(
            tr("The bank holidays added to %1 could not be read.").arg(*absolute), true);
        !holidays)
        return holidays.error();
    const QString account = operatingSystemAccount();
    const Result<QString> login = store->loginForAccount(account);
    store->setCurrentUser(login ? login.value() : account);
    return Result<std::unique_ptr<Store>>(std::move(store));
}

int Store::schemaVersion() const
{
    const Result<int> version = Migrator::userVersion(d->db);
    return version ? *version : 0;
}

Result<Request> Store::loadRequest(qint64 id) const
{
    // The request is about to be shown with its due date: another program may have added a
    // bank holiday since the log was opened. A failed look is not this read's failure.
    static_cast<void>(d->loadCalendar(tr("The bank holidays could not be read.")));
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
    const QString outcome = tr("Request %1 was not created.").arg(request.reference.trimmed());
    Result<Request> prepared = d->prepare(request, outcome, tr("The request was not created."));
    if (!prepared)
        return prepared;
    Request stored = std::move(prepared).value();
    const Result<Request> created = d->write(outcome, [&]() -> Result<Request> {
        const Result<std::optional<qint64>> existing = d->rows.idOf(stored.reference, outcome);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return d->referenceTaken(stored.reference, **existing, tr("so this one was not created"));
        if (const Result<void> inserted = d->rows.insert(stored, outcome); !inserted)
            return inserted.error();
        const Result<void> audited =
            d->history.append(QStringLiteral("create"),
                              stored.reference,
                              stored.revision,
                              QStringLiteral("%1 questions").arg(stored.questions.size()),
                              outcome);
        if (!audited)
            return audited.error();
        return stored;
    });
    if (created)
        Q_EMIT requestCreated(created->id);
    return created;
}

Result<Request> Store::saveRequest(const Request &request)
{
    Result<SaveOutcome> saved = saveRequestReporting(request);
    if (!saved)
        return saved.error();
    return std::move(saved.value().request);
}

Result<SaveOutcome> Store::saveRequestReporting(const Request &request)
{
    const QString outcome = tr("Request %1 was not saved.").arg(request.reference.trimmed());
    if (!request.reference.trimmed().isEmpty() && request.id <= 0) {
        return Error(ErrorKind::BadInput,
                     tr("Request %1 was not saved because it has not been created in this log "
                        "yet. Create it first.")
                         .arg(request.reference.trimmed()));
    }
    Result<Request> prepared = d->prepare(request, outcome, tr("The request was not saved."));
    if (!prepared)
        return prepared.error();
    Request stored = std::move(prepared).value();
    SaveOutcome result;
    const Result<Request> saved = d->write(outcome, [&]() -> Result<Request> {
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
                            "edited revision %3) and your changes were not saved. Your text is "
                            "still in the editor: copy what you need, then Revert to see the "
                            "other version.")
                             .arg(stored.reference)
                             .arg(before->revision)
                             .arg(stored.revision));
        }
        // Only the workflow moves give and withdraw approvals.
        stored.firstApprovalBy = before->firstApprovalBy;
        // Saving what is already stored writes nothing: no new revision, no history entry.
        if (RequestTable::changedFieldNames(*before, stored).isEmpty())
            return *before;
        const QStringList content = FieldChanges::contentChanges(*before, stored);
        if (Workflow::isLocked(before->status)
            && (!content.isEmpty()
                || (stored.status != before->status && stored.status != RequestStatus::Closed))) {
            return Error(ErrorKind::Refused,
                         tr("Request %1 is %2, so it is locked: the letter as sent is kept in "
                            "the log as it was. Reopen the request with a reason (foidesk "
                            "reopen %1 --reason TEXT), then make the change. Your text is still "
                            "in the editor.")
                             .arg(stored.reference, statusDisplayName(before->status).toLower()));
        }
        if (stored.status != before->status) {
            const Result<bool> review = d->reviewOn(outcome);
            if (!review)
                return review.error();
            if (*review) {
                return Error(ErrorKind::Refused,
                             tr("Request %1 was not saved: while review is on, its status changes "
                                "only by the workflow's moves (submit, approve, return, mark "
                                "sent...), so that each one is checked and recorded. Set the "
                                "status back to %2 and use the move instead.")
                                 .arg(stored.reference,
                                      statusDisplayName(before->status).toLower()));
            }
        }
        if (!content.isEmpty() && Workflow::holdsApproval(before->status, before->firstApprovalBy)) {
            stored.status = Workflow::statusAfterWithdrawnApproval();
            stored.firstApprovalBy.clear();
            result.approvalWithdrawn = true;
            result.notice = tr("The approval of request %1 was withdrawn because its content "
                               "changed after it was approved (%2). It is %3 again: a "
                               "supervisor approves it once more before it is sent.")
                                .arg(stored.reference,
                                     content.join(QStringLiteral(", ")),
                                     statusDisplayName(stored.status).toLower());
        }
        const Result<std::optional<qint64>> owner = d->rows.idOf(stored.reference, outcome);
        if (!owner)
            return owner.error();
        if (owner->has_value() && **owner != stored.id)
            return d->referenceTaken(stored.reference, **owner, tr("so your changes were not saved"));
        const Result<bool> updated = d->rows.update(stored, before->revision, outcome);
        if (!updated)
            return updated.error();
        if (!*updated) {
            // Cannot happen inside BEGIN IMMEDIATE; refuse rather than claim a save.
            return Error(ErrorKind::Conflict,
                         tr("Request %1 was changed by someone else while it was being saved, "
                            "and your changes were not saved. Your text is still in the editor.")
                             .arg(stored.reference));
        }
        // One entry per save, naming each changed field with its old and new value.
        HistoryRecord save = FieldChanges::saveRecord(*before, stored);
        save.detail = RequestTable::changedFields(*before, stored);
        if (const Result<void> audited = d->history.append(save, outcome); !audited)
            return audited.error();
        if (result.approvalWithdrawn) {
            HistoryRecord withdrawn;
            withdrawn.action = QStringLiteral("approval_withdrawn");
            withdrawn.reference = stored.reference;
            withdrawn.revision = stored.revision;
            withdrawn.field = QStringLiteral("status");
            withdrawn.oldValue = statusCode(before->status);
            withdrawn.newValue = statusCode(stored.status);
            withdrawn.detail = QStringLiteral("content changed: ") + content.join(QStringLiteral(", "));
            if (const Result<void> noted = d->history.append(withdrawn, outcome); !noted)
                return noted.error();
        }
        return stored;
    });
    if (!saved)
        return saved.error();
    result.request = saved.value();
    Q_EMIT requestSaved(result.request.id);
    if (result.approvalWithdrawn)
        Q_EMIT approvalWithdrawn(result.request.id, result.notice);
    return result;
}

Result<Request> Store::importRequest(const Request &request,
                                     bool replace,
                                     const QString &letterDetail)
{
    const QString outcome = tr("Request %1 was not imported.").arg(request.reference.trimmed());
    Result<Request> prepared = d->prepare(request, outcome, tr("The request was not imported."));
    if (!prepared)
        return prepared;
    Request stored = std::move(prepared).value();
    std::optional<RequestStatus> withdrawnFrom;
    QStringList withdrawnBecause;
    const Result<Request> imported = d->write(outcome, [&]() -> Result<Request> {
        withdrawnFrom.reset();
        withdrawnBecause.clear();
        const Result<std::optional<qint64>> existing = d->rows.idOf(stored.reference, outcome);
        if (!existing)
            return existing.error();
        QString action = QStringLiteral("import");
        if (existing->has_value()) {
            if (!replace) {
                return Error(ErrorKind::Taken,
                             tr("Reference %1 already exists in this log. Use --replace to "
                                "overwrite it.")
                                 .arg(stored.reference));
            }
            const Result<Request> before = d->rows.read(QStringLiteral("id"), **existing, outcome);
            if (!before)
                return before.error();
            stored.id = before->id;
            // While review is on, a replacement is an edit like any other: it may not rewrite
            // a letter that went, set a status the workflow's moves have not given, or keep an
            // approval of content that is no longer there. (With review off, an import may
            // still restore any request whole, as a one-person office expects.) A past letter
            // read again (letterDetail) is the record of what was sent, not a draft: it may
            // replace its earlier reading.
            const Result<bool> review = d->reviewOn(outcome);
            if (!review)
                return review.error();
            const QStringList content = FieldChanges::contentChanges(*before, stored);
            if (*review && letterDetail.isEmpty() && Workflow::isLocked(before->status)
                && (!content.isEmpty() || stored.status != before->status)) {
                return Error(ErrorKind::Refused,
                             tr("Request %1 is %2 in this log, so it is locked and was not "
                                "replaced: the letter as sent is kept as it was. Reopen it with "
                                "a reason (foidesk reopen %1 --reason TEXT), then import again.")
                                 .arg(stored.reference,
                                      statusDisplayName(before->status).toLower()));
            }
            if (*review) {
                stored.status = before->status; // only the workflow's moves change it
                stored.firstApprovalBy = before->firstApprovalBy;
                if (!content.isEmpty()
                    && Workflow::holdsApproval(before->status, before->firstApprovalBy)) {
                    stored.status = Workflow::statusAfterWithdrawnApproval();
                    stored.firstApprovalBy.clear();
                    withdrawnFrom = before->status;
                    withdrawnBecause = content;
                }
            }
            const Result<bool> updated = d->rows.update(stored, before->revision, outcome);
            if (!updated)
                return updated.error();
            action = QStringLiteral("replace");
        } else if (const Result<void> inserted = d->rows.insert(stored, outcome); !inserted) {
            return inserted.error();
        }
        QString detail = QStringLiteral("%1 questions").arg(stored.questions.size());
        if (!letterDetail.isEmpty()) {
            action += QStringLiteral("_letter");
            detail = letterDetail;
        }
        const Result<void> audited =
            d->history.append(action, stored.reference, stored.revision, detail, outcome);
        if (!audited)
            return audited.error();
        if (withdrawnFrom) {
            HistoryRecord withdrawn;
            withdrawn.action = QStringLiteral("approval_withdrawn");
            withdrawn.reference = stored.reference;
            withdrawn.revision = stored.revision;
            withdrawn.field = QStringLiteral("status");
            withdrawn.oldValue = statusCode(*withdrawnFrom);
            withdrawn.newValue = statusCode(stored.status);
            withdrawn.detail = QStringLiteral("replaced by import; content changed: ")
                               + withdrawnBecause.join(QStringLiteral(", "));
            if (const Result<void> noted = d->history.append(withdrawn, outcome); !noted)
                return noted.error();
        }
        return stored;
    });
    if (imported)
        Q_EMIT requestsChanged();
    if (imported && withdrawnFrom) {
        Q_EMIT approvalWithdrawn(
            imported->id,
            tr("The approval of request %1 was withdrawn because an import replaced its content "
               "(%2). It is %3 again: a supervisor approves it once more before it is sent.")
                .arg(imported->reference,
                     withdrawnBecause.join(QStringLiteral(", ")),
                     statusDisplayName(imported->status).toLower()));
    }
    return imported;
}

Result<void> Store::deleteRequest(qint64 id, int expectedRevision)
{
    const QString outcome = tr("The request was not deleted.");
    const Result<void> deleted = d->write(outcome, [&]() -> Result<void> {
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
            d->history.append(QStringLiteral("delete"), reference, revision, {}, outcome);
        if (!audited)
            return audited;
        return {};
    });
    if (deleted)
        Q_EMIT requestDeleted(id);
    return deleted;
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
                               "status, officer, requester_name, regime, letter_final FROM requests")
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
        summary.letterFinal = sql.value(10).toBool();
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
    const Result<void> saved = d->write(outcome, [&]() -> Result<void> {
        if (const Result<void> written = d->profiles.write(profile, outcome); !written)
            return written;
        return d->history.append(QStringLiteral("profile"), QString(), 0, QString(), outcome);
    });
    if (saved)
        Q_EMIT profileChanged();
    return saved;
}

Result<QList<StaffMember>> Store::staff() const
{
    return d->staffRows.list(tr("The staff register could not be read."));
}

Result<StaffMember> Store::saveStaffMember(const StaffMember &member)
{
    StaffMember stored = member;
    stored.name = stored.name.trimmed();
    const QString outcome = tr("The staff member was not saved.");
    if (stored.name.isEmpty()) {
        return Error(ErrorKind::BadInput,
                     outcome + u' '
                         + tr("Every member of staff needs a name. Type one, then save again."));
    }
    stored.login = stored.login.trimmed();
    const Result<StaffMember> saved = d->write(outcome, [&]() -> Result<StaffMember> {
        if (!stored.login.isEmpty()) {
            const Result<QList<StaffMember>> everyone = d->staffRows.list(outcome);
            if (!everyone)
                return everyone.error();
            for (const StaffMember &other : everyone.value()) {
                if (other.id != stored.id
                    && other.login.compare(stored.login, Qt::CaseInsensitive) == 0) {
                    return Error(ErrorKind::Taken,
                                 outcome + u' '
                                     + tr("The login %1 already belongs to %2 in the staff "
                                          "register. Give a different login, or change %2's "
                                          "entry instead.")
                                           .arg(stored.login, other.name));
                }
            }
        }
        const Result<StaffMember> written = d->staffRows.save(stored, outcome);
        if (!written)
            return written;
        const Result<void> audited = d->history.append(
            QStringLiteral("staff"),
            QString(),
            0,
            QStringLiteral("%1 (%2, %3)")
                .arg(written->name, written->login, staffRoleCode(written->role)),
            outcome);
        if (!audited)
            return audited.error();
        return written;
    });
    if (saved)
        Q_EMIT staffChanged();
    return saved;
}

Result<void> Store::removeStaffMember(qint64 id)
{
    const QString outcome = tr("The staff member was not removed.");
    const Result<void> removed = d->write(outcome, [&]() -> Result<void> {
        if (const Result<void> gone = d->staffRows.remove(id, outcome); !gone)
            return gone;
        return d->history.append(QStringLiteral("staff_removed"),
                                 QString(),
                                 0,
                                 QStringLiteral("staff member %1").arg(id),
                                 outcome);
    });
    if (removed)
        Q_EMIT staffChanged();
    return removed;
}

Result<QList<AuditEntry>> Store::auditTrail(const QString &requestReference, int limit) const
{
    return d->history.read(requestReference, limit, tr("The audit trail could not be read."));
}

Result<void> Store::backupTo(const QString &file) const
{
    const QString target = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    return BackupFile::write(
        d->db, m_path, target, tr("The backup %1 was not written.").arg(shown(target)));
}

Result<void> Store::recordReleaseCheck(qint64 requestId, const ReleaseCheckResult &result)
{
    const QString outcome = tr("The release check was not recorded.");
    return d->write(outcome, [&]() -> Result<void> {
        const Result<QPair<QString, int>> request = d->rows.referenceOf(requestId, outcome);
        if (!request)
            return request.error();
        if (const Result<void> written = d->checks.append(requestId, result, outcome); !written)
            return written;
        // The outcome only: the findings name withheld text, which the history never holds.
        return d->history.append(QStringLiteral("release_check"),
                                 request->first,
                                 request->second,
                                 result.passed() ? QStringLiteral("passed")
                                                 : QStringLiteral("failed"),
                                 outcome);
    });
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
    return d->write(outcome, [&]() -> Result<void> {
        if (const auto request = d->rows.referenceOf(requestId, outcome); !request)
            return request.error();
        return d->suggestions.append(requestId, decision, outcome);
    });
}

Result<QList<SuggestionDecision>> Store::suggestionDecisions(qint64 requestId) const
{
    const QString outcome = tr("The decisions about redaction suggestions could not be read.");
    if (const auto request = d->rows.referenceOf(requestId, outcome); !request)
        return request.error();
    return d->suggestions.read(requestId, outcome);
}

Result<QList<SearchHit>>
Store::search(const QString &typed, int limit, int newest, bool *narrowed) const
{
    const QString outcome = tr("The log could not be searched.");
    const SearchQuery query(typed);
    return d->searchRows.search(query.matchExpression(), {limit, newest}, narrowed, outcome);
}

Result<QList<SimilarQuestion>>
Store::similarQuestions(const QString &text, qint64 excludeRequestId, int limit) const
{
    const QString outcome = tr("Earlier answers could not be looked up.");
    return d->similar.similarTo(text, excludeRequestId, limit, outcome);
}

Result<QList<RoundRobinMatch>> Store::roundRobin(qint64 requestId) const
{
    const Result<Request> request = loadRequest(requestId);
    if (!request)
        return request.error();
    return roundRobin(*request);
}

Result<QList<RoundRobinMatch>> Store::roundRobin(const Request &request) const
{
    const QString outcome = tr("Requests asking the same questions could not be looked up.");
    return d->similar.roundRobin(request, outcome);
}

Result<void> Store::recomputeDueDates()
{
    const QString outcome = tr("The due dates were not recalculated.");
    bool changed = false;
    const Result<void> recomputed = d->write(outcome, [&]() -> Result<void> {
        const Result<QList<DueDateMove>> moved =
            d->recomputeDue(false, d->calendar, QString(), outcome);
        if (!moved)
            return moved.error();
        changed = !moved->isEmpty();
        return {};
    });
    if (recomputed && changed)
        Q_EMIT requestsChanged();
    return recomputed;
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
    return d->write(outcome, [&]() {
        return d->history.append(QStringLiteral("restore"),
                                 QString(),
                                 0,
                                 QStringLiteral("from %1").arg(QFileInfo(backupPath).fileName()),
                                 outcome);
    });
}

} // namespace foidesk
