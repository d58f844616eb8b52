#pragma once

#include "db/connectionprofile.h"
#include "jobs/archivetoc.h"
#include "jobs/restoreoptions.h"

#include <QDialog>
#include <QFuture>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QTimer;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace strata::core {
class JobsService;
}

namespace strata::ui {

// Choose an archive, tick items of its table of contents, choose the target (this database,
// another, a new one) and the options. A target that already has tables asks for its name to
// be typed; the core refuses the restore without it as well.
class RestoreDialog : public QDialog
{
    Q_OBJECT
public:
    // Without a service (not connected) it reads nothing of the server.
    RestoreDialog(core::ConnectionProfile profile, std::shared_ptr<core::JobsService> service,
        QWidget *parent = nullptr);
    ~RestoreDialog() override;

    // Reads the archive's table of contents and checks it against its manifest; inspected()
    // follows when both are done (or failed).
    void setArchive(const QString &path);
    void chooseCurrentDatabase();
    // Backups a person may mean (the one just made first): label and path; choosing one opens it.
    void setRecentArchives(const QList<std::pair<QString, QString>> &archives);
    core::RestoreOptions options() const;

    // Validates and emits the request; the dialog stays open when something is wrong.
    void accept() override;

Q_SIGNALS:
    void restoreRequested(const core::RestoreOptions &options);
    void inspected();
    // The target's name was checked against the server.
    void targetChecked();

private:
    void buildArchive(QVBoxLayout *layout);
    void buildTarget(QVBoxLayout *layout);
    void buildOptions(QVBoxLayout *layout);
    void buildGuard(QVBoxLayout *layout);
    void checkTargetName();
    void readToc();
    void setToc(const QString &path, const core::ArchiveToc &toc);
    void setCurrentTableCount(qint64 count);
    void checkArchive(const QString &path);
    void checkCurrentDatabase();
    void updateState();
    void setAllChecked(bool on);

    core::ConnectionProfile m_profile;
    std::shared_ptr<core::JobsService> m_service;
    QWidget *m_recentRow;
    QComboBox *m_recent;
    QLineEdit *m_archive;
    QTimer *m_archiveTimer;
    QString m_readPath; // the path whose table of contents is shown (or being read)
    QTimer *m_nameTimer;
    enum class NameState { Unknown, Fine, Taken, Missing };
    NameState m_nameState = NameState::Unknown;
    int m_nameGeneration = 0;
    QLabel *m_archiveInfo;
    QTreeWidget *m_toc;
    QRadioButton *m_intoCurrent;
    QRadioButton *m_intoOther;
    QRadioButton *m_intoNew;
    QLineEdit *m_otherName;
    QLineEdit *m_newName;
    QCheckBox *m_single;
    QSpinBox *m_jobs;
    QLabel *m_jobsNote;
    QCheckBox *m_clean;
    QCheckBox *m_dataOnly;
    QCheckBox *m_resetSequences;
    QLabel *m_guardLabel;
    QLineEdit *m_guard;
    QLabel *m_problem;
    QPushButton *m_start;
    bool m_tocLoaded = false;
    // The archive checked against its manifest while the dialog is read (the job then finds
    // it already verified); cancelled when the archive changes or the dialog goes.
    QFuture<std::optional<core::Status>> m_check;
    QString m_checkProblem; // the archive does not match its manifest
    bool m_hasChecksum = false; // a manifest with a SHA-256 stands beside the archive
    qint64 m_currentTables = -1;
    int m_generation = 0;
};

} // namespace strata::ui
