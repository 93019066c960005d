#!/usr/bin/env bash
# Whole-process `retort check` against `alembic check` on PostgreSQL, on the same schema: 200 tables
# (5 columns, 2 indexes, 1 foreign key each) reached by 300 revisions, with the model as a DDL script
# (`retort check --model`) and as SQLAlchemy models (`alembic check`). See docs/performance.md.
#
#   bench/check-vs-alembic.sh               # 5 interleaved runs of each
#   RUNS=9 TABLES=200 REVISIONS=300 bench/check-vs-alembic.sh
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password; PGHOST/PGPORT/PGUSER override) and
# Debian's python3-alembic + python3-psycopg2 at /usr/bin/python3 (Alembic 1.8: `alembic check` is
# bench/alembic_check.py, the command's logic through Alembic's API). The two checks differ in method:
# `retort check` replays the 300 revisions into a throwaway database and builds the model in another
# (two scratch databases, both read back, compared); `alembic check` compares the models with a database
# that must already be at head, so its database is upgraded once beforehand (timed apart).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
TABLES="${TABLES:-200}"
REVISIONS="${REVISIONS:-300}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
PYTHON="${PYTHON:-/usr/bin/python3}"
WORK="${WORK:-$(mktemp -d)}"
DB=retort_bench_alembic
APPDB=retort_bench_check_app

if [[ -z "${SKIP_BUILD:-}" ]]; then
	./mvnw -q -o -Pbench -pl bench,cli -am package -DskipTests -Dretort.buildDir=target-bench
fi
BENCH_JAR=bench/target-bench/benchmarks.jar
CLI_JAR=$(ls cli/target-bench/retort-cli-*.jar | grep -v -e sources -e original -e -lib.jar | head -1)

psql() { command psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $APPDB" \
	-c "CREATE DATABASE $DB" -c "CREATE DATABASE $APPDB"
trap 'psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $APPDB" || true' EXIT

java -cp "$BENCH_JAR" dev.retort.bench.CheckVsAlembicSetup "$WORK" "$TABLES" "$REVISIONS"
export ALEMBIC_URL="postgresql+psycopg2://$PGUSER@$PGHOST:$PGPORT/$DB"

ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

start=$(ms)
(cd "$WORK/alembic" && "$PYTHON" -m alembic -c alembic.ini upgrade head)
echo "alembic upgrade head (setup, once): $(($(ms) - start)) ms"

retort_check() {
	java -jar "$CLI_JAR" --verbose --url "jdbc:postgresql://$PGHOST:$PGPORT/$APPDB" --user "$PGUSER" \
		--locations "filesystem:$WORK/retort/revisions" check --model "$WORK/retort/model.sql"
}
# Alembic 1.8 has no `check` command (1.9 added it): alembic_check.py does the same through its API.
BENCH_DIR="$(pwd)/bench"
alembic_check() {
	(cd "$WORK/alembic" && "$PYTHON" "$BENCH_DIR/alembic_check.py" alembic.ini)
}

# One untimed run of each: both must pass (no difference), and caches are warm for both.
retort_check > "$WORK/retort.out" 2> "$WORK/retort.err" || { cat "$WORK/retort.out" "$WORK/retort.err"; exit 1; }
alembic_check > "$WORK/alembic.out" 2>&1 || { cat "$WORK/alembic.out"; exit 1; }

: > "$WORK/retort.ms"
: > "$WORK/alembic.ms"
: > "$WORK/parts.txt"
for ((i = 1; i <= RUNS; i++)); do
	start=$(ms)
	retort_check > /dev/null 2> "$WORK/retort.err"
	echo $(($(ms) - start)) >> "$WORK/retort.ms"
	grep -o 'Compared on scratch databases.*' "$WORK/retort.err" >> "$WORK/parts.txt" || true
	start=$(ms)
	alembic_check > /dev/null 2>&1
	echo $(($(ms) - start)) >> "$WORK/alembic.ms"
	echo "run $i: retort $(tail -1 "$WORK/retort.ms") ms, alembic $(tail -1 "$WORK/alembic.ms") ms, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
r=$(median < "$WORK/retort.ms")
a=$(median < "$WORK/alembic.ms")
echo
echo "tables $TABLES, revisions $REVISIONS, runs $RUNS (interleaved), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "retort check  median $r ms   ($(tr '\n' ' ' < "$WORK/retort.ms"))"
echo "alembic check median $a ms   ($(tr '\n' ' ' < "$WORK/alembic.ms"))"
awk -v r="$r" -v a="$a" 'BEGIN {printf "ratio retort/alembic %.2f\n", r / a}'
echo "retort's parts, per run:"
sed 's/^/  /' "$WORK/parts.txt"
