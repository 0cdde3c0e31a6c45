#pragma once
// EventWriter: stores batches of Events in one transaction each — daily partitions made
// sure of, then one binary COPY — so a batch is either wholly stored or not at all, and a
// failed batch can be retried without duplicates. Owns its connection; writer thread only.
#include "event/event.h"
#include "store/event_copy_encoder.h"
#include "store/partition_manager.h"
#include "store/pg_connection.h"

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

    // Stores the whole batch or throws (ConnectionError: reconnect and retry the same batch).
    // Events are adjusted in place by the storage policy first.
    void write(std::vector<Event>& batch);

private:
    void disconnect();
    // One transaction: the partitions the events need, then one COPY. Throws SqlError with
    // the transaction rolled back, or ConnectionError.
    void copyInTransaction(std::vector<Event>::iterator first, std::vector<Event>::iterator last);

    std::string conninfo_;
    std::unique_ptr<PgConnection> connection_;
    std::unique_ptr<PartitionManager> partitions_;
    EventCopyEncoder encoder_;
};

} // namespace vigie::store
