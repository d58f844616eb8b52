#include "overviewpage.h"

#include "theme.h"

#include "appcontext.h"
#include "overview/overviewservice.h"
#include "util/whenfinished.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QTableWidget>
#include <QVBoxLayout>

namespace strata::ui {

namespace {

QString duration(qint64 s)
{
    if (s >= 86400)
        return OverviewPage::tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
    if (s >= 3600)
        return OverviewPage::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60) // to the second below an hour, so that a person sees it move
        return OverviewPage::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return OverviewPage::tr("%1 s").arg(s);
}

QTableWidget *newTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    return t;
}

QLabel *newSection(QLabel *body)
{
    body->setTextFormat(Qt::RichText);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    body->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return body;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
}

} // namespace

OverviewPage::OverviewPage(AppContext *context, QWidget *parent) : WorkspacePage(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts = new QLabel(this);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->hide();
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(theme::bannerStyle(theme::Tone::Warning));
    m_warning->hide();
    m_databases = newTable({ tr("Database"), tr("Owner"), tr("Encoding"), tr("Size") }, this);
    m_schemas = newTable({ tr("Schema"), tr("Tables"), tr("Size (estimate)") }, this);
    m_health = newSection(new QLabel(this));
    m_backups = newSection(new QLabel(this));
    m_migrations = newSection(new QLabel(this));
    // Health and backups side by side, then the largest databases and schemas.
    auto *grid = new QGridLayout;
    grid->addWidget(heading(tr("Health"), this), 0, 0);
    grid->addWidget(heading(tr("Recent backups of this server"), this), 0, 1);
    grid->addWidget(m_health, 1, 0);
    auto *right = new QVBoxLayout;
    right->addWidget(m_backups);
    right->addWidget(heading(tr("Migrations"), this));
    right->addWidget(m_migrations);
    right->addStretch(1);
    grid->addLayout(right, 1, 1);
    grid->addWidget(heading(tr("Databases on this server, largest first"), this), 2, 0);
    grid->addWidget(heading(tr("Largest schemas of this database"), this), 2, 1);
    grid->addWidget(m_databases, 3, 0);
    grid->addWidget(m_schemas, 3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(3, 1);
    layout->addWidget(m_header);
    layout->addWidget(m_facts);
    layout->addWidget(m_warning);
    layout->addLayout(grid, 1);
    m_clock.setInterval(5000);
    connect(&m_clock, &QTimer::timeout, this, &OverviewPage::showFacts);
    connect(m_health, &QLabel::linkActivated, this,
        [this](const QString &page) { this->context()->showPage(page); });
    for (QLabel *section : { m_backups, m_migrations })
        connect(section, &QLabel::linkActivated, this,
            [this](const QString &page) { this->context()->showPage(page); });
    connect(context, &AppContext::connectionChanged, this, &OverviewPage::reload);
    connect(context, &AppContext::serverChanged, this, &OverviewPage::reload);
    reload();
}

OverviewPage::~OverviewPage() = default;

QString OverviewPage::factsText() const
{
    return m_facts->isVisible() ? m_facts->text() : QString();
}

QStringList OverviewPage::databaseNames() const
{
    QStringList out;
    for (int r = 0; r < m_databases->rowCount(); ++r)
        out << m_databases->item(r, 0)->text();
    return out;
}

void OverviewPage::reload()
{
    const int generation = ++m_generation;
    m_loaded = false;
    m_service.reset();
    if (!context()->isConnected()) {
        m_clock.stop();
        m_serverFacts.reset();
        m_databases->setRowCount(0);
        m_schemas->setRowCount(0);
        m_health->clear();
        m_migrations->clear();
        m_backups->clear();
        m_facts->hide();
        m_warning->hide();
        m_header->setText(tr("<h2>Not connected</h2><p>Choose a connection on the left, or add one "
                             "with <b>New connection</b>.</p>"));
        return;
    }
    showHeader();
    m_service = std::make_unique<core::OverviewService>(context()->connection());
    QPointer<OverviewPage> self(this);
    // What is on screen stays until the new figures replace it (no flicker on a refresh).
    core::whenFinished(
        this, m_service->server(), [self, generation](core::Result<core::ServerSummary> r) {
            if (!self || generation != self->m_generation || !r)
                return;
            self->m_serverFacts = r.value();
            self->m_readAt = QDateTime::currentDateTimeUtc();
            self->showFacts();
            self->m_clock.start();
        });
    core::whenFinished(this, m_service->databases(),
        [self, generation](core::Result<QList<core::DatabaseSummary>> r) {
            if (!self || generation != self->m_generation)
                return;
            if (!r)
                self->context()->reportError(r.error().toString());
            else
                self->showDatabases(r.value());
            self->m_loaded = true;
            Q_EMIT self->loaded();
        });
    loadDetails(generation);
}

void OverviewPage::showHeader()
{
    const auto &info = context()->serverInfo();
    m_header->setText(
        tr("<h2>%1</h2><p>%2<br>Connected as <b>%3</b>%4 to <b>%5</b> (%6)</p>")
            .arg(context()->profile().name.toHtmlEscaped(), info.versionString.toHtmlEscaped(),
                info.user.toHtmlEscaped(), info.superuser ? tr(" (superuser)") : QString(),
                info.database.toHtmlEscaped(),
                context()->profile().displayTarget().toHtmlEscaped()));
    m_warning->setText(info.warning);
    m_warning->setVisible(!info.warning.isEmpty());
}

// The uptime is counted from the server's start on each tick, against the server's clock.
void OverviewPage::showFacts()
{
    if (!m_serverFacts)
        return;
    const core::ServerSummary &f = *m_serverFacts;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    m_facts->setText(
        tr("<table cellspacing=4>"
           "<tr><td><b>Up for</b></td><td>%1</td><td width=24></td>"
           "<td><b>Connections</b></td><td>%2 of %3</td></tr>"
           "<tr><td><b>This database</b></td><td>%4, %5 schemas</td><td></td>"
           "<td><b>Encoding, time zone</b></td><td>%6, %7</td></tr>"
           "<tr><td><b>Extensions</b></td><td colspan=4>%8</td></tr></table>"
           "<p style='color:gray'>Figures read %9 ago; F5 reads them again.</p>")
            .arg(duration(f.uptimeSeconds(now)))
            .arg(f.clientConnections)
            .arg(f.maxConnections)
            .arg(locale.formattedDataSize(f.databaseBytes))
            .arg(f.schemaCount)
            .arg(f.encoding.toHtmlEscaped(), f.timeZone.toHtmlEscaped(),
                f.extensions.isEmpty() ? tr("none")
                                       : f.extensions.join(QStringLiteral(", ")).toHtmlEscaped(),
                duration(std::max<qint64>(0, m_readAt.secsTo(now)))));
    m_facts->show();
}

void OverviewPage::showDatabases(const QList<core::DatabaseSummary> &unsorted)
{
    QList<core::DatabaseSummary> rows = unsorted;
    std::stable_sort(rows.begin(), rows.end(),
        [](const auto &a, const auto &b) { return a.sizeBytes > b.sizeBytes; });
    m_databases->setRowCount(int(rows.size()));
    const QLocale locale;
    for (int i = 0; i < rows.size(); ++i) {
        const core::DatabaseSummary &d = rows.at(i);
        m_databases->setItem(i, 0, new QTableWidgetItem(d.name));
        m_databases->setItem(i, 1, new QTableWidgetItem(d.owner));
        m_databases->setItem(i, 2, new QTableWidgetItem(d.encoding));
        auto *size = new QTableWidgetItem(
            d.sizeBytes < 0 ? tr("no access") : locale.formattedDataSize(d.sizeBytes));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_databases->setItem(i, 3, size);
    }
    m_databases->resizeColumnsToContents();
    m_databases->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

} // namespace strata::ui
