#include "migrationinspector.h"

#include "migrations/folderreader.h"
#include "migrations/historycomparer.h"
#include "migrations/historyreader.h"

#include <QJsonObject>

namespace strata::core {

Result<MigrationOverview> MigrationInspector::inspect(
    SessionContext &ctx, const QString &folderDir, int rowLimit)
{
    auto all = HistoryReader::readAll(ctx, rowLimit);
    if (!all)
        return all.error();
    MigrationOverview o;
    o.histories = all.value();
    if (!folderDir.isEmpty()) {
        auto folder = FolderReader::read(folderDir);
        if (folder) {
            o.folder = folder.value();
            compareAll(o.histories, folder.value());
        } else {
            o.folderError = folder.error().toString();
        }
    }
    return o;
}

void MigrationInspector::compareAll(
    QList<MigrationHistory> &histories, const MigrationFolder &folder)
{
    for (auto &h : histories) {
        bool fits = HistoryComparer::folderFits(h.framework, folder.kind);
        for (const auto &alt : h.alternatives)
            fits = fits || HistoryComparer::folderFits(alt, folder.kind);
        if (fits && h.error.isEmpty()) {
            HistoryComparer::compare(h, folder);
            h.comparedWithFolder = true;
        }
    }
}

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonArray entriesJson(const QList<MigrationEntry> &entries)
{
    QJsonArray out;
    for (const auto &e : entries) {
        QJsonObject o;
        o.insert("version", orNull(e.version));
        o.insert("description", orNull(e.description));
        o.insert("applied_at",
            e.appliedAt.isValid() ? QJsonValue(e.appliedAt.toString(Qt::ISODateWithMs))
                                  : QJsonValue(QJsonValue::Null));
        o.insert("duration_ms",
            e.durationMs >= 0 ? QJsonValue(double(e.durationMs)) : QJsonValue(QJsonValue::Null));
        o.insert("state", migrationStateName(e.state));
        o.insert("checksum", orNull(e.checksum));
        if (!e.note.isEmpty())
            o.insert("note", e.note);
        out.append(o);
    }
    return out;
}

} // namespace

QJsonArray MigrationInspector::toJson(const QList<MigrationHistory> &histories)
{
    return toJson(MigrationOverview { histories, std::nullopt, {} });
}

QJsonArray MigrationInspector::toJson(const MigrationOverview &overview)
{
    // The top level stays the documented array, so the folder's problems ride on the histories
    // they concern: those compared with the folder, or every one when none was.
    QJsonArray folderErrors, fileErrors;
    if (!overview.folderError.isEmpty())
        folderErrors.append(overview.folderError);
    if (overview.folder) {
        for (const QString &e : overview.folder->errors)
            folderErrors.append(e);
        for (const auto &m : overview.folder->migrations)
            if (!m.error.isEmpty())
                fileErrors.append(
                    QJsonObject { { "file", m.relativePath }, { "message", m.error } });
    }
    bool anyCompared = false;
    for (const auto &h : overview.histories)
        anyCompared = anyCompared || h.comparedWithFolder;

    QJsonArray out;
    for (const auto &h : overview.histories) {
        QJsonObject o;
        o.insert("framework", h.framework);
        o.insert("schema", h.schema);
        o.insert("table", h.table);
        o.insert("ambiguous", h.ambiguous);
        o.insert("entries", entriesJson(h.entries));
        o.insert("pending", entriesJson(h.pending));
        o.insert("missing", entriesJson(h.missing));
        o.insert("changed", entriesJson(h.changed));
        o.insert("unfinished", entriesJson(h.unfinished));
        // Optional keys: present only when they say something.
        if (h.ambiguous && !h.alternatives.isEmpty())
            o.insert("alternatives", QJsonArray::fromStringList(h.alternatives));
        if (!h.error.isEmpty())
            o.insert("error", h.error);
        if (!h.notes.isEmpty())
            o.insert("notes", QJsonArray::fromStringList(h.notes));
        if (h.truncated)
            o.insert("truncated", true);
        if (h.comparedWithFolder || !anyCompared) {
            if (!folderErrors.isEmpty())
                o.insert("folder_errors", folderErrors);
            if (!fileErrors.isEmpty())
                o.insert("file_errors", fileErrors);
        }
        out.append(o);
    }
    return out;
}

} // namespace strata::core
