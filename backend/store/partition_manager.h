#pragma once
// PartitionManager: makes sure the daily partition of `events` exists for every day a batch
// touches, plus today and the next two days ahead, before the writer's COPY needs them.
// Remembers what it created so the common case costs no round trip. Writer thread only.
#include "event/event.h"
#include "store/pg_connection.h"

#include <set>

namespace vigie::store {

class PartitionManager {
public:
    explicit PartitionManager(PgConnection& connection) : connection_(connection) {}

    // `day` is days since the Unix epoch (UTC).
    void ensureDay(std::chrono::sys_days day);
    void ensureFor(Timestamp ts) { ensureDay(std::chrono::floor<std::chrono::days>(ts)); }
    void ensureAhead(Timestamp now, int days_ahead = 2);
    // Forget the cache (after a reconnect, or when partitions may have been dropped).
    void reset() { known_.clear(); }

    static std::string partitionName(std::chrono::sys_days day);

private:
    PgConnection& connection_;
    std::set<std::chrono::sys_days> known_;
};

} // namespace vigie::store
