// The scale programs' shared command line (see the header). Main thread.
#include "scale_command.h"

#include "realistic_events.h"

#include <exception>
#include <iostream>

namespace vigie::bench {

int runScaleCommand(int argc, char** argv, const char* program, const char* usage,
                    const ScaleCommands& commands)
{
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() == 4 && args[1] == "generate") {
            loadRealisticEvents(args[0], std::stoull(args[2]), std::stoi(args[3]));
            return 0;
        }
        if (const auto status = commands(args))
            return *status;
    } catch (const std::exception& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    }
    std::cerr << usage;
    return 2;
}

} // namespace vigie::bench
