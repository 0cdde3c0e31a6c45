#pragma once
// Test helper: the reference pipeline a Detector implements, slowly — every rule on every
// event through the log source dispatch and an EventView, base matches fed to a
// CorrelationEngine with the group-by values resolved through the base rule's mapping entry.
#include "detect/correlation.h"
#include "detect/event_view.h"
#include "detect/field_mapping.h"
#include "detect/logsource_dispatch.h"
#include "detect/sigma_loader.h"
#include "detect/sigma_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace vigie::test {

class CorrelationPipeline {
public:
    explicit CorrelationPipeline(detect::LoadResult loaded)
        : loaded_(std::move(loaded)), mapping_(detect::FieldMapping::builtIn()), dispatch_(mapping_)
    {
        detect::resolveCorrelations(loaded_);
        for (const auto& rule : loaded_.rules) {
            auto compiled = detect::compileRule(rule);
            EXPECT_TRUE(compiled.rule) << rule.id << ": " << compiled.error;
            compiled_.push_back(compiled.rule);
            entries_.push_back(dispatch_.entriesForRule(rule.logsource).entries);
        }
        engine_ = std::make_unique<detect::CorrelationEngine>(loaded_);
    }

    // Runs one event; returns the ids of the base rules that matched.
    std::vector<std::string> run(const Event& event, std::uint64_t ref)
    {
        std::vector<std::string> matched;
        const auto event_entries = dispatch_.entriesFor(event);
        for (std::size_t r = 0; r < compiled_.size(); ++r) {
            if (!compiled_[r])
                continue;
            for (const std::size_t entry : entries_[r]) {
                if (std::find(event_entries.begin(), event_entries.end(), entry) == event_entries.end())
                    continue;
                view_.reset(event, mapping_.entries()[entry]);
                if (!compiled_[r]->matches(view_))
                    continue;
                matched.push_back(loaded_.rules[r].id);
                if (engine_->baseRuleAlerts(r))
                    base_alerts.push_back(loaded_.rules[r].id);
                detect::BaseMatch match{r, event.ts, {}, ref};
                for (const auto& field : engine_->fieldsFor(r)) {
                    const auto value = view_.value(field);
                    match.values.push_back(value ? std::optional<std::string>(std::string(*value))
                                                 : std::nullopt);
                }
                engine_->feed(match, alerts);
                break;
            }
        }
        return matched;
    }

    const detect::LoadResult& loaded() const { return loaded_; }
    detect::CorrelationEngine& engine() { return *engine_; }

    std::vector<std::string> base_alerts;
    std::vector<detect::CorrelationAlert> alerts;

private:
    detect::LoadResult loaded_;
    detect::FieldMapping mapping_;
    detect::LogsourceDispatch dispatch_;
    std::vector<std::shared_ptr<const detect::CompiledRule>> compiled_;
    std::vector<std::vector<std::size_t>> entries_;
    std::unique_ptr<detect::CorrelationEngine> engine_;
    detect::EventView view_;
};

} // namespace vigie::test
