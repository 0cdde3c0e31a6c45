#pragma once
// The command line the scale programs share (vigie_search_scale, vigie_dashboard_scale):
// `CONNINFO generate EVENTS DAYS` loads the realistic data set; the program's own commands go to
// its handler. Runs on the caller's thread.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vigie::bench {

// The program's commands: given the arguments (CONNINFO first), the exit status, or nullopt when
// the arguments are none of its commands.
using ScaleCommands = std::function<std::optional<int>(const std::vector<std::string>& args)>;

// main() of a scale program: runs `generate` or one of `commands`; prints an error as
// "program: what" (status 1) and `usage` when no command matches (status 2).
int runScaleCommand(int argc, char** argv, const char* program, const char* usage,
                    const ScaleCommands& commands);

} // namespace vigie::bench
