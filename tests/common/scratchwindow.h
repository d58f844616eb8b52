#pragma once

#include "appcontext.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "mainwindow.h"

#include <QString>

#include <memory>

namespace strata::test {

// A main window over a settings file of the test's own, without the keychain: what the window
// tests open, close, and open again to read what the last one saved.
struct ScratchWindow
{
    std::unique_ptr<core::ProfileStore> profiles;
    std::unique_ptr<core::PasswordStore> passwords;
    std::unique_ptr<ui::AppContext> context;
    std::unique_ptr<ui::MainWindow> window;

    void open(const QString &settingsFile)
    {
        close();
        profiles = std::make_unique<core::ProfileStore>(settingsFile);
        passwords = std::make_unique<core::PasswordStore>();
        passwords->setKeychainEnabled(false);
        context = std::make_unique<ui::AppContext>(profiles.get(), passwords.get());
        window = std::make_unique<ui::MainWindow>(context.get());
    }
    void close()
    {
        window.reset();
        context.reset();
    }
};

} // namespace strata::test
