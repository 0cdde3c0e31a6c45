#pragma once
// DashboardPanel: the workstation's home screen — the stored dashboards in tabs, each a
// DashboardCanvas over its DashboardDocument; a toolbar (Add tile, time range, auto-refresh,
// Refresh with the time the last one took, export), the variables bar (one drop-down per
// dashboard variable) and a status line for what failed (a refused stale save, an import).
// Tile and dashboard changes go on one QUndoStack (Ctrl+Z, Ctrl+Shift+Z while the panel has the
// focus); edits are saved 500 ms after the last one. A click on a tile's value asks the window
// to search (searchRequested). The database work happens on the service's and the tile pool's
// worker threads. GUI thread.
#include "dashboard/dashboard_spec.h"
#include "search_bar.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QTabWidget;
class QToolBar;
class QUndoStack;

namespace vigie::dashboard {
struct DrillTarget;
}

namespace vigie::models {
class DashboardDocument;
class DashboardRefresher;
class DashboardService;
class TileQueryPool;
struct TileResult;
} // namespace vigie::models

namespace vigie::store {
struct StoredDashboard;
}

namespace vigie::widgets {

class DashboardCanvas;
class TileEditorDialog;

class DashboardPanel : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPanel(QWidget* parent = nullptr);
    ~DashboardPanel() override;

    // Reads the dashboards of the database at `conninfo` (libpq syntax) and refreshes tiles there.
    void attach(const QString& conninfo);

    models::DashboardService* service() const { return service_; }
    QTabWidget* tabs() const { return tabs_; }
    DashboardCanvas* currentCanvas() const;
    models::DashboardDocument* currentDocument() const;
    models::DashboardRefresher* refresher() const { return refresher_; }
    QUndoStack* undoStack() const { return undo_; }
    // The open tile editor (Add tile, Edit…), null when none is open.
    TileEditorDialog* tileEditor() const;
    QComboBox* rangeCombo() const { return range_; }
    QComboBox* autoRefreshCombo() const { return autoRefresh_; }
    QLabel* statusLabel() const { return status_; }

    QAction* newAction() const { return new_; }
    QAction* renameAction() const { return rename_; }
    QAction* duplicateAction() const { return duplicate_; }
    QAction* deleteAction() const { return delete_; }
    QAction* restoreShippedAction() const { return restoreShipped_; }
    QAction* importAction() const { return import_; }
    QAction* exportAction() const { return export_; }
    QAction* exportPngAction() const { return exportPng_; }
    QAction* exportPdfAction() const { return exportPdf_; }
    QAction* addTileAction() const { return addTile_; }
    QAction* refreshAction() const { return refresh_; }
    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }

    // Opens the tile editor on the tile `tileId` of the current dashboard (OK: one undo step).
    void editTile(const QString& tileId);
    // What a click on a tile's value searches (the tile's query and the value, over the clicked
    // bucket or the dashboard's range); emitted as searchRequested().
    void drillDown(const QString& tileId, const dashboard::DrillTarget& target);

signals:
    void searchRequested(const vigie::widgets::SearchEntry& entry);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Page {
        qint64 id = 0;
        DashboardCanvas* canvas = nullptr;
        models::DashboardDocument* document = nullptr;
    };
    void createActions();
    void retranslate();
    void syncTabs();
    void onCurrentTabChanged();
    void onOpened(quint64 request, const store::StoredDashboard& dashboard);
    void showDocument(models::DashboardDocument* document);
    void rebuildVariables();
    void syncTimeBar();
    void showResult(const models::TileResult& result);
    void showStatus(const QString& message);
    void saveDirty();
    void onGeometryEdited(const QString& tileId, const QRect& cells);
    void onRangeChosen(int index);
    void onAutoRefreshChosen(int index);
    void addTile();
    void duplicateTile(const QString& tileId);
    void removeTile(const QString& tileId);
    void newDashboard();
    void renameDashboard();
    void duplicateDashboard();
    void deleteDashboard();
    void importDashboard();
    void exportDashboard();
    void exportImage(bool pdf);
    void updateActions();
    Page* currentPage();
    Page* pageOf(const models::DashboardDocument* document);

    models::DashboardService* service_;
    models::TileQueryPool* pool_;
    models::DashboardRefresher* refresher_;
    QUndoStack* undo_;
    QToolBar* toolBar_;
    QComboBox* range_;
    QComboBox* autoRefresh_;
    QLabel* elapsed_;
    QWidget* variablesBar_;
    QHBoxLayout* variablesLayout_;
    QTabWidget* tabs_;
    QLabel* status_;
    QTimer saveTimer_;
    QHash<qint64, Page> pages_;
    quint64 openRequest_ = 0;
    QPointer<TileEditorDialog> editor_;
    bool syncing_ = false; // while the time bar shows the document's values

    QAction* new_ = nullptr;
    QAction* rename_ = nullptr;
    QAction* duplicate_ = nullptr;
    QAction* delete_ = nullptr;
    QAction* restoreShipped_ = nullptr;
    QAction* import_ = nullptr;
    QAction* export_ = nullptr;
    QAction* exportPng_ = nullptr;
    QAction* exportPdf_ = nullptr;
    QAction* addTile_ = nullptr;
    QAction* refresh_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
};

} // namespace vigie::widgets
