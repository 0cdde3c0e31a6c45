// TileEditorDialog: one tile's settings, checked and planned as they are typed. GUI thread.
#include "tile_editor_dialog.h"

#include "dashboard/tile_request.h"
#include "query/aggregate.h"
#include "query/query.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::widgets {

namespace {

void addChoices(QComboBox* combo, const QList<std::pair<QString, const char*>>& choices)
{
    for (const auto& [label, value] : choices)
        combo->addItem(label, QString::fromLatin1(value));
}

void select(QComboBox* combo, const std::string& value)
{
    const int index = combo->findData(QString::fromStdString(value));
    combo->setCurrentIndex(std::max(index, 0));
}

std::string chosen(const QComboBox* combo)
{
    return combo->currentData().toString().toStdString();
}

// A variable's stand-in while checking: a quoted value exactly as long as "$name", so the
// positions of a syntax error in the expanded query are positions in the typed one.
dashboard::VariableValues sameLengthValues(const dashboard::DashboardSpec& dashboard)
{
    dashboard::VariableValues values;
    for (const auto& variable : dashboard.variables)
        values[variable.name] = std::string(variable.name.empty() ? 0 : variable.name.size() - 1, 'x');
    return values;
}

} // namespace

TileEditorDialog::TileEditorDialog(const dashboard::DashboardSpec& dashboard, const dashboard::TileSpec& tile,
                                   QWidget* parent)
    : QDialog(parent), dashboard_(dashboard), original_(tile), form_(new QFormLayout),
      title_(new QLineEdit(this)), query_(new QLineEdit(this)), queryError_(new QLabel(this)),
      source_(new QComboBox(this)), kind_(new QComboBox(this)), bucket_(new QComboBox(this)),
      splitBy_(new QLineEdit(this)), field_(new QLineEdit(this)), limit_(new QSpinBox(this)),
      order_(new QComboBox(this)), detector_(new QLineEdit(this)), entity_(new QLineEdit(this)),
      columns_(new QLineEdit(this)), visualization_(new QComboBox(this)), colors_(new QComboBox(this)),
      band_(new QCheckBox(tr("Show the usual range (baseline band)"), this)),
      trend_(new QCheckBox(tr("Show the trend against the previous period"), this)),
      sparkline_(new QCheckBox(tr("Show a sparkline"), this)),
      drilldown_(new QCheckBox(tr("Open the clicked value in Search"), this)), error_(new QLabel(this)),
      route_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("tileEditorDialog"));
    setWindowTitle(tile.title.empty() ? tr("New Tile") : tr("Edit Tile"));
    title_->setObjectName(QStringLiteral("tileTitleEdit"));
    query_->setObjectName(QStringLiteral("tileQueryEdit"));
    query_->setPlaceholderText(tr("e.g. category:authentication and outcome:failure and host:$host"));
    queryError_->setObjectName(QStringLiteral("tileQueryError"));
    queryError_->setWordWrap(true);
    queryError_->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    queryError_->hide();
    source_->setObjectName(QStringLiteral("tileSourceCombo"));
    addChoices(source_, {{tr("Events"), "events"}, {tr("Alerts"), "alerts"}});
    kind_->setObjectName(QStringLiteral("tileKindCombo"));
    addChoices(kind_, {{tr("Count over time"), "count_over_time"},
                       {tr("Top values of a field"), "top"},
                       {tr("Distinct values of a field"), "distinct"},
                       {tr("Sum of a field"), "sum"},
                       {tr("Average of a field"), "avg"},
                       {tr("Total count"), "total"},
                       {tr("Rate against its baseline"), "baseline"},
                       {tr("Hour of day × day of week"), "heatmap"},
                       {tr("Newest rows"), "list"}});
    bucket_->setObjectName(QStringLiteral("tileBucketCombo"));
    addChoices(bucket_, {{tr("Automatic"), "auto"},
                         {tr("1 minute"), "1m"},
                         {tr("10 minutes"), "10m"},
                         {tr("1 hour"), "1h"},
                         {tr("1 day"), "1d"}});
    splitBy_->setObjectName(QStringLiteral("tileSplitByEdit"));
    splitBy_->setPlaceholderText(tr("a field, empty for one series"));
    field_->setObjectName(QStringLiteral("tileFieldEdit"));
    field_->setPlaceholderText(tr("e.g. user_name"));
    limit_->setObjectName(QStringLiteral("tileLimitSpin"));
    limit_->setRange(1, static_cast<int>(query::kMaxListRows));
    order_->setObjectName(QStringLiteral("tileOrderCombo"));
    addChoices(order_, {{tr("Most frequent first"), "desc"}, {tr("Rarest first"), "asc"}});
    detector_->setObjectName(QStringLiteral("tileDetectorEdit"));
    detector_->setPlaceholderText(tr("e.g. anomaly.rate.failed_logins.host"));
    entity_->setObjectName(QStringLiteral("tileEntityEdit"));
    entity_->setPlaceholderText(tr("e.g. host=$host"));
    columns_->setObjectName(QStringLiteral("tileColumnsEdit"));
    columns_->setPlaceholderText(tr("comma-separated, e.g. ts, host, message"));
    visualization_->setObjectName(QStringLiteral("tileVisualizationCombo"));
    addChoices(visualization_, {{tr("Line"), "line"},
                                {tr("Area"), "area"},
                                {tr("Stacked bars"), "stacked_bar"},
                                {tr("Bars"), "bar"},
                                {tr("Pie"), "pie"},
                                {tr("Donut"), "donut"},
                                {tr("Table"), "table"},
                                {tr("Single number"), "number"},
                                {tr("Heatmap"), "heatmap"}});
    colors_->setObjectName(QStringLiteral("tileColorsCombo"));
    addChoices(colors_,
               {{tr("Automatic"), "auto"}, {tr("By severity"), "severity"}, {tr("By alert level"), "level"}});
    band_->setObjectName(QStringLiteral("tileBandCheck"));
    trend_->setObjectName(QStringLiteral("tileTrendCheck"));
    sparkline_->setObjectName(QStringLiteral("tileSparklineCheck"));
    drilldown_->setObjectName(QStringLiteral("tileDrilldownCheck"));
    error_->setObjectName(QStringLiteral("tileErrorLabel"));
    error_->setWordWrap(true);
    route_->setObjectName(QStringLiteral("tileRouteLabel"));
    route_->setWordWrap(true);

    form_->addRow(tr("&Title:"), title_);
    form_->addRow(tr("&Query:"), query_);
    form_->addRow(QString(), queryError_);
    form_->addRow(tr("S&ource:"), source_);
    form_->addRow(tr("&Aggregation:"), kind_);
    form_->addRow(tr("&Bucket:"), bucket_);
    form_->addRow(tr("S&plit by:"), splitBy_);
    form_->addRow(tr("&Field:"), field_);
    form_->addRow(tr("&Limit:"), limit_);
    form_->addRow(tr("O&rder:"), order_);
    form_->addRow(tr("&Detector:"), detector_);
    form_->addRow(tr("&Entity:"), entity_);
    form_->addRow(tr("&Columns:"), columns_);
    form_->addRow(tr("&Visualization:"), visualization_);
    form_->addRow(tr("Co&lours:"), colors_);
    form_->addRow(QString(), band_);
    form_->addRow(QString(), trend_);
    form_->addRow(QString(), sparkline_);
    form_->addRow(QString(), drilldown_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form_);
    layout->addWidget(route_);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fill(tile);
    for (QLineEdit* edit : {title_, query_, splitBy_, field_, detector_, entity_, columns_})
        connect(edit, &QLineEdit::textChanged, this, &TileEditorDialog::check);
    for (QComboBox* combo : {source_, kind_, bucket_, order_, visualization_, colors_})
        connect(combo, &QComboBox::currentIndexChanged, this, &TileEditorDialog::check);
    connect(limit_, &QSpinBox::valueChanged, this, &TileEditorDialog::check);
    for (QCheckBox* box : {band_, trend_, sparkline_, drilldown_})
        connect(box, &QCheckBox::toggled, this, &TileEditorDialog::check);
    check();
    resize(560, sizeHint().height());
}

void TileEditorDialog::fill(const dashboard::TileSpec& tile)
{
    title_->setText(QString::fromStdString(tile.title));
    query_->setText(QString::fromStdString(tile.query));
    select(source_, tile.source);
    select(kind_, tile.aggregation.kind);
    select(bucket_, tile.aggregation.bucket.empty() ? std::string("auto") : tile.aggregation.bucket);
    splitBy_->setText(QString::fromStdString(tile.aggregation.split_by));
    field_->setText(QString::fromStdString(tile.aggregation.field));
    limit_->setValue(tile.aggregation.limit);
    select(order_, tile.aggregation.order);
    detector_->setText(QString::fromStdString(tile.aggregation.detector));
    entity_->setText(QString::fromStdString(tile.aggregation.entity));
    QStringList columns;
    for (const auto& column : tile.aggregation.columns)
        columns << QString::fromStdString(column);
    columns_->setText(columns.join(QStringLiteral(", ")));
    select(visualization_, tile.visualization.kind);
    select(colors_, tile.visualization.colors);
    band_->setChecked(tile.visualization.band);
    trend_->setChecked(tile.visualization.trend);
    sparkline_->setChecked(tile.visualization.sparkline);
    drilldown_->setChecked(tile.drilldown);
}

dashboard::TileSpec TileEditorDialog::tile() const
{
    dashboard::TileSpec tile = original_;
    tile.title = title_->text().trimmed().toStdString();
    tile.query = query_->text().trimmed().toStdString();
    tile.source = chosen(source_);
    // Only what the kind uses is kept; the rest returns to its default (the writer omits it).
    dashboard::AggregationSpec aggregation;
    aggregation.extensions = original_.aggregation.extensions;
    aggregation.kind = chosen(kind_);
    const auto& kind = aggregation.kind;
    const bool sumOrAvg = kind == "sum" || kind == "avg";
    if (kind == "count_over_time" || kind == "baseline" || sumOrAvg)
        aggregation.bucket = chosen(bucket_);
    if (sumOrAvg && original_.aggregation.bucket.empty() && aggregation.bucket == "auto")
        aggregation.bucket.clear(); // one number, as it was
    if (kind == "count_over_time")
        aggregation.split_by = splitBy_->text().trimmed().toStdString();
    if (kind == "top" || kind == "distinct" || sumOrAvg)
        aggregation.field = field_->text().trimmed().toStdString();
    if (kind == "top" || kind == "list")
        aggregation.limit = limit_->value();
    if (kind == "top")
        aggregation.order = chosen(order_);
    if (kind == "baseline") {
        aggregation.detector = detector_->text().trimmed().toStdString();
        aggregation.entity = entity_->text().trimmed().toStdString();
    }
    if (kind == "list") {
        for (const QString& column : columns_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!column.trimmed().isEmpty())
                aggregation.columns.push_back(column.trimmed().toStdString());
        }
    }
    tile.aggregation = aggregation;
    tile.visualization.kind = chosen(visualization_);
    tile.visualization.colors = chosen(colors_);
    const bool series = tile.visualization.kind == "line" || tile.visualization.kind == "area";
    const bool number = tile.visualization.kind == "number";
    tile.visualization.band = series && band_->isChecked();
    tile.visualization.trend = number && trend_->isChecked();
    tile.visualization.sparkline = number && sparkline_->isChecked();
    tile.drilldown = drilldown_->isChecked();
    return tile;
}

void TileEditorDialog::updateRows()
{
    const std::string kind = chosen(kind_);
    const bool sumOrAvg = kind == "sum" || kind == "avg";
    form_->setRowVisible(bucket_, kind == "count_over_time" || kind == "baseline" || sumOrAvg);
    form_->setRowVisible(splitBy_, kind == "count_over_time");
    form_->setRowVisible(field_, kind == "top" || kind == "distinct" || sumOrAvg);
    form_->setRowVisible(limit_, kind == "top" || kind == "list");
    form_->setRowVisible(order_, kind == "top");
    form_->setRowVisible(detector_, kind == "baseline");
    form_->setRowVisible(entity_, kind == "baseline");
    form_->setRowVisible(columns_, kind == "list");
    const std::string visualization = chosen(visualization_);
    form_->setRowVisible(band_, visualization == "line" || visualization == "area");
    form_->setRowVisible(trend_, visualization == "number");
    form_->setRowVisible(sparkline_, visualization == "number");
}

void TileEditorDialog::check()
{
    updateRows();
    queryError_->hide();
    error_->clear();
    route_->clear();
    valid_ = false;
    dashboard::TileSpec edited = tile();
    if (edited.id.empty())
        edited.id = "new-tile"; // a tile being added gets its id from the document
    dashboard::DashboardSpec spec = dashboard_;
    const auto it =
        std::find_if(spec.tiles.begin(), spec.tiles.end(), [&](const auto& t) { return t.id == edited.id; });
    if (it != spec.tiles.end())
        *it = edited;
    else
        spec.tiles.push_back(edited);
    try {
        if (edited.title.empty())
            throw std::invalid_argument(tr("Give the tile a title.").toStdString());
        dashboard::validate(spec);
        dashboard::TileContext context;
        context.now = nowTimestamp();
        context.variables = sameLengthValues(dashboard_);
        const query::AggregatePlan plan =
            query::buildAggregate(dashboard::tileRequest(spec, edited, context));
        const std::string_view route = query::routeName(plan.route);
        QString reads;
        if (route == "field1h" || route == "dim1h")
            reads = tr("reads the hourly rollups");
        else if (route == "dim1d")
            reads = tr("reads the daily rollups");
        else if (route == "minute")
            reads = tr("reads the per-minute counts");
        else if (route == "alerts")
            reads = tr("reads the alerts");
        else
            reads = tr("reads the events: slow over long ranges");
        route_->setText(tr("Over the dashboard's range this tile %1.").arg(reads));
        valid_ = true;
    } catch (const query::SyntaxError& error) {
        const std::string& why = error.expected().empty() ? std::string(error.what()) : error.expected();
        showQueryError(QString::fromStdString(why), static_cast<int>(error.position()));
    } catch (const dashboard::DashboardFormatError& error) {
        error_->setText(QString::fromStdString(error.what()));
    } catch (const std::exception& error) {
        error_->setText(QString::fromStdString(error.what()));
    }
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(valid_);
}

void TileEditorDialog::showQueryError(const QString& message, int bytePosition)
{
    // The parser counts bytes of UTF-8; the line edit counts UTF-16 units.
    const QByteArray utf8 = query_->text().trimmed().toUtf8();
    const int position =
        static_cast<int>(QString::fromUtf8(utf8.left(std::min<qsizetype>(bytePosition, utf8.size()))).size());
    queryError_->setText(tr("Syntax error at character %1: %2").arg(position + 1).arg(message));
    queryError_->show();
}

QString TileEditorDialog::errorText() const
{
    return !queryError_->isHidden() ? queryError_->text() : error_->text();
}

QString TileEditorDialog::routeText() const
{
    return route_->text();
}

} // namespace vigie::widgets
