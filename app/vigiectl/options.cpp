#include "options.h"

#include <algorithm>

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

} // namespace vigie::cli
