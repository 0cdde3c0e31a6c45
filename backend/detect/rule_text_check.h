#pragma once
// Checks the Sigma YAML an analyst is editing (issue #5, the rule editor): which documents the
// text holds and every problem with a line and column, so the editor can underline it. It runs
// the same steps as loading the rule for real — the loader (sigma_loader.h), the compiler
// (sigma_matcher.h) and the logsource dispatch over the built-in mapping, the two refusals of
// RuleSetBuilder::build — and adds the editorial warnings (missing id, unknown level...).
// Pure function, any thread; a rule of a few hundred lines takes a few milliseconds.
#include "detect/sigma_rule.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

// One document of the text (between `---` markers), loaded or not.
struct RuleTextDocument {
    enum class Kind { Rule, Correlation };
    Kind kind = Kind::Rule;
    // As written (empty when absent), read even when the document does not load.
    std::string id;
    std::string title;
    std::string level;
    std::string status;
    Logsource logsource; // rules only
    int line = 1;        // 1-based line of the document's first key
    bool loaded = false; // the loader and compiler accept it
    // Loaded and Vigie can run it: the built-in mapping has an entry for its logsource
    // (correlations: always, their base rules are checked on their own).
    bool runnable = false;
    std::string unsupported; // why it cannot run, when loaded && !runnable
};

struct RuleTextDiagnostic {
    enum class Severity { Error, Warning };
    // What kind of problem, so a GUI can phrase the warnings in its own language; `subject`
    // holds the key, value or reference the kind is about.
    enum class Kind {
        YamlSyntax,          // error: the text is not YAML
        Invalid,             // error: not a Sigma document Vigie loads (message says why)
        Unsupported,         // warning: a valid rule no mapping entry runs (message says why)
        MissingKey,          // warning: subject = id, title or level
        UnknownLevel,        // warning: subject = the level written
        UnknownStatus,       // warning: subject = the status written
        UnresolvedReference, // warning: a correlation names a rule not in this text (subject)
    };
    Severity severity = Severity::Error;
    Kind kind = Kind::Invalid;
    int line = 1;             // 1-based
    int column = 1;           // 1-based
    std::size_t document = 0; // index into RuleTextCheck::documents (not for YamlSyntax)
    std::string subject;
    std::string message; // complete English sentence fragment, e.g. "unknown modifier foo"
};

struct RuleTextCheck {
    std::vector<RuleTextDocument> documents;
    std::vector<RuleTextDiagnostic> diagnostics; // by line, then column
    std::size_t errorCount() const;
    std::size_t warningCount() const { return diagnostics.size() - errorCount(); }
    // At least one document and no error: the text can be saved as a rule file.
    bool valid() const { return !documents.empty() && errorCount() == 0; }
};

RuleTextCheck checkRuleText(std::string_view yaml);

} // namespace vigie::detect
