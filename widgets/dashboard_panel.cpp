// DashboardPanel: dashboards in tabs, their toolbar, variables bar and undo. GUI thread.
#include "dashboard_panel.h"

#include "dashboard_canvas.h"
#include "dashboard_commands.h"
#include "dashboard_exporter.h"
#include "qt_time.h"
#include "shipped_dashboard_text.h"
#include "tile_editor_dialog.h"
#include "tile_frame.h"

#include "dashboard/drill_down.h"
#include "dashboard_document.h"
#include "dashboard_refresher.h"
#include "dashboard_service.h"
#include "query/variables.h"
#include "tile_query_pool.h"
#include "tile_result.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::widgets {

namespace {

constexpr const char* kRelativeRanges[] = {"-15m", "-1h", "-24h", "-7d", "-30d"};
constexpr int kRefreshChoices[] = {0, 30, 60, 300};


} // namespace

DashboardPanel::DashboardPanel(QWidget* parent)
    : QWidget(parent), service_(new models::DashboardService(this)), pool_(new models::TileQueryPool(this)),
      refresher_(new models::DashboardRefresher(pool_, this)), undo_(new QUndoStack(this)),
      toolBar_(new QToolBar(this)), range_(new QComboBox(this)), autoRefresh_(new QComboBox(this)),
      elapsed_(new QLabel(this)), variablesBar_(new QWidget(this)),
      variablesLayout_(new QHBoxLayout(variablesBar_)), tabs_(new QTabWidget(this)), status_(new QLabel(this))
{
    setObjectName(QStringLiteral("dashboardPanel"));
    range_->setObjectName(QStringLiteral("dashboardRangeCombo"));
    autoRefresh_->setObjectName(QStringLiteral("dashboardAutoRefreshCombo"));
    elapsed_->setObjectName(QStringLiteral("dashboardElapsedLabel"));
    variablesBar_->setObjectName(QStringLiteral("dashboardVariablesBar"));
    tabs_->setObjectName(QStringLiteral("dashboardTabs"));
    tabs_->setDocumentMode(true);
    tabs_->setMovable(false);
    tabs_->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    status_->setObjectName(QStringLiteral("dashboardStatus"));
    status_->setWordWrap(true);
    status_->hide();
    variablesLayout_->setContentsMargins(6, 0, 6, 0);

    createActions();
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->addAction(addTile_);
    toolBar_->addSeparator();
    toolBar_->addWidget(range_);
    toolBar_->addWidget(autoRefresh_);
    toolBar_->addAction(refresh_);
    toolBar_->addWidget(elapsed_);
    toolBar_->addSeparator();
    toolBar_->addWidget(variablesBar_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar_);
    layout->addWidget(status_);
    layout->addWidget(tabs_, 1);

    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(500);
    connect(&saveTimer_, &QTimer::timeout, this, &DashboardPanel::saveDirty);

    connect(service_->model(), &QAbstractItemModel::modelReset, this, &DashboardPanel::syncTabs);
    connect(service_->model(), &QAbstractItemModel::rowsInserted, this, &DashboardPanel::syncTabs);
    connect(service_->model(), &QAbstractItemModel::rowsRemoved, this, &DashboardPanel::syncTabs);
    connect(service_->model(), &QAbstractItemModel::dataChanged, this, &DashboardPanel::syncTabs);
    connect(service_, &models::DashboardService::opened, this, &DashboardPanel::onOpened);
    connect(service_, &models::DashboardService::finished, this,
            [this](quint64, const QString& error, qint64) {
                if (!error.isEmpty())
                    showStatus(error);
            });
    connect(service_, &models::DashboardService::restoredShipped, this, [this](quint64, int count) {
        showStatus(tr("%n shipped dashboard(s) restored.", nullptr, count));
    });
    connect(service_, &models::DashboardService::importConflict, this,
            [this](quint64, const QString& path, const QString& existing) {
                QMessageBox box(QMessageBox::Question, tr("Import Dashboard"),
                                tr("The dashboard “%1” was imported before.").arg(existing),
                                QMessageBox::Cancel, this);
                QPushButton* replace = box.addButton(tr("&Replace It"), QMessageBox::AcceptRole);
                QPushButton* copy = box.addButton(tr("Import as a &Copy"), QMessageBox::AcceptRole);
                box.exec();
                if (box.clickedButton() == replace)
                    service_->importFile(path, models::DashboardImportMode::Replace);
                else if (box.clickedButton() == copy)
                    service_->importFile(path, models::DashboardImportMode::Copy);
            });
    connect(service_, &models::DashboardService::changedElsewhere, this, [this] {
        for (const Page& page : std::as_const(pages_)) {
            if (page.document)
                page.document->reloadIfChanged();
        }
    });
    connect(tabs_, &QTabWidget::currentChanged, this, &DashboardPanel::onCurrentTabChanged);
    connect(tabs_->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const int index = tabs_->tabBar()->tabAt(pos);
        if (index >= 0)
            tabs_->setCurrentIndex(index);
        QMenu menu(this);
        menu.addActions({new_, rename_, duplicate_, delete_});
        menu.addSeparator();
        menu.addActions({import_, export_, exportPng_, exportPdf_});
        menu.addSeparator();
        menu.addAction(restoreShipped_);
        menu.exec(tabs_->tabBar()->mapToGlobal(pos));
    });

    connect(refresher_, &models::DashboardRefresher::tileResult, this, &DashboardPanel::showResult);
    connect(refresher_, &models::DashboardRefresher::refreshStarted, this, [this] {
        if (DashboardCanvas* canvas = currentCanvas()) {
            for (TileFrame* frame : canvas->frames())
                frame->setRefreshing(true);
        }
        elapsed_->setText(tr("Refreshing…"));
    });
    connect(refresher_, &models::DashboardRefresher::refreshFinished, this,
            [this](std::chrono::milliseconds elapsed) {
                if (DashboardCanvas* canvas = currentCanvas()) {
                    for (TileFrame* frame : canvas->frames())
                        frame->setRefreshing(false);
                }
                elapsed_->setText(tr("%1 ms").arg(elapsed.count()));
            });
    connect(refresher_, &models::DashboardRefresher::variableValuesReady, this,
            [this](const QString& name, const QStringList& values, const QString& error) {
                auto* combo = variablesBar_->findChild<QComboBox*>(QStringLiteral("variable_%1").arg(name));
                if (!combo)
                    return;
                const QString current = combo->currentData().toString();
                const QSignalBlocker blocker(combo);
                for (const QString& value : values) {
                    if (combo->findData(value) < 0)
                        combo->addItem(value, value);
                }
                combo->setCurrentIndex(std::max(combo->findData(current), 0));
                if (!error.isEmpty())
                    combo->setToolTip(error);
            });
    connect(undo_, &QUndoStack::indexChanged, this, &DashboardPanel::updateActions);
    retranslate();
    updateActions();
}

DashboardPanel::~DashboardPanel()
{
    // Edits not yet saved are saved now; the service sends them before its worker stops.
    saveDirty();
    refresher_->setDocument(nullptr);
    pool_->stop();
    service_->detach();
}

void DashboardPanel::createActions()
{
    auto make = [this](const char* name, const QKeySequence& shortcut = {}) {
        auto* action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        // Only while the dashboards have the focus, so the search view keeps its own keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    new_ = make("newDashboardAction");
    rename_ = make("renameDashboardAction", QKeySequence(Qt::Key_F2));
    duplicate_ = make("duplicateDashboardAction");
    delete_ = make("deleteDashboardAction");
    restoreShipped_ = make("restoreShippedDashboardsAction");
    import_ = make("importDashboardAction");
    export_ = make("exportDashboardAction");
    exportPng_ = make("exportDashboardPngAction");
    exportPdf_ = make("exportDashboardPdfAction");
    addTile_ = make("addTileAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    refresh_ = make("refreshDashboardAction", QKeySequence::Refresh);
    undoAction_ = make("undoDashboardAction", QKeySequence::Undo);
    redoAction_ = make("redoDashboardAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    connect(new_, &QAction::triggered, this, &DashboardPanel::newDashboard);
    connect(rename_, &QAction::triggered, this, &DashboardPanel::renameDashboard);
    connect(duplicate_, &QAction::triggered, this, &DashboardPanel::duplicateDashboard);
    connect(delete_, &QAction::triggered, this, &DashboardPanel::deleteDashboard);
    connect(restoreShipped_, &QAction::triggered, service_, &models::DashboardService::restoreShipped);
    connect(import_, &QAction::triggered, this, &DashboardPanel::importDashboard);
    connect(export_, &QAction::triggered, this, &DashboardPanel::exportDashboard);
    connect(exportPng_, &QAction::triggered, this, [this] { exportImage(false); });
    connect(exportPdf_, &QAction::triggered, this, [this] { exportImage(true); });
    connect(addTile_, &QAction::triggered, this, &DashboardPanel::addTile);
    connect(refresh_, &QAction::triggered, refresher_, &models::DashboardRefresher::refreshNow);
    connect(undoAction_, &QAction::triggered, undo_, &QUndoStack::undo);
    connect(redoAction_, &QAction::triggered, undo_, &QUndoStack::redo);

    for (const char* relative : kRelativeRanges)
        range_->addItem(QString(), QString::fromLatin1(relative));
    range_->addItem(QString()); // Custom…: an absolute range
    for (const int seconds : kRefreshChoices)
        autoRefresh_->addItem(QString(), seconds);
    connect(range_, &QComboBox::activated, this, &DashboardPanel::onRangeChosen);
    connect(autoRefresh_, &QComboBox::activated, this, &DashboardPanel::onAutoRefreshChosen);
}

void DashboardPanel::retranslate()
{
    new_->setText(tr("&New Dashboard"));
    rename_->setText(tr("&Rename Dashboard…"));
    duplicate_->setText(tr("D&uplicate Dashboard"));
    delete_->setText(tr("&Delete Dashboard"));
    restoreShipped_->setText(tr("Restore &Shipped Dashboards"));
    import_->setText(tr("&Import Dashboard…"));
    export_->setText(tr("&Export Dashboard…"));
    exportPng_->setText(tr("Export as &PNG…"));
    exportPdf_->setText(tr("Export as P&DF…"));
    addTile_->setText(tr("&Add Tile"));
    addTile_->setToolTip(tr("Add a tile to this dashboard (Ctrl+Shift+N)"));
    refresh_->setText(tr("Re&fresh"));
    refresh_->setToolTip(tr("Refresh every tile now (F5)"));
    undoAction_->setText(tr("&Undo"));
    redoAction_->setText(tr("&Redo"));
    const QStringList ranges = {tr("Last 15 minutes"), tr("Last hour"),    tr("Last 24 hours"),
                                tr("Last 7 days"),     tr("Last 30 days"), tr("Custom…")};
    for (int i = 0; i < ranges.size(); ++i)
        range_->setItemText(i, ranges.at(i));
    const QStringList refreshes = {tr("Auto-refresh off"), tr("Every 30 s"), tr("Every minute"),
                                   tr("Every 5 minutes")};
    for (int i = 0; i < refreshes.size(); ++i)
        autoRefresh_->setItemText(i, refreshes.at(i));
    syncTimeBar();
    syncTabs(); // the shipped dashboards' names
    rebuildVariables();
}

void DashboardPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresher_->setVisible(true);
}

void DashboardPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    refresher_->setVisible(false);
}

void DashboardPanel::attach(const QString& conninfo)
{
    QString error;
    if (!service_->attach(conninfo, &error)) {
        showStatus(tr("The dashboards cannot be read: %1").arg(error));
        return;
    }
    pool_->start(conninfo);
}

DashboardPanel::Page* DashboardPanel::currentPage()
{
    auto* canvas = qobject_cast<DashboardCanvas*>(tabs_->currentWidget());
    for (Page& page : pages_) {
        if (page.canvas == canvas && canvas)
            return &page;
    }
    return nullptr;
}

DashboardPanel::Page* DashboardPanel::pageOf(const models::DashboardDocument* document)
{
    for (Page& page : pages_) {
        if (page.document == document)
            return &page;
    }
    return nullptr;
}

TileEditorDialog* DashboardPanel::tileEditor() const
{
    return editor_;
}

DashboardCanvas* DashboardPanel::currentCanvas() const
{
    return qobject_cast<DashboardCanvas*>(tabs_->currentWidget());
}

models::DashboardDocument* DashboardPanel::currentDocument() const
{
    auto* canvas = currentCanvas();
    for (const Page& page : pages_) {
        if (page.canvas == canvas && canvas)
            return page.document;
    }
    return nullptr;
}

void DashboardPanel::syncTabs()
{
    const auto* model = service_->model();
    QSet<qint64> listed;
    const QSignalBlocker blocker(tabs_);
    const QWidget* before = tabs_->currentWidget();
    for (int row = 0; row < model->rowCount(); ++row) {
        const models::DashboardEntry& entry = model->entry(row);
        listed.insert(entry.id);
        Page& page = pages_[entry.id];
        if (!page.canvas) {
            page.id = entry.id;
            page.canvas = new DashboardCanvas(tabs_);
            connect(page.canvas, &DashboardCanvas::geometryEdited, this, &DashboardPanel::onGeometryEdited);
            connect(page.canvas, &DashboardCanvas::editRequested, this, &DashboardPanel::editTile);
            connect(page.canvas, &DashboardCanvas::duplicateRequested, this, &DashboardPanel::duplicateTile);
            connect(page.canvas, &DashboardCanvas::removeRequested, this, &DashboardPanel::removeTile);
            connect(page.canvas, &DashboardCanvas::drillRequested, this, &DashboardPanel::drillDown);
        }
        const int index = tabs_->indexOf(page.canvas);
        if (index != row) {
            if (index >= 0)
                tabs_->removeTab(index);
            tabs_->insertTab(row, page.canvas, QString());
        }
        tabs_->setTabText(row, shownDashboardText(entry.name.toStdString()));
    }
    for (auto it = pages_.begin(); it != pages_.end();) {
        if (listed.contains(it.key())) {
            ++it;
            continue;
        }
        if (refresher_->document() == it->document)
            refresher_->setDocument(nullptr);
        // Undo of a delete restores the dashboard with the same id: its commands hold the
        // document, which is dropped here, so they stop acting on it (QPointer) and a new one opens.
        delete it->canvas;
        delete it->document;
        it = pages_.erase(it);
    }
    if (tabs_->currentWidget() != before || !currentDocument())
        onCurrentTabChanged();
    updateActions();
}

void DashboardPanel::onCurrentTabChanged()
{
    Page* page = currentPage();
    if (!page) {
        refresher_->setDocument(nullptr);
        updateActions();
        return;
    }
    if (!page->document) {
        page->document = new models::DashboardDocument(service_, this);
        models::DashboardDocument* document = page->document;
        DashboardCanvas* canvas = page->canvas;
        auto redraw = [canvas, document] { canvas->setDashboard(document->spec()); };
        connect(document, &models::DashboardDocument::reset, canvas, redraw);
        connect(document, &models::DashboardDocument::tileAdded, canvas, redraw);
        connect(document, &models::DashboardDocument::tileRemoved, canvas, redraw);
        connect(document, &models::DashboardDocument::tileChanged, canvas, redraw);
        connect(document, &models::DashboardDocument::geometryChanged, canvas, redraw);
        connect(document, &models::DashboardDocument::reset, this, [this, document] {
            if (document == currentDocument()) {
                rebuildVariables();
                syncTimeBar();
            }
        });
        connect(document, &models::DashboardDocument::variableChanged, canvas,
                [canvas, document] { canvas->setVariables(document->variableValues()); });
        connect(document, &models::DashboardDocument::timeRangeChanged, this, &DashboardPanel::syncTimeBar);
        connect(document, &models::DashboardDocument::refreshChanged, this, &DashboardPanel::syncTimeBar);
        connect(document, &models::DashboardDocument::nameChanged, this, [this, canvas](const QString& name) {
            tabs_->setTabText(tabs_->indexOf(canvas), shownDashboardText(name.toStdString()));
        });
        connect(document, &models::DashboardDocument::dirtyChanged, this, [this](bool dirty) {
            if (dirty)
                saveTimer_.start();
        });
        connect(document, &models::DashboardDocument::saveRefused, this, &DashboardPanel::showStatus);
        connect(document, &models::DashboardDocument::conflict, this, [this] {
            showStatus(tr("Someone else saved this dashboard meanwhile: saving your edits will be refused "
                          "and their version shown."));
        });
        openRequest_ = service_->open(page->id);
    }
    showDocument(page->document);
}

void DashboardPanel::onOpened(quint64, const store::StoredDashboard& dashboard)
{
    auto it = pages_.find(dashboard.summary.id);
    if (it == pages_.end() || !it->document || it->document->id() != 0)
        return; // a reload the document asked for itself handles its own answer
    it->document->load(dashboard);
    if (it->document == currentDocument())
        showDocument(it->document);
}

void DashboardPanel::showDocument(models::DashboardDocument* document)
{
    if (document->id() == 0)
        return; // still opening: onOpened() comes back here
    if (DashboardCanvas* canvas = currentCanvas()) {
        canvas->setDashboard(document->spec());
        canvas->setVariables(document->variableValues());
    }
    rebuildVariables();
    syncTimeBar();
    refresher_->setDocument(document);
    updateActions();
}

void DashboardPanel::rebuildVariables()
{
    while (QLayoutItem* item = variablesLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    const dashboard::VariableValues values = document->variableValues();
    for (const auto& variable : document->spec().variables) {
        const QString name = QString::fromStdString(variable.name);
        auto* label = new QLabel(shownDashboardText(variable.label.empty() ? variable.name : variable.label),
                                 variablesBar_);
        auto* combo = new QComboBox(variablesBar_);
        combo->setObjectName(QStringLiteral("variable_%1").arg(name));
        combo->setMinimumContentsLength(12);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        label->setBuddy(combo);
        if (variable.include_all)
            combo->addItem(tr("All"), QString::fromLatin1(query::kAnyValue.data(), query::kAnyValue.size()));
        const auto current = values.find(variable.name);
        const QString value = current != values.end() ? QString::fromStdString(current->second) : QString();
        if (!value.isEmpty() && combo->findData(value) < 0)
            combo->addItem(value, value);
        combo->setCurrentIndex(std::max(combo->findData(value), 0));
        connect(combo, &QComboBox::activated, this, [this, combo, name] {
            if (models::DashboardDocument* document = currentDocument())
                document->setVariableValue(name, combo->currentData().toString());
        });
        variablesLayout_->addWidget(label);
        variablesLayout_->addWidget(combo);
        refresher_->requestVariableValues(name);
    }
    variablesBar_->setVisible(!document->spec().variables.empty());
}

void DashboardPanel::syncTimeBar()
{
    const models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    const auto& time = document->spec().time;
    const int index =
        time.isRelative() ? range_->findData(QString::fromStdString(time.relative)) : range_->count() - 1;
    range_->setCurrentIndex(index >= 0 ? index : range_->count() - 1);
    range_->setItemText(
        range_->count() - 1,
        time.isRelative()
            ? tr("Custom…")
            : tr("%1 to %2").arg(QString::fromStdString(time.from), QString::fromStdString(time.to)));
    const int refresh = autoRefresh_->findData(document->spec().refresh_seconds);
    if (refresh < 0)
        autoRefresh_->addItem(tr("Every %1 s").arg(document->spec().refresh_seconds),
                              document->spec().refresh_seconds);
    autoRefresh_->setCurrentIndex(autoRefresh_->findData(document->spec().refresh_seconds));
}

void DashboardPanel::onRangeChosen(int index)
{
    models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    dashboard::TimeSpec time;
    if (index < range_->count() - 1) {
        time.relative = range_->itemData(index).toString().toStdString();
    } else {
        // Custom…: an absolute range, in UTC as the format stores it.
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Custom Time Range"));
        auto* from = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addDays(-1), &dialog);
        auto* to = new QDateTimeEdit(QDateTime::currentDateTimeUtc(), &dialog);
        for (QDateTimeEdit* edit : {from, to}) {
            edit->setTimeSpec(Qt::UTC);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
            edit->setCalendarPopup(true);
        }
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        auto* form = new QFormLayout(&dialog);
        form->addRow(tr("&From (UTC):"), from);
        form->addRow(tr("&To (UTC):"), to);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted || from->dateTime() >= to->dateTime()) {
            syncTimeBar();
            return;
        }
        const QString format = QStringLiteral("yyyy-MM-ddTHH:mm:00Z");
        time.relative.clear();
        time.from = from->dateTime().toUTC().toString(format).toStdString();
        time.to = to->dateTime().toUTC().toString(format).toStdString();
    }
    document->setTimeRange(time);
}

void DashboardPanel::onAutoRefreshChosen(int index)
{
    if (models::DashboardDocument* document = currentDocument())
        document->setRefresh(autoRefresh_->itemData(index).toInt());
}

void DashboardPanel::showResult(const models::TileResult& result)
{
    if (DashboardCanvas* canvas = currentCanvas()) {
        if (TileFrame* frame = canvas->frame(result.tile_id)) {
            frame->setRefreshing(false);
            frame->showResult(result);
        }
    }
}

void DashboardPanel::showStatus(const QString& message)
{
    status_->setText(message);
    status_->setVisible(!message.isEmpty());
}

void DashboardPanel::saveDirty()
{
    saveTimer_.stop();
    for (const Page& page : std::as_const(pages_)) {
        if (page.document && page.document->isDirty() && page.document->id() != 0)
            page.document->save();
    }
}

void DashboardPanel::onGeometryEdited(const QString& tileId, const QRect& cells)
{
    models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    std::vector<dashboard::TileSpec> before = document->tiles();
    std::vector<dashboard::TileSpec> after = placeTile(before, tileId.toStdString(), cells);
    if (after != before)
        undo_->push(new TileGeometryCommand(document, std::move(before), std::move(after)));
}

void DashboardPanel::addTile()
{
    models::DashboardDocument* document = currentDocument();
    if (!document || editor_)
        return;
    dashboard::TileSpec tile;
    tile.title = tr("Events over time").toStdString();
    tile.w = 6;
    tile.h = 4;
    editor_ = new TileEditorDialog(document->spec(), tile, this);
    editor_->setAttribute(Qt::WA_DeleteOnClose);
    // Closed now, deleted later: another tile may be edited at once.
    connect(editor_, &QDialog::finished, this, [this] { editor_ = nullptr; });
    connect(editor_, &QDialog::accepted, this, [this, document = QPointer(document)] {
        if (document && editor_)
            undo_->push(new AddTileCommand(document, editor_->tile()));
    });
    editor_->open();
}

void DashboardPanel::editTile(const QString& tileId)
{
    models::DashboardDocument* document = currentDocument();
    if (!document || editor_)
        return;
    const dashboard::TileSpec* tile = document->tile(tileId);
    if (!tile)
        return;
    editor_ = new TileEditorDialog(document->spec(), *tile, this);
    editor_->setAttribute(Qt::WA_DeleteOnClose);
    // Closed now, deleted later: another tile may be edited at once.
    connect(editor_, &QDialog::finished, this, [this] { editor_ = nullptr; });
    connect(editor_, &QDialog::accepted, this, [this, document = QPointer(document), before = *tile] {
        if (!document || !editor_)
            return;
        dashboard::TileSpec after = editor_->tile();
        // The tile may have moved while the editor was open: keep where it is now.
        for (const auto& tile : document->spec().tiles) {
            if (tile.id == after.id) {
                after.x = tile.x, after.y = tile.y, after.w = tile.w, after.h = tile.h;
                if (after != tile)
                    undo_->push(new EditTileCommand(document, after));
            }
        }
    });
    editor_->open();
}

void DashboardPanel::duplicateTile(const QString& tileId)
{
    models::DashboardDocument* document = currentDocument();
    const dashboard::TileSpec* tile = document ? document->tile(tileId) : nullptr;
    if (!tile)
        return;
    dashboard::TileSpec copy = *tile;
    copy.id.clear(); // the document gives a free id and a free spot
    undo_->push(new AddTileCommand(document, copy));
}

void DashboardPanel::removeTile(const QString& tileId)
{
    if (models::DashboardDocument* document = currentDocument())
        undo_->push(new RemoveTileCommand(document, tileId));
}

void DashboardPanel::drillDown(const QString& tileId, const dashboard::DrillTarget& target)
{
    const models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    const dashboard::TileSpec* tile = document->tile(tileId);
    if (!tile)
        return;
    // The refresh's own now and variables, so the search shows what the tile showed.
    dashboard::TileContext context = refresher_->lastContext();
    if (context.now == Timestamp{}) {
        context.now = nowTimestamp();
        context.variables = document->variableValues();
    }
    try {
        const dashboard::DrillQuery drill = dashboard::drillQuery(document->spec(), *tile, context, target);
        SearchEntry entry;
        entry.query = QString::fromStdString(drill.query);
        if (drill.range.from)
            entry.from = models::utcDateTime(*drill.range.from);
        if (drill.range.to)
            entry.to = models::utcDateTime(*drill.range.to);
        emit searchRequested(entry);
    } catch (const std::exception& error) {
        showStatus(tr("This tile cannot open in Search: %1").arg(QString::fromStdString(error.what())));
    }
}

void DashboardPanel::newDashboard()
{
    dashboard::DashboardSpec spec;
    spec.uid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    spec.name = service_->uniqueName(tr("New dashboard")).toStdString();
    service_->add(spec);
}

void DashboardPanel::renameDashboard()
{
    models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Dashboard"), tr("&Name:"), QLineEdit::Normal,
                                               QString::fromStdString(document->spec().name), &ok)
                             .trimmed();
    if (!ok || name.isEmpty() || name.toStdString() == document->spec().name)
        return;
    if (service_->model()->rowOfName(name) >= 0) {
        showStatus(tr("Another dashboard is already named “%1”.").arg(name));
        return;
    }
    undo_->push(new RenameDashboardCommand(document, name));
}

void DashboardPanel::duplicateDashboard()
{
    const models::DashboardDocument* document = currentDocument();
    if (!document || document->id() == 0)
        return;
    saveDirty(); // the copy is made from what is stored
    const QString name =
        service_->uniqueName(tr("%1 (copy)").arg(QString::fromStdString(document->spec().name)));
    undo_->push(new DuplicateDashboardCommand(service_, document->id(), name));
}

void DashboardPanel::deleteDashboard()
{
    const models::DashboardDocument* document = currentDocument();
    if (!document || document->id() == 0)
        return;
    saveDirty();
    undo_->push(new DeleteDashboardCommand(service_, document->id()));
    showStatus(tr("Dashboard “%1” deleted. Undo (Ctrl+Z) brings it back.")
                   .arg(QString::fromStdString(document->spec().name)));
}

void DashboardPanel::importDashboard()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Dashboard"), QString(),
                                                      tr("Dashboards (*.json);;All files (*)"));
    if (!path.isEmpty())
        service_->importFile(path);
}

void DashboardPanel::exportDashboard()
{
    const models::DashboardDocument* document = currentDocument();
    if (!document)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Dashboard"), QString::fromStdString(document->spec().name) + QStringLiteral(".json"),
        tr("Dashboards (*.json)"));
    if (!path.isEmpty())
        service_->exportSpec(document->spec(), path);
}

void DashboardPanel::exportImage(bool pdf)
{
    const models::DashboardDocument* document = currentDocument();
    DashboardCanvas* canvas = currentCanvas();
    if (!document || !canvas)
        return;
    const QString name = QString::fromStdString(document->spec().name);
    const QString path =
        QFileDialog::getSaveFileName(this, pdf ? tr("Export as PDF") : tr("Export as PNG"),
                                     name + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".png")),
                                     pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    try {
        if (pdf) {
            const query::TimeRange& range = refresher_->lastRange();
            const QString subtitle = range.from && range.to
                                         ? tr("%1 to %2 (UTC)")
                                               .arg(models::utcDateTime(*range.from).toString(Qt::ISODate),
                                                    models::utcDateTime(*range.to).toString(Qt::ISODate))
                                         : QString();
            exportPdf(*canvas->content(), name, subtitle, path);
        } else {
            exportPng(*canvas->content(), path);
        }
        showStatus(tr("Exported to %1.").arg(path));
    } catch (const std::exception& error) {
        showStatus(QString::fromStdString(error.what()));
    }
}

void DashboardPanel::updateActions()
{
    const models::DashboardDocument* document = currentDocument();
    const bool open = document && document->id() != 0;
    for (QAction* action :
         {rename_, duplicate_, delete_, export_, exportPng_, exportPdf_, addTile_, refresh_})
        action->setEnabled(open);
    undoAction_->setEnabled(undo_->canUndo());
    redoAction_->setEnabled(undo_->canRedo());
}

} // namespace vigie::widgets
