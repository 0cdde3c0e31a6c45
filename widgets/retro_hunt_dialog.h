#pragma once
// RetroHuntDialog: Detection > Retro-hunt… — the time range to hunt (the last hour, 24 hours,
// 7 days or 30 days, or a custom from–to; 24 hours by default), Run, then the hunt's progress
// (share of the range covered, events read, hits, events a second) with Cancel (Escape), and a
// summary ("12,345 events read, 3 alert(s) found (retro-hunt).") with Show Alerts. Another range
// can be hunted from the same dialog. It asks for a hunt with huntRequested() and follows the
// RetroHuntJob it is given; it does no work itself. GUI thread.
#include "retro_hunt_job.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace vigie::widgets {

class RetroHuntDialog : public QDialog {
    Q_OBJECT
public:
    enum Preset { LastHour, Last24Hours, Last7Days, Last30Days, Custom };

    explicit RetroHuntDialog(QWidget* parent = nullptr);

    Preset preset() const;
    void setPreset(Preset preset);
    // The range the preset or the custom fields give, as of now (UTC).
    QDateTime from() const;
    QDateTime to() const;
    // Sets a custom range (the preset becomes Custom).
    void setCustomRange(const QDateTime& from, const QDateTime& to);

    // Shows `job`'s progress and then its summary; the dialog cancels it when closed meanwhile.
    void follow(models::RetroHuntJob* job);
    bool isHunting() const { return !job_.isNull(); }

    QComboBox* presetCombo() const { return preset_; }
    QDateTimeEdit* fromEdit() const { return fromEdit_; }
    QDateTimeEdit* toEdit() const { return toEdit_; }
    QProgressBar* progressBar() const { return bar_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* showAlertsButton() const { return showAlerts_; }
    QString statusText() const;
    QString detailText() const;
    QString summaryText() const; // empty until a hunt ended

    // The summary sentence of a finished hunt, as shown.
    static QString summarySentence(const models::RetroHuntSummary& summary);

Q_SIGNALS:
    void huntRequested(const QDateTime& from, const QDateTime& to);
    void showAlertsRequested();

protected:
    void reject() override; // Escape or the close button: cancel while a hunt runs
    void changeEvent(QEvent* event) override;

private:
    void requestHunt();
    void onProgress(double fraction, quint64 events, quint64 hits, double eventsPerSecond);
    void onFinished(const models::RetroHuntSummary& summary);
    // Range fields and buttons for "hunting" or not.
    void setHunting(bool hunting);
    void syncRangeFields();
    void retranslate();

    QComboBox* preset_;
    QDateTimeEdit* fromEdit_;
    QDateTimeEdit* toEdit_;
    QLabel* fromLabel_;
    QLabel* toLabel_;
    QLabel* presetLabel_;
    QLabel* status_;
    QProgressBar* bar_;
    QLabel* detail_;
    QLabel* summary_;
    QDialogButtonBox* buttons_;
    QPushButton* run_;
    QPushButton* cancel_;
    QPushButton* close_;
    QPushButton* showAlerts_;
    QPointer<models::RetroHuntJob> job_;
};

} // namespace vigie::widgets
