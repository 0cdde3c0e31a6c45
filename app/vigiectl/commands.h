#pragma once
// The vigiectl sub-commands. Each takes its own arguments (after the command name) and
// returns the process exit code; errors are printed to stderr in one clear line.
#include <string>
#include <vector>

namespace vigie::cli {

using Arguments = std::vector<std::string>;

int serve(const Arguments& args);
int parse(const Arguments& args);
int import(const Arguments& args);
int search(const Arguments& args);

// --- detection rules: vigiectl rules check|test ---
int rules(const Arguments& args);

// --- dashboards: vigiectl dashboards list|import|export ---
int dashboards(const Arguments& args);

// --- database administration (store at scale): vigiectl db retention|backup|restore ---
// (and db create-analyst: incident tickets, issue #7)
int db(const Arguments& args);
// --- end database administration ---

} // namespace vigie::cli
