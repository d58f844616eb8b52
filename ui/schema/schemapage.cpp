#include "schemapage.h"

#include "icons.h"

#include "schemanodes.h"

#include "appcontext.h"
#include "catalog/catalogloader.h"
#include "detailshtml.h"
#include "schema/previewmodel.h"
#include "schema/schematreemodel.h"
#include "sqlhighlighter.h"
#include "util/whenfinished.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata::ui {

using core::ObjectKind;
using models::SchemaTreeModel;
using Type = models::SchemaTreeNode::Type;
using namespace schemanodes;

namespace {
enum Tab { DetailsTab, DdlTab, DataTab };
} // namespace

SchemaPage::SchemaPage(AppContext *context, QWidget *parent) : WorkspacePage(context, parent)
{
    m_model = new SchemaTreeModel(this);
    m_preview = new models::PreviewModel(this);
    QWidget *left = buildTree();
    buildTabs();
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    wireFind();
    wireTree();
    wireModel();
    wireTabs();
    connect(
        this->context(), &AppContext::connectionChanged, this, &SchemaPage::onConnectionChanged);
    // Another page (a diagram) asks to show a table here.
    connect(this->context(), &AppContext::objectRequested, this, &SchemaPage::showObject);
    // A restore made a database, or changed this one: the tree reads what changed again.
    connect(this->context(), &AppContext::serverChanged, this,
        [this](const QString &database, bool databasesChanged) {
            if (!m_loader)
                return;
            if (database == this->context()->profile().database)
                m_model->refresh();
            else if (databasesChanged)
                m_model->refresh(m_model->serverIndex());
        });
    onConnectionChanged();
}

QWidget *SchemaPage::buildTree()
{
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_findBox = new QLineEdit(left);
    m_findBox->setPlaceholderText(tr("Find tables, views, functions in every schema…"));
    m_findBox->setClearButtonEnabled(true);
    m_findList = new QListWidget(left);
    m_findList->setMaximumHeight(160);
    m_findList->hide();
    m_internal = new QCheckBox(tr("Show internal schemas"), left);
    m_tree = new QTreeView(left);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderHidden(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_status = new QLabel(left);
    m_status->setWordWrap(true);
    leftLayout->addWidget(m_findBox);
    leftLayout->addWidget(m_findList);
    leftLayout->addWidget(m_internal);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_status);

    return left;
}

void SchemaPage::buildTabs()
{
    m_tabs = new QTabWidget(this);
    m_details = new QTextBrowser(m_tabs);
    m_details->setOpenLinks(false);
    // Names (constraints, columns) break between words only, never inside one: a narrow pane
    // scrolls sideways instead.
    m_details->setWordWrapMode(QTextOption::WordWrap);
    m_tabs->addTab(m_details, tr("Details"));

    auto *ddlPage = new QWidget(m_tabs);
    auto *ddlLayout = new QVBoxLayout(ddlPage);
    auto *ddlBar = new QHBoxLayout;
    m_ddlStatus = new QLabel(ddlPage);
    m_copyDdl = new QPushButton(tr("Copy"), ddlPage);
    ddlBar->addWidget(m_ddlStatus, 1);
    ddlBar->addWidget(m_copyDdl);
    m_ddl = new QPlainTextEdit(ddlPage);
    m_ddl->setReadOnly(true);
    m_ddl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ddl->setLineWrapMode(QPlainTextEdit::NoWrap);
    new SqlHighlighter(m_ddl->document());
    ddlLayout->addLayout(ddlBar);
    ddlLayout->addWidget(m_ddl, 1);
    m_tabs->addTab(ddlPage, tr("DDL"));

    auto *dataPage = new QWidget(m_tabs);
    auto *dataLayout = new QVBoxLayout(dataPage);
    m_estimate = new QLabel(dataPage);
    m_grid = new QTableView(dataPage);
    m_grid->setModel(m_preview);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setAlternatingRowColors(true);
    m_grid->verticalHeader()->setDefaultSectionSize(22);
    m_grid->horizontalHeader()->setDefaultSectionSize(140);
    dataLayout->addWidget(m_estimate);
    dataLayout->addWidget(m_grid, 1);
    m_tabs->addTab(dataPage, tr("Data"));
}

void SchemaPage::wireFind()
{
    m_findTimer = new QTimer(this);
    m_findTimer->setSingleShot(true);
    m_findTimer->setInterval(250);

    connect(m_findBox, &QLineEdit::textChanged, this, [this] { m_findTimer->start(); });
    connect(m_findBox, &QLineEdit::returnPressed, this, [this] {
        if (!m_matches.isEmpty())
            chooseFindResult(0);
    });
    connect(m_findTimer, &QTimer::timeout, this, &SchemaPage::runFind);
    connect(m_findList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { chooseFindResult(m_findList->row(item)); });
    connect(m_findList, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { chooseFindResult(m_findList->row(item)); });
}

void SchemaPage::wireTree()
{
    connect(m_internal, &QCheckBox::toggled, m_model, &SchemaTreeModel::setShowInternal);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &cur) { onCurrentChanged(cur); });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &SchemaPage::showContextMenu);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &i) {
        if (i.data(SchemaTreeModel::NotOpenedRole).toBool())
            this->context()->openDatabase(i.data(SchemaTreeModel::NameRole).toString());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        // A node that failed to load is read again when opened again.
        if (i.data(SchemaTreeModel::StateRole).toInt()
            == int(models::SchemaTreeNode::State::Failed))
            m_model->refresh(i);
    });
}

void SchemaPage::wireModel()
{
    connect(m_model, &SchemaTreeModel::loadFailed, this,
        [this](const QModelIndex &, const QString &msg) {
            m_status->setText(msg.section(u'\n', 0, 0));
            this->context()->reportStatus(msg.section(u'\n', 0, 0));
        });
    connect(m_model, &SchemaTreeModel::revealed, this, &SchemaPage::onRevealed);
    connect(m_model, &SchemaTreeModel::revealFailed, this, [this](const QString &msg) {
        m_status->setText(msg);
        finishShowObject(false);
    });
    connect(m_model, &SchemaTreeModel::busyChanged, this, [this](bool busy) {
        if (busy)
            m_status->setText(tr("Reading the catalog…"));
        else if (m_status->text() == tr("Reading the catalog…"))
            m_status->clear();
    });
}

void SchemaPage::wireTabs()
{
    connect(m_tabs, &QTabWidget::currentChanged, this, &SchemaPage::onTabChanged);
    connect(m_copyDdl, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_ddl->toPlainText()); });
    connect(m_preview, &models::PreviewModel::pageLoaded, this, [this](int rows) {
        m_previewLoaded = true;
        m_estimate->setText(m_estimate->property("estimate").toString()
            + tr(" · %1 rows shown").arg(QLocale(QLocale::English).toString(rows))
            + (m_preview->atEnd() ? tr(" (all)") : tr(", more as you scroll")));
        m_grid->resizeColumnsToContents();
        Q_EMIT tabLoaded(QStringLiteral("data"));
    });
    connect(m_preview, &models::PreviewModel::loadFailed, this, [this](const QString &msg) {
        m_estimate->setText(msg.section(u'\n', 0, 0));
        m_previewLoaded = true;
        Q_EMIT tabLoaded(QStringLiteral("data"));
    });
}

// A pg_dump still running for the DDL tab ends on its own; its answer is dropped.
SchemaPage::~SchemaPage() = default;

void SchemaPage::onConnectionChanged()
{
    ++m_generation;
    m_current = QPersistentModelIndex();
    m_preview->clear();
    m_ddl->clear();
    m_matches.clear();
    m_findList->clear();
    m_findList->hide();
    if (!context()->isConnected()) {
        m_loader.reset();
        m_model->setLoader(nullptr, {});
        setDetailsHtml(detailshtml::message(
            tr("Not connected"), tr("Connect to a database to browse its schemas.")));
        return;
    }
    m_loader = std::make_shared<core::CatalogLoader>(context()->connection());
    const auto &info = context()->serverInfo();
    m_model->setLoader(m_loader,
        QStringLiteral("%1 (PostgreSQL %2)")
            .arg(context()->profile().displayTarget(), info.version.toString()));
    setDetailsHtml(
        detailshtml::message(tr("Schema browser"), tr("Select an object to see its details.")));
    // Open the server and the connected database at once: that is where everyone starts.
    const QModelIndex server = m_model->serverIndex();
    m_tree->expand(server);
    QPointer<SchemaPage> self(this);
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn
        = connect(m_model, &SchemaTreeModel::nodeLoaded, this, [self, conn](const QModelIndex &i) {
              if (!self)
                  return;
              if (i == self->m_model->serverIndex()) {
                  self->m_tree->expand(self->m_model->databaseIndex());
                  QObject::disconnect(*conn);
              }
          });
}

QModelIndex SchemaPage::objectIndex(const QModelIndex &index) const
{
    QModelIndex i = index;
    while (i.isValid() && typeOf(i) != Type::Object && typeOf(i) != Type::Schema)
        i = i.parent();
    return i;
}

void SchemaPage::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex obj = objectIndex(current);
    if (obj == m_current && m_detailsLoaded)
        return;
    ++m_generation;
    m_current = obj;
    m_detailsLoaded = m_ddlLoaded = m_previewLoaded = false;
    m_preview->clear();
    m_ddl->clear();
    m_ddlStatus->clear();
    m_estimate->clear();
    loadDetails();
    onTabChanged(m_tabs->currentIndex());
}

void SchemaPage::onTabChanged(int tab)
{
    if (tab == DdlTab && !m_ddlLoaded)
        loadDdl();
    else if (tab == DataTab && !m_previewLoaded && m_preview->rowCount() == 0)
        loadPreview();
    else if (tab == DetailsTab && m_detailsLoaded)
        Q_EMIT tabLoaded(QStringLiteral("details"));
    else if (tab == DdlTab && m_ddlLoaded)
        Q_EMIT tabLoaded(QStringLiteral("ddl"));
    else if (tab == DataTab && m_previewLoaded)
        Q_EMIT tabLoaded(QStringLiteral("data"));
}

void SchemaPage::setDetailsHtml(const QString &html)
{
    m_details->setHtml(html);
}

void SchemaPage::loadDetails()
{
    if (!m_current.isValid() || !m_loader) {
        setDetailsHtml(
            detailshtml::message(tr("Schema browser"), tr("Select an object to see its details.")));
        m_detailsLoaded = true;
        return;
    }
    const int generation = m_generation;
    QPointer<SchemaPage> self(this);
    auto show = [self, generation](auto result, auto render) {
        if (!self || generation != self->m_generation)
            return;
        if (!result)
            self->setDetailsHtml(
                detailshtml::message(tr("Could not read the details"), result.error().toString()));
        else
            self->setDetailsHtml(render(result.value()));
        self->m_detailsLoaded = true;
        Q_EMIT self->tabLoaded(QStringLiteral("details"));
        self->finishShowObject(true);
    };
    const quint32 oid = m_current.data(SchemaTreeModel::OidRole).toUInt();
    if (typeOf(m_current) == Type::Schema) {
        setDetailsHtml(detailshtml::schema(m_current.data(SchemaTreeModel::NameRole).toString(),
            QString(), m_current.data(SchemaTreeModel::DetailRole).toString()));
        m_detailsLoaded = true;
        Q_EMIT tabLoaded(QStringLiteral("details"));
        return;
    }
    setDetailsHtml(detailshtml::message(tr("Loading…"), QString()));
    switch (kindOf(m_current)) {
    case ObjectKind::Function:
        core::whenFinished(
            this, m_loader->functionDetails(oid), [show](core::Result<core::FunctionDetails> r) {
                show(r, [](const core::FunctionDetails &f) { return detailshtml::function(f); });
            });
        break;
    case ObjectKind::Type:
        core::whenFinished(
            this, m_loader->typeDetails(oid), [show](core::Result<core::TypeDetails> r) {
                show(r, [](const core::TypeDetails &t) { return detailshtml::type(t); });
            });
        break;
    case ObjectKind::Extension:
        core::whenFinished(
            this, m_loader->extensionDetails(oid), [show](core::Result<core::ExtensionDetails> r) {
                show(r, [](const core::ExtensionDetails &e) { return detailshtml::extension(e); });
            });
        break;
    default:
        core::whenFinished(
            this, m_loader->relationDetails(oid), [show](core::Result<core::RelationDetails> r) {
                show(r, [](const core::RelationDetails &d) { return detailshtml::relation(d); });
            });
        break;
    }
}

void SchemaPage::loadDdl()
{
    if (!m_current.isValid() || !m_loader || typeOf(m_current) != Type::Object) {
        m_ddl->setPlainText(QString());
        m_ddlStatus->setText(tr("Select a table, view, function or type."));
        m_ddlLoaded = true;
        Q_EMIT tabLoaded(QStringLiteral("ddl"));
        return;
    }
    const int generation = m_generation;
    QPointer<SchemaPage> self(this);
    auto show = [self, generation](core::Result<QString> r, const QString &source) {
        if (!self || generation != self->m_generation)
            return;
        if (r) {
            self->m_ddl->setPlainText(r.value());
            self->m_ddlStatus->setText(source);
        } else {
            self->m_ddl->setPlainText(QStringLiteral("-- ")
                + r.error().toString().replace(u'\n', QStringLiteral("\n-- ")));
            self->m_ddlStatus->setText(tr("Could not get the DDL"));
        }
        self->m_ddlLoaded = true;
        Q_EMIT self->tabLoaded(QStringLiteral("ddl"));
    };
    const ObjectKind kind = kindOf(m_current);
    const quint32 oid = m_current.data(SchemaTreeModel::OidRole).toUInt();
    const bool dumped = kind == ObjectKind::Table || kind == ObjectKind::PartitionedTable
        || kind == ObjectKind::Sequence || kind == ObjectKind::ForeignTable;
    if (!dumped) {
        m_ddlStatus->setText(tr("Reading the definition…"));
        core::whenFinished(
            this, m_loader->serverDefinition(kind, oid), [show](core::Result<QString> r) {
                show(std::move(r), tr("From the server's pg_get_*def functions"));
            });
        return;
    }
    m_ddlStatus->setText(tr("Running pg_dump --schema-only…"));
    core::whenFinished(this,
        m_loader->dumpDefinition(m_current.data(SchemaTreeModel::SchemaNameRole).toString(),
            m_current.data(SchemaTreeModel::NameRole).toString()),
        [show](core::Result<QString> r) {
            show(std::move(r), tr("pg_dump --schema-only for exactly this object"));
        });
}

void SchemaPage::loadPreview()
{
    m_preview->clear();
    if (!m_current.isValid() || !m_loader || typeOf(m_current) != Type::Object
        || !hasRows(kindOf(m_current))) {
        m_estimate->setText(tr("Select a table or view to see its first rows."));
        m_previewLoaded = true;
        Q_EMIT tabLoaded(QStringLiteral("data"));
        return;
    }
    const qint64 estimate = m_current.data(SchemaTreeModel::EstimatedRowsRole).toLongLong();
    const QString text = estimate >= 0
        ? tr("About %1 rows (the planner's estimate; nothing was counted)")
              .arg(QLocale(QLocale::English).toString(estimate))
        : tr("Row count unknown (never analyzed; nothing was counted)");
    m_estimate->setProperty("estimate", text);
    m_estimate->setText(text);
    m_preview->setRelation(m_loader, m_current.data(SchemaTreeModel::SchemaNameRole).toString(),
        m_current.data(SchemaTreeModel::NameRole).toString(), kindOf(m_current));
}

void SchemaPage::runFind()
{
    const QString text = m_findBox->text().trimmed();
    const int generation = ++m_findGeneration;
    if (text.isEmpty() || !m_loader) {
        m_matches.clear();
        m_findList->clear();
        m_findList->hide();
        return;
    }
    QPointer<SchemaPage> self(this);
    core::whenFinished(this, m_loader->find(text, 100, m_internal->isChecked()),
        [self, generation](core::Result<QList<core::FindMatch>> r) {
            if (!self || generation != self->m_findGeneration)
                return;
            self->m_findList->clear();
            self->m_matches = r ? r.value() : QList<core::FindMatch>();
            if (!r)
                self->m_status->setText(r.error().toString().section(u'\n', 0, 0));
            for (const core::FindMatch &m : std::as_const(self->m_matches))
                self->m_findList->addItem(new QListWidgetItem(
                    models::icons::icon(models::icons::iconFor(m.kind, m.ancestorPath.size() > 1)),
                    QStringLiteral("%1  —  %2").arg(m.displayName(), core::kindName(m.kind))));
            if (r && self->m_matches.isEmpty())
                self->m_findList->addItem(tr("No object matches"));
            self->m_findList->show();
            Q_EMIT self->findFinished(int(self->m_matches.size()));
        });
}

void SchemaPage::find(const QString &text)
{
    m_findBox->setText(text);
    m_findTimer->stop();
    QPointer<SchemaPage> self(this);
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(this, &SchemaPage::findFinished, this, [self, conn](int n) {
        QObject::disconnect(*conn);
        if (self && n > 0)
            self->chooseFindResult(0);
    });
    runFind();
}

void SchemaPage::chooseFindResult(int row)
{
    if (row < 0 || row >= m_matches.size())
        return;
    m_status->setText(tr("Opening %1…").arg(m_matches[row].displayName()));
    m_model->reveal(m_matches[row]);
}

void SchemaPage::onRevealed(const QModelIndex &index)
{
    m_status->clear();
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter); // expands its parents
    m_tree->setCurrentIndex(index);
}

QStringList SchemaPage::findResults() const
{
    QStringList out;
    for (const auto &m : m_matches)
        out << m.displayName();
    return out;
}

QString SchemaPage::detailsText() const
{
    return m_details->toPlainText();
}

QString SchemaPage::ddlText() const
{
    return m_ddl->toPlainText();
}

QString SchemaPage::previewEstimateText() const
{
    return m_estimate->text();
}

void SchemaPage::showTab(const QString &name)
{
    const int tab = name == QLatin1String("ddl") ? DdlTab
        : name == QLatin1String("data")          ? DataTab
                                                 : DetailsTab;
    if (m_tabs->currentIndex() == tab)
        onTabChanged(tab);
    else
        m_tabs->setCurrentIndex(tab);
}

void SchemaPage::focusFind()
{
    m_findBox->setFocus(Qt::ShortcutFocusReason);
    m_findBox->selectAll();
}

// The whole tree is read again (a database a restore made, tables a migration added).
void SchemaPage::refresh()
{
    if (m_loader)
        m_model->refresh();
}

void SchemaPage::showObject(const QString &schema, const QString &name)
{
    if (!m_loader) {
        Q_EMIT objectShown(false);
        return;
    }
    m_showPending = true;
    QPointer<SchemaPage> self(this);
    core::whenFinished(this, m_loader->find(name, 200, true),
        [self, schema, name](core::Result<QList<core::FindMatch>> r) {
            if (!self)
                return;
            if (r)
                for (const core::FindMatch &m : r.value())
                    if (m.schemaName == schema && m.name == name) {
                        self->m_model->reveal(m);
                        return;
                    }
            self->finishShowObject(false);
        });
}

void SchemaPage::finishShowObject(bool found)
{
    if (!m_showPending)
        return;
    m_showPending = false;
    Q_EMIT objectShown(found);
}

} // namespace strata::ui
