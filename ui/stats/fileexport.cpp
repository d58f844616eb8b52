#include "fileexport.h"
#include "util/async.h"
#include "util/whenfinished.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPointer>
#include <QToolTip>

namespace strata::ui::fileexport {

namespace {

void ask(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter,
    std::function<QString(const QString &)> write)
{
    auto *dialog = new QFileDialog(parent, title, QDir::home().filePath(suggestedName), filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<QWidget> guard(parent);
    QObject::connect(
        dialog, &QFileDialog::fileSelected, parent, [guard, write](const QString &path) {
            core::whenFinished(guard.data(),
                core::asyncRun<QString>(core::Pool::Io,
                    [write, path](QPromise<QString> &promise) { promise.addResult(write(path)); }),
                [guard](const QString &message) {
                    if (guard)
                        QToolTip::showText(guard->mapToGlobal(QPoint(0, 0)), message, guard.data());
                });
        });
    dialog->open();
}

} // namespace

void saveText(QWidget *parent, const QString &title, const QString &suggestedName,
    const QString &filter, const QString &content)
{
    ask(parent, title, suggestedName, filter, [content](const QString &path) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QObject::tr("Could not write %1: %2").arg(path, f.errorString());
        f.write(content.toUtf8());
        return QObject::tr("Saved %1").arg(path);
    });
}

void saveImage(
    QWidget *parent, const QString &title, const QString &suggestedName, const QImage &image)
{
    ask(parent, title, suggestedName, QObject::tr("PNG images (*.png)"),
        [image](const QString &path) {
            return image.save(path, "PNG") ? QObject::tr("Saved %1").arg(path)
                                           : QObject::tr("Could not write %1").arg(path);
        });
}

} // namespace strata::ui::fileexport
