#include "erd/diagramservice.h"

#include "db/connection.h"
#include "db/session.h"
#include "erd/erdlayout.h"
#include "erd/erdreader.h"
#include "util/async.h"

#include <QElapsedTimer>

namespace strata::core {

DiagramService::DiagramService(std::shared_ptr<const Connection> connection)
    : m_connection(std::move(connection))
{
}

QFuture<Result<ErdCatalog>> DiagramService::catalog() const
{
    return m_connection->browseSession()->run(
        [](SessionContext &ctx) { return ErdReader::catalog(ctx); });
}

QFuture<Result<ErdResult>> DiagramService::request(const ErdScope &scope, int limit) const
{
    auto session = m_connection->browseSession();
    return asyncRun<Result<ErdResult>>(
        Pool::Cpu, [session, scope, limit](QPromise<Result<ErdResult>> &promise) {
            auto canceled = [&promise] { return promise.isCanceled(); };
            // This worker waits for the read on the session's own thread (never the GUI's);
            // the promise outlives the read, since the wait does.
            QFuture<Result<ErdResult>> read = session->run(
                [&](SessionContext &ctx) { return ErdReader::read(ctx, scope, limit, canceled); });
            read.waitForFinished();
            if (read.resultCount() == 0 || promise.isCanceled())
                return; // cancelled (or the session is closing): no result
            Result<ErdResult> out = read.result();
            if (!out || out->tooLarge) {
                promise.addResult(std::move(out));
                return;
            }
            QElapsedTimer clock;
            clock.start();
            auto laid = ErdLayouter::layout(out->diagram, canceled);
            if (promise.isCanceled())
                return;
            if (!laid) {
                promise.addResult(laid.error());
                return;
            }
            out->layout = std::move(laid.value());
            out->layoutMs = clock.nsecsElapsed() / 1e6;
            promise.addResult(std::move(out));
        });
}

QFuture<Status> DiagramService::exportTo(
    ErdDiagram diagram, ErdLayout layout, QString path, ErdExportOptions options)
{
    return asyncRun<Status>(Pool::Cpu,
        [diagram = std::move(diagram), layout = std::move(layout), path = std::move(path), options](
            QPromise<Status> &promise) {
            promise.addResult(ErdExport::write(diagram, layout, path, options));
        });
}

} // namespace strata::core
