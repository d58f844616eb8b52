#pragma once

#include "db/connectionprofile.h"
#include "db/serverinfo.h"
#include "result.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace strata::ui {

// Edits a connection profile, tests it off the GUI thread, and saves it only after a test
// succeeded (or the person chose to save it anyway after a failed test).
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setProfile(const core::ConnectionProfile &profile);
    core::ConnectionProfile profile() const;
    QString enteredPassword() const;

    // Fills the fields from a connection string or URI; false (and a message) when malformed.
    bool applyConnectionString(const QString &text);
    void testConnection();

    QString statusText() const;
    bool isTesting() const { return m_testing; }

Q_SIGNALS:
    void testFinished(bool ok);

protected:
    void accept() override;

private:
    void showStatus(const QString &text, bool ok);
    void finishTest(const core::Result<core::ServerInfo> &result, bool thenSave);

    QString m_id;
    QLineEdit *m_connString;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QComboBox *m_service;
    QComboBox *m_sslMode;
    QLineEdit *m_sslCert;
    QLineEdit *m_sslKey;
    QLineEdit *m_sslRootCert;
    QLineEdit *m_extra;
    QLineEdit *m_toolsDir;
    QLineEdit *m_docker;
    QLabel *m_status;
    QPushButton *m_testButton;
    QPushButton *m_saveButton;
    QPushButton *m_saveAnyway;
    bool m_testing = false;
    int m_testGeneration = 0;
    QString m_migrationsDir;
};

} // namespace strata::ui
