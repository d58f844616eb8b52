// The diagram page's named diagrams (subject areas) and remembered positions (DiagramStore),
// read and written in workers of the Io pool.
#include "diagrampage.h"

#include "diagramcontrols.h"
#include "diagramscene.h"
#include "util/async.h"
#include "util/whenfinished.h"

#include <QInputDialog>
#include <QPointer>

namespace strata::ui {

using core::ErdScope;

QFuture<core::SavedDiagram> DiagramPage::loadSaved(
    const QString &target, const QString &name, const ErdScope &scope)
{
    return core::asyncRun<core::SavedDiagram>(
        core::Pool::Io, [target, name, scope](QPromise<core::SavedDiagram> &p) {
            auto r = core::DiagramStore().load(target, name, scope);
            p.addResult(r ? r.value() : core::SavedDiagram { name, scope, {} });
        });
}

void DiagramPage::savePositions()
{
    if (m_target.isEmpty() || m_scene->diagram().tables.isEmpty())
        return;
    const core::SavedDiagram d { m_name, m_scope, m_scene->movedPositions() };
    const QString target = m_target;
    QPointer<DiagramPage> self(this);
    core::whenFinished(this,
        core::asyncRun<core::Status>(core::Pool::Io,
            [target, d](
                QPromise<core::Status> &p) { p.addResult(core::DiagramStore().save(target, d)); }),
        [self](const core::Status &s) {
            if (self && !s)
                self->setStatus(s.error().toString());
        });
}

void DiagramPage::listDiagrams(const QString &current)
{
    const QString target = m_target;
    QPointer<DiagramPage> self(this);
    core::whenFinished(this,
        core::asyncRun<QStringList>(core::Pool::Io,
            [target](QPromise<QStringList> &p) {
                auto r = core::DiagramStore().names(target);
                p.addResult(r ? r.value() : QStringList());
            }),
        [self, current, target](const QStringList &names) {
            if (!self || target != self->m_target)
                return;
            self->m_controls->setDiagramNames(names, current);
            Q_EMIT self->diagramsListed(names);
        });
}

void DiagramPage::chooseDiagram(const QString &name)
{
    m_name = name;
    if (name.isEmpty())
        return;
    const QString target = m_target;
    QPointer<DiagramPage> self(this);
    core::whenFinished(this, loadSaved(target, name, {}), [self](const core::SavedDiagram &d) {
        if (self && d.name == self->m_name) {
            self->m_scope = d.scope;
            self->showScope(d.scope);
            self->listDiagrams(d.name); // the list as it is now, this one chosen
        }
    });
}

void DiagramPage::saveAs()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save the diagram"));
    dialog->setLabelText(tr("A name for this diagram (its tables and where you moved them):"));
    dialog->setTextValue(m_name.isEmpty() ? m_scope.describe() : m_name);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString name = text.trimmed();
        if (name.isEmpty())
            return;
        const core::SavedDiagram d { name, m_scope, m_scene->movedPositions() };
        const QString target = m_target;
        QPointer<DiagramPage> self(this);
        core::whenFinished(this,
            core::asyncRun<core::Status>(core::Pool::Io,
                [target, d](QPromise<core::Status> &p) {
                    p.addResult(core::DiagramStore().save(target, d));
                }),
            [self, name](const core::Status &s) {
                if (!self)
                    return;
                if (!s) {
                    self->setStatus(s.error().toString());
                    return;
                }
                self->m_name = name;
                self->listDiagrams(name);
                self->setStatus(tr("Saved the diagram “%1”.").arg(name));
            });
    });
    dialog->open();
}

void DiagramPage::deleteDiagram()
{
    const QString name = m_name;
    if (name.isEmpty())
        return;
    const QString target = m_target;
    QPointer<DiagramPage> self(this);
    core::whenFinished(this,
        core::asyncRun<core::Status>(core::Pool::Io,
            [target, name](QPromise<core::Status> &p) {
                p.addResult(core::DiagramStore().remove(target, name));
            }),
        [self, name](const core::Status &) {
            if (!self)
                return;
            self->m_name.clear();
            self->listDiagrams({});
            self->setStatus(tr("Deleted the diagram “%1”.").arg(name));
        });
}

void DiagramPage::leaveNamedFor(const ErdScope &scope)
{
    // Other tables than the named diagram's, asked from the controls or another page: no longer
    // that diagram (keys only and views are the same diagram drawn another way; tables added or
    // removed from its context menu stay in it).
    ErdScope same = scope;
    same.keysOnly = m_scope.keysOnly;
    same.views = m_scope.views;
    if (!m_name.isEmpty() && !(same == m_scope)) {
        m_name.clear();
        m_controls->setDiagramNames(m_controls->diagramNames(), {});
    }
}

} // namespace strata::ui
