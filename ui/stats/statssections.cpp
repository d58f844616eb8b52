#include "statssections.h"

#include "flowlayout.h"

#include <QButtonGroup>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata::ui {

StatsSections::StatsSections(QWidget *parent) : QWidget(parent)
{
    m_bar = new QWidget(this);
    m_bar->setObjectName(QStringLiteral("statsSectionBar"));
    // Tab-like buttons: the chosen one filled with the highlight colour.
    m_bar->setStyleSheet(QStringLiteral(
        "QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 3px 7px;"
        " background: palette(button); }"
        "QToolButton:hover:!checked { background: palette(light); }"
        "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
        " border-color: palette(highlight); }"));
    new FlowLayout(m_bar, 4, 4);
    m_buttons = new QButtonGroup(this);
    m_buttons->setExclusive(true);
    m_stack = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_bar);
    layout->addWidget(m_stack, 1);
    connect(m_buttons, &QButtonGroup::idClicked, this, &StatsSections::setCurrentIndex);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int index) {
        if (QAbstractButton *b = m_buttons->button(index))
            b->setChecked(true);
        Q_EMIT currentChanged(index);
    });
}

int StatsSections::addTab(QWidget *page, const QString &text)
{
    auto *button = new QToolButton(m_bar);
    button->setText(text);
    button->setCheckable(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const int index = m_stack->addWidget(page);
    m_buttons->addButton(button, index);
    m_bar->layout()->addWidget(button);
    if (index == 0)
        button->setChecked(true);
    return index;
}

int StatsSections::count() const
{
    return m_stack->count();
}

int StatsSections::currentIndex() const
{
    return m_stack->currentIndex();
}

QWidget *StatsSections::currentWidget() const
{
    return m_stack->currentWidget();
}

QWidget *StatsSections::widget(int index) const
{
    return m_stack->widget(index);
}

int StatsSections::indexOf(const QWidget *page) const
{
    return m_stack->indexOf(page);
}

void StatsSections::setCurrentIndex(int index)
{
    if (index >= 0 && index < m_stack->count())
        Q_EMIT aboutToShow(index);
    m_stack->setCurrentIndex(index);
}

void StatsSections::replaceWidget(int index, QWidget *page)
{
    QWidget *old = m_stack->widget(index);
    if (!old || old == page)
        return;
    const bool shown = m_stack->currentIndex() == index;
    {
        const QSignalBlocker quiet(m_stack);
        m_stack->insertWidget(index, page);
        m_stack->removeWidget(old);
        if (shown)
            m_stack->setCurrentIndex(index);
    }
    old->deleteLater();
}

QString StatsSections::tabText(int index) const
{
    const QAbstractButton *b = m_buttons->button(index);
    return b ? b->text() : QString();
}

void StatsSections::setTabText(int index, const QString &text)
{
    if (QAbstractButton *b = m_buttons->button(index); b && b->text() != text)
        b->setText(text);
}

QAbstractButton *StatsSections::tabButton(int index) const
{
    return m_buttons->button(index);
}

} // namespace strata::ui
