#pragma once
// Dashboard export (contract D of issue #6): the canvas as a PNG at twice its size (sharp on
// high-density screens and in reports) or as a one-page landscape PDF with a title and the range.
// Both grab widgets, so they run on the GUI thread; they throw std::runtime_error with a
// sentence the panel shows when the file cannot be written.
#include <QString>

class QWidget;

namespace vigie::widgets {

void exportPng(QWidget& canvas, const QString& path);
void exportPdf(QWidget& canvas, const QString& title, const QString& subtitle, const QString& path);

} // namespace vigie::widgets
