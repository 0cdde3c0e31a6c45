// IncidentPicker: the filter box and the table of open tickets the incident dialogs choose from.
// GUI thread.
#include "incident_picker.h"

#include "incident_delegate.h"
#include "incident_filter_model.h"
#include "incident_list_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace vigie::widgets {

using models::IncidentListModel;

// The open tickets but one.
class IncidentPickerFilter : public models::IncidentFilterModel {
public:
    IncidentPickerFilter(qint64 excluded, QObject* parent) : IncidentFilterModel(parent), excluded_(excluded)
    {
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override
    {
        return IncidentFilterModel::filterAcceptsRow(sourceRow, sourceParent) &&
               sourceModel()
                       ->index(sourceRow, 0, sourceParent)
                       .data(IncidentListModel::IdRole)
                       .toLongLong() != excluded_;
    }

private:
    qint64 excluded_;
};

IncidentPicker::IncidentPicker(models::IncidentListModel* model, qint64 excluded, QWidget* parent)
    : QWidget(parent), proxy_(new IncidentPickerFilter(excluded, this)), filter_(new QLineEdit(this)),
      view_(new QTableView(this))
{
    filter_->setObjectName(QStringLiteral("incidentPickerFilter"));
    view_->setObjectName(QStringLiteral("incidentPickerTable"));
    proxy_->setSourceModel(model);
    proxy_->setOpenOnly(true);

    filter_->setClearButtonEnabled(true);
    view_->setModel(proxy_);
    setUpIncidentTable(view_);
    QHeaderView* header = view_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(IncidentListModel::TitleColumn, QHeaderView::Stretch);
    for (const int column :
         {IncidentListModel::TierColumn, IncidentListModel::AlertsColumn, IncidentListModel::UpdatedColumn})
        view_->setColumnHidden(column, true);
    view_->setSortingEnabled(true);
    view_->sortByColumn(IncidentListModel::SeverityColumn, Qt::DescendingOrder);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter_);
    layout->addWidget(view_, 1);
    setFocusProxy(filter_);

    connect(filter_, &QLineEdit::textChanged, proxy_, &models::IncidentFilterModel::setText);
    // Something is always chosen while anything is offered: typing "#42" then Enter picks it.
    auto keepChoice = [this] {
        if (!view_->currentIndex().isValid() && proxy_->rowCount() > 0)
            view_->setCurrentIndex(proxy_->index(0, IncidentListModel::TitleColumn));
    };
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, keepChoice);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, keepChoice);
    connect(proxy_, &QAbstractItemModel::modelReset, this, keepChoice);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, keepChoice);
    connect(proxy_, &models::IncidentFilterModel::filtersChanged, this, keepChoice);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT incidentChanged(incidentId()); });
    // Not activated(): Enter already presses the dialog's default button.
    connect(view_, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT incidentActivated(incidentId());
    });
    keepChoice();
    retranslate();
}

qint64 IncidentPicker::incidentId() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? current.data(IncidentListModel::IdRole).toLongLong() : 0;
}

int IncidentPicker::incidentVersion() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? current.data(IncidentListModel::VersionRole).toInt() : 0;
}

bool IncidentPicker::select(qint64 id)
{
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        const QModelIndex index = proxy_->index(row, IncidentListModel::TitleColumn);
        if (index.data(IncidentListModel::IdRole).toLongLong() == id) {
            view_->setCurrentIndex(index);
            view_->scrollTo(index);
            return true;
        }
    }
    return false;
}

int IncidentPicker::count() const
{
    return proxy_->rowCount();
}

void IncidentPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IncidentPicker::retranslate()
{
    filter_->setPlaceholderText(tr("Filter the open incidents: #id, words of the title, assignee, tag"));
}

} // namespace vigie::widgets
