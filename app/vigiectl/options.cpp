#include "options.h"

#include "query/time_text.h"

#include <algorithm>
#include <charconv>

namespace vigie::cli {

Options parseOptions(const Arguments& args, const std::vector<std::string>& known)
{
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 2 && arg.starts_with("--")) {
            const std::string name = arg.substr(2);
            if (std::find(known.begin(), known.end(), name) == known.end())
                throw std::invalid_argument("unknown option " + arg);
            if (i + 1 >= args.size())
                throw std::invalid_argument("option " + arg + " needs a value");
            options.named.emplace(name, args[++i]);
        } else {
            options.positional.push_back(arg);
        }
    }
    return options;
}

bool takeFlag(Arguments& args, const std::string& flag)
{
    const auto it = std::find(args.begin(), args.end(), flag);
    if (it == args.end())
        return false;
    args.erase(it);
    return true;
}

std::vector<std::filesystem::path> rulePaths(const Options& options)
{
    const auto values = options.all("rules");
    return {values.begin(), values.end()};
}

Timestamp timeOption(const std::string& text, Timestamp now)
{
    if (text.size() >= 3 && text[0] == '-') {
        long long amount = 0;
        const char* begin = text.data() + 1;
        const char* end = text.data() + text.size() - 1;
        const auto [ptr, ec] = std::from_chars(begin, end, amount);
        const char unit = text.back();
        if (ec == std::errc() && ptr == end && amount >= 0 && amount < 100000) {
            const std::chrono::seconds scale = unit == 's'   ? std::chrono::seconds(1)
                                               : unit == 'm' ? std::chrono::minutes(1)
                                               : unit == 'h' ? std::chrono::hours(1)
                                               : unit == 'd' ? std::chrono::days(1)
                                                             : std::chrono::seconds(0);
            if (scale.count() > 0)
                return now - amount * scale;
        }
    }
    if (const auto parsed = query::parseIsoTimestamp(text))
        return parsed->ts;
    throw std::invalid_argument("'" + text + "' is neither an ISO 8601 time nor -15m, -1h, -7d...");
}

} // namespace vigie::cli
