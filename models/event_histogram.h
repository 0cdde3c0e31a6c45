#pragma once
// EventHistogram: counts of the events matching the active search per time bucket, for the
// chart above the table. The bucket size is chosen from the range (about 60 buckets); the
// counting runs in HistogramLoader on its own thread with its own connection, and answers
// from a superseded search are dropped by a generation counter. GUI thread.
#include "event_search.h"
#include "thread_connection.h"

#include <QList>
#include <QObject>

class QThread;

namespace vigie::models {

struct HistogramBucket {
    qint64 startUs = 0;
    qint64 count = 0;
};
using HistogramBuckets = QList<HistogramBucket>;

// Runs query::buildHistogram on its thread; used only by EventHistogram.
class HistogramLoader : public QObject {
    Q_OBJECT
public:
    explicit HistogramLoader(QString connectOptions);
    void fetch(quint64 generation, const vigie::models::EventSearch& search, qint64 bucketSeconds);

Q_SIGNALS:
    void ready(quint64 generation, vigie::models::HistogramBuckets buckets);
    void failed(quint64 generation, QString message);

private:
    ThreadConnection connection_;
};

class EventHistogram : public QObject {
    Q_OBJECT
public:
    explicit EventHistogram(QObject* parent = nullptr);
    ~EventHistogram() override;

    bool open(const QString& conninfo, QString* error = nullptr);
    // Counts `search` afresh; the range ends now when it has no end, and starts 24 hours
    // before its end when it has no start (as query::buildHistogram does).
    void setSearch(const EventSearch& search);

    // Every bucket of the range, oldest first, empty ones at zero.
    const HistogramBuckets& buckets() const { return buckets_; }
    qint64 bucketSeconds() const { return bucketSeconds_; }
    bool isLoading() const { return loading_; }

    // A bucket size of a round length giving at most about `target` buckets over `span`.
    static qint64 bucketSecondsFor(qint64 spanSeconds, int target = 60);

Q_SIGNALS:
    void changed();
    void loadFailed(const QString& message);

private:
    void close();
    void onReady(quint64 generation, const vigie::models::HistogramBuckets& buckets);

    QThread* thread_ = nullptr;
    HistogramLoader* loader_ = nullptr;
    quint64 generation_ = 0;
    HistogramBuckets buckets_;
    qint64 fromUs_ = 0;
    qint64 toUs_ = 0;
    qint64 bucketSeconds_ = 60;
    bool loading_ = false;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::HistogramBuckets)
