#pragma once
// AlertStore: the `alerts` table (migration 0007) — detection findings written with their
// suppression window, so a second batch of the same storm adds to the count of the row the
// first one made, and read back for the alert queue. Borrows one PgConnection; like it, one
// thread.
#include "event/event.h"
#include "store/pg_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::store {

struct AlertRecord {
    std::string rule_id;
    std::string rule_title;
    std::string level; // informational, low, medium, high or critical
    std::vector<std::string> tags;
    std::string host;         // empty: none
    std::string entity;       // "key=value" pairs joined by '\x1f'; empty: none
    Timestamp window_start{}; // the suppression window this record counts in
    Timestamp first_ts{};
    Timestamp last_ts{};
    std::int64_t count = 1;
    std::vector<std::int64_t> event_ids; // when known
    std::string sample_json;             // the first matched event (eventToJson); empty: none
    bool retro_hunt = false;
    // Origin 'anomaly' (wins over retro_hunt): an anomaly finding re-reports its whole episode,
    // so its count, level, explanation and details replace the stored ones instead of adding.
    bool anomaly = false;
    std::string explanation;  // English sentence (anomalies); empty: none
    std::string details_json; // the numbers behind it as JSON (anomalies); empty: none
};

struct StoredAlert {
    std::int64_t id = 0;
    AlertRecord record;
    bool acknowledged = false;
    std::string acknowledged_by;
};

class AlertStore {
public:
    explicit AlertStore(PgConnection& db) : db_(db) {}

    // Inserts each record, or adds it to the row of the same rule, entity, window and origin:
    // count summed, times widened, event ids appended up to kMaxEventIds. Records of the same
    // row are merged first (a storm in one batch is one statement); call inside the caller's
    // transaction to tie them to a batch.
    // Throws SqlError (an unknown level, say) or ConnectionError.
    void add(const std::vector<AlertRecord>& records);

    // The queue: most severe first, then the latest; acknowledged ones only when asked.
    std::vector<StoredAlert> list(bool include_acknowledged, int limit);

    // Marks an alert acknowledged by `who`; false when there is no such open alert.
    bool acknowledge(std::int64_t id, const std::string& who);

    static constexpr int kMaxEventIds = 100;

private:
    PgConnection& db_;
};

// "live", "retro-hunt" or "anomaly": the alerts.origin of a record.
std::string_view originOf(const AlertRecord& record);

// Records of the same rule, entity, window and origin merged into one, in first-seen order.
std::vector<AlertRecord> mergeAlerts(const std::vector<AlertRecord>& records);

} // namespace vigie::store
