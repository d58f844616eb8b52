#pragma once

#include "erd/diagramstore.h"
#include "erd/erdtypes.h"
#include "workspacepage.h"

#include <QFuture>

#include <memory>

class QLabel;
class QPushButton;
class QTimer;

namespace strata::core {
class DiagramService;
}

namespace strata::ui {

class DiagramControls;
class DiagramScene;
class DiagramView;

// Entity-relationship diagrams of the connected database: schemas, a table's neighbourhood,
// the shortest foreign-key paths between two tables, or chosen tables, laid out by Graphviz in a
// worker. The view is there at once and fills in when the layout lands; zoom, pan and fit never
// lay out again. Named diagrams and moved tables are remembered per database (DiagramStore).
//
// For the screenshots and tests: showScope()/showSchemas()/showNeighbourhood() ask for a
// diagram, layoutLanded() says when every table is placed and every edge drawn.
class DiagramPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit DiagramPage(AppContext *context, QWidget *parent = nullptr);
    ~DiagramPage() override;
    static QString pageId() { return QStringLiteral("diagram"); }
    static QString pageTitle() { return tr("Diagram"); }
    QString id() const override { return pageId(); }
    QString title() const override { return pageTitle(); }

    void showScope(const core::ErdScope &scope);
    void showSchemas(const QStringList &schemas);
    void showNeighbourhood(const core::ErdTableRef &table, int depth = 1);
    // Draws the last diagram asked for even when it is larger than the limit.
    void showAll();
    // Above how many tables a diagram asks first (DiagramService::kAskAbove; 0: never).
    void setAskAbove(int tables) { m_askAbove = tables; }
    // Light or dark colours; by default the window's palette decides.
    void setDarkPalette(bool dark);
    // Finds a table in the diagram (by name, any case), highlights and centres it.
    bool findTable(const QString &text);
    // Writes the diagram as it is shown (moved tables included) to a file; exported() follows.
    void exportTo(const QString &path);

    // Draws the demo's AIS schema (or what is shown), then says it is ready.

    DiagramView *view() const { return m_view; }
    DiagramScene *diagramScene() const { return m_scene; }
    DiagramControls *controls() const { return m_controls; }
    QString statusText() const;
    QString messageText() const; // the panel over the view ("too many tables", errors)
    bool isBusy() const { return m_busy; }
    // The last diagram drawn (or refused), with the times of its read and layout.
    const core::ErdResult &lastResult() const { return m_last; }
    // Milliseconds from the last request to its result on the GUI thread, and to a full scene.
    qint64 landedMs() const { return m_landedMs; }
    qint64 filledMs() const { return m_filledMs; }

Q_SIGNALS:
    void catalogLoaded(int tables); // the names for the choosers and completion are in
    void layoutLanded(int tables); // the scene holds every table and edge
    void requestEnded(const QString &message); // a request that drew nothing: why
    void exported(bool ok, const QString &message);
    void diagramsListed(const QStringList &names);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onConnectionChanged();
    void loadCatalog();
    void startDefault();
    void request(const core::ErdScope &scope, int limit);
    void leaveNamedFor(const core::ErdScope &scope);
    void land(const core::ErdScope &scope, const core::ErdResult &result,
        const core::SavedDiagram &saved);
    void onFilled();
    void showMessage(const QString &text, bool offerNeighbourhood, int drawAll = 0);
    void hideMessage();
    void setStatus(const QString &text);
    static QFuture<core::SavedDiagram> loadSaved(
        const QString &target, const QString &name, const core::ErdScope &scope);
    void savePositions();
    void listDiagrams(const QString &current);
    void chooseDiagram(const QString &name);
    void saveAs();
    void deleteDiagram();
    void showTableMenu(int table, const QPoint &screenPos);
    void askExport();
    void followPalette();

    std::shared_ptr<core::DiagramService> m_service;
    DiagramControls *m_controls;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QWidget *m_panel;
    QLabel *m_panelText;
    QPushButton *m_panelNear;
    QPushButton *m_panelAll;
    QLabel *m_status;
    QTimer *m_saveTimer;

    core::ErdCatalog m_catalog;
    bool m_catalogLoaded = false;
    bool m_catalogLoading = false;
    bool m_started = false; // something was asked for (or the default shown)
    core::ErdScope m_scope; // what is drawn (or being drawn)
    core::ErdResult m_last;
    QString m_name; // the named diagram shown; empty: unnamed
    QString m_target; // DiagramStore::targetOf the connection
    QFuture<core::Result<core::ErdResult>> m_pending;
    int m_generation = 0; // bumps on every request; late results for an older one drop
    int m_connectionGeneration = 0; // bumps on every connection change (the catalog's)
    bool m_busy = false;
    bool m_paletteChosen = false;
    qint64 m_requestStarted = 0;
    qint64 m_landedMs = 0;
    qint64 m_filledMs = 0;
    int m_askAbove;
};

} // namespace strata::ui
