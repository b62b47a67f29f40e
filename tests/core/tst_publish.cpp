#include "exchange/RequestFingerprint.h"
#include "exchange/RequestJson.h"
#include "model/RequestEnums.h"
#include "profile/OrganisationProfile.h"
#include "publish/PublicationGate.h"
#include "publish/Publisher.h"
#include "release/LeakMatcher.h"
#include "release/ReleaseCheck.h"
#include "release/WithheldText.h"
#include "store/Store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

// The published disclosure log: what the gate keeps out, that nothing of a requester or of a
// withheld passage reaches any byte of the site, and that a publish replaces the previous site
// only whole.
class TestPublish : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QStringList m_secrets; // every requester detail and withheld string of the fixtures

    QString siteDir() const { return m_dir->filePath(u"site"_s); }

    // Marks request id sent the way an officer would: a passed release check of its current
    // content, then Mark sent with the letter as sent.
    void send(qint64 id)
    {
        const Request request = m_store->loadRequest(id).value();
        ReleaseCheckResult check;
        check.checkedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::utc());
        check.file = u"letter.pdf"_s;
        check.fingerprint = RequestFingerprint::of(request);
        check.withheldCount = int(WithheldText::strings(request).size());
        QVERIFY(m_store->recordReleaseCheck(id, check));
        MoveInput sending;
        sending.sentPdf = QByteArrayLiteral("%PDF-1.4 the letter as sent");
        sending.sentOn = request.received.addDays(20);
        const Result<Request> sent = m_store->applyMove(id, WorkflowMove::MarkSent, sending);
        QVERIFY2(sent, qPrintable(sent.errorMessage()));
    }

    // Imports every request of tests/data/letters and tests/data/redacted (the redacted ones
    // under their reference with "-R"), gives each a postal address, and sends it.
    void importFixtures()
    {
        // A profile with everything a final letter needs, so that each letter is published.
        const Result<OrganisationProfile> profile = OrganisationProfile::readFile(
            QStringLiteral(FOIDESK_TEST_DATA_DIR) + u"/profiles/test-authority.json"_s);
        QVERIFY2(profile, qPrintable(profile.errorMessage()));
        QVERIFY(m_store->saveProfile(profile.value()));
        m_secrets.clear();
        for (const QString &folder : {u"letters"_s, u"redacted"_s}) {
            const QDir dir(QStringLiteral(FOIDESK_TEST_DATA_DIR) + u'/' + folder);
            for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
                Result<Request> read = RequestJson::readFile(dir.filePath(name));
                QVERIFY2(read, qPrintable(read.errorMessage()));
                Request request = read.value();
                if (folder == u"redacted"_s)
                    request.reference += u"-R"_s;
                request.status = RequestStatus::InProgress;
                if (request.requester.name.isEmpty())
                    request.requester.name = u"Winifred Quarrington"_s;
                if (request.requester.email.isEmpty())
                    request.requester.email = u"w.quarrington@example.net"_s;
                if (request.requester.address.isEmpty())
                    request.requester.address = u"17 Larkspur Terrace\nMiddlethorpe MT4 9QZ"_s;
                const Result<Request> stored = m_store->importRequest(request, false);
                QVERIFY2(stored, qPrintable(stored.errorMessage()));
                m_secrets += PublicationGate::requesterStrings(request);
                m_secrets += WithheldText::strings(request);
                send(stored->id);
            }
        }
        m_secrets.removeDuplicates();
        QVERIFY(m_secrets.size() > 10);
    }

    Result<PublishResult> publish(std::function<bool(int, int)> progress = {})
    {
        PublishOptions options;
        options.outDir = siteDir();
        options.today = QDate(2026, 12, 3);
        options.progress = std::move(progress);
        return Publisher::publish(*m_store, options);
    }

    static QMap<QString, QByteArray> snapshot(const QString &dir)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                files.insert(QDir(dir).relativeFilePath(path), file.readAll());
        }
        return files;
    }

    // What a reader of the site could find: the bytes themselves, the text as UTF-8 through the
    // leak matcher, and for PDFs their text and inflated streams.
    static QList<LeakFinding> leaksIn(const QString &path, const QStringList &secrets)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {LeakFinding{QString(), u"unreadable"_s}};
        const QByteArray bytes = file.readAll();
        QList<LeakFinding> found;
        for (const QString &secret : secrets) {
            if (bytes.contains(secret.toUtf8()))
                found.append(LeakFinding{secret, u"raw bytes"_s});
        }
        const ReleaseCheckResult read = path.endsWith(u".pdf"_s)
                                            ? ReleaseCheck::checkPdf(path, secrets, {})
                                            : ReleaseCheck::checkTextFile(path, secrets, {});
        found += read.findings;
        if (!read.error.isEmpty())
            found.append(LeakFinding{QString(), read.error});
        return found;
    }

    static Request answered()
    {
        Request r;
        r.id = 1;
        r.reference = u"FOI-1"_s;
        r.title = u"Road gritting"_s;
        r.received = QDate(2024, 1, 8);
        r.status = RequestStatus::Sent;
        r.requester = {u"Ada Lovelace"_s, u"ada@example.org"_s, u"1 Analytical Row\nLondon"_s};
        Question q;
        q.text = u"How many gritters do you own?"_s;
        q.answer = u"Nine, stored at Depot Bravo."_s;
        q.disposition = Disposition::PartWithheld;
        q.redactions = {Redaction{20, 7, u"s31(1)(a)"_s}};
        r.questions = {q};
        return r;
    }

    static PublicationFacts passing(const Request &request)
    {
        PublicationFacts facts;
        facts.today = QDate(2024, 6, 1);
        ReleaseCheckResult check;
        check.fingerprint = RequestFingerprint::of(request);
        check.withheldCount = 1;
        facts.lastCheck = check;
        return facts;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = Store::open(m_dir->filePath(u"log.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        m_store = std::move(opened).value();
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void gatePassesAnAnsweredRequest()
    {
        const Request r = answered();
        QVERIFY(PublicationGate::failures(r, passing(r)).isEmpty());
        QVERIFY(PublicationGate::outputFailures(r, {{u"page"_s, "Nine, stored at [withheld]."}})
                    .isEmpty());
    }

    void gateRefuses_data()
    {
        QTest::addColumn<int>("condition");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not answered") << 0 << u"not been answered"_s;
        QTest::newRow("not for publication") << 1 << u"own data"_s;
        QTest::newRow("publish after") << 2 << u"2024-07-01"_s;
        QTest::newRow("no release check") << 3 << u"release check"_s;
        QTest::newRow("stale release check") << 4 << u"release check"_s;
        QTest::newRow("failed release check") << 5 << u"release check"_s;
        QTest::newRow("no approval with review on") << 6 << u"approval"_s;
    }

    void gateRefuses()
    {
        QFETCH(int, condition);
        QFETCH(QString, expected);
        Request r = answered();
        PublicationFacts facts = passing(r);
        switch (condition) {
        case 0:
            r.status = RequestStatus::Approved;
            break;
        case 1:
            r.notForPublication = true;
            r.notForPublicationReason = u"The requester asked for their own data."_s;
            break;
        case 2:
            r.publishAfter = QDate(2024, 7, 1);
            break;
        case 3:
            facts.lastCheck.reset();
            break;
        case 4:
            r.questions[0].answer = u"Ten, stored at Depot Bravo."_s;
            break;
        case 5:
            facts.lastCheck->findings.append(LeakFinding{u"Bravo"_s, u"page 1 text"_s});
            break;
        case 6:
            facts.reviewOn = true;
            break;
        }
        const QStringList failures = PublicationGate::failures(r, facts);
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.first().contains(expected), qPrintable(failures.first()));
        if (condition == 6) {
            facts.approved = true;
            QVERIFY(PublicationGate::failures(r, facts).isEmpty());
        }
    }

    void gateRefusesOutputs_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << QByteArray("Asked by ADA  LOVELACE") << u"name"_s;
        QTest::newRow("email") << QByteArray("{\"x\":\"ada@example.org\"}") << u"email"_s;
        QTest::newRow("address line") << QByteArray("<p>1 Analytical Row</p>") << u"address"_s;
        QTest::newRow("withheld") << QByteArray("stored at Depot  Bravo.") << u"withheld"_s;
    }

    void gateRefusesOutputs()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, expected);
        const QStringList failures =
            PublicationGate::outputFailures(answered(), {{u"requests/FOI-1.html"_s, output}});
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.first().contains(expected), qPrintable(failures.first()));
        QVERIFY(failures.first().contains(u"requests/FOI-1.html"_s));
    }

    // Every request of the fixtures published, then every byte of the site searched for each
    // requester detail and withheld string; and the same search shown to find a planted one.
    void nothingOfARequesterOrWithheldReachesTheSite()
    {
        importFixtures();
        const Result<PublishResult> published = publish();
        QVERIFY2(published, qPrintable(published.errorMessage()));
        for (const SkippedRequest &skipped : published->skipped)
            qWarning(
                "%s: %s", qPrintable(skipped.reference), qPrintable(skipped.reasons.join(u' ')));
        QCOMPARE(published->skipped.size(), 0);
        QCOMPARE(published->published.size(), 10);
        QCOMPARE(published->notes, QStringList()); // every request with its letter

        const QMap<QString, QByteArray> files = snapshot(siteDir());
        QVERIFY(files.contains(u"index.html"_s));
        QVERIFY(files.contains(u"log.csv"_s));
        QVERIFY(files.contains(u"log.json"_s));
        QVERIFY(files.contains(u"style.css"_s));
        QVERIFY(files.contains(u"requests/6370952-R.html"_s));
        int pdfs = 0;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            pdfs += it.key().endsWith(u".pdf"_s) ? 1 : 0;
            const QList<LeakFinding> leaks = leaksIn(siteDir() + u'/' + it.key(), m_secrets);
            if (!leaks.isEmpty()) {
                QFAIL(qPrintable(it.key() + u": "_s
                                 + ReleaseCheckResult::masked(leaks.first().withheld) + u" in "_s
                                 + leaks.first().where));
            }
        }
        QCOMPARE(pdfs, 10);
        QVERIFY(files.value(u"requests/6370952-R.html"_s).contains("[withheld: "));

        // The negative control: a withheld string planted in a copy of a page, and in a copy
        // of a letter, is found by the very same search.
        const Request redacted = m_store->loadRequestByReference(u"6370952-R"_s).value();
        const QStringList withheld = WithheldText::strings(redacted);
        QVERIFY(!withheld.isEmpty());
        const QString planted = m_dir->filePath(u"planted.html"_s);
        QFile page(planted);
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(files.value(u"requests/6370952-R.html"_s) + "<p>"
                   + withheld.first().toHtmlEscaped().toUtf8() + "</p>");
        page.close();
        QVERIFY(!leaksIn(planted, m_secrets).isEmpty());
        const QString plantedCsv = m_dir->filePath(u"planted.csv"_s);
        QFile csv(plantedCsv);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(files.value(u"log.csv"_s) + redacted.requester.email.toUtf8());
        csv.close();
        QVERIFY(!leaksIn(plantedCsv, m_secrets).isEmpty());
    }

    void cancelledHalfwayLeavesTheOldSite()
    {
        importFixtures();
        QVERIFY(publish());
        const QMap<QString, QByteArray> before = snapshot(siteDir());
        const Request first = m_store->loadRequestByReference(u"6370952"_s).value();
        Request marked = first;
        marked.notForPublication = true;
        marked.notForPublicationReason = u"Withdrawn from the log."_s;
        QVERIFY(m_store->saveRequest(marked));

        int calls = 0;
        const Result<PublishResult> cancelled = publish([&calls](int done, int total) {
            ++calls;
            return done < total / 2;
        });
        QVERIFY2(cancelled, qPrintable(cancelled.errorMessage()));
        QVERIFY(cancelled->cancelled);
        QVERIFY(calls > 1);
        QCOMPARE(snapshot(siteDir()), before);
        const QStringList left =
            QDir(m_dir->path())
                .entryList({u".site*"_s}, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(left, QStringList());
    }

    void republishRewritesOnlyWhatChanged()
    {
        importFixtures();
        QVERIFY(publish());
        const Result<PublishResult> again = publish();
        QVERIFY(again);
        QCOMPARE(again->written, QStringList());
        QCOMPARE(again->removed, QStringList());

        // One request changed after being reopened, and sent again.
        const qint64 id = m_store->loadRequestByReference(u"7012568"_s)->id;
        MoveInput reopening;
        reopening.reason = u"The title was wrong."_s;
        QVERIFY(m_store->applyMove(id, WorkflowMove::Reopen, reopening));
        Request changed = m_store->loadRequest(id).value();
        changed.title += u" (corrected)"_s;
        QVERIFY(m_store->saveRequest(changed));
        send(id);
        const Result<PublishResult> changedRun = publish();
        QVERIFY2(changedRun, qPrintable(changedRun.errorMessage()));
        QStringList written = changedRun->written;
        written.removeAll(u"letters/7012568.pdf"_s); // the letter names the title
        written.sort();
        QCOMPARE(written,
                 (QStringList{
                     u"index.html"_s, u"log.csv"_s, u"log.json"_s, u"requests/7012568.html"_s}));
        QVERIFY(changedRun->removed.isEmpty());

        // Marked not for publication: its page and letter go.
        Request withdrawn = m_store->loadRequest(id).value();
        withdrawn.notForPublication = true;
        withdrawn.notForPublicationReason = u"About the requester's own case."_s;
        QVERIFY(m_store->saveRequest(withdrawn));
        const Result<PublishResult> unpublished = publish();
        QVERIFY(unpublished);
        QCOMPARE(unpublished->removed,
                 (QStringList{u"requests/7012568.html"_s, u"letters/7012568.pdf"_s}));
        QVERIFY(!QFile::exists(siteDir() + u"/requests/7012568.html"_s));
        QCOMPARE(unpublished->skipped.size(), 1);
        QVERIFY(unpublished->skipped.first().reasons.first().contains(u"own case"_s));
    }

    void publicationFieldsRoundTripAndStore()
    {
        Request r = answered();
        r.status = RequestStatus::InProgress;
        r.notForPublication = true;
        r.notForPublicationReason = u"Their own data."_s;
        r.publishAfter = QDate(2025, 2, 3);
        const Result<Request> parsed = RequestJson::parse(RequestJson::serialize(r));
        QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
        QVERIFY(parsed->notForPublication);
        QCOMPARE(parsed->notForPublicationReason, r.notForPublicationReason);
        QCOMPARE(parsed->publishAfter, r.publishAfter);
        // Whether and when it is published is not what its letter discloses.
        Request plain = r;
        plain.notForPublication = false;
        plain.notForPublicationReason.clear();
        plain.publishAfter = QDate();
        QCOMPARE(RequestFingerprint::of(r), RequestFingerprint::of(plain));

        const Result<Request> stored = m_store->createRequest(r);
        QVERIFY2(stored, qPrintable(stored.errorMessage()));
        const Request loaded = m_store->loadRequest(stored->id).value();
        QVERIFY(loaded.notForPublication);
        QCOMPARE(loaded.notForPublicationReason, r.notForPublicationReason);
        QCOMPARE(loaded.publishAfter, r.publishAfter);
        Request edited = loaded;
        edited.publishAfter = QDate(2025, 3, 1);
        QVERIFY(m_store->saveRequest(edited));
        const auto trail = m_store->auditTrail(u"FOI-1"_s);
        QVERIFY(trail && !trail->isEmpty());
        QVERIFY2(trail->first().field.contains(u"publish after"_s),
                 qPrintable(trail->first().field));
    }
};

QTEST_MAIN(TestPublish)
#include "tst_publish.moc"
