#include "retention_dialog.h"

#include "retention_service.h"

#include "store/settings_store.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace vigie::widgets {

RetentionDialog::RetentionDialog(models::RetentionService* service, QWidget* parent)
    : QDialog(parent), service_(service), days_(new QSpinBox(this)), forever_(new QCheckBox(this)),
      holding_(new QLabel(this)), effect_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      previewTimer_(new QTimer(this))
{
    setObjectName(QStringLiteral("retentionDialog"));
    setWindowTitle(tr("Retention"));
    days_->setObjectName(QStringLiteral("retentionDays"));
    days_->setRange(store::minRetentionDays, store::maxRetentionDays);
    days_->setValue(suggestedDays);
    days_->setSuffix(tr(" days"));
    days_->setAccelerated(true);
    forever_->setText(tr("&Keep every event (no retention)"));
    holding_->setWordWrap(true);
    effect_->setWordWrap(true);
    holding_->setText(tr("Reading the database…"));

    auto* explanation = new QLabel(
        tr("Events older than the window are deleted by dropping whole days, every day and right "
           "after this change. Collectors started with vigiectl serve on this database apply the same "
           "window."),
        this);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Keep &events of the last:"), days_);
    form->addRow(QString(), forever_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(holding_);
    layout->addWidget(effect_);
    layout->addWidget(buttons_);

    // A held arrow key changes the value many times a second: one dry run per pause.
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(250);
    connect(previewTimer_, &QTimer::timeout, this, &RetentionDialog::requestPreview);
    connect(days_, &QSpinBox::valueChanged, previewTimer_, qOverload<>(&QTimer::start));
    connect(forever_, &QCheckBox::toggled, this, [this](bool keepAll) {
        days_->setEnabled(!keepAll);
        previewTimer_->start();
    });
    connect(service_, &models::RetentionService::previewReady, this, &RetentionDialog::onPreview);
    connect(buttons_, &QDialogButtonBox::accepted, this, &RetentionDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &RetentionDialog::reject);
    // The first preview reads the saved window; OK waits for it, so it never saves a value the
    // administrator did not see.
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
    request_ = service_->preview(std::nullopt);
}

std::optional<int> RetentionDialog::days() const
{
    return forever_->isChecked() ? std::nullopt : std::optional(days_->value());
}

void RetentionDialog::setDays(std::optional<int> days)
{
    forever_->setChecked(!days);
    if (days)
        days_->setValue(*days);
}

QString RetentionDialog::holdingText() const
{
    return holding_->text();
}

QString RetentionDialog::effectText() const
{
    return effect_->text();
}

void RetentionDialog::requestPreview()
{
    request_ = service_->preview(days());
}

void RetentionDialog::onPreview(const models::RetentionPreview& preview)
{
    if (preview.requestId != request_)
        return; // the value changed since
    if (!preview.error.isEmpty()) {
        holding_->setText(tr("The database cannot be read: %1").arg(preview.error));
        return;
    }
    if (!loaded_) {
        // The first answer brings the saved window: show it, then what it drops now.
        loaded_ = true;
        const QSignalBlocker blockDays(days_);
        const QSignalBlocker blockForever(forever_);
        setDays(preview.savedDays);
        days_->setEnabled(preview.savedDays.has_value());
        buttons_->button(QDialogButtonBox::Ok)->setEnabled(true);
        if (preview.savedDays)
            requestPreview();
    }
    const QLocale locale;
    holding_->setText(
        preview.partitions == 0
            ? tr("The database holds no daily partition yet.")
            : tr("The database holds %n day(s) of events; the oldest is %1.", nullptr, preview.partitions)
                  .arg(locale.toString(preview.oldestDay, QLocale::LongFormat)));
    if (!days()) {
        effect_->setText(tr("Every event is kept; nothing will be deleted."));
        return;
    }
    if (!preview.days)
        return; // the first answer, without a dry run
    const QString cutoff = locale.toString(preview.cutoff, QLocale::LongFormat);
    effect_->setText(
        preview.wouldDrop == 0
            ? tr("Nothing is older than %1: nothing would be deleted now.").arg(cutoff)
            : tr("%n day(s) of events before %1 would be deleted now.", nullptr, preview.wouldDrop)
                  .arg(cutoff));
}

void RetentionDialog::accept()
{
    service_->save(days());
    QDialog::accept();
}

} // namespace vigie::widgets
