// vigiectl: Vigie's engine without a screen, for servers and scripts.
#include "commands.h"

#include <cstring>
#include <iostream>

namespace {

constexpr const char* kUsage = R"(usage: vigiectl COMMAND [OPTIONS]

Commands:
  serve   --database CONNINFO --listen URI [--listen URI...] [--workers N]
          Receive syslog until SIGINT/SIGTERM, store it, print a summary line.
          URI: tcp://ADDRESS:PORT or udp://ADDRESS:PORT, optionally ?format=rfc5424|rfc3164
  import  --database CONNINFO [--format auto|rfc5424|rfc3164] FILE...
          Store the lines of log files ('-' reads standard input), print a summary line.
  parse   [--format auto|rfc5424|rfc3164]
          Print each line of standard input as one normalised JSON event (no database).

CONNINFO is a libpq connection string ("host=... dbname=..."); empty uses the PG* environment.
)";

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const vigie::cli::Arguments args(argv + 2, argv + argc);
    if (command == "serve")
        return vigie::cli::serve(args);
    if (command == "import")
        return vigie::cli::import(args);
    if (command == "parse")
        return vigie::cli::parse(args);
    std::cerr << "vigiectl: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
}
