#include "migrationentrymodel.h"

#include <QGuiApplication>
#include <QPalette>

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace strata::models {

using core::MigrationState;

MigrationEntryModel::MigrationEntryModel(QObject *parent) : QAbstractTableModel(parent) { }

void MigrationEntryModel::setHistories(const QList<core::MigrationHistory> &histories)
{
    beginResetModel();
    m_histories = histories;
    m_rows.clear();
    for (int h = 0; h < m_histories.size(); ++h) {
        const auto &hist = m_histories.at(h);
        for (const auto *list : { &hist.entries, &hist.pending, &hist.missing, &hist.changed })
            for (const auto &e : *list)
                m_rows.append({ h, e });
    }
    endResetModel();
}

const MigrationEntryModel::Row *MigrationEntryModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int MigrationEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationEntryModel::formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

QColor MigrationEntryModel::stateColor(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return QColor(0x2e, 0x7d, 0x32);
    case MigrationState::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case MigrationState::Dirty:
        return QColor(0xad, 0x14, 0x57);
    case MigrationState::RolledBack:
        return QColor(0x6d, 0x4c, 0x41);
    case MigrationState::Running:
        return QColor(0xef, 0x6c, 0x00);
    case MigrationState::Baseline:
        return QColor(0x45, 0x5a, 0x64);
    case MigrationState::Deleted:
        return QColor(0x75, 0x75, 0x75);
    case MigrationState::Pending:
        return QColor(0x15, 0x65, 0xc0);
    case MigrationState::Missing:
        return QColor(0x8e, 0x24, 0xaa);
    case MigrationState::Changed:
        return QColor(0xf9, 0xa8, 0x25);
    case MigrationState::Unknown:
        return QColor(0x61, 0x61, 0x61);
    }
    return Qt::black;
}

QVariant MigrationEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const auto &h = m_histories.at(r.history);
    const auto &e = r.entry;
    switch (role) {
    case StateRole:
        return int(e.state);
    case HistoryIndexRole:
        return r.history;
    case FilePathRole:
        return e.filePath;
    case Qt::ForegroundRole:
        if (index.column() != State)
            return {};
        {
            // On a dark palette the same hue, lighter, so the state stays readable.
            const QPalette p = QGuiApplication::palette();
            const bool dark = p.color(QPalette::Base).lightness() < 128;
            return QBrush(dark ? stateColor(e.state).lighter(170) : stateColor(e.state));
        }
    case Qt::ToolTipRole:
        return e.note.isEmpty() ? QVariant() : QVariant(e.note);
    case Qt::TextAlignmentRole:
        return index.column() == Duration ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant();
    case SortRole:
        if (index.column() == AppliedAt)
            return e.appliedAt;
        if (index.column() == Duration)
            return e.durationMs;
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case Framework:
            return h.ambiguous ? QStringLiteral("%1?").arg(h.frameworkName) : h.frameworkName;
        case Table:
            return QString(h.schema + u'.' + h.table);
        case Version:
            return e.version.isEmpty() && e.repeatable ? QStringLiteral("(repeatable)") : e.version;
        case Description:
            return e.description;
        case State:
            return core::migrationStateLabel(e.state);
        case AppliedAt:
            return e.appliedAt.isValid() ? QLocale().toString(e.appliedAt, QLocale::ShortFormat)
                                         : QString();
        case Duration:
            return formatDuration(e.durationMs);
        case AppliedBy:
            return e.appliedBy;
        case Checksum:
            return e.checksum;
        case Note:
            return e.note;
        }
    }
    return {};
}

QVariant MigrationEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Framework:
        return tr("Framework");
    case Table:
        return tr("Table");
    case Version:
        return tr("Version");
    case Description:
        return tr("Description");
    case State:
        return tr("State");
    case AppliedAt:
        return tr("Applied at");
    case Duration:
        return tr("Duration");
    case AppliedBy:
        return tr("Applied by");
    case Checksum:
        return tr("Checksum");
    case Note:
        return tr("Note");
    }
    return {};
}

} // namespace strata::models
