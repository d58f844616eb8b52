// strata: the composition root. Builds the services, shows the main window, nothing else.
#include "appcontext.h"
#include "connect/demolauncher.h"
#include "db/connectionprofile.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "mainwindow.h"
#include "screenshotrunner.h"
#include "startuptrace.h"
#include "theme.h"
#include "translations.h"
#include "workspacetabs.h"

#include "util/async.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <optional>

#include <fcntl.h>
#include <unistd.h>

using namespace strata;

namespace {

struct Options
{
    QCommandLineOption demo { QStringLiteral("demo"),
        QStringLiteral("Start the private demo cluster (created on first use) "
                       "and connect to it.") };
    QCommandLineOption connectTo { QStringLiteral("connect"),
        QStringLiteral("Connect to CONNINFO (a libpq connection string or "
                       "postgresql:// URI)."),
        QStringLiteral("CONNINFO") };
    QCommandLineOption size { QStringLiteral("size"),
        QStringLiteral("The window's size, as WIDTHxHEIGHT (for screenshots of small windows)."),
        QStringLiteral("WxH") };
    QCommandLineOption screenshot { QStringLiteral("screenshot"),
        QStringLiteral("Render the main window and its dialogs to "
                       "DIR/*.png offscreen, then exit."),
        QStringLiteral("DIR") };
    QCommandLineOption palette { QStringLiteral("palette"),
        QStringLiteral("Colours: dark or light (the Fusion style with that palette), or system "
                       "(the default)."),
        QStringLiteral("NAME") };
};

void describe(QCommandLineParser &cli, const Options &o)
{
    cli.setApplicationDescription(QStringLiteral("Strata: a desktop console for PostgreSQL."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addOptions({ o.demo, o.connectTo, o.screenshot, o.size, o.palette });
}

bool wantsOnlyText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-v" || a == "--version" || a == "--help-all")
            return true;
    }
    return false;
}

int s_signalPipe[2] = { -1, -1 };

void writeSignal(int signal)
{
    const unsigned char b = static_cast<unsigned char>(signal);
    [[maybe_unused]] const auto n = ::write(s_signalPipe[1], &b, 1);
}

// SIGTERM (a session ending, systemd, kill), SIGHUP and SIGINT quit the event loop as closing
// the window does: destructors run, work in flight is cancelled and drained, temporary files
// go. The handler only writes to a pipe; the event loop reads it (Qt's documented way).
void quitOnTerminationSignals(QCoreApplication &app)
{
    if (::pipe2(s_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        unsigned char b = 0;
        while (::read(s_signalPipe[0], &b, 1) == 1) { }
        QCoreApplication::quit();
    });
    struct sigaction sa
    {
    };
    sa.sa_handler = writeSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int s : { SIGTERM, SIGHUP, SIGINT })
        ::sigaction(s, &sa, nullptr);
}

void setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("strata"));
    QCoreApplication::setOrganizationName(QStringLiteral("strata"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
}

// What the command line asks to open first: a server named by --connect, or the demo.
void startConnecting(
    const QCommandLineParser &cli, const Options &opts, ui::MainWindow &window, QApplication &app)
{
    const bool shooting = cli.isSet(opts.screenshot);
    if (cli.isSet(opts.connectTo)) {
        QString password;
        auto profile = core::ConnectionProfile::fromConnInfo(cli.value(opts.connectTo), &password);
        if (!profile) {
            std::fprintf(stderr, "strata: %s\n", qPrintable(profile.error().toString()));
            window.showBanner(profile.error().message + u'\n' + profile.error().hint, true);
            if (shooting)
                Q_EMIT window.connectionFailed(profile.error());
        } else {
            window.connectTo(profile.value(), password);
        }
    } else if (cli.isSet(opts.demo)) {
        auto *launcher = new ui::DemoLauncher(&app);
        QObject::connect(launcher, &ui::DemoLauncher::progress, &window,
            [&window](const QString &text, int pct) { window.showProgress(text, pct); });
        QObject::connect(
            launcher, &ui::DemoLauncher::ready, &window, [&window](const core::DemoStatus &status) {
                const auto demoProfiles = ui::DemoLauncher::profiles(status);
                window.setDemoProfiles(demoProfiles);
                window.connectTo(demoProfiles.first());
            });
        QObject::connect(
            launcher, &ui::DemoLauncher::failed, &window, [&window](const core::Error &e) {
                window.showProgress(QString(), 100);
                window.showBanner(
                    QObject::tr("The demo could not start: %1").arg(e.toString()), true);
                Q_EMIT window.connectionFailed(e);
            });
        window.showProgress(QObject::tr("Starting the demo…"), -1);
        launcher->start();
    } else if (!shooting) {
        window.reconnectLastConnection();
    }
}

bool applyPalette(const QString &name)
{
    if (ui::theme::applyPalette(name))
        return true;
    std::fprintf(
        stderr, "strata: unknown palette '%s' (dark, light or system)\n", qPrintable(name));
    return false;
}

void resizeTo(QWidget &window, const QString &size)
{
    const QStringList wh = size.split(u'x');
    if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
        window.resize(wh[0].toInt(), wh[1].toInt());
}

} // namespace

int main(int argc, char **argv)
{
    gui::StartupTrace::begin();
    const Options opts;
    // --help and --version must work without a display.
    if (wantsOnlyText(argc, argv)) {
        QCoreApplication app(argc, argv);
        setNames();
        QCommandLineParser cli;
        describe(cli, opts);
        cli.process(app); // prints and exits
        return 0;
    }
    // Screenshots need no display: render offscreen unless the caller chose a platform.
    for (int i = 1; i < argc; ++i)
        if (QByteArray(argv[i]).startsWith("--screenshot")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    gui::StartupTrace::mark("application");
    quitOnTerminationSignals(app);
    // At the end of the event loop, however it ends: every query, job and cancel in flight is
    // cancelled at once (a backup removes its partial file) and drained after exec().
    QObject::connect(
        &app, &QCoreApplication::aboutToQuit, [] { core::Synchroniser::instance().cancelAll(); });
    setNames();
    gui::installTranslations(&app);
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setDesktopFileName(QStringLiteral("io.strata.Strata"));
    QCommandLineParser cli;
    describe(cli, opts);
    cli.process(app);
    if (!applyPalette(cli.value(opts.palette)))
        return 2;
    const auto &screenshot = opts.screenshot;

    const bool shooting = cli.isSet(screenshot);
    core::PasswordStore passwords;
    // Screenshots show no one's saved connections and touch no keychain.
    std::optional<QTemporaryDir> scratch;
    if (shooting) {
        scratch.emplace();
        passwords.setKeychainEnabled(false);
        // Nor anyone's backup history (which the window also marks as told about).
        qputenv(
            "STRATA_BACKUP_CATALOG", scratch->filePath(QStringLiteral("backups.sqlite")).toUtf8());
    }
    core::ProfileStore profiles(
        shooting ? scratch->filePath(QStringLiteral("strata.ini")) : QString());
    ui::AppContext context(&profiles, &passwords);
    gui::StartupTrace::mark("services");
    ui::MainWindow window(&context);
    gui::StartupTrace::mark("window_built");
    gui::StartupTrace::watchFirstPaint(&window);
    gui::StartupTrace::watchPages(window.workspace());
    window.show();
    gui::StartupTrace::mark("window_shown");

    if (cli.isSet(opts.size))
        resizeTo(window, cli.value(opts.size));

    ui::ScreenshotRunner *runner = nullptr;
    if (shooting) {
        runner = new ui::ScreenshotRunner(&window, &context, cli.value(screenshot), &app);
        QObject::connect(runner, &ui::ScreenshotRunner::finished, &app,
            [](int code) { QCoreApplication::exit(code); });
        runner->start(cli.isSet(opts.demo) || cli.isSet(opts.connectTo));
    }

    startConnecting(cli, opts, window, app);
    // Quitting without closing the window (SIGTERM, the session ending) remembers it too.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window, [&window] {
        if (window.isVisible())
            window.saveWindowState();
    });
    const int code = app.exec();
    // The window is gone; what was cancelled at aboutToQuit gets a few seconds to end.
    core::Synchroniser::instance().drain(10000);
    return code;
}
