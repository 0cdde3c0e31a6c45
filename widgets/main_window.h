#pragma once
// MainWindow: assembles the workstation — the search bar, the events table, the detail pane, the ingest
// status bar, the Sources, Ingest status and Saved searches docks, file import (menu, drops, progress strip)
// and the menus (File, Edit, View, Detection, Language, Help). It receives the services it shows (engine
// status, language switcher, sources, import queue; the last two optional) and is told which
// database to read; it starts nothing itself. GUI thread.
#include <QMainWindow>

class QAction;
class QActionGroup;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace vigie::models {
class AlertQueueService;
class EngineStatus;
class EventHistogram;
class EventTableModel;
class ImportQueue;
class RuleService;
class SavedSearchService;
class SourceService;
} // namespace vigie::models

namespace vigie::widgets {

class AlertQueuePanel;
class DashboardPanel;
class AnomalySettingsController;
class EventDetailPane;
class EventTableView;
class ExportController;
class AdministrationController;
class HistogramView;
class ImportController;
class IncidentsController;
class IngestStatusBar;
class IngestStatusPanel;
class LanguageSwitcher;
class RetroHuntController;
class RuleManagerPanel;
class SavedSearchesPanel;
class SearchBar;
class SourcesPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Without `sources` there is no Sources panel, without `imports` no import.
    MainWindow(models::EngineStatus* status, LanguageSwitcher* languages,
               models::SourceService* sources = nullptr, models::ImportQueue* imports = nullptr,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts reading the events of the database at `conninfo` (libpq syntax).
    void openEvents(const QString& conninfo);
    // Tells the analyst that the back end did not start, in a window-modal message box.
    void showStartupFailure(const QString& message);
    // Shows where the demo scenario is being sent.
    void showDemoListener(const QString& uri);

    models::EventTableModel* eventModel() const { return model_; }
    EventTableView* eventView() const { return view_; }
    EventDetailPane* detailPane() const { return detail_; }
    SearchBar* searchBar() const { return searchBar_; }
    models::EventHistogram* histogram() const { return histogram_; }
    HistogramView* histogramView() const { return histogramView_; }
    IngestStatusBar* ingestStatusBar() const { return statusBar_; }
    SourcesPanel* sourcesPanel() const { return sourcesPanel_; }
    SavedSearchesPanel* savedSearchesPanel() const { return savedPanel_; }
    IngestStatusPanel* ingestStatusPanel() const { return ingestPanel_; }
    ImportController* importController() const { return imports_; }
    ExportController* exportController() const { return exports_; }
    AlertQueuePanel* alertQueuePanel() const { return alertPanel_; }
    models::AlertQueueService* alertQueue() const { return alertQueue_; }
    RetroHuntController* retroHuntController() const { return retroHunt_; }
    // The home screen: the central view's first page (Ctrl+1); the search view is the second (Ctrl+2).
    DashboardPanel* dashboardPanel() const { return dashboards_; }
    bool isShowingDashboards() const;
    void showDashboards();
    void showSearch();
    // The incident tickets: the central view's third page (Ctrl+3) and the Incidents menu.
    IncidentsController* incidents() const { return incidents_; }
    bool isShowingIncidents() const;
    void showIncidents();
    // Detection > Anomaly Detectors… (Ctrl+Shift+M).
    AnomalySettingsController* anomalySettings() const { return anomalySettings_; }
    // Detection (Retro-hunt…, between View and Administration): features on the rules add theirs.
    QMenu* detectionMenu() const { return detectionMenu_; }

    // Shows (and raises) a dock by name: "sources", "ingest", "saved", "alerts" or "rules"
    // (when the rule manager was added). False for another name.
    bool showPanel(const QString& name);
    // Adds the Administration menu (backup, restore, retention) between View and Language;
    // its messages go to the status bar.
    void addAdministration(AdministrationController* administration);
    // Adds the Rule Manager dock over `rules` and Detection > Rule Manager… (Ctrl+Shift+R).
    void addRuleManager(models::RuleService* rules);
    RuleManagerPanel* ruleManagerPanel() const { return rulePanel_; }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void restoreLayout();
    void createActions();
    void createMenus();
    void retranslate();
    void syncLanguageActions();
    void copySelectedRawLine();
    void showAbout();
    void onCurrentRowChanged(const QModelIndex& current);
    void onEventsChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void createDocks(models::SourceService* sources);
    void fitPagesToCurrent();
    void showIngestCounters(const QString& sourceName);

    models::EngineStatus* status_;
    LanguageSwitcher* languages_;
    models::EventTableModel* model_;
    EventTableView* view_;
    EventDetailPane* detail_;
    SearchBar* searchBar_;
    models::EventHistogram* histogram_;
    HistogramView* histogramView_;
    IngestStatusBar* statusBar_;
    QSplitter* splitter_;
    SourcesPanel* sourcesPanel_ = nullptr;
    // Saved searches run in this window's search bar; read once openEvents() has a database.
    models::SavedSearchService* savedSearches_ = nullptr;
    SavedSearchesPanel* savedPanel_ = nullptr;
    IngestStatusPanel* ingestPanel_ = nullptr;
    // The alert queue, read once openEvents() has a database; Open events runs in searchBar_.
    models::AlertQueueService* alertQueue_ = nullptr;
    AlertQueuePanel* alertPanel_ = nullptr;
    ImportController* imports_ = nullptr;
    ExportController* exports_ = nullptr;
    RetroHuntController* retroHunt_ = nullptr;
    AnomalySettingsController* anomalySettings_ = nullptr;
    RuleManagerPanel* rulePanel_ = nullptr;
    QString demoListener_;
    QStackedWidget* pages_ = nullptr; // dashboards, search
    DashboardPanel* dashboards_ = nullptr;
    IncidentsController* incidents_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* detectionMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* copyRawAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* reloadAction_ = nullptr;
    QAction* newestAction_ = nullptr;
    QAction* detailsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* dashboardsAction_ = nullptr;
    QAction* searchViewAction_ = nullptr;
    QAction* incidentsViewAction_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
};

} // namespace vigie::widgets
