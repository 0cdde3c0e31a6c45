#pragma once
// The Sigma documents as written (rules and correlations), before any compilation: plain values
// produced by the loader (sigma_loader.h) on any thread, then read-only and shareable.
// Every YAML scalar is kept as its source text plus whether it was quoted, so `4688` and
// `'4688'`, `yes` and `'yes'` stay distinguishable (yaml-cpp leaves scalars untyped).
#include "detect/field_lookup.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigie::detect {

// One value of a selection: a scalar of the YAML, typed the way Sigma reads it.
struct SigmaValue {
    enum class Kind { String, Integer, Float, Bool, Null };
    Kind kind = Kind::String;
    std::string text; // the scalar as written ("" for null)
    bool quoted = false;
    bool operator==(const SigmaValue&) const = default;
};

// `field|mod1|mod2: values`. An empty field (and has_field false) is a keyword search:
// a plain string list, or the field-less `'|all':` key.
struct SelectionItem {
    std::string field;
    bool has_field = true;
    std::vector<std::string> modifiers;
    std::vector<SigmaValue> values; // ORed, ANDed with the `all` modifier
};

// One search identifier of `detection:`: branches are ORed (a list of maps), the items of a
// branch are ANDed (one map).
struct Detection {
    std::vector<std::vector<SelectionItem>> branches;
};

// Vigie's own top-level `vigie:` key (not part of Sigma; other tools ignore it), e.g.
//   vigie:
//     suppress: 30m                      # this rule's suppression window (default 10m)
//     suppress_by: [source_ip, user_name] # what one alert stands for (Sigma field names;
//                                         # default: the event's host and user)
struct VigieOptions {
    std::optional<long long> suppress_seconds;
    std::vector<std::string> suppress_by; // base rules only: a correlation groups by group-by
};

struct SigmaRule {
    std::string id;
    std::string name;
    std::string title;
    std::string description;
    std::string status;
    std::string level;
    std::vector<std::string> tags;
    Logsource logsource;
    // In file order; the condition refers to them by name.
    std::vector<std::pair<std::string, Detection>> detections;
    std::vector<std::string> conditions; // ORed (a condition list)
    VigieOptions vigie;
    std::string file;
    std::size_t doc_index = 0; // 0-based document number inside the file
};

struct SigmaCorrelation {
    enum class Type { EventCount, ValueCount, Temporal, TemporalOrdered };
    struct Bound {
        std::string op; // gt, gte, lt, lte, eq, neq
        double value = 0;
    };
    std::string id;
    std::string name;
    std::string title;
    std::string level;
    std::string status;
    Type type = Type::EventCount;
    std::vector<std::string> rules; // ids or names as written
    std::vector<std::string> group_by;
    std::string timespan_text;
    long long timespan_seconds = 0;
    std::vector<Bound> condition; // ANDed
    std::string condition_field;  // value_count
    // alias -> (rule id or name -> field)
    std::map<std::string, std::map<std::string, std::string>> aliases;
    bool generate = false;
    // Filled by resolveCorrelations(): indexes into LoadResult::rules / correlations.
    struct Ref {
        bool is_correlation = false;
        std::size_t index = 0;
    };
    std::vector<Ref> resolved;
    VigieOptions vigie; // suppress only
    std::string file;
    std::size_t doc_index = 0;
};

// A document that cannot run, and why: never silently skipped.
struct LoadIssue {
    std::string file;
    std::size_t doc_index = 0;
    std::string id;
    std::string title;
    std::string reason;
};

struct LoadResult {
    std::vector<SigmaRule> rules;
    std::vector<SigmaCorrelation> correlations;
    std::vector<LoadIssue> issues;
    std::size_t documents = 0; // every document met, loaded or not
};

} // namespace vigie::detect
