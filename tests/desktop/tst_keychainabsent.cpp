// No Secret Service on the session bus (tests/harness/with-session-bus nokeyring): passwords
// stay in memory for the session, and the person is told why.
#include "db/passwordstore.h"

#include <QTest>

using strata::core::PasswordStore;

class tst_KeychainAbsent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutAKeychainThePasswordStaysInMemoryAndItIsSaid();
};

void tst_KeychainAbsent::withoutAKeychainThePasswordStaysInMemoryAndItIsSaid()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run under tests/harness/with-session-bus nokeyring");
    PasswordStore store;
    QVERIFY(store.keychainEnabled());
    QObject context;
    bool done = false, kept = true;
    QString note;
    store.write(QStringLiteral("p"), QStringLiteral("secret"), &context, [&](bool k, QString n) {
        done = true;
        kept = k;
        note = std::move(n);
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(!kept);
    QVERIFY2(note.contains(QStringLiteral("No keychain answered")), qPrintable(note));
    // Kept for this session.
    QCOMPARE(store.remembered(QStringLiteral("p")).value_or(QString()), QStringLiteral("secret"));
    // A new run (a new store) has nothing and says so.
    PasswordStore next;
    done = false;
    std::optional<QString> pw;
    next.read(QStringLiteral("p"), &context, [&](std::optional<QString> p, QString n) {
        done = true;
        pw = std::move(p);
        note = std::move(n);
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(!pw.has_value());
    QVERIFY2(note.contains(QStringLiteral("No keychain answered")), qPrintable(note));
}

QTEST_GUILESS_MAIN(tst_KeychainAbsent)
#include "tst_keychainabsent.moc"
