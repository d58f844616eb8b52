#pragma once

#include "overview/overviewtypes.h"
#include "result.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;

// The overview's asynchronous front: each call returns at once; the reads run in order on the
// connection's browsing session (OverviewReader).
class OverviewService
{
public:
    explicit OverviewService(std::shared_ptr<const Connection> connection);

    QFuture<Result<ServerSummary>> server() const;
    QFuture<Result<QList<DatabaseSummary>>> databases() const;

private:
    std::shared_ptr<const Connection> m_connection;
};

} // namespace strata::core
