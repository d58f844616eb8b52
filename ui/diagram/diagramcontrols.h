#pragma once

#include "erd/erdtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace strata::ui {

// The diagram page's controls: which named diagram, what to draw (schemas, a neighbourhood, a
// path, chosen tables), keys only, views, and the view's buttons. It only says what was asked.
class DiagramControls : public QWidget
{
    Q_OBJECT
public:
    explicit DiagramControls(QWidget *parent = nullptr);

    // Names of schemas and tables for the choosers and completion.
    void setCatalog(const core::ErdCatalog &catalog);
    // Shows a scope (without asking for it).
    void setScope(const core::ErdScope &scope);
    core::ErdScope scope() const;
    void setDiagramNames(const QStringList &names, const QString &current);
    QString currentDiagram() const; // empty: the unnamed diagram
    QStringList diagramNames() const;
    void focusNeighbourhood(); // switches to "Neighbourhood" and puts the cursor in its field
    void setFromTable(const core::ErdTableRef &table); // switches to "Path" with this start
    QLineEdit *findBox() const { return m_find; }

Q_SIGNALS:
    void scopeRequested(const core::ErdScope &scope);
    void diagramChosen(const QString &name); // empty: back to the unnamed diagram
    void saveAsRequested();
    void deleteRequested();
    void findRequested(const QString &text);
    void fitRequested();
    void zoomRequested(double factor);
    void exportRequested();

private:
    QWidget *buildScopeRow();
    QWidget *buildViewRow();
    void updateSchemaButton();
    void request();

    QComboBox *m_diagrams;
    QPushButton *m_delete;
    QComboBox *m_mode;
    QStackedWidget *m_stack;
    QToolButton *m_schemaButton;
    QMenu *m_schemaMenu;
    QLineEdit *m_centre;
    QSpinBox *m_depth;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLineEdit *m_tables;
    QCheckBox *m_keysOnly;
    QCheckBox *m_views;
    QLineEdit *m_find;
    bool m_quiet = false; // setting widgets from a scope: no requests
};

} // namespace strata::ui
