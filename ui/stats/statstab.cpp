#include "statstab.h"

namespace strata::ui {

StatsTab::StatsTab(StatsController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
}

void StatsTab::showAge(qint64 snapshotAgeMs, qint64)
{
    const QString text = readAgo(snapshotAgeMs);
    for (const auto &[section, v] : std::as_const(m_views))
        v->setAge(text);
}

bool StatsTab::selectRow(const QString &section, const QVariant &key)
{
    StatsTableView *v = view(section);
    return v && key.isValid() && v->selectKey(key);
}

void StatsTab::showIfStale(const core::StatsSnapshot &s)
{
    if (!m_stale)
        return;
    m_stale = false;
    showSnapshot(s);
}

QString StatsTab::readAgo(qint64 ms)
{
    if (ms < 0)
        return tr("not read yet");
    if (ms < 2000)
        return tr("read just now");
    if (ms < 120000)
        return tr("read %1 s ago").arg(ms / 1000);
    return tr("read %1 min ago").arg(ms / 60000);
}

QString StatsTab::sampledAgo(qint64 ms)
{
    if (ms < 0)
        return tr("not sampled yet");
    if (ms < 2000)
        return tr("sampled just now");
    if (ms < 120000)
        return tr("sampled %1 s ago").arg(ms / 1000);
    return tr("sampled %1 min ago").arg(ms / 60000);
}

StatsTableView *StatsTab::addView(const QString &section, StatsTableView *view)
{
    m_views.append({ section, view });
    return view;
}

StatsTableView *StatsTab::view(const QString &section) const
{
    for (const auto &[name, v] : m_views)
        if (name == section)
            return v;
    return nullptr;
}

} // namespace strata::ui
