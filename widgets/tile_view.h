#pragma once
// TileView: one dashboard tile's drawing (contract D of issue #6), built for a TileSpec and
// redrawn by each TileResult. The base shows what every kind shows the same way — the result's
// error, or "No events in this range" — centred in the palette's placeholder colour, and
// otherwise the subclass's content; createTileView() picks the renderer of the tile's
// visualization kind. GUI thread.
#include "dashboard/dashboard_spec.h"
#include "dashboard/drill_down.h"
#include "tile_result.h"

#include <QMetaType>
#include <QWidget>

#include <chrono>
#include <optional>

class QLabel;
class QStackedLayout;

namespace vigie::widgets {

class TileView : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Draws `result`, or its error, or the empty-range text.
    virtual void showResult(const models::TileResult& result);

    // The sentence shown instead of a chart ("" while the content shows), for tests.
    QString message() const;

signals:
    void drillRequested(const vigie::dashboard::DrillTarget& target); // clicked point/bar/slice/row

protected:
    // Subclasses call this once from their constructor with the widget that shows a result.
    void setContent(QWidget* content);
    // Redraws the content; false when the result holds nothing to show (the empty text then shows).
    virtual bool draw(const models::TileResult& result) = 0;
    void changeEvent(QEvent* event) override;

    // "Other" and "(none)" for the summed and the missing value, else the value itself.
    static QString valueLabel(const std::optional<std::string>& value, bool other);
    // A clicked series, slice or row (no bucket).
    static dashboard::DrillTarget valueTarget(const std::string& field,
                                              const std::optional<std::string>& value, bool other = false);
    // Bucket length of a count over time: the buckets' spacing, else the tile's fixed bucket.
    static std::chrono::seconds bucketLength(const models::TileResult& result,
                                             const dashboard::TileSpec& tile);

private:
    void showMessage(const QString& text);
    void applyPlaceholderColour();

    QStackedLayout* stack_ = nullptr;
    QLabel* message_ = nullptr;
    QWidget* content_ = nullptr;
    // What the message says when it is not an error: re-read after a language change.
    enum class State { Content, Error, Empty } state_ = State::Content;
};

// The renderer of the tile's visualization kind (line area stacked_bar bar pie donut table number heatmap).
TileView* createTileView(const dashboard::TileSpec& tile, QWidget* parent);

} // namespace vigie::widgets

Q_DECLARE_METATYPE(vigie::dashboard::DrillTarget)
