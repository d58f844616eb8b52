#pragma once

#include "erd/erdexport.h"
#include "erd/erdtypes.h"
#include "result.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;

// The diagrams' asynchronous front: each call returns at once. Reads run on the connection's
// browsing session (ErdReader), layouts and exports in a worker of the Cpu pool (ErdLayouter,
// ErdExport). Cancelling a request's future stops it at the next step: between statements,
// and between the parts Graphviz lays out.
class DiagramService
{
public:
    // A new diagram of more tables than this asks first (see ErdResult::tooLarge).
    static constexpr int kAskAbove = 2500;

    explicit DiagramService(std::shared_ptr<const Connection> connection);

    // The catalog's shape: every table, view and foreign key of the user's schemas, no columns.
    QFuture<Result<ErdCatalog>> catalog() const;
    // What the scope draws, read and laid out. limit 0: no limit.
    QFuture<Result<ErdResult>> request(const ErdScope &scope, int limit = kAskAbove) const;

    // Writes a laid-out diagram to a file (the format from its name).
    static QFuture<Status> exportTo(
        ErdDiagram diagram, ErdLayout layout, QString path, ErdExportOptions options = {});

private:
    std::shared_ptr<const Connection> m_connection;
};

} // namespace strata::core
