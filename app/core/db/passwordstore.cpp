#include "passwordstore.h"

#include <qt6keychain/keychain.h>

namespace strata::core {

namespace {
const QString kService = QStringLiteral("Strata PostgreSQL console");

// Why the keychain did not keep or give the password, in words a person can act on.
QString keychainProblem(const QKeychain::Job &job, bool writing)
{
    const QString kept = writing ? QStringLiteral("the password is kept until Strata closes and "
                                                  "asked for again next time")
                                 : QStringLiteral("the password is asked for");
    const QString why = job.errorString();
    if (job.error() == QKeychain::NoBackendAvailable
        || why.contains(QLatin1String("not provided by any .service"))
        || why.contains(QLatin1String("ServiceUnknown"))
        || why.contains(QLatin1String("No such interface")))
        return QStringLiteral("No keychain answered (no Secret Service or KWallet runs on this "
                              "desktop): %1.")
            .arg(kept);
    if (why.contains(QLatin1String("lock"), Qt::CaseInsensitive)
        || why.contains(QLatin1String("prompt"), Qt::CaseInsensitive)
        || why.contains(QLatin1String("dismissed"), Qt::CaseInsensitive))
        return QStringLiteral("The keychain is locked and could not be unlocked here: %1. Unlock "
                              "it (or log in to the desktop again) to keep passwords in it.")
            .arg(kept);
    return QStringLiteral("The system keychain did not answer (%1): %2.").arg(why, kept);
}
} // namespace

PasswordStore::PasswordStore(QObject *parent) : QObject(parent)
{
    if (qEnvironmentVariableIsSet("STRATA_NO_KEYCHAIN"))
        m_keychainEnabled = false;
}

void PasswordStore::read(const QString &profileId, QObject *context, ReadDone done)
{
    if (auto mem = remembered(profileId)) {
        done(mem, {});
        return;
    }
    if (!m_keychainEnabled) {
        done(std::nullopt,
            QStringLiteral("No keychain in use: the password is asked for each session."));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(profileId);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, guard, profileId, done] {
        if (!guard)
            return;
        if (job->error() == QKeychain::NoError) {
            m_memory.insert(profileId, job->textData());
            done(job->textData(), {});
        } else if (job->error() == QKeychain::EntryNotFound) {
            done(std::nullopt, {});
        } else {
            done(std::nullopt, keychainProblem(*job, false));
        }
    });
    job->start();
}

void PasswordStore::write(
    const QString &profileId, const QString &password, QObject *context, WriteDone done)
{
    remember(profileId, password);
    if (!m_keychainEnabled) {
        if (done)
            done(false,
                QStringLiteral("No keychain in use: the password is kept until Strata "
                               "closes and asked for again next time."));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    job->setTextData(password);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done] {
        if (!guard || !done)
            return;
        if (job->error() == QKeychain::NoError)
            done(true, {});
        else
            done(false, keychainProblem(*job, true));
    });
    job->start();
}

void PasswordStore::remove(const QString &profileId)
{
    forget(profileId);
    if (!m_keychainEnabled)
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(profileId);
    job->start();
}

void PasswordStore::remember(const QString &profileId, const QString &password)
{
    m_memory.insert(profileId, password);
}

std::optional<QString> PasswordStore::remembered(const QString &profileId) const
{
    auto it = m_memory.constFind(profileId);
    if (it == m_memory.cend())
        return std::nullopt;
    return *it;
}

void PasswordStore::forget(const QString &profileId)
{
    m_memory.remove(profileId);
}

} // namespace strata::core
