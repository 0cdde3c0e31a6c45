#!/usr/bin/env bash
# End-to-end ingest load run (docs/PERFORMANCE.md). In one run, on one private PostgreSQL
# cluster: raw COPY baselines, `vigiectl serve` on TCP loopback, and rsyslogd with its
# PostgreSQL output (Debian's rsyslog and rsyslog-pgsql, installed if missing) fed the same lines.
#   tests/bench/load_tcp.sh [LINES] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
LINES=${1:-1000000}
BUILD=${2:-build}
PORT=${VIGIE_BENCH_PORT:-15514}
RSYSLOG_PORT=${VIGIE_BENCH_RSYSLOG_PORT:-15515}
WORK=$(mktemp -d /tmp/vigie-bench-XXXXXX)
chmod 755 "$WORK"

if ! [ -x /usr/sbin/rsyslogd ] || ! dpkg-query -W -f='${Status}' rsyslog-pgsql 2>/dev/null | grep -q "ok installed"; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends rsyslog rsyslog-pgsql >/dev/null
fi

cleanup() {
  [ -n "${SERVE_PID:-}" ] && kill -INT "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" || true
  [ -f "$WORK/rsyslogd.pid" ] && kill "$(cat "$WORK/rsyslogd.pid")" 2>/dev/null || true
  "$BUILD/tests/vigie_test_cluster" stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BUILD/tests/vigie_test_cluster" start "$WORK/pg" >/dev/null
CONNINFO="host=$WORK/pg/socket port=5432 user=vigie dbname=vigie"

"$BUILD/app/vigiectl" serve --database "$CONNINFO" --listen "tcp://127.0.0.1:$PORT" --spool "$WORK/spool" \
  >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVE_PID=$!
for _ in $(seq 50); do grep -q listening "$WORK/serve.log" && break; sleep 0.1; done

# rsyslog's conninfo may not hold spaces: it gets the URI form of the same connection.
# rsyslog writes the same normalised columns into a table with the same time and host indexes
# as `events`, one INSERT per message (ompgsql cannot COPY), batched in transactions by its queue.
psql "$CONNINFO" -q -c "CREATE TABLE rsyslog_events (n bigserial, ts timestamptz, received_at timestamptz DEFAULT now(),
  host text, app text, severity smallint, facility smallint, message text, raw text);
  CREATE INDEX ON rsyslog_events (ts); CREATE INDEX ON rsyslog_events (host, ts);"
mkdir -p "$WORK/rsyslog-work"
cat >"$WORK/rsyslog.conf" <<CONF
global(workDirectory="$WORK/rsyslog-work")
module(load="imtcp")
module(load="ompgsql")
input(type="imtcp" address="127.0.0.1" port="$RSYSLOG_PORT")
template(name="vigie_rows" type="list" option.stdsql="on") {
  constant(value="INSERT INTO rsyslog_events (ts, host, app, severity, facility, message, raw) VALUES ('")
  property(name="timereported" dateFormat="pgsql") constant(value="', '")
  property(name="hostname") constant(value="', '")
  property(name="programname") constant(value="', ")
  property(name="syslogseverity") constant(value=", ")
  property(name="syslogfacility") constant(value=", '")
  property(name="msg") constant(value="', '")
  property(name="rawmsg") constant(value="')")
}
action(type="ompgsql" conninfo="postgresql:///vigie?host=$WORK/pg/socket&port=5432&user=vigie" template="vigie_rows"
       queue.type="LinkedList" queue.size="4000000" queue.dequeueBatchSize="1024")
CONF
/usr/sbin/rsyslogd -n -f "$WORK/rsyslog.conf" -i "$WORK/rsyslogd.pid" >"$WORK/rsyslog.log" 2>&1 &
for _ in $(seq 50); do (echo -n >/dev/tcp/127.0.0.1/$RSYSLOG_PORT) 2>/dev/null && break; sleep 0.1; done
(echo -n >/dev/tcp/127.0.0.1/$RSYSLOG_PORT) 2>/dev/null || { echo "rsyslogd did not start:" >&2; cat "$WORK/rsyslog.log" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "server: PostgreSQL $(psql "$CONNINFO" -Atc 'show server_version') (managed cluster, defaults + shared_buffers=256MB); $(/usr/sbin/rsyslogd -v | head -1)"
"$BUILD/tests/bench/vigie_load_tcp" "$CONNINFO" "127.0.0.1:$PORT" "$LINES" "127.0.0.1:$RSYSLOG_PORT"
kill -INT "$SERVE_PID"; wait "$SERVE_PID"; SERVE_PID=
echo "vigiectl serve summary: $(cat "$WORK/serve.out")"
