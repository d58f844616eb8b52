// strata: the composition root. Builds the services, shows the main window, nothing else.
#include "appcontext.h"
#include "db/connectionprofile.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "demolauncher.h"
#include "mainwindow.h"
#include "screenshotrunner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>

#include <cstdio>

using namespace strata;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("strata"));
    QApplication::setOrganizationName(QStringLiteral("strata"));
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("strata"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Strata: a desktop console for PostgreSQL."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Start the private demo cluster (created on first "
                                                 "use) and connect to it."));
    const QCommandLineOption connectTo(QStringLiteral("connect"),
                                       QStringLiteral("Connect to CONNINFO (a libpq connection "
                                                      "string or postgresql:// URI)."),
                                       QStringLiteral("CONNINFO"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the main window and its dialogs to "
                                                       "DIR/*.png, then exit."),
                                        QStringLiteral("DIR"));
    cli.addOptions({demo, connectTo, screenshot});
    cli.process(app);

    const bool shooting = cli.isSet(screenshot);
    core::PasswordStore passwords;
    // Screenshots show no one's saved connections and touch no keychain.
    QTemporaryDir scratch;
    if (shooting)
        passwords.setKeychainEnabled(false);
    core::ProfileStore profiles(shooting ? scratch.filePath(QStringLiteral("strata.ini")) : QString());
    ui::AppContext context(&profiles, &passwords);
    ui::MainWindow window(&context);
    window.show();

    ui::ScreenshotRunner *runner = nullptr;
    if (shooting) {
        runner = new ui::ScreenshotRunner(&window, cli.value(screenshot), &app);
        QObject::connect(runner, &ui::ScreenshotRunner::finished, &app,
                         [](int code) { QCoreApplication::exit(code); });
        runner->start(cli.isSet(demo) || cli.isSet(connectTo));
    }

    if (cli.isSet(connectTo)) {
        QString password;
        auto profile = core::ConnectionProfile::fromConnInfo(cli.value(connectTo), &password);
        if (!profile) {
            std::fprintf(stderr, "strata: %s\n", qPrintable(profile.error().toString()));
            window.showBanner(profile.error().message + u'\n' + profile.error().hint, true);
            if (shooting)
                Q_EMIT window.connectionFailed(profile.error());
        } else {
            window.connectTo(profile.value(), password);
        }
    } else if (cli.isSet(demo)) {
        auto *launcher = new ui::DemoLauncher(&app);
        QObject::connect(launcher, &ui::DemoLauncher::progress, &window,
                         [&window](const QString &text, int pct) { window.showProgress(text, pct); });
        QObject::connect(launcher, &ui::DemoLauncher::ready, &window,
                         [&window](const core::DemoStatus &status) {
                             const auto demoProfiles = ui::DemoLauncher::profiles(status);
                             window.setDemoProfiles(demoProfiles);
                             window.connectTo(demoProfiles.first());
                         });
        QObject::connect(launcher, &ui::DemoLauncher::failed, &window,
                         [&window](const core::Error &e) {
                             window.showProgress(QString(), 100);
                             window.showBanner(QObject::tr("The demo could not start: %1")
                                                   .arg(e.toString()),
                                               true);
                             Q_EMIT window.connectionFailed(e);
                         });
        window.showProgress(QObject::tr("Starting the demo…"), -1);
        launcher->start();
    }
    return app.exec();
}
