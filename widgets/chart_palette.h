#pragma once
// ChartPalette: the colours dashboard tiles draw with, derived from the widget's QPalette so the
// charts follow the light or dark desktop theme — severity and alert level colours (the ones the
// events table and the alert queue use, lightened on a dark background), series colours that read
// on both backgrounds, the baseline band, and the chart background and label colours. GUI thread.
#include <QColor>
#include <QPalette>
#include <QString>

#include <optional>
#include <string>

class QChart;

namespace vigie::widgets {

class ChartPalette {
public:
    // How a tile's series are coloured (visualization.colors).
    enum class Scheme { Auto, Severity, Level };

    explicit ChartPalette(const QPalette& palette);

    // "severity" and "level" by name; "auto" colours a split by severity or level like those.
    static Scheme schemeFor(const std::string& colors, const std::string& field);

    // A severity split value: the number the events store ("3") or its syslog keyword ("err").
    static std::optional<int> severityOf(const std::string& value);

    bool isDark() const { return dark_; }
    QColor background() const { return palette_.color(QPalette::Base); }
    QColor text() const { return palette_.color(QPalette::Text); }
    QColor placeholderText() const { return palette_.color(QPalette::PlaceholderText); }
    QColor gridLine() const;
    QColor accent() const; // a single series, the heatmap's hottest cell

    // A syslog severity 0–7; SeverityDelegate's colour, made readable on a dark background.
    QColor severityColour(int severity) const;
    // An alert level ("informational" … "critical"), coloured like the alert queue does.
    QColor levelColour(const QString& level) const;
    // The index-th colour of the categorical set (cycles).
    QColor seriesColour(int index) const;
    QColor otherColour() const; // the summed "other" series and "(none)"

    // The colour of one series or slice: its value under the scheme, else the index-th colour.
    QColor colourFor(Scheme scheme, const std::optional<std::string>& value, bool other, int index) const;

    QColor bandColour() const;   // the baseline's usual range, translucent
    QColor breachColour() const; // markers on the buckets above the usual range

    // Background, plot area, title, legend and axis colours from the palette (not a fixed theme).
    void applyTo(QChart& chart) const;

private:
    QColor readable(QColor colour) const;

    QPalette palette_;
    bool dark_;
};

} // namespace vigie::widgets
