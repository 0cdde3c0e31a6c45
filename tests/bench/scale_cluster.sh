# Sourced by the *_scale.sh benchmarks (docs/PERFORMANCE.md), from the source root: a private
# cluster (stopped and removed on exit) loaded with EVENTS realistic events over DAYS days
# through PROGRAM's generate and compact commands. Sets EVENTS, DAYS, BUILD, WORK and CONNINFO.
#   . tests/bench/scale_cluster.sh PROGRAM [EVENTS] [DAYS] [BUILD_DIR]
PROGRAM=$1
EVENTS=${2:-20000000}
DAYS=${3:-30}
BUILD=${4:-build}
WORK=$(mktemp -d "/tmp/$PROGRAM-XXXXXX")
chmod 755 "$WORK"
trap '"$BUILD/tests/vigie_test_cluster" stop "$WORK/pg" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$BUILD/tests/vigie_test_cluster" start "$WORK/pg" >/dev/null
CONNINFO="host=$WORK/pg/socket port=5432 user=vigie dbname=vigie"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; PostgreSQL $(psql "$CONNINFO" -Atc 'show server_version')"
"$BUILD/tests/bench/$PROGRAM" "$CONNINFO" generate "$EVENTS" "$DAYS"
"$BUILD/tests/bench/$PROGRAM" "$CONNINFO" compact
echo "database size: $(psql "$CONNINFO" -Atc "select pg_size_pretty(pg_database_size('vigie'))")"
