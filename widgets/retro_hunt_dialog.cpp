// RetroHuntDialog (retro_hunt_dialog.h): the range form, the progress and the summary. GUI thread.
#include "retro_hunt_dialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace vigie::widgets {
namespace {

const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

QString shownTime(const QDateTime& time)
{
    return time.toLocalTime().toString(timeFormat);
}

} // namespace

RetroHuntDialog::RetroHuntDialog(QWidget* parent)
    : QDialog(parent), preset_(new QComboBox(this)), fromEdit_(new QDateTimeEdit(this)),
      toEdit_(new QDateTimeEdit(this)), fromLabel_(new QLabel(this)), toLabel_(new QLabel(this)),
      presetLabel_(new QLabel(this)), status_(new QLabel(this)), bar_(new QProgressBar(this)),
      detail_(new QLabel(this)), summary_(new QLabel(this)), buttons_(new QDialogButtonBox(this)),
      run_(buttons_->addButton(QString(), QDialogButtonBox::ActionRole)),
      cancel_(buttons_->addButton(QDialogButtonBox::Cancel)),
      close_(buttons_->addButton(QDialogButtonBox::Close)),
      showAlerts_(buttons_->addButton(QString(), QDialogButtonBox::ActionRole))
{
    setObjectName(QStringLiteral("retroHuntDialog"));
    preset_->setObjectName(QStringLiteral("retroHuntPreset"));
    fromEdit_->setObjectName(QStringLiteral("retroHuntFrom"));
    toEdit_->setObjectName(QStringLiteral("retroHuntTo"));
    bar_->setObjectName(QStringLiteral("retroHuntProgress"));
    run_->setObjectName(QStringLiteral("retroHuntRun"));
    cancel_->setObjectName(QStringLiteral("retroHuntCancel"));
    showAlerts_->setObjectName(QStringLiteral("retroHuntShowAlerts"));

    for (int preset = LastHour; preset <= Custom; ++preset)
        preset_->addItem(QString(), preset);
    for (QDateTimeEdit* edit : {fromEdit_, toEdit_}) {
        edit->setDisplayFormat(timeFormat);
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
    }
    presetLabel_->setBuddy(preset_);
    fromLabel_->setBuddy(fromEdit_);
    toLabel_->setBuddy(toEdit_);
    status_->setWordWrap(true);
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->hide();
    run_->setDefault(true); // Enter runs the hunt
    showAlerts_->hide();

    auto* form = new QFormLayout;
    form->addRow(presetLabel_, preset_);
    form->addRow(fromLabel_, fromEdit_);
    form->addRow(toLabel_, toEdit_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(status_);
    layout->addWidget(bar_);
    layout->addWidget(detail_);
    layout->addWidget(summary_);
    layout->addStretch(1);
    layout->addWidget(buttons_);

    connect(preset_, &QComboBox::currentIndexChanged, this, &RetroHuntDialog::syncRangeFields);
    connect(fromEdit_, &QDateTimeEdit::dateTimeChanged, this, &RetroHuntDialog::syncRangeFields);
    connect(toEdit_, &QDateTimeEdit::dateTimeChanged, this, &RetroHuntDialog::syncRangeFields);
    connect(run_, &QPushButton::clicked, this, &RetroHuntDialog::requestHunt);
    connect(showAlerts_, &QPushButton::clicked, this, &RetroHuntDialog::showAlertsRequested);
    connect(buttons_, &QDialogButtonBox::rejected, this, &RetroHuntDialog::reject);

    retranslate();
    setPreset(Last24Hours);
    setHunting(false);
    resize(std::max(sizeHint().width(), 520), sizeHint().height());
}

RetroHuntDialog::Preset RetroHuntDialog::preset() const
{
    return static_cast<Preset>(preset_->currentData().toInt());
}

void RetroHuntDialog::setPreset(Preset preset)
{
    preset_->setCurrentIndex(preset_->findData(int(preset)));
    syncRangeFields();
}

void RetroHuntDialog::setCustomRange(const QDateTime& from, const QDateTime& to)
{
    setPreset(Custom);
    fromEdit_->setDateTime(from.toLocalTime());
    toEdit_->setDateTime(to.toLocalTime());
}

QDateTime RetroHuntDialog::from() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (preset()) {
    case LastHour:
        return now.addSecs(-3600);
    case Last24Hours:
        return now.addDays(-1);
    case Last7Days:
        return now.addDays(-7);
    case Last30Days:
        return now.addDays(-30);
    case Custom:
        break;
    }
    return fromEdit_->dateTime().toUTC();
}

QDateTime RetroHuntDialog::to() const
{
    return preset() == Custom ? toEdit_->dateTime().toUTC() : QDateTime::currentDateTimeUtc();
}

QString RetroHuntDialog::statusText() const
{
    return status_->text();
}

QString RetroHuntDialog::detailText() const
{
    return detail_->text();
}

QString RetroHuntDialog::summaryText() const
{
    return summary_->isHidden() ? QString() : summary_->text();
}

void RetroHuntDialog::syncRangeFields()
{
    const bool custom = preset() == Custom;
    if (!custom) {
        // The fields show what the preset covers, a starting point for a custom range.
        const QSignalBlocker blockFrom(fromEdit_);
        const QSignalBlocker blockTo(toEdit_);
        fromEdit_->setDateTime(from().toLocalTime());
        toEdit_->setDateTime(to().toLocalTime());
    }
    const bool hunting = isHunting();
    fromEdit_->setEnabled(custom && !hunting);
    toEdit_->setEnabled(custom && !hunting);
    const bool valid = from() < to();
    run_->setEnabled(!hunting && valid);
    if (!hunting && !valid)
        status_->setText(tr("The start of the range must be before its end."));
    else if (!hunting && summary_->isHidden())
        status_->setText(tr("The detection rules will run over the stored events of this range; what "
                            "they find is added to the alert queue, marked retro-hunt."));
}

void RetroHuntDialog::requestHunt()
{
    const QDateTime start = from();
    const QDateTime end = to();
    if (isHunting() || start >= end)
        return;
    Q_EMIT huntRequested(start, end);
}

void RetroHuntDialog::follow(models::RetroHuntJob* job)
{
    job_ = job;
    connect(job, &models::RetroHuntJob::progress, this, &RetroHuntDialog::onProgress);
    connect(job, &models::RetroHuntJob::finished, this, &RetroHuntDialog::onFinished);
    status_->setText(tr("Hunting from %1 to %2…").arg(shownTime(job->from()), shownTime(job->to())));
    bar_->setValue(0);
    detail_->setText(tr("Starting…"));
    summary_->hide();
    showAlerts_->hide();
    setHunting(true);
}

void RetroHuntDialog::setHunting(bool hunting)
{
    preset_->setEnabled(!hunting);
    cancel_->setVisible(hunting);
    cancel_->setEnabled(hunting);
    close_->setVisible(!hunting);
    bar_->setVisible(hunting || !summary_->isHidden());
    detail_->setVisible(hunting);
    syncRangeFields();
    if (hunting)
        cancel_->setFocus();
    else
        run_->setDefault(true);
}

void RetroHuntDialog::onProgress(double fraction, quint64 events, quint64 hits, double eventsPerSecond)
{
    const QLocale locale;
    bar_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
    detail_->setText(tr("%1 events read, %2 hits, %3 events/s")
                         .arg(locale.toString(events), locale.toString(hits),
                              locale.toString(static_cast<qulonglong>(eventsPerSecond))));
}

QString RetroHuntDialog::summarySentence(const models::RetroHuntSummary& summary)
{
    if (!summary.error.isEmpty())
        return summary.error;
    const QString events = QLocale().toString(summary.events);
    const int alerts = static_cast<int>(std::min<quint64>(summary.alerts, std::numeric_limits<int>::max()));
    if (summary.cancelled)
        return summary.dryRun
                   ? tr("Cancelled after %1 events read; nothing was stored.").arg(events)
                   : tr("Cancelled after %1 events read; the %Ln alert(s) found until then are stored "
                        "(retro-hunt).",
                        nullptr, alerts)
                         .arg(events);
    return summary.dryRun
               ? tr("%1 events read, %Ln alert(s) would be raised (dry run: nothing stored).", nullptr,
                    alerts)
                     .arg(events)
               : tr("%1 events read, %Ln alert(s) found (retro-hunt).", nullptr, alerts).arg(events);
}

void RetroHuntDialog::onFinished(const models::RetroHuntSummary& summary)
{
    bar_->setValue(summary.ok() ? 1000 : bar_->value());
    status_->setText(summary.ok() ? tr("Done.") : summary.cancelled ? tr("Cancelled.") : tr("Failed."));
    summary_->setText(summarySentence(summary));
    summary_->setStyleSheet(summary.error.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    summary_->show();
    job_ = nullptr; // the controller deletes it
    setHunting(false);
    showAlerts_->setVisible(!summary.dryRun && summary.alerts > 0);
    if (showAlerts_->isVisible()) {
        showAlerts_->setDefault(true);
        showAlerts_->setFocus();
    }
}

void RetroHuntDialog::reject()
{
    if (isHunting()) {
        // The hunt stops at its next page; the dialog stays until it confirms, with its summary.
        job_->cancel();
        cancel_->setEnabled(false);
        status_->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void RetroHuntDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void RetroHuntDialog::retranslate()
{
    setWindowTitle(tr("Retro-hunt"));
    presetLabel_->setText(tr("&Range:"));
    preset_->setItemText(LastHour, tr("Last hour"));
    preset_->setItemText(Last24Hours, tr("Last 24 hours"));
    preset_->setItemText(Last7Days, tr("Last 7 days"));
    preset_->setItemText(Last30Days, tr("Last 30 days"));
    preset_->setItemText(Custom, tr("Custom range"));
    fromLabel_->setText(tr("&From:"));
    toLabel_->setText(tr("&To:"));
    run_->setText(tr("&Run"));
    run_->setToolTip(tr("Run the detection rules over the stored events of the range"));
    showAlerts_->setText(tr("Show &Alerts"));
    showAlerts_->setToolTip(tr("Open the alert queue"));
    if (!isHunting())
        syncRangeFields();
}

} // namespace vigie::widgets
