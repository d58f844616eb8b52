#include "screenshotrunner.h"

#include "appcontext.h"
#include "connect/connectdialog.h"
#include "connect/connectioncontroller.h"
#include "connect/passworddialog.h"
#include "mainwindow.h"
#include "workspacepage.h"

#include <QDir>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace strata::ui {

namespace {
constexpr int kPageTimeoutMs = 90000;
constexpr int kSettleMs = 400; // let layouts and charts settle before grabbing
} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow *window, QString dir, QObject *parent)
    : QObject(parent), m_window(window), m_dir(std::move(dir))
{
}

void ScreenshotRunner::start(bool waitForConnection)
{
    QDir().mkpath(m_dir);
    if (!waitForConnection) {
        QTimer::singleShot(kSettleMs, this, &ScreenshotRunner::shootNextPage);
        return;
    }
    connect(m_window, &MainWindow::connectionReady, this, &ScreenshotRunner::shootNextPage,
        Qt::SingleShotConnection);
    connect(
        m_window, &MainWindow::connectionFailed, this,
        [this] {
            std::fprintf(
                stderr, "strata: could not connect: %s\n", qPrintable(m_window->bannerText()));
            m_exitCode = 1;
            m_pageIndex = int(m_window->pages().size()); // only the window with its error
            save(m_window, QStringLiteral("main-error"));
            shootDialogs();
        },
        Qt::SingleShotConnection);
}

bool ScreenshotRunner::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "strata: could not write %s\n", qPrintable(path));
        m_exitCode = 1;
        return false;
    }
    m_written << path;
    std::printf("%s\n", qPrintable(path));
    std::fflush(stdout);
    return true;
}

void ScreenshotRunner::shootNextPage()
{
    const auto pages = m_window->pages();
    if (m_pageIndex >= pages.size()) {
        shootDialogs();
        return;
    }
    WorkspacePage *page = pages.at(m_pageIndex);
    m_window->tabs()->setCurrentWidget(page);
    const int generation = ++m_generation;
    auto shoot = [this, page, generation](bool timedOut) {
        if (generation != m_generation)
            return;
        ++m_generation;
        if (timedOut)
            std::fprintf(stderr, "strata: the %s page was not ready within %d s; shot as it is\n",
                qPrintable(page->id()), kPageTimeoutMs / 1000);
        QTimer::singleShot(kSettleMs, this, [this, page] {
            save(m_window, QStringLiteral("main-%1").arg(page->id()));
            ++m_pageIndex;
            shootNextPage();
        });
    };
    connect(
        page, &WorkspacePage::screenshotReady, this, [shoot] { shoot(false); },
        Qt::SingleShotConnection);
    QTimer::singleShot(kPageTimeoutMs, this, [shoot] { shoot(true); });
    page->prepareScreenshot();
}

void ScreenshotRunner::shootDialogs()
{
    ConnectDialog *connect = m_window->createConnectDialog(nullptr);
    connect->setAttribute(Qt::WA_DeleteOnClose, false);
    connect->setParent(nullptr);
    core::ConnectionProfile example;
    example.name = QStringLiteral("Production (read replica)");
    example.host = QStringLiteral("db-replica.internal.example");
    example.port = 5432;
    example.database = QStringLiteral("app");
    example.user = QStringLiteral("dba");
    example.sslMode = QStringLiteral("verify-full");
    example.sslRootCert = QStringLiteral("~/.postgresql/root.crt");
    example.toolsDir = QStringLiteral("/usr/lib/postgresql/15/bin");
    connect->setProfile(example);
    m_dialogs.append({ QStringLiteral("connect"), connect });

    auto *password = new PasswordDialog;
    password->setMessage(
        tr("The server rejected the password for dba@db-replica.internal.example:5432/app.\n"
           "Enter the password for dba@db-replica.internal.example:5432/app again."));
    password->setRememberOffered(true, true);
    m_dialogs.append({ QStringLiteral("password"), password });

    for (WorkspacePage *page : m_window->pages())
        for (const auto &[name, dialog] : page->screenshotDialogs())
            m_dialogs.append({ page->id() + u'-' + name, dialog });
    shootNextDialog();
}

void ScreenshotRunner::shootNextDialog()
{
    if (m_dialogs.isEmpty()) {
        Q_EMIT finished(m_exitCode);
        return;
    }
    auto [name, dialog] = m_dialogs.takeFirst();
    if (!dialog) {
        shootNextDialog();
        return;
    }
    dialog->show();
    QTimer::singleShot(kSettleMs, this, [this, name, dialog] {
        if (dialog) {
            save(dialog, QStringLiteral("dialog-%1").arg(name));
            dialog->hide();
            dialog->deleteLater();
        }
        shootNextDialog();
    });
}

} // namespace strata::ui
