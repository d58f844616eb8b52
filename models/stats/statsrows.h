#pragma once

#include "stats/statssnapshot.h"
#include "stats/statstablemodel.h"

namespace strata::models::statsrows {

// Headers and rows of each dashboard table, from the snapshot's values. Keys: a pid for
// sessions, the schema and name ({schema, name} as a QStringList) for relations.
using Rows = QList<StatsTableModel::Row>;

QStringList activityHeaders();
Rows activity(const QList<core::ActivityRow> &rows, double longRunningSeconds);
QStringList vacuumHeaders();
Rows vacuum(const QList<core::VacuumRow> &rows, const QDateTime &now);
QStringList xidHeaders();
Rows xidTables(const QList<core::XidAgeRow> &rows);
QStringList databaseHeaders();
Rows databases(const QList<core::DatabaseRow> &rows);
QStringList relationHeaders();
Rows relations(const QList<core::RelationSizeRow> &rows);
QStringList indexSizeHeaders();
Rows indexSizes(const QList<core::IndexSizeRow> &rows);
QStringList unusedIndexHeaders();
Rows unusedIndexes(const QList<core::UnusedIndexRow> &rows);
QStringList duplicateIndexHeaders();
Rows duplicateIndexes(const QList<core::DuplicateIndexRow> &rows);
QStringList sequenceHeaders();
Rows sequences(const QList<core::SequenceRow> &rows, double warnFraction);
QStringList matviewHeaders();
Rows matviews(const QList<core::MatViewRow> &rows);
QStringList replicationHeaders();
Rows replication(const QList<core::ReplicationRow> &rows);
QStringList slotHeaders();
Rows slots(const QList<core::SlotRow> &rows);
QStringList statementHeaders();
Rows statements(const QList<core::StatementRow> &rows);

QString formatBytes(qint64 bytes);
QString formatSeconds(double seconds);

} // namespace strata::models::statsrows
