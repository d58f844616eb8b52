#pragma once

#include "stats/statssnapshot.h"
#include "statstableview.h"

#include <QWidget>

namespace strata::ui {

class StatsController;

// One tab of the statistics page. It shows what the controller read (the page hands it the
// snapshot when it is on screen, so a refresh costs only what is shown) and asks the controller
// for the actions it offers, after its own confirmation. Each table says how old its rows are.
class StatsTab : public QWidget
{
    Q_OBJECT
public:
    explicit StatsTab(StatsController *controller, QWidget *parent = nullptr);

    virtual void showSnapshot(const core::StatsSnapshot &s) = 0;
    // "read 12 s ago" on every table; -1: not read yet.
    virtual void showAge(qint64 snapshotAgeMs, qint64 sampleAgeMs);
    // The snapshot sections whose rows this tab shows ("vacuum", "xid_tables", ...).
    virtual QStringList sections() const { return {}; }
    // Selects the row a health warning is about; false when it is not there.
    virtual bool selectRow(const QString &section, const QVariant &key);

    // A newer snapshot than the one shown has arrived.
    void markStale() { m_stale = true; }
    bool isStale() const { return m_stale; }
    void showIfStale(const core::StatsSnapshot &s);

    static QString readAgo(qint64 ms);
    static QString sampledAgo(qint64 ms);

protected:
    StatsController *controller() const { return m_controller; }
    // A table of this tab, for its age and for selectRow: registered under a section name.
    StatsTableView *addView(const QString &section, StatsTableView *view);
    StatsTableView *view(const QString &section) const;

    template <typename T>
    static void showSection(StatsTableView *view, const core::StatsSection<T> &s)
    {
        if (s.error.isError())
            view->setNote(s.error.toString(), true);
        else
            view->setNote(s.note);
    }

private:
    StatsController *m_controller;
    QList<QPair<QString, StatsTableView *>> m_views;
    bool m_stale = true;
};

} // namespace strata::ui
