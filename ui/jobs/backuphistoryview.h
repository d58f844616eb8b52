#pragma once

#include "jobs/backuphistory.h"

#include <QHash>
#include <QMap>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace strata::core {
class BackupHistoryService;
class Job;
} // namespace strata::core

namespace strata::models {
class BackupHistoryModel;
}

namespace strata::ui {

class AppContext;

// The backup history in the Backup & restore page: every backup, failed and cancelled run,
// grouped by server and database, newest first, with its state, and what can be done with it:
// verify (the SHA-256 again), a restore test, restore (the restore dialog on it), show in the
// folder, forget (the entry), delete (the file and the entry, asked first). The selected entry's
// details show its row counts at backup time, its last restore test and, for a failed run, its
// log. Everything is read off the GUI thread.
class BackupHistoryView : public QWidget
{
    Q_OBJECT
public:
    enum class Action {
        Refresh,
        AddFolder,
        Verify,
        RestoreTest,
        Restore,
        ShowInFolder,
        Forget,
        Delete
    };

    explicit BackupHistoryView(AppContext *context, QWidget *parent = nullptr);
    ~BackupHistoryView() override;

    // The catalog shown (the default one unless a test or the screenshot runner says otherwise).
    void setService(std::shared_ptr<core::BackupHistoryService> service);
    std::shared_ptr<core::BackupHistoryService> service() const { return m_service; }

    void reload();
    models::BackupHistoryModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QPushButton *button(Action a) const { return m_buttons.value(a); }
    // Selects an entry (expanding its group); false when the history has no such entry.
    bool select(qint64 id);
    // The newest backup that still has its file (what a person just made).
    bool selectNewestBackup();
    std::optional<core::BackupEntry> selected() const;
    QString detailsText() const;

    void verifySelected();
    void restoreTestSelected();
    void restoreSelected();
    void showSelectedInFolder();
    void forgetSelected();
    // Asks first; the file and the entry go only on Yes.
    void deleteSelected();
    void addFolder(const QString &folder);

Q_SIGNALS:
    void reloaded();
    void detailsShown(qint64 id);
    // A job to run in the jobs panel (a restore test).
    void jobRequested(const std::shared_ptr<core::Job> &job);
    void restoreRequested(const QString &archivePath);
    // An action finished (verify, forget, delete, add): the message says how.
    void actionDone(const QString &message);

private:
    QPushButton *addButton(Action a, const QString &text);
    void updateButtons();
    void showDetails();
    void showDetailsOf(const core::BackupEntry &e, const QList<core::TableRowCount> &counts);
    void startRestoreTest(const core::BackupEntry &e, int savedIndex);
    void done(const QString &message, bool error);

    AppContext *m_context;
    std::shared_ptr<core::BackupHistoryService> m_service;
    models::BackupHistoryModel *m_model;
    QTreeView *m_tree;
    QTextBrowser *m_details;
    QLabel *m_status;
    QMap<Action, QPushButton *> m_buttons;
    qint64 m_selectAfterReload = 0;
    int m_generation = 0;
    int m_detailsGeneration = 0;
};

} // namespace strata::ui
