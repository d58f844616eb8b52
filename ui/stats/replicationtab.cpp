#include "replicationtab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

ReplicationTab::ReplicationTab(StatsController *controller, QWidget *parent)
    : StatsTab(controller, parent)
{
    m_standbys = new StatsTableModel(rows::replicationHeaders(), this);
    m_slots = new StatsTableModel(rows::slotHeaders(), this);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(addView(QStringLiteral("replication"),
        new StatsTableView(tr("Standbys"), m_standbys, StatsTableModel::KeyRole)));
    split->addWidget(addView(QStringLiteral("slots"),
        new StatsTableView(tr("Replication slots"), m_slots, StatsTableModel::KeyRole)));
    split->setChildrenCollapsible(false);
    m_checkpoints = new QLabel;
    m_checkpoints->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addWidget(m_checkpoints);
}

void ReplicationTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_standbys->setRows(rows::replication(s.replication.rows));
    StatsTableView *standbys = view(QStringLiteral("replication"));
    showSection(standbys, s.replication);
    if (s.replication.ok() && s.replication.rows.isEmpty())
        standbys->setNote(tr("No standby is streaming from this server."));
    m_slots->setRows(rows::slots(s.slots.rows));
    showSection(view(QStringLiteral("slots")), s.slots);
    if (s.checkpoints.ok() && !s.checkpoints.rows.isEmpty()) {
        const core::CheckpointRow &c = s.checkpoints.rows.first();
        const QLocale locale;
        m_checkpoints->setText(
            tr("Checkpoints since %1: %2 timed, %3 requested; %4 buffers written.")
                .arg(c.statsReset.isValid()
                        ? c.statsReset.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                        : tr("the start"),
                    locale.toString(c.timed), locale.toString(c.requested),
                    locale.toString(c.buffersWritten)));
    }
}

} // namespace strata::ui
