#pragma once
// AlertQueueWorker: reads and acknowledges alerts for the alert queue, on its own thread, through
// store::AlertStore over a libpq connection of its own (opened on first use, reopened when the
// server dropped it). One request at a time, in the order they were made; each is answered with
// one queued done() carrying plain values.
#include "alert_row.h"

#include <QObject>

#include <memory>
#include <string>

namespace vigie::store {
class PgConnection;
}

namespace vigie::models {

struct AlertQueueOutcome {
    enum class Op { Load, Acknowledge };
    quint64 request = 0;
    Op op = Op::Load;
    QString error;                    // empty on success; otherwise a sentence for the analyst
    bool includeAcknowledged = false; // what the list was read with
    bool listed = false;              // `alerts` holds the queue as it now is
    AlertRows alerts;
    int acknowledged = 0; // Acknowledge: how many of the ids were still open and are now acknowledged
};

class AlertQueueWorker : public QObject {
    Q_OBJECT
public:
    explicit AlertQueueWorker(std::string conninfo);
    ~AlertQueueWorker() override; // on the worker's thread, which owns the connection

    // The most alerts one read brings; the queue is for triage, not for history.
    static constexpr int kLimit = 2000;

public Q_SLOTS:
    void load(quint64 request, bool includeAcknowledged);
    // Acknowledges `ids` in one transaction as the connection's database role, then reads the
    // queue again so the answer carries it.
    void acknowledge(quint64 request, const QList<qint64>& ids, bool includeAcknowledged);

Q_SIGNALS:
    void done(const vigie::models::AlertQueueOutcome& outcome);

private:
    store::PgConnection& connection();
    void list(AlertQueueOutcome* outcome);
    // Runs `work`, turning a store error into outcome->error (and dropping a broken connection).
    template <typename Work> void guarded(AlertQueueOutcome* outcome, Work work);

    std::string conninfo_;
    std::unique_ptr<store::PgConnection> db_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::AlertQueueOutcome)
