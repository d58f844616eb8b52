#include "diagrampage.h"

#include "appcontext.h"
#include "diagramcontrols.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "erd/diagramservice.h"
#include "erd/erdselection.h"
#include "util/async.h"
#include "util/whenfinished.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace strata::ui {

using core::ErdScope;

namespace {

constexpr int kDrawWholeDatabaseUpTo = 300; // a first diagram of every schema, unasked

QString count(qsizetype n)
{
    return QLocale(QLocale::English).toString(qint64(n));
}

} // namespace

DiagramPage::DiagramPage(AppContext *context, QWidget *parent)
    : WorkspacePage(context, parent), m_askAbove(core::DiagramService::kAskAbove)
{
    m_controls = new DiagramControls(this);
    m_scene = new DiagramScene(this);
    m_view = new DiagramView(m_scene, this);
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("PK primary key · FK foreign key · ◆ not null · ◇ nullable · "
                         "click a table to highlight its neighbours, double-click to open it"));

    m_panel = new QWidget(m_view);
    m_panel->setAutoFillBackground(true);
    auto *panelLayout = new QVBoxLayout(m_panel);
    m_panelText = new QLabel(m_panel);
    m_panelText->setWordWrap(true);
    m_panelText->setAlignment(Qt::AlignCenter);
    m_panelText->setMinimumWidth(420);
    auto *buttons = new QHBoxLayout;
    m_panelNear = new QPushButton(tr("Draw a table and its neighbours…"), m_panel);
    m_panelAll = new QPushButton(m_panel);
    buttons->addStretch(1);
    buttons->addWidget(m_panelNear);
    buttons->addWidget(m_panelAll);
    buttons->addStretch(1);
    panelLayout->addWidget(m_panelText);
    panelLayout->addLayout(buttons);
    m_panel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(600);

    connect(m_controls, &DiagramControls::scopeRequested, this, [this](const ErdScope &s) {
        leaveNamedFor(s);
        request(s, m_askAbove);
    });
    connect(m_controls, &DiagramControls::diagramChosen, this, &DiagramPage::chooseDiagram);
    connect(m_controls, &DiagramControls::saveAsRequested, this, &DiagramPage::saveAs);
    connect(m_controls, &DiagramControls::deleteRequested, this, &DiagramPage::deleteDiagram);
    connect(m_controls, &DiagramControls::findRequested, this, &DiagramPage::findTable);
    connect(m_controls, &DiagramControls::fitRequested, m_view, &DiagramView::fit);
    connect(m_controls, &DiagramControls::zoomRequested, m_view, &DiagramView::zoomBy);
    connect(m_controls, &DiagramControls::exportRequested, this, &DiagramPage::askExport);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, this, [this] {
        m_controls->findBox()->setFocus();
        m_controls->findBox()->selectAll();
    });
    connect(new QShortcut(QKeySequence::ZoomIn, this), &QShortcut::activated, this,
        [this] { m_view->zoomBy(1.25); });
    connect(new QShortcut(QKeySequence::ZoomOut, this), &QShortcut::activated, this,
        [this] { m_view->zoomBy(1 / 1.25); });
    connect(m_panelNear, &QPushButton::clicked, this, [this] {
        hideMessage();
        m_controls->focusNeighbourhood();
    });
    connect(m_panelAll, &QPushButton::clicked, this, &DiagramPage::showAll);
    connect(m_scene, &DiagramScene::filled, this, &DiagramPage::onFilled);
    connect(m_scene, &DiagramScene::positionsChanged, m_saveTimer,
        static_cast<void (QTimer::*)()>(&QTimer::start));
    connect(m_saveTimer, &QTimer::timeout, this, &DiagramPage::savePositions);
    connect(m_scene, &DiagramScene::activated, this,
        [this](const core::ErdTableRef &t) { this->context()->showObject(t.schema, t.name); });
    connect(m_scene, &DiagramScene::contextMenuRequested, this, &DiagramPage::showTableMenu);
    connect(m_scene, &DiagramScene::focusChanged, this, [this](int t) {
        if (t >= 0)
            setStatus(tr("%1: click it again, or the background, to clear the highlight")
                          .arg(m_scene->diagram().tables.at(t).ref().display()));
    });
    connect(context, &AppContext::connectionChanged, this, &DiagramPage::onConnectionChanged);
    connect(context, &AppContext::diagramRequested, this,
        [this](const QString &schema, const QString &table) {
            m_name.clear();
            m_controls->setDiagramNames(m_controls->diagramNames(), {});
            if (table.isEmpty())
                showSchemas({ schema });
            else
                showNeighbourhood({ schema, table }, 1);
        });
    followPalette();
    onConnectionChanged();
}

// A layout still running ends on its own (cancelled); its result is dropped.
DiagramPage::~DiagramPage()
{
    m_pending.cancel();
}

void DiagramPage::onConnectionChanged()
{
    ++m_generation;
    ++m_connectionGeneration;
    m_pending.cancel();
    m_scene->clearDiagram();
    m_catalog = {};
    m_catalogLoaded = m_catalogLoading = m_started = m_busy = false;
    m_name.clear();
    m_controls->setCatalog(m_catalog);
    if (!context()->isConnected()) {
        m_service.reset();
        m_target.clear();
        showMessage(tr("Connect to a database to draw its tables."), false);
        return;
    }
    m_service = std::make_shared<core::DiagramService>(context()->connection());
    m_target = core::DiagramStore::targetOf(context()->profile());
    hideMessage();
    listDiagrams({});
    if (isVisible())
        loadCatalog();
}

void DiagramPage::showEvent(QShowEvent *event)
{
    WorkspacePage::showEvent(event);
    if (m_service && !m_catalogLoaded)
        loadCatalog();
}

void DiagramPage::changeEvent(QEvent *event)
{
    WorkspacePage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_paletteChosen)
        followPalette();
}

void DiagramPage::followPalette()
{
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    m_scene->setErdPalette(dark ? core::ErdPalette::dark() : core::ErdPalette::light());
}

void DiagramPage::setDarkPalette(bool dark)
{
    m_paletteChosen = true;
    m_scene->setErdPalette(dark ? core::ErdPalette::dark() : core::ErdPalette::light());
    if (!m_scene->isFilling())
        m_view->minimap()->rebuild(m_scene);
}

void DiagramPage::loadCatalog()
{
    if (m_catalogLoading || !m_service)
        return;
    m_catalogLoading = true;
    const int generation = m_connectionGeneration;
    QPointer<DiagramPage> self(this);
    core::whenFinished(
        this, m_service->catalog(), [self, generation](core::Result<core::ErdCatalog> r) {
            if (!self || generation != self->m_connectionGeneration)
                return;
            self->m_catalogLoading = false;
            if (!r) {
                self->setStatus(r.error().toString().section(u'\n', 0, 0));
                return;
            }
            self->m_catalog = r.value();
            self->m_catalog.index();
            self->m_catalogLoaded = true;
            self->m_controls->setCatalog(self->m_catalog);
            self->m_controls->setScope(self->m_scope);
            Q_EMIT self->catalogLoaded(int(self->m_catalog.tables.size()));
            if (!self->m_started)
                self->startDefault();
        });
}

void DiagramPage::startDefault()
{
    // A first diagram only when it is small; a large catalog starts from what the person picks.
    const qsizetype tables = m_catalog.tables.size();
    if (tables == 0) {
        showMessage(tr("This database has no tables or views outside the system schemas."), false);
        return;
    }
    if (tables <= kDrawWholeDatabaseUpTo) {
        showSchemas({});
        return;
    }
    showMessage(tr("This database has %1 tables and views in %2 schemas. Choose schemas above, "
                   "or a table to draw with its neighbours.")
                    .arg(count(tables), count(m_catalog.schemas().size())),
        true);
}

void DiagramPage::showScope(const ErdScope &scope)
{
    m_controls->setScope(scope);
    request(scope, m_askAbove);
}

void DiagramPage::showSchemas(const QStringList &schemas)
{
    ErdScope s;
    s.schemas = schemas;
    showScope(s);
}

void DiagramPage::showNeighbourhood(const core::ErdTableRef &table, int depth)
{
    ErdScope s;
    s.kind = ErdScope::Kind::Neighbourhood;
    s.tables = { table };
    s.depth = depth;
    showScope(s);
}

void DiagramPage::showAll()
{
    request(m_scope, 0);
}

void DiagramPage::request(const ErdScope &scope, int limit)
{
    if (!m_service)
        return;
    m_started = true;
    m_pending.cancel();
    if (m_saveTimer->isActive()) { // a table just dropped: saved under the diagram it was in
        m_saveTimer->stop();
        savePositions();
    }
    const int generation = ++m_generation;
    m_scope = scope;
    m_busy = true;
    m_requestStarted = QDateTime::currentMSecsSinceEpoch();
    hideMessage();
    m_scene->clearDiagram();
    setStatus(tr("Reading %1 and laying it out…").arg(scope.describe()));
    m_pending = m_service->request(scope, limit);
    // Where tables were moved, read from disk meanwhile.
    QFuture<core::SavedDiagram> saved = loadSaved(m_target, m_name, scope);
    QPointer<DiagramPage> self(this);
    core::whenFinished(
        this, m_pending, [self, generation, scope, saved](core::Result<core::ErdResult> r) {
            if (!self || generation != self->m_generation)
                return;
            if (!r) {
                self->m_busy = false;
                self->showMessage(r.error().toString(), false);
                Q_EMIT self->requestEnded(r.error().message);
                return;
            }
            core::whenFinished(self.data(), saved,
                [self, generation, scope, result = r.value()](const core::SavedDiagram &s) {
                    if (self && generation == self->m_generation)
                        self->land(scope, result, s);
                });
        });
}

void DiagramPage::land(
    const ErdScope &scope, const core::ErdResult &result, const core::SavedDiagram &saved)
{
    m_last = result;
    m_landedMs = QDateTime::currentMSecsSinceEpoch() - m_requestStarted;
    if (result.tooLarge) {
        m_busy = false;
        const QString text = tr("%1 holds %2 tables and views: too many to draw or read as one "
                                "diagram. Draw a table and its neighbours instead, or draw "
                                "them all anyway (it takes a while).")
                                 .arg(scope.describe(), count(result.wouldDraw));
        showMessage(text, true, result.wouldDraw);
        Q_EMIT requestEnded(text);
        return;
    }
    if (result.diagram.tables.isEmpty()) {
        m_busy = false;
        const QString text = result.note.isEmpty()
            ? tr("Nothing to draw for %1.").arg(scope.describe())
            : result.note;
        showMessage(text, false);
        Q_EMIT requestEnded(text);
        return;
    }
    setStatus(tr("Drawing %1 tables…").arg(count(result.diagram.tables.size())));
    // One paint when every item is in, not one per slice of items added.
    m_view->setViewportUpdateMode(QGraphicsView::NoViewportUpdate);
    m_scene->showResult(result, saved.positions);
}

void DiagramPage::onFilled()
{
    m_busy = false;
    m_filledMs = QDateTime::currentMSecsSinceEpoch() - m_requestStarted;
    m_view->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    m_view->fit();
    m_view->viewport()->update();
    const core::ErdResult &r = m_last;
    QString text = tr("%1 tables and views, %2 foreign keys · read in %3 ms, laid out in %4 ms "
                      "(Graphviz %5 ms), drawn %6 ms after asking")
                       .arg(count(r.diagram.tables.size()), count(r.diagram.keys.size()))
                       .arg(qRound(r.readMs))
                       .arg(qRound(r.layoutMs))
                       .arg(qRound(r.layout.graphvizMs))
                       .arg(m_filledMs);
    if (!r.note.isEmpty())
        text = r.note + QStringLiteral(" · ") + text;
    setStatus(text);
    Q_EMIT layoutLanded(int(r.diagram.tables.size()));
}

void DiagramPage::showMessage(const QString &text, bool offerNeighbourhood, int drawAll)
{
    m_panelText->setText(text);
    m_panelNear->setVisible(offerNeighbourhood);
    m_panelAll->setVisible(drawAll > 0);
    m_panelAll->setText(tr("Draw all %1 anyway").arg(count(drawAll)));
    m_panel->adjustSize();
    m_panel->move((m_view->width() - m_panel->width()) / 2, 40);
    m_panel->show();
    m_panel->raise();
}

void DiagramPage::hideMessage()
{
    m_panel->hide();
}

QString DiagramPage::messageText() const
{
    return m_panel->isVisible() ? m_panelText->text() : QString();
}

void DiagramPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString DiagramPage::statusText() const
{
    return m_status->text();
}

bool DiagramPage::findTable(const QString &text)
{
    const core::ErdDiagram &d = m_scene->diagram();
    int found = -1;
    for (int i = 0; i < d.tables.size() && found < 0; ++i) // the exact name first
        if (d.tables.at(i).name.compare(text, Qt::CaseInsensitive) == 0
            || d.tables.at(i).ref().display().compare(text, Qt::CaseInsensitive) == 0)
            found = i;
    for (int i = 0; i < d.tables.size() && found < 0; ++i)
        if (d.tables.at(i).name.contains(text, Qt::CaseInsensitive))
            found = i;
    if (found < 0 || text.isEmpty()) {
        setStatus(tr("No table named like “%1” in this diagram; choose “Neighbourhood” above to "
                     "draw one with its neighbours.")
                      .arg(text));
        return false;
    }
    m_scene->focusTable(found);
    m_view->reveal(m_scene->layout().tables.at(found));
    return true;
}

void DiagramPage::showTableMenu(int table, const QPoint &screenPos)
{
    const core::ErdTableRef ref = m_scene->diagram().tables.at(table).ref();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Open in the schema browser"), this,
        [this, ref] { context()->showObject(ref.schema, ref.name); });
    menu->addAction(tr("Show its neighbourhood"), this, [this, ref] { showNeighbourhood(ref, 1); });
    menu->addAction(tr("Path from here to…"), this, [this, ref] { m_controls->setFromTable(ref); });
    menu->addSeparator();
    if (m_catalogLoaded) // a subject area grows a step at a time
        menu->addAction(tr("Add its neighbours to this diagram"), this, [this, ref] {
            ErdScope s = m_scope;
            s.kind = ErdScope::Kind::Tables;
            s.tables.clear();
            for (const core::ErdTable &t : m_scene->diagram().tables)
                s.tables << t.ref();
            const auto near = core::ErdSelect::neighbourhood(m_catalog, { ref }, 1, s.views);
            for (int i : near.tables)
                if (!s.tables.contains(m_catalog.tables.at(i).ref()))
                    s.tables << m_catalog.tables.at(i).ref();
            showScope(s);
        });
    menu->addAction(tr("Remove from this diagram"), this, [this, table] {
        ErdScope s = m_scope;
        s.kind = ErdScope::Kind::Tables;
        s.tables.clear();
        for (int i = 0; i < m_scene->diagram().tables.size(); ++i)
            if (i != table)
                s.tables << m_scene->diagram().tables.at(i).ref();
        showScope(s);
    });
    menu->popup(screenPos); // popup(), not exec(): no nested event loop
}

void DiagramPage::askExport()
{
    if (m_scene->diagram().tables.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Export the diagram"),
        QDir::home().filePath(QStringLiteral("diagram.svg")),
        tr("SVG (*.svg);;PNG image (*.png);;PDF (*.pdf);;Graphviz DOT (*.dot)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &DiagramPage::exportTo);
    dialog->open();
}

void DiagramPage::exportTo(const QString &path)
{
    core::ErdExportOptions options;
    options.dark = m_scene->erdPalette().background == core::ErdPalette::dark().background;
    setStatus(tr("Writing %1…").arg(path));
    QPointer<DiagramPage> self(this);
    core::whenFinished(this,
        core::DiagramService::exportTo(m_scene->diagram(), m_scene->layout(), path, options),
        [self, path](const core::Status &s) {
            if (!self)
                return;
            const QString text = s ? tr("Wrote %1.").arg(path) : s.error().toString();
            self->setStatus(text.section(u'\n', 0, 1).replace(u'\n', u' '));
            Q_EMIT self->exported(s.ok(), text);
        });
}

} // namespace strata::ui
