// TileFrame: title bar, renderer and resize grip of one dashboard tile. GUI thread.
#include "tile_frame.h"

#include "shipped_dashboard_text.h"
#include "tile_view.h"

#include "dashboard/drill_down.h"
#include "query/variables.h"
#include "tile_result.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigie::widgets {

namespace {

// The corner the canvas drags to resize: three diagonal strokes, as windows draw theirs.
class ResizeGrip : public QWidget {
public:
    explicit ResizeGrip(QWidget* parent) : QWidget(parent)
    {
        setFixedSize(14, 14);
        setCursor(Qt::SizeFDiagCursor);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setPen(QPen(palette().color(QPalette::Mid), 1.5));
        for (int offset = 3; offset <= 11; offset += 4)
            painter.drawLine(width() - 1, height() - 1 - offset, width() - 1 - offset, height() - 1);
    }
};

} // namespace

TileFrame::TileFrame(const dashboard::TileSpec& tile, QWidget* parent)
    : QFrame(parent), tile_(tile), titleBar_(new QWidget(this)), title_(new QLabel(titleBar_)),
      busy_(new QProgressBar(titleBar_)), menuButton_(new QToolButton(titleBar_)), menu_(new QMenu(this)),
      edit_(new QAction(this)), duplicate_(new QAction(this)), remove_(new QAction(this)),
      openInSearch_(new QAction(this)), grip_(new ResizeGrip(this))
{
    setObjectName(QStringLiteral("tileFrame_%1").arg(tileId()));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    titleBar_->setObjectName(QStringLiteral("tileTitleBar"));
    titleBar_->setCursor(Qt::OpenHandCursor);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setTextFormat(Qt::PlainText);
    // A long title is cut by the frame, never widens it past its grid cells.
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    busy_->setFixedSize(32, 6);
    busy_->hide();
    menuButton_->setObjectName(QStringLiteral("tileMenuButton"));
    menuButton_->setAutoRaise(true);
    menuButton_->setPopupMode(QToolButton::InstantPopup);
    menuButton_->setText(QStringLiteral("⋮"));
    menuButton_->setMenu(menu_);
    menuButton_->setCursor(Qt::ArrowCursor);
    auto* bar = new QHBoxLayout(titleBar_);
    bar->setContentsMargins(6, 2, 2, 0);
    bar->addWidget(title_, 1);
    bar->addWidget(busy_);
    bar->addWidget(menuButton_);

    edit_->setObjectName(QStringLiteral("editTileAction"));
    duplicate_->setObjectName(QStringLiteral("duplicateTileAction"));
    remove_->setObjectName(QStringLiteral("removeTileAction"));
    openInSearch_->setObjectName(QStringLiteral("openTileInSearchAction"));
    menu_->addAction(edit_);
    menu_->addAction(duplicate_);
    menu_->addAction(openInSearch_);
    menu_->addSeparator();
    menu_->addAction(remove_);
    connect(edit_, &QAction::triggered, this, [this] { emit editRequested(tileId()); });
    connect(duplicate_, &QAction::triggered, this, [this] { emit duplicateRequested(tileId()); });
    connect(remove_, &QAction::triggered, this, [this] { emit removeRequested(tileId()); });
    connect(openInSearch_, &QAction::triggered, this,
            [this] { emit drillRequested(tileId(), dashboard::DrillTarget{}); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(titleBar_);
    rebuildView();
    retranslate();
}

QString TileFrame::expandTitle(const QString& title, const dashboard::VariableValues& values)
{
    QString text = title;
    for (const auto& [name, value] : values) {
        const QString shown = value == query::kAnyValue ? tr("All") : QString::fromStdString(value);
        // "$host" but not the "$hostname" of another variable.
        const QRegularExpression word(
            QStringLiteral("\\$%1\\b").arg(QRegularExpression::escape(QString::fromStdString(name))));
        text.replace(word, shown);
    }
    return text;
}

void TileFrame::setTile(const dashboard::TileSpec& tile)
{
    dashboard::TileSpec placed = tile_;
    placed.x = tile.x;
    placed.y = tile.y;
    placed.w = tile.w;
    placed.h = tile.h;
    const bool sameContent = placed == tile;
    tile_ = tile;
    updateTitle();
    if (!sameContent)
        rebuildView();
}

void TileFrame::setVariables(const dashboard::VariableValues& values)
{
    variables_ = values;
    updateTitle();
}

void TileFrame::showResult(const models::TileResult& result)
{
    view_->showResult(result);
}

void TileFrame::setRefreshing(bool refreshing)
{
    busy_->setVisible(refreshing);
}

bool TileFrame::isRefreshing() const
{
    return !busy_->isHidden();
}

void TileFrame::setSelected(bool selected)
{
    selected_ = selected;
    update();
}

void TileFrame::rebuildView()
{
    delete view_;
    view_ = createTileView(tile_, this);
    view_->setObjectName(QStringLiteral("tileView"));
    static_cast<QVBoxLayout*>(layout())->addWidget(view_, 1);
    connect(view_, &TileView::drillRequested, this, [this](const dashboard::DrillTarget& target) {
        if (tile_.drilldown)
            emit drillRequested(tileId(), target);
    });
    grip_->raise();
}

void TileFrame::updateTitle()
{
    const QString title = expandTitle(shownDashboardText(tile_.title), variables_);
    title_->setText(title);
    title_->setToolTip(title);
}

void TileFrame::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    if (!selected_)
        return;
    QPainter painter(this);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRect(rect().adjusted(1, 1, -1, -1));
}

void TileFrame::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    grip_->move(width() - grip_->width() - 1, height() - grip_->height() - 1);
    grip_->raise();
}

void TileFrame::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void TileFrame::retranslate()
{
    edit_->setText(tr("&Edit…"));
    duplicate_->setText(tr("&Duplicate"));
    remove_->setText(tr("&Remove"));
    openInSearch_->setText(tr("Open in &Search"));
    menuButton_->setToolTip(tr("Tile actions"));
    busy_->setToolTip(tr("Refreshing"));
    grip_->setToolTip(tr("Drag to resize"));
    titleBar_->setToolTip(QString());
    updateTitle();
}

} // namespace vigie::widgets
