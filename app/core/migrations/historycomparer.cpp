#include "historycomparer.h"

#include "migrations/alembicgraph.h"
#include "migrations/detectorregistry.h"
#include "migrations/folderreader.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace strata::core {

namespace {

MigrationEntry fromFile(const FolderMigration &m, MigrationState state)
{
    MigrationEntry e;
    e.version = m.version;
    e.description = m.description;
    e.checksum = m.checksum;
    e.filePath = m.path;
    e.script = m.relativePath;
    e.state = state;
    e.repeatable = m.kind == FolderMigration::Kind::Repeatable;
    e.note = m.error;
    return e;
}

bool counts(MigrationState s)
{
    return s == MigrationState::Applied || s == MigrationState::Baseline
        || s == MigrationState::Running || s == MigrationState::Dirty;
}

int compareFlywayVersions(const QString &a, const QString &b)
{
    const QStringList pa = a.split(u'.'), pb = b.split(u'.');
    for (int i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const qint64 x = pa.value(i).toLongLong(), y = pb.value(i).toLongLong();
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

} // namespace

bool HistoryComparer::folderFits(const QString &fw, FolderKind kind)
{
    switch (kind) {
    case FolderKind::Rails:
        return fw == QLatin1String("rails");
    case FolderKind::Dbmate:
        return fw == QLatin1String("dbmate");
    case FolderKind::Flyway:
        return fw == QLatin1String("flyway");
    case FolderKind::Alembic:
        return fw == QLatin1String("alembic");
    case FolderKind::GolangMigrate:
        return fw == QLatin1String("golang-migrate");
    case FolderKind::Django:
        return fw == QLatin1String("django");
    case FolderKind::Prisma:
        return fw == QLatin1String("prisma");
    case FolderKind::PlainSql:
        return fw == QLatin1String("homegrown") || fw == QLatin1String("unknown")
            || fw == QLatin1String("dbmate");
    case FolderKind::Unknown:
        break;
    }
    return false;
}

QString HistoryComparer::normaliseFlywayVersion(const QString &version)
{
    QStringList parts = QString(version).replace(u'_', u'.').split(u'.');
    for (auto &p : parts) {
        bool ok = false;
        const qint64 n = p.toLongLong(&ok);
        if (ok)
            p = QString::number(n);
    }
    while (parts.size() > 1 && parts.last() == QLatin1String("0"))
        parts.removeLast();
    return parts.join(u'.');
}

void HistoryComparer::compare(MigrationHistory &h, const MigrationFolder &f)
{
    h.pending.clear();
    h.missing.clear();
    h.changed.clear();
    h.unfinished.clear();
    if (h.ambiguous) {
        for (const QString &alt : h.alternatives) {
            if (folderFits(alt, f.kind) && f.kind != FolderKind::PlainSql) {
                const MigrationDetector *d = DetectorRegistry::instance().find(alt);
                h.framework = alt;
                h.frameworkName = d ? d->displayName() : alt;
                h.upgradeCommand = d ? d->upgradeCommand() : QString();
                h.ambiguous = false;
                h.notes.append(QStringLiteral("The folder (%1 files) says this is %2.")
                                   .arg(folderKindName(f.kind), h.frameworkName));
                break;
            }
        }
    }
    if (h.framework == QLatin1String("flyway"))
        compareFlyway(h, f);
    else if (h.framework == QLatin1String("alembic"))
        compareAlembic(h, f);
    else if (h.framework == QLatin1String("golang-migrate"))
        compareGolangMigrate(h, f);
    else
        compareByKey(h, f);
}

void HistoryComparer::compareFlyway(MigrationHistory &h, const MigrationFolder &f)
{
    // The latest row per version decides (an UNDO or DELETE after a success un-applies it).
    QHash<QString, int> latest; // normalised version -> entry index
    QHash<QString, int> latestRepeatable; // description -> entry index
    QString baseline;
    for (int i = 0; i < h.entries.size(); ++i) {
        const auto &e = h.entries.at(i);
        if (e.repeatable)
            latestRepeatable.insert(e.description, i);
        else if (!e.version.isEmpty())
            latest.insert(normaliseFlywayVersion(e.version), i);
        if (e.state == MigrationState::Baseline)
            baseline = normaliseFlywayVersion(e.version);
    }
    QSet<QString> inFolder;
    for (const FolderMigration &m : f.migrations) {
        if (m.kind == FolderMigration::Kind::Undo)
            continue;
        if (m.kind == FolderMigration::Kind::Repeatable) {
            inFolder.insert(u'R' + m.description);
            const int i = latestRepeatable.value(m.description, -1);
            if (i < 0) {
                h.pending.append(fromFile(m, MigrationState::Pending));
            } else {
                h.entries[i].filePath = m.path;
                if (!m.checksum.isEmpty() && m.checksum != h.entries.at(i).checksum) {
                    MigrationEntry c = fromFile(m, MigrationState::Changed);
                    c.note = QStringLiteral("changed since it last ran (recorded %1, file %2): "
                                            "Flyway runs it again")
                                 .arg(h.entries.at(i).checksum, m.checksum);
                    h.changed.append(c);
                }
            }
            continue;
        }
        const QString v = normaliseFlywayVersion(m.version);
        inFolder.insert(v);
        const int i = latest.value(v, -1);
        if (i < 0 || !counts(h.entries.at(i).state)) {
            if (!baseline.isEmpty() && compareFlywayVersions(v, baseline) <= 0)
                continue; // below the baseline: Flyway ignores it
            h.pending.append(fromFile(m, MigrationState::Pending));
            continue;
        }
        h.entries[i].filePath = m.path;
        const QString recorded = h.entries.at(i).checksum;
        if (!m.checksum.isEmpty() && !recorded.isEmpty() && m.checksum != recorded) {
            MigrationEntry c = fromFile(m, MigrationState::Changed);
            c.note = QStringLiteral("checksum mismatch: recorded %1, file %2")
                         .arg(recorded, m.checksum);
            h.changed.append(c);
        }
    }
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        const auto &e = h.entries.at(it.value());
        if (e.state == MigrationState::Applied && !inFolder.contains(it.key())) {
            MigrationEntry mi = e;
            mi.state = MigrationState::Missing;
            h.missing.append(mi);
        }
    }
    std::sort(h.missing.begin(), h.missing.end(), [](const auto &a, const auto &b) {
        return compareFlywayVersions(
                   normaliseFlywayVersion(a.version), normaliseFlywayVersion(b.version))
            < 0;
    });
}

void HistoryComparer::compareAlembic(MigrationHistory &h, const MigrationFolder &f)
{
    AlembicGraph graph(f.migrations);
    QStringList dbHeads;
    for (const auto &e : h.entries)
        if (!e.version.isEmpty() && !dbHeads.contains(e.version))
            dbHeads.append(e.version);
    QStringList unknown, blocked;
    const QSet<QString> applied = graph.ancestors(dbHeads, &unknown, &blocked);
    // Where the walk from the database's heads stopped short, what lies before the stop may be
    // applied or not: only what descends from every stop is surely pending.
    QHash<QString, FolderMigration> byRevision;
    for (const FolderMigration &m : graph.ordered())
        byRevision.insert(m.version, m);
    QList<QSet<QString>> afterStops;
    QStringList stopReasons;
    for (const QString &b : std::as_const(blocked)) {
        afterStops.append(graph.descendants(b));
        const FolderMigration &m = byRevision[b];
        QStringList dangling;
        for (const auto &p : m.downRevisions + m.dependsOn)
            if (!byRevision.contains(p))
                dangling.append(p);
        if (!m.parentsKnown)
            stopReasons.append(QStringLiteral("%1 cannot be read (%2) and does not say which "
                                              "revision it revises")
                                   .arg(m.relativePath, m.error));
        else
            stopReasons.append(QStringLiteral("%1 names %2, which no file in the folder defines")
                                   .arg(m.relativePath, dangling.join(QStringLiteral(", "))));
    }
    for (const QString &u : std::as_const(unknown)) {
        afterStops.append(QSet<QString>()); // no position in the graph: nothing is after it
        stopReasons.append(
            QStringLiteral("alembic_version names %1, which no file in the folder defines").arg(u));
    }
    const QString stopNote = QStringLiteral("cannot tell whether applied: %1")
                                 .arg(stopReasons.join(QStringLiteral("; ")));
    // The database knows only its heads; the folder gives every applied revision.
    QList<MigrationEntry> entries;
    int undecided = 0;
    for (const FolderMigration &m : graph.ordered()) {
        if (!applied.contains(m.version)) {
            bool surelyPending = true;
            for (const auto &after : std::as_const(afterStops))
                surelyPending = surelyPending && after.contains(m.version);
            if (surelyPending) {
                h.pending.append(fromFile(m, MigrationState::Pending));
            } else {
                MigrationEntry e = fromFile(m, MigrationState::Unknown);
                e.note = m.error.isEmpty() ? stopNote : m.error + QStringLiteral("; ") + stopNote;
                entries.append(e);
                ++undecided;
            }
            continue;
        }
        MigrationEntry e = fromFile(m, MigrationState::Applied);
        if (dbHeads.contains(m.version))
            e.note = QStringLiteral("current head");
        if (!m.error.isEmpty())
            e.note = m.error;
        entries.append(e);
    }
    for (const auto &u : unknown) {
        MigrationEntry mi;
        mi.version = u;
        mi.state = MigrationState::Missing;
        mi.note = QStringLiteral("alembic_version names a revision no file in the folder defines");
        h.missing.append(mi);
        entries.append(mi);
    }
    for (const FolderMigration &m : f.migrations)
        if (!m.recoveredFrom.isEmpty())
            h.notes.append(QStringLiteral("%1 cannot be read by Python (%2); Strata took its %3. "
                                          "Fix the file: Alembic itself cannot load it.")
                               .arg(m.relativePath, m.error, m.recoveredFrom));
    if (stopReasons.isEmpty() && !graph.danglingParents().isEmpty())
        h.notes.append(QStringLiteral("Some revisions name parents no file in the folder defines "
                                      "(%1): is the folder complete?")
                           .arg(graph.danglingParents().join(QStringLiteral(", "))));
    if (undecided > 0)
        h.notes.append(QStringLiteral("%1 revision(s) marked \"cannot tell\": %2. Fix or restore "
                                      "the file, then reload; until then they are not pending, "
                                      "so do not run them.")
                           .arg(undecided)
                           .arg(stopReasons.join(QStringLiteral("; "))));
    h.entries = entries;
}

void HistoryComparer::compareGolangMigrate(MigrationHistory &h, const MigrationFolder &f)
{
    if (h.entries.isEmpty()) {
        for (const auto &m : f.migrations)
            h.pending.append(fromFile(m, MigrationState::Pending));
        return;
    }
    const MigrationEntry current = h.entries.last();
    const qint64 cur = current.version.toLongLong();
    bool found = false;
    QList<MigrationEntry> entries;
    for (const auto &m : f.migrations) {
        const qint64 v = m.version.toLongLong();
        if (v > cur) {
            h.pending.append(fromFile(m, MigrationState::Pending));
        } else {
            MigrationEntry e = fromFile(m, MigrationState::Applied);
            if (v == cur) {
                found = true;
                e.state = current.state;
                e.note = current.note;
            } else {
                e.note = QStringLiteral("applied before the current version");
            }
            entries.append(e);
        }
    }
    if (!found) {
        MigrationEntry mi = current;
        mi.state = MigrationState::Missing;
        h.missing.append(mi);
        entries.append(mi);
    }
    h.entries = entries;
}

void HistoryComparer::compareByKey(MigrationHistory &h, const MigrationFolder &f)
{
    // An entry matches a file by its whole version, or by the file's numeric prefix
    // (Rails/dbmate timestamps, "007" for 007_spot_restore.sql).
    QHash<QString, int> byVersion;
    for (int i = 0; i < h.entries.size(); ++i)
        byVersion.insert(h.entries.at(i).version, i);
    QSet<int> matched;
    for (const FolderMigration &m : f.migrations) {
        const QString base = QFileInfo(m.relativePath).completeBaseName();
        int i = byVersion.value(m.version, -1);
        if (i < 0)
            i = byVersion.value(base, -1);
        if (i < 0) {
            const QString prefix = FolderReader::numericPrefix(base);
            if (!prefix.isEmpty())
                i = byVersion.value(prefix, -1);
        }
        if (i < 0) {
            h.pending.append(fromFile(m, MigrationState::Pending));
            continue;
        }
        matched.insert(i);
        h.entries[i].filePath = m.path;
        if (h.entries.at(i).state == MigrationState::RolledBack
            || h.entries.at(i).state == MigrationState::Failed)
            h.pending.append(fromFile(m, MigrationState::Pending));
        else if (h.entries.at(i).state == MigrationState::Running)
            h.unfinished.append(h.entries.at(i)); // not applied, not pending: its own state
        const QString recorded = h.entries.at(i).checksum;
        if (!m.checksum.isEmpty() && !recorded.isEmpty() && recorded != m.checksum) {
            MigrationEntry c = fromFile(m, MigrationState::Changed);
            c.note = QStringLiteral("checksum mismatch: recorded %1, file %2")
                         .arg(recorded, m.checksum);
            h.changed.append(c);
        }
    }
    for (int i = 0; i < h.entries.size(); ++i) {
        if (matched.contains(i) || h.entries.at(i).version.isEmpty()
            || !counts(h.entries.at(i).state))
            continue;
        MigrationEntry mi = h.entries.at(i);
        mi.state = MigrationState::Missing;
        h.missing.append(mi);
    }
}

} // namespace strata::core
