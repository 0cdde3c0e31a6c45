#!/usr/bin/env bash
# Search at scale (docs/PERFORMANCE.md, issue #4): a private cluster, EVENTS realistic events over
# DAYS days loaded through the real writer, then first-page and histogram timings and the
# memory of the events table while scrolling.
#   tests/bench/search_scale.sh [EVENTS] [DAYS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
. tests/bench/scale_cluster.sh vigie_search_scale "$@"
"$BUILD/tests/bench/vigie_search_scale" "$CONNINFO" measure
# Scrolling the results: memory of the events table while 500,000 rows go by.
QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/vigie_scroll_memory" "$CONNINFO" 500000
# The same with every fetched row kept, as the table did before its page cache: the baseline.
QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/vigie_scroll_memory" "$CONNINFO" 500000 unbounded
