#pragma once

#include "db/connectionprofile.h"
#include "jobs/backuphistory.h"

#include <QHash>

namespace strata::ui {

// A made-up backup history for the screenshots (a nightly schedule with its retention, a
// restore test that passed and one that found a difference, a failed scheduled run, a cancelled
// one), named after the connection shown, so that no one's real history is ever shown.
struct HistoryPreview
{
    QList<core::BackupEntry> entries;
    QHash<qint64, QList<core::TableRowCount>> counts;
    qint64 selected = 0;
};

HistoryPreview historyPreview(const core::ConnectionProfile &profile);

} // namespace strata::ui
