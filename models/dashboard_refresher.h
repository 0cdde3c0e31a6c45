#pragma once
// DashboardRefresher: keeps the open dashboard's tiles up to date. GUI thread. At each refresh
// it makes the document's time range absolute (now = the clock's time then), hands every tile
// to the TileQueryPool under the document's generation, and passes each tile's result on.
// The automatic refresh (the dashboard's refresh_seconds) is skipped while the dashboard is
// hidden or the previous refresh still runs. Edits of tiles, range or variables refresh what
// they changed at once, cancelling the refresh under way. One refresher per pool: switch the
// open dashboard with setDocument() rather than running two refreshers on one pool.
#include "tile_result.h"

#include "dashboard/tile_request.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <set>

namespace vigie::models {

class DashboardDocument;
class TileQueryPool;

class DashboardRefresher : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<Timestamp()>;

    // `pool` must outlive the refresher; `clock` (tests) defaults to the system clock.
    explicit DashboardRefresher(TileQueryPool* pool, QObject* parent = nullptr);

    // The document whose tiles are refreshed (null: none); refreshes it at once when visible.
    void setDocument(DashboardDocument* document);
    DashboardDocument* document() const { return document_; }
    // The analyst's zone for heatmaps (IANA name); defaults to the system zone.
    void setTimeZone(const QString& zone);
    void setClock(Clock clock);
    // While hidden the automatic refresh is skipped; becoming visible refreshes when a
    // refresh was skipped.
    void setVisible(bool visible);
    bool isRefreshing() const { return refreshing_; }

    // The range of the last refresh (absolute), for drill-down and the time bar's caption.
    const query::TimeRange& lastRange() const { return context_.range; }
    // What the last refresh used: now, variables and zone (drill-down needs the same).
    const dashboard::TileContext& lastContext() const { return context_.tile; }

public Q_SLOTS:
    // Refreshes every tile now (the toolbar's Refresh, F5).
    void refreshNow();
    // Refreshes only these tiles (an edited tile), keeping the others' results.
    void refreshTiles(const QStringList& ids);
    // The values the variables bar offers for `name` over the current range.
    void requestVariableValues(const QString& name);

Q_SIGNALS:
    void tileResult(const vigie::models::TileResult& result);
    void refreshStarted();
    // All tiles answered; `elapsed` since refreshStarted().
    void refreshFinished(std::chrono::milliseconds elapsed);
    void variableValuesReady(const QString& name, const QStringList& values, const QString& error);

private:
    void start(const QStringList& ids);
    void onTimer();
    void onFinished(quint64 generation);
    void reschedule();

    struct Context {
        dashboard::TileContext tile;
        query::TimeRange range;
    };

    TileQueryPool* pool_;
    QPointer<DashboardDocument> document_;
    QString timeZone_;
    Clock clock_;
    QTimer timer_;
    QElapsedTimer elapsed_;
    Context context_;
    bool visible_ = true;
    bool refreshing_ = false;
    bool skipped_ = false; // an automatic refresh was skipped while hidden
    quint64 generation_ = 0;
    std::set<quint64> outstanding_; // submitted generations not finished yet
};

} // namespace vigie::models
