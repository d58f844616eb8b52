#include "vacuumtab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"
#include "statsconfirm.h"

#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace strata::ui {

using core::statsactions::Maintenance;
using models::StatsTableModel;
namespace rows = models::statsrows;

VacuumTab::VacuumTab(StatsController *controller, QWidget *parent) : StatsTab(controller, parent)
{
    m_vacuum = new StatsTableModel(rows::vacuumHeaders(), this);
    auto *v = addView(QStringLiteral("vacuum"),
        new StatsTableView(tr("Vacuum"), m_vacuum, StatsTableModel::KeyRole));
    v->setDescription(tr("Dead tuples and when each table was last vacuumed and analyzed"));
    auto *vacuum = new QPushButton(tr("VACUUM…"));
    auto *analyze = new QPushButton(tr("ANALYZE…"));
    v->addTool(vacuum);
    v->addTool(analyze);
    statsconfirm::enableWithSelection(vacuum, v);
    statsconfirm::enableWithSelection(analyze, v);
    auto run = [this, v](Maintenance what) {
        const QStringList key = v->selectedKey().toStringList();
        if (key.size() == 2)
            statsconfirm::maintenance(this, this->controller(), what, key.at(0), key.at(1));
    };
    connect(vacuum, &QPushButton::clicked, this, [run] { run(Maintenance::Vacuum); });
    connect(analyze, &QPushButton::clicked, this, [run] { run(Maintenance::Analyze); });

    m_xid = new StatsTableModel(rows::xidHeaders(), this);
    auto *x = addView(QStringLiteral("xid_tables"),
        new StatsTableView(tr("Oldest tables"), m_xid, StatsTableModel::KeyRole));
    x->setDescription(tr("Tables by transaction-ID age: at 2,147,483,647 (wraparound) the server "
                         "stops assigning transaction IDs"));
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(v);
    split->addWidget(x);
    split->setChildrenCollapsible(false);
    split->setSizes({ 460, 240 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void VacuumTab::showSnapshot(const core::StatsSnapshot &s)
{
    const QDateTime now = s.server.ok() && !s.server.rows.isEmpty()
        ? QDateTime::fromMSecsSinceEpoch(qint64(s.server.rows.first().serverEpoch * 1000), Qt::UTC)
        : s.takenAt;
    m_vacuum->setRows(rows::vacuum(s.vacuum.rows, now));
    showSection(view(QStringLiteral("vacuum")), s.vacuum);
    m_xid->setRows(rows::xidTables(s.xidTables.rows));
    StatsTableView *x = view(QStringLiteral("xid_tables"));
    if (s.xidTables.error.isError() || !s.xidTables.note.isEmpty()) {
        showSection(x, s.xidTables);
    } else {
        const qint64 freezeMaxAge
            = s.server.rows.isEmpty() ? 200000000 : s.server.rows.first().freezeMaxAge;
        x->setNote(tr("User tables first; a system catalog only once older than "
                      "autovacuum_freeze_max_age (%1), when autovacuum should have frozen it.")
                       .arg(QLocale().toString(freezeMaxAge)));
    }
}

} // namespace strata::ui
