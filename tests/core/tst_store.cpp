#include "calendar/Deadlines.h"
#include "core/RawDatabase.h"
#include "model/RequestEnums.h"
#include "store/Migrator.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

Request sampleRequest(const QString &reference)
{
    Request request;
    request.reference = reference;
    request.regime = Regime::FOIA;
    request.title = u"Online enquiry service on the council website"_s;
    request.received = QDate(2024, 3, 4);
    request.requester = {u"Gwenllïan Ŵyn-Ŷates"_s,
                         u"gwen@example.org"_s,
                         u"1 Ffordd y Bont\nAberystwyth"_s,
                         RequesterKind::Journalist};
    request.officer = u"Priya Shah"_s;
    request.status = RequestStatus::InProgress;
    request.held = Held::Some;
    request.letterDate = QDate(2024, 3, 28);

    Question first;
    first.section = u"Online services"_s;
    first.label = u"1."_s;
    first.text =
        u"Does the council answer residents through a “virtual agent” (£ spent?) 🤖"_s;
    first.answer = u"Yes – since 2022; cost £12,500."_s;
    Question second;
    second.section = u"Online services"_s;
    second.label = u"2a"_s;
    second.condition = u"If yes:"_s;
    second.text = u"Which supplier provides it? Dŵr, tŷ, ‘quoted’."_s;
    Question third;
    third.section = u"Survey"_s;
    third.label = u"3."_s;
    third.text = u"How often is it used?"_s;
    third.choices = {u"Daily"_s, u"Weekly"_s, u"Never, “really”"_s, QString()};
    third.answer = u"Weekly"_s;
    request.questions = {first, second, third};
    return request;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A request that withholds: spans at the very start and end of an answer, non-ASCII text (an
// emoji before a span, so that offsets are UTF-16 code units), and reasons for its exemptions.
Request withholdingRequest(const QString &reference)
{
    Request request = sampleRequest(reference);
    Question &first = request.questions[0];
    first.answer = u"Siân Ŵyn 🤖 approved it; contact siân@example.org"_s;
    first.disposition = Disposition::PartWithheld;
    first.exemptions = {u"s40(2)"_s, u"s43(2)"_s};
    const qsizetype email = first.answer.indexOf(u"siân@"_s);
    first.redactions = {Redaction{0, 8, u"s40(2)"_s},
                        Redaction{email, first.answer.size() - email, u"s40(2)"_s}};
    Question &second = request.questions[1];
    second.answer = u"Withheld in full."_s;
    second.disposition = Disposition::Withheld;
    second.exemptions = {u"s43(2)"_s};
    request.questions[2].disposition = Disposition::NotHeld;
    request.exemptionReasons.insert(
        u"s43(2)"_s,
        ExemptionReasoning{u"Prices quoted by “suppliers” are commercially sensitive."_s,
                           u"The public interest in tendering outweighs Ŵ disclosure."_s});
    request.exemptionReasons.insert(u"s40(2)"_s,
                                    ExemptionReasoning{u"Names of junior officers."_s, {}});
    return request;
}

ReleaseCheckResult releaseCheck(const QDateTime &at, const QList<LeakFinding> &findings)
{
    ReleaseCheckResult result;
    result.checkedAt = at;
    result.file = u"/tmp/Ŵ letters/6370952.pdf"_s;
    result.fileSha256 = QByteArray(64, 'a');
    result.fingerprint = QByteArray(64, 'b');
    result.withheldCount = 3;
    result.pagesRead = 2;
    result.findings = findings;
    return result;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dbPath() const { return m_dir->filePath(u"log.sqlite"_s); }

    std::unique_ptr<Store> openStore(const QString &path = QString())
    {
        auto opened = Store::open(path.isEmpty() ? dbPath() : path);
        if (!opened) {
            qWarning() << opened.errorMessage();
            return {};
        }
        return std::move(opened.value());
    }

    // Adds requests a, b, c... with known titles, officers, statuses and dates for the list.
    void fillForList(Store &store)
    {
        struct Row
        {
            const char16_t *reference, *title, *officer, *requester;
            RequestStatus status;
            QDate received;
        };
        const Row rows[] = {
            {u"FOI-003",
             u"Parking fines 2023",
             u"Priya Shah",
             u"Alex Jones",
             RequestStatus::New,
             QDate(2024, 1, 10)},
            {u"foi-001",
             u"Bin collections",
             u"adam Price",
             u"Sam Lee",
             RequestStatus::Closed,
             QDate(2024, 2, 1)},
            {u"FOI-002",
             u"Library 100% closures",
             u"Zoë Evans",
             u"Chris Roe",
             RequestStatus::Sent,
             QDate(2023, 12, 5)},
            {u"EIR-010",
             u"Air_quality sensors",
             u"Priya Shah",
             u"Dana Fox",
             RequestStatus::AwaitingReview,
             QDate(2024, 2, 20)},
            {u"EIR-011",
             u"Airxquality map",
             u"",
             u"Ed Moss",
             RequestStatus::ClarificationSought,
             QDate(2024, 1, 10)},
        };
        for (const Row &row : rows) {
            Request request;
            request.reference = QString::fromUtf16(row.reference);
            request.title = QString::fromUtf16(row.title);
            request.officer = QString::fromUtf16(row.officer);
            request.requester.name = QString::fromUtf16(row.requester);
            request.status = row.status;
            request.received = row.received;
            request.regime = request.reference.startsWith(u"EIR") ? Regime::EIR : Regime::FOIA;
            QVERIFY(store.createRequest(request).ok());
        }
    }

    QStringList references(const Result<QList<RequestSummary>> &page)
    {
        QStringList result;
        for (const RequestSummary &summary : page.value())
            result.append(summary.reference);
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QTest::failOnWarning(QRegularExpression(u"still in use"_s));
    }

    void defaultPathIsInTheAppDataFolder()
    {
        QCOMPARE(Store::defaultPath(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                     + u"/foidesk.sqlite"_s);
    }

    void openCreatesTheFolderAndTheFile()
    {
        const QString path = m_dir->filePath(u"new/nested/log.sqlite"_s);
        auto store = openStore(path);
        QVERIFY(store);
        QVERIFY(QFile::exists(path));
        QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(store->path(), path);
        RawDatabase raw(path);
        QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(raw.value(u"PRAGMA application_id"_s).toInt(), Migrator::ApplicationId);
    }

    void zeroByteFileIsANewLog()
    {
        QVERIFY(writeFile(dbPath(), {}));
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(store->countRequests({}).value(), 0);
    }

    void createAndLoadKeepsEverythingInOrder()
    {
        auto store = openStore();
        QVERIFY(store);
        const Request original = sampleRequest(u"6370952"_s);
        const Result<Request> created = store->createRequest(original);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        QVERIFY(created->id > 0);
        QCOMPARE(created->revision, 1);
        for (const Question &question : created->questions)
            QVERIFY(question.id > 0);

        // Read back through a second connection, so nothing comes from memory.
        auto other = openStore();
        const Result<Request> loaded = other->loadRequest(created->id);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        QVERIFY(loaded->sameContent(original));
        QCOMPARE(loaded->questions, created->questions);
        QCOMPARE(loaded->questions[2].choices, original.questions[2].choices);
        QCOMPARE(loaded->questions[0].text, original.questions[0].text);
        QCOMPARE(loaded->requester.name, u"Gwenllïan Ŵyn-Ŷates"_s);
        QCOMPARE(other->loadRequestByReference(u"6370952"_s)->id, created->id);
        QCOMPARE(other->findReference(u"6370952"_s)->value(), created->id);
        QVERIFY(!other->findReference(u"nope"_s)->has_value());
        QCOMPARE(other->loadRequest(created->id + 100).errorKind(), ErrorKind::NotFound);
        QCOMPARE(other->loadRequestByReference(u"nope"_s).errorKind(), ErrorKind::NotFound);
    }

    void dueDateIsComputedFromReceivedAndRegime()
    {
        auto store = openStore();
        Request request = sampleRequest(u"D-1"_s);
        request.regime = Regime::FOISA;
        QVERIFY(store->createRequest(request).ok());
        Request undated = sampleRequest(u"D-2"_s);
        undated.received = QDate();
        QVERIFY(store->createRequest(undated).ok());

        RequestQuery query;
        query.sortKey = RequestQuery::SortKey::Reference;
        query.order = Qt::AscendingOrder;
        const auto page = store->listRequests(query, 0, 10);
        QCOMPARE(page->size(), 2);
        const Result<QDate> expected = Deadlines().dueDate(request.received, Regime::FOISA);
        QVERIFY(expected.ok());
        QCOMPARE(page->at(0).due, *expected);
        QVERIFY(!page->at(1).due.isValid());
    }

    void letterFinalIsStoredAndAudited()
    {
        auto store = openStore();
        Result<Request> created = store->createRequest(sampleRequest(u"7012568"_s));
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        QVERIFY(!created->letterFinal);
        Request edited = *created;
        edited.letterFinal = true;
        QVERIFY(store->saveRequest(edited).ok());
        auto other = openStore();
        QVERIFY(other->loadRequest(created->id)->letterFinal);
        const Result<QList<AuditEntry>> trail = other->auditTrail(u"7012568"_s);
        QVERIFY(trail.ok());
        QVERIFY(trail->first().detail.contains(u"letter final"_s));
    }

    // Saving a request as it is stored writes nothing: the revision stays, the history does not
    // grow, and another window editing the same revision can still save.
    void savingNothingWritesNothing()
    {
        auto store = openStore();
        const Result<Request> created = store->createRequest(sampleRequest(u"NOOP-1"_s));
        QVERIFY(created.ok());
        const int entries = int(store->auditTrail(u"NOOP-1"_s)->size());
        const Result<Request> again = store->saveRequest(*created);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QCOMPARE(again->revision, created->revision);
        QCOMPARE(store->loadRequest(created->id)->revision, created->revision);
        QCOMPARE(int(store->auditTrail(u"NOOP-1"_s)->size()), entries);

        Request edited = *created;
        edited.title += u" (edited)"_s;
        const Result<Request> saved = store->saveRequest(edited);
        QVERIFY(saved.ok());
        QCOMPARE(saved->revision, created->revision + 1);
        QCOMPARE(int(store->auditTrail(u"NOOP-1"_s)->size()), entries + 1);
    }

    // The requester's introduction is stored with the request, survives reopening, and a
    // change to it alone is a change the history names.
    void introductionIsStored()
    {
        auto store = openStore();
        Request request = sampleRequest(u"INTRO-1"_s);
        request.introduction = u"I wanted to find out more.\n\nPlease tell me:"_s;
        const Result<Request> created = store->createRequest(request);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        QCOMPARE(store->loadRequest(created->id)->introduction, request.introduction);

        Request edited = *created;
        edited.introduction = u"Something else."_s;
        const Result<Request> saved = store->saveRequest(edited);
        QVERIFY(saved.ok());
        QCOMPARE(store->loadRequest(created->id)->introduction, u"Something else."_s);
        QStringList details;
        const QList<AuditEntry> trail = store->auditTrail(u"INTRO-1"_s).value();
        for (const AuditEntry &entry : trail)
            details.append(entry.action + u": "_s + entry.detail);
        QVERIFY2(details.join(u'\n').contains(u"introduction"_s), qPrintable(details.join(u'\n')));
    }

    // A log starts on the shipped wording; once the authority saves its own profile, every
    // window and command that opens the log uses it.
    void profileStartsAsTheDefaultsAndIsSaved()
    {
        auto store = openStore();
        QCOMPARE(store->hasSavedProfile().value(), false);
        const Result<OrganisationProfile> defaults = OrganisationProfile::defaults();
        QVERIFY(defaults.ok());
        QCOMPARE(store->profile().value(), defaults.value());

        OrganisationProfile ours = *defaults;
        ours.name = u"Borough of Llanfair ŵ"_s;
        ours.email = u"foi@llanfair.example"_s;
        QSignalSpy changed(store.get(), &Store::profileChanged);
        const Result<void> saved = store->saveProfile(ours);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(changed.count(), 1);

        auto other = openStore();
        QCOMPARE(other->hasSavedProfile().value(), true);
        QCOMPARE(other->profile().value(), ours);
        QCOMPARE(other->auditTrail()->first().action, u"profile"_s);
    }

    void anInvalidProfileIsRefusedAndTheStoredOneKept()
    {
        auto store = openStore();
        OrganisationProfile ours = OrganisationProfile::defaults().value();
        ours.name = u"Kept Council"_s;
        QVERIFY(store->saveProfile(ours).ok());

        OrganisationProfile broken = ours;
        broken.name = u"Broken Council"_s;
        broken.templates.insert(broken.templates.firstKey(), u"Dear {no_such_placeholder}"_s);
        const Result<void> refused = store->saveProfile(broken);
        QCOMPARE(refused.errorKind(), ErrorKind::BadInput);
        QVERIFY2(refused.errorMessage().contains(u"no_such_placeholder"_s),
                 qPrintable(refused.errorMessage()));
        QCOMPARE(store->profile()->name, u"Kept Council"_s);
    }

    void referencesAreUniqueWhateverTheCase()
    {
        auto store = openStore();
        QVERIFY(store->createRequest(sampleRequest(u"ABC-1"_s)).ok());
        const Result<Request> duplicate = store->createRequest(sampleRequest(u" abc-1 "_s));
        QCOMPARE(duplicate.errorKind(), ErrorKind::Taken);
        QVERIFY(duplicate.errorMessage().contains(u"abc-1"_s));
        // It names the request that has it, so the officer can tell a second copy of the same
        // request from a clash of numbers, and says what to do: not "Revert", which fits a
        // conflict of versions.
        QVERIFY2(duplicate.errorMessage().contains(
                     u"already used in this log by \"Online enquiry service on the council website\", "
                     "received 4 March 2024, so "
                     "this one was not created. Choose a different reference"_s),
                 qPrintable(duplicate.errorMessage()));
        QVERIFY(!duplicate.errorMessage().contains(u"Revert"_s));
        QCOMPARE(store->createRequest(sampleRequest(u"   "_s)).errorKind(), ErrorKind::BadInput);
        QCOMPARE(store->countRequests({}).value(), 1);
        // Surrounding spaces are not part of a reference.
        const Result<Request> trimmed = store->createRequest(sampleRequest(u" XYZ-2\t"_s));
        QCOMPARE(trimmed->reference, u"XYZ-2"_s);
        QVERIFY(store->loadRequestByReference(u"xyz-2"_s).ok());
    }

    void saveReplacesFieldsAndQuestions()
    {
        auto store = openStore();
        Request request = store->createRequest(sampleRequest(u"S-1"_s)).value();
        request.title = u"Renamed ŵ"_s;
        request.status = RequestStatus::AwaitingReview;
        request.questions.removeAt(1);
        std::swap(request.questions[0], request.questions[1]);
        Question added;
        added.text = u"A new last question"_s;
        added.choices = {u"one"_s};
        request.questions.append(added);
        const Result<Request> saved = store->saveRequest(request);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(saved->revision, 2);

        const Result<Request> loaded = store->loadRequest(request.id);
        QCOMPARE(loaded->revision, 2);
        QVERIFY(loaded->sameContent(request));
        QCOMPARE(loaded->questions.size(), 3);
        QCOMPARE(loaded->questions[0].label, u"3."_s);
        QCOMPARE(loaded->questions[2].text, u"A new last question"_s);

        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM questions"_s).toInt(), 3);
    }

    void changingTheReferenceToATakenOneIsRefused()
    {
        auto store = openStore();
        QVERIFY(store->createRequest(sampleRequest(u"R-1"_s)).ok());
        Request second = store->createRequest(sampleRequest(u"R-2"_s)).value();
        second.reference = u"r-1"_s;
        second.title = u"Should not be stored"_s;
        const Result<Request> saved = store->saveRequest(second);
        QCOMPARE(saved.errorKind(), ErrorKind::Taken);
        QVERIFY(saved.errorMessage().contains(u"r-1"_s));
        QVERIFY2(saved.errorMessage().contains(u"so your changes were not saved"_s),
                 qPrintable(saved.errorMessage()));
        const Result<Request> stored = store->loadRequest(second.id);
        QCOMPARE(stored->reference, u"R-2"_s);
        QCOMPARE(stored->revision, 1);
        // Changing only the case of its own reference is fine.
        Request fresh = stored.value();
        fresh.reference = u"r-2"_s;
        QVERIFY(store->saveRequest(fresh).ok());
    }

    void staleRevisionFromAnotherStoreIsRefused()
    {
        auto first = openStore();
        auto second = openStore();
        const Request created = first->createRequest(sampleRequest(u"6370952"_s)).value();
        Request mine = first->loadRequest(created.id).value();
        Request theirs = second->loadRequest(created.id).value();
        QCOMPARE(mine.revision, 1);
        QCOMPARE(theirs.revision, 1);

        mine.title = u"First editor's title"_s;
        QCOMPARE(first->saveRequest(mine)->revision, 2);

        theirs.title = u"Second editor's title"_s;
        const Result<Request> refused = second->saveRequest(theirs);
        QCOMPARE(refused.errorKind(), ErrorKind::Conflict);
        QVERIFY(refused.errorMessage().contains(u"6370952"_s));
        QVERIFY(refused.errorMessage().contains(u"revision 2 is stored"_s));
        QVERIFY(refused.errorMessage().contains(u"you edited revision 1"_s));

        const Request stored = second->loadRequest(created.id).value();
        QCOMPARE(stored.title, u"First editor's title"_s);
        QCOMPARE(stored.revision, 2);
        // After reloading, the second editor can save.
        Request reloaded = stored;
        reloaded.title = u"Second editor's title"_s;
        QCOMPARE(second->saveRequest(reloaded)->revision, 3);
    }

    void savingARequestDeletedMeanwhileIsRefused()
    {
        auto first = openStore();
        auto second = openStore();
        const Request created = first->createRequest(sampleRequest(u"DEL-1"_s)).value();
        Request stale = second->loadRequest(created.id).value();
        QVERIFY(first->deleteRequest(created.id, 1).ok());
        stale.title = u"Edited too late"_s;
        const Result<Request> saved = second->saveRequest(stale);
        QCOMPARE(saved.errorKind(), ErrorKind::Conflict);
        QVERIFY(saved.errorMessage().contains(u"deleted"_s));
        QCOMPARE(second->countRequests({}).value(), 0);
    }

    void deleteChecksTheRevisionAndRemovesQuestions()
    {
        auto store = openStore();
        Request request = store->createRequest(sampleRequest(u"DEL-2"_s)).value();
        request.title = u"Changed"_s;
        QVERIFY(store->saveRequest(request).ok());

        const Result<void> stale = store->deleteRequest(request.id, 1);
        QCOMPARE(stale.errorKind(), ErrorKind::Conflict);
        QVERIFY(stale.errorMessage().contains(u"DEL-2"_s));
        QVERIFY(store->loadRequest(request.id).ok());

        QVERIFY(store->deleteRequest(request.id, 2).ok());
        QCOMPARE(store->loadRequest(request.id).errorKind(), ErrorKind::NotFound);
        QCOMPARE(store->deleteRequest(request.id, 2).errorKind(), ErrorKind::NotFound);
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM questions"_s).toInt(), 0);
    }

    void importRefusesOrReplacesAnExistingReference()
    {
        auto store = openStore();
        const Request created = store->createRequest(sampleRequest(u"IMP-1"_s)).value();
        Request incoming = sampleRequest(u"imp-1"_s);
        incoming.title = u"Imported title"_s;
        incoming.questions.removeLast();

        const Result<Request> refused = store->importRequest(incoming, false);
        QCOMPARE(refused.errorKind(), ErrorKind::Taken);
        QVERIFY(refused.errorMessage().contains(u"--replace"_s));
        QCOMPARE(store->loadRequest(created.id)->title, sampleRequest({}).title);

        const Result<Request> replaced = store->importRequest(incoming, true);
        QVERIFY2(replaced.ok(), qPrintable(replaced.errorMessage()));
        QCOMPARE(replaced->id, created.id);
        QCOMPARE(replaced->revision, 2);
        const Request stored = store->loadRequest(created.id).value();
        QCOMPARE(stored.title, u"Imported title"_s);
        QCOMPARE(stored.questions.size(), 2);

        const Result<Request> fresh = store->importRequest(sampleRequest(u"IMP-2"_s), false);
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->revision, 1);
        QCOMPARE(store->countRequests({}).value(), 2);
    }

    void exemptionsRedactionsAndReasonsRoundTrip()
    {
        auto store = openStore();
        const Request original = withholdingRequest(u"W-1"_s);
        const Result<Request> created = store->createRequest(original);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));

        auto other = openStore();
        const Result<Request> loaded = other->loadRequest(created->id);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        QVERIFY(loaded->sameContent(original));
        const Question &first = loaded->questions[0];
        QCOMPARE(first.disposition, Disposition::PartWithheld);
        QCOMPARE(first.exemptions, (QStringList{u"s40(2)"_s, u"s43(2)"_s}));
        QCOMPARE(first.redactions.size(), 2);
        QCOMPARE(first.answer.mid(first.redactions[0].start, first.redactions[0].length),
                 u"Siân Ŵyn"_s);
        QCOMPARE(first.redactions[1].end(), first.answer.size());
        QCOMPARE(first.answer.mid(first.redactions[1].start), u"siân@example.org"_s);
        QCOMPARE(loaded->questions[1].disposition, Disposition::Withheld);
        QCOMPARE(loaded->questions[2].disposition, Disposition::NotHeld);
        QVERIFY(loaded->questions[2].redactions.isEmpty());
        QCOMPARE(loaded->exemptionReasons, original.exemptionReasons);

        // A save replaces them all: nothing of the old spans or reasons is left behind.
        Request edited = *loaded;
        edited.questions[0].redactions = {Redaction{9, 2, u"s40(2)"_s}};
        edited.questions[1].disposition = Disposition::NeitherConfirmNorDeny;
        edited.exemptionReasons.remove(u"s43(2)"_s);
        const Result<Request> saved = store->saveRequest(edited);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        const Request again = other->loadRequest(created->id).value();
        QVERIFY(again.sameContent(edited));
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM question_redactions"_s).toInt(), 1);
        QCOMPARE(raw.value(u"SELECT count(*) FROM request_exemption_reasons"_s).toInt(), 1);

        // The audit trail names what changed, never what the reasoning says.
        const AuditEntry entry = store->auditTrail(u"W-1"_s)->first();
        QVERIFY(entry.detail.contains(u"exemption reasons"_s));
        QVERIFY(entry.detail.contains(u"questions"_s));
        QVERIFY(!entry.detail.contains(u"commercially"_s));
    }

    void redactionsLoadSortedWhateverOrderTheyWereGiven()
    {
        auto store = openStore();
        Request request = sampleRequest(u"W-2"_s);
        request.questions[0].answer = u"Ann Lee and Bob Roe and Cy Poe"_s;
        request.questions[0].redactions = {Redaction{24, 6, u"s40(2)"_s},
                                           Redaction{0, 7, u"s40(2)"_s},
                                           Redaction{12, 7, u"s43(2)"_s}};
        const Request created = store->createRequest(request).value();
        const QList<Redaction> loaded = store->loadRequest(created.id)->questions[0].redactions;
        QCOMPARE(loaded,
                 (QList<Redaction>{Redaction{0, 7, u"s40(2)"_s},
                                   Redaction{12, 7, u"s43(2)"_s},
                                   Redaction{24, 6, u"s40(2)"_s}}));
    }

    // A redaction that does not fit its answer is a fault somewhere before the store: storing
    // it could cut the letter at the wrong place, so the save is refused and nothing written.
    void redactionOutsideItsAnswerIsRefused_data()
    {
        QTest::addColumn<qsizetype>("start");
        QTest::addColumn<qsizetype>("length");
        QTest::newRow("past the end") << qsizetype(20) << qsizetype(20);
        QTest::newRow("negative start") << qsizetype(-1) << qsizetype(3);
        QTest::newRow("empty") << qsizetype(2) << qsizetype(0);
    }

    void redactionOutsideItsAnswerIsRefused()
    {
        QFETCH(qsizetype, start);
        QFETCH(qsizetype, length);
        auto store = openStore();
        Request request = sampleRequest(u"W-3"_s);
        request.questions[0].answer = u"Short answer."_s;
        request.questions[0].redactions = {Redaction{start, length, u"s40(2)"_s}};
        const Result<Request> created = store->createRequest(request);
        QCOMPARE(created.errorKind(), ErrorKind::BadInput);
        QVERIFY2(created.errorMessage().contains(u"Question 1 has a withheld passage"_s),
                 qPrintable(created.errorMessage()));
        QCOMPARE(store->countRequests({}).value(), 0);

        request.questions[0].redactions.clear();
        Request stored = store->createRequest(request).value();
        stored.questions[0].redactions = {Redaction{start, length, u"s40(2)"_s}};
        QCOMPARE(store->saveRequest(stored).errorKind(), ErrorKind::BadInput);
        QCOMPARE(store->importRequest(stored, true).errorKind(), ErrorKind::BadInput);
        QCOMPARE(store->loadRequest(stored.id)->revision, 1);
    }

    void aRefusedSaveWritesNoRedactions()
    {
        auto first = openStore();
        auto second = openStore();
        const Request created = first->createRequest(sampleRequest(u"W-4"_s)).value();
        Request mine = first->loadRequest(created.id).value();
        Request theirs = second->loadRequest(created.id).value();
        mine.title = u"Saved first"_s;
        QVERIFY(first->saveRequest(mine).ok());

        const Request withheld = withholdingRequest(u"W-4"_s);
        theirs.questions = withheld.questions;
        theirs.exemptionReasons = withheld.exemptionReasons;
        QCOMPARE(second->saveRequest(theirs).errorKind(), ErrorKind::Conflict);
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM question_redactions"_s).toInt(), 0);
        QCOMPARE(raw.value(u"SELECT count(*) FROM request_exemption_reasons"_s).toInt(), 0);
        QCOMPARE(
            raw.value(u"SELECT count(*) FROM questions WHERE disposition <> 'answered'"_s).toInt(),
            0);
    }

    // Everything a save writes is one transaction: when the last row fails, the request, its
    // questions and its other spans stay as they were.
    void aSaveFailingAtTheLastRedactionChangesNothing()
    {
        auto store = openStore();
        const Request created = store->createRequest(withholdingRequest(u"W-5"_s)).value();
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.exec(u"CREATE TRIGGER refuse_one BEFORE INSERT ON question_redactions "
                             u"WHEN NEW.exemption = 's31(1)(a)' "
                             u"BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"_s));
        }
        Request edited = created;
        edited.title = u"Not to be kept"_s;
        edited.questions[0].redactions.append(
            Redaction{edited.questions[0].answer.size() - 3, 3, u"s31(1)(a)"_s});
        edited.exemptionReasons.clear();
        const Result<Request> saved = store->saveRequest(edited);
        QVERIFY(!saved.ok());
        const Request stored = store->loadRequest(created.id).value();
        QCOMPARE(stored.revision, 1);
        QVERIFY(stored.sameContent(withholdingRequest(u"W-5"_s)));
    }

    void deletingARequestDeletesEverythingItHeld()
    {
        auto store = openStore();
        const Request created = store->createRequest(withholdingRequest(u"W-6"_s)).value();
        const Request kept = store->createRequest(withholdingRequest(u"W-7"_s)).value();
        for (const Request &request : {created, kept}) {
            QVERIFY(store->recordReleaseCheck(request.id, releaseCheck(QDateTime(), {})).ok());
            SuggestionDecision decision;
            decision.text = u"siân@example.org"_s;
            QVERIFY(store->recordSuggestionDecision(request.id, decision).ok());
        }
        QVERIFY(store->deleteRequest(created.id, 1).ok());
        RawDatabase raw(dbPath());
        for (const QString &table : {u"questions"_s,
                                     u"release_checks"_s,
                                     u"suggestion_decisions"_s,
                                     u"request_exemption_reasons"_s}) {
            QCOMPARE(raw.value(u"SELECT count(*) FROM %1 WHERE request_id = %2"_s.arg(table).arg(
                                   created.id))
                         .toInt(),
                     0);
            QVERIFY(raw.value(u"SELECT count(*) FROM %1 WHERE request_id = %2"_s.arg(table).arg(
                                  kept.id))
                        .toInt()
                    > 0);
        }
        QCOMPARE(raw.value(u"SELECT count(*) FROM question_redactions"_s).toInt(), 2);
        QCOMPARE(store->releaseChecks(kept.id)->size(), 1);
    }

    void releaseChecksAreKeptNewestFirst()
    {
        auto store = openStore();
        const Request request = store->createRequest(withholdingRequest(u"RC-1"_s)).value();
        QCOMPARE(store->lastReleaseCheck(request.id).value(), std::nullopt);
        QVERIFY(store->releaseChecks(request.id)->isEmpty());

        const QDateTime earlier(QDate(2024, 3, 28), QTime(9, 15, 30, 125), Qt::UTC);
        const ReleaseCheckResult failed =
            releaseCheck(earlier,
                         {LeakFinding{u"Siân Ŵyn"_s, u"page 1 text"_s},
                          LeakFinding{u"siân@example.org"_s, u"document metadata (XMP)"_s}});
        QVERIFY(!failed.passed());
        QVERIFY(store->recordReleaseCheck(request.id, failed).ok());
        ReleaseCheckResult unreadable = releaseCheck(earlier.addSecs(60), {});
        unreadable.error = u"The file could not be opened."_s;
        QVERIFY(store->recordReleaseCheck(request.id, unreadable).ok());
        // Recorded last, though its clock says earlier: the order is the order of recording.
        const ReleaseCheckResult passed = releaseCheck(earlier.addSecs(-5), {});
        QVERIFY(store->recordReleaseCheck(request.id, passed).ok());

        auto other = openStore();
        const QList<ReleaseCheckResult> checks = other->releaseChecks(request.id).value();
        QCOMPARE(checks, (QList<ReleaseCheckResult>{passed, unreadable, failed}));
        QCOMPARE(checks[2].checkedAt.timeSpec(), Qt::UTC);
        QCOMPARE(other->lastReleaseCheck(request.id).value(), std::optional(passed));

        // The trail says how each check went and never what was withheld.
        const QList<AuditEntry> trail = other->auditTrail(u"RC-1"_s).value();
        QStringList outcomes;
        for (const AuditEntry &entry : trail) {
            if (entry.action == u"release_check"_s)
                outcomes.append(entry.detail);
            QVERIFY(!entry.detail.contains(u"Siân"_s));
            QVERIFY(!entry.detail.contains(u"example.org"_s));
        }
        QCOMPARE(outcomes, (QStringList{u"passed"_s, u"failed"_s, u"failed"_s}));
        QCOMPARE(trail.first().revision, 1);

        // A stored check cannot be turned into a pass behind the application's back.
        RawDatabase raw(dbPath());
        QString error;
        QVERIFY(!raw.exec(u"UPDATE release_checks SET findings = '[]', error = ''"_s, &error));
        QVERIFY2(error.contains(u"cannot be changed"_s), qPrintable(error));
    }

    // A check that could not read the file back has no hashes and no pages; it is still kept.
    void aCheckWithNothingButAnErrorIsKept()
    {
        auto store = openStore();
        const Request request = store->createRequest(sampleRequest(u"RC-3"_s)).value();
        ReleaseCheckResult unreadable;
        unreadable.error = u"The file could not be opened."_s;
        QVERIFY2(store->recordReleaseCheck(request.id, unreadable).ok(),
                 qPrintable(store->recordReleaseCheck(request.id, unreadable).errorMessage()));
        const ReleaseCheckResult back = store->lastReleaseCheck(request.id)->value();
        QVERIFY(back.checkedAt.isValid()); // stamped when recorded
        QVERIFY(back.fileSha256.isEmpty());
        QVERIFY(back.findings.isEmpty());
        QCOMPARE(back.error, unreadable.error);
        QVERIFY(!back.passed());
    }

    void releaseChecksOfAnUnknownRequestAreRefused()
    {
        auto store = openStore();
        QCOMPARE(store->recordReleaseCheck(42, releaseCheck(QDateTime(), {})).errorKind(),
                 ErrorKind::NotFound);
        QCOMPARE(store->lastReleaseCheck(42).errorKind(), ErrorKind::NotFound);
        QCOMPARE(store->releaseChecks(42).errorKind(), ErrorKind::NotFound);
        QCOMPARE(store->recordSuggestionDecision(42, SuggestionDecision()).errorKind(),
                 ErrorKind::NotFound);
        QCOMPARE(store->suggestionDecisions(42).errorKind(), ErrorKind::NotFound);
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM audit"_s).toInt(), 0);
    }

    // Findings damaged outside FOI Desk must not read back as a clean check.
    void unreadableStoredFindingsReadAsAFailedCheck()
    {
        auto store = openStore();
        const Request request = store->createRequest(withholdingRequest(u"RC-2"_s)).value();
        QVERIFY(store->recordReleaseCheck(request.id, releaseCheck(QDateTime(), {})).ok());
        {
            RawDatabase raw(dbPath());
            QVERIFY(
                raw.exec(u"INSERT INTO release_checks (request_id, checked_at, findings) "
                         u"VALUES (%1, '2024-03-28T10:00:00.000Z', 'not json')"_s.arg(request.id)));
        }
        const std::optional<ReleaseCheckResult> last = store->lastReleaseCheck(request.id).value();
        QVERIFY(last.has_value());
        QVERIFY(!last->passed());
        QVERIFY(!last->error.isEmpty());
    }

    void suggestionDecisionsAreKeptOldestFirst()
    {
        auto store = openStore();
        const Request request = store->createRequest(withholdingRequest(u"SD-1"_s)).value();
        QVERIFY(store->suggestionDecisions(request.id)->isEmpty());

        QList<SuggestionDecision> decisions;
        const QDateTime at(QDate(2024, 3, 28), QTime(11, 0, 0, 5), Qt::UTC);
        using Kind = RedactionSuggestion::Kind;
        const Kind kinds[] = {
            Kind::StaffName, Kind::Email, Kind::Phone, Kind::Postcode, Kind::WithheldElsewhere};
        int i = 0;
        for (Kind kind : kinds) {
            SuggestionDecision decision;
            decision.action = i % 2 ? SuggestionDecision::Action::Dismissed
                                    : SuggestionDecision::Action::Accepted;
            decision.kind = kind;
            decision.text = u"Siân Ŵyn %1"_s.arg(i);
            decision.exemption = u"s40(2)"_s;
            decision.question = i;
            decision.at = at.addSecs(-i); // recorded in this order whatever the clocks say
            decision.user = u"Priya Shah"_s;
            QVERIFY(store->recordSuggestionDecision(request.id, decision).ok());
            decisions.append(decision);
            ++i;
        }
        auto other = openStore();
        QCOMPARE(other->suggestionDecisions(request.id).value(), decisions);
    }

    // Two stores on one file, each in its own thread, saving the same request as fast as they
    // can: every attempt either saves or is refused as stale; none fails as "locked".
    void concurrentWritersQueueInsteadOfFailing()
    {
        qint64 id = 0;
        {
            auto store = openStore();
            id = store->createRequest(sampleRequest(u"BUSY-1"_s))->id;
        }
        QMutex mutex;
        QStringList failures;
        const QString path = dbPath();
        constexpr int SavesPerWriter = 100;
        auto writer = [&](const QString &name) {
            auto opened = Store::open(path);
            if (!opened) {
                QMutexLocker lock(&mutex);
                failures.append(opened.errorMessage());
                return;
            }
            Store &store = **opened;
            int saves = 0;
            for (int attempt = 0; saves < SavesPerWriter && attempt < 20 * SavesPerWriter;
                 ++attempt) {
                Result<Request> request = store.loadRequest(id);
                if (!request) {
                    QMutexLocker lock(&mutex);
                    failures.append(request.errorMessage());
                    return;
                }
                request->questions[0].answer = u"%1 wrote %2"_s.arg(name).arg(saves);
                const Result<Request> saved = store.saveRequest(*request);
                if (saved) {
                    ++saves;
                } else if (saved.errorKind() != ErrorKind::Conflict) {
                    QMutexLocker lock(&mutex);
                    failures.append(saved.errorMessage());
                    return;
                }
                if (!store.listRequests({}, 0, 20)) {
                    QMutexLocker lock(&mutex);
                    failures.append(u"list failed"_s);
                }
            }
            if (saves != SavesPerWriter) {
                QMutexLocker lock(&mutex);
                failures.append(u"%1 saved only %2 times"_s.arg(name).arg(saves));
            }
        };
        std::unique_ptr<QThread> a(QThread::create(writer, u"A"_s));
        std::unique_ptr<QThread> b(QThread::create(writer, u"B"_s));
        a->start();
        b->start();
        QVERIFY(a->wait());
        QVERIFY(b->wait());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

        auto store = openStore();
        QCOMPARE(store->loadRequest(id)->revision, 1 + 2 * SavesPerWriter);
        QCOMPARE(store->auditTrail(u"BUSY-1"_s, 0)->size(), 1 + 2 * SavesPerWriter);
    }

    void listFilters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status"); // -1 for any
        QTest::addColumn<bool>("openOnly");
        QTest::addColumn<QStringList>("expected"); // sorted by reference

        QTest::newRow("everything")
            << QString() << -1 << false
            << QStringList{u"EIR-010"_s, u"EIR-011"_s, u"foi-001"_s, u"FOI-002"_s, u"FOI-003"_s};
        QTest::newRow("reference, any case")
            << u"foi-00"_s << -1 << false << QStringList{u"foi-001"_s, u"FOI-002"_s, u"FOI-003"_s};
        QTest::newRow("title") << u"bin"_s << -1 << false << QStringList{u"foi-001"_s};
        QTest::newRow("requester") << u"dana"_s << -1 << false << QStringList{u"EIR-010"_s};
        QTest::newRow("officer") << u"PRIYA"_s << -1 << false
                                 << QStringList{u"EIR-010"_s, u"FOI-003"_s};
        QTest::newRow("percent is literal")
            << u"100%"_s << -1 << false << QStringList{u"FOI-002"_s};
        QTest::newRow("lone percent") << u"%"_s << -1 << false << QStringList{u"FOI-002"_s};
        QTest::newRow("underscore is literal")
            << u"air_"_s << -1 << false << QStringList{u"EIR-010"_s};
        QTest::newRow("backslash is literal") << u"\\"_s << -1 << false << QStringList();
        QTest::newRow("status") << QString() << int(RequestStatus::Closed) << false
                                << QStringList{u"foi-001"_s};
        QTest::newRow("open only")
            << QString() << -1 << true << QStringList{u"EIR-010"_s, u"EIR-011"_s, u"FOI-003"_s};
        QTest::newRow("text and open")
            << u"priya"_s << -1 << true << QStringList{u"EIR-010"_s, u"FOI-003"_s};
        QTest::newRow("no match") << u"zzz"_s << -1 << false << QStringList();
    }

    void listFilters()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(bool, openOnly);
        QFETCH(QStringList, expected);
        auto store = openStore();
        fillForList(*store);
        RequestQuery query;
        query.text = text;
        if (status >= 0)
            query.status = RequestStatus(status);
        query.openOnly = openOnly;
        query.sortKey = RequestQuery::SortKey::Reference;
        query.order = Qt::AscendingOrder;
        QCOMPARE(references(store->listRequests(query, 0, 100)), expected);
        QCOMPARE(store->countRequests(query).value(), expected.size());
    }

    void listSorting_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("ascending");
        QTest::addColumn<QStringList>("expected");
        using K = RequestQuery::SortKey;
        // Ties (FOI-003 and EIR-011 share a date) fall back to creation order, reversed with
        // the sort, so paging is stable.
        QTest::newRow("received ascending")
            << int(K::Received) << true
            << QStringList{u"FOI-002"_s, u"FOI-003"_s, u"EIR-011"_s, u"foi-001"_s, u"EIR-010"_s};
        QTest::newRow("received descending")
            << int(K::Received) << false
            << QStringList{u"EIR-010"_s, u"foi-001"_s, u"EIR-011"_s, u"FOI-003"_s, u"FOI-002"_s};
        QTest::newRow("reference ignores case")
            << int(K::Reference) << true
            << QStringList{u"EIR-010"_s, u"EIR-011"_s, u"foi-001"_s, u"FOI-002"_s, u"FOI-003"_s};
        QTest::newRow("title")
            << int(K::Title) << true
            << QStringList{u"EIR-010"_s, u"EIR-011"_s, u"foi-001"_s, u"FOI-002"_s, u"FOI-003"_s};
        QTest::newRow("officer descending")
            << int(K::Officer) << false
            << QStringList{u"FOI-002"_s, u"EIR-010"_s, u"FOI-003"_s, u"foi-001"_s, u"EIR-011"_s};
        QTest::newRow("status in workflow order")
            << int(K::Status) << true
            << QStringList{u"FOI-003"_s, u"EIR-011"_s, u"EIR-010"_s, u"FOI-002"_s, u"foi-001"_s};
    }

    void listSorting()
    {
        QFETCH(int, key);
        QFETCH(bool, ascending);
        QFETCH(QStringList, expected);
        auto store = openStore();
        fillForList(*store);
        RequestQuery query;
        query.sortKey = RequestQuery::SortKey(key);
        query.order = ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
        QCOMPARE(references(store->listRequests(query, 0, -1)), expected);
    }

    void listSortsByDueDate()
    {
        auto store = openStore();
        fillForList(*store);
        RequestQuery query;
        query.sortKey = RequestQuery::SortKey::Due;
        query.order = Qt::AscendingOrder;
        const QList<RequestSummary> page = store->listRequests(query, 0, -1).value();
        QCOMPARE(page.size(), 5);
        for (qsizetype i = 1; i < page.size(); ++i) {
            QVERIFY(page[i].due.isValid());
            QVERIFY(page[i - 1].due <= page[i].due);
        }
        QCOMPARE(page.first().reference, u"FOI-002"_s);
        QCOMPARE(page.last().reference, u"EIR-010"_s);
    }

    // A log the size of a busy authority's, filled directly: paging reads every row once.
    void pagingThroughALargeLog()
    {
        constexpr int Rows = 50000;
        {
            auto store = openStore(); // creates the schema
        }
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.exec(u"BEGIN"_s));
            QVERIFY(raw.exec(
                u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                u"INSERT INTO requests (reference, title, received, due_date, status, officer, "
                u"created_at, updated_at) SELECT printf('REF-%05d', i), 'Request ' || i, "
                u"date('2020-01-01', '+' || (i % 1500) || ' days'), "
                u"date('2020-02-01', '+' || (i % 1500) || ' days'), "
                u"CASE i % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'closed' ELSE 'in_progress' END, "
                u"'Officer ' || (i % 40), 'x', 'x' FROM n"_s.arg(Rows)));
            QVERIFY(raw.exec(u"COMMIT"_s));
        }
        auto store = openStore();
        RequestQuery query;
        query.sortKey = RequestQuery::SortKey::Due;
        QCOMPARE(store->countRequests(query).value(), Rows);
        QSet<qint64> seen;
        QDate previous;
        for (int offset = 0; offset < Rows; offset += 5000) {
            const QList<RequestSummary> page = store->listRequests(query, offset, 5000).value();
            QCOMPARE(page.size(), 5000);
            for (const RequestSummary &summary : page) {
                QVERIFY(!seen.contains(summary.id));
                seen.insert(summary.id);
                QVERIFY(!previous.isValid() || summary.due <= previous);
                previous = summary.due;
            }
        }
        QCOMPARE(seen.size(), Rows);
        QVERIFY(store->listRequests(query, Rows, 100)->isEmpty());
        query.openOnly = true;
        query.text = u"officer 7"_s;
        QVERIFY(store->countRequests(query).value() > 0);
    }

    void signalsFollowCommittedChangesOnly()
    {
        auto store = openStore();
        QSignalSpy created(store.get(), &Store::requestCreated);
        QSignalSpy saved(store.get(), &Store::requestSaved);
        QSignalSpy deleted(store.get(), &Store::requestDeleted);
        QSignalSpy many(store.get(), &Store::requestsChanged);
        QSignalSpy staff(store.get(), &Store::staffChanged);

        Request request = store->createRequest(sampleRequest(u"SIG-1"_s)).value();
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().first().toLongLong(), request.id);
        QVERIFY(!store->createRequest(sampleRequest(u"SIG-1"_s)).ok());
        QCOMPARE(created.size(), 1);

        request.title = u"New"_s;
        request = store->saveRequest(request).value();
        QCOMPARE(saved.size(), 1);
        Request stale = request;
        stale.revision = 1;
        QVERIFY(!store->saveRequest(stale).ok());
        QCOMPARE(saved.size(), 1);

        QVERIFY(store->importRequest(sampleRequest(u"SIG-2"_s), false).ok());
        QCOMPARE(many.size(), 1);
        QVERIFY(store->deleteRequest(request.id, request.revision).ok());
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().first().toLongLong(), request.id);

        StaffMember member;
        member.name = u"Priya Shah"_s;
        QVERIFY(store->saveStaffMember(member).ok());
        QCOMPARE(staff.size(), 1);
    }

    void staffRegister()
    {
        auto store = openStore();
        StaffMember officer{
            0, u"Zoë Evans"_s, u"Information Officer"_s, u"SO1"_s, false, StaffRole::Officer, QString()};
        StaffMember supervisor{
            0, u"adam Price"_s, u"Head of Governance"_s, u"PO6"_s, true, StaffRole::Supervisor, QString()};
        officer = store->saveStaffMember(officer).value();
        supervisor = store->saveStaffMember(supervisor).value();
        QVERIFY(officer.id > 0);
        QCOMPARE(store->staff().value(), (QList<StaffMember>{supervisor, officer}));

        officer.grade = u"SO2"_s;
        QVERIFY(store->saveStaffMember(officer).ok());
        QCOMPARE(store->staff()->at(1).grade, u"SO2"_s);
        QCOMPARE(store->saveStaffMember(StaffMember{}).errorKind(), ErrorKind::BadInput);

        QVERIFY(store->removeStaffMember(supervisor.id).ok());
        QCOMPARE(store->removeStaffMember(supervisor.id).errorKind(), ErrorKind::NotFound);
        QCOMPARE(store->saveStaffMember(supervisor).errorKind(), ErrorKind::NotFound);
        QCOMPARE(store->staff().value(), (QList<StaffMember>{officer}));
    }

    void auditTrailIsAppendOnly()
    {
        auto store = openStore();
        Request request = store->createRequest(sampleRequest(u"AUD-1"_s)).value();
        request.title = u"Changed"_s;
        request.requester.name = u"Somebody Else"_s;
        request = store->saveRequest(request).value();
        QVERIFY(store->importRequest(sampleRequest(u"AUD-1"_s), true).ok());
        QVERIFY(store->deleteRequest(request.id, 3).ok());

        const QList<AuditEntry> trail = store->auditTrail(u"aud-1"_s).value();
        QCOMPARE(trail.size(), 4);
        QCOMPARE(trail[0].action, u"delete"_s);
        QCOMPARE(trail[1].action, u"replace"_s);
        QCOMPARE(trail[2].action, u"save"_s);
        QCOMPARE(trail[3].action, u"create"_s);
        QCOMPARE(trail[2].revision, 2);
        QVERIFY(trail[2].detail.contains(u"title"_s));
        QVERIFY(trail[2].detail.contains(u"requester"_s));
        for (const AuditEntry &entry : trail) {
            QCOMPARE(entry.at.timeSpec(), Qt::UTC);
            QVERIFY(qAbs(entry.at.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
            QVERIFY(!entry.detail.contains(u"Somebody"_s));
            QVERIFY(!entry.detail.contains(u"Gwenll"_s));
        }
        QCOMPARE(store->auditTrail(QString(), 2)->size(), 2);

        RawDatabase raw(dbPath());
        QString error;
        QVERIFY(!raw.exec(u"UPDATE audit SET action = 'nothing'"_s, &error));
        QVERIFY(error.contains(u"append-only"_s));
        QVERIFY(!raw.exec(u"DELETE FROM audit"_s, &error));
        QVERIFY(error.contains(u"append-only"_s));
        QCOMPARE(raw.value(u"SELECT count(*) FROM audit WHERE action <> 'nothing'"_s).toInt(), 4);
    }

    void recomputeDueDatesRestoresDerivedDates()
    {
        auto store = openStore();
        const Request request = store->createRequest(sampleRequest(u"DUE-1"_s)).value();
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.exec(u"UPDATE requests SET due_date = '1999-01-01'"_s));
        }
        QSignalSpy many(store.get(), &Store::requestsChanged);
        QVERIFY(store->recomputeDueDates().ok());
        QCOMPARE(many.size(), 1);
        const RequestSummary summary = store->listRequests({}, 0, 1)->first();
        QCOMPARE(summary.due, Deadlines().dueDate(request.received, request.regime).value());
        QCOMPARE(summary.revision, 1); // a derived date is not an edit
    }

    void fullDiskRefusesTheSaveAndKeepsTheStoredRequest()
    {
        auto store = openStore();
        const Request original = store->createRequest(sampleRequest(u"FULL-1"_s)).value();
        QVERIFY(store->setMaxPageCountForTesting(0).ok());

        Request edited = original;
        edited.title = u"A change that will not fit"_s;
        edited.questions[0].answer = QString(300000, u'ŵ');
        const Result<Request> saved = store->saveRequest(edited);
        QCOMPARE(saved.errorKind(), ErrorKind::DiskFull);
        QVERIFY(saved.errorMessage().contains(QDir::toNativeSeparators(dbPath())));
        QVERIFY(saved.errorMessage().contains(u"FULL-1"_s));

        const Request stored = store->loadRequest(original.id).value();
        QCOMPARE(stored.revision, 1);
        QVERIFY(stored.sameContent(original));
        edited.reference = u"FULL-2"_s;
        QCOMPARE(store->createRequest(edited).errorKind(), ErrorKind::DiskFull);
        QCOMPARE(store->countRequests({}).value(), 1);
        QCOMPARE(store->auditTrail()->size(), 1);
        // A small change still fits in the pages already there.
        Request small = stored;
        small.title = u"Short"_s;
        QVERIFY(store->saveRequest(small).ok());
    }

    void readOnlyFileIsRefused()
    {
        {
            auto store = openStore();
            QVERIFY(store->createRequest(sampleRequest(u"RO-1"_s)).ok());
        }
        const auto readOnly =
            QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(QFile::setPermissions(dbPath(), readOnly));
        auto restore = qScopeGuard([&] {
            QFile::setPermissions(dbPath(), readOnly | QFile::WriteOwner | QFile::WriteUser);
        });
        QFile probe(dbPath());
        if (probe.open(QIODevice::ReadWrite))
            QSKIP("This account can write to read-only files (it is probably root), so a "
                  "read-only log cannot be simulated here.");
        const QByteArray before = fileBytes(dbPath());
        auto opened = Store::open(dbPath());
        QCOMPARE(opened.errorKind(), ErrorKind::ReadOnly);
        QVERIFY(opened.errorMessage().contains(QDir::toNativeSeparators(dbPath())));
        QVERIFY(opened.errorMessage().contains(u"--db"_s));
        QCOMPARE(fileBytes(dbPath()), before);
    }

    void readOnlyFolderIsRefused()
    {
        {
            auto store = openStore();
            QVERIFY(store);
        }
        const QString folder = m_dir->path();
        const auto original = QFile::permissions(folder);
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        auto restore = qScopeGuard([&] { QFile::setPermissions(folder, original); });
        QFile probe(m_dir->filePath(u"probe"_s));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QSKIP("This account can write to read-only folders (it is probably root), so a "
                  "read-only folder cannot be simulated here.");
        }
        auto opened = Store::open(dbPath());
        QCOMPARE(opened.errorKind(), ErrorKind::ReadOnly);
        QVERIFY(opened.errorMessage().contains(QDir::toNativeSeparators(folder)));
    }

    void aFolderIsNotALog()
    {
        auto opened = Store::open(m_dir->path());
        QCOMPARE(opened.errorKind(), ErrorKind::BadInput);
        QCOMPARE(Store::open(QString()).errorKind(), ErrorKind::BadInput);
    }

    void badFilesAreRefusedUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("error");
        QTest::newRow("text file") << u"text"_s << int(ErrorKind::Corrupt);
        QTest::newRow("random bytes") << u"random"_s << int(ErrorKind::Corrupt);
        QTest::newRow("truncated log") << u"truncated"_s << int(ErrorKind::Corrupt);
        QTest::newRow("another program's database") << u"other"_s << int(ErrorKind::Corrupt);
        QTest::newRow("log from a newer version") << u"newer"_s << int(ErrorKind::TooNew);
    }

    void badFilesAreRefusedUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(int, error);
        const QString path = dbPath();
        if (kind == u"text") {
            QVERIFY(writeFile(path, "reference,title\n6370952,Chatbots\n"));
        } else if (kind == u"random") {
            QRandomGenerator random(20240304);
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(random.bounded(256));
            QVERIFY(writeFile(path, bytes));
        } else if (kind == u"truncated") {
            {
                auto store = openStore();
                for (int i = 0; i < 300; ++i)
                    QVERIFY(store->createRequest(sampleRequest(u"T-%1"_s.arg(i))).ok());
            }
            const QByteArray whole = fileBytes(path);
            QVERIFY(whole.size() > 100 * 1024);
            QVERIFY(writeFile(path, whole.left(whole.size() / 2)));
        } else if (kind == u"other") {
            RawDatabase raw(path);
            QVERIFY(raw.exec(u"CREATE TABLE songs (title TEXT, artist TEXT)"_s));
            QVERIFY(raw.exec(u"INSERT INTO songs VALUES ('Calon Lân', 'Traditional')"_s));
        } else if (kind == u"newer") {
            {
                auto store = openStore();
                QVERIFY(store->createRequest(sampleRequest(u"NEW-1"_s)).ok());
            }
            RawDatabase raw(path);
            QVERIFY(raw.exec(u"PRAGMA journal_mode = DELETE"_s));
            QVERIFY(raw.exec(u"PRAGMA user_version = %1"_s.arg(Store::latestSchemaVersion() + 1)));
        }
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        const QByteArray before = fileBytes(path);

        auto opened = Store::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.errorKind()), error);
        QVERIFY2(opened.errorMessage().contains(QDir::toNativeSeparators(path)),
                 qPrintable(opened.errorMessage()));
        QCOMPARE(fileBytes(path), before);
        // The truncated log is still marked as WAL, and SQLite keeps its working files beside
        // it even when reading; for the others nothing at all may appear.
        if (kind != u"truncated")
            QVERIFY(!QFile::exists(path + u"-wal"_s));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
