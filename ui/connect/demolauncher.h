#pragma once

#include "db/connectionprofile.h"
#include "demo/democluster.h"
#include "result.h"

#include <QObject>

namespace strata::ui {

// Starts the demo cluster in a worker (creating and seeding it on first use) and reports
// progress; the window stays usable meanwhile.
class DemoLauncher : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QObject *parent = nullptr);
    void start();
    static QList<core::ConnectionProfile> profiles(const core::DemoStatus &status);

Q_SIGNALS:
    void progress(const QString &text, int percent);
    void ready(const core::DemoStatus &status);
    void failed(const core::Error &error);
};

} // namespace strata::ui
