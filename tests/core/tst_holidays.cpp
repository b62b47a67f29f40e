// Bank holidays a log adds to the built-in ones: by hand, or from the government's file. Every
// expected due date below was counted by hand from the GOV.UK bank holiday lists
// (https://www.gov.uk/bank-holidays) and the standing days of the Banking and Financial Dealings
// Act 1971, Schedule 1; the count is written beside each.
#include "calendar/Deadlines.h"
#include "calendar/GovUkHolidays.h"
#include "calendar/HolidayCalendar.h"
#include "cli/CommandLine.h"
#include "store/Store.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString dataFile(const QString &name)
{
    return u"" FOIDESK_TEST_DATA_DIR "/holidays/"_s + name;
}

const QList<Nation> AllNations = {
    Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland};

QList<Holiday> everywhere(const QDate &date, const QString &name)
{
    QList<Holiday> days;
    for (const Nation nation : AllNations)
        days.append(Holiday{date, name, nation});
    return days;
}

Request request(const QString &reference, const QDate &received, Regime regime = Regime::FOIA)
{
    Request r;
    r.reference = reference;
    r.title = u"Grounds maintenance contracts"_s;
    r.received = received;
    r.regime = regime;
    r.status = RequestStatus::InProgress;
    Question question;
    question.label = u"1."_s;
    question.text = u"Who holds the contract?"_s;
    r.questions = {question};
    return r;
}

} // namespace

class TestHolidays : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;

    QString dbPath() const { return m_dir->filePath(u"log.sqlite"_s); }

    void create(const Request &r)
    {
        const Result<Request> created = m_store->createRequest(r);
        QVERIFY2(created, qPrintable(created.errorMessage()));
    }

    // The due date the log stored for a request, as the list shows it.
    QDate storedDue(const QString &reference) const
    {
        RequestQuery query;
        query.text = reference;
        const Result<QList<RequestSummary>> rows = m_store->listRequests(query, 0, 10);
        if (!rows)
            return {};
        for (const RequestSummary &row : *rows) {
            if (row.reference == reference)
                return row.due;
        }
        return {};
    }

    QStringList actionsOf(const QString &reference) const
    {
        QStringList actions;
        const Result<QList<AuditEntry>> entries = m_store->auditTrail(reference);
        if (entries) {
            for (const AuditEntry &entry : *entries)
                actions.append(entry.action);
        }
        return actions;
    }

    struct Outcome
    {
        int code = -1;
        QString out;
        QString err;
    };

    Outcome cli(const QStringList &arguments)
    {
        Outcome outcome;
        QTextStream out(&outcome.out);
        QTextStream err(&outcome.err);
        outcome.code = CommandLine::run(
            QStringList{u"--db"_s, dbPath()} + arguments, out, err, QDate(2027, 4, 1));
        return outcome;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = Store::open(dbPath());
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        m_store = std::move(opened.value());
        m_store->setCurrentUser(u"olly"_s);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
        QCOMPARE(HolidayCalendar::active().lastYear(), HolidayCalendar::builtIn().lastYear());
    }

    void builtInDatesBeforeAnythingIsAdded()
    {
        // Received Tue 4 May 2027 (the day after the Early May bank holiday, Mon 3 May).
        // Wed 5 (1), Thu 6 (2), Fri 7 (3), Mon 10 (4), Tue 11 (5), Wed 12 (6), Thu 13 (7),
        // Fri 14 (8), Mon 17 (9) .. Fri 21 (13), Mon 24 (14) .. Fri 28 (18), Mon 31 May is the
        // Spring bank holiday, Tue 1 June (19), Wed 2 June (20).
        create(request(u"FOI-1"_s, QDate(2027, 5, 4)));
        QCOMPARE(storedDue(u"FOI-1"_s), QDate(2027, 6, 2));
        QVERIFY(m_store->addedHolidays()->isEmpty());
    }

    void addingADayMovesOpenDueDatesAndRecordsIt()
    {
        create(request(u"FOI-1"_s, QDate(2027, 5, 4)));
        create(request(u"FOI-S"_s, QDate(2027, 5, 4), Regime::FOISA));
        Request sent = request(u"FOI-DONE"_s, QDate(2027, 5, 4));
        create(sent);
        {
            Result<Request> loaded = m_store->loadRequestByReference(u"FOI-DONE"_s);
            QVERIFY(loaded);
            Request done = *loaded;
            done.status = RequestStatus::Sent;
            done.responseSent = QDate(2027, 5, 20);
            const Result<Request> saved = m_store->saveRequest(done);
            QVERIFY2(saved, qPrintable(saved.errorMessage()));
        }
        QCOMPARE(storedDue(u"FOI-DONE"_s), QDate(2027, 6, 2));

        QSignalSpy calendarChanged(m_store.get(), &Store::calendarChanged);
        // A day proclaimed for Northern Ireland only, Mon 10 May 2027.
        const Result<HolidayChange> change = m_store->addHolidays(
            {Holiday{QDate(2027, 5, 10), u"Proclaimed holiday"_s, Nation::NorthernIreland}},
            u"added by hand"_s);
        QVERIFY2(change, qPrintable(change.errorMessage()));
        QCOMPARE(change->daysChanged, 1);
        QCOMPARE(change->daysKnown, 0);
        QCOMPARE(change->yearsAdded, 0);
        QCOMPARE(calendarChanged.count(), 1);

        // FOIA skips a bank holiday anywhere in the UK: Mon 10 May no longer counts, so day 20
        // is one working day later, Thu 3 June 2027.
        QCOMPARE(storedDue(u"FOI-1"_s), QDate(2027, 6, 3));
        // FOISA counts Scottish bank holidays only: still Wed 2 June.
        QCOMPARE(storedDue(u"FOI-S"_s), QDate(2027, 6, 2));
        // An answered request keeps the date it was answered against.
        QCOMPARE(storedDue(u"FOI-DONE"_s), QDate(2027, 6, 2));

        QCOMPARE(change->moved.size(), 1);
        QCOMPARE(change->moved.first().reference, u"FOI-1"_s);
        QCOMPARE(change->moved.first().before, QDate(2027, 6, 2));
        QCOMPARE(change->moved.first().after, QDate(2027, 6, 3));
        QVERIFY(actionsOf(u"FOI-1"_s).contains(u"due_date_moved"_s));
        QVERIFY(!actionsOf(u"FOI-S"_s).contains(u"due_date_moved"_s));
        QVERIFY(!actionsOf(u"FOI-DONE"_s).contains(u"due_date_moved"_s));
        QVERIFY(actionsOf(QString()).contains(u"holidays_added"_s));

        // Who added it, from where; the history chain still verifies.
        const Result<QList<AddedHoliday>> added = m_store->addedHolidays();
        QVERIFY(added);
        QCOMPARE(added->size(), 1);
        QCOMPARE(added->first().addedBy, u"olly"_s);
        QCOMPARE(added->first().source, u"added by hand"_s);
        const auto broken = m_store->verifyHistory();
        QVERIFY(broken);
        QVERIFY(!broken->has_value());

        // A request logged afterwards is counted with the added day too.
        create(request(u"FOI-2"_s, QDate(2027, 5, 4)));
        QCOMPARE(storedDue(u"FOI-2"_s), QDate(2027, 6, 3));
    }

    void addingTheSameDayTwiceChangesNothing()
    {
        create(request(u"FOI-1"_s, QDate(2027, 5, 4)));
        QVERIFY(m_store->addHolidays(everywhere(QDate(2027, 5, 10), u"Proclaimed"_s), {}));
        QSignalSpy calendarChanged(m_store.get(), &Store::calendarChanged);
        const Result<HolidayChange> again =
            m_store->addHolidays(everywhere(QDate(2027, 5, 10), u"Proclaimed"_s), {});
        QVERIFY(again);
        QCOMPARE(again->daysChanged, 0);
        QCOMPARE(again->daysKnown, 3);
        QVERIFY(again->moved.isEmpty());
        QCOMPARE(calendarChanged.count(), 0);
        // A built-in day is known too: Mon 31 May 2027, the Spring bank holiday.
        const Result<HolidayChange> builtIn =
            m_store->addHolidays(everywhere(QDate(2027, 5, 31), u"Spring"_s), {});
        QVERIFY(builtIn);
        QCOMPARE(builtIn->daysChanged, 0);
        QCOMPARE(builtIn->daysKnown, 3);
        QCOMPARE(m_store->addedHolidays()->size(), 3);
        QCOMPARE(storedDue(u"FOI-1"_s), QDate(2027, 6, 3));
    }

    void aDayWithoutANameIsRefused()
    {
        const Result<HolidayChange> change =
            m_store->addHolidays({Holiday{QDate(2027, 5, 10), u"  "_s, Nation::Scotland}}, {});
        QVERIFY(!change);
        QCOMPARE(change.errorKind(), ErrorKind::BadInput);
        QVERIFY(m_store->addedHolidays()->isEmpty());
    }

    void removingRestoresTheDueDate()
    {
        create(request(u"FOI-1"_s, QDate(2027, 5, 4)));
        QVERIFY(m_store->addHolidays(everywhere(QDate(2027, 5, 10), u"Proclaimed"_s), {}));
        QCOMPARE(storedDue(u"FOI-1"_s), QDate(2027, 6, 3));

        const Result<HolidayChange> removed =
            m_store->removeAddedHolidays(QDate(2027, 5, 10), AllNations);
        QVERIFY2(removed, qPrintable(removed.errorMessage()));
        QCOMPARE(removed->daysChanged, 3);
        QCOMPARE(storedDue(u"FOI-1"_s), QDate(2027, 6, 2));
        QVERIFY(m_store->addedHolidays()->isEmpty());
        QVERIFY(actionsOf(QString()).contains(u"holiday_removed"_s));
    }

    void builtInAndUnknownDaysCannotBeRemoved()
    {
        create(request(u"FOI-1"_s, QDate(2027, 5, 4)));
        QVERIFY(m_store->addHolidays(
            {Holiday{QDate(2027, 5, 10), u"Proclaimed"_s, Nation::Scotland}}, {}));

        // The Spring bank holiday comes with FOI Desk.
        const Result<HolidayChange> builtIn =
            m_store->removeAddedHolidays(QDate(2027, 5, 31), AllNations);
        QVERIFY(!builtIn);
        QCOMPARE(builtIn.errorKind(), ErrorKind::NotFound);
        QVERIFY(builtIn.errorMessage().contains(u"built-in"_s));

        // Added for Scotland only: asking to remove it everywhere changes nothing at all.
        const Result<HolidayChange> partly =
            m_store->removeAddedHolidays(QDate(2027, 5, 10), AllNations);
        QVERIFY(!partly);
        QCOMPARE(partly.errorKind(), ErrorKind::NotFound);
        QCOMPARE(m_store->addedHolidays()->size(), 1);
        QCOMPARE(storedDue(u"FOI-1"_s), QDate(2027, 6, 3));
    }

    void theGovernmentFileFor2022MatchesTheBuiltInDays()
    {
        const Result<GovUkHolidays> file =
            GovUkHolidayFile::parse(readBytes(dataFile(u"govuk-bank-holidays-2022.json"_s)));
        QVERIFY2(file, qPrintable(file.errorMessage()));
        // 10 days in England and Wales, 11 in Scotland, 12 in Northern Ireland (GOV.UK).
        QCOMPARE(file->days.size(), 33);
        QCOMPARE(file->completeYears, QList<int>{2022});

        // Every one of them is already built in, including the Platinum Jubilee (Fri 3 June)
        // and the State Funeral of Queen Elizabeth II (Mon 19 September).
        const Result<HolidayChange> change = m_store->addHolidays(
            file->days, u"govuk-bank-holidays-2022.json"_s, file->completeYears);
        QVERIFY2(change, qPrintable(change.errorMessage()));
        QCOMPARE(change->daysChanged, 0);
        QCOMPARE(change->daysKnown, 33);
        QCOMPARE(change->yearsAdded, 0);
        QVERIFY(m_store->addedHolidays()->isEmpty());
    }

    void substituteDaysAreNamedSo()
    {
        const Result<GovUkHolidays> file =
            GovUkHolidayFile::parse(readBytes(dataFile(u"govuk-bank-holidays-2022.json"_s)));
        QVERIFY(file);
        bool found = false;
        for (const Holiday &day : file->days) {
            if (day.date == QDate(2022, 12, 27) && day.nation == Nation::Scotland) {
                QVERIFY2(day.name.contains(u"substitute day"_s), qPrintable(day.name));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void aFileForANewYearExtendsTheDeadlinesThatCanBeWorkedOut()
    {
        // Received Mon 2 December 2030: day 20 falls in January 2031, past the built-in data.
        create(request(u"FOI-LATE"_s, QDate(2030, 12, 2)));
        QVERIFY(!storedDue(u"FOI-LATE"_s).isValid());

        const Result<GovUkHolidays> file =
            GovUkHolidayFile::parse(readBytes(dataFile(u"bank-holidays-2031.json"_s)));
        QVERIFY2(file, qPrintable(file.errorMessage()));
        QCOMPARE(file->completeYears, QList<int>{2031});
        const Result<HolidayChange> change =
            m_store->addHolidays(file->days, u"bank-holidays-2031.json"_s, file->completeYears);
        QVERIFY2(change, qPrintable(change.errorMessage()));
        QCOMPARE(change->daysChanged, 27); // 8 + 9 + 10
        QCOMPARE(change->yearsAdded, 1);
        QCOMPARE(m_store->calendar().lastYear(), 2031);

        // Tue 3 Dec (1) .. Fri 6 (4), Mon 9 (5) .. Fri 13 (9), Mon 16 (10) .. Fri 20 (14),
        // Mon 23 (15), Tue 24 (16), Wed 25 and Thu 26 Christmas and Boxing Day, Fri 27 (17),
        // Mon 30 (18), Tue 31 (19), Wed 1 January 2031 New Year's Day, Thu 2 January the
        // Scottish 2nd January (a bank holiday in part of the UK, so not a FOIA working day),
        // Fri 3 January 2031 (20).
        QCOMPARE(storedDue(u"FOI-LATE"_s), QDate(2031, 1, 3));
        QCOMPARE(change->moved.size(), 1);
        QVERIFY(!change->moved.first().before.isValid());

        // The log remembers: opened again, it still counts into 2031.
        m_store.reset();
        auto reopened = Store::open(dbPath());
        QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
        m_store = std::move(reopened.value());
        QCOMPARE(m_store->calendar().lastYear(), 2031);
        QCOMPARE(HolidayCalendar::active().lastYear(), 2031);
        const Result<QDate> due = Deadlines().dueDate(QDate(2030, 12, 2), Regime::FOIA);
        QVERIFY2(due, qPrintable(due.errorMessage()));
        QCOMPARE(*due, QDate(2031, 1, 3));
    }

    void aYearMissingAPartOfTheUkIsNotCovered()
    {
        create(request(u"FOI-LATE"_s, QDate(2030, 12, 2)));
        const Result<GovUkHolidays> file =
            GovUkHolidayFile::parse(readBytes(dataFile(u"bank-holidays-2031-no-scotland.json"_s)));
        QVERIFY2(file, qPrintable(file.errorMessage()));
        QVERIFY(file->completeYears.isEmpty());
        const Result<HolidayChange> change =
            m_store->addHolidays(file->days, u"partial"_s, file->completeYears);
        QVERIFY(change);
        QCOMPARE(change->yearsAdded, 0);
        // Without Scotland's 2nd January the count could come out a day early: no date at all.
        QCOMPARE(m_store->calendar().lastYear(), 2030);
        QVERIFY(!storedDue(u"FOI-LATE"_s).isValid());
    }

    void aBadFileAddsNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("<html>Bank holidays</html>") << QString();
        QTest::newRow("a division missing")
            << QByteArray(R"({"england-and-wales":{"division":"england-and-wales","events":[]}})")
            << u"scotland"_s;
        QTest::newRow("a date that does not exist")
            << QByteArray(R"({"england-and-wales":{"division":"england-and-wales","events":[)"
                          R"({"title":"Day","date":"2031-02-30","notes":"","bunting":true}]},)"
                          R"("scotland":{"division":"scotland","events":[]},)"
                          R"("northern-ireland":{"division":"northern-ireland","events":[]}})")
            << u"2031-02-30"_s;
    }

    void aBadFileAddsNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Result<GovUkHolidays> file = GovUkHolidayFile::parse(json);
        QVERIFY(!file);
        QCOMPARE(file.errorKind(), ErrorKind::BadInput);
        if (!mentions.isEmpty())
            QVERIFY2(file.errorMessage().contains(mentions), qPrintable(file.errorMessage()));

        // Through the command line: exit 2, nothing added.
        const QString path = m_dir->filePath(u"bad.json"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
        out.close();
        m_store.reset();
        const Outcome imported = cli({u"holidays"_s, u"import"_s, path});
        QCOMPARE(imported.code, int(CommandLine::BadInput));
        QVERIFY(!imported.err.isEmpty());
        auto reopened = Store::open(dbPath());
        QVERIFY(reopened);
        m_store = std::move(reopened.value());
        QVERIFY(m_store->addedHolidays()->isEmpty());
    }

    void commandLineAddListRemove()
    {
        create(request(u"FOI-1"_s, QDate(2027, 5, 4)));
        m_store.reset();

        Outcome added =
            cli({u"holidays"_s, u"add"_s, u"2027-05-10"_s, u"Proclaimed"_s, u"holiday"_s});
        QVERIFY2(added.code == CommandLine::Done, qPrintable(added.err));
        QVERIFY2(added.out.contains(u"added 3 day"_s), qPrintable(added.out));
        QVERIFY2(added.out.contains(u"FOI-1"_s), qPrintable(added.out));
        QVERIFY2(added.out.contains(u"2027-06-03"_s), qPrintable(added.out));

        const Outcome listed = cli({u"holidays"_s, u"list"_s, u"--year"_s, u"2027"_s});
        QCOMPARE(listed.code, int(CommandLine::Done));
        QVERIFY2(listed.out.contains(u"2027-05-10\tProclaimed holiday\tEngland and Wales, "
                                     "Scotland, Northern Ireland\tadded to this log"_s),
                 qPrintable(listed.out));
        QVERIFY(listed.out.contains(u"2027-05-31\tSpring bank holiday"_s));

        const Outcome due = cli({u"due"_s, u"--received"_s, u"2027-05-04"_s});
        QCOMPARE(due.code, int(CommandLine::Done));
        QCOMPARE(due.out.trimmed(), u"2027-06-03"_s);

        const Outcome builtIn = cli({u"holidays"_s, u"remove"_s, u"2027-05-31"_s});
        QCOMPARE(builtIn.code, int(CommandLine::BadInput));
        QVERIFY2(builtIn.err.contains(u"built-in"_s), qPrintable(builtIn.err));

        const Outcome removed = cli({u"holidays"_s, u"remove"_s, u"2027-05-10"_s});
        QVERIFY2(removed.code == CommandLine::Done, qPrintable(removed.err));
        const Outcome dueAgain = cli({u"due"_s, u"--received"_s, u"2027-05-04"_s});
        QCOMPARE(dueAgain.out.trimmed(), u"2027-06-02"_s);

        const Outcome badDate = cli({u"holidays"_s, u"add"_s, u"2027-02-30"_s, u"Day"_s});
        QCOMPARE(badDate.code, int(CommandLine::BadInput));
        QVERIFY(badDate.err.contains(u"YYYY-MM-DD"_s));
    }

    void commandLineImport()
    {
        m_store.reset();
        const Outcome imported =
            cli({u"holidays"_s, u"import"_s, dataFile(u"bank-holidays-2031.json"_s)});
        QVERIFY2(imported.code == CommandLine::Done, qPrintable(imported.err));
        const Outcome due = cli({u"due"_s, u"--received"_s, u"2030-12-02"_s});
        QVERIFY2(due.code == CommandLine::Done, qPrintable(due.err));
        QCOMPARE(due.out.trimmed(), u"2031-01-03"_s);
    }
};

QTEST_GUILESS_MAIN(TestHolidays)
#include "tst_holidays.moc"
