#include "overviewpage.h"

#include "theme.h"

#include "appcontext.h"
#include "overview/overviewservice.h"
#include "util/whenfinished.h"

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
    m_databases = new QTableWidget(0, 4, this);
    m_databases->setHorizontalHeaderLabels(
        { tr("Database"), tr("Owner"), tr("Encoding"), tr("Size") });
    m_databases->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_databases->verticalHeader()->hide();
    m_databases->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_databases->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_databases->setAlternatingRowColors(true);
    layout->addWidget(m_header);
    layout->addWidget(m_facts);
    layout->addWidget(m_warning);
    layout->addWidget(new QLabel(tr("Databases on this server"), this));
    layout->addWidget(m_databases, 1);
    m_clock.setInterval(5000);
    connect(&m_clock, &QTimer::timeout, this, &OverviewPage::showFacts);
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

void OverviewPage::showDatabases(const QList<core::DatabaseSummary> &rows)
{
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
