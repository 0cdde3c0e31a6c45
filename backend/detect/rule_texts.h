#pragma once
// Sigma rules held as texts (the `detection_rules` table, an import): the detection the engine
// runs built from them, and the per-document verdict an import or the rule manager shows.
// Pure functions, any thread; building compiles every rule, so keep it off the GUI thread.
#include "detect/live_detection.h"
#include "detect/rule_set.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

// One Sigma text (one or more documents) and the label its documents carry in reports (a file
// path, a stored rule's name). Labels must be unique within one call.
struct RuleText {
    std::string label;
    std::string yaml;
};

// The detection of `texts` plus every rule file under `paths`, with the built-in field mapping
// and default suppression. Documents that cannot run are in report(), not thrown.
std::shared_ptr<LiveDetection> detectionFromTexts(const std::vector<RuleText>& texts,
                                                  const std::vector<std::filesystem::path>& paths = {});

// What one text holds, as the rule manager lists it.
struct TextVerdict {
    std::string title;            // its last correlation's title (the top of a chain), else its first rule's
    std::string level;            // of that same document
    std::string logsource;        // of its first rule: "product/category/service", empty parts left out
    std::vector<std::string> ids; // the Sigma ids of its documents, in order
    std::size_t documents = 0;
    std::size_t unsupported = 0;
    std::string reason; // the first unsupported document's reason
    bool ok() const { return documents > 0 && unsupported == 0; }
};

struct TextCheck {
    CheckReport report;                // every document of `texts` (correlations too), in order
    std::vector<TextVerdict> verdicts; // parallel to `texts`
};

// Checks `texts` as `vigiectl rules check` does. `context` (other stored rules) only resolves
// correlations that name a rule outside `texts`; its documents are neither compiled nor reported.
TextCheck checkRuleTexts(const std::vector<RuleText>& texts, const std::vector<RuleText>& context = {});

// The Sigma ids of the documents of `yaml` that have one (cheap: no compilation).
std::vector<std::string> sigmaIdsOf(std::string_view yaml);

} // namespace vigie::detect
