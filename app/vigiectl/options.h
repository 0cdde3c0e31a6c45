#pragma once
// What every vigiectl command shares: its --name VALUE options and the way it turns an error
// into one line on stderr and an exit code.
#include "commands.h"

#include "event/event.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigie::cli {

// Options of the form --name VALUE (repeatable) and positional arguments.
struct Options {
    std::multimap<std::string, std::string> named;
    std::vector<std::string> positional;

    std::optional<std::string> get(const std::string& name) const
    {
        const auto it = named.find(name);
        return it == named.end() ? std::nullopt : std::optional(it->second);
    }
    std::vector<std::string> all(const std::string& name) const
    {
        std::vector<std::string> values;
        for (auto [it, end] = named.equal_range(name); it != end; ++it)
            values.push_back(it->second);
        return values;
    }
};

// Throws std::invalid_argument for an option not in `known` or without its value.
Options parseOptions(const Arguments& args, const std::vector<std::string>& known);
// Removes a value-less flag (--force, --dry-run, --replace) from `args`; parseOptions wants values.
bool takeFlag(Arguments& args, const std::string& flag);

// The rule files and folders of --rules (serve, import, rules hunt).
std::vector<std::filesystem::path> rulePaths(const Options& options);

// --from/--to: ISO 8601, or relative to `now`: -15m, -1h, -24h, -7d (also s). Throws
// std::invalid_argument for anything else.
Timestamp timeOption(const std::string& text, Timestamp now);

// Runs a command's body: std::invalid_argument (bad usage) exits 2, any other exception 1,
// each printed as "vigiectl COMMAND: what".
template <typename Body> int guarded(const char* command, Body body)
{
    try {
        return body();
    } catch (const std::invalid_argument& e) {
        std::cerr << "vigiectl " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "vigiectl " << command << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace vigie::cli
