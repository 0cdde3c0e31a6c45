#!/usr/bin/env bash
# End-to-end ingest load run (docs/PERFORMANCE.md): a private PostgreSQL cluster, a
# `vigiectl serve` on TCP loopback, N RFC 5424 lines, and raw COPY baselines in the same run.
#   tests/bench/load_tcp.sh [LINES] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
LINES=${1:-1000000}
BUILD=${2:-build}
PORT=${VIGIE_BENCH_PORT:-15514}
CLUSTER=$(mktemp -d /tmp/vigie-bench-XXXXXX)
chmod 755 "$CLUSTER"

cleanup() {
  [ -n "${SERVE_PID:-}" ] && kill -INT "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" || true
  "$BUILD/tests/vigie_test_cluster" stop "$CLUSTER/pg" >/dev/null 2>&1 || true
  rm -rf "$CLUSTER"
}
trap cleanup EXIT

"$BUILD/tests/vigie_test_cluster" start "$CLUSTER/pg" >/dev/null
CONNINFO="host=$CLUSTER/pg/socket port=5432 user=vigie dbname=vigie"

"$BUILD/app/vigiectl" serve --database "$CONNINFO" --listen "tcp://127.0.0.1:$PORT" >"$CLUSTER/serve.out" 2>"$CLUSTER/serve.log" &
SERVE_PID=$!
for _ in $(seq 50); do grep -q listening "$CLUSTER/serve.log" && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "server: $(psql "$CONNINFO" -Atc 'show server_version') (managed cluster, defaults + shared_buffers=256MB)"
"$BUILD/tests/bench/vigie_load_tcp" "$CONNINFO" "127.0.0.1:$PORT" "$LINES"
kill -INT "$SERVE_PID"; wait "$SERVE_PID"; SERVE_PID=
echo "vigiectl serve summary: $(cat "$CLUSTER/serve.out")"
