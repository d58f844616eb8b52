#include "demolauncher.h"
#include "util/whenfinished.h"

#include <QFutureWatcher>
#include <QPointer>

namespace strata::ui {

DemoLauncher::DemoLauncher(QObject *parent) : QObject(parent) { }

void DemoLauncher::start()
{
    auto future = core::DemoCluster::startAsync();
    // Progress arrives through a watcher this object owns (queued to this thread, gone with it).
    auto *watcher = new QFutureWatcher<core::Result<core::DemoStatus>>(this);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
        [this, watcher](const QString &text) { Q_EMIT progress(text, watcher->progressValue()); });
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(future);
    QPointer<DemoLauncher> self(this);
    core::whenFinished(this, future, [self](core::Result<core::DemoStatus> r) {
        if (!self)
            return;
        if (r)
            Q_EMIT self->ready(r.value());
        else
            Q_EMIT self->failed(r.error());
    });
}

QList<core::ConnectionProfile> DemoLauncher::profiles(const core::DemoStatus &status)
{
    QList<core::ConnectionProfile> out;
    for (const QString &db : core::DemoCluster::databases()) {
        core::ConnectionProfile p;
        p.id = QStringLiteral("demo:") + db;
        p.name = tr("Demo: %1").arg(db);
        p.host = status.socketDir;
        p.port = status.port;
        p.database = db;
        p.user = QStringLiteral("postgres");
        p.rememberPassword = false;
        if (db == QLatin1String("strata_demo"))
            p.migrationsDir = status.migrationsDir;
        else if (db == QLatin1String("webapp"))
            p.migrationsDir = status.alembicDir;
        out.append(p);
    }
    return out;
}

} // namespace strata::ui
