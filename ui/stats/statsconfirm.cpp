#include "statsconfirm.h"

#include "statscontroller.h"
#include "statstableview.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace strata::ui::statsconfirm {

void ask(QWidget *parent, const QString &title, const QString &text, std::function<void()> onYes)
{
    // open(), not exec(): the event loop keeps running while the question is up.
    auto *box = new QMessageBox(
        QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, parent, [onYes = std::move(onYes)](int result) {
        if (result == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

void signalBackend(QWidget *parent, StatsController *controller, int pid, bool terminate)
{
    if (pid <= 0)
        return;
    QString who;
    for (const core::ActivityRow &a : controller->snapshot().activity.rows)
        if (a.pid == pid)
            who = QObject::tr("\n\n%1@%2, %3: %4")
                      .arg(a.user, a.database, a.state, a.query.left(200));
    const QString text = terminate
        ? QObject::tr("End session %1? Its open transaction is rolled back and the client is "
                      "disconnected.%2")
              .arg(QString::number(pid), who)
        : QObject::tr("Cancel the statement session %1 is running? The session stays connected.%2")
              .arg(QString::number(pid), who);
    QPointer<StatsController> c(controller);
    ask(parent, terminate ? QObject::tr("Terminate session") : QObject::tr("Cancel query"), text,
        [c, pid, terminate] {
            if (c)
                c->signalBackend(pid, terminate);
        });
}

void maintenance(QWidget *parent, StatsController *controller, core::statsactions::Maintenance what,
    const QString &schema, const QString &name)
{
    const QString statement = StatsController::statementFor(what, schema, name);
    QString text = QObject::tr("Run this statement now?\n\n%1").arg(statement);
    if (what == core::statsactions::Maintenance::Refresh)
        text += QObject::tr(
            "\n\nWithout CONCURRENTLY the view is locked against reads until it finishes "
            "(CONCURRENTLY needs a unique index and data already in the view).");
    QPointer<StatsController> c(controller);
    ask(parent, QObject::tr("Maintenance"), text, [c, what, schema, name] {
        if (c)
            c->startMaintenance(what, schema, name);
    });
}

void enableWithSelection(QWidget *button, StatsTableView *view)
{
    button->setEnabled(view->selectedKey().isValid());
    QObject::connect(view, &StatsTableView::selectionChanged, button,
        [button, view] { button->setEnabled(view->selectedKey().isValid()); });
}

void addBackendButtons(StatsTableView *view, StatsController *controller)
{
    auto *cancel = new QPushButton(QObject::tr("Cancel query…"));
    cancel->setToolTip(QObject::tr("Cancel the statement the selected session is running"));
    auto *terminate = new QPushButton(QObject::tr("Terminate session…"));
    terminate->setToolTip(QObject::tr("End the selected session and roll back its transaction"));
    view->addTool(cancel);
    view->addTool(terminate);
    enableWithSelection(cancel, view);
    enableWithSelection(terminate, view);
    auto signal = [view, controller](bool end) {
        signalBackend(view, controller, view->selectedKey().toInt(), end);
    };
    QObject::connect(cancel, &QPushButton::clicked, view, [signal] { signal(false); });
    QObject::connect(terminate, &QPushButton::clicked, view, [signal] { signal(true); });
}

} // namespace strata::ui::statsconfirm
