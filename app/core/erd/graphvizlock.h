#pragma once

#include <QMutex>

struct GVC_s;

namespace strata::core {

// Graphviz 2.42 (Debian bookworm) keeps layout state in globals: two layouts at once crash it,
// even with a GVC context each (measured here: four threads laying out 300-node graphs with dot
// crash within a few rounds, "trouble in init_rank"). Every call into libgvc/libcgraph in the
// process, on any thread, holds this lock; layouts are cut into components so that it is held
// briefly. The context is made once, under the lock, and kept: making one reads the plugin
// configuration each time.
class GraphvizLock
{
public:
    GraphvizLock(); // waits for the lock (workers only)
    ~GraphvizLock();
    GraphvizLock(const GraphvizLock &) = delete;
    GraphvizLock &operator=(const GraphvizLock &) = delete;

    GVC_s *context();

    // For the GUI thread, which must not wait: the lock when it is free at once, else false
    // (try again later). Pair with unlock().
    static bool tryLock();
    static void unlock();

private:
    static QMutex &mutex();
};

} // namespace strata::core
