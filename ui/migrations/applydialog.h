#pragma once

#include "migrations/sqlmigrationrunner.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace strata::ui {

// Confirms a run of pending migration files from its dry run: what runs, in which order, against
// which database and history table, and what happens to a file that started and never finished.
// The text, the list and the Run button say the same thing at every moment: ticking "re-run
// unfinished" changes all three.
class ApplyMigrationsDialog : public QDialog
{
    Q_OBJECT
public:
    ApplyMigrationsDialog(core::RunReport plan, QString target, QWidget *parent = nullptr);

    bool rerunUnfinished() const;
    void setRerunUnfinished(bool on);
    QString planText() const;
    QString listText() const;
    QPushButton *runButton() const { return m_run; }
    // The files that would run now, in order.
    QStringList filesToRun() const;

Q_SIGNALS:
    void runRequested(bool rerunUnfinished);

private:
    void update();

    core::RunReport m_plan;
    QString m_target;
    QLabel *m_text;
    QPlainTextEdit *m_list;
    QCheckBox *m_rerun;
    QPushButton *m_run;
};

} // namespace strata::ui
