#pragma once
// RollupBuilder: counts a batch of Events per (minute, host, category, action, outcome,
// severity) on the client, and turns the counts into the parameters of one upsert into
// event_counts_1m, so a batch of thousands of events costs the server a handful of rows and
// one statement. It also notes the hours the batch touched, which the hourly field counts
// must recount (field_rollups.h). Used by EventWriter inside the batch's transaction; writer
// thread only.
#include "event/event.h"

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::store {

class RollupBuilder {
public:
    // One rollup row's dimensions; empty text is stored as NULL, as in `events`.
    struct Key {
        int64_t minute = 0; // seconds since the Unix epoch, a multiple of 60
        std::string host;
        std::string category;
        std::string action;
        std::string outcome;
        std::optional<int16_t> severity;
        auto operator<=>(const Key&) const = default;
    };

    void clear()
    {
        counts_.clear();
        hours_.clear();
    }
    void add(const Event& event);
    bool empty() const { return counts_.empty(); }
    const std::map<Key, int64_t>& counts() const { return counts_; }

    // The upsert, and its parameters for the current counts: seven PostgreSQL array literals
    // (minute, host, category, action, outcome, severity, count), values only, never SQL.
    static std::string_view upsertStatement();
    std::vector<std::optional<std::string>> upsertParameters() const;

    // The hours (seconds since the epoch, multiples of 3600) the batch's events fall in, as
    // the one parameter of markPendingStatement() (field_rollups.h).
    std::optional<std::string> touchedHoursParameter() const;

    // `values` as a PostgreSQL array literal; nullopt elements become NULL.
    static std::string arrayLiteral(const std::vector<std::optional<std::string>>& values);

private:
    // Ordered, so every writer upserts rows in the same order and two concurrent batches
    // touching the same minutes wait for each other instead of deadlocking.
    std::map<Key, int64_t> counts_;
    std::vector<int64_t> hours_; // ascending, distinct
};

} // namespace vigie::store
