#pragma once

#include <QDialog>

class QMessageBox;

namespace strata::ui {

class AppContext;

// Help > About Strata: what Strata is and the versions a bug report needs (Strata, the Qt and
// libpq it runs with, the connected server).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const AppContext *context, QWidget *parent = nullptr);

    // The box's text (rich text), read again each time the box opens.
    static QString text(const AppContext *context);
    // Help > About Qt, opened without the nested event loop QMessageBox::aboutQt() runs.
    static QMessageBox *openAboutQt(QWidget *parent);
};

} // namespace strata::ui
