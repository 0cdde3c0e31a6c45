// vigiectl: Vigie's engine without a screen, for servers and scripts.
#include "commands.h"

#include <cstring>
#include <iostream>

namespace {

constexpr const char* kUsage = R"(usage: vigiectl COMMAND [OPTIONS]

Commands:
  serve   --database CONNINFO --listen URI [--listen URI...] [--workers N]
          [--spool DIR] [--memory-cap MB] [--rules FILE_OR_DIR...]
          Receive logs until SIGINT/SIGTERM, store them, print a summary line.
          Every event goes through the enabled rules stored in the database (the
          built-in ones, imported ones, analysts' own; changes apply within 10 s) and
          the Sigma rules of --rules (files or folders of .yml); alerts land in the
          alerts table.
          URI: tcp://ADDRESS:PORT, udp://ADDRESS:PORT or
               tls://ADDRESS:PORT?cert=FILE.pem&key=FILE.key[&ca=CLIENTS.pem]
               with optional &format=auto|rfc5424|rfc3164|cef|leef|json and &name=NAME.
          While the database is unreachable, batches wait in the spool (default
          $VIGIE_SPOOL, ~/.local/state/vigie/spool, or /var/lib/vigie/spool for root)
          and are stored, in order and exactly once, when it is back.
  import  --database CONNINFO [--format auto|rfc5424|rfc3164|cef|leef|json]
          [--rules FILE_OR_DIR...] FILE...
          Store the lines of log files ('-' reads standard input), print a summary line;
          detection runs on them as for serve (stored rules and --rules).
  search  --database CONNINFO [--from T] [--to T] [--limit N] 'QUERY'
          Print the matching events as JSON lines, newest first (default limit 100).
          T: ISO 8601 (2026-11-22T10:00:00Z; UTC when no zone) or relative: -15m, -1h, -7d.
          QUERY: host:web-01 and not user_name:root, severity<=3, source_ip:10.0.0.0/8,
                 dest_port:[1 TO 1024], user_name:adm*, fields.rule_id:2210, free text...
          A query that does not parse is shown with a caret under the error; exit code 2.
  parse   [--format auto|rfc5424|rfc3164|cef|leef|json]
          Print each line of standard input as one normalised JSON event (no database).
  rules check [--mapping FILE] FILE_OR_DIR...
          One line per Sigma rule: ok, or unsupported and why; then a total.
  rules test --rules FILE_OR_DIR [--rules ...] --events FILE [--mapping FILE]
          For each event of FILE the rules match: its line and the rule ids; each
          correlation firing: corr, its id, group and window. FILE holds Vigie's JSON
          events (as parse prints them), raw JSON (Windows/Sysmon...) or log lines.
  rules import --database CONNINFO FILE_OR_DIR...
          Store the rule files that can run in the database (every engine on it then
          runs them); print the report of rules check and the files not stored.
  rules list --database CONNINFO
          One line per stored rule text: id, on/off, origin, version, name, Sigma ids.
  rules hunt --database CONNINFO --from T [--to T] [--rules FILE_OR_DIR...]
          Run the enabled stored rules and --rules over the stored events of that range,
          oldest first; what they find is stored as alerts marked retro-hunt.
  dashboards list --database CONNINFO
          One line per stored dashboard, in tab order: id, uid, version, shipped key, name.
  dashboards import --database CONNINFO [--replace] FILE...
          Store dashboard JSON files (format v1). A file whose uid is stored already
          replaces that dashboard with --replace, else is stored as a copy with a new
          uid and (imported) after its name. A bad file is reported with the JSON
          path of the problem (tiles[2].aggregation.kind: ...); exit code 1.
  dashboards export --database CONNINFO NAME|UID [-o FILE]
          Write the dashboard's JSON (format v1) to FILE or standard output.
  db retention --database CONNINFO --days N [--dry-run]
          Drop the daily event partitions (and their per-minute counts) older than the
          N days before today; print each partition dropped (or that would be).
  db backup --database CONNINFO FILE
          Write the whole database to FILE (pg_dump custom format); progress on stderr.
  db restore --database CONNINFO FILE [--force]
          Restore FILE into an empty database (--force replaces a non-empty one's contents).
  db create-analyst --database CONNINFO NAME --tier l1|l2|l3|admin
          Create the analyst's login role NAME in the tier's group (vigie_l1...). The
          password comes from VIGIE_ANALYST_PASSWORD or standard input, never an argument.
  db sla --database CONNINFO [--critical H] [--high H] [--medium H] [--low H]
          Set the hours from opening to SLA due time of incidents of those severities
          (new tickets and re-rated ones), then print the hours in force for each.

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
    if (command == "rules")
        return vigie::cli::rules(args);
    if (command == "dashboards")
        return vigie::cli::dashboards(args);
    if (command == "import")
        return vigie::cli::import(args);
    if (command == "search")
        return vigie::cli::search(args);
    if (command == "parse")
        return vigie::cli::parse(args);
    if (command == "db") // database administration (store at scale)
        return vigie::cli::db(args);
    std::cerr << "vigiectl: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
}
