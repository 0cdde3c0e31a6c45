#!/usr/bin/env bash
# Dashboards at scale (docs/PERFORMANCE.md, issue #6): a private cluster, EVENTS realistic events
# over DAYS days loaded through the real writer, the hourly and daily rollups recounted, then the
# SOC overview's tiles over -30d on the rollups (1 and 2 connections, cold and warm) against the
# same tiles on the events route.
#   tests/bench/dashboard_scale.sh [EVENTS] [DAYS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
. tests/bench/scale_cluster.sh vigie_dashboard_scale "$@"
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD/tests/bench/vigie_dashboard_scale" "$CONNINFO" measure -30d
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
