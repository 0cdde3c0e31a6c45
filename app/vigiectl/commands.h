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

} // namespace vigie::cli
