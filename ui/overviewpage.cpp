#include "overviewpage.h"

#include "appcontext.h"
#include "util/whenfinished.h"

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
    m_databases->setHorizontalHeaderLabels({tr("Database"), tr("Owner"), tr("Encoding"), tr("Size")});
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

void OverviewPage::reload()
{
    const int generation = ++m_generation;
    m_loaded = false;
    m_databases->setRowCount(0);
    m_facts->hide();
    if (!context()->isConnected()) {
        m_header->setText(tr("<h2>Not connected</h2><p>Choose a connection on the left, or add one "
                             "with <b>New connection</b>.</p>"));
        m_warning->hide();
        return;
    }
    const auto &info = context()->serverInfo();
    m_header->setText(tr("<h2>%1</h2><p>%2<br>Connected as <b>%3</b>%4 to <b>%5</b> "
                         "(%6)</p>")
                          .arg(context()->profile().name.toHtmlEscaped(),
                               info.versionString.toHtmlEscaped(), info.user.toHtmlEscaped(),
                               info.superuser ? tr(" (superuser)") : QString(),
                               info.database.toHtmlEscaped(),
                               context()->profile().displayTarget().toHtmlEscaped()));
    m_warning->setText(info.warning);
    m_warning->setVisible(!info.warning.isEmpty());

    QPointer<OverviewPage> self(this);
    core::whenFinished(this, context()->session()->query(QStringLiteral("overview/server")),
        [self, generation](core::Result<core::PgResult> r) {
            if (!self || generation != self->m_generation || !r || r->rows() == 0)
                return;
            const core::PgResult &row = r.value();
            const QLocale locale;
            self->m_facts->setText(
                tr("<table cellspacing=4>"
                   "<tr><td><b>Up for</b></td><td>%1</td><td width=24></td>"
                   "<td><b>Connections</b></td><td>%2 of %3</td></tr>"
                   "<tr><td><b>This database</b></td><td>%4, %5 schemas</td><td></td>"
                   "<td><b>Encoding, time zone</b></td><td>%6, %7</td></tr>"
                   "<tr><td><b>Extensions</b></td><td colspan=4>%8</td></tr></table>")
                    .arg(row.text(0, 0).toHtmlEscaped(), row.text(0, 1), row.text(0, 2),
                         locale.formattedDataSize(row.toLongLong(0, 3)), row.text(0, 5),
                         row.text(0, 6).toHtmlEscaped(), row.text(0, 7).toHtmlEscaped(),
                         row.isNull(0, 4) ? tr("none") : row.text(0, 4).toHtmlEscaped()));
            self->m_facts->show();
        });
    core::whenFinished(this, context()->session()->query(QStringLiteral("overview/databases")),
        [self, generation](core::Result<core::PgResult> r) {
            if (!self || generation != self->m_generation)
                return;
            if (!r) {
                Q_EMIT self->context()->errorMessage(r.error().toString());
            } else {
                const core::PgResult &rows = r.value();
                self->m_databases->setRowCount(rows.rows());
                const QLocale locale;
                for (int i = 0; i < rows.rows(); ++i) {
                    self->m_databases->setItem(i, 0, new QTableWidgetItem(rows.text(i, 0)));
                    self->m_databases->setItem(i, 1, new QTableWidgetItem(rows.text(i, 1)));
                    self->m_databases->setItem(i, 2, new QTableWidgetItem(rows.text(i, 2)));
                    auto *size = new QTableWidgetItem(
                        rows.isNull(i, 3) ? tr("no access")
                                          : locale.formattedDataSize(rows.toLongLong(i, 3)));
                    size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    self->m_databases->setItem(i, 3, size);
                }
                self->m_databases->resizeColumnsToContents();
                self->m_databases->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
            }
            self->m_loaded = true;
            if (self->m_screenshotPending) {
                self->m_screenshotPending = false;
                Q_EMIT self->screenshotReady();
            }
        });
}

void OverviewPage::prepareScreenshot()
{
    if (m_loaded || !context()->isConnected())
        Q_EMIT screenshotReady();
    else
        m_screenshotPending = true;
}

} // namespace strata::ui
