// vigiectl: Vigie's engine without a screen, for servers and scripts.
#include "commands.h"

#include <cstring>
#include <iostream>

namespace {

constexpr const char* kUsage = R"(usage: vigiectl COMMAND [OPTIONS]

Commands:
  serve   --database CONNINFO --listen URI [--listen URI...] [--workers N]
          [--spool DIR] [--memory-cap MB]
          Receive logs until SIGINT/SIGTERM, store them, print a summary line.
          URI: tcp://ADDRESS:PORT, udp://ADDRESS:PORT or
               tls://ADDRESS:PORT?cert=FILE.pem&key=FILE.key[&ca=CLIENTS.pem]
               with optional &format=auto|rfc5424|rfc3164|cef|leef|json and &name=NAME.
          While the database is unreachable, batches wait in the spool (default
          $VIGIE_SPOOL, ~/.local/state/vigie/spool, or /var/lib/vigie/spool for root)
          and are stored, in order and exactly once, when it is back.
  import  --database CONNINFO [--format auto|rfc5424|rfc3164|cef|leef|json] FILE...
          Store the lines of log files ('-' reads standard input), print a summary line.
  parse   [--format auto|rfc5424|rfc3164|cef|leef|json]
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
