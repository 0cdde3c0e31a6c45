#include "database_job_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::widgets {

DatabaseJobDialog::DatabaseJobDialog(models::DatabaseJob* job, QWidget* parent)
    : QDialog(parent), job_(job), status_(new QLabel(this)), bar_(new QProgressBar(this)),
      log_(new QPlainTextEdit(this)), summary_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      cancel_(buttons_->button(QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("databaseJobDialog"));
    const bool backup = job->kind() == models::DatabaseJob::Kind::Backup;
    const QString name = QFileInfo(job->file()).fileName();
    setWindowTitle(backup ? tr("Back Up Database") : tr("Restore Database"));
    status_->setText(backup ? tr("Backing up the database to %1…").arg(name)
                            : tr("Restoring the database from %1…").arg(name));
    status_->setWordWrap(true);
    bar_->setRange(0, 0); // busy until the tool names its first table
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(2000);
    log_->setLineWrapMode(QPlainTextEdit::NoWrap);
    log_->setPlaceholderText(tr("Messages of the PostgreSQL tool"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(bar_);
    layout->addWidget(log_, 1);
    layout->addWidget(summary_);
    layout->addWidget(buttons_);
    resize(560, 360);

    connect(buttons_, &QDialogButtonBox::rejected, this, &DatabaseJobDialog::reject);
    connect(job, &models::DatabaseJob::line, log_, &QPlainTextEdit::appendPlainText);
    connect(job, &models::DatabaseJob::tableStarted, this, &DatabaseJobDialog::onTable);
    connect(job, &models::DatabaseJob::finished, this, &DatabaseJobDialog::onFinished);
}

QString DatabaseJobDialog::statusText() const
{
    return status_->text();
}

QString DatabaseJobDialog::summaryText() const
{
    return summary_->text();
}

void DatabaseJobDialog::reject()
{
    if (!finished_ && job_) {
        // The tool is killed; the dialog stays until the job confirms, with its summary.
        job_->cancel();
        cancel_->setEnabled(false);
        status_->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void DatabaseJobDialog::onTable(const QString& table, int done, int total)
{
    const bool backup = job_ && job_->kind() == models::DatabaseJob::Kind::Backup;
    status_->setText(backup ? tr("Dumping table %1…").arg(table) : tr("Restoring table %1…").arg(table));
    if (total > 0) {
        bar_->setRange(0, total);
        bar_->setValue(std::min(done, total));
    }
}

QString DatabaseJobDialog::summarySentence(const models::DatabaseJobSummary& summary)
{
    const QLocale locale;
    const QString name = QFileInfo(summary.file).fileName();
    const bool backup = summary.kind == models::DatabaseJobSummary::Kind::Backup;
    if (summary.cancelled)
        return backup ? tr("Backup cancelled: no file was written.")
                      : tr("Restore cancelled: the database was left as it was.");
    if (!summary.error.isEmpty())
        return backup ? tr("The backup failed: %1").arg(summary.error)
                      : tr("The restore failed; the database was left as it was: %1").arg(summary.error);
    const QString contents =
        tr("%Ln event(s)", nullptr, static_cast<int>(summary.events)) + QStringLiteral(", ") +
        tr("%Ln daily partition(s)", nullptr, static_cast<int>(summary.partitions)) + QStringLiteral(", ") +
        tr("%Ln source(s)", nullptr, static_cast<int>(summary.sources));
    return backup ? tr("Backed up to %1 (%2) in %3 s: %4.")
                        .arg(name, locale.formattedDataSize(summary.fileSize),
                             locale.toString(summary.seconds, 'f', 1), contents)
                  : tr("Restored from %1 in %2 s; the database now holds %3.")
                        .arg(name, locale.toString(summary.seconds, 'f', 1), contents);
}

void DatabaseJobDialog::onFinished(const models::DatabaseJobSummary& summary)
{
    finished_ = true;
    bar_->setRange(0, 1);
    bar_->setValue(summary.ok() ? 1 : 0);
    status_->setText(summary.ok() ? tr("Done.") : summary.cancelled ? tr("Cancelled.") : tr("Failed."));
    summary_->setText(summarySentence(summary));
    summary_->show();
    buttons_->setStandardButtons(QDialogButtonBox::Close);
    cancel_ = nullptr;
}

} // namespace vigie::widgets
