#pragma once
// MainWindow: assembles the workstation — the events table, the detail pane, the ingest
// status bar and the menus (File, Edit, View, Language, Help). It receives the services it
// shows (engine status, language switcher) and is told which database to read; it starts
// nothing itself. GUI thread.
#include <QMainWindow>

class QAction;
class QActionGroup;
class QMenu;
class QSplitter;

namespace vigie::models {
class EngineStatus;
class EventTableModel;
} // namespace vigie::models

namespace vigie::widgets {

class EventDetailPane;
class EventTableView;
class IngestStatusBar;
class LanguageSwitcher;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(models::EngineStatus* status, LanguageSwitcher* languages, QWidget* parent = nullptr);
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
    IngestStatusBar* ingestStatusBar() const { return statusBar_; }

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

    models::EngineStatus* status_;
    LanguageSwitcher* languages_;
    models::EventTableModel* model_;
    EventTableView* view_;
    EventDetailPane* detail_;
    IngestStatusBar* statusBar_;
    QSplitter* splitter_;
    QString demoListener_;

    QMenu* fileMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* copyRawAction_ = nullptr;
    QAction* reloadAction_ = nullptr;
    QAction* newestAction_ = nullptr;
    QAction* detailsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
};

} // namespace vigie::widgets
