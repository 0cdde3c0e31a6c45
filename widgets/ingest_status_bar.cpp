#include "ingest_status_bar.h"

#include "engine_status.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace vigie::widgets {
namespace {

using DatabaseState = models::EngineStatus::DatabaseState;

QColor stateColour(DatabaseState state)
{
    switch (state) {
    case DatabaseState::Up:
    case DatabaseState::Server:
        return QColor(0x2e, 0xa0, 0x43);
    case DatabaseState::StartingLocal:
    case DatabaseState::Connecting:
        return QColor(0xe0, 0xa0, 0x00);
    case DatabaseState::Down:
    case DatabaseState::Failed:
        return QColor(0xd0, 0x30, 0x30);
    case DatabaseState::NotConnected:
        break;
    }
    return QColor(0x90, 0x90, 0x90);
}

QPixmap dot(const QColor& colour, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pixmap;
}

} // namespace

IngestStatusBar::IngestStatusBar(models::EngineStatus* status, QWidget* parent)
    : QStatusBar(parent), status_(status), rates_(new QLabel(this)), totals_(new QLabel(this)),
      problems_(new QLabel(this)), databaseDot_(new QLabel(this)), database_(new QLabel(this))
{
    rates_->setObjectName(QStringLiteral("ingestRates"));
    totals_->setObjectName(QStringLiteral("ingestTotals"));
    problems_->setObjectName(QStringLiteral("ingestProblems"));
    database_->setObjectName(QStringLiteral("databaseState"));
    database_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addPermanentWidget(rates_);
    addPermanentWidget(totals_);
    addPermanentWidget(problems_);
    addPermanentWidget(databaseDot_);
    addPermanentWidget(database_);
    for (QLabel* label : {rates_, totals_, problems_}) {
        label->setCursor(Qt::PointingHandCursor);
        label->installEventFilter(this);
    }
    connect(status_, &models::EngineStatus::changed, this, &IngestStatusBar::refresh);
    refresh();
}

QString IngestStatusBar::databaseText() const
{
    return database_->text();
}

QString IngestStatusBar::ratesText() const
{
    return rates_->text();
}

QString IngestStatusBar::totalsText() const
{
    return totals_->text();
}

void IngestStatusBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QStatusBar::changeEvent(event);
}

bool IngestStatusBar::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == rates_ || watched == totals_ || watched == problems_) &&
        (event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::MouseButtonDblClick) &&
        static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
        Q_EMIT detailsRequested();
        return true;
    }
    return QStatusBar::eventFilter(watched, event);
}

void IngestStatusBar::refresh()
{
    const QLocale locale;
    const auto count = [&locale](quint64 n) { return locale.toString(n); };
    const auto rate = [&locale](double perSecond) { return locale.toString(perSecond, 'f', 1); };

    rates_->setText(tr("Received %1/s · Stored %2/s")
                        .arg(rate(status_->receivedPerSecond()), rate(status_->storedPerSecond())));
    rates_->setToolTip(tr("Events per second read from the sources and written to the database"));
    totals_->setText(
        tr("Total: %1 received, %2 stored").arg(count(status_->received()), count(status_->stored())));
    totals_->setToolTip(tr("Click to see the counters of each source"));
    problems_->setText(
        tr("Parse errors: %1 · Dropped: %2").arg(count(status_->parseErrors()), count(status_->dropped())));
    problems_->setToolTip(
        tr("Records stored raw because they did not parse, and records lost before storage") +
        QLatin1Char('\n') + tr("Click to see the counters of each source"));

    const QString error = status_->databaseError();
    QString text;
    switch (status_->databaseState()) {
    case DatabaseState::NotConnected:
        text = tr("No database");
        break;
    case DatabaseState::StartingLocal:
        text = tr("Starting the local database…");
        break;
    case DatabaseState::Connecting:
        text = tr("Connecting to the database…");
        break;
    case DatabaseState::Up:
        text = tr("Database connected");
        break;
    case DatabaseState::Down:
        text = tr("Database unavailable");
        break;
    case DatabaseState::Failed:
        text = tr("Database failed to start");
        break;
    case DatabaseState::Server:
        text = tr("Connected · the server collects");
        break;
    }
    database_->setText(text);
    database_->setToolTip(error);
    const int size = fontMetrics().height() * 2 / 3;
    databaseDot_->setPixmap(dot(stateColour(status_->databaseState()), size, devicePixelRatioF()));
    databaseDot_->setToolTip(error);
}

} // namespace vigie::widgets
