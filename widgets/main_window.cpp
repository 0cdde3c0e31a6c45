#include "main_window.h"

#include "administration_controller.h"
#include "alert_queue_panel.h"
#include "alert_queue_service.h"
#include "anomaly_settings_controller.h"
#include "dashboard_panel.h"
#include "engine_status.h"
#include "event_detail_pane.h"
#include "event_histogram.h"
#include "event_table_model.h"
#include "event_table_view.h"
#include "export_controller.h"
#include "export_strip.h"
#include "histogram_view.h"
#include "import_controller.h"
#include "import_queue.h"
#include "import_strip.h"
#include "incident_list_panel.h"
#include "incidents_controller.h"
#include "ingest_status_bar.h"
#include "ingest_status_panel.h"
#include "language_switcher.h"
#include "retro_hunt_controller.h"
#include "rule_manager_panel.h"
#include "saved_search_service.h"
#include "saved_searches_panel.h"
#include "search_bar.h"
#include "source_service.h"
#include "sources_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::widgets {

MainWindow::MainWindow(models::EngineStatus* status, LanguageSwitcher* languages,
                       models::SourceService* sources, models::ImportQueue* imports, QWidget* parent)
    : QMainWindow(parent), status_(status), languages_(languages), model_(new models::EventTableModel(this)),
      view_(new EventTableView(this)), detail_(new EventDetailPane(this)),
      searchBar_(new SearchBar(model_, this)), histogram_(new models::EventHistogram(this)),
      histogramView_(new HistogramView(histogram_, this)), statusBar_(new IngestStatusBar(status, this)),
      splitter_(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    view_->setObjectName(QStringLiteral("eventsTable"));
    detail_->setObjectName(QStringLiteral("eventDetail"));
    view_->setModel(model_);

    splitter_->addWidget(view_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(searchBar_);
    centralLayout->addWidget(histogramView_);
    centralLayout->addWidget(splitter_, 1);
    if (imports) {
        imports_ = new ImportController(imports, this);
        centralLayout->addWidget(imports_->strip());
        connect(imports_, &ImportController::countersRequested, this, &MainWindow::showIngestCounters);
        // An import fills the events: show them, with the progress strip under them.
        connect(imports, &models::ImportQueue::started, this, &MainWindow::showSearch);
    }
    exports_ = new ExportController(model_, this);
    centralLayout->addWidget(exports_->strip());
    // The dashboards are the home screen; the search view is the second page.
    pages_ = new QStackedWidget(this);
    dashboards_ = new DashboardPanel(pages_);
    pages_->addWidget(dashboards_);
    pages_->addWidget(central);
    setCentralWidget(pages_);
    // A click on a tile's value searches its events, as a saved search runs.
    connect(dashboards_, &DashboardPanel::searchRequested, this, [this](const SearchEntry& entry) {
        showSearch();
        searchBar_->run(entry);
    });
    // F5 reloads the events on the search page; the dashboards and incidents pages have their own,
    // as the incidents page has its own Ctrl+F (an ambiguous shortcut would fire neither).
    connect(pages_, &QStackedWidget::currentChanged, this, [this] {
        reloadAction_->setEnabled(pages_->currentIndex() == 1);
        findAction_->setEnabled(!isShowingIncidents());
        fitPagesToCurrent();
    });
    setStatusBar(statusBar_);
    createDocks(sources);
    retroHunt_ = new RetroHuntController(this);
    anomalySettings_ = new AnomalySettingsController(this);
    incidents_ = new IncidentsController(alertPanel_, view_, this);
    pages_->addWidget(incidents_->page());
    fitPagesToCurrent();
    statusBar_->addPermanentWidget(incidents_->analystLabel());
    connect(incidents_, &IncidentsController::showPageRequested, this, &MainWindow::showIncidents);
    connect(incidents_, &IncidentsController::searchRequested, this, [this](const SearchEntry& entry) {
        showSearch();
        searchBar_->run(entry);
    });
    connect(incidents_, &IncidentsController::message, statusBar_,
            [this](const QString& text) { statusBar_->showMessage(text, 15000); });
    // What a hunt stored shows in the queue at once, not at the next refresh.
    connect(retroHunt_, &RetroHuntController::huntFinished, alertQueue_, [this] { alertQueue_->reload(); });
    connect(retroHunt_, &RetroHuntController::showAlertsRequested, this,
            [this] { showPanel(QStringLiteral("alerts")); });

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(model_, &QAbstractItemModel::modelReset, detail_, &EventDetailPane::clear);
    connect(model_, &QAbstractItemModel::dataChanged, this, &MainWindow::onEventsChanged);
    connect(model_, &models::EventTableModel::searchChanged, histogram_, &models::EventHistogram::setSearch);
    connect(histogramView_, &HistogramView::rangeSelected, searchBar_, &SearchBar::zoomTo);
    connect(detail_, &EventDetailPane::filterRequested, searchBar_, &SearchBar::addFilter);
    connect(detail_, &EventDetailPane::searchAroundRequested, searchBar_, &SearchBar::searchAround);
    connect(model_, &models::EventTableModel::loadFailed, this, [this](const QString& message) {
        statusBar_->showMessage(tr("Could not read events: %1").arg(message), 10000);
    });

    createActions();
    createMenus();
    retranslate();
    restoreLayout();
}

void MainWindow::createDocks(models::SourceService* sources)
{
    setDockOptions(dockOptions() | QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    ingestPanel_ = new IngestStatusPanel(status_, this);
    addDockWidget(Qt::BottomDockWidgetArea, ingestPanel_);
    ingestPanel_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    ingestPanel_->hide();
    connect(statusBar_, &IngestStatusBar::detailsRequested, this,
            [this] { showPanel(QStringLiteral("ingest")); });
    savedSearches_ = new models::SavedSearchService(this);
    savedPanel_ = new SavedSearchesPanel(savedSearches_, searchBar_, this);
    addDockWidget(Qt::LeftDockWidgetArea, savedPanel_);
    savedPanel_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    savedPanel_->hide();
    alertQueue_ = new models::AlertQueueService(this);
    alertPanel_ = new AlertQueuePanel(alertQueue_, searchBar_, this);
    addDockWidget(Qt::RightDockWidgetArea, alertPanel_);
    alertPanel_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    alertPanel_->hide();
    if (!sources)
        return;
    sourcesPanel_ = new SourcesPanel(sources, this);
    addDockWidget(Qt::BottomDockWidgetArea, sourcesPanel_);
    // Both want the window's width (ten counters, six source columns): tabs by default.
    tabifyDockWidget(ingestPanel_, sourcesPanel_);
    sourcesPanel_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    sourcesPanel_->hide();
    // A listener that fails on its own (after it was bound) shows its error in its row.
    connect(status_, &models::EngineStatus::changed, sources->model(),
            [this, model = sources->model()] { model->applyStats(status_->stats().sources); });
}

void MainWindow::addRuleManager(models::RuleService* rules)
{
    rulePanel_ = new RuleManagerPanel(rules, this);
    addDockWidget(Qt::BottomDockWidgetArea, rulePanel_);
    // The list wants the window's width, as the ingest counters do: tabs by default.
    tabifyDockWidget(ingestPanel_, rulePanel_);
    rulePanel_->hide();
    detectionMenu_->addAction(rulePanel_->openAction());
    viewMenu_->addAction(rulePanel_->toggleViewAction());
}

void MainWindow::addAdministration(AdministrationController* administration)
{
    menuBar()->insertMenu(languageMenu_->menuAction(), administration->menu());
    connect(administration, &AdministrationController::message, statusBar_,
            [this](const QString& text) { statusBar_->showMessage(text, 15000); });
}

bool MainWindow::showPanel(const QString& name)
{
    QDockWidget* dock = name == QLatin1String("sources")  ? static_cast<QDockWidget*>(sourcesPanel_)
                        : name == QLatin1String("ingest") ? static_cast<QDockWidget*>(ingestPanel_)
                        : name == QLatin1String("saved")  ? static_cast<QDockWidget*>(savedPanel_)
                        : name == QLatin1String("alerts") ? static_cast<QDockWidget*>(alertPanel_)
                        : name == QLatin1String("rules")  ? static_cast<QDockWidget*>(rulePanel_)
                                                          : nullptr;
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    return true;
}

void MainWindow::showIngestCounters(const QString& sourceName)
{
    showPanel(QStringLiteral("ingest"));
    ingestPanel_->selectSource(sourceName);
}

void MainWindow::restoreLayout()
{
    // First run: most of the screen, the table three quarters of the width.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1400, 900);
    resize(std::max(available.width() * 9 / 10, 1000), std::max(available.height() * 9 / 10, 640));
    splitter_->setSizes({width() * 3 / 4, width() / 4});
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/mainWindow/geometry")).toByteArray());
    splitter_->restoreState(settings.value(QStringLiteral("ui/mainWindow/splitter")).toByteArray());
    restoreState(settings.value(QStringLiteral("ui/mainWindow/docks")).toByteArray());
    view_->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("ui/mainWindow/columns")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/mainWindow/splitter"), splitter_->saveState());
    settings.setValue(QStringLiteral("ui/mainWindow/docks"), saveState());
    settings.setValue(QStringLiteral("ui/mainWindow/columns"), view_->horizontalHeader()->saveState());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    copyRawAction_ = new QAction(this);
    copyRawAction_->setObjectName(QStringLiteral("copyRawLineAction"));
    copyRawAction_->setShortcut(QKeySequence::Copy);
    connect(copyRawAction_, &QAction::triggered, this, &MainWindow::copySelectedRawLine);

    findAction_ = new QAction(this);
    findAction_->setObjectName(QStringLiteral("findAction"));
    findAction_->setShortcut(QKeySequence::Find);
    connect(findAction_, &QAction::triggered, searchBar_, &SearchBar::focusQuery);

    reloadAction_ = new QAction(this);
    reloadAction_->setShortcut(QKeySequence::Refresh);
    connect(reloadAction_, &QAction::triggered, this, [this] {
        model_->reload();
        histogram_->setSearch(model_->search());
    });

    newestAction_ = new QAction(this);
    newestAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    connect(newestAction_, &QAction::triggered, view_, &QAbstractItemView::scrollToTop);

    dashboardsAction_ = new QAction(this);
    dashboardsAction_->setObjectName(QStringLiteral("showDashboardsAction"));
    dashboardsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(dashboardsAction_, &QAction::triggered, this, &MainWindow::showDashboards);
    searchViewAction_ = new QAction(this);
    searchViewAction_->setObjectName(QStringLiteral("showSearchAction"));
    searchViewAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(searchViewAction_, &QAction::triggered, this, &MainWindow::showSearch);
    incidentsViewAction_ = new QAction(this);
    incidentsViewAction_->setObjectName(QStringLiteral("showIncidentsAction"));
    incidentsViewAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(incidentsViewAction_, &QAction::triggered, this, &MainWindow::showIncidents);
    reloadAction_->setEnabled(pages_->currentIndex() == 1);

    detailsAction_ = new QAction(this);
    detailsAction_->setCheckable(true);
    detailsAction_->setChecked(true);
    detailsAction_->setShortcut(QKeySequence(Qt::Key_F3));
    connect(detailsAction_, &QAction::toggled, detail_, &QWidget::setVisible);

    aboutAction_ = new QAction(this);
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);

    languageGroup_ = new QActionGroup(this);
    languageGroup_->setExclusive(true);
    for (const QString& code : LanguageSwitcher::availableLanguages()) {
        auto* action = new QAction(LanguageSwitcher::nativeName(code), languageGroup_);
        action->setObjectName(QStringLiteral("languageAction_%1").arg(code));
        action->setCheckable(true);
        action->setData(code);
        connect(action, &QAction::triggered, this, [this, code] {
            if (!languages_->setLanguage(code, true)) {
                QMessageBox::warning(
                    this, tr("Language"),
                    tr("The %1 translation could not be loaded.").arg(LanguageSwitcher::nativeName(code)));
            }
            syncLanguageActions();
        });
    }
    connect(languages_, &LanguageSwitcher::languageChanged, this, &MainWindow::syncLanguageActions);
    syncLanguageActions();
}

void MainWindow::createMenus()
{
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    if (imports_) {
        fileMenu_->addAction(imports_->importAction());
        fileMenu_->addSeparator();
    }
    fileMenu_->addAction(exports_->exportAction());
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->setObjectName(QStringLiteral("editMenu"));
    editMenu_->addAction(copyRawAction_);
    editMenu_->addSeparator();
    editMenu_->addAction(findAction_);
    editMenu_->addAction(searchBar_->backAction());
    editMenu_->addAction(searchBar_->forwardAction());
    editMenu_->addAction(savedPanel_->saveAction());

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->setObjectName(QStringLiteral("viewMenu"));
    viewMenu_->addAction(dashboardsAction_);
    viewMenu_->addAction(searchViewAction_);
    viewMenu_->addAction(incidentsViewAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(newestAction_);
    viewMenu_->addAction(reloadAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(detailsAction_);
    viewMenu_->addSeparator();
    if (sourcesPanel_)
        viewMenu_->addAction(sourcesPanel_->toggleViewAction());
    viewMenu_->addAction(ingestPanel_->toggleViewAction());
    viewMenu_->addAction(savedPanel_->toggleViewAction());
    viewMenu_->addAction(alertPanel_->toggleViewAction());

    detectionMenu_ = menuBar()->addMenu(QString());
    detectionMenu_->setObjectName(QStringLiteral("detectionMenu"));
    detectionMenu_->addAction(retroHunt_->retroHuntAction());
    detectionMenu_->addAction(anomalySettings_->action());
    menuBar()->addMenu(incidents_->menu());

    languageMenu_ = menuBar()->addMenu(QString());
    languageMenu_->setObjectName(QStringLiteral("languageMenu"));
    languageMenu_->addActions(languageGroup_->actions());

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->setObjectName(QStringLiteral("helpMenu"));
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Vigie — Events"));
    fileMenu_->setTitle(tr("&File"));
    editMenu_->setTitle(tr("&Edit"));
    viewMenu_->setTitle(tr("&View"));
    detectionMenu_->setTitle(tr("&Detection"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    quitAction_->setText(tr("&Quit"));
    copyRawAction_->setText(tr("&Copy Raw Line"));
    copyRawAction_->setStatusTip(tr("Copy the selected event's raw line to the clipboard"));
    findAction_->setText(tr("&Search Events"));
    reloadAction_->setText(tr("&Reload Events"));
    newestAction_->setText(tr("Go to &Newest"));
    detailsAction_->setText(tr("Event &Details"));
    dashboardsAction_->setText(tr("&Dashboards"));
    searchViewAction_->setText(tr("Sea&rch"));
    incidentsViewAction_->setText(tr("&Incidents"));
    aboutAction_->setText(tr("&About Vigie"));
    model_->retranslate();
    if (!demoListener_.isEmpty())
        showDemoListener(demoListener_);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::syncLanguageActions()
{
    for (QAction* action : languageGroup_->actions())
        action->setChecked(action->data().toString() == languages_->language());
}

void MainWindow::openEvents(const QString& conninfo)
{
    QString error;
    if (!model_->open(conninfo, &error)) {
        showStartupFailure(tr("The database connection string cannot be used: %1").arg(error));
        return;
    }
    if (histogram_->open(conninfo))
        histogram_->setSearch(model_->search());
    savedSearches_->attach(conninfo);
    alertQueue_->attach(conninfo);
    exports_->setConnInfo(conninfo);
    retroHunt_->setConnInfo(conninfo);
    dashboards_->attach(conninfo);
    incidents_->attach(conninfo);
    anomalySettings_->setConnInfo(conninfo);
    if (rulePanel_)
        rulePanel_->setConnInfo(conninfo);
}

void MainWindow::showStartupFailure(const QString& message)
{
    auto* box =
        new QMessageBox(QMessageBox::Critical, tr("Vigie could not start"),
                        tr("Vigie could not open its database, so no events can be received or shown."),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("startupFailureBox"));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void MainWindow::showDemoListener(const QString& uri)
{
    demoListener_ = uri;
    statusBar_->showMessage(tr("Demo mode: the attack scenario is being sent to %1").arg(uri));
}

bool MainWindow::isShowingDashboards() const
{
    return pages_->currentWidget() == dashboards_;
}

void MainWindow::showDashboards()
{
    pages_->setCurrentWidget(dashboards_);
    dashboards_->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::fitPagesToCurrent()
{
    // A hidden page's size never widens the window (the incidents page wants room for two
    // panes; the docks beside the search should not lose it).
    for (int index = 0; index < pages_->count(); ++index) {
        const auto policy = index == pages_->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        pages_->widget(index)->setSizePolicy(policy, policy);
    }
}

bool MainWindow::isShowingIncidents() const
{
    return pages_->currentWidget() == incidents_->page();
}

void MainWindow::showIncidents()
{
    pages_->setCurrentWidget(incidents_->page());
    incidents_->listPanel()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showSearch()
{
    pages_->setCurrentIndex(1);
    searchBar_->focusQuery();
}

void MainWindow::onCurrentRowChanged(const QModelIndex& current)
{
    // A row whose page is being read again shows nothing until onEventsChanged brings it.
    const auto event = current.isValid() ? model_->row(current.row()) : std::nullopt;
    if (event)
        detail_->setEvent(*event);
    else
        detail_->clear();
}

void MainWindow::onEventsChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    const QModelIndex current = view_->currentIndex();
    if (current.isValid() && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
        onCurrentRowChanged(current);
}

void MainWindow::copySelectedRawLine()
{
    const QModelIndex current = view_->currentIndex();
    if (const auto event = current.isValid() ? model_->row(current.row()) : std::nullopt)
        QApplication::clipboard()->setText(event->raw);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Vigie"),
                       tr("<h3>Vigie %1</h3>"
                          "<p>A workstation for the analysts of a security operations centre: it collects "
                          "logs, keeps their history in PostgreSQL and shows them as they arrive.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace vigie::widgets
