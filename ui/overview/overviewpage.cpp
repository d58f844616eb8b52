#include "overviewpage.h"

#include "appcontext.h"
#include "overview/overviewservice.h"
#include "util/whenfinished.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QTableWidget>
#include <QVBoxLayout>

namespace strata::ui {

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
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; "
                                            "border: 1px solid #e0c060; padding: 6px; }"));
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
    connect(context, &AppContext::connectionChanged, this, &OverviewPage::reload);
    reload();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::reload()
{
    const int generation = ++m_generation;
    m_loaded = false;
    m_databases->setRowCount(0);
    m_facts->hide();
    m_service.reset();
    if (!context()->isConnected()) {
        m_header->setText(tr("<h2>Not connected</h2><p>Choose a connection on the left, or add one "
                             "with <b>New connection</b>.</p>"));
        m_warning->hide();
        return;
    }
    const auto &info = context()->serverInfo();
    m_header->setText(
        tr("<h2>%1</h2><p>%2<br>Connected as <b>%3</b>%4 to <b>%5</b> "
           "(%6)</p>")
            .arg(context()->profile().name.toHtmlEscaped(), info.versionString.toHtmlEscaped(),
                info.user.toHtmlEscaped(), info.superuser ? tr(" (superuser)") : QString(),
                info.database.toHtmlEscaped(),
                context()->profile().displayTarget().toHtmlEscaped()));
    m_warning->setText(info.warning);
    m_warning->setVisible(!info.warning.isEmpty());

    m_service = std::make_unique<core::OverviewService>(context()->connection());
    QPointer<OverviewPage> self(this);
    core::whenFinished(
        this, m_service->server(), [self, generation](core::Result<core::ServerFacts> r) {
            if (!self || generation != self->m_generation || !r)
                return;
            const core::ServerFacts &f = r.value();
            const QLocale locale;
            const qint64 up = f.uptimeSeconds(QDateTime::currentDateTimeUtc());
            const QString upFor = up >= 86400
                ? tr("%1 d %2 h").arg(up / 86400).arg((up % 86400) / 3600)
                : tr("%1 h %2 min").arg(up / 3600).arg((up % 3600) / 60);
            self->m_facts->setText(
                tr("<table cellspacing=4>"
                   "<tr><td><b>Up for</b></td><td>%1</td><td width=24></td>"
                   "<td><b>Connections</b></td><td>%2 of %3</td></tr>"
                   "<tr><td><b>This database</b></td><td>%4, %5 schemas</td><td></td>"
                   "<td><b>Encoding, time zone</b></td><td>%6, %7</td></tr>"
                   "<tr><td><b>Extensions</b></td><td colspan=4>%8</td></tr></table>")
                    .arg(upFor)
                    .arg(f.clientConnections)
                    .arg(f.maxConnections)
                    .arg(locale.formattedDataSize(f.databaseBytes))
                    .arg(f.schemaCount)
                    .arg(f.encoding.toHtmlEscaped(), f.timeZone.toHtmlEscaped(),
                        f.extensions.isEmpty()
                            ? tr("none")
                            : f.extensions.join(QStringLiteral(", ")).toHtmlEscaped()));
            self->m_facts->show();
        });
    core::whenFinished(this, m_service->databases(),
        [self, generation](core::Result<QList<core::DatabaseSummary>> r) {
            if (!self || generation != self->m_generation)
                return;
            if (!r) {
                self->context()->reportError(r.error().toString());
            } else {
                const QList<core::DatabaseSummary> &rows = r.value();
                self->m_databases->setRowCount(int(rows.size()));
                const QLocale locale;
                for (int i = 0; i < rows.size(); ++i) {
                    const core::DatabaseSummary &d = rows.at(i);
                    self->m_databases->setItem(i, 0, new QTableWidgetItem(d.name));
                    self->m_databases->setItem(i, 1, new QTableWidgetItem(d.owner));
                    self->m_databases->setItem(i, 2, new QTableWidgetItem(d.encoding));
                    auto *size = new QTableWidgetItem(
                        d.sizeBytes < 0 ? tr("no access") : locale.formattedDataSize(d.sizeBytes));
                    size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    self->m_databases->setItem(i, 3, size);
                }
                self->m_databases->resizeColumnsToContents();
                self->m_databases->horizontalHeader()->setSectionResizeMode(
                    0, QHeaderView::Stretch);
            }
            self->m_loaded = true;
            Q_EMIT self->loaded();
        });
}

} // namespace strata::ui
