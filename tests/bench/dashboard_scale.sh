#!/usr/bin/env bash
# Dashboards at scale (docs/PERFORMANCE.md, issue #6): a private cluster, EVENTS realistic events
# over DAYS days loaded through the real writer, the hourly and daily rollups recounted, then the
# SOC overview's tiles over -30d on the rollups (1 and 2 connections, cold and warm) against the
# same tiles on the events route.
#   tests/bench/dashboard_scale.sh [EVENTS] [DAYS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
EVENTS=${1:-20000000}
DAYS=${2:-30}
BUILD=${3:-build}
WORK=$(mktemp -d /tmp/vigie-dashboard-XXXXXX)
chmod 755 "$WORK"
trap '"$BUILD/tests/vigie_test_cluster" stop "$WORK/pg" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$BUILD/tests/vigie_test_cluster" start "$WORK/pg" >/dev/null
CONNINFO="host=$WORK/pg/socket port=5432 user=vigie dbname=vigie"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; PostgreSQL $(psql "$CONNINFO" -Atc 'show server_version')"
"$BUILD/tests/bench/vigie_dashboard_scale" "$CONNINFO" generate "$EVENTS" "$DAYS"
"$BUILD/tests/bench/vigie_dashboard_scale" "$CONNINFO" compact
echo "database size: $(psql "$CONNINFO" -Atc "select pg_size_pretty(pg_database_size('vigie'))")"
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD/tests/bench/vigie_dashboard_scale" "$CONNINFO" measure -30d
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
