// IncidentListPanel: the filter bar, the ticket table, the New/Merge/Refresh actions and their
// dialogs. GUI thread.
#include "incident_list_panel.h"

#include "cases/incident_rules.h"
#include "incident_delegate.h"
#include "incident_filter_model.h"
#include "incident_labels.h"
#include "incident_list_model.h"
#include "incident_service.h"
#include "merge_incident_dialog.h"
#include "new_incident_dialog.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigie::widgets {
namespace {

using models::IncidentLabels;
using models::IncidentListModel;

// The state choice's first two entries; each state follows, its key as the item's data.
enum StateChoice { OpenStates, AllStates };

const QStringList& stateKeys()
{
    static const QStringList keys{QStringLiteral("new"),
                                  QStringLiteral("triage"),
                                  QStringLiteral("in_progress"),
                                  QStringLiteral("escalated"),
                                  QStringLiteral("resolved"),
                                  QStringLiteral("closed"),
                                  QStringLiteral("false_positive"),
                                  QStringLiteral("merged")};
    return keys;
}

const QStringList& tierKeys()
{
    static const QStringList keys{QStringLiteral("l1"), QStringLiteral("l2"), QStringLiteral("l3")};
    return keys;
}

// The keys whose actions are checked in `button`'s menu.
QSet<QString> checkedKeys(const QToolButton* button)
{
    QSet<QString> keys;
    for (const QAction* action : button->menu()->actions()) {
        if (action->isChecked())
            keys.insert(action->data().toString());
    }
    return keys;
}

// Filter chips: rounded, filled with the highlight colour while they filter.
const QString kChipStyle = QStringLiteral(
    "QToolButton[chip=\"true\"] { border: 1px solid palette(mid); border-radius: 11px; padding: 2px 10px; }"
    "QToolButton[chip=\"true\"]:hover { border-color: palette(highlight); }"
    "QToolButton[chip=\"true\"]:checked, QToolButton[chip=\"true\"][active=\"true\"] {"
    " background: palette(highlight); color: palette(highlighted-text); border-color: palette(highlight); }"
    "QToolButton[chip=\"true\"]::menu-indicator { subcontrol-position: right center; right: 6px; }"
    "QToolButton[chip=\"true\"][popupMode=\"2\"] { padding-right: 20px; }");

// The list's order: IncidentFilterModel's, except that tickets of the same severity come soonest
// SLA due first, whichever way severity is sorted (the most urgent of a severity on top).
class IncidentListOrder : public models::IncidentFilterModel {
public:
    using IncidentFilterModel::IncidentFilterModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        if (left.column() == IncidentListModel::SeverityColumn &&
            left.data(IncidentListModel::SeverityRole) == right.data(IncidentListModel::SeverityRole)) {
            const QDateTime a = left.data(IncidentListModel::SlaDueRole).toDateTime();
            const QDateTime b = right.data(IncidentListModel::SlaDueRole).toDateTime();
            if (a != b)
                return sortOrder() == Qt::DescendingOrder ? a > b : a < b;
        }
        return IncidentFilterModel::lessThan(left, right);
    }
};

// A breached count in the red the message line uses.
const QString kBreachedColour = QStringLiteral("#c62828");

} // namespace

IncidentListPanel::IncidentListPanel(models::IncidentService* service, QWidget* parent)
    : QWidget(parent), service_(service), filter_(new IncidentListOrder(this)), toolBar_(new QToolBar(this)),
      filterBar_(new QWidget(this)), mine_(makeToggle("incidentsMineToggle")),
      unassigned_(makeToggle("incidentsUnassignedToggle")), breached_(makeToggle("incidentsBreachedToggle")),
      state_(new QComboBox(this)),
      severity_(makeMenuButton("incidentsSeverityFilter", IncidentLabels::severityKeys())),
      tier_(makeMenuButton("incidentsTierFilter", tierKeys())), text_(new QLineEdit(this)),
      clear_(new QToolButton(this)), count_(new QLabel(this)), message_(new QLabel(this)),
      stack_(new QStackedWidget(this)), placeholder_(new QLabel(this)), view_(new QTableView(this)),
      new_(new QAction(this)), merge_(new QAction(this)), refresh_(new QAction(this)),
      find_(new QAction(this))
{
    setObjectName(QStringLiteral("incidentListPanel"));
    view_->setObjectName(QStringLiteral("incidentsTable"));
    state_->setObjectName(QStringLiteral("incidentsStateFilter"));
    text_->setObjectName(QStringLiteral("incidentsTextFilter"));
    clear_->setObjectName(QStringLiteral("incidentsClearFilters"));
    count_->setObjectName(QStringLiteral("incidentsCount"));
    message_->setObjectName(QStringLiteral("incidentsMessage"));
    placeholder_->setObjectName(QStringLiteral("incidentsPlaceholder"));
    new_->setObjectName(QStringLiteral("newIncidentAction"));
    merge_->setObjectName(QStringLiteral("mergeIncidentAction"));
    refresh_->setObjectName(QStringLiteral("refreshIncidentsAction"));
    find_->setObjectName(QStringLiteral("findIncidentAction"));

    IncidentListModel* model = service_->model();
    filter_->setSourceModel(model);
    view_->setModel(filter_);
    setUpIncidentTable(view_);
    QHeaderView* header = view_->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Fixed starting widths (characters): columns that follow their contents would jump as the
    // list scrolls or the SLA counts down.
    const int character = fontMetrics().averageCharWidth();
    const std::pair<int, int> widths[] = {
        {IncidentListModel::IdColumn, 7},        {IncidentListModel::SeverityColumn, 11},
        {IncidentListModel::StateColumn, 15},    {IncidentListModel::TierColumn, 6},
        {IncidentListModel::AssigneeColumn, 16}, {IncidentListModel::SlaColumn, 29},
        {IncidentListModel::AlertsColumn, 8},    {IncidentListModel::UpdatedColumn, 19}};
    for (const auto& [column, characters] : widths)
        header->resizeSection(column, characters * character + 16);
    view_->setSortingEnabled(true);
    // The most severe first, then the soonest due (the filter model breaks severity ties).
    view_->sortByColumn(IncidentListModel::SeverityColumn, Qt::DescendingOrder);

    // Filter bar: the quick toggles, the state, severity and tier choices, the text, Clear.
    for (const QString& key : stateKeys())
        state_->addItem(QString(), key);
    state_->insertItem(OpenStates, QString(), QString());
    state_->insertItem(AllStates, QString(), QString());
    state_->setCurrentIndex(OpenStates);
    state_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    text_->setClearButtonEnabled(true);
    text_->setMinimumWidth(character * 16);
    clear_->setAutoRaise(true);
    // Two rows, so the page still fits beside the open ticket on a laptop screen: the quick
    // toggles, then the choices and the text.
    auto* filterLayout = new QVBoxLayout(filterBar_);
    filterLayout->setContentsMargins(6, 4, 6, 4);
    filterLayout->setSpacing(4);
    auto* quickRow = new QHBoxLayout;
    auto* choiceRow = new QHBoxLayout;
    for (QHBoxLayout* row : {quickRow, choiceRow}) {
        row->setSpacing(6);
        filterLayout->addLayout(row);
    }
    for (QWidget* widget : std::initializer_list<QWidget*>{mine_, unassigned_, breached_})
        quickRow->addWidget(widget);
    quickRow->addStretch(1);
    quickRow->addWidget(clear_);
    for (QWidget* widget : std::initializer_list<QWidget*>{state_, severity_, tier_})
        choiceRow->addWidget(widget);
    choiceRow->addWidget(text_, 1);
    filterBar_->setStyleSheet(kChipStyle);

    // Toolbar: the actions, then the count at the right.
    new_->setShortcut(QKeySequence::New);
    refresh_->setShortcut(QKeySequence::Refresh);
    find_->setShortcut(QKeySequence::Find);
    // Only while the incidents have the focus, so the other pages keep their keys.
    for (QAction* action : {new_, merge_, refresh_, find_}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->addAction(new_);
    toolBar_->addAction(merge_);
    toolBar_->addAction(refresh_);
    auto* spacer = new QWidget(toolBar_);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar_->addWidget(spacer);
    count_->setContentsMargins(6, 0, 8, 0);
    count_->setTextFormat(Qt::RichText);
    toolBar_->addWidget(count_);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    view_->addActions({merge_});

    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setMargin(12);
    message_->setWordWrap(true);
    message_->setVisible(false);
    message_->setTextFormat(Qt::PlainText);
    message_->setStyleSheet(QStringLiteral("color: #c62828; padding: 4px;"));
    stack_->addWidget(placeholder_);
    stack_->addWidget(view_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar_);
    layout->addWidget(filterBar_);
    layout->addWidget(message_);
    layout->addWidget(stack_, 1);

    // "My incidents" and "Unassigned" exclude each other.
    connect(mine_, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            unassigned_->setChecked(false);
        applyFilters();
    });
    connect(unassigned_, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            mine_->setChecked(false);
        applyFilters();
    });
    connect(breached_, &QToolButton::toggled, this, &IncidentListPanel::applyFilters);
    connect(state_, &QComboBox::currentIndexChanged, this, &IncidentListPanel::applyFilters);
    for (QToolButton* button : {severity_, tier_}) {
        for (QAction* action : button->menu()->actions())
            connect(action, &QAction::toggled, this, &IncidentListPanel::applyFilters);
    }
    connect(text_, &QLineEdit::textChanged, this, &IncidentListPanel::applyFilters);
    connect(clear_, &QToolButton::clicked, this, &IncidentListPanel::clearFilters);
    // The breached count is a link to the breached tickets.
    connect(count_, &QLabel::linkActivated, breached_, [this] { breached_->setChecked(true); });

    connect(new_, &QAction::triggered, this, &IncidentListPanel::newIncident);
    connect(merge_, &QAction::triggered, this, &IncidentListPanel::mergeCurrent);
    connect(refresh_, &QAction::triggered, this, [this] { refreshRequest_ = service_->reload(); });
    connect(find_, &QAction::triggered, this, [this] {
        text_->setFocus(Qt::ShortcutFocusReason);
        text_->selectAll();
    });
    // Enter and a double-click.
    connect(view_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = index.data(IncidentListModel::IdRole).toLongLong())
            Q_EMIT incidentActivated(id);
    });

    auto listChanged = [this] {
        if (pendingSelection_ != 0 && service_->model()->rowOfId(pendingSelection_) >= 0)
            selectIncident(pendingSelection_);
        updateState();
    };
    for (QAbstractItemModel* changing :
         {static_cast<QAbstractItemModel*>(model), static_cast<QAbstractItemModel*>(filter_)}) {
        connect(changing, &QAbstractItemModel::modelReset, this, listChanged);
        connect(changing, &QAbstractItemModel::layoutChanged, this, listChanged);
        connect(changing, &QAbstractItemModel::rowsInserted, this, listChanged);
        connect(changing, &QAbstractItemModel::rowsRemoved, this, listChanged);
    }
    connect(model, &QAbstractItemModel::dataChanged, this, &IncidentListPanel::updateState);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &IncidentListPanel::onCurrentChanged);
    connect(service_, &models::IncidentService::attachedChanged, this, [this](bool attached) {
        firstRead_ = attached && service_->isLoading();
        updateState();
    });
    // "My incidents" needs the analyst's name, known once loaded.
    connect(service_, &models::IncidentService::loaded, this, &IncidentListPanel::applyFilters);
    connect(service_, &models::IncidentService::finished, this, &IncidentListPanel::onFinished);

    applyFilters();
    retranslate();
}

QToolButton* IncidentListPanel::makeToggle(const char* name)
{
    auto* button = new QToolButton(this);
    button->setObjectName(QLatin1String(name));
    button->setCheckable(true);
    button->setProperty("chip", true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QToolButton* IncidentListPanel::makeMenuButton(const char* name, const QStringList& keys)
{
    auto* button = new QToolButton(this);
    button->setObjectName(QLatin1String(name));
    button->setProperty("chip", true);
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    for (const QString& key : keys) {
        QAction* action = menu->addAction(QString());
        action->setCheckable(true);
        action->setData(key);
    }
    button->setMenu(menu);
    return button;
}

QString IncidentListPanel::countText() const
{
    return QTextDocumentFragment::fromHtml(count_->text()).toPlainText();
}

QString IncidentListPanel::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

qint64 IncidentListPanel::currentIncidentId() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? current.data(IncidentListModel::IdRole).toLongLong() : 0;
}

void IncidentListPanel::applyFilters()
{
    filter_->setAssignee(mine_->isChecked() ? QString::fromStdString(service_->analyst().name) : QString());
    filter_->setUnassignedOnly(unassigned_->isChecked());
    filter_->setBreachedOnly(breached_->isChecked());
    const int state = state_->currentIndex();
    filter_->setOpenOnly(state == OpenStates);
    filter_->setStates(state > AllStates ? QSet<QString>{state_->currentData().toString()} : QSet<QString>{});
    filter_->setSeverities(checkedKeys(severity_));
    filter_->setTiers(checkedKeys(tier_));
    filter_->setText(text_->text());
    updateState();
}

void IncidentListPanel::clearFilters()
{
    {
        const QSignalBlocker blockMine(mine_);
        const QSignalBlocker blockUnassigned(unassigned_);
        const QSignalBlocker blockBreached(breached_);
        const QSignalBlocker blockState(state_);
        const QSignalBlocker blockText(text_);
        mine_->setChecked(false);
        unassigned_->setChecked(false);
        breached_->setChecked(false);
        state_->setCurrentIndex(AllStates);
        text_->clear();
        for (QToolButton* button : {severity_, tier_}) {
            for (QAction* action : button->menu()->actions()) {
                const QSignalBlocker blockAction(action);
                action->setChecked(false);
            }
        }
    }
    applyFilters();
}

void IncidentListPanel::selectIncident(qint64 id)
{
    IncidentListModel* model = service_->model();
    const int row = model->rowOfId(id);
    if (row < 0) {
        pendingSelection_ = id; // not listed yet: selected when it is
        return;
    }
    pendingSelection_ = 0;
    const QModelIndex source = model->index(row, IncidentListModel::TitleColumn);
    if (!filter_->mapFromSource(source).isValid())
        clearFilters();
    const QModelIndex index = filter_->mapFromSource(source);
    view_->setCurrentIndex(index);
    view_->scrollTo(index);
}

NewIncidentDialog* IncidentListPanel::newIncident()
{
    if (!new_->isEnabled())
        return nullptr;
    if (newDialog_) {
        newDialog_->raise();
        newDialog_->activateWindow();
        return newDialog_;
    }
    newDialog_ = new NewIncidentDialog(service_->analyst(), service_->analysts(), this);
    newDialog_->setAttribute(Qt::WA_DeleteOnClose);
    NewIncidentDialog* dialog = newDialog_;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        createRequest_ = service_->create(dialog->incident());
        if (createRequest_ == 0)
            showMessage(tr("The incident could not be created: the database is not open."));
        updateState();
    });
    dialog->open();
    return dialog;
}

MergeIncidentDialog* IncidentListPanel::mergeCurrent()
{
    const qint64 source = currentIncidentId();
    if (source == 0 || !merge_->isEnabled())
        return nullptr;
    if (mergeDialog_)
        mergeDialog_->close();
    mergeDialog_ = new MergeIncidentDialog(service_->model(), source, this);
    mergeDialog_->setAttribute(Qt::WA_DeleteOnClose);
    MergeIncidentDialog* dialog = mergeDialog_;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The versions as listed now: a change made meanwhile by someone else is refused.
        IncidentListModel* model = service_->model();
        const cases::IncidentListing* source = model->listing(model->rowOfId(dialog->sourceId()));
        if (!source || dialog->targetId() == 0)
            return;
        mergeRequest_ = service_->merge(dialog->sourceId(), source->incident.version, dialog->targetId(),
                                        dialog->targetVersion());
        updateState();
    });
    dialog->open();
    return dialog;
}

void IncidentListPanel::onFinished(quint64 request, const QString& error, qint64 id)
{
    if (request == 0)
        return;
    if (request == createRequest_) {
        createRequest_ = 0;
        showMessage(error.isEmpty() ? QString() : tr("The incident could not be created: %1").arg(error));
        if (error.isEmpty())
            selectIncident(id);
    } else if (request == mergeRequest_) {
        mergeRequest_ = 0;
        showMessage(error.isEmpty() ? QString() : tr("The incidents could not be merged: %1").arg(error));
        if (error.isEmpty())
            selectIncident(id); // the target, which now holds both
    } else if (request == refreshRequest_ || (firstRead_ && !service_->isLoading())) {
        // A read of the list (Refresh, or the first one).
        refreshRequest_ = 0;
        firstRead_ = false;
        if (!error.isEmpty() || readFailed_)
            showMessage(error.isEmpty() ? QString() : tr("The incidents could not be read: %1").arg(error));
        readFailed_ = !error.isEmpty();
    }
    updateState();
}

void IncidentListPanel::onCurrentChanged()
{
    const qint64 id = currentIncidentId();
    if (id != announced_) {
        announced_ = id;
        Q_EMIT currentIncidentChanged(id);
    }
    updateState();
}

void IncidentListPanel::showMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void IncidentListPanel::updateState()
{
    IncidentListModel* model = service_->model();
    const int total = model->rowCount();
    const int shown = filter_->rowCount();
    const bool attached = service_->isAttached();

    QString count;
    if (attached && !service_->isLoading()) {
        count = shown == total ? tr("%n incident(s)", nullptr, total)
                               : tr("%1 of %n incident(s)", nullptr, total).arg(shown);
        count = count.toHtmlEscaped();
        if (const int breached = model->breachedCount(); breached > 0) {
            count += QStringLiteral(" · <a href=\"breached\" style=\"color: %1; font-weight: 600; "
                                    "text-decoration: none;\">%2</a>")
                         .arg(kBreachedColour, tr("%n SLA breached", nullptr, breached).toHtmlEscaped());
        }
    }
    count_->setText(count);
    count_->setToolTip(model->breachedCount() > 0 ? tr("Show the open incidents past their SLA") : QString());

    if (attached && shown > 0) {
        stack_->setCurrentWidget(view_);
    } else {
        stack_->setCurrentWidget(placeholder_);
        placeholder_->setText(
            !attached               ? tr("The incidents appear here once the database is open.")
            : service_->isLoading() ? tr("Reading the incidents…")
            : total == 0 ? tr("No incidents yet. Open one with New Incident… (%1) or from the alert queue.")
                               .arg(new_->shortcut().toString(QKeySequence::NativeText))
                         : tr("No incident matches these filters."));
    }

    // A filtering menu button says what it keeps: "Severity: High, Critical".
    auto describe = [](QToolButton* button, const QString& name) {
        QStringList chosen;
        for (const QAction* action : button->menu()->actions()) {
            if (action->isChecked())
                chosen << action->text();
        }
        button->setText(chosen.isEmpty() ? name : tr("%1: %2").arg(name, chosen.join(QStringLiteral(", "))));
        if (button->property("active").toBool() != !chosen.isEmpty()) {
            button->setProperty("active", !chosen.isEmpty());
            button->style()->unpolish(button);
            button->style()->polish(button);
        }
    };
    describe(severity_, tr("Severity"));
    describe(tier_, tr("Tier"));
    clear_->setEnabled(mine_->isChecked() || unassigned_->isChecked() || breached_->isChecked() ||
                       state_->currentIndex() != AllStates || !checkedKeys(severity_).isEmpty() ||
                       !checkedKeys(tier_).isEmpty() || !text_->text().isEmpty());

    const bool loaded = attached && !service_->isLoading();
    new_->setEnabled(loaded && createRequest_ == 0);
    mine_->setEnabled(loaded && !service_->analyst().name.empty()); // "mine" needs to know who I am
    const cases::IncidentListing* current = model->listing(model->rowOfId(currentIncidentId()));
    // Migration 0013 lets new, triage and in-progress tickets be merged; an escalated one belongs
    // to level 3.
    merge_->setEnabled(loaded && mergeRequest_ == 0 && current &&
                       cases::isOpenState(current->incident.state) &&
                       current->incident.state != "escalated" && service_->mayEdit(current->incident));
    refresh_->setEnabled(attached);
}

void IncidentListPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IncidentListPanel::retranslate()
{
    auto withKey = [](const QString& tip, const QAction* action) {
        return tr("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText));
    };
    new_->setText(tr("&New Incident…"));
    new_->setToolTip(withKey(tr("Open a ticket by hand"), new_));
    merge_->setText(tr("&Merge Into…"));
    merge_->setToolTip(tr("Merge the selected incident into another one that covers the same case"));
    refresh_->setText(tr("&Refresh"));
    refresh_->setToolTip(withKey(tr("Read the incidents again now"), refresh_));
    find_->setText(tr("Filter Incidents"));

    mine_->setText(tr("My incidents"));
    mine_->setToolTip(tr("Only the incidents assigned to me"));
    unassigned_->setText(tr("Unassigned"));
    unassigned_->setToolTip(tr("Only the incidents nobody has taken yet"));
    breached_->setText(tr("SLA breached"));
    breached_->setToolTip(tr("Only the open incidents past their SLA due time"));
    state_->setItemText(OpenStates, tr("Open"));
    state_->setItemText(AllStates, tr("All states"));
    for (int index = AllStates + 1; index < state_->count(); ++index)
        state_->setItemText(index, IncidentLabels::state(state_->itemData(index).toString()));
    state_->setToolTip(tr("State: Open lists new, triage, in progress and escalated incidents"));
    for (QAction* action : severity_->menu()->actions())
        action->setText(IncidentLabels::severity(action->data().toString()));
    for (QAction* action : tier_->menu()->actions())
        action->setText(IncidentLabels::tier(action->data().toString()));
    severity_->setToolTip(tr("Only these severities"));
    tier_->setToolTip(tr("Only these tiers"));
    text_->setPlaceholderText(tr("Filter: #id, title, assignee, tag (%1)")
                                  .arg(find_->shortcut().toString(QKeySequence::NativeText)));
    clear_->setText(tr("Clear filters"));
    clear_->setToolTip(tr("Show every incident"));
    service_->model()->retranslate();
    updateState();
}

NewIncidentDialog* IncidentListPanel::newIncidentDialog() const
{
    return newDialog_;
}

MergeIncidentDialog* IncidentListPanel::mergeDialog() const
{
    return mergeDialog_;
}

} // namespace vigie::widgets
