// TileView: the common part of every tile renderer and the factory. GUI thread.
#include "tile_view.h"

#include "alert_row.h"
#include "tile_chart_view.h"
#include "tile_heatmap_view.h"
#include "tile_number_view.h"
#include "tile_table_view.h"

#include <QEvent>
#include <QLabel>
#include <QStackedLayout>

namespace vigie::widgets {

void TileView::setContent(QWidget* content)
{
    content_ = content;
    message_ = new QLabel(this);
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("tileMessage"));
    stack_ = new QStackedLayout(this);
    stack_->setContentsMargins(0, 0, 0, 0);
    stack_->addWidget(content_);
    stack_->addWidget(message_);
    stack_->setCurrentWidget(content_);
    applyPlaceholderColour();
}

void TileView::showResult(const models::TileResult& result)
{
    if (!result.error.isEmpty()) {
        state_ = State::Error;
        showMessage(result.error);
    } else if (!draw(result)) {
        state_ = State::Empty;
        showMessage(tr("No events in this range"));
    } else {
        state_ = State::Content;
        stack_->setCurrentWidget(content_);
    }
}

QString TileView::message() const
{
    return state_ == State::Content ? QString() : message_->text();
}

void TileView::showMessage(const QString& text)
{
    message_->setText(text);
    stack_->setCurrentWidget(message_);
}

void TileView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && state_ == State::Empty)
        message_->setText(tr("No events in this range"));
    if (event->type() == QEvent::PaletteChange)
        applyPlaceholderColour();
    QWidget::changeEvent(event);
}

void TileView::applyPlaceholderColour()
{
    // The placeholder colour: the message is about the tile, not data.
    QPalette palette = message_->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    message_->setPalette(palette);
}

QString TileView::valueLabel(const std::optional<std::string>& value, bool other)
{
    if (other)
        return tr("Other");
    if (!value)
        return tr("(none)");
    // Alert entities join their key=value pairs with a control character.
    return models::AlertRow::readableEntity(QString::fromStdString(*value));
}

dashboard::DrillTarget TileView::valueTarget(const std::string& field,
                                             const std::optional<std::string>& value, bool other)
{
    dashboard::DrillTarget target;
    target.field = field;
    target.value = value;
    target.other = other;
    return target;
}

std::chrono::seconds TileView::bucketLength(const models::TileResult& result, const dashboard::TileSpec& tile)
{
    const auto& buckets = result.data.buckets;
    if (buckets.size() >= 2)
        return std::chrono::duration_cast<std::chrono::seconds>(buckets[1] - buckets[0]);
    const std::string& bucket = tile.aggregation.bucket;
    if (bucket == "1m")
        return std::chrono::minutes(1);
    if (bucket == "10m")
        return std::chrono::minutes(10);
    if (bucket == "1h")
        return std::chrono::hours(1);
    if (bucket == "1d")
        return std::chrono::hours(24);
    return std::chrono::seconds(0); // "auto" with a single bucket: the drill uses the dashboard's range
}

TileView* createTileView(const dashboard::TileSpec& tile, QWidget* parent)
{
    const std::string& kind = tile.visualization.kind;
    if (kind == "table")
        return new TileTableView(tile, parent);
    if (kind == "number")
        return new TileNumberView(tile, parent);
    if (kind == "heatmap")
        return new TileHeatmapView(tile, parent);
    return new TileChartView(tile, parent); // line area stacked_bar bar pie donut
}

} // namespace vigie::widgets
