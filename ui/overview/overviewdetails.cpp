// The overview's second half: the health lines, the largest schemas and the recent backups, read
// after the server's facts so that those come first.
#include "overviewpage.h"

#include "theme.h"

#include "appcontext.h"
#include "migrations/migrationsservice.h"
#include "overview/overviewservice.h"
#include "util/whenfinished.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QTableWidget>

namespace strata::ui {

namespace {

constexpr int shownWarnings = 6;
constexpr int shownSchemas = 10;
constexpr int shownBackups = 5;

theme::Tone toneOf(core::HealthWarning::Severity s)
{
    switch (s) {
    case core::HealthWarning::Severity::Critical:
        return theme::Tone::Error;
    case core::HealthWarning::Severity::Warning:
        return theme::Tone::Warning;
    case core::HealthWarning::Severity::Info:
        break;
    }
    return theme::Tone::Info;
}

// "● text" in the tone's colour, for one line of a section.
QString line(theme::Tone tone, const QString &text)
{
    return QStringLiteral("<span style='color:%1'>&#9679;</span>&nbsp;%2<br>")
        .arg(theme::text(tone).name(), text);
}

QString muted(const QString &text)
{
    return QStringLiteral("<span style='color:%1'>%2</span>")
        .arg(theme::text(theme::Tone::Muted).name(), text);
}

} // namespace

void OverviewPage::loadDetails(int generation)
{
    m_detailsPending = 4;
    QPointer<OverviewPage> self(this);
    const auto current = [self, generation] { return self && generation == self->m_generation; };
    core::whenFinished(
        this, m_service->health(), [self, current](core::Result<QList<core::HealthWarning>> r) {
            if (!current())
                return;
            if (r)
                self->showHealth(r.value());
            else
                self->m_health->setText(r.error().message.toHtmlEscaped());
            self->detailArrived();
        });
    core::whenFinished(this, m_service->schemaSizes(shownSchemas),
        [self, current](core::Result<QList<core::SchemaSize>> r) {
            if (!current())
                return;
            self->showSchemas(r ? r.value() : QList<core::SchemaSize>());
            self->detailArrived();
        });
    core::whenFinished(this, m_service->recentBackups(shownBackups),
        [self, current](core::Result<QList<core::BackupEntry>> r) {
            if (!current())
                return;
            if (r)
                self->showBackups(r.value());
            else
                self->m_backups->setText(r.error().message.toHtmlEscaped());
            self->detailArrived();
        });
    // The migration histories in the database, compared with this connection's migrations
    // folder when one was chosen on the Migrations page.
    const QString dir = context()->profile().migrationsDir;
    core::whenFinished(this, core::MigrationsService(context()->connection()).inspect(dir),
        [self, current, dir](core::Result<core::MigrationOverview> r) {
            if (!current())
                return;
            self->showMigrations(r, dir);
            self->detailArrived();
        });
}

void OverviewPage::showMigrations(
    const core::Result<core::MigrationOverview> &r, const QString &dir)
{
    const QString link = QStringLiteral("<a href='migrations'>%1</a>").arg(tr("Migrations page"));
    if (!r) {
        m_migrations->setText(r.error().message.toHtmlEscaped());
        return;
    }
    QString html;
    for (const core::MigrationHistory &h : r->histories) {
        const QString where = QStringLiteral("%1.%2").arg(h.schema, h.table).toHtmlEscaped();
        QStringList facts { tr(
            "%n applied", nullptr, int(h.entries.size() - h.unfinished.size())) };
        if (!h.pending.isEmpty())
            facts << tr("%n pending", nullptr, int(h.pending.size()));
        if (!h.unfinished.isEmpty())
            facts << tr("%n unfinished", nullptr, int(h.unfinished.size()));
        if (!h.changed.isEmpty())
            facts << tr("%n changed since applied", nullptr, int(h.changed.size()));
        const bool attention = !h.unfinished.isEmpty() || !h.changed.isEmpty();
        const theme::Tone tone = attention ? theme::Tone::Warning
            : h.pending.isEmpty()          ? theme::Tone::Ok
                                           : theme::Tone::Info;
        html += line(tone,
            QStringLiteral("%1 (%2): %3")
                .arg(where, h.frameworkName.toHtmlEscaped(), facts.join(QStringLiteral(", "))));
    }
    if (r->histories.isEmpty())
        html = muted(tr("No migration history table in this database."));
    else if (dir.isEmpty())
        html += muted(tr("Pending files are known once a migrations folder is chosen on the "));
    else
        html += muted(tr("Compared with %1; details on the ").arg(dir.toHtmlEscaped()));
    m_migrations->setText(html + (r->histories.isEmpty() ? QString() : muted(link)));
}

QString OverviewPage::migrationsText() const
{
    return m_migrations->text();
}

void OverviewPage::detailArrived()
{
    if (--m_detailsPending == 0)
        Q_EMIT detailsLoaded();
}

void OverviewPage::showHealth(const QList<core::HealthWarning> &warnings)
{
    if (warnings.isEmpty()) {
        m_health->setText(line(theme::Tone::Ok,
            tr("Nothing to look at: sequences, vacuum, "
               "wraparound, cache and connections are fine.")));
        return;
    }
    QList<core::HealthWarning> sorted = warnings;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return int(a.severity) > int(b.severity); });
    QString html;
    for (int i = 0; i < sorted.size() && i < shownWarnings; ++i)
        html += line(toneOf(sorted.at(i).severity), sorted.at(i).text.toHtmlEscaped());
    const QString more = sorted.size() > shownWarnings
        ? tr("%1 more on the ").arg(sorted.size() - shownWarnings)
        : tr("Details on the ");
    html += muted(more + QStringLiteral("<a href='statistics'>%1</a>").arg(tr("Statistics page")));
    m_health->setText(html);
}

void OverviewPage::showSchemas(const QList<core::SchemaSize> &rows)
{
    m_schemas->setRowCount(int(rows.size()));
    const QLocale locale;
    for (int i = 0; i < rows.size(); ++i) {
        const core::SchemaSize &s = rows.at(i);
        m_schemas->setItem(i, 0, new QTableWidgetItem(s.name));
        auto *tables = new QTableWidgetItem(locale.toString(s.tables));
        tables->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_schemas->setItem(i, 1, tables);
        auto *size = new QTableWidgetItem(locale.formattedDataSize(s.bytes));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_schemas->setItem(i, 2, size);
    }
    m_schemas->resizeColumnsToContents();
    m_schemas->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void OverviewPage::showBackups(const QList<core::BackupEntry> &rows)
{
    if (rows.isEmpty()) {
        m_backups->setText(muted(tr("No backup of this server in the history yet. "))
            + QStringLiteral("<a href='jobs'>%1</a>").arg(tr("Back up now")));
        return;
    }
    const QLocale locale;
    QString html;
    for (const core::BackupEntry &e : rows) {
        const bool failed = !e.isBackup();
        const theme::Tone tone = failed ? theme::Tone::Error
            : e.passedRestoreTest()     ? theme::Tone::Ok
                                        : theme::Tone::Info;
        QStringList parts { e.what.toHtmlEscaped() };
        if (!failed)
            parts << locale.formattedDataSize(e.size);
        parts << e.stateText().toHtmlEscaped();
        parts.removeAll(QString());
        html += line(tone,
            QStringLiteral("%1 &nbsp;<b>%2</b> %3")
                .arg(locale.toString(e.started.toLocalTime(), QLocale::ShortFormat),
                    e.database.toHtmlEscaped(), parts.join(QStringLiteral(", "))));
    }
    html += muted(QStringLiteral("<a href='jobs'>%1</a>").arg(tr("The whole history")));
    m_backups->setText(html);
}

QString OverviewPage::healthText() const
{
    return m_health->text();
}

QStringList OverviewPage::schemaNames() const
{
    QStringList out;
    for (int r = 0; r < m_schemas->rowCount(); ++r)
        out << m_schemas->item(r, 0)->text();
    return out;
}

QString OverviewPage::backupsText() const
{
    return m_backups->text();
}

} // namespace strata::ui
