#pragma once
// SigmaHQ's regression pairs (../shared/data/sigma/regression_dev/pairs.jsonl): each names a
// rule and an event file it must match, with how many matches SigmaHQ expects (at least).
// Read for the Sigma tests; test thread only.
#include "support/shared_data.h"

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace vigie::test {

struct SigmaRegressionPair {
    std::string rule_path; // relative to sigma/
    std::string rule_id;
    std::filesystem::path event_file;
    std::optional<int> expected_matches; // nullopt: at least one
};

inline std::vector<SigmaRegressionPair> sigmaRegressionPairs()
{
    // The lines are flat objects of strings, numbers and null: a pattern per key suffices.
    const auto text = [](const std::string& line, const std::string& key) {
        std::smatch match;
        return std::regex_search(line, match, std::regex("\"" + key + "\"\\s*:\\s*\"([^\"]*)\""))
                   ? match[1].str()
                   : std::string();
    };
    std::vector<SigmaRegressionPair> pairs;
    for (const std::string& line : readLines(sharedData("sigma/regression_dev/pairs.jsonl"))) {
        if (line.empty())
            continue;
        SigmaRegressionPair pair{text(line, "rule_path"), text(line, "rule_id"),
                                 sharedData("sigma/" + text(line, "event_file")), std::nullopt};
        std::smatch count;
        if (std::regex_search(line, count, std::regex("\"expected_match_count\"\\s*:\\s*([0-9]+)")))
            pair.expected_matches = std::stoi(count[1]);
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

} // namespace vigie::test
