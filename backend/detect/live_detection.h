#pragma once
// LiveDetection: what the ingest engine runs on every parsed event (issue #5) — the compiled
// rule set, the correlations and the alert suppression, shared by the parse workers, each of
// which holds a Worker (its own Detector and view). Findings come out as store::AlertRecord,
// one per hit, for the writer to add in the batch's transaction (AlertStore merges hits of the
// same alert). Built once, any thread; Worker: one thread; advance(): any thread.
// A rule's `vigie: {suppress: 30m, suppress_by: [field...]}` (sigma_rule.h) sets its own
// suppression window and what one of its alerts stands for. To change rules, build a new
// LiveDetection (rule_texts.h) and hand it to the engine (Engine::setDetection).
#include "detect/alert_suppressor.h"
#include "detect/correlation.h"
#include "detect/detector.h"
#include "detect/rule_set.h"
#include "store/alert_store.h"

#include <memory>
#include <vector>

namespace vigie::detect {

class LiveDetection {
public:
    // `loaded` after resolveCorrelations(). Rules that cannot run are in report(), not thrown.
    LiveDetection(LoadResult loaded, FieldMapping mapping, SuppressionOptions suppression = {});
    LiveDetection(const LiveDetection&) = delete;
    LiveDetection& operator=(const LiveDetection&) = delete;

    // The built-in rules (builtin_rules.h) and every rule file under `rule_paths`, with the
    // built-in field mapping. Throws MappingError only if the built-in mapping is broken.
    static std::shared_ptr<LiveDetection> withRules(const std::vector<std::filesystem::path>& rule_paths);

    const CheckReport& report() const { return report_; }
    std::size_t ruleCount() const { return set_->size(); }

    class Worker {
    public:
        explicit Worker(std::shared_ptr<LiveDetection> detection);
        // Appends an alert record for each rule and correlation the event sets off.
        // `event_id`: the stored row's id when known (a retro-hunt), kept in the alert.
        void inspect(const Event& event, std::vector<store::AlertRecord>& out, std::int64_t event_id = 0);
        // What the event sets off, before suppression: the rules it matches (indexes into
        // loaded().rules, each once) and the correlations that fire with it.
        void match(const Event& event, std::vector<std::size_t>& rules, std::vector<CorrelationAlert>& fired,
                   std::int64_t event_id = 0);

    private:
        // What one alert of `rule` stands for: its `vigie.suppress_by` fields, else host and user.
        std::string entityFor(const SigmaRule& rule, const Event& event, std::size_t entry);

        std::shared_ptr<LiveDetection> detection_;
        Detector detector_;
        EventView view_;
        std::vector<RuleMatch> matches_;
        std::vector<std::size_t> rules_;
        std::vector<CorrelationAlert> fired_;
    };

    // Judges the correlation windows time alone closes (lt/lte conditions) up to `watermark`.
    void advance(Timestamp watermark, std::vector<store::AlertRecord>& out);
    void advance(Timestamp watermark, std::vector<CorrelationAlert>& fired);

    const LoadResult& loaded() const { return loaded_; }

private:
    void addRuleAlert(const SigmaRule& rule, const Event& event, std::string entity, std::int64_t event_id,
                      std::vector<store::AlertRecord>& out);
    void addCorrelationAlerts(const std::vector<CorrelationAlert>& fired, const std::string& host,
                              std::vector<store::AlertRecord>& out);

    LoadResult loaded_;
    std::shared_ptr<const CompiledRuleSet> set_;
    CheckReport report_;
    std::vector<std::size_t> loaded_index_; // set rule index -> index into loaded_.rules
    CorrelationEngine correlations_;
    AlertSuppressor suppressor_;
};

} // namespace vigie::detect
