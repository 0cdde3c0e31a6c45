// ChartPalette: dashboard colours from the palette (light or dark). GUI thread.
#include "chart_palette.h"

#include "alert_row.h"
#include "severity_delegate.h"

#include <QBrush>
#include <QChart>
#include <QLegend>

#include <array>
#include <charconv>

namespace vigie::widgets {
namespace {

// Tableau 10: distinct hues of similar weight, legible on white and on a dark grey.
constexpr std::array<QRgb, 10> kSeries = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                          0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

} // namespace

std::optional<int> ChartPalette::severityOf(const std::string& value)
{
    int number = -1;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error == std::errc() && end == value.data() + value.size() && number >= 0 && number <= 7)
        return number;
    static constexpr std::array<std::string_view, 8> kNames = {
        "emergency", "alert", "critical", "error", "warning", "notice", "informational", "debug"};
    static constexpr std::array<std::string_view, 8> kShort = {"emerg",   "alert",  "crit", "err",
                                                               "warning", "notice", "info", "debug"};
    for (int i = 0; i < 8; ++i)
        if (value == kNames[i] || value == kShort[i])
            return i;
    return std::nullopt;
}

namespace {

// The syslog severity whose colour an alert level takes (as in the alert queue).
int syslogSeverityOfLevel(const QString& level)
{
    models::AlertRow row;
    row.level = level;
    switch (row.severity()) {
    case models::AlertRow::Critical:
        return 2;
    case models::AlertRow::High:
        return 3;
    case models::AlertRow::Medium:
        return 4;
    case models::AlertRow::Low:
        return 5;
    default:
        return 6;
    }
}

} // namespace

ChartPalette::ChartPalette(const QPalette& palette)
    : palette_(palette), dark_(palette.color(QPalette::Base).lightness() < 128)
{
}

ChartPalette::Scheme ChartPalette::schemeFor(const std::string& colors, const std::string& field)
{
    if (colors == "severity" || (colors == "auto" && field == "severity"))
        return Scheme::Severity;
    if (colors == "level" || (colors == "auto" && field == "level"))
        return Scheme::Level;
    return Scheme::Auto;
}

QColor ChartPalette::readable(QColor colour) const
{
    // The severity colours were chosen for a white table; on a dark base they need more light.
    return dark_ ? colour.lighter(150) : colour;
}

QColor ChartPalette::gridLine() const
{
    QColor line = text();
    line.setAlpha(40);
    return line;
}

QColor ChartPalette::accent() const
{
    return readable(QColor(kSeries[0]));
}

QColor ChartPalette::severityColour(int severity) const
{
    const QColor colour = SeverityDelegate::colourFor(severity);
    // Informational has no colour in the table (the default text); a chart needs one.
    return readable(colour.isValid() ? colour : QColor(0x2e, 0x8b, 0x57));
}

QColor ChartPalette::levelColour(const QString& level) const
{
    return severityColour(syslogSeverityOfLevel(level));
}

QColor ChartPalette::seriesColour(int index) const
{
    const QColor colour(kSeries[static_cast<std::size_t>(index) % kSeries.size()]);
    return dark_ ? colour.lighter(115) : colour;
}

QColor ChartPalette::otherColour() const
{
    return dark_ ? QColor(0x8a, 0x8a, 0x8a) : QColor(0xa0, 0xa0, 0xa0);
}

QColor ChartPalette::colourFor(Scheme scheme, const std::optional<std::string>& value, bool other,
                               int index) const
{
    if (other || !value)
        return otherColour();
    if (scheme == Scheme::Severity) {
        if (const auto severity = severityOf(*value))
            return severityColour(*severity);
    } else if (scheme == Scheme::Level) {
        return levelColour(QString::fromStdString(*value));
    }
    return seriesColour(index);
}

QColor ChartPalette::bandColour() const
{
    QColor band = accent();
    band.setAlpha(dark_ ? 70 : 50);
    return band;
}

QColor ChartPalette::breachColour() const
{
    return severityColour(3);
}

void ChartPalette::applyTo(QChart& chart) const
{
    chart.setBackgroundBrush(background());
    chart.setBackgroundPen(Qt::NoPen);
    chart.setPlotAreaBackgroundVisible(false);
    chart.setTitleBrush(text());
    chart.legend()->setLabelColor(text());
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsColor(text());
        axis->setLinePenColor(gridLine());
        axis->setGridLineColor(gridLine());
        axis->setTitleBrush(text());
    }
}

} // namespace vigie::widgets
