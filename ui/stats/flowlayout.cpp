#include "flowlayout.h"

#include <QWidget>

#include <algorithm>

namespace strata::ui {

FlowLayout::FlowLayout(QWidget *parent, int hSpacing, int vSpacing)
    : QLayout(parent), m_hSpacing(hSpacing), m_vSpacing(vSpacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    invalidate();
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item's minimum: everything else can go onto lines of its own.
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int width = 0, height = 0, shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize s = item->sizeHint();
        width += s.width();
        height = std::max(height, s.height());
        ++shown;
    }
    width += std::max(0, shown - 1) * m_hSpacing;
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

void FlowLayout::placeLine(const QList<Placed> &line, const QRect &rect, int y, int height) const
{
    int used = 0, expanding = 0;
    for (const Placed &p : line) {
        used += p.width;
        if (p.item->expandingDirections() & Qt::Horizontal)
            ++expanding;
    }
    used += int(line.size() - 1) * m_hSpacing;
    int spare = std::max(0, rect.width() - used);
    int x = rect.x();
    for (const Placed &p : line) {
        int w = p.width;
        if (expanding > 0 && (p.item->expandingDirections() & Qt::Horizontal)) {
            const int share = spare / expanding;
            w += share;
            spare -= share;
            --expanding;
        }
        // Centred on the line, so a label sits level with the spin box beside it.
        p.item->setGeometry(QRect(x, y + (height - p.height) / 2, w, p.height));
        x += w + m_hSpacing;
    }
}

int FlowLayout::arrange(const QRect &outer, bool apply) const
{
    const QRect rect = outer.marginsRemoved(contentsMargins());
    QList<Placed> line;
    int lineWidth = 0, lineHeight = 0, y = rect.y(), lines = 0;
    auto flush = [&] {
        if (line.isEmpty())
            return;
        if (apply)
            placeLine(line, rect, y, lineHeight);
        y += lineHeight + m_vSpacing;
        ++lines;
        line.clear();
        lineWidth = lineHeight = 0;
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        // An item wider than the whole line gets the line, down to its own minimum.
        const int width = std::max(
            item->minimumSize().width(), std::min(item->sizeHint().width(), rect.width()));
        if (!line.isEmpty() && lineWidth + m_hSpacing + width > rect.width())
            flush();
        const int height
            = item->hasHeightForWidth() ? item->heightForWidth(width) : item->sizeHint().height();
        lineWidth += (line.isEmpty() ? 0 : m_hSpacing) + width;
        lineHeight = std::max(lineHeight, height);
        line.append({ item, width, height });
    }
    flush();
    if (apply)
        m_lines = lines;
    const int used = lines > 0 ? y - rect.y() - m_vSpacing : 0;
    return used + contentsMargins().top() + contentsMargins().bottom();
}

} // namespace strata::ui
