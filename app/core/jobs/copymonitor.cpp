#include "copymonitor.h"

#include "db/session.h"

#include <QUuid>

namespace strata::core {

namespace {

SessionOptions monitorSession()
{
    SessionOptions mo;
    mo.statementTimeoutMs = 5000;
    mo.applicationName = QStringLiteral("strata-monitor");
    return mo;
}

} // namespace

CopyMonitor::CopyMonitor(
    const ConnectionProfile &profile, const QString &password, const QString &prefix, bool enabled)
    : m_session(enabled ? std::make_unique<Session>(profile, password, monitorSession()) : nullptr),
      m_appName(prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(12)),
      m_enabled(enabled)
{
}

CopyMonitor::~CopyMonitor()
{
    stop();
}

void CopyMonitor::poll(const std::function<void(const PgResult &)> &onRows)
{
    if (!m_enabled || !m_session)
        return;
    if (m_poll.isValid() && m_poll.isFinished()) {
        const auto r = m_poll.result();
        if (r)
            onRows(r.value());
        m_poll = {};
    }
    if (!m_poll.isValid())
        m_poll = m_session->query(QStringLiteral("jobs/copy_progress"), { m_appName });
}

void CopyMonitor::stop()
{
    if (m_session)
        m_session->cancel();
}

} // namespace strata::core
