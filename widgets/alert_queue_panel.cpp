// AlertQueuePanel: the Alerts dock's widgets, its actions and the level colours. GUI thread.
#include "alert_queue_panel.h"

#include "alert_queue_service.h"
#include "list_panel.h"
#include "severity_delegate.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSet>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QToolBar>
#include <QTreeView>

#include <algorithm>

namespace vigie::widgets {
namespace {

using models::AlertQueueModel;
using models::AlertRow;

// Colours the level column (and a group's title) as SeverityDelegate colours syslog severities,
// so "critical" looks the same in the queue as in the events table.
class AlertLevelDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QVariant severity = index.data(AlertQueueModel::SeverityRole);
        if (!severity.isValid() || index.column() != AlertQueueModel::LevelColumn)
            return;
        const int level = severity.toInt();
        const QColor colour = SeverityDelegate::colourFor(syslogSeverity(level));
        if (colour.isValid())
            option->palette.setColor(QPalette::Text, colour);
        option->font.setBold(level >= AlertRow::High);
    }

private:
    // The syslog severity whose colour a rule level takes.
    static int syslogSeverity(int level)
    {
        switch (level) {
        case AlertRow::Critical:
            return 2;
        case AlertRow::High:
            return 3;
        case AlertRow::Medium:
            return 4;
        case AlertRow::Low:
            return 5;
        default:
            return 6;
        }
    }
};

// "source_ip=203.0.113.7 user_name=bob" as (key, value) pairs; a token without "=" continues the
// value before it (a value with a space).
QList<std::pair<QString, QString>> entityPairs(const QString& entity)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QString& pair : entity.split(models::AlertRow::entitySeparator, Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals > 0)
            pairs.append({pair.left(equals), pair.mid(equals + 1)});
    }
    return pairs;
}

} // namespace

AlertQueuePanel::AlertQueuePanel(models::AlertQueueService* service, SearchBar* searchBar, QWidget* parent)
    : QDockWidget(parent), service_(service), searchBar_(searchBar), toolBar_(new QToolBar(this)),
      groupLabel_(new QLabel(this)), group_(new QComboBox(this)), message_(new QLabel(this)),
      stack_(new QStackedWidget(this)), placeholder_(new QLabel(this)), view_(new QTreeView(this)),
      showAcknowledged_(new QAction(this)), acknowledge_(new QAction(this)), openEvents_(new QAction(this)),
      refresh_(new QAction(this)), createIncident_(new QAction(this)), addToIncident_(new QAction(this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    view_->setObjectName(QStringLiteral("alertsTree"));
    group_->setObjectName(QStringLiteral("alertsGroupBy"));
    message_->setObjectName(QStringLiteral("alertsMessage"));
    placeholder_->setObjectName(QStringLiteral("alertsPlaceholder"));
    showAcknowledged_->setObjectName(QStringLiteral("showAcknowledgedAlertsAction"));
    acknowledge_->setObjectName(QStringLiteral("acknowledgeAlertsAction"));
    openEvents_->setObjectName(QStringLiteral("openAlertEventsAction"));
    refresh_->setObjectName(QStringLiteral("refreshAlertsAction"));
    createIncident_->setObjectName(QStringLiteral("createIncidentAction"));

    view_->setModel(service_->model());
    view_->setItemDelegate(new AlertLevelDelegate(view_));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setUniformRowHeights(true);
    view_->setRootIsDecorated(false);
    view_->setAllColumnsShowFocus(true);
    view_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->header()->setSectionResizeMode(AlertQueueModel::RuleColumn, QHeaderView::Stretch);
    // An entity can be long ("source_ip=… user_name=…"): it starts at about 18 characters (the
    // analyst may widen it, the tooltip shows the alert), so the rule title keeps the room.
    view_->header()->setSectionResizeMode(AlertQueueModel::EntityColumn, QHeaderView::Interactive);
    view_->header()->resizeSection(AlertQueueModel::EntityColumn, fontMetrics().averageCharWidth() * 18);
    // An anomaly's sentence is long: a fixed start (the tooltip and a wider column show it whole).
    view_->header()->setSectionResizeMode(AlertQueueModel::ExplanationColumn, QHeaderView::Interactive);
    view_->header()->resizeSection(AlertQueueModel::ExplanationColumn, fontMetrics().averageCharWidth() * 40);
    view_->header()->setStretchLastSection(false);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);

    group_->addItem(QString(), QVariant::fromValue(int(AlertQueueModel::Grouping::None)));
    group_->addItem(QString(), QVariant::fromValue(int(AlertQueueModel::Grouping::Rule)));
    group_->addItem(QString(), QVariant::fromValue(int(AlertQueueModel::Grouping::Host)));
    groupLabel_->setBuddy(group_);
    group_->setSizeAdjustPolicy(QComboBox::AdjustToContents); // its texts come with the language
    groupLabel_->setContentsMargins(4, 0, 4, 0);

    showAcknowledged_->setCheckable(true);
    acknowledge_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    // Acts while the panel has the focus, so Ctrl+K elsewhere (a line edit's kill) stays free.
    for (QAction* action : {acknowledge_, openEvents_})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    createIncident_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    addToIncident_->setObjectName(QStringLiteral("addToIncidentAction"));
    for (QAction* action : {createIncident_, addToIncident_})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->addWidget(groupLabel_);
    toolBar_->addWidget(group_);
    toolBar_->addAction(showAcknowledged_);
    toolBar_->addSeparator();
    for (QAction* action : {acknowledge_, openEvents_, createIncident_, addToIncident_, refresh_}) {
        toolBar_->addAction(action);
        addAction(action);
    }
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    view_->addActions({openEvents_, acknowledge_, separator, createIncident_, addToIncident_});

    setUpListDock(this, toolBar_, message_, stack_, placeholder_, view_);

    connect(group_, &QComboBox::currentIndexChanged, this, &AlertQueuePanel::regroup);
    connect(showAcknowledged_, &QAction::toggled, service_,
            &models::AlertQueueService::setIncludeAcknowledged);
    connect(acknowledge_, &QAction::triggered, this, &AlertQueuePanel::acknowledgeSelected);
    connect(openEvents_, &QAction::triggered, this, &AlertQueuePanel::openCurrentEvents);
    connect(refresh_, &QAction::triggered, service_, &models::AlertQueueService::reload);
    connect(createIncident_, &QAction::triggered, this,
            [this] { Q_EMIT createIncidentRequested(selectedAlertIds()); });
    connect(addToIncident_, &QAction::triggered, this,
            [this] { Q_EMIT addToIncidentRequested(selectedAlertIds()); });
    // Enter, and a double-click (which also opens or closes a group row).
    connect(view_, &QAbstractItemView::activated, this, &AlertQueuePanel::openEvents);

    AlertQueueModel* model = service_->model();
    // A group that appears is shown open: the analyst sees its alerts without a click.
    connect(model, &QAbstractItemModel::rowsInserted, view_,
            [this](const QModelIndex& parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    view_->expand(view_->model()->index(row, 0));
            });
    connect(model, &QAbstractItemModel::modelReset, this, &AlertQueuePanel::updateState);
    connect(model, &QAbstractItemModel::layoutChanged, this, &AlertQueuePanel::updateState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AlertQueuePanel::updateState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AlertQueuePanel::updateState);
    connect(model, &QAbstractItemModel::dataChanged, this, &AlertQueuePanel::updateState);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertQueuePanel::updateState);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AlertQueuePanel::updateState);
    connect(service_, &models::AlertQueueService::attachedChanged, this, &AlertQueuePanel::updateState);
    connect(service_, &models::AlertQueueService::loaded, this, &AlertQueuePanel::updateState);
    connect(service_, &models::AlertQueueService::finished, this, &AlertQueuePanel::onFinished);

    retranslate();
}

SearchEntry AlertQueuePanel::eventsSearch(const AlertRow& alert)
{
    const auto pairs = entityPairs(alert.entity);
    QStringList terms;
    const bool entityNamesHost = std::any_of(
        pairs.cbegin(), pairs.cend(), [](const auto& pair) { return pair.first == QLatin1String("host"); });
    if (!alert.host.isEmpty() && !entityNamesHost)
        terms << QStringLiteral("host:") + SearchBar::quoted(alert.host);
    for (const auto& [key, value] : pairs)
        terms << key + QLatin1Char(':') + SearchBar::quoted(value);
    SearchEntry entry;
    entry.query = terms.join(QStringLiteral(" and "));
    entry.from = alert.firstSeen.addSecs(-60);
    entry.to = alert.lastSeen.addSecs(60);
    return entry;
}

QString AlertQueuePanel::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

void AlertQueuePanel::showMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

QList<qint64> AlertQueuePanel::selectedAlertIds() const
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows()) {
        for (const qint64 id : service_->model()->alertIds(index)) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    return ids;
}

bool AlertQueuePanel::acknowledgeSelected()
{
    QList<qint64> open;
    for (const qint64 id : selectedAlertIds()) {
        const AlertRow* alert = service_->model()->alert(service_->model()->indexOfId(id));
        if (alert && !alert->acknowledged)
            open.append(id);
    }
    if (open.isEmpty())
        return false;
    acknowledgeRequest_ = service_->acknowledge(open);
    acknowledgeAsked_ = static_cast<int>(open.size());
    updateState();
    return acknowledgeRequest_ != 0;
}

bool AlertQueuePanel::openCurrentEvents()
{
    return openEvents(view_->currentIndex());
}

bool AlertQueuePanel::openEvents(const QModelIndex& index)
{
    const AlertRow* alert = service_->model()->alert(index.siblingAtColumn(0));
    return alert && searchBar_->run(eventsSearch(*alert));
}

void AlertQueuePanel::regroup()
{
    // Regrouping rebuilds the tree: the selection is kept by alert id.
    const QList<qint64> selected = selectedAlertIds();
    const AlertRow* current = service_->model()->alert(view_->currentIndex().siblingAtColumn(0));
    const qint64 currentId = current ? current->id : 0;
    const auto grouping = static_cast<AlertQueueModel::Grouping>(group_->currentData().toInt());
    service_->model()->setGrouping(grouping);
    view_->setRootIsDecorated(grouping != AlertQueueModel::Grouping::None);
    view_->expandAll();
    AlertQueueModel* model = service_->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        // A group's title spans the row: "rule title — N alerts, M events" is wider than a level.
        view_->setFirstColumnSpanned(row, {}, grouping != AlertQueueModel::Grouping::None);
    }
    QItemSelection selection;
    for (const qint64 id : selected) {
        const QModelIndex index = model->indexOfId(id);
        selection.select(index, index.siblingAtColumn(AlertQueueModel::ColumnCount - 1));
    }
    view_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentId != 0)
        view_->selectionModel()->setCurrentIndex(model->indexOfId(currentId), QItemSelectionModel::NoUpdate);
    updateState();
}

void AlertQueuePanel::onFinished(quint64 request, const QString& error, int acknowledged)
{
    if (request != 0 && request == acknowledgeRequest_) {
        acknowledgeRequest_ = 0;
        readFailed_ = false;
        if (!error.isEmpty())
            showMessage(tr("The alerts could not be acknowledged: %1").arg(error));
        else if (acknowledged < acknowledgeAsked_)
            showMessage(tr("%n of the selected alerts had already been acknowledged by someone else.",
                           nullptr, acknowledgeAsked_ - acknowledged));
        else
            showMessage({});
    } else if (!error.isEmpty()) {
        readFailed_ = true;
        showMessage(tr("The alerts could not be read: %1").arg(error));
    } else if (readFailed_) {
        readFailed_ = false;
        showMessage({});
    }
    updateState();
}

void AlertQueuePanel::updateState()
{
    AlertQueueModel* model = service_->model();
    const int fresh = model->newCount();
    setWindowTitle(fresh > 0 ? tr("Alerts (%n new)", nullptr, fresh) : tr("Alerts"));

    const bool attached = service_->isAttached();
    if (attached && model->rowCount() > 0) {
        stack_->setCurrentWidget(view_);
    } else {
        stack_->setCurrentWidget(placeholder_);
        placeholder_->setText(!attached ? tr("The alerts appear here once the database is open.")
                              : service_->isLoading()          ? tr("Reading the alerts…")
                              : showAcknowledged_->isChecked() ? tr("No alerts.")
                                                               : tr("No open alerts: nothing to triage."));
    }
    // New group rows span their first column too (regroup() does it for a whole tree).
    if (model->grouping() != AlertQueueModel::Grouping::None) {
        for (int row = 0; row < model->rowCount(); ++row)
            view_->setFirstColumnSpanned(row, {}, true);
    }

    bool anyOpen = false;
    const QList<qint64> selected = selectedAlertIds();
    for (const qint64 id : selected) {
        const AlertRow* alert = model->alert(model->indexOfId(id));
        anyOpen = anyOpen || (alert && !alert->acknowledged);
    }
    acknowledge_->setEnabled(attached && anyOpen && acknowledgeRequest_ == 0);
    openEvents_->setEnabled(model->alert(view_->currentIndex().siblingAtColumn(0)) != nullptr);
    refresh_->setEnabled(attached);
    for (QAction* action : {createIncident_, addToIncident_})
        action->setEnabled(attached && !selected.isEmpty());
}

void AlertQueuePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void AlertQueuePanel::retranslate()
{
    groupLabel_->setText(tr("&Group by:"));
    group_->setItemText(0, tr("None"));
    group_->setItemText(1, tr("Rule"));
    group_->setItemText(2, tr("Host"));
    // A narrow dock squeezes toolbar widgets: keep every choice readable.
    group_->setMinimumWidth(group_->sizeHint().width());
    showAcknowledged_->setText(tr("Show &Acknowledged"));
    showAcknowledged_->setToolTip(tr("List the alerts already acknowledged too"));
    acknowledge_->setText(tr("Ac&knowledge"));
    acknowledge_->setToolTip(tr("Mark the selected alerts as seen (%1)")
                                 .arg(acknowledge_->shortcut().toString(QKeySequence::NativeText)));
    openEvents_->setText(tr("&Open Events"));
    openEvents_->setToolTip(tr("Search the events of this alert's host and entity around its time (Enter)"));
    refresh_->setText(tr("&Refresh"));
    refresh_->setToolTip(tr("Read the alert queue again now"));
    createIncident_->setText(tr("Create &Incident…"));
    createIncident_->setToolTip(tr("Open one incident ticket for the selected alerts (Ctrl+Shift+N)"));
    addToIncident_->setText(tr("Add to Incident…"));
    addToIncident_->setToolTip(tr("Link the selected alerts to an open incident"));
    service_->model()->retranslate();
    updateState();
}

} // namespace vigie::widgets
