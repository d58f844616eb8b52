#include "aboutdialog.h"

#include "appcontext.h"
#include "db/clientlibrary.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

namespace strata::ui {

AboutDialog::AboutDialog(const AppContext *context, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Strata"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/io.strata.Strata.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto *label = new QLabel(text(context), this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    label->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::text(const AppContext *context)
{
    QString server = tr("not connected");
    if (context && context->isConnected()) {
        const core::ServerInfo &info = context->serverInfo();
        server
            = tr("PostgreSQL %1 (%2 on %3)")
                  .arg(info.version.toString(), info.database, context->profile().displayTarget())
                  .toHtmlEscaped();
        if (!info.versionString.isEmpty())
            server
                += QStringLiteral("<br><small>%1</small>").arg(info.versionString.toHtmlEscaped());
    }
    // The Qt it runs with; the one it was built with too when they differ.
    QString qt = QString::fromLatin1(qVersion());
    if (qt != QLatin1String(QT_VERSION_STR))
        qt = tr("%1 (built with %2)").arg(qt, QStringLiteral(QT_VERSION_STR));
    return tr("<h3>Strata %1</h3>"
              "<p>A desktop console for PostgreSQL.</p>"
              "<table cellspacing=4>"
              "<tr><td>Qt</td><td>%2</td></tr>"
              "<tr><td>libpq</td><td>%3</td></tr>"
              "<tr><td>Server</td><td>%4</td></tr>"
              "</table>")
        .arg(QApplication::applicationVersion().toHtmlEscaped(), qt, core::libpqVersion(), server);
}

QMessageBox *AboutDialog::openAboutQt(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Qt"));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>About Qt</h3><p>Strata uses Qt %1, a C++ toolkit for cross-platform "
                    "applications, under the GNU Lesser General Public License version 3.</p>"
                    "<p>See <a href=\"https://www.qt.io/\">qt.io</a> for more.</p>")
                     .arg(QString::fromLatin1(qVersion())));
    // Qt's own logo, as its About box shows it.
    const QPixmap logo(QStringLiteral(":/qt-project.org/qmessagebox/images/qtlogo-64.png"));
    if (!logo.isNull())
        box->setIconPixmap(logo);
    box->open();
    return box;
}

} // namespace strata::ui
