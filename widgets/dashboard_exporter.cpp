// Dashboard export to PNG and PDF. GUI thread.
#include "dashboard_exporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QWidget>

#include <algorithm>
#include <stdexcept>

namespace vigie::widgets {
namespace {

constexpr qreal kPngPixelRatio = 2;

std::runtime_error failure(const char* sentence, const QString& path)
{
    return std::runtime_error(QCoreApplication::translate("vigie::widgets::DashboardExporter", sentence)
                                  .arg(QDir::toNativeSeparators(path))
                                  .toStdString());
}

} // namespace

void exportPng(QWidget& canvas, const QString& path)
{
    // What QWidget::grab() does, at a fixed ratio rather than the screen's.
    QPixmap image(canvas.size() * kPngPixelRatio);
    image.setDevicePixelRatio(kPngPixelRatio);
    image.fill(canvas.palette().color(canvas.backgroundRole()));
    canvas.render(&image, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    if (!image.save(path, "PNG"))
        throw failure(QT_TRANSLATE_NOOP("vigie::widgets::DashboardExporter", "Could not write the image %1."),
                      path);
}

void exportPdf(QWidget& canvas, const QString& title, const QString& subtitle, const QString& path)
{
    QPdfWriter writer(path);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QCoreApplication::applicationName());
    QPainter painter;
    if (!painter.begin(&writer))
        throw failure(
            QT_TRANSLATE_NOOP("vigie::widgets::DashboardExporter", "Could not write the PDF file %1."), path);
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QRectF area(0, 0, page.width(), page.height()); // the painter's origin is the margin's corner

    // Title and range on top, in points so the page reads the same at any resolution.
    QFont heading = canvas.font();
    heading.setPointSizeF(16);
    heading.setBold(true);
    painter.setFont(heading);
    painter.setPen(Qt::black);
    QRectF used;
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop, title, &used);
    QFont small = canvas.font();
    small.setPointSizeF(10);
    painter.setFont(small);
    QRectF below(area.left(), used.bottom(), area.width(), area.height() - used.height());
    painter.drawText(below, Qt::AlignLeft | Qt::AlignTop, subtitle, &used);

    // The canvas, scaled to fit what is left and centred; rendered as vectors.
    const qreal top = used.bottom() + writer.resolution() / 8.0;
    const QRectF room(area.left(), top, area.width(), area.bottom() - top);
    const QSizeF size = canvas.size();
    if (size.isEmpty())
        return;
    const qreal scale = std::min(room.width() / size.width(), room.height() / size.height());
    painter.translate(room.left() + (room.width() - size.width() * scale) / 2, room.top());
    painter.scale(scale, scale);
    canvas.render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    if (!painter.end())
        throw failure(
            QT_TRANSLATE_NOOP("vigie::widgets::DashboardExporter", "Could not write the PDF file %1."), path);
}

} // namespace vigie::widgets
