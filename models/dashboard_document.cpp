// DashboardDocument: the open dashboard's spec, its invertible edits and their signals, and
// its save through DashboardService. GUI thread.
#include "dashboard_document.h"

#include "dashboard_service.h"

#include "store/dashboard_store.h"
#include "utf8_text.h"

#include <algorithm>

namespace vigie::models {
namespace {

bool overlaps(const dashboard::TileSpec& a, const dashboard::TileSpec& b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// Within the grid: spans in [kMinTileSpan, kMaxTileSpan], x so the tile fits, y not negative.
void clampGeometry(dashboard::TileSpec& tile, int columns)
{
    tile.w = std::clamp(tile.w, dashboard::kMinTileSpan, std::min(dashboard::kMaxTileSpan, columns));
    tile.h = std::clamp(tile.h, dashboard::kMinTileSpan, dashboard::kMaxTileSpan);
    tile.x = std::clamp(tile.x, 0, columns - tile.w);
    tile.y = std::max(tile.y, 0);
}

bool sameGeometry(const dashboard::TileSpec& a, const dashboard::TileSpec& b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

} // namespace

DashboardDocument::DashboardDocument(DashboardService* service, QObject* parent)
    : QObject(parent), service_(service)
{
    if (!service)
        return;
    connect(service, &DashboardService::saved, this, &DashboardDocument::onSaved);
    connect(service, &DashboardService::saveRefused, this, &DashboardDocument::onSaveRefused);
    connect(service, &DashboardService::opened, this, &DashboardDocument::onOpened);
    connect(service, &DashboardService::changedElsewhere, this, &DashboardDocument::reloadIfChanged);
}

void DashboardDocument::load(const store::StoredDashboard& stored)
{
    load(stored.summary.id, stored.summary.version, stored.spec);
}

void DashboardDocument::load(qint64 id, int version, const dashboard::DashboardSpec& spec)
{
    id_ = id;
    version_ = version;
    spec_ = spec;
    edits_ = 0;
    savedEdits_ = 0;
    saveRequest_ = 0;
    changed();
    setDirty(false);
    Q_EMIT reset();
}

dashboard::VariableValues DashboardDocument::variableValues() const
{
    return dashboard::variableValues(spec_, chosen_);
}

const dashboard::TileSpec* DashboardDocument::tile(const QString& id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &spec_.tiles[std::size_t(index)];
}

int DashboardDocument::indexOf(const QString& id) const
{
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < spec_.tiles.size(); ++i)
        if (spec_.tiles[i].id == key)
            return static_cast<int>(i);
    return -1;
}

void DashboardDocument::setDirty(bool dirty)
{
    if (dirty_ == dirty)
        return;
    dirty_ = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void DashboardDocument::changed()
{
    ++generation_;
}

void DashboardDocument::edited()
{
    ++edits_;
    setDirty(true);
}

std::string DashboardDocument::uniqueTileId() const
{
    for (int n = static_cast<int>(spec_.tiles.size()) + 1;; ++n) {
        const std::string id = "t" + std::to_string(n);
        if (indexOf(qstr(id)) < 0)
            return id;
    }
}

dashboard::TileSpec DashboardDocument::addTile(dashboard::TileSpec tile)
{
    if (tile.id.empty() || indexOf(qstr(tile.id)) >= 0)
        tile.id = uniqueTileId();
    const int columns = spec_.grid.columns;
    clampGeometry(tile, columns);
    // The first spot, top to bottom then left to right, where the tile overlaps none.
    const auto fits = [this](const dashboard::TileSpec& candidate) {
        return std::none_of(
            spec_.tiles.begin(), spec_.tiles.end(),
            [&candidate](const dashboard::TileSpec& other) { return overlaps(candidate, other); });
    };
    const auto place = [&] {
        for (int y = 0;; ++y)
            for (int x = 0; x + tile.w <= columns; ++x) {
                tile.x = x;
                tile.y = y;
                if (fits(tile))
                    return; // below every tile there is always room
            }
    };
    place();
    spec_.tiles.push_back(tile);
    changed();
    edited();
    Q_EMIT tileAdded(static_cast<int>(spec_.tiles.size()) - 1, qstr(tile.id));
    return tile;
}

void DashboardDocument::insertTile(int index, const dashboard::TileSpec& tile)
{
    index = std::clamp(index, 0, static_cast<int>(spec_.tiles.size()));
    spec_.tiles.insert(spec_.tiles.begin() + index, tile);
    changed();
    edited();
    Q_EMIT tileAdded(index, qstr(tile.id));
}

std::optional<std::pair<int, dashboard::TileSpec>> DashboardDocument::removeTile(const QString& id)
{
    const int index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    std::pair<int, dashboard::TileSpec> removed{index, spec_.tiles[static_cast<std::size_t>(index)]};
    spec_.tiles.erase(spec_.tiles.begin() + index);
    changed();
    edited();
    Q_EMIT tileRemoved(id);
    return removed;
}

void DashboardDocument::makeRoomFor(std::size_t index)
{
    const dashboard::TileSpec& moved = spec_.tiles[index];
    for (std::size_t i = 0; i < spec_.tiles.size(); ++i)
        if (i != index && overlaps(spec_.tiles[i], moved))
            spec_.tiles[i].y = moved.y + moved.h;
    dashboard::pushDownOverlaps(spec_.tiles);
}

bool DashboardDocument::setTileGeometry(const QString& id, int x, int y, int w, int h)
{
    const int index = indexOf(id);
    if (index < 0)
        return false;
    dashboard::TileSpec& tile = spec_.tiles[static_cast<std::size_t>(index)];
    const dashboard::TileSpec before = tile;
    tile.x = x;
    tile.y = y;
    tile.w = w;
    tile.h = h;
    clampGeometry(tile, spec_.grid.columns);
    if (sameGeometry(before, tile))
        return true;
    makeRoomFor(static_cast<std::size_t>(index));
    edited();
    Q_EMIT geometryChanged();
    return true;
}

std::optional<dashboard::TileSpec> DashboardDocument::setTile(const dashboard::TileSpec& tile)
{
    const int index = indexOf(qstr(tile.id));
    if (index < 0)
        return std::nullopt;
    dashboard::TileSpec& stored = spec_.tiles[static_cast<std::size_t>(index)];
    dashboard::TileSpec before = stored;
    if (before == tile)
        return before;
    stored = tile;
    clampGeometry(stored, spec_.grid.columns);
    const bool moved = !sameGeometry(before, stored);
    if (moved)
        makeRoomFor(static_cast<std::size_t>(index));
    dashboard::TileSpec contentBefore = before;
    contentBefore.x = tile.x;
    contentBefore.y = tile.y;
    contentBefore.w = tile.w;
    contentBefore.h = tile.h;
    const bool contentChanged = !(contentBefore == tile);
    if (contentChanged)
        changed();
    edited();
    if (contentChanged)
        Q_EMIT tileChanged(qstr(tile.id));
    if (moved)
        Q_EMIT geometryChanged();
    return before;
}

void DashboardDocument::setTiles(const std::vector<dashboard::TileSpec>& tiles)
{
    // Only geometry differs (undo of a move): the tiles keep their results.
    const bool sameContent = tiles.size() == spec_.tiles.size() &&
                             std::equal(tiles.begin(), tiles.end(), spec_.tiles.begin(),
                                        [](dashboard::TileSpec a, const dashboard::TileSpec& b) {
                                            a.x = b.x;
                                            a.y = b.y;
                                            a.w = b.w;
                                            a.h = b.h;
                                            return a == b;
                                        });
    spec_.tiles = tiles;
    edited();
    if (sameContent) {
        Q_EMIT geometryChanged();
        return;
    }
    changed();
    Q_EMIT reset();
}

dashboard::TimeSpec DashboardDocument::setTimeRange(const dashboard::TimeSpec& time)
{
    dashboard::TimeSpec before = spec_.time;
    if (before == time)
        return before;
    spec_.time = time;
    changed();
    edited();
    Q_EMIT timeRangeChanged();
    return before;
}

int DashboardDocument::setRefresh(int seconds)
{
    const int before = spec_.refresh_seconds;
    seconds = std::max(seconds, 0);
    if (before == seconds)
        return before;
    spec_.refresh_seconds = seconds;
    edited();
    Q_EMIT refreshChanged(seconds);
    return before;
}

QString DashboardDocument::setName(const QString& name)
{
    const QString before = qstr(spec_.name);
    if (before == name)
        return before;
    spec_.name = name.toStdString();
    edited();
    Q_EMIT nameChanged(name);
    return before;
}

QString DashboardDocument::setVariableValue(const QString& name, const QString& value)
{
    const dashboard::VariableValues current = variableValues();
    const auto found = current.find(name.toStdString());
    const QString before = found != current.end() ? qstr(found->second) : QString();
    if (before == value)
        return before;
    chosen_[name.toStdString()] = value.toStdString();
    changed();
    Q_EMIT variableChanged(name, value);
    return before;
}

quint64 DashboardDocument::save()
{
    if (!service_ || id_ == 0)
        return 0;
    savedEdits_ = edits_;
    saveRequest_ = service_->save(id_, spec_, version_);
    return saveRequest_;
}

quint64 DashboardDocument::reloadIfChanged()
{
    if (!service_ || id_ == 0)
        return 0;
    const DashboardListModel* model = service_->model();
    const int row = model->rowOfId(id_);
    if (row < 0 || model->entry(row).version <= version_)
        return 0;
    if (dirty_) {
        Q_EMIT conflict();
        return 0;
    }
    openRequest_ = service_->open(id_);
    return openRequest_;
}

void DashboardDocument::onSaved(quint64 request, const store::StoredDashboard& stored)
{
    if (request == 0 || request != saveRequest_)
        return;
    saveRequest_ = 0;
    version_ = stored.summary.version;
    spec_.uid = stored.spec.uid; // the store's copies are authoritative
    spec_.builtin = stored.spec.builtin;
    // Edits made while the save travelled are still unsaved.
    if (edits_ == savedEdits_)
        setDirty(false);
    Q_EMIT saved();
}

void DashboardDocument::onSaveRefused(quint64 request, const store::StoredDashboard& current,
                                      const QString& message)
{
    if (request == 0 || request != saveRequest_)
        return;
    load(current);
    Q_EMIT saveRefused(message);
}

void DashboardDocument::onOpened(quint64 request, const store::StoredDashboard& stored)
{
    if (request == 0 || request != openRequest_)
        return;
    openRequest_ = 0;
    load(stored);
}

} // namespace vigie::models
