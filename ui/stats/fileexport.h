#pragma once

#include <QImage>
#include <QString>

class QWidget;

namespace strata::ui::fileexport {

// Asks for a file name (a non-modal dialog, no nested event loop), then writes in a worker
// thread; the outcome shows as a tooltip over the parent.
void saveText(QWidget *parent, const QString &title, const QString &suggestedName,
    const QString &filter, const QString &content);
void saveImage(
    QWidget *parent, const QString &title, const QString &suggestedName, const QImage &image);

} // namespace strata::ui::fileexport
