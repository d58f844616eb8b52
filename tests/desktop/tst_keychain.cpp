// Passwords in the Secret Service, through QtKeychain, against a real gnome-keyring-daemon on a
// private session bus (tests/harness/with-session-bus keyring).
#include "db/passwordstore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using strata::core::PasswordStore;

namespace {

struct ReadResult
{
    bool done = false;
    std::optional<QString> password;
    QString note;
};

ReadResult readBack(const QString &id)
{
    PasswordStore store; // a new one: nothing in its memory, the keychain must answer
    ReadResult r;
    QObject context;
    store.read(id, &context, [&r](std::optional<QString> pw, QString note) {
        r.done = true;
        r.password = std::move(pw);
        r.note = std::move(note);
    });
    QTest::qWaitFor([&r] { return r.done; }, 15000);
    return r;
}

std::pair<bool, QString> write(const QString &id, const QString &password)
{
    PasswordStore store;
    bool done = false, inKeychain = false;
    QString note;
    QObject context;
    store.write(id, password, &context, [&](bool kept, QString n) {
        done = true;
        inKeychain = kept;
        note = std::move(n);
    });
    if (!QTest::qWaitFor([&done] { return done; }, 15000))
        return { false, QStringLiteral("no answer within 15 s") };
    return { inKeychain, note };
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class tst_Keychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storesReadsBackReplacesAndForgets();
    void aLockedKeychainIsSaidAndThePasswordAskedFor();
};

void tst_Keychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run under tests/harness/with-session-bus keyring");
    QVERIFY2(!qEnvironmentVariableIsSet("STRATA_NO_KEYCHAIN"), "the keychain must be enabled");
    QVERIFY(PasswordStore().keychainEnabled());
}

void tst_Keychain::storesReadsBackReplacesAndForgets()
{
    const QString id = QStringLiteral("profile-ü \"1\"");
    auto [kept, note] = write(id, QStringLiteral("först pässword"));
    QVERIFY2(kept, qPrintable(note));
    // In the Secret Service itself (not only in the store's memory): secret-tool sees it.
    QVERIFY(run(QStringLiteral("secret-tool"),
        { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), id })
                .contains(QStringLiteral("först pässword")));
    ReadResult r = readBack(id);
    QCOMPARE(r.password.value_or(QString()), QStringLiteral("först pässword"));
    QVERIFY(r.note.isEmpty());

    std::tie(kept, note) = write(id, QStringLiteral("second"));
    QVERIFY2(kept, qPrintable(note));
    QCOMPARE(readBack(id).password.value_or(QString()), QStringLiteral("second"));

    PasswordStore store;
    store.remove(id);
    QTRY_VERIFY_WITH_TIMEOUT(!readBack(id).password.has_value(), 15000);
    QVERIFY(readBack(id).note.isEmpty()); // gone, which is not a failure
}

void tst_Keychain::aLockedKeychainIsSaidAndThePasswordAskedFor()
{
    const QString id = QStringLiteral("locked-profile");
    QVERIFY(write(id, QStringLiteral("kept")).first);
    // Lock the login keyring as a screen lock would; nobody is there to unlock it.
    const QString locked = run(QStringLiteral("dbus-send"),
        { QStringLiteral("--session"), QStringLiteral("--dest=org.freedesktop.secrets"),
            QStringLiteral("--print-reply"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service.Lock"),
            QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login") });
    QVERIFY2(locked.contains(QStringLiteral("collection/login")), qPrintable(locked));
    // Reading finds nothing (the Secret Service hides a locked keyring's items): the password is
    // asked for, as when none is stored.
    ReadResult r = readBack(id);
    QVERIFY(r.done);
    QVERIFY(!r.password.has_value());
    // Keeping the one typed then fails, and says why and what to do.
    auto [kept, note] = write(id, QStringLiteral("new"));
    QVERIFY(!kept);
    QVERIFY2(note.contains(QStringLiteral("locked")), qPrintable(note));
}

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
