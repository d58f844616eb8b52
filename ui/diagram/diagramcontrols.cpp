#include "diagramcontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata::ui {

using Kind = core::ErdScope::Kind;

namespace {

enum Mode { SchemasMode, NeighbourhoodMode, PathMode, TablesMode };

QStringList refsText(const QList<core::ErdTableRef> &refs)
{
    QStringList out;
    for (const auto &r : refs)
        out << r.display();
    return out;
}

} // namespace

DiagramControls::DiagramControls(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildScopeRow());
    layout->addWidget(buildViewRow());
}

QWidget *DiagramControls::buildScopeRow()
{
    // Two lines, so that the window still fits half a laptop screen: which diagram, then what
    // it shows.
    auto *row = new QWidget(this);
    auto *v = new QVBoxLayout(row);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(4);
    auto *h = new QHBoxLayout;
    v->addLayout(h);
    h->addWidget(new QLabel(tr("Diagram:"), row));
    m_diagrams = new QComboBox(row);
    m_diagrams->setMinimumContentsLength(14);
    m_diagrams->setToolTip(tr("Named diagrams (subject areas) keep their own choice of tables "
                              "and where you moved them"));
    h->addWidget(m_diagrams);
    auto *saveAs = new QPushButton(tr("Save as…"), row);
    m_delete = new QPushButton(tr("Delete"), row);
    h->addWidget(saveAs);
    h->addWidget(m_delete);
    h->addStretch(1);
    h = new QHBoxLayout;
    v->addLayout(h);
    h->addWidget(new QLabel(tr("Show:"), row));
    m_mode = new QComboBox(row);
    m_mode->addItems({ tr("Schemas"), tr("Neighbourhood"), tr("Path"), tr("Chosen tables") });
    h->addWidget(m_mode);

    m_stack = new QStackedWidget(row);
    auto *schemas = new QWidget(m_stack);
    auto *sh = new QHBoxLayout(schemas);
    sh->setContentsMargins(0, 0, 0, 0);
    m_schemaButton = new QToolButton(schemas);
    m_schemaButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_schemaButton->setToolTip(tr("The schemas to draw (none chosen: every schema)"));
    m_schemaMenu = new QMenu(m_schemaButton);
    sh->addWidget(m_schemaButton);
    sh->addStretch(1);
    m_stack->addWidget(schemas);

    auto *near = new QWidget(m_stack);
    auto *nh = new QHBoxLayout(near);
    nh->setContentsMargins(0, 0, 0, 0);
    m_centre = new QLineEdit(near);
    m_centre->setPlaceholderText(tr("schema.table"));
    m_depth = new QSpinBox(near);
    m_depth->setRange(0, 6);
    m_depth->setValue(1);
    m_depth->setPrefix(tr("depth "));
    nh->addWidget(m_centre, 1);
    nh->addWidget(m_depth);
    m_stack->addWidget(near);

    auto *path = new QWidget(m_stack);
    auto *ph = new QHBoxLayout(path);
    ph->setContentsMargins(0, 0, 0, 0);
    m_from = new QLineEdit(path);
    m_from->setPlaceholderText(tr("from schema.table"));
    m_to = new QLineEdit(path);
    m_to->setPlaceholderText(tr("to schema.table"));
    ph->addWidget(m_from, 1);
    ph->addWidget(new QLabel(QStringLiteral("→"), path));
    ph->addWidget(m_to, 1);
    m_stack->addWidget(path);

    m_tables = new QLineEdit(m_stack);
    m_tables->setPlaceholderText(tr("schema.table, schema.table, …"));
    m_stack->addWidget(m_tables);
    h->addWidget(m_stack, 1);

    auto *draw = new QPushButton(tr("Draw"), row);
    draw->setDefault(true);
    h->addWidget(draw);

    connect(m_diagrams, &QComboBox::activated, this, [this](int i) {
        m_delete->setEnabled(i > 0);
        Q_EMIT diagramChosen(i > 0 ? m_diagrams->itemText(i) : QString());
    });
    connect(saveAs, &QPushButton::clicked, this, &DiagramControls::saveAsRequested);
    connect(m_delete, &QPushButton::clicked, this, &DiagramControls::deleteRequested);
    connect(m_mode, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // A menu opened with popup(), not through QToolButton's own exec(): no nested event loop.
    connect(m_schemaButton, &QToolButton::clicked, this, [this] {
        m_schemaMenu->popup(m_schemaButton->mapToGlobal(QPoint(0, m_schemaButton->height())));
    });
    connect(draw, &QPushButton::clicked, this, &DiagramControls::request);
    for (QLineEdit *e : { m_centre, m_from, m_to, m_tables })
        connect(e, &QLineEdit::returnPressed, this, &DiagramControls::request);
    setDiagramNames({}, {});
    return row;
}

QWidget *DiagramControls::buildViewRow()
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_keysOnly = new QCheckBox(tr("Keys only"), row);
    m_keysOnly->setToolTip(tr("List only primary-key, foreign-key and referenced columns"));
    m_views = new QCheckBox(tr("Views"), row);
    m_views->setChecked(true);
    m_views->setToolTip(tr("Draw views, with dashed lines to what they read"));
    h->addWidget(m_keysOnly);
    h->addWidget(m_views);
    h->addSpacing(12);
    m_find = new QLineEdit(row);
    m_find->setPlaceholderText(tr("Find a table in the diagram…"));
    m_find->setClearButtonEnabled(true);
    m_find->setMinimumWidth(240);
    m_find->setMaximumWidth(320);
    h->addWidget(m_find);
    h->addStretch(1);
    auto button = [row, h](const QString &text, const QString &tip) {
        auto *b = new QToolButton(row);
        b->setText(text);
        b->setToolTip(tip);
        h->addWidget(b);
        return b;
    };
    connect(button(QStringLiteral("−"), tr("Zoom out")), &QToolButton::clicked, this,
        [this] { Q_EMIT zoomRequested(1 / 1.25); });
    connect(button(QStringLiteral("+"), tr("Zoom in")), &QToolButton::clicked, this,
        [this] { Q_EMIT zoomRequested(1.25); });
    connect(button(tr("Fit"), tr("Show the whole diagram")), &QToolButton::clicked, this,
        &DiagramControls::fitRequested);
    connect(button(tr("Export…"), tr("Save as SVG, PNG, PDF or Graphviz DOT")),
        &QToolButton::clicked, this, &DiagramControls::exportRequested);
    connect(m_keysOnly, &QCheckBox::toggled, this, &DiagramControls::request);
    connect(m_views, &QCheckBox::toggled, this, &DiagramControls::request);
    connect(m_find, &QLineEdit::returnPressed, this,
        [this] { Q_EMIT findRequested(m_find->text().trimmed()); });
    return row;
}

void DiagramControls::setCatalog(const core::ErdCatalog &catalog)
{
    const QStringList chosen = scope().schemas;
    m_schemaMenu->clear();
    for (const QString &s : catalog.schemas()) {
        QAction *a = m_schemaMenu->addAction(s);
        a->setCheckable(true);
        a->setChecked(chosen.contains(s));
        connect(a, &QAction::toggled, this, [this] {
            updateSchemaButton();
            request();
        });
    }
    QStringList names;
    for (const core::ErdTable &t : catalog.tables)
        names << t.ref().display();
    for (QLineEdit *e : { m_centre, m_from, m_to }) {
        auto *c = new QCompleter(names, e);
        c->setCaseSensitivity(Qt::CaseInsensitive);
        c->setFilterMode(Qt::MatchContains);
        delete e->completer();
        e->setCompleter(c);
    }
    updateSchemaButton();
}

void DiagramControls::updateSchemaButton()
{
    QStringList chosen;
    for (QAction *a : m_schemaMenu->actions())
        if (a->isChecked())
            chosen << a->text();
    m_schemaButton->setText(
        (chosen.isEmpty() ? tr("every schema") : chosen.join(QStringLiteral(", "))) + " ▾");
}

void DiagramControls::setScope(const core::ErdScope &s)
{
    m_quiet = true;
    m_mode->setCurrentIndex(s.kind == Kind::Schemas ? SchemasMode
            : s.kind == Kind::Neighbourhood         ? NeighbourhoodMode
            : s.kind == Kind::Path                  ? PathMode
                                                    : TablesMode);
    for (QAction *a : m_schemaMenu->actions())
        a->setChecked(s.schemas.contains(a->text()));
    updateSchemaButton();
    if (s.kind == Kind::Neighbourhood) {
        m_centre->setText(refsText(s.tables).join(QStringLiteral(", ")));
        m_depth->setValue(s.depth);
    }
    if (s.kind == Kind::Tables)
        m_tables->setText(refsText(s.tables).join(QStringLiteral(", ")));
    if (s.kind == Kind::Path) {
        m_from->setText(s.from.display());
        m_to->setText(s.to.display());
    }
    m_keysOnly->setChecked(s.keysOnly);
    m_views->setChecked(s.views);
    m_quiet = false;
}

core::ErdScope DiagramControls::scope() const
{
    core::ErdScope s;
    auto refs = [](const QString &text) {
        QList<core::ErdTableRef> out;
        for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                out << core::ErdTableRef::parse(part);
        return out;
    };
    switch (m_mode->currentIndex()) {
    case SchemasMode:
        s.kind = Kind::Schemas;
        for (QAction *a : m_schemaMenu->actions())
            if (a->isChecked())
                s.schemas << a->text();
        break;
    case NeighbourhoodMode:
        s.kind = Kind::Neighbourhood;
        s.tables = refs(m_centre->text());
        s.depth = m_depth->value();
        break;
    case PathMode:
        s.kind = Kind::Path;
        s.from = core::ErdTableRef::parse(m_from->text());
        s.to = core::ErdTableRef::parse(m_to->text());
        break;
    default:
        s.kind = Kind::Tables;
        s.tables = refs(m_tables->text());
        break;
    }
    s.keysOnly = m_keysOnly->isChecked();
    s.views = m_views->isChecked();
    return s;
}

void DiagramControls::request()
{
    if (!m_quiet)
        Q_EMIT scopeRequested(scope());
}

void DiagramControls::setDiagramNames(const QStringList &names, const QString &current)
{
    m_diagrams->clear();
    m_diagrams->addItem(tr("(unsaved)"));
    m_diagrams->addItems(names);
    const int at = current.isEmpty() ? 0 : m_diagrams->findText(current);
    m_diagrams->setCurrentIndex(std::max(0, at));
    m_delete->setEnabled(at > 0);
}

QStringList DiagramControls::diagramNames() const
{
    QStringList out;
    for (int i = 1; i < m_diagrams->count(); ++i)
        out << m_diagrams->itemText(i);
    return out;
}

QString DiagramControls::currentDiagram() const
{
    return m_diagrams->currentIndex() > 0 ? m_diagrams->currentText() : QString();
}

void DiagramControls::focusNeighbourhood()
{
    m_mode->setCurrentIndex(NeighbourhoodMode);
    m_centre->setFocus();
    m_centre->selectAll();
}

void DiagramControls::setFromTable(const core::ErdTableRef &table)
{
    m_mode->setCurrentIndex(PathMode);
    m_from->setText(table.display());
    m_to->setFocus();
}

} // namespace strata::ui
