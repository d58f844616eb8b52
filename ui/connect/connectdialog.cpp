#include "connectdialog.h"

#include "theme.h"

#include "db/connection.h"
#include "db/servicefile.h"
#include "util/whenfinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QUuid>
#include <QVBoxLayout>

namespace strata::ui {

ConnectDialog::ConnectDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Connection"));
    auto *layout = new QVBoxLayout(this);

    auto *pasteRow = new QHBoxLayout;
    m_connString = new QLineEdit(this);
    m_connString->setPlaceholderText(tr("Paste a connection string or postgresql:// URI"));
    auto *fill = new QPushButton(tr("Fill in"), this);
    pasteRow->addWidget(m_connString, 1);
    pasteRow->addWidget(fill);
    layout->addLayout(pasteRow);
    connect(
        fill, &QPushButton::clicked, this, [this] { applyConnectionString(m_connString->text()); });
    connect(m_connString, &QLineEdit::returnPressed, this,
        [this] { applyConnectionString(m_connString->text()); });

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("host name, IP address, or socket folder (empty: local socket)"));
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_database = new QLineEdit(this);
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: ~/.pgpass, PGPASSWORD, or ask when needed"));
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), this);
    m_remember->setChecked(true);
    m_service = new QComboBox(this);
    m_service->setEditable(true);
    m_service->addItem(QString());
    for (const auto &s : core::servicefile::list())
        m_service->addItem(s.name);
    m_service->setToolTip(tr("Services are read from %1")
                              .arg(core::servicefile::searchedFiles().join(QStringLiteral(", "))));
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Host"), m_host);
    form->addRow(tr("&Port"), m_port);
    form->addRow(tr("&Database"), m_database);
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("Pass&word"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("&Service"), m_service);
    layout->addLayout(form);

    auto *advanced = new QGroupBox(tr("Security and tools"), this);
    auto *adv = new QFormLayout(advanced);
    m_sslMode = new QComboBox(this);
    m_sslMode->addItems({ QString(), QStringLiteral("disable"), QStringLiteral("allow"),
        QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
        QStringLiteral("verify-full") });
    m_sslCert = new QLineEdit(this);
    m_sslKey = new QLineEdit(this);
    m_sslRootCert = new QLineEdit(this);
    m_extra = new QLineEdit(this);
    m_extra->setPlaceholderText(tr("further libpq options, e.g. target_session_attrs=read-write"));
    m_toolsDir = new QLineEdit(this);
    m_toolsDir->setPlaceholderText(tr("folder with pg_dump / pg_restore / psql (empty: search)"));
    m_docker = new QLineEdit(this);
    m_docker->setPlaceholderText(tr("run the tools with docker exec in this container"));
    adv->addRow(tr("SSL mode"), m_sslMode);
    adv->addRow(tr("Client certificate"), m_sslCert);
    adv->addRow(tr("Client key"), m_sslKey);
    adv->addRow(tr("Root certificate"), m_sslRootCert);
    adv->addRow(tr("Other options"), m_extra);
    adv->addRow(tr("Tools folder"), m_toolsDir);
    adv->addRow(tr("Docker container"), m_docker);
    layout->addWidget(advanced);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(40);
    // "Save anyway" sits beside the message that explains why it is offered, not with the
    // dialog's buttons (a QDialogButtonBox shows every button it holds).
    m_saveAnyway = new QPushButton(tr("Save &anyway"), this);
    m_saveAnyway->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_saveAnyway, 0, Qt::AlignTop);
    layout->addLayout(statusRow);

    auto *buttons = new QDialogButtonBox(this);
    m_testButton = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_saveAnyway, &QPushButton::clicked, this, [this] { QDialog::accept(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    resize(620, sizeHint().height());
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setProfile(const core::ConnectionProfile &p)
{
    m_id = p.id;
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_remember->setChecked(p.rememberPassword);
    m_service->setCurrentText(p.service);
    m_sslMode->setCurrentText(p.sslMode);
    m_sslCert->setText(p.sslCert);
    m_sslKey->setText(p.sslKey);
    m_sslRootCert->setText(p.sslRootCert);
    m_extra->setText(p.extraOptions);
    m_toolsDir->setText(p.toolsDir);
    m_docker->setText(p.dockerContainer);
    m_migrationsDir = p.migrationsDir;
}

core::ConnectionProfile ConnectDialog::profile() const
{
    core::ConnectionProfile p;
    p.id = m_id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m_id;
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.rememberPassword = m_remember->isChecked();
    p.service = m_service->currentText().trimmed();
    p.sslMode = m_sslMode->currentText();
    p.sslCert = m_sslCert->text().trimmed();
    p.sslKey = m_sslKey->text().trimmed();
    p.sslRootCert = m_sslRootCert->text().trimmed();
    p.extraOptions = m_extra->text().trimmed();
    p.toolsDir = m_toolsDir->text().trimmed();
    p.dockerContainer = m_docker->text().trimmed();
    p.migrationsDir = m_migrationsDir;
    p.name = m_name->text().trimmed().isEmpty() ? p.displayTarget() : m_name->text().trimmed();
    return p;
}

QString ConnectDialog::enteredPassword() const
{
    return m_password->text();
}

QString ConnectDialog::statusText() const
{
    return m_status->text();
}

bool ConnectDialog::applyConnectionString(const QString &text)
{
    QString password;
    auto parsed = core::ConnectionProfile::fromConnInfo(text, &password);
    if (!parsed) {
        showStatus(parsed.error().message + u'\n' + parsed.error().hint, false);
        return false;
    }
    core::ConnectionProfile p = parsed.value();
    p.id = m_id;
    p.toolsDir = m_toolsDir->text();
    p.dockerContainer = m_docker->text();
    p.migrationsDir = m_migrationsDir; // not part of a connection string
    if (!m_name->text().isEmpty())
        p.name = m_name->text();
    setProfile(p);
    if (!password.isEmpty())
        m_password->setText(password);
    m_connString->clear(); // the text may hold a password: do not keep it on screen
    showStatus(tr("Filled in from the connection string."), true);
    return true;
}

void ConnectDialog::showStatus(const QString &text, bool ok)
{
    m_status->setText(text);
    m_status->setStyleSheet(theme::textStyle(ok ? theme::Tone::Ok : theme::Tone::Error));
}

void ConnectDialog::testConnection()
{
    const core::ConnectionProfile p = profile();
    // Options typed by hand are checked by libpq's parser before anything connects.
    if (auto check = core::conninfo::parse(p.toConnInfo()); !check) {
        showStatus(check.error().message + u'\n' + check.error().hint, false);
        Q_EMIT testFinished(false);
        return;
    }
    if (!p.extraOptions.isEmpty()) {
        if (auto extra = core::conninfo::parse(p.extraOptions); !extra) {
            showStatus(tr("Other options: %1").arg(extra.error().message), false);
            Q_EMIT testFinished(false);
            return;
        }
    }
    m_testing = true;
    const int generation = ++m_testGeneration;
    m_testButton->setEnabled(false);
    showStatus(tr("Connecting to %1…").arg(p.displayTarget()), true);
    QPointer<ConnectDialog> self(this);
    core::whenFinished(this, core::Connection::test(p, enteredPassword()),
        [self, generation](core::Result<core::ServerInfo> r) {
            if (!self || generation != self->m_testGeneration)
                return;
            self->finishTest(r, false);
        });
}

void ConnectDialog::finishTest(const core::Result<core::ServerInfo> &r, bool)
{
    m_testButton->setEnabled(true);
    m_testing = false;
    if (r) {
        QString text = tr("Connected: %1 as %2 to %3.")
                           .arg(r->versionString.section(u',', 0, 0), r->user, r->database);
        if (!r->warning.isEmpty())
            text += u'\n' + r->warning;
        showStatus(text, true);
        m_saveAnyway->hide();
    } else {
        showStatus(
            r.error().message + (r.error().hint.isEmpty() ? QString() : u'\n' + r.error().hint),
            false);
        m_saveAnyway->show();
    }
    Q_EMIT testFinished(r.ok());
}

void ConnectDialog::accept()
{
    // Save only what works; after a failed test the person may still choose "Save anyway".
    QPointer<ConnectDialog> self(this);
    auto c = std::make_shared<QMetaObject::Connection>();
    *c = connect(this, &ConnectDialog::testFinished, this, [self, c](bool ok) {
        QObject::disconnect(*c);
        if (self && ok)
            self->QDialog::accept();
    });
    testConnection();
}

} // namespace strata::ui
