#include "ingest_status_panel.h"

#include "engine_status.h"
#include "ingest_status_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace vigie::widgets {
namespace {

using models::IngestStatusModel;

// Problem counters above zero in bold red; sources that stopped in the disabled text colour.
class CounterDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(IngestStatusModel::AttentionRole).toBool()) {
            const bool parseErrors = index.column() == IngestStatusModel::ParseErrorsColumn;
            option->palette.setColor(QPalette::Text,
                                     parseErrors ? QColor(0xb3, 0x5c, 0x00) : QColor(0xc6, 0x28, 0x28));
            option->font.setBold(true);
        } else if (!index.data(IngestStatusModel::ActiveRole).toBool()) {
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

} // namespace

IngestStatusPanel::IngestStatusPanel(models::EngineStatus* status, QWidget* parent)
    : QDockWidget(parent), status_(status), model_(new IngestStatusModel(status, this)),
      proxy_(new QSortFilterProxyModel(this)), summary_(new QLabel(this)), view_(new QTableView(this))
{
    setObjectName(QStringLiteral("ingestStatusPanel"));
    summary_->setObjectName(QStringLiteral("ingestSummary"));
    view_->setObjectName(QStringLiteral("ingestSourcesTable"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(IngestStatusModel::SortRole);
    proxy_->setDynamicSortFilter(true);
    view_->setModel(proxy_);
    view_->setItemDelegate(new CounterDelegate(view_));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setSortingEnabled(true);
    view_->sortByColumn(-1, Qt::AscendingOrder); // the order sources were added, until a header is clicked
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setHighlightSections(false);
    // Counters as wide as their numbers and titles; the source name gets what is left.
    QHeaderView* header = view_->horizontalHeader();
    header->setMinimumSectionSize(view_->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 6);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(IngestStatusModel::SourceColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setContentsMargins(6, 4, 6, 4);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);
    setWidget(content);

    connect(status_, &models::EngineStatus::changed, this, &IngestStatusPanel::refreshSummary);
    retranslate();
}

QString IngestStatusPanel::summaryText() const
{
    return summary_->text();
}

void IngestStatusPanel::selectSource(const QString& name)
{
    const int row = model_->rowOfName(name);
    if (row < 0)
        return;
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    view_->setCurrentIndex(index);
    view_->scrollTo(index);
}

void IngestStatusPanel::refreshSummary()
{
    const QLocale locale;
    const auto& stats = model_->stats();
    QString database;
    switch (status_->databaseState()) {
    case models::EngineStatus::DatabaseState::Up:
        database = tr("connected");
        break;
    case models::EngineStatus::DatabaseState::Down:
        database = tr("unavailable (%1)").arg(status_->databaseError());
        break;
    case models::EngineStatus::DatabaseState::StartingLocal:
    case models::EngineStatus::DatabaseState::Connecting:
        database = tr("starting");
        break;
    case models::EngineStatus::DatabaseState::Failed:
        database = tr("failed to start");
        break;
    case models::EngineStatus::DatabaseState::NotConnected:
        database = tr("not connected");
        break;
    case models::EngineStatus::DatabaseState::Server:
        database = tr("connected; the server collects, not this desktop");
        break;
    }
    summary_->setText(
        tr("Total: %1 received, %2 stored · Parse errors: %3 · Dropped: %4 · Memory in use: %5 · "
           "Spool pending: %6 · Database: %7")
            .arg(locale.toString(stats.received), locale.toString(stats.stored),
                 locale.toString(stats.parse_errors), locale.toString(stats.dropped),
                 locale.formattedDataSize(static_cast<qint64>(stats.memory_bytes)),
                 locale.toString(stats.spool_pending), database));
}

void IngestStatusPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void IngestStatusPanel::retranslate()
{
    setWindowTitle(tr("Ingest Status"));
    model_->retranslate();
    refreshSummary();
}

} // namespace vigie::widgets
