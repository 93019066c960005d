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
# `retort` is the CLI distribution's launcher (bin/retort: C1 only, serial collector, class-data-sharing
# archive written by the untimed first run), as users install it; `java -jar` of the runnable jar (the
# JVM's default flags) is timed beside it for reference. Wall time and the process tree's CPU time.
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
DIST_TGZ=$(ls cli/target-bench/retort-*.tar.gz | head -1)

psql() { command psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $APPDB" \
	-c "CREATE DATABASE $DB" -c "CREATE DATABASE $APPDB"
trap 'psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $APPDB" || true' EXIT

java -cp "$BENCH_JAR" dev.retort.bench.CheckVsAlembicSetup "$WORK" "$TABLES" "$REVISIONS"
rm -rf "$WORK/dist" && mkdir -p "$WORK/dist" && tar xzf "$DIST_TGZ" -C "$WORK/dist"
RETORT_BIN=$(ls -d "$WORK"/dist/retort-*/bin/retort | head -1)
export ALEMBIC_URL="postgresql+psycopg2://$PGUSER@$PGHOST:$PGPORT/$DB"

ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

start=$(ms)
(cd "$WORK/alembic" && "$PYTHON" -m alembic -c alembic.ini upgrade head)
echo "alembic upgrade head (setup, once): $(($(ms) - start)) ms"

retort_args() {
	echo --url "jdbc:postgresql://$PGHOST:$PGPORT/$APPDB" --user "$PGUSER" \
		--locations "filesystem:$WORK/retort/revisions" check --model "$WORK/retort/model.sql"
}
retort_check() {
	# shellcheck disable=SC2046
	"$RETORT_BIN" $(retort_args)
}
retort_jar_check() {
	# shellcheck disable=SC2046
	java -jar "$CLI_JAR" $(retort_args)
}
# Alembic 1.8 has no `check` command (1.9 added it): alembic_check.py does the same through its API.
BENCH_DIR="$(pwd)/bench"
export WORK PYTHON BENCH_DIR RETORT_BIN CLI_JAR PGHOST PGPORT PGUSER APPDB
alembic_check() {
	(cd "$WORK/alembic" && "$PYTHON" "$BENCH_DIR/alembic_check.py" alembic.ini)
}

# One untimed run of each: all must pass (no difference); caches are warm and the launcher's
# class-data-sharing archive is written.
retort_check > "$WORK/retort.out" 2> "$WORK/retort.err" || { cat "$WORK/retort.out" "$WORK/retort.err"; exit 1; }
retort_jar_check > "$WORK/retort.out" 2> "$WORK/retort.err" || { cat "$WORK/retort.out" "$WORK/retort.err"; exit 1; }
alembic_check > "$WORK/alembic.out" 2>&1 || { cat "$WORK/alembic.out"; exit 1; }

# timed NAME FUNCTION: appends "wall_ms cpu_ms" of one run to $WORK/NAME.ms (CPU: user + system of the
# process and the children it waited for, from GNU time).
timed() {
	local name=$1 fn=$2
	export -f "$fn" retort_args alembic_check
	/usr/bin/time -o "$WORK/time.out" -f '%e %U %S' bash -c "$fn" > /dev/null 2> "$WORK/$name.err"
	awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$WORK/time.out" >> "$WORK/$name.ms"
}

: > "$WORK/retort.ms"
: > "$WORK/retort-jar.ms"
: > "$WORK/alembic.ms"
: > "$WORK/parts.txt"
for ((i = 1; i <= RUNS; i++)); do
	timed retort retort_check
	timed retort-jar retort_jar_check
	timed alembic alembic_check
	echo "run $i: retort $(tail -1 "$WORK/retort.ms"), java -jar $(tail -1 "$WORK/retort-jar.ms"), alembic" \
		"$(tail -1 "$WORK/alembic.ms") (wall ms, CPU ms), load $(cut -d' ' -f1-3 /proc/loadavg)"
done
col() { cut -d' ' -f"$1" < "$WORK/$2.ms" | median; }
aw=$(col 1 alembic)
ac=$(col 2 alembic)
echo
echo "tables $TABLES, revisions $REVISIONS, runs $RUNS (interleaved), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %9s %9s %13s %13s\n' command "wall ms" "CPU ms" "wall/alembic" "CPU/alembic"
for name in retort retort-jar alembic; do
	w=$(col 1 "$name")
	c=$(col 2 "$name")
	label=$name
	[[ $name == retort ]] && label="bin/retort check"
	[[ $name == retort-jar ]] && label="java -jar ... check"
	[[ $name == alembic ]] && label="alembic check"
	awk -v l="$label" -v w="$w" -v c="$c" -v aw="$aw" -v ac="$ac" \
		'BEGIN { printf "%-22s %9d %9d %12.2fx %12.2fx\n", l, w, c, w / aw, c / ac }'
done
echo "all runs (wall ms, CPU ms):"
for name in retort retort-jar alembic; do echo "  $name: $(tr '\n' ',' < "$WORK/$name.ms" | sed 's/,$//; s/,/; /g')"; done
# Retort's parts come from its --verbose log line, taken in extra runs: the timed runs log as users'
# runs do (--verbose also prints every replayed revision, ~600 lines here).
for ((i = 1; i <= 3; i++)); do
	"$RETORT_BIN" --verbose $(retort_args) 2>&1 >/dev/null | grep -o 'Compared on scratch databases.*' >> "$WORK/parts.txt" || true
done
echo "bin/retort's parts, 3 more runs with --verbose:"
sed 's/^/  /' "$WORK/parts.txt"
