// ExportStrip (export_strip.h). GUI thread.
#include "export_strip.h"

#include "event_export_job.h"

#include <QDir>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace vigie::widgets {

using models::EventExportJob;

ExportStrip::ExportStrip(QWidget* parent) : ProgressStrip(QStringLiteral("export"), parent)
{
    connect(cancelButton(), &QPushButton::clicked, this, [this] {
        if (job_)
            job_->cancel();
        cancelButton()->setEnabled(false);
    });
    retranslate();
}

void ExportStrip::follow(EventExportJob* job)
{
    if (job_)
        job_->disconnect(this);
    job_ = job;
    counting_ = false;
    begin(job->path(), QDir::toNativeSeparators(job->path()));

    connect(job, &EventExportJob::counting, this, [this] {
        counting_ = true;
        setBusy(); // until the count is known
        retranslate();
    });
    connect(job, &EventExportJob::progress, this, &ExportStrip::onProgress);
    connect(job, &EventExportJob::finished, this, [this](quint64 rows, const QString& path, double seconds) {
        const QLocale locale;
        // Labels rather than a sentence: no plural form to get wrong for one event.
        showOutcome(
            tr("Export complete · Events: %1 · File: %2 · Time: %3 s")
                .arg(locale.toString(rows), QDir::toNativeSeparators(path), locale.toString(seconds, 'f', 1)),
            false);
    });
    connect(job, &EventExportJob::failed, this,
            [this](const QString& message) { showOutcome(tr("Export failed: %1").arg(message), true); });
    connect(job, &EventExportJob::cancelled, this,
            [this] { showOutcome(tr("Export cancelled: no file was written."), false); });
    retranslate();
    show();
}

void ExportStrip::onProgress(quint64 rows, qint64 total, double seconds)
{
    const QLocale locale;
    counting_ = false;
    if (total >= 0)
        setFraction(rows, static_cast<quint64>(total));
    const QString rate = locale.toString(seconds > 0 ? static_cast<double>(rows) / seconds : 0.0, 'f', 0);
    setDetail(total >= 0 ? tr("%1 of about %2 events · %3 events/s")
                               .arg(locale.toString(rows), locale.toString(total), rate)
                         : tr("%1 events · %2 events/s").arg(locale.toString(rows), rate));
    retranslate();
}

void ExportStrip::retranslate()
{
    cancelButton()->setText(tr("Cancel"));
    cancelButton()->setToolTip(tr("Stop the export; no file is left under the chosen name"));
    progressBar()->setFormat(counting_ ? tr("Counting…") : QStringLiteral("%p%"));
    closeButton()->setToolTip(tr("Close"));
}

} // namespace vigie::widgets
