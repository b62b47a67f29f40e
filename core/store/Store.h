#pragma once

#include "profile/OrganisationProfile.h"
#include "model/Request.h"
#include "redaction/RedactionSuggestion.h"
#include "release/ReleaseCheckResult.h"
#include "store/HistoryTable.h"
#include "store/HolidayTable.h"
#include "store/RequestTallies.h"
#include "store/SearchTable.h"
#include "store/SimilarQuestions.h"
#include "store/WorkflowTables.h"
#include "util/Result.h"
#include "workflow/Workflow.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace foidesk {

class Deadlines;

// What the request list asks for: a text filter, an optional status and a sort order.
struct RequestQuery
{
    // DaysLeft puts the requests whose deadline still matters first, nearest due date first,
    // and the closed ones after them: the order of the working days left (within a regime).
    enum class SortKey { Reference, Title, Received, Due, Status, Officer, DaysLeft };

    QString text; // matched, case-insensitively, against reference, title, requester and officer
    std::optional<RequestStatus> status;
    bool openOnly = false; // only statuses for which isOpenStatus() is true
    // Narrower still, for the list's saved views (listing/SavedView.h):
    QStringList officers;       // non-empty: the officer is one of these (ignoring case)
    QString notFirstApprovedBy; // non-empty: not the requests holding this login's first approval
    QDate dueBefore;            // valid: due strictly before this day
    QDate dueFrom;              // valid: due on or after this day
    // Non-empty: due on or before the day given for the request's regime (an invalid day, or a
    // regime left out, lets none of that regime through).
    QList<QPair<Regime, QDate>> dueUntil;
    bool matchNothing = false; // lists nothing at all (a view that does not apply)
    SortKey sortKey = SortKey::Received;
    Qt::SortOrder order = Qt::DescendingOrder;
};


// What a save did besides saving: a change to the content of an approved request withdraws the
// approval (the request goes back to Awaiting review), and the window tells the user so.
struct SaveOutcome
{
    Request request; // as stored, with its new revision and status
    bool approvalWithdrawn = false;
    QString notice; // a complete sentence for the user when approvalWithdrawn; empty otherwise
};

// A supervisor's decision with the request's content as it was when it was made.
struct ReviewPoint
{
    ReviewDecision decision;
    Request content;
};

// What some workflow moves need besides the move itself.
struct MoveInput
{
    QString comment;   // approve, second approval, return (return needs one)
    QString reason;    // reopen (needs one)
    QDate sentOn;      // mark sent: the day the letter went; today when invalid
    QByteArray sentPdf; // mark sent: the final letter's PDF as sent (release-checked by the caller)
};

// One FOI Desk log: a single SQLite file, opened through Qt SQL (QSQLITE).
//
// Every change is one transaction begun with BEGIN IMMEDIATE, so two windows or two processes
// writing the same file queue rather than fail. Each request carries a revision; a save made
// from an older revision is refused with Conflict and changes nothing.
// Not thread-safe: use one Store per thread.
// A due date that a change of the bank holidays moved.
struct DueDateMove
{
    qint64 id = 0;
    QString reference;
    QDate before; // invalid when the request had no due date
    QDate after;  // invalid when it has none now (the calendar does not reach it)
};

// What adding or removing bank holidays did.
struct HolidayChange
{
    int daysChanged = 0; // added or removed
    int daysKnown = 0;   // already in the calendar, so skipped
    int yearsAdded = 0;  // years now covered that were not
    QList<DueDateMove> moved;
};

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
    // reference belongs to another request. Refused (nothing written) when the request is Sent
    // or Closed (locked until reopened with a reason), and, with review on, when the status
    // itself is changed (the workflow moves change it). Request::firstApprovalBy is always
    // kept as stored.
    Result<Request> saveRequest(const Request &request);
    // saveRequest(), also saying whether the save withdrew an approval: a change to the content
    // (anything but the status, officer, final mark and second sign-off) of an Approved request,
    // or of one with the first of two approvals, sets it back to Awaiting review, records
    // "approval_withdrawn" in the history and says so in SaveOutcome::notice.
    Result<SaveOutcome> saveRequestReporting(const Request &request);

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

    // --- Figures (stats/) ---

    // The dashboard's counts, grouped in SQL (store/RequestTallies.h): every request by
    // status, the open ones by officer, and those answered between answeredFrom and answeredTo
    // (both included) by month, judged against their stored due dates.
    Result<RequestTallies> requestTallies(const QDate &answeredFrom, const QDate &answeredTo) const;
    // Every request received between first and last (both included), whole, oldest first,
    // read in a handful of queries: the requests whose figures a quarter counts.
    Result<QList<Request>> requestsReceivedBetween(const QDate &first, const QDate &last) const;

    // The staff register.
    Result<QList<StaffMember>> staff() const;
    // Inserts (id 0) or updates a staff member; returns it with its id.
    Result<StaffMember> saveStaffMember(const StaffMember &member);
    Result<void> removeStaffMember(qint64 id);

    // The append-only audit trail, newest first; requestReference empty for all.
    Result<QList<AuditEntry>> auditTrail(const QString &requestReference = QString(),
                                         int limit = 200) const;
    // Walks the history's hash chain from the first entry: nothing when it is intact, else the
    // first entry that was changed, removed (the entry after it is named) or moved.
    Result<std::optional<HistoryBreak>> verifyHistory() const;

    // --- Who is working (workflow and history) ---

    // The operating-system account name (USER, or USERNAME on Windows).
    static QString operatingSystemAccount();
    // The login recorded with every change from now on: set by the window after the user chose
    // themself, or by --user. Defaults at open to defaultUser().
    void setCurrentUser(const QString &login);
    QString currentUser() const;
    // The login of the register entry whose login matches account (ignoring case), or account
    // itself when the register has none.
    Result<QString> loginForAccount(const QString &account) const;
    // The register entry with this login (ignoring case), if any.
    Result<std::optional<StaffMember>> staffMemberByLogin(const QString &login) const;

    // --- Review ---

    // Review is on when the staff register has a supervisor (role supervisor or both), unless
    // it was switched off for this log (a one-person office).
    Result<bool> reviewEnabled() const;
    Result<bool> reviewSwitchedOff() const;
    // Stored in the log's settings (log_settings "review" = "off" or "auto"); audited.
    Result<void> setReviewSwitchedOff(bool off);

    // What the state machine says about move for this request and the current user now.
    Result<MoveCheck> checkMove(qint64 requestId, WorkflowMove move, const MoveInput &input = {}) const;
    // Makes a workflow move for the current user: checks it with Workflow::check (Refused with
    // its sentence when not allowed), sets the status (bumping the revision), records the
    // decision for approve/return, and the history. Return needs a comment (BadInput without
    // one). Mark sent needs input.sentPdf and, for a request that withholds anything, a passed
    // release check of the current content (ReleaseGate); it keeps the letter as sent
    // (sentLetters()). Returns the stored request.
    Result<Request> applyMove(qint64 requestId, WorkflowMove move, const MoveInput &input = {});

    // Review comments, oldest first. question is a 0-based index, or none for the request as a
    // whole; BadInput for an index the request does not have or an empty text. Comments are
    // internal: never in a letter or an export.
    Result<ReviewComment> addComment(qint64 requestId,
                                     std::optional<int> question,
                                     const QString &text);
    Result<QList<ReviewComment>> comments(qint64 requestId) const;
    // Marks a comment resolved by the current user. NotFound when there is no such comment.
    Result<void> resolveComment(qint64 commentId);
    // Approvals and returns with their comments, oldest first.
    Result<QList<ReviewDecision>> reviewDecisions(qint64 requestId) const;
    // The latest approval or return with the content it was made on, for "what changed since
    // the last review"; nullopt when no supervisor has decided on the request yet.
    Result<std::optional<ReviewPoint>> lastReview(qint64 requestId) const;
    // The letters as sent, newest first.
    Result<QList<SentLetter>> sentLetters(qint64 requestId) const;

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
    // Withheld text is found too (it is the officers' own log); such results mark it. With
    // newest above 0 (search while typing), only the newest that many matches of each index are
    // ranked when there are more, and *narrowed says so (store/SearchTable.h: SearchScope).
    Result<QList<SearchHit>> search(const QString &typed,
                                    int limit = 50,
                                    int newest = 0,
                                    bool *narrowed = nullptr) const;

    // Answered questions of other requests (not excludeRequestId) like text, to reuse their
    // answers: most alike first, then the most recently answered (store/SimilarQuestions.h).
    Result<QList<SimilarQuestion>>
    similarQuestions(const QString &text, qint64 excludeRequestId = 0, int limit = 5) const;

    // Other requests that ask the same questions as request requestId within a few weeks, from
    // other requesters: a round robin. Works on the stored request.
    Result<QList<RoundRobinMatch>> roundRobin(qint64 requestId) const;
    // The same for a request as it is being edited (its id excludes itself).
    Result<QList<RoundRobinMatch>> roundRobin(const Request &request) const;

    // Recomputes the stored due date of every request (after the holiday data changed).
    Result<void> recomputeDueDates();

    // Bank holidays (store/StoreHolidays.cpp). The calendar this log's deadlines are worked
    // with: the built-in one plus the days the log added. Opening the log makes it
    // HolidayCalendar::active(), and it is read again whenever another program changed it.
    HolidayCalendar calendar() const;
    Result<QList<AddedHoliday>> addedHolidays() const;
    // Adds days to this log's calendar (those it has already are skipped), and years listed in
    // full by a government file; then recomputes the due date of every open request, records
    // each date that moved in that request's history, and says what moved. One transaction:
    // nothing changes when any of it fails. source: "added by hand" or the file's name.
    Result<HolidayChange> addHolidays(const QList<Holiday> &days,
                                      const QString &source,
                                      const QList<int> &completeYears = {});
    // Takes back a day the log added, in each of nations (built-in days cannot be removed);
    // NotFound, changing nothing, when the log did not add it in one of them. Recomputes open
    // due dates as addHolidays() does, in the same transaction.
    Result<HolidayChange> removeAddedHolidays(const QDate &date, const QList<Nation> &nations);

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
    // After a save withdrew the approval of request id; notice is the sentence to show.
    void approvalWithdrawn(qint64 id, const QString &notice);
    void profileChanged();
    // The bank holidays deadlines are worked with changed (added or removed here, or by another
    // program, noticed on the next read); the due dates shown should be worked out again.
    void calendarChanged();

private:
    explicit Store(QString path);
    // probeDepth: a DatabaseProbe::Depth (kept out of this header).
    static Result<std::unique_ptr<Store>> openChecked(const QString &path, int probeDepth);

    // Backups::restore notes the restore in the restored log's audit trail.
    friend class Backups;
    Result<void> recordRestore(const QString &backupPath);

    // Puts the built-in calendar back as the active one if this log's was (StoreHolidays.cpp).
    void releaseCalendar();

    class Private;
    friend class Private;
    std::unique_ptr<Private> d;
    QString m_path;
};

} // namespace foidesk
