#include "event_histogram.h"

#include "conn_info.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace vigie::models {
namespace {

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace

HistogramLoader::HistogramLoader(QString connectOptions)
    : connection_(std::move(connectOptions), QStringLiteral("histogram_loader"))
{
}

void HistogramLoader::fetch(quint64 generation, const EventSearch& search, qint64 bucketSeconds)
{
    QString error;
    if (!connection_.ensureOpen(&error)) {
        Q_EMIT failed(generation, error);
        return;
    }
    query::SqlWithParams sql;
    try {
        sql = query::buildHistogram(search.toRequest(1), std::chrono::seconds(bucketSeconds),
                                    query::Placeholders::Question);
    } catch (const std::exception& problem) {
        Q_EMIT failed(generation, QString::fromStdString(problem.what()));
        return;
    }
    // Bucket starts as integer microseconds, like the page loader's times.
    const QString wrapped =
        QStringLiteral("SELECT (extract(epoch FROM bucket_start) * 1000000)::bigint, count FROM (") +
        QString::fromStdString(sql.sql) + QStringLiteral(") AS histogram ORDER BY 1");
    QSqlQuery query(connection_.database());
    query.setForwardOnly(true);
    if (!query.prepare(wrapped)) {
        Q_EMIT failed(generation, query.lastError().text());
        return;
    }
    for (const auto& param : sql.params)
        query.addBindValue(param ? QVariant(QString::fromStdString(*param))
                                 : QVariant(QMetaType(QMetaType::QString)));
    if (!query.exec()) {
        Q_EMIT failed(generation, query.lastError().text());
        return;
    }
    HistogramBuckets buckets;
    while (query.next())
        buckets.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    Q_EMIT ready(generation, buckets);
}

EventHistogram::EventHistogram(QObject* parent) : QObject(parent) {}

EventHistogram::~EventHistogram()
{
    close();
}

qint64 EventHistogram::bucketSecondsFor(qint64 spanSeconds, int target)
{
    static const qint64 sizes[] = {1,         5,       10,        30,        60,       5 * 60,
                                   10 * 60,   15 * 60, 30 * 60,   3600,      3 * 3600, 6 * 3600,
                                   12 * 3600, 86400,   7 * 86400, 30 * 86400};
    for (const qint64 size : sizes) {
        if (spanSeconds / size <= target)
            return size;
    }
    return 365 * 86400;
}

bool EventHistogram::open(const QString& conninfo, QString* error)
{
    QString options;
    if (!ConnInfo::qpsqlOptionsFor(conninfo, &options, error))
        return false;
    close();
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("histogram loader"));
    loader_ = new HistogramLoader(options);
    loader_->moveToThread(thread_);
    connect(thread_, &QThread::finished, loader_, &QObject::deleteLater);
    connect(loader_, &HistogramLoader::ready, this, &EventHistogram::onReady);
    connect(loader_, &HistogramLoader::failed, this, [this](quint64 generation, const QString& message) {
        if (generation != generation_)
            return;
        loading_ = false;
        Q_EMIT loadFailed(message);
    });
    thread_->start();
    return true;
}

void EventHistogram::close()
{
    ++generation_;
    if (!thread_)
        return;
    thread_->quit();
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    loader_ = nullptr;
}

void EventHistogram::setSearch(const EventSearch& search)
{
    ++generation_;
    if (!loader_)
        return;
    EventSearch bounded = search;
    toUs_ = search.toUs.value_or(nowUs());
    fromUs_ = search.fromUs.value_or(toUs_ - qint64(86400) * 1000000);
    bounded.fromUs = fromUs_;
    bounded.toUs = toUs_;
    bucketSeconds_ = bucketSecondsFor(std::max<qint64>((toUs_ - fromUs_) / 1000000, 1));
    loading_ = true;
    QMetaObject::invokeMethod(
        loader_,
        [loader = loader_, generation = generation_, bounded, bucket = bucketSeconds_] {
            loader->fetch(generation, bounded, bucket);
        },
        Qt::QueuedConnection);
}

void EventHistogram::onReady(quint64 generation, const HistogramBuckets& buckets)
{
    if (generation != generation_)
        return;
    loading_ = false;
    // Every bucket of the range, aligned on the epoch as the query aligns them.
    const qint64 step = bucketSeconds_ * 1000000;
    qint64 start = fromUs_ - ((fromUs_ % step) + step) % step;
    HistogramBuckets filled;
    auto next = buckets.cbegin();
    for (; start < toUs_; start += step) {
        HistogramBucket bucket{start, 0};
        while (next != buckets.cend() && next->startUs < start)
            ++next;
        if (next != buckets.cend() && next->startUs == start)
            bucket.count = next->count;
        filled.append(bucket);
    }
    buckets_ = std::move(filled);
    Q_EMIT changed();
}

} // namespace vigie::models
