// ExportController (export_controller.h). GUI thread.
#include "export_controller.h"

#include "event_table_model.h"
#include "export_strip.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace vigie::widgets {

using models::ExportFormat;

namespace {

const QLatin1String directoryKey("export/directory");

QString suffixOf(ExportFormat format)
{
    return format == ExportFormat::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl");
}

} // namespace

ExportController::ExportController(models::EventTableModel* model, QWidget* window)
    : QObject(window), model_(model), window_(window), export_(new QAction(this)),
      strip_(new ExportStrip(window))
{
    export_->setObjectName(QStringLiteral("exportAction"));
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(export_, &QAction::triggered, this, &ExportController::showExportDialog);
    // The window's LanguageChange reaches this object through the filter below.
    window_->installEventFilter(this);
    updateAction();
    retranslate();
}

ExportController::~ExportController()
{
    delete job_; // cancels and waits: the part file is removed before the window goes
}

void ExportController::setConnInfo(const QString& conninfo)
{
    conninfo_ = conninfo;
    updateAction();
}

ExportFormat ExportController::formatForPath(const QString& path, ExportFormat fallback)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") ||
        suffix == QLatin1String("json"))
        return ExportFormat::JsonLines;
    return fallback;
}

QFileDialog* ExportController::showExportDialog()
{
    if (dialog_) {
        dialog_->raise();
        dialog_->activateWindow();
        return dialog_;
    }
    const QString csvFilter = tr("CSV (*.csv)");
    const QString jsonFilter = tr("JSON lines (*.jsonl)");
    dialog_ = new QFileDialog(window_, tr("Export Results"));
    dialog_->setObjectName(QStringLiteral("exportDialog"));
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    dialog_->setAcceptMode(QFileDialog::AcceptSave);
    dialog_->setFileMode(QFileDialog::AnyFile);
    dialog_->setNameFilters({csvFilter, jsonFilter});
    dialog_->selectNameFilter(csvFilter);
    dialog_->setDefaultSuffix(suffixOf(ExportFormat::Csv));
    const QString directory =
        QSettings()
            .value(directoryKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    dialog_->setDirectory(directory);
    dialog_->selectFile(QStringLiteral("vigie-events-%1.csv")
                            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    connect(dialog_, &QFileDialog::filterSelected, dialog_,
            [dialog = dialog_.data(), csvFilter](const QString& f) {
                const QString suffix = suffixOf(f == csvFilter ? ExportFormat::Csv : ExportFormat::JsonLines);
                dialog->setDefaultSuffix(suffix);
                // The name typed so far follows the format, or its extension would override it.
                const QStringList typed = dialog->selectedFiles();
                if (!typed.isEmpty() && !QFileInfo(typed.first()).completeBaseName().isEmpty())
                    dialog->selectFile(QFileInfo(typed.first()).completeBaseName() + QLatin1Char('.') +
                                       suffix);
            });
    connect(dialog_, &QFileDialog::fileSelected, this,
            [this, dialog = dialog_.data(), csvFilter](const QString& path) {
                const ExportFormat chosen =
                    dialog->selectedNameFilter() == csvFilter ? ExportFormat::Csv : ExportFormat::JsonLines;
                QSettings().setValue(directoryKey, QFileInfo(path).absolutePath());
                exportTo(path, formatForPath(path, chosen));
            });
    dialog_->open();
    return dialog_;
}

models::EventExportJob* ExportController::exportTo(const QString& path, ExportFormat format)
{
    if (job_ || conninfo_.isEmpty())
        return nullptr;
    // A copy of the search: the analyst may search on while the export runs.
    job_ = new models::EventExportJob(conninfo_, model_->search(), format, path, this);
    job_->setPageSize(pageSize_);
    connect(job_, &models::EventExportJob::finished, this, [this](quint64 rows, const QString& written) {
        onJobEnded();
        Q_EMIT exportFinished(rows, written);
    });
    connect(job_, &models::EventExportJob::failed, this, &ExportController::onJobEnded);
    connect(job_, &models::EventExportJob::cancelled, this, &ExportController::onJobEnded);
    strip_->follow(job_);
    job_->start();
    updateAction();
    return job_;
}

void ExportController::onJobEnded()
{
    job_->deleteLater();
    job_ = nullptr;
    updateAction();
    Q_EMIT exportEnded();
}

void ExportController::cancel()
{
    if (job_)
        job_->cancel();
}

void ExportController::updateAction()
{
    export_->setEnabled(!job_ && !conninfo_.isEmpty());
}

bool ExportController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void ExportController::retranslate()
{
    export_->setText(tr("E&xport Results…"));
    export_->setStatusTip(tr("Write the events matching the current search to a CSV or JSON lines file"));
}

} // namespace vigie::widgets
