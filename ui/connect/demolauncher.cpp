#include "demolauncher.h"
#include "util/whenfinished.h"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>

namespace strata::ui {

DemoLauncher::DemoLauncher(QObject *parent) : QObject(parent) { }

void DemoLauncher::start()
{
    QPointer<DemoLauncher> self(this);
    auto future = QtConcurrent::run([self](QPromise<core::Result<core::DemoStatus>> &promise) {
        core::DemoCluster demo;
        promise.addResult(demo.start([self](int percent, const QString &message) {
            // Progress crosses to the GUI thread as a queued call; dropped if we are gone.
            QMetaObject::invokeMethod(
                qApp,
                [self, percent, message] {
                    if (self)
                        Q_EMIT self->progress(message, percent);
                },
                Qt::QueuedConnection);
        }));
    });
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
