#include "model/RequestEnums.h"

#include <QTest>

using namespace foidesk;

// The codes are the database's and the exchange format's: they must round-trip and never drift.
class TestRequestEnums : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codesRoundTrip()
    {
        for (Regime r : allRegimes())
            QCOMPARE(regimeFromCode(regimeCode(r)), r);
        for (RequesterKind k : allRequesterKinds())
            QCOMPARE(requesterKindFromCode(requesterKindCode(k)), k);
        for (RequestStatus s : allStatuses())
            QCOMPARE(statusFromCode(statusCode(s)), s);
        for (Held h : allHeldValues())
            QCOMPARE(heldFromCode(heldCode(h)), h);
        for (Disposition d : allDispositions())
            QCOMPARE(dispositionFromCode(dispositionCode(d)), d);
    }

    // The exchange format's disposition codes and the names the editor offers.
    void dispositions_data()
    {
        QTest::addColumn<int>("disposition");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("answered") << int(Disposition::Answered) << QStringLiteral("answered")
                                  << QStringLiteral("Answered");
        QTest::newRow("not held") << int(Disposition::NotHeld) << QStringLiteral("not_held")
                                  << QStringLiteral("Not held");
        QTest::newRow("withheld") << int(Disposition::Withheld) << QStringLiteral("withheld")
                                  << QStringLiteral("Withheld in full");
        QTest::newRow("part withheld")
            << int(Disposition::PartWithheld) << QStringLiteral("part_withheld")
            << QStringLiteral("Withheld in part");
        QTest::newRow("ncnd") << int(Disposition::NeitherConfirmNorDeny) << QStringLiteral("ncnd")
                              << QStringLiteral("Neither confirm nor deny");
    }

    void dispositions()
    {
        QFETCH(int, disposition);
        QFETCH(QString, code);
        QFETCH(QString, name);
        const auto d = Disposition(disposition);
        QCOMPARE(dispositionCode(d), code);
        QCOMPARE(dispositionFromCode(code), d);
        QCOMPARE(dispositionDisplayName(d), name);
        QVERIFY(allDispositions().contains(d));
    }

    void dispositionsInOfferedOrder()
    {
        QCOMPARE(allDispositions().size(), 5);
        QCOMPARE(allDispositions().first(), Disposition::Answered);
        QCOMPARE(validDispositionCodes(),
                 QStringLiteral("\"answered\", \"not_held\", \"withheld\", \"part_withheld\" "
                                "or \"ncnd\""));
    }


    void documentedCodes()
    {
        QCOMPARE(regimeCode(Regime::EIRS), QStringLiteral("EIRS"));
        QCOMPARE(statusCode(RequestStatus::InProgress), QStringLiteral("in_progress"));
        QCOMPARE(heldCode(Held::NeitherConfirmNorDeny), QStringLiteral("ncnd"));
        QCOMPARE(requesterKindCode(RequesterKind::Campaign), QStringLiteral("campaign"));
    }

    void unknownCodesAreRefused()
    {
        QVERIFY(!regimeFromCode(u"foia"));
        QVERIFY(!statusFromCode(u"open"));
        // The codes before schema version 7 are read by the exchange format, never written.
        QVERIFY(!statusFromCode(u"responded"));
        QCOMPARE(statusFromCodeOrOld(u"on_hold"), RequestStatus::ClarificationSought);
        QCOMPARE(statusFromCodeOrOld(u"in_review"), RequestStatus::AwaitingReview);
        QCOMPARE(statusFromCodeOrOld(u"responded"), RequestStatus::Sent);
        QCOMPARE(statusFromCodeOrOld(u"approved"), RequestStatus::Approved);
        QVERIFY(!statusFromCodeOrOld(u"open"));
        QCOMPARE(staffRoleFromCode(u"both"), StaffRole::Both);
        QVERIFY(!heldFromCode(u"ALL"));
        QVERIFY(!dispositionFromCode(u"Withheld"));
        QVERIFY(!dispositionFromCode(u"part-withheld"));
        QVERIFY(!dispositionFromCode(u""));
    }

    void errorMessagesListTheValidCodes()
    {
        QCOMPARE(validRegimeCodes(), QStringLiteral("\"FOIA\", \"EIR\", \"FOISA\" or \"EIRS\""));
        QVERIFY(!validHeldCodes().contains(QStringLiteral("\"\"")));
    }

    void openStatuses()
    {
        QVERIFY(isOpenStatus(RequestStatus::ClarificationSought));
        QVERIFY(!isOpenStatus(RequestStatus::Sent));
    }
};

QTEST_GUILESS_MAIN(TestRequestEnums)
#include "tst_requestenums.moc"
