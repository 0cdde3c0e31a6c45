#pragma once
// Reads Sigma YAML (SigmaHQ rules as they are, correlation documents, multi-document files)
// into the plain model of sigma_rule.h. Structural checks only: a document that is not a
// usable rule or correlation becomes a LoadIssue with its reason; modifiers are checked by
// name here, their values and the condition when a rule is compiled (sigma_matcher.h).
// Pure functions, any thread.
#include "detect/sigma_rule.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

// Appends every document of `text` to `into`; `file` only labels rules and issues.
void loadSigmaText(std::string_view text, const std::string& file, LoadResult& into);
// One file; an unreadable file is one issue.
void loadSigmaFile(const std::filesystem::path& path, LoadResult& into);
// A file, or every *.yml / *.yaml below a folder in path order.
void loadSigmaPath(const std::filesystem::path& path, LoadResult& into);
// The files loadSigmaPath(path) reads, in its order.
std::vector<std::filesystem::path> sigmaFiles(const std::filesystem::path& path);

// Links each correlation's `rules:` to the rules and correlations loaded (by id, then name).
// A correlation naming something unknown (directly or through a chain) moves to the issues.
void resolveCorrelations(LoadResult& result);

} // namespace vigie::detect
