#pragma once

#include <QLayout>
#include <QList>

namespace strata::ui {

// Lays its items out left to right and wraps onto a new line when the next one does not fit,
// so a row of controls reflows in a narrow window instead of squeezing or clipping them. An
// item whose horizontal size policy expands takes what its line leaves over (a title that
// pushes the tools after it to the right edge). Its height follows its width.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int hSpacing = 6, int vSpacing = 4);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // How many lines the items took at the last layout (for tests and for reading).
    int lineCount() const { return m_lines; }

private:
    struct Placed
    {
        QLayoutItem *item;
        int width;
        int height;
    };
    int arrange(const QRect &rect, bool apply) const;
    void placeLine(const QList<Placed> &line, const QRect &rect, int y, int height) const;

    QList<QLayoutItem *> m_items;
    int m_hSpacing;
    int m_vSpacing;
    mutable int m_lines = 0;
};

} // namespace strata::ui
