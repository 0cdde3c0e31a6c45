#pragma once
// EventWriter: stores batches of Events in one transaction each — daily partitions made
// sure of, one binary COPY, the batch's per-minute counts (event_counts_1m) and its id in
// ingest_batches — so a batch is either wholly stored or not at all, and retrying it (a lost
// commit acknowledgement, a replay from the spool after a restart) never stores it twice. Owns its
// connection; writer thread only.
#include "event/event.h"
#include "store/event_copy_encoder.h"
#include "store/alert_store.h"
#include "store/field_rollups.h"
#include "store/partition_manager.h"
#include "store/pg_connection.h"
#include "store/rollup_builder.h"

#include <memory>
#include <string>
#include <vector>

namespace vigie::store {

class EventWriter {
public:
    explicit EventWriter(std::string conninfo) : conninfo_(std::move(conninfo)) {}

    // Connects (if not connected) and brings the schema up to date. Throws StoreError.
    void connect();
    bool connected() const { return connection_ && connection_->healthy(); }

    // Stores the whole batch under `batch_id` (unique for ever: e.g. a random writer id and a
    // sequence number) or throws (ConnectionError: reconnect and retry the same batch and id).
    // Returns false when that id was already stored (nothing written again). Events are
    // adjusted in place by the storage policy first.
    // `alerts` (detections raised on these or earlier events) are added in the same
    // transaction, so a batch stored once counts its alerts once.
    bool write(std::vector<Event>& batch, const std::string& batch_id,
               const std::vector<AlertRecord>& alerts = {});
    // Alerts with no batch to ride on (correlation windows closed by time alone).
    void writeAlerts(const std::vector<AlertRecord>& alerts);

    // Recounts the hourly field counts of quiet pending hours (field_rollups.h), between
    // batches. Returns how many hours were recounted; throws StoreError.
    int compactFieldRollups(const CompactionLimits& limits);

private:
    void disconnect();
    // One transaction: the partitions the events need, then one COPY and one rollup upsert.
    // Throws SqlError with the transaction rolled back, or ConnectionError.
    bool copyInTransaction(std::vector<Event>::iterator first, std::vector<Event>::iterator last,
                           const std::string& batch_id, const std::vector<AlertRecord>& alerts);

    std::string conninfo_;
    std::unique_ptr<PgConnection> connection_;
    std::unique_ptr<PartitionManager> partitions_;
    EventCopyEncoder encoder_;
    RollupBuilder rollups_;
};

} // namespace vigie::store
