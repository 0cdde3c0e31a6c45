#pragma once
// ExportController: the export feature of the main window — File > Export Results… (Ctrl+E),
// its save dialog (the format follows the chosen filter, or the extension typed), the
// EventExportJob that writes the search shown in the table at that moment, and the progress
// strip. One export at a time; the action is off while one runs or before a database is open.
// The dialog is only a way to pick the path: exportTo() does the rest, so tests can call it.
// GUI thread.
#include "event_export_job.h"

#include <QFileDialog>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace vigie::models {
class EventTableModel;
}

namespace vigie::widgets {

class ExportStrip;

class ExportController : public QObject {
    Q_OBJECT
public:
    // Exports what `model` shows; the strip is created for `window` (the caller places it).
    ExportController(models::EventTableModel* model, QWidget* window);
    ~ExportController() override; // cancels a running export; its part file is removed

    QAction* exportAction() const { return export_; }
    ExportStrip* strip() const { return strip_; }
    QFileDialog* openDialog() const { return dialog_; }
    models::EventExportJob* currentJob() const { return job_; }

    // The database the table reads (libpq syntax): exports read it on their own connection.
    void setConnInfo(const QString& conninfo);
    // Rows read per page (tests use small pages). Default 5,000.
    void setPageSize(int rows) { pageSize_ = rows; }

    // The format a file name asks for: its extension when it names one, else `fallback`.
    static models::ExportFormat formatForPath(const QString& path, models::ExportFormat fallback);

public Q_SLOTS:
    // Opens the save dialog (window-modal, without blocking); accepting it starts the export.
    QFileDialog* showExportDialog();
    // Exports the table's current search to `path`; nullptr when an export already runs or no
    // database is open.
    models::EventExportJob* exportTo(const QString& path, vigie::models::ExportFormat format);
    void cancel();

Q_SIGNALS:
    void exportFinished(quint64 rows, const QString& path);
    void exportEnded(); // finished, failed or cancelled

private:
    void onJobEnded();
    void updateAction();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    models::EventTableModel* model_;
    QWidget* window_;
    QAction* export_;
    ExportStrip* strip_;
    QPointer<QFileDialog> dialog_;
    models::EventExportJob* job_ = nullptr;
    QString conninfo_;
    int pageSize_ = 5000;
};

} // namespace vigie::widgets
