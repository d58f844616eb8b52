#pragma once

#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QStackedWidget;

namespace strata::ui {

class FlowLayout;

// The statistics page's sections: a row of buttons over a stack of pages, with QTabWidget's
// calls. Unlike a tab bar, the row wraps onto another line when the window is narrow, so no
// section hides behind scroll arrows and no name is cut short.
class StatsSections : public QWidget
{
    Q_OBJECT
public:
    explicit StatsSections(QWidget *parent = nullptr);

    int addTab(QWidget *page, const QString &text);
    // Puts `page` in the place of the section's widget (a stand-in), which is deleted; the
    // section shown stays shown.
    void replaceWidget(int index, QWidget *page);
    int count() const;
    int currentIndex() const;
    QWidget *currentWidget() const;
    QWidget *widget(int index) const;
    int indexOf(const QWidget *page) const;
    void setCurrentIndex(int index);
    QString tabText(int index) const;
    void setTabText(int index, const QString &text);
    // The button that shows a section (for tests: where it is, whether it shows whole).
    QAbstractButton *tabButton(int index) const;

Q_SIGNALS:
    // Before a section is shown (its button, or setCurrentIndex): its page can be built then.
    void aboutToShow(int index);
    void currentChanged(int index);

private:
    QWidget *m_bar;
    QButtonGroup *m_buttons;
    QStackedWidget *m_stack;
};

} // namespace strata::ui
