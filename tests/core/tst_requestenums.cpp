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
        QVERIFY(!heldFromCode(u"ALL"));
    }

    void errorMessagesListTheValidCodes()
    {
        QCOMPARE(validRegimeCodes(), QStringLiteral("\"FOIA\", \"EIR\", \"FOISA\" or \"EIRS\""));
        QVERIFY(!validHeldCodes().contains(QStringLiteral("\"\"")));
    }

    void openStatuses()
    {
        QVERIFY(isOpenStatus(RequestStatus::OnHold));
        QVERIFY(!isOpenStatus(RequestStatus::Responded));
    }
};

QTEST_GUILESS_MAIN(TestRequestEnums)
#include "tst_requestenums.moc"
