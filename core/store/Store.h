#pragma once

#include "profile/OrganisationProfile.h"
#include "model/Request.h"
#include "redaction/RedactionSuggestion.h"
#include "release/ReleaseCheckResult.h"
#include "store/HistoryTable.h"
#include "store/SearchTable.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace foidesk {

class Deadlines;

// What the request list asks for: a text filter, an optional status and a sort order.
struct RequestQuery
{
    enum class SortKey { Reference, Title, Received, Due, Status, Officer };

    QString text; // matched, case-insensitively, against reference, title, requester and officer
    std::optional<RequestStatus> status;
    bool openOnly = false; // only statuses for which isOpenStatus() is true
    SortKey sortKey = SortKey::Received;
    Qt::SortOrder order = Qt::DescendingOrder;
};


// One FOI Desk log: a single SQLite file, opened through Qt SQL (QSQLITE).
//
// Every change is one transaction begun with BEGIN IMMEDIATE, so two windows or two processes
// writing the same file queue rather than fail. Each request carries a revision; a save made
// from an older revision is refused with Conflict and changes nothing.
// Not thread-safe: use one Store per thread.
class Store : public QObject
{
    Q_OBJECT

public:
    ~Store() override;

    // Where the log lives unless --db says otherwise: <per-user data>/FOI Desk/foidesk.sqlite
    // (store/LogLocation.h).
    static QString defaultPath();

    // The schema version this build writes.
    static int latestSchemaVersion();

    // Opens the log at path, creating it (and its folder) when it does not exist, and brings
    // its schema up to date. Fails with:
    //  - Corrupt  when the file is not an SQLite database or fails its quick check;
    //  - TooNew   when a newer FOI Desk wrote it (the file is left untouched);
    //  - ReadOnly when the file or its folder cannot be written;
    //  - DiskFull / Io when the file system refuses.
    static Result<std::unique_ptr<Store>> open(const QString &path);
    // open() with a lighter look at an existing log: its header instead of SQLite's quick
    // check, which reads the whole file (about 125 ms for 50,000 requests). A truncated, foreign
    // or newer file is still refused; damage inside a page is reported by the first query that
    // meets it. For command-line commands, which read a few rows (and may write a few) and exit.
    static Result<std::unique_ptr<Store>> openWithHeaderCheck(const QString &path);

    QString path() const { return m_path; }
    int schemaVersion() const;

    // Reads one request with its questions in order. NotFound when there is none.
    Result<Request> loadRequest(qint64 id) const;
    Result<Request> loadRequestByReference(const QString &reference) const;
    // The id of the request with this reference, or std::nullopt.
    Result<std::optional<qint64>> findReference(const QString &reference) const;

    // Stores a new request. Its id and revision are ignored. Returns the stored request (with
    // id, revision 1 and question ids). Conflict when the reference is taken; BadInput when the
    // reference is empty.
    Result<Request> createRequest(const Request &request);

    // Saves request over the stored one with the same id, provided request.revision is still
    // the stored revision. Returns the stored request with its new revision.
    // Conflict (nothing written) when it was changed or deleted meanwhile, or when the new
    // reference belongs to another request.
    Result<Request> saveRequest(const Request &request);

    // For import: creates the request, or with replace overwrites the one with the same
    // reference (keeping its id, bumping its revision). Conflict when the reference exists and
    // replace is false. A request read from a past letter (importing/) gives letterDetail,
    // which its history entry ("import_letter" or "replace_letter") records instead of the
    // count of questions: "imported, check", the letter's file name and checksum.
    Result<Request> importRequest(const Request &request,
                                  bool replace,
                                  const QString &letterDetail = QString());

    // Deletes a request and its questions if expectedRevision is still current.
    Result<void> deleteRequest(qint64 id, int expectedRevision);

    // The request list: count and one page of summaries, filtered and sorted in SQL so that a
    // log of 50,000 requests is listed a page at a time.
    Result<int> countRequests(const RequestQuery &query) const;
    Result<QList<RequestSummary>> listRequests(const RequestQuery &query,
                                               int offset,
                                               int limit) const;

    // The staff register.
    Result<QList<StaffMember>> staff() const;
    // Inserts (id 0) or updates a staff member; returns it with its id.
    Result<StaffMember> saveStaffMember(const StaffMember &member);
    Result<void> removeStaffMember(qint64 id);

    // The append-only audit trail, newest first; requestReference empty for all.
    Result<QList<AuditEntry>> auditTrail(const QString &requestReference = QString(),
                                         int limit = 200) const;

    // Writes a consistent copy of the log to file with VACUUM INTO; safe while the log is in
    // use. Fails with Io or DiskFull; refuses (Conflict) to overwrite an existing file.
    Result<void> backupTo(const QString &file) const;

    // The authority's profile: the one saved in this log, or the shipped defaults when none has
    // been saved yet. Corrupt when the stored profile no longer parses.
    Result<OrganisationProfile> profile() const;
    // True once a profile has been saved in this log (the defaults are still in use otherwise).
    Result<bool> hasSavedProfile() const;
    // Validates and saves the profile (audited as "profile"). BadInput naming the field when it
    // is not valid; nothing is written then.
    Result<void> saveProfile(const OrganisationProfile &profile);

    // Release checks (release/ReleaseCheckResult.h): each one appended to the request's history
    // (audited as "release_check"), the latest returned first. NotFound for an unknown request.
    Result<void> recordReleaseCheck(qint64 requestId, const ReleaseCheckResult &result);
    Result<std::optional<ReleaseCheckResult>> lastReleaseCheck(qint64 requestId) const;
    Result<QList<ReleaseCheckResult>> releaseChecks(qint64 requestId) const;

    // Redaction suggestions accepted or dismissed (redaction/RedactionSuggestion.h), oldest first.
    Result<void> recordSuggestionDecision(qint64 requestId, const SuggestionDecision &decision);
    Result<QList<SuggestionDecision>> suggestionDecisions(qint64 requestId) const;

    // Searches the log as an officer types (SearchQuery: every word as a word prefix, "phrases"
    // in quotes): references, titles, introductions, questions, answers and combined
    // responses, never the requester's details. Most relevant first, then newest received.
    // Withheld text is found too (it is the officers' own log); such results mark it.
    Result<QList<SearchHit>> search(const QString &typed, int limit = 50) const;

    // Recomputes the stored due date of every request (after the holiday data changed).
    Result<void> recomputeDueDates();

    // For tests of a full disk: caps this connection's file at `pages` pages (SQLite keeps at
    // least the current size, so 0 means "as it is now"), so the next write that needs more
    // space fails as a full disk would. Returns the cap now in force. The application never
    // calls it.
    Result<qint64> setMaxPageCountForTesting(qint64 pages);

Q_SIGNALS:
    // Emitted after a change this Store made has been committed.
    void requestCreated(qint64 id);
    void requestSaved(qint64 id);
    void requestDeleted(qint64 id);
    void requestsChanged(); // many at once: an import or a recomputation
    void staffChanged();
    void profileChanged();

private:
    explicit Store(QString path);
    // probeDepth: a DatabaseProbe::Depth (kept out of this header).
    static Result<std::unique_ptr<Store>> openChecked(const QString &path, int probeDepth);

    // Backups::restore notes the restore in the restored log's audit trail.
    friend class Backups;
    Result<void> recordRestore(const QString &backupPath);

    class Private;
    friend class Private;
    std::unique_ptr<Private> d;
    QString m_path;
};

} // namespace foidesk
