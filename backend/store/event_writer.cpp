#include "store/event_writer.h"

#include "store/migrator.h"
#include "store/storage_policy.h"

namespace vigie::store {
namespace {

// What is left of an event the database refused: its raw text and the reason, which every
// server accepts, so that one bad record never blocks or loses the rest of its batch.
Event rejectedEvent(const Event& refused, const std::string& reason)
{
    Event kept;
    kept.ts = refused.received_at;
    kept.received_at = refused.received_at;
    kept.host = refused.host;
    kept.format = refused.format;
    kept.message = refused.raw;
    kept.raw = refused.raw;
    kept.parse_error = true;
    kept.fields = {{"store_error", reason}};
    return kept;
}

} // namespace

void EventWriter::connect()
{
    if (connected())
        return;
    disconnect();
    auto connection = std::make_unique<PgConnection>(conninfo_);
    applyMigrations(*connection);
    connection_ = std::move(connection);
    partitions_ = std::make_unique<PartitionManager>(*connection_);
    partitions_->ensureAhead(nowTimestamp());
}

void EventWriter::disconnect()
{
    partitions_.reset();
    connection_.reset();
}

bool EventWriter::write(std::vector<Event>& batch, const std::string& batch_id,
                        const std::vector<AlertRecord>& alerts)
{
    if (batch.empty())
        return true;
    try {
        connect();
        for (auto& event : batch)
            prepareForStorage(event);
        try {
            return copyInTransaction(batch.begin(), batch.end(), batch_id, alerts);
        } catch (const SqlError& e) {
            // A partition this writer made may have been dropped since by retention (a late
            // event for an old day): forget what it knows so the singles below make it again.
            partitions_->reset();
            // Some event was refused (a constraint, an encoding the server rejects): store the
            // batch one by one so the others go in and the refused ones are kept raw. Each
            // single gets its own id derived from the batch's, so a retry stays exact too.
            bool any = false;
            // The alerts ride with the first single.
            static const std::vector<AlertRecord> none;
            for (auto it = batch.begin(); it != batch.end(); ++it) {
                const std::string single_id = batch_id + "#" + std::to_string(it - batch.begin());
                const auto& single_alerts = it == batch.begin() ? alerts : none;
                try {
                    any |= copyInTransaction(it, it + 1, single_id, single_alerts);
                } catch (const SqlError& single) {
                    *it = rejectedEvent(*it, single.what());
                    any |= copyInTransaction(it, it + 1, single_id, single_alerts);
                }
            }
            return any;
        }
    } catch (const ConnectionError&) {
        disconnect(); // the next write reconnects
        throw;
    }
}

void EventWriter::writeAlerts(const std::vector<AlertRecord>& alerts)
{
    if (alerts.empty())
        return;
    try {
        connect();
        connection_->execScript("BEGIN");
        try {
            AlertStore(*connection_).add(alerts);
            connection_->execScript("COMMIT");
        } catch (const SqlError&) {
            connection_->execScript("ROLLBACK");
            throw;
        }
    } catch (const ConnectionError&) {
        disconnect();
        throw;
    }
}

int EventWriter::compactFieldRollups(const CompactionLimits& limits)
{
    try {
        connect();
        return compactPendingHours(*connection_, limits);
    } catch (const ConnectionError&) {
        disconnect();
        throw;
    }
}

bool EventWriter::copyInTransaction(std::vector<Event>::iterator first, std::vector<Event>::iterator last,
                                    const std::string& batch_id, const std::vector<AlertRecord>& alerts)
{
    encoder_.begin();
    rollups_.clear();
    const auto first_day = std::chrono::floor<std::chrono::days>(first->ts);
    bool one_day = true;
    for (auto it = first; it != last; ++it) {
        const auto day = std::chrono::floor<std::chrono::days>(it->ts);
        partitions_->ensureDay(day);
        one_day = one_day && day == first_day;
        encoder_.append(*it);
        rollups_.add(*it);
    }
    encoder_.finish();
    // The usual batch is one day's: COPY straight into that partition and spare the server
    // routing every row through the parent (measured in docs/PERFORMANCE.md).
    const std::string copy = one_day ? EventCopyEncoder::copyStatementFor(PartitionManager::partitionName(first_day))
                                     : std::string(EventCopyEncoder::copyStatement());
    connection_->execScript("BEGIN");
    try {
        // ON CONFLICT DO NOTHING returns no row when the batch was stored before.
        const auto claimed = connection_->exec(
            "INSERT INTO ingest_batches (batch_id, rows) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1",
            {batch_id, std::to_string(last - first)});
        if (claimed.rows() == 0) {
            connection_->execScript("ROLLBACK");
            return false;
        }
        connection_->copyBegin(copy);
        connection_->copySend(encoder_.data());
        connection_->copyEnd();
        // Counted only once the batch is claimed and its rows are in: a duplicate batch
        // returned above, and any failure rolls the counts back with the rows.
        connection_->exec(RollupBuilder::upsertStatement(), rollups_.upsertParameters());
        connection_->exec(markPendingStatement(), {rollups_.touchedHoursParameter()});
        AlertStore(*connection_).add(alerts);
        connection_->execScript("COMMIT");
        return true;
    } catch (const SqlError&) {
        connection_->execScript("ROLLBACK");
        throw;
    }
}

} // namespace vigie::store
