#!/usr/bin/env bash
# Search at scale (docs/PERFORMANCE.md, issue #4): a private cluster, EVENTS realistic events over
# DAYS days loaded through the real writer, then first-page and histogram timings and the
# memory of the events table while scrolling.
#   tests/bench/search_scale.sh [EVENTS] [DAYS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
EVENTS=${1:-20000000}
DAYS=${2:-30}
BUILD=${3:-build}
WORK=$(mktemp -d /tmp/vigie-search-XXXXXX)
chmod 755 "$WORK"
trap '"$BUILD/tests/vigie_test_cluster" stop "$WORK/pg" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$BUILD/tests/vigie_test_cluster" start "$WORK/pg" >/dev/null
CONNINFO="host=$WORK/pg/socket port=5432 user=vigie dbname=vigie"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; PostgreSQL $(psql "$CONNINFO" -Atc 'show server_version')"
"$BUILD/tests/bench/vigie_search_scale" "$CONNINFO" generate "$EVENTS" "$DAYS"
"$BUILD/tests/bench/vigie_search_scale" "$CONNINFO" compact
echo "database size: $(psql "$CONNINFO" -Atc "select pg_size_pretty(pg_database_size('vigie'))")"
"$BUILD/tests/bench/vigie_search_scale" "$CONNINFO" measure
# Scrolling the results: memory of the events table while 500,000 rows go by.
QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/vigie_scroll_memory" "$CONNINFO" 500000
# The same with every fetched row kept, as the table did before its page cache: the baseline.
QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/vigie_scroll_memory" "$CONNINFO" 500000 unbounded
