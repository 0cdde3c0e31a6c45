#pragma once
// RetentionService: the retention window of the session's database (a setting in the database,
// so `vigiectl serve` collectors honour it too) and the maintenance step that applies it: a
// store::RetentionScheduler (its own thread) runs once on attach(), then daily, and at once
// after save(). preview() and save() run on pool threads with connections of their own; every
// answer is a queued signal. GUI thread.
#include <QDate>
#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace vigie::store {
class RetentionScheduler;
}

namespace vigie::models {

// The window saved, what the database holds and what a window of `days` would drop now.
struct RetentionPreview {
    int requestId = 0;
    std::optional<int> savedDays; // nullopt: keep forever
    std::optional<int> days;      // the window previewed (dry run), if one was asked
    int partitions = 0;           // daily partitions held
    QDate oldestDay;              // null when there is none
    QDate cutoff;                 // days before it would be dropped (null when keeping forever)
    int wouldDrop = 0;            // partitions before the cutoff
    QString error;
};

// One run of the maintenance step.
struct RetentionReport {
    std::optional<int> keepDays; // nullopt: no window set, nothing dropped
    QStringList dropped;         // partition names, oldest first
    QDate cutoff;
    qint64 rollupRows = 0;
    QString error;
};

class RetentionService : public QObject {
    Q_OBJECT
public:
    explicit RetentionService(QObject* parent = nullptr);
    ~RetentionService() override; // detach()

    // Starts the maintenance on `conninfo` (run now, then every interval); detach() stops it.
    void attach(const QString& conninfo);
    void detach();
    bool isAttached() const { return !conninfo_.isEmpty(); }
    // The time between two runs: a day; tests shorten it (before attach()).
    void setInterval(std::chrono::milliseconds interval) { interval_ = interval; }

    // Answers with previewReady() carrying the returned id; stale answers are the caller's
    // to drop. Without `days` only the saved window and the partitions are read (no dry run).
    int preview(std::optional<int> days);
    // Saves the window (nullopt: keep forever), then runs the maintenance at once: answers
    // with saved() then applied(), or saveFailed().
    void save(std::optional<int> days);

    // The last run's report (keepDays unset and no error before the first run ends).
    const RetentionReport& lastReport() const { return last_; }

Q_SIGNALS:
    void previewReady(const vigie::models::RetentionPreview& preview);
    void saved(std::optional<int> days);
    void saveFailed(const QString& message);
    void applied(const vigie::models::RetentionReport& report);

private:
    void runOnPool(std::function<void()> work);

    QString conninfo_;
    std::chrono::milliseconds interval_ = std::chrono::hours(24);
    std::unique_ptr<store::RetentionScheduler> scheduler_;
    QList<QFuture<void>> work_;
    int lastRequest_ = 0;
    RetentionReport last_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::RetentionPreview)
Q_DECLARE_METATYPE(vigie::models::RetentionReport)
