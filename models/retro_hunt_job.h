#pragma once
// RetroHuntJob: one retro-hunt (detect::runRetroHunt) over a time range of the stored events,
// run on a pool thread with a libpq connection of its own: the rules run over history oldest
// first and what they find is stored as alerts marked retro-hunt — or, in a dry run, only
// counted per rule. The detection comes from a factory called on that thread, so each hunt has
// fresh correlation and suppression state and the rules it runs are the caller's choice (the
// enabled stored rules, or the text an analyst is testing). Progress (the share of the range covered,
// events read, hits, events a second) reaches the GUI thread as queued signals, at most ten a
// second; cancel() stops the hunt at the next page (a few thousand events). Created and used on
// the GUI thread.
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace vigie::detect {
class LiveDetection;
}
namespace vigie::store {
class PgConnection;
}

namespace vigie::models {

// What one rule found (detect::RuleHits for the GUI thread).
struct RetroHuntRuleHits {
    QString ruleId;
    QString title;
    quint64 hits = 0;   // matching events (a correlation: its firings)
    quint64 alerts = 0; // alerts they make (one per entity and suppression window)
    QDateTime first;    // UTC
    QDateTime last;     // UTC
};

struct RetroHuntSummary {
    QDateTime from; // the range hunted, UTC
    QDateTime to;
    bool dryRun = false;
    quint64 events = 0;
    quint64 hits = 0;
    quint64 alerts = 0;             // alerts stored (a dry run: that would be stored)
    QList<RetroHuntRuleHits> rules; // most hits first
    double seconds = 0;
    bool cancelled = false; // what was found until then is stored (a dry run stores nothing)
    QString error;          // a sentence for the analyst when the hunt failed

    bool ok() const { return error.isEmpty() && !cancelled; }
};

class RetroHuntJob : public QObject {
    Q_OBJECT
public:
    // Makes the detection a hunt runs; called on the job's thread, once per hunt.
    // The hunt's own connection is given, for rules read from the database.
    using DetectionFactory = std::function<std::shared_ptr<detect::LiveDetection>(store::PgConnection&)>;

    // The enabled stored rules, as the live detection runs them.
    static DetectionFactory storedRules();

    // Hunts [from, to) in the database at `conninfo` (libpq syntax); `dryRun` stores nothing.
    RetroHuntJob(QString conninfo, QDateTime from, QDateTime to, DetectionFactory detection,
                 bool dryRun = false, QObject* parent = nullptr);
    ~RetroHuntJob() override; // cancels and waits for the hunt

    QDateTime from() const { return from_; }
    QDateTime to() const { return to_; }
    bool isDryRun() const { return dryRun_; }
    bool isRunning() const { return running_; }

    void start(); // once
    void cancel();

Q_SIGNALS:
    // `fraction` of the range covered (0..1), events read and hits found so far.
    void progress(double fraction, quint64 events, quint64 hits, double eventsPerSecond);
    void finished(const vigie::models::RetroHuntSummary& summary);

private:
    void run(); // pool thread

    QString conninfo_;
    QDateTime from_;
    QDateTime to_;
    DetectionFactory detection_;
    bool dryRun_;
    bool started_ = false;
    bool running_ = false;
    std::atomic<bool> cancelRequested_{false};
    QFuture<void> work_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::RetroHuntSummary)
