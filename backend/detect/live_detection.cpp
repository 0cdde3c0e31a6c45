#include "detect/live_detection.h"

#include "detect/builtin_rules.h"
#include "detect/sigma_loader.h"
#include "event/event_json.h"

#include <map>

namespace vigie::detect {
namespace {

// The alerts table accepts Sigma's five levels; a rule without one (or with a typo) is medium.
std::string alertLevel(const std::string& level)
{
    for (const char* known : {"informational", "low", "medium", "high", "critical"})
        if (level == known)
            return level;
    return "medium";
}

// The rules' own `vigie: {suppress: ...}` windows, unless the caller already set that rule's.
SuppressionOptions withRuleWindows(const LoadResult& loaded, SuppressionOptions options)
{
    const auto add = [&options](const std::string& id, const std::string& title, const VigieOptions& vigie) {
        if (vigie.suppress_seconds)
            options.per_rule.emplace(id.empty() ? title : id, std::chrono::seconds(*vigie.suppress_seconds));
    };
    for (const auto& rule : loaded.rules)
        add(rule.id, rule.title, rule.vigie);
    for (const auto& correlation : loaded.correlations)
        add(correlation.id, correlation.title, correlation.vigie);
    return options;
}

} // namespace

LiveDetection::LiveDetection(LoadResult loaded, FieldMapping mapping, SuppressionOptions suppression)
    : loaded_(std::move(loaded)), correlations_(loaded_),
      suppressor_(withRuleWindows(loaded_, std::move(suppression)))
{
    auto build = RuleSetBuilder::build(loaded_, std::move(mapping));
    set_ = std::move(build.set);
    report_ = std::move(build.report);
    // The correlations count base-rule matches by the rule's place in `loaded_`.
    std::map<std::pair<std::string, std::size_t>, std::size_t> by_document;
    for (std::size_t i = 0; i < loaded_.rules.size(); ++i)
        by_document[{loaded_.rules[i].file, loaded_.rules[i].doc_index}] = i;
    loaded_index_.reserve(set_->size());
    for (std::size_t i = 0; i < set_->size(); ++i) {
        const auto& rule = set_->rule(i).compiled->rule();
        loaded_index_.push_back(by_document.at({rule.file, rule.doc_index}));
    }
}

std::shared_ptr<LiveDetection> LiveDetection::withRules(const std::vector<std::filesystem::path>& rule_paths)
{
    LoadResult loaded;
    loadBuiltinRules(loaded);
    for (const auto& path : rule_paths)
        loadSigmaPath(path, loaded);
    resolveCorrelations(loaded);
    return std::make_shared<LiveDetection>(std::move(loaded), FieldMapping::builtIn());
}

LiveDetection::Worker::Worker(std::shared_ptr<LiveDetection> detection)
    : detection_(std::move(detection)), detector_(detection_->set_)
{
}

void LiveDetection::Worker::match(const Event& event, std::vector<std::size_t>& rules,
                                  std::vector<CorrelationAlert>& fired, std::int64_t event_id)
{
    matches_.clear();
    detector_.match(event, matches_);
    LiveDetection& d = *detection_;
    for (const auto& match : matches_) {
        const std::size_t index = d.loaded_index_[match.rule];
        rules.push_back(index);
        const auto& fields = d.correlations_.fieldsFor(index);
        if (fields.empty())
            continue;
        // Group-by values through the base rule's own mapping entry.
        view_.reset(event, d.set_->mapping().entries()[match.entry]);
        BaseMatch base{index, event.ts, {}, static_cast<std::uint64_t>(event_id)};
        base.values.reserve(fields.size());
        for (const auto& field : fields) {
            const auto value = view_.value(field);
            base.values.push_back(value ? std::optional<std::string>(*value) : std::nullopt);
        }
        d.correlations_.feed(base, fired);
    }
}

void LiveDetection::Worker::inspect(const Event& event, std::vector<store::AlertRecord>& out,
                                    std::int64_t event_id)
{
    rules_.clear();
    fired_.clear();
    match(event, rules_, fired_, event_id);
    LiveDetection& d = *detection_;
    // match() pushed one rule per entry of matches_, in order.
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const std::size_t index = rules_[i];
        if (!d.correlations_.baseRuleAlerts(index))
            continue;
        const SigmaRule& rule = d.loaded_.rules[index];
        d.addRuleAlert(rule, event, entityFor(rule, event, matches_[i].entry), event_id, out);
    }
    d.addCorrelationAlerts(fired_, event.host, out);
}

void LiveDetection::advance(Timestamp watermark, std::vector<CorrelationAlert>& fired)
{
    correlations_.advance(watermark, fired);
}

void LiveDetection::advance(Timestamp watermark, std::vector<store::AlertRecord>& out)
{
    std::vector<CorrelationAlert> fired;
    advance(watermark, fired);
    addCorrelationAlerts(fired, {}, out);
}

std::string LiveDetection::Worker::entityFor(const SigmaRule& rule, const Event& event, std::size_t entry)
{
    if (rule.vigie.suppress_by.empty())
        return AlertSuppressor::entityOf(event);
    // The fields are Sigma names: read them through the entry the rule matched on.
    view_.reset(event, detection_->set_->mapping().entries()[entry]);
    std::vector<std::pair<std::string, std::string>> group;
    group.reserve(rule.vigie.suppress_by.size());
    for (const auto& field : rule.vigie.suppress_by) {
        const auto value = view_.value(field);
        group.emplace_back(field, value ? std::string(*value) : std::string());
    }
    return AlertSuppressor::entityOf(group);
}

void LiveDetection::addRuleAlert(const SigmaRule& rule, const Event& event, std::string entity,
                                 std::int64_t event_id, std::vector<store::AlertRecord>& out)
{
    store::AlertRecord record;
    record.rule_id = rule.id.empty() ? rule.title : rule.id;
    record.entity = std::move(entity);
    const auto decision = suppressor_.offer(record.rule_id, record.entity, event.ts);
    record.rule_title = rule.title;
    record.level = alertLevel(rule.level);
    record.tags = rule.tags;
    record.host = event.host;
    record.window_start = decision.window_start;
    record.first_ts = event.ts;
    record.last_ts = event.ts;
    if (decision.is_new)
        record.sample_json = eventToJson(event);
    if (event_id > 0)
        record.event_ids.push_back(event_id);
    out.push_back(std::move(record));
}

void LiveDetection::addCorrelationAlerts(const std::vector<CorrelationAlert>& fired, const std::string& host,
                                         std::vector<store::AlertRecord>& out)
{
    for (const auto& alert : fired) {
        store::AlertRecord record;
        record.rule_id = alert.id.empty() ? alert.title : alert.id;
        record.entity = AlertSuppressor::entityOf(alert.group);
        const auto decision = suppressor_.offer(record.rule_id, record.entity, alert.window_end);
        record.rule_title = alert.title;
        record.level = alertLevel(alert.level);
        record.host = host;
        record.window_start = decision.window_start;
        record.first_ts = alert.window_start;
        record.last_ts = alert.window_end;
        for (const auto& sample : alert.samples)
            if (sample.event_ref > 0)
                record.event_ids.push_back(static_cast<std::int64_t>(sample.event_ref));
        out.push_back(std::move(record));
    }
}

} // namespace vigie::detect
