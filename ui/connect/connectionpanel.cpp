#include "connectionpanel.h"

#include "connectionlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata::ui {

ConnectionPanel::ConnectionPanel(models::ConnectionListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Connections</b>"), this);
    m_view = new QTreeView(this);
    m_view->setModel(model);
    m_view->header()->hide();
    m_view->setUniformRowHeights(true);
    m_view->expandAll();
    // Empty groups other than the saved connections are hidden (no demo, no services).
    auto refreshGroups = [this] {
        for (int g = 0; g < m_model->rowCount(); ++g) {
            const QModelIndex group = m_model->index(g, 0);
            m_view->setRowHidden(
                g, {}, g != models::ConnectionListModel::Saved && m_model->rowCount(group) == 0);
            m_view->expand(group);
        }
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, refreshGroups);
    connect(model, &QAbstractItemModel::rowsRemoved, this, refreshGroups);
    refreshGroups();
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_connect = new QPushButton(tr("&Connect"), this);
    m_connect->setDefault(true);
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_connect);

    connect(add, &QPushButton::clicked, this, &ConnectionPanel::newRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (auto p = currentProfile())
            Q_EMIT editRequested(*p);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (auto p = currentProfile())
            Q_EMIT removeRequested(*p);
    });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (auto p = currentProfile())
            Q_EMIT connectRequested(*p);
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (auto p = m_model->profile(index))
            Q_EMIT connectRequested(*p);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ConnectionPanel::updateButtons);
    updateButtons();
}

std::optional<core::ConnectionProfile> ConnectionPanel::currentProfile() const
{
    return m_model->profile(m_view->currentIndex());
}

void ConnectionPanel::select(const QString &profileId)
{
    const QModelIndex idx = m_model->indexOfProfile(profileId);
    if (idx.isValid())
        m_view->setCurrentIndex(idx);
}

void ConnectionPanel::updateButtons()
{
    const QModelIndex idx = m_view->currentIndex();
    const bool isProfile = m_model->profile(idx).has_value();
    const bool saved = m_model->isSavedProfile(idx);
    m_connect->setEnabled(isProfile);
    m_edit->setEnabled(saved);
    m_remove->setEnabled(saved);
}

} // namespace strata::ui
