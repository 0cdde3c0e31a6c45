#pragma once
// DashboardDocument: the dashboard open in the panel — its DashboardSpec, the stored id and
// version it was read at, a dirty flag, and an edit API whose every call is invertible (each
// edit takes and returns whole values, so a QUndoCommand keeps the before and after: e.g. undo
// of removeTile(id) is insertTile(index, tile)). Each edit emits one fine-grained signal so the
// canvas updates one tile, not the whole grid. Saving goes through DashboardService (optimistic
// version; a refused save reloads the colleague's definition). GUI thread only.
#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace vigie::store {
struct StoredDashboard;
}

namespace vigie::models {

class DashboardService;

class DashboardDocument : public QObject {
    Q_OBJECT
public:
    // `service` may be null (a document that is never saved, e.g. in tests).
    explicit DashboardDocument(DashboardService* service, QObject* parent = nullptr);

    // Replaces everything (not an edit: clears dirty, no undo). Emits reset().
    void load(const store::StoredDashboard& stored);
    void load(qint64 id, int version, const dashboard::DashboardSpec& spec);

    const dashboard::DashboardSpec& spec() const { return spec_; }
    // The tile with this id, or nullptr; valid until the next edit.
    const dashboard::TileSpec* tile(const QString& id) const;
    qint64 id() const { return id_; }        // 0: not stored yet
    int version() const { return version_; } // the stored version the edits apply to
    bool isDirty() const { return dirty_; }
    // The variables bar's values (defaults overridden by the analyst's choices). Not saved.
    dashboard::VariableValues variableValues() const;
    // Bumped by every change that alters what tiles show (tiles, range, variables, load):
    // refreshes started under an older generation are stale.
    quint64 generation() const { return generation_; }

    // --- edits (each marks dirty except setVariableValue; each emits one signal) ---
    // Places `tile` at the first free spot of the grid for its size (top to bottom, left to
    // right) and gives it a unique id when its id is empty or taken. Returns the tile as added.
    dashboard::TileSpec addTile(dashboard::TileSpec tile);
    // Puts `tile` back at `index` as it is (undo of removeTile; no placement).
    void insertTile(int index, const dashboard::TileSpec& tile);
    // Returns the removed tile and its index (for undo), nullopt when no tile has that id.
    std::optional<std::pair<int, dashboard::TileSpec>> removeTile(const QString& id);
    // Moves/resizes (clamped to the grid); the others are pushed down if they now overlap.
    // For undo keep tiles() from before and setTiles() it back. False when no tile has that id.
    bool setTileGeometry(const QString& id, int x, int y, int w, int h);
    // Replaces the tile with tile.id (title, query, aggregation…; geometry too). Returns the
    // tile as it was; nullopt when no tile has that id.
    std::optional<dashboard::TileSpec> setTile(const dashboard::TileSpec& tile);
    std::vector<dashboard::TileSpec> tiles() const { return spec_.tiles; }
    // Every tile at once (undo of a move that pushed others down). Emits geometryChanged() and,
    // when tiles were added/removed/edited, reset().
    void setTiles(const std::vector<dashboard::TileSpec>& tiles);
    // Return the previous value.
    dashboard::TimeSpec setTimeRange(const dashboard::TimeSpec& time);
    int setRefresh(int seconds);
    QString setName(const QString& name);
    // Not an edit of the definition: the variables bar's current choice ("*" = All).
    QString setVariableValue(const QString& name, const QString& value);

    // Saves through the service at version(); answered by saved() or saveRefused(). Returns
    // the request id, 0 when there is no service or nothing stored yet (id 0: use the
    // service's add()).
    quint64 save();
    // After another desktop changed dashboards: reloads this one when its stored version is
    // newer and there are no unsaved edits (else emits conflict()). Returns the open request.
    quint64 reloadIfChanged();

Q_SIGNALS:
    void reset(); // load(): redraw everything
    void tileAdded(int index, const QString& id);
    void tileRemoved(const QString& id);
    void tileChanged(const QString& id); // content (query, aggregation, visualization, title)
    void geometryChanged();              // one or more tiles moved or resized
    void timeRangeChanged();
    void refreshChanged(int seconds);
    void nameChanged(const QString& name);
    void variableChanged(const QString& name, const QString& value);
    void dirtyChanged(bool dirty);
    void saved(); // the service stored our save
    // A save was refused (someone saved first): the colleague's version is now loaded.
    void saveRefused(const QString& message);
    // Another desktop saved this dashboard while we have unsaved edits; nothing reloaded.
    void conflict();

private:
    int indexOf(const QString& id) const;
    void setDirty(bool dirty);
    void changed(); // bumps generation_
    void edited();  // marks dirty, counts the edit
    std::string uniqueTileId() const;
    // Moves the tiles overlapping tiles[index] below it, then resolves what that overlaps.
    void makeRoomFor(std::size_t index);
    void onSaved(quint64 request, const store::StoredDashboard& stored);
    void onSaveRefused(quint64 request, const store::StoredDashboard& current, const QString& message);
    void onOpened(quint64 request, const store::StoredDashboard& stored);

    QPointer<DashboardService> service_;
    dashboard::DashboardSpec spec_;
    qint64 id_ = 0;
    int version_ = 0;
    bool dirty_ = false;
    quint64 generation_ = 1;
    quint64 saveRequest_ = 0;
    quint64 edits_ = 0;      // edits since load
    quint64 savedEdits_ = 0; // edits_ when the pending save was asked
    quint64 openRequest_ = 0;
    dashboard::VariableValues chosen_;
};

} // namespace vigie::models
