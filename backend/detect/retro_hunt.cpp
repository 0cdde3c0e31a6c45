// runRetroHunt (retro_hunt.h): pages of stored history through a LiveDetection worker, the
// findings stored or only tallied per rule. The calling thread.
#include "detect/retro_hunt.h"

#include "store/alert_store.h"
#include "store/event_search.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace vigie::detect {
namespace {

constexpr std::size_t kPageRows = 5000;

// Hits per rule, and the alert rows they make: AlertStore merges the records of one rule,
// entity and suppression window into one row, so those keys are counted once.
class RuleTally {
public:
    void add(const store::AlertRecord& record)
    {
        auto [it, inserted] = rules_.try_emplace(record.rule_id);
        RuleHits& rule = it->second;
        if (inserted) {
            rule.rule_id = record.rule_id;
            rule.title = record.rule_title;
            rule.first = record.first_ts;
            rule.last = record.last_ts;
        }
        rule.hits += static_cast<std::uint64_t>(std::max<std::int64_t>(record.count, 1));
        rule.first = std::min(rule.first, record.first_ts);
        rule.last = std::max(rule.last, record.last_ts);
        if (rows_.emplace(record.rule_id, record.entity, record.window_start).second)
            ++rule.alerts;
    }

    std::uint64_t rows() const { return rows_.size(); }

    std::vector<RuleHits> byHits() const
    {
        std::vector<RuleHits> rules;
        rules.reserve(rules_.size());
        for (const auto& [id, rule] : rules_)
            rules.push_back(rule);
        std::stable_sort(rules.begin(), rules.end(),
                         [](const RuleHits& a, const RuleHits& b) { return a.hits > b.hits; });
        return rules;
    }

private:
    std::map<std::string, RuleHits> rules_; // by rule id
    std::set<std::tuple<std::string, std::string, Timestamp>> rows_;
};

} // namespace

RetroHuntResult runRetroHunt(store::PgConnection& db, const std::shared_ptr<LiveDetection>& detection,
                             const query::TimeRange& range,
                             const std::function<void(const RetroHuntProgress&)>& progress,
                             const std::atomic<bool>* cancel, const RetroHuntOptions& options)
{
    if (!range.from || !range.to || *range.to <= *range.from)
        throw std::invalid_argument("a retro-hunt needs a time range with a start before its end");
    store::EventSearch search(db);
    store::AlertStore alerts(db);
    LiveDetection::Worker worker(detection);
    query::SearchRequest request;
    request.range = range;
    request.limit = kPageRows;
    request.oldest_first = true; // correlations see events in time order
    RetroHuntResult result;
    RuleTally tally;
    std::vector<store::AlertRecord> found;
    const double span = static_cast<double>((*range.to - *range.from).count());
    for (;;) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        const auto page = search.page(request);
        for (std::size_t i = 0; i < page.events.size(); ++i)
            worker.inspect(page.events[i], found, page.ids[i]);
        result.events += page.events.size();
        if (!page.next)
            detection->advance(Timestamp::max(), found); // windows only the end of the range closes
        for (auto& record : found) {
            record.retro_hunt = true;
            tally.add(record);
        }
        if (options.store_alerts)
            alerts.add(found);
        result.alerts += found.size();
        found.clear();
        if (progress && !page.events.empty())
            progress({result.events, result.alerts,
                      static_cast<double>((page.events.back().ts - *range.from).count()) / span});
        if (!page.next)
            break;
        request.after = page.next;
    }
    result.alert_rows = tally.rows();
    result.rules = tally.byHits();
    return result;
}

} // namespace vigie::detect
