// StatsPage's actions: each asks first, runs on the page's read-write session, and reports back.
#include "statspage.h"

#include "appcontext.h"
#include "stats/statsservice.h"
#include "util/whenfinished.h"

#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

namespace strata::ui {

using core::statsactions::Maintenance;

void StatsPage::confirm(const QString &title, const QString &text, std::function<void()> onYes)
{
    // open(), not exec(): the event loop keeps running while the question is up.
    auto *box = new QMessageBox(
        QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [onYes = std::move(onYes)](int result) {
        if (result == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

void StatsPage::signalBackend(int pid, bool terminate)
{
    if (pid <= 0) {
        m_status->setText(tr("Select a session first."));
        return;
    }
    QString who;
    for (const core::ActivityRow &a : m_snapshot.activity.rows)
        if (a.pid == pid)
            who = tr("\n\n%1@%2, %3: %4").arg(a.user, a.database, a.state, a.query.left(200));
    const QString text = terminate
        ? tr(
            "End session %1? Its open transaction is rolled back and the client is disconnected.%2")
              .arg(pid)
              .arg(who)
        : tr("Cancel the statement session %1 is running? The session stays connected.%2")
              .arg(pid)
              .arg(who);
    QPointer<StatsPage> self(this);
    confirm(terminate ? tr("Terminate session") : tr("Cancel query"), text, [self, pid, terminate] {
        if (!self)
            return;
        if (!self->m_service)
            return;
        const int generation = self->m_generation;
        core::whenFinished(self.data(), self->m_service->signalBackend(pid, terminate),
            [self, pid, terminate, generation](core::Result<bool> r) {
                if (!self || generation != self->m_generation)
                    return;
                if (!r)
                    self->context()->reportError(r.error().toString());
                else
                    self->m_status->setText(r.value()
                            ? (terminate
                                    ? tr("Session %1 was asked to end.").arg(pid)
                                    : tr("Session %1 was asked to cancel its statement.").arg(pid))
                            : tr("Session %1 is gone or may not be signalled by this role.")
                                  .arg(pid));
                self->refreshNow();
            });
    });
}

void StatsPage::startMaintenance(Maintenance what, const QString &schema, const QString &name)
{
    if (m_jobRunning) {
        m_status->setText(tr("%1 is still running; wait for it or stop it first.").arg(m_jobText));
        return;
    }
    const QString statement = core::StatsService::statementFor(what, schema, name);
    QString text = tr("Run this statement now?\n\n%1").arg(statement);
    if (what == Maintenance::Refresh)
        text += tr("\n\nWithout CONCURRENTLY the view is locked against reads until it finishes "
                   "(CONCURRENTLY needs a unique index and data already in the view).");
    QPointer<StatsPage> self(this);
    confirm(tr("Maintenance"), text, [self, what, schema, name, statement] {
        if (!self)
            return;
        if (!self->m_service)
            return;
        const int generation = self->m_generation;
        self->m_jobRunning = true;
        self->m_jobKind = what;
        self->m_jobText = statement;
        self->m_jobPid = 0;
        self->m_jobClock.start();
        self->m_jobBar->setRange(0, 0); // busy until progress is known
        self->m_jobBar->show();
        self->m_jobLabel->setText(statement);
        self->m_jobLabel->show();
        self->m_jobCancel->show();
        core::whenFinished(self.data(), // The pid first, so the sampler's session can watch
                                        // pg_stat_progress_* for it.
            self->m_service->maintenancePid(), [self, generation](core::Result<int> pid) {
                if (self && generation == self->m_generation && pid)
                    self->m_jobPid = pid.value();
            });
        core::whenFinished(self.data(), self->m_service->runMaintenance(what, schema, name),
            [self, generation, statement](core::Status st) {
                if (!self || generation != self->m_generation)
                    return;
                self->m_jobRunning = false;
                self->m_progressTimer.stop();
                self->m_jobBar->hide();
                self->m_jobLabel->hide();
                self->m_jobCancel->hide();
                const QString message = st
                    ? tr("%1 finished in %2 s.")
                          .arg(statement)
                          .arg(self->m_jobClock.elapsed() / 1000.0, 0, 'f', 1)
                    : st.error().toString();
                self->m_status->setText(st ? message : tr("%1 failed.").arg(statement));
                if (!st)
                    self->context()->reportError(message);
                Q_EMIT self->jobFinished(st.ok(), message);
                self->refreshNow();
            });
        self->m_progressTimer.start();
    });
}

void StatsPage::pollJobProgress()
{
    if (!m_jobRunning || m_jobPid <= 0 || !m_service || m_progressInFlight)
        return;
    m_progressInFlight = true;
    const int generation = m_generation;
    const int pid = m_jobPid;
    const Maintenance what = m_jobKind;
    QPointer<StatsPage> self(this);
    core::whenFinished(this, m_service->progress(what, pid),
        [self, generation](core::Result<core::statsactions::Progress> p) {
            if (!self || generation != self->m_generation)
                return;
            self->m_progressInFlight = false;
            if (!self->m_jobRunning || !p)
                return;
            if (p->total > 0) {
                self->m_jobBar->setRange(0, 1000);
                self->m_jobBar->setValue(int(1000.0 * double(p->done) / double(p->total)));
            } else {
                self->m_jobBar->setRange(0, 0);
            }
            self->m_jobLabel->setText(p->phase.isEmpty()
                    ? tr("%1 (%2 s)").arg(self->m_jobText).arg(self->m_jobClock.elapsed() / 1000)
                    : tr("%1: %2").arg(self->m_jobText, p->phase));
        });
}

} // namespace strata::ui
