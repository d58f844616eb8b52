#pragma once

#include "statstab.h"

class QGridLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;

namespace strata::ui {

class LiveChart;

// Health at a glance: the headline figures, the warnings in plain words (each a link to the
// tab and row it is about) and the live charts. Reflows from three columns to one as the
// window narrows, and scrolls rather than squeezing a chart below a readable height.
class HealthTab : public StatsTab
{
    Q_OBJECT
public:
    explicit HealthTab(StatsController *controller, QWidget *parent = nullptr);

    void showSnapshot(const core::StatsSnapshot &s) override;
    void showAge(qint64 snapshotAgeMs, qint64 sampleAgeMs) override;
    // A new sample: the live figures, and a point on each chart.
    void showSample();
    void clear();

    QListWidget *warningList() const { return m_warnings; }
    LiveChart *tpsChart() const { return m_tpsChart; }

    // Item data of a warning that links somewhere.
    static constexpr int SectionRole = Qt::UserRole;
    static constexpr int KeyRole = Qt::UserRole + 1;

Q_SIGNALS:
    // A warning was clicked: show the row `key` of the snapshot section `section`.
    void linkActivated(const QString &section, const QVariant &key);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Shape { Unset, Wide, Medium, Narrow };
    struct Figure
    {
        QLabel *value;
        QLabel *age;
        bool live; // from the samples, not the table reads
    };
    QWidget *buildFigures();
    void reflow(int width);
    void fitWarnings();
    void showFigures();
    void activate(QListWidgetItem *item);

    QList<Figure> m_figures; // connections, TPS, tuples, cache tables, cache indexes, size
    QLabel *m_warningsTitle;
    QListWidget *m_warnings;
    QStringList m_warningTexts;
    QWidget *m_warningsBox;
    LiveChart *m_tpsChart;
    LiveChart *m_tupleChart;
    LiveChart *m_connChart;
    QGridLayout *m_grid;
    Shape m_shape = Shape::Unset;
    int m_generation = 0; // drops chart points of a sample from before clear()
};

} // namespace strata::ui
