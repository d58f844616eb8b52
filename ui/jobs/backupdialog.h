#pragma once

#include "db/connectionprofile.h"
#include "jobs/backupoptions.h"
#include "jobs/backupplanner.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace strata::core {
class JobsService;
}

namespace strata::ui {

// Backup options, the foreign-key closure of the chosen tables shown before anything runs, the
// pg_dump found for the server, and the exact command (no password) with a Copy button. Reads
// run off the GUI thread; the dialog only shows results that are still current.
class BackupDialog : public QDialog
{
    Q_OBJECT
public:
    // Without a service (not connected) it resolves no tables and finds no pg_dump.
    BackupDialog(core::ConnectionProfile profile, std::shared_ptr<core::JobsService> service,
        QWidget *parent = nullptr);

    void setTables(const QStringList &qualifiedTables);
    void setIncludeReferenced(bool on);
    void setSchemas(const QStringList &schemas);
    void setOutputPath(const QString &path);
    // The folder the backup goes to (the file name stays).
    void setFolder(const QString &folder);
    core::BackupOptions options() const;
    QString commandText() const;

    // Validates and emits the request; the dialog stays open when something is wrong.
    void accept() override;

Q_SIGNALS:
    void backupRequested(const core::BackupOptions &options);
    // The chosen tables were read (with what they reference) and pg_dump was looked for.
    void planShown();
    void toolShown();

private:
    void buildWhere(QFormLayout *form);
    void buildWhat(QFormLayout *form);
    void buildCommand(QVBoxLayout *layout);
    void wire();
    QString defaultFileName() const;
    void showResolved(const QList<core::TableRef> &closure);
    void optionsChanged();
    void resolveTables();
    void locateTool();
    void updateCommand();
    void browse();

    core::ConnectionProfile m_profile;
    std::shared_ptr<core::JobsService> m_service;
    QLineEdit *m_output;
    QComboBox *m_format;
    QSpinBox *m_jobs;
    QLineEdit *m_schemas;
    QPlainTextEdit *m_tables;
    QCheckBox *m_withDeps;
    QLabel *m_closureNote;
    QRadioButton *m_everything;
    QRadioButton *m_dataOnly;
    QRadioButton *m_schemaOnly;
    QCheckBox *m_inserts;
    QCheckBox *m_onConflict;
    QSpinBox *m_compress;
    QLineEdit *m_excludeData;
    QLabel *m_tool;
    QPlainTextEdit *m_command;
    QLabel *m_problem;
    QPushButton *m_start;
    QPushButton *m_browse;
    QPushButton *m_copy;
    QTimer *m_resolveTimer;
    QList<core::TableRef> m_closure; // the chosen tables and all they reference
    QList<core::TableRef> m_resolved; // what the backup takes: m_closure or the chosen only
    bool m_resolvedOk = true;
    QString m_toolPath = QStringLiteral("pg_dump");
    int m_generation = 0;
};

} // namespace strata::ui
