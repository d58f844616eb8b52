#include "canceltoken.h"

#include <libpq-fe.h>

#include <QString>

namespace strata::core {

CancelToken::~CancelToken()
{
    detach();
}

void CancelToken::attach(void *pgconn)
{
    QMutexLocker lock(&m_mutex);
    if (m_cancel)
        PQfreeCancel(m_cancel);
    m_cancel = pgconn ? PQgetCancel(static_cast<PGconn *>(pgconn)) : nullptr;
}

void CancelToken::detach()
{
    QMutexLocker lock(&m_mutex);
    if (m_cancel)
        PQfreeCancel(m_cancel);
    m_cancel = nullptr;
}

void CancelToken::setBusy(bool busy)
{
    QMutexLocker lock(&m_mutex);
    m_busy = busy;
}

bool CancelToken::cancel(QString *errorOut)
{
    QMutexLocker lock(&m_mutex);
    m_requested = true;
    if (!m_cancel) {
        if (errorOut)
            *errorOut = QStringLiteral("not connected");
        return false;
    }
    if (!m_busy) {
        if (errorOut)
            *errorOut = QStringLiteral("nothing is running");
        return false;
    }
    char buf[256] = {};
    if (!PQcancel(m_cancel, buf, sizeof buf)) {
        if (errorOut)
            *errorOut = QString::fromUtf8(buf);
        return false;
    }
    return true;
}

} // namespace strata::core
