#include "erd/graphvizlock.h"

#include <graphviz/gvc.h>

namespace strata::core {

QMutex &GraphvizLock::mutex()
{
    static QMutex m;
    return m;
}

GraphvizLock::GraphvizLock()
{
    mutex().lock();
}

GraphvizLock::~GraphvizLock()
{
    mutex().unlock();
}

GVC_s *GraphvizLock::context()
{
    static GVC_t *gvc = gvContext(); // first use is under the lock
    return gvc;
}

bool GraphvizLock::tryLock()
{
    return mutex().tryLock();
}

void GraphvizLock::unlock()
{
    mutex().unlock();
}

} // namespace strata::core
