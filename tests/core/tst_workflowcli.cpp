#include "cli/CommandLine.h"
#include "core/RawDatabase.h"
#include "exchange/RequestFingerprint.h"
#include "exchange/RequestJson.h"
#include "release/ReleaseCheck.h"
#include "release/WithheldText.h"
#include "store/HistoryCsv.h"
#include "store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

// A marker no letter, fixture or profile holds, so that finding it anywhere means it leaked.
const QString commentText = u"QX-REVIEW-NOTE-7731 check the total against the ledger"_s;
const QString marker = u"QX-REVIEW-NOTE-7731"_s;

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The 6370952 letter fixture as an open request whose letter is final.
QByteArray openRequestJson(const QString &answerOfFirst = QString())
{
    QJsonObject object =
        QJsonDocument::fromJson(readBytes(u"" FOIDESK_TEST_DATA_DIR "/letters/6370952.json"_s))
            .object();
    object.insert(u"status"_s, u"in_progress"_s);
    object.insert(u"letter_final"_s, true);
    if (!answerOfFirst.isEmpty()) {
        QJsonArray questions = object.value(u"questions"_s).toArray();
        QJsonObject first = questions.first().toObject();
        first.insert(u"answer"_s, answerOfFirst);
        questions.replace(0, first);
        object.insert(u"questions"_s, questions);
    }
    return QJsonDocument(object).toJson();
}

} // namespace

class TestWorkflowCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    Outcome run(const QStringList &arguments)
    {
        Outcome outcome;
        QTextStream out(&outcome.out);
        QTextStream err(&outcome.err);
        outcome.code = CommandLine::run(arguments, out, err, QDate(2020, 7, 1));
        return outcome;
    }

    Outcome as(const QString &user, const QStringList &arguments)
    {
        return run(QStringList{u"--db"_s, m_db, u"--user"_s, user} + arguments);
    }

    Outcome onLog(const QStringList &arguments)
    {
        return run(QStringList{u"--db"_s, m_db} + arguments);
    }

    void importOpenRequest(const QString &answerOfFirst = QString())
    {
        const QString file = m_dir->filePath(u"request.json"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(openRequestJson(answerOfFirst));
        out.close();
        const Outcome imported = onLog({u"import"_s, u"--replace"_s, file});
        QVERIFY2(imported.code == CommandLine::Done, qPrintable(imported.err));
        // The test authority's profile has every address a final letter needs.
        const Outcome profile =
            onLog({u"settings"_s,
                   u"import"_s,
                   u"" FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json"_s});
        QVERIFY2(profile.code == CommandLine::Done, qPrintable(profile.err));
    }

    void addStaff()
    {
        Outcome added = onLog({u"staff"_s,
                               u"add"_s,
                               u"Olly Officer"_s,
                               u"--login"_s,
                               u"olly"_s,
                               u"--role"_s,
                               u"officer"_s,
                               u"--grade"_s,
                               u"SO1"_s});
        QVERIFY2(added.code == CommandLine::Done, qPrintable(added.err));
        added = onLog({u"staff"_s,
                       u"add"_s,
                       u"Sue Supervisor"_s,
                       u"--login"_s,
                       u"sue"_s,
                       u"--role"_s,
                       u"supervisor"_s,
                       u"--senior"_s});
        QVERIFY2(added.code == CommandLine::Done, qPrintable(added.err));
    }

    RequestStatus status()
    {
        auto store = Store::open(m_db);
        return store.value()->loadRequestByReference(u"6370952"_s)->status;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(u"log.sqlite"_s);
    }

    void cleanup() { m_dir.reset(); }

    void staffAddAndList()
    {
        addStaff();
        Outcome listed = onLog({u"staff"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.code, int(CommandLine::Done));
        const QJsonArray staff = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(staff.size(), 2);
        QCOMPARE(staff.at(0).toObject().value(u"login"_s).toString(), u"olly"_s);
        QCOMPARE(staff.at(0).toObject().value(u"role"_s).toString(), u"officer"_s);
        QCOMPARE(staff.at(0).toObject().value(u"grade"_s).toString(), u"SO1"_s);
        QCOMPARE(staff.at(1).toObject().value(u"role"_s).toString(), u"supervisor"_s);
        QCOMPARE(staff.at(1).toObject().value(u"senior"_s).toBool(), true);
        listed = onLog({u"staff"_s, u"list"_s});
        QVERIFY2(listed.out.contains(u"sue"_s) && listed.out.contains(u"Sue Supervisor"_s),
                 qPrintable(listed.out));

        // A taken login (any letter case) and an unknown role.
        Outcome refused = onLog(
            {u"staff"_s, u"add"_s, u"Other"_s, u"--login"_s, u"SUE"_s, u"--role"_s, u"both"_s});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY2(refused.err.contains(u"Sue Supervisor"_s), qPrintable(refused.err));
        refused = onLog(
            {u"staff"_s, u"add"_s, u"Other"_s, u"--login"_s, u"other"_s, u"--role"_s, u"boss"_s});
        QCOMPARE(refused.code, int(CommandLine::BadInput));
        QVERIFY2(refused.err.contains(u"--role"_s), qPrintable(refused.err));
        QCOMPARE(onLog({u"staff"_s, u"add"_s, u"Other"_s, u"--role"_s, u"both"_s}).code,
                 int(CommandLine::UsageError));
    }

    void unknownUserIsRefusedWhenTheRegisterHasLogins()
    {
        importOpenRequest();
        // No register: the name is recorded as given.
        Outcome commented = as(u"freelancer"_s, {u"comment"_s, u"6370952"_s, u"A note."_s});
        QCOMPARE(commented.code, int(CommandLine::Done));
        addStaff();
        const Outcome refused = as(u"mallory"_s, {u"submit"_s, u"6370952"_s});
        QCOMPARE(refused.code, int(CommandLine::BadInput));
        QVERIFY2(refused.err.contains(u"--user"_s) && refused.err.contains(u"mallory"_s),
                 qPrintable(refused.err));
        const Outcome history = onLog({u"history"_s, u"6370952"_s, u"--csv"_s});
        QVERIFY2(history.out.contains(u"freelancer"_s), qPrintable(history.out));
    }

    void reviewLoopOnTheCommandLine()
    {
        importOpenRequest();
        addStaff();
        // The supervisor cannot submit; the officer cannot approve.
        Outcome refused = as(u"sue"_s, {u"submit"_s, u"6370952"_s});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY2(refused.err.contains(u"Only an officer"_s), qPrintable(refused.err));
        QVERIFY(!refused.err.trimmed().contains(u'\n'));

        QCOMPARE(as(u"olly"_s, {u"submit"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::AwaitingReview);
        refused = as(u"olly"_s, {u"approve"_s, u"6370952"_s});
        QCOMPARE(refused.code, int(CommandLine::Refused));

        QCOMPARE(
            as(u"sue"_s, {u"comment"_s, u"6370952"_s, u"--question"_s, u"2"_s, commentText}).code,
            int(CommandLine::Done));
        QCOMPARE(as(u"sue"_s, {u"comment"_s, u"6370952"_s, u"--question"_s, u"99"_s, u"x"_s}).code,
                 int(CommandLine::BadInput));
        QCOMPARE(as(u"sue"_s, {u"return"_s, u"6370952"_s}).code, int(CommandLine::UsageError));
        QCOMPARE(
            as(u"sue"_s, {u"return"_s, u"6370952"_s, u"--comment"_s, u"See question 2."_s}).code,
            int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::Returned);

        // Mark sent before approval is refused, and nothing is kept.
        refused = as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY2(refused.err.contains(u"approved"_s), qPrintable(refused.err));

        QCOMPARE(as(u"olly"_s, {u"submit"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(as(u"sue"_s, {u"approve"_s, u"6370952"_s, u"--comment"_s, u"Good."_s}).code,
                 int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::Approved);
        QCOMPARE(as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s, u"--date"_s, u"2020-13-01"_s}).code,
                 int(CommandLine::BadInput));
        const Outcome sent =
            as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s, u"--date"_s, u"2020-07-02"_s});
        QVERIFY2(sent.code == CommandLine::Done, qPrintable(sent.err));
        QCOMPARE(status(), RequestStatus::Sent);
        {
            auto store = Store::open(m_db);
            const qint64 id = store.value()->loadRequestByReference(u"6370952"_s)->id;
            const auto letters = store.value()->sentLetters(id);
            QVERIFY(letters && letters->size() == 1);
            QVERIFY(letters->constFirst().pdf.startsWith("%PDF"));
            QCOMPARE(letters->constFirst().sentOn, QDate(2020, 7, 2));
            QVERIFY(RequestJson::parse(letters->constFirst().contentJson));
        }

        // Sent is locked: reopen needs a reason.
        QCOMPARE(as(u"olly"_s, {u"reopen"_s, u"6370952"_s}).code, int(CommandLine::UsageError));
        QCOMPARE(as(u"olly"_s, {u"reopen"_s, u"6370952"_s, u"--reason"_s, u"Complaint received."_s})
                     .code,
                 int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::InProgress);

        const Outcome csv = onLog({u"history"_s, u"6370952"_s, u"--csv"_s});
        QCOMPARE(csv.code, int(CommandLine::Done));
        QVERIFY(csv.out.startsWith(
            u"id,at,user,action,reference,revision,field,old_value,new_value,detail"_s));
        for (const QString &expected : {u",olly,submit,"_s,
                                        u",sue,return,"_s,
                                        u",sue,approve,"_s,
                                        u",olly,mark-sent,"_s,
                                        u",olly,reopen,"_s,
                                        u"Complaint received."_s}) {
            QVERIFY2(csv.out.contains(expected), qPrintable(expected));
        }
        const Outcome table = onLog({u"history"_s, u"6370952"_s});
        QVERIFY2(table.out.contains(u"reopen"_s) && table.out.contains(u"sent -> in_progress"_s),
                 qPrintable(table.out));
        QCOMPARE(onLog({u"verify-history"_s}).code, int(CommandLine::Done));
    }

    void verifyHistoryNamesTheFirstBrokenEntry()
    {
        importOpenRequest();
        addStaff();
        QCOMPARE(as(u"olly"_s, {u"submit"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(onLog({u"verify-history"_s}).code, int(CommandLine::Done));
        {
            RawDatabase raw(m_db);
            QVERIFY(raw.exec(u"DROP TRIGGER audit_refuses_delete"_s));
            QVERIFY(raw.exec(u"DELETE FROM audit WHERE id = 2"_s));
        }
        const Outcome broken = onLog({u"verify-history"_s});
        QCOMPARE(broken.code, int(CommandLine::Refused));
        QVERIFY2(broken.err.contains(u"History entry 3"_s), qPrintable(broken.err));
    }

    // Comments and decisions stay inside: never in the letter or the public copy. The searches
    // are shown to work by finding the same text where it does belong.
    void commentsNeverReachTheLetterOrThePublicCopy()
    {
        importOpenRequest();
        addStaff();
        QCOMPARE(as(u"olly"_s, {u"submit"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(
            as(u"sue"_s, {u"comment"_s, u"6370952"_s, u"--question"_s, u"1"_s, commentText}).code,
            int(CommandLine::Done));
        QCOMPARE(as(u"sue"_s, {u"approve"_s, u"6370952"_s, u"--comment"_s, commentText}).code,
                 int(CommandLine::Done));

        // The public copy and the full export.
        const Outcome publicCopy = onLog({u"export-json"_s, u"6370952"_s, u"--public"_s});
        QCOMPARE(publicCopy.code, int(CommandLine::Done));
        QVERIFY(!publicCopy.out.toUtf8().isEmpty());
        QVERIFY(!publicCopy.out.toUtf8().contains(marker.toUtf8()));
        const Outcome full = onLog({u"export-json"_s, u"6370952"_s});
        QVERIFY(!full.out.contains(marker));

        // The letter as sent: its bytes, and its text read back.
        QCOMPARE(as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s}).code, int(CommandLine::Done));
        auto store = Store::open(m_db);
        const qint64 id = store.value()->loadRequestByReference(u"6370952"_s)->id;
        const QByteArray pdf = store.value()->sentLetters(id)->constFirst().pdf;
        QVERIFY(!pdf.contains(marker.toUtf8()));
        const QString pdfFile = m_dir->filePath(u"sent.pdf"_s);
        {
            QFile out(pdfFile);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(pdf);
        }
        const ReleaseCheckResult inLetter = ReleaseCheck::checkPdf(pdfFile, {marker}, {});
        QVERIFY2(inLetter.error.isEmpty(), qPrintable(inLetter.error));
        QVERIFY(inLetter.findings.isEmpty());

        // Negative controls: the history holds the comment, so the history search finds it...
        const Outcome history = onLog({u"history"_s, u"6370952"_s, u"--csv"_s});
        QVERIFY(history.out.contains(marker));
        // ...and the same read-back finds the text when it is in a letter (here as an answer).
        store.value().reset();
        m_db = m_dir->filePath(u"control.sqlite"_s);
        importOpenRequest(commentText);
        const QString controlPdf = m_dir->filePath(u"control.pdf"_s);
        const Outcome exported = onLog({u"export-pdf"_s, u"6370952"_s, u"-o"_s, controlPdf});
        QVERIFY2(exported.code == CommandLine::Done, qPrintable(exported.err));
        QVERIFY(ReleaseCheck::checkPdf(controlPdf, {marker}, {}).findings.size() > 0);
        const Outcome controlPublic = onLog({u"export-json"_s, u"6370952"_s, u"--public"_s});
        QVERIFY(controlPublic.out.toUtf8().contains(marker.toUtf8()));
    }

    // A passage withheld and later deleted from the answer is no longer in the request, but
    // the history's old values still hold it: exports of the history mask it all the same.
    void aPassageWithheldThenDeletedIsMaskedInTheHistory()
    {
        const QString passage = u"Dana Whitfield, 14 Orchard Row"_s;
        const QString secondPassage = u"QX-WHOLE-7719 internal note"_s;
        {
            auto opened = Store::open(m_db);
            QVERIFY2(opened, qPrintable(opened.errorMessage()));
            Store &log = *opened.value();
            Request r;
            r.reference = u"HIST-1"_s;
            r.title = u"Complaints about a landlord"_s;
            r.received = QDate(2020, 6, 1);
            r.status = RequestStatus::InProgress;
            Question first;
            first.label = u"1."_s;
            first.text = u"Who made the complaint?"_s;
            first.answer = u"The complaint was made by "_s + passage + u"."_s;
            first.redactions = {Redaction{26, passage.size(), u"s40(2)"_s}};
            Question second;
            second.label = u"2."_s;
            second.text = u"What did the officer note?"_s;
            second.answer = secondPassage;
            second.disposition = Disposition::Withheld;
            r.questions = {first, second};
            Result<Request> created = log.createRequest(r);
            QVERIFY2(created, qPrintable(created.errorMessage()));
            QCOMPARE(WithheldText::strings(*created).first(), passage);

            // The officer rewrites the answer without the name, and drops question 2.
            Request rewritten = *created;
            rewritten.questions[0].answer = u"The complaint was made by a neighbour."_s;
            rewritten.questions[0].redactions.clear();
            rewritten.questions.removeLast();
            Result<Request> saved = log.saveRequest(rewritten);
            QVERIFY2(saved, qPrintable(saved.errorMessage()));
            QVERIFY(WithheldText::strings(*saved).isEmpty());

            // Negative control: masking only what is withheld now would let both through.
            const auto entries = log.auditTrail(u"HIST-1"_s, 0);
            QVERIFY(entries);
            const QByteArray unmasked = HistoryCsv::write(*entries, WithheldText::strings(*saved));
            QVERIFY(unmasked.contains(passage.toUtf8()));
            QVERIFY(unmasked.contains(secondPassage.toUtf8()));
            const QStringList everWithheld = HistoryCsv::withheldStrings(*saved, *entries);
            QVERIFY(everWithheld.contains(passage));
            QVERIFY(everWithheld.contains(secondPassage));
        }

        const Outcome csv = onLog({u"history"_s, u"HIST-1"_s, u"--csv"_s});
        QCOMPARE(csv.code, int(CommandLine::Done));
        QVERIFY2(csv.out.contains(u"question 1 answer"_s), qPrintable(csv.out));
        QVERIFY2(csv.out.contains(u"[withheld]"_s), qPrintable(csv.out));
        QVERIFY2(!csv.out.contains(u"Dana Whitfield"_s), qPrintable(csv.out));
        QVERIFY2(!csv.out.contains(u"QX-WHOLE-7719"_s), qPrintable(csv.out));
        // What was never withheld is still there to read.
        QVERIFY(csv.out.contains(u"a neighbour"_s));

        const Outcome table = onLog({u"history"_s, u"HIST-1"_s});
        QCOMPARE(table.code, int(CommandLine::Done));
        QVERIFY2(!table.out.contains(u"Dana Whitfield"_s), qPrintable(table.out));
        QVERIFY2(!table.out.contains(u"QX-WHOLE-7719"_s), qPrintable(table.out));
    }

    // While review is on, import --replace is an edit like any other: it cannot approve, it
    // withdraws an approval of content it changes, and it cannot rewrite a sent letter.
    void replacingByImportDoesNotGoRoundReview()
    {
        importOpenRequest();
        addStaff();
        const QString file = m_dir->filePath(u"replacement.json"_s);
        const auto writeReplacement = [&](const QString &answer, const QString &statusCode) {
            QJsonObject object = QJsonDocument::fromJson(openRequestJson(answer)).object();
            object.insert(u"status"_s, statusCode);
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(QJsonDocument(object).toJson());
        };

        // A file that says "approved" does not approve a request nobody reviewed.
        writeReplacement(u"An answer nobody reviewed."_s, u"approved"_s);
        QCOMPARE(onLog({u"import"_s, u"--replace"_s, file}).code, int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::InProgress);

        QCOMPARE(as(u"olly"_s, {u"submit"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(as(u"sue"_s, {u"approve"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::Approved);

        // New content after approval: the approval goes, and the history says why.
        writeReplacement(u"A different answer after approval."_s, u"approved"_s);
        QCOMPARE(onLog({u"import"_s, u"--replace"_s, file}).code, int(CommandLine::Done));
        QCOMPARE(status(), RequestStatus::AwaitingReview);
        const Outcome history = onLog({u"history"_s, u"6370952"_s, u"--csv"_s});
        QVERIFY2(history.out.contains(u",approval_withdrawn,"_s), qPrintable(history.out));

        // Sent: locked; the import is refused and changes nothing.
        QCOMPARE(as(u"sue"_s, {u"approve"_s, u"6370952"_s}).code, int(CommandLine::Done));
        QCOMPARE(as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s}).code, int(CommandLine::Done));
        writeReplacement(u"Rewritten after it was sent."_s, u"sent"_s);
        const Outcome locked = onLog({u"import"_s, u"--replace"_s, file});
        QCOMPARE(locked.code, int(CommandLine::Refused));
        QVERIFY2(locked.err.contains(u"locked"_s) && locked.err.contains(u"reopen"_s),
                 qPrintable(locked.err));
        auto store = Store::open(m_db);
        QVERIFY(store);
        const Result<Request> kept = store.value()->loadRequestByReference(u"6370952"_s);
        QVERIFY(kept);
        QCOMPARE(kept->status, RequestStatus::Sent);
        QCOMPARE(kept->questions.first().answer, u"A different answer after approval."_s);
    }

    // A supervisor on leave: the office switches review off from the command line, sends, and
    // switches it on again; each switch is in the log's history.
    void reviewCanBeSwitchedOffAndOnFromTheCommandLine()
    {
        importOpenRequest();
        Outcome state = onLog({u"staff"_s, u"review"_s});
        QCOMPARE(state.code, int(CommandLine::Done));
        QVERIFY2(state.out.contains(u"no supervisor"_s), qPrintable(state.out));
        addStaff();
        state = onLog({u"staff"_s, u"review"_s});
        QVERIFY2(state.out.startsWith(u"Review is on"_s), qPrintable(state.out));
        QCOMPARE(as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s}).code, int(CommandLine::Refused));

        state = as(u"sue"_s, {u"staff"_s, u"review"_s, u"off"_s});
        QCOMPARE(state.code, int(CommandLine::Done));
        QVERIFY2(state.out.contains(u"switched off"_s), qPrintable(state.out));
        const Outcome sent = as(u"olly"_s, {u"mark-sent"_s, u"6370952"_s});
        QVERIFY2(sent.code == CommandLine::Done, qPrintable(sent.err));
        QCOMPARE(status(), RequestStatus::Sent);

        state = as(u"sue"_s, {u"staff"_s, u"review"_s, u"on"_s});
        QVERIFY2(state.out.startsWith(u"Review is on"_s), qPrintable(state.out));
        QCOMPARE(onLog({u"staff"_s, u"review"_s, u"sometimes"_s}).code,
                 int(CommandLine::UsageError));

        auto store = Store::open(m_db);
        QVERIFY(store);
        const auto entries = store.value()->auditTrail(QString(), 0);
        QVERIFY(entries);
        int switches = 0;
        for (const AuditEntry &entry : *entries)
            switches += entry.action == u"setting"_s && entry.field == u"review"_s ? 1 : 0;
        QCOMPARE(switches, 2);
    }

    void reviewOffWorksAsAOnePersonOffice()
    {
        importOpenRequest();
        // No supervisor: submit has nothing to do, mark sent works straight away.
        const Outcome refused = onLog({u"submit"_s, u"6370952"_s});
        QCOMPARE(refused.code, int(CommandLine::Refused));
        QVERIFY2(refused.err.contains(u"Review is off"_s), qPrintable(refused.err));
        const Outcome sent = onLog({u"mark-sent"_s, u"6370952"_s});
        QVERIFY2(sent.code == CommandLine::Done, qPrintable(sent.err));
        QCOMPARE(status(), RequestStatus::Sent);
    }

    void helpAndUsage()
    {
        const Outcome help = run({u"--help"_s});
        for (const QString &command : {u"submit"_s,
                                       u"approve"_s,
                                       u"return"_s,
                                       u"comment"_s,
                                       u"mark-sent"_s,
                                       u"reopen"_s,
                                       u"history"_s,
                                       u"verify-history"_s,
                                       u"staff"_s,
                                       u"--user"_s}) {
            QVERIFY2(help.out.contains(command), qPrintable(command));
        }
        QCOMPARE(run({u"approve"_s, u"--help"_s}).code, int(CommandLine::Done));
        QCOMPARE(onLog({u"--user"_s}).code, int(CommandLine::UsageError));
        QCOMPARE(onLog({u"submit"_s}).code, int(CommandLine::UsageError));
        QCOMPARE(onLog({u"history"_s, u"A"_s, u"B"_s}).code, int(CommandLine::UsageError));
        QVERIFY(CommandLine::wantsCommandLine({u"--user"_s, u"sue"_s, u"submit"_s, u"X"_s}));
        QVERIFY(!CommandLine::wantsCommandLine({u"--user"_s, u"sue"_s}));
        QVERIFY(CommandLine::needsGuiApplication({u"--user"_s, u"sue"_s, u"mark-sent"_s, u"X"_s}));
    }
};

QTEST_MAIN(TestWorkflowCli)
#include "tst_workflowcli.moc"
