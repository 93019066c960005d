#!/usr/bin/env bash
# The CLI's start, whole process, against Alembic on the same graph (docs/performance.md, "The CLI's start").
#
#   bench/cli/run.sh [--runs N] [--warmup N] [--no-build]
#
# 1. builds the distribution archive (cli/target-bench/retort-<version>.tar.gz) and unpacks it;
# 2. writes one branchy graph of 10,000 revisions and one of 1,000, each as Retort SQL revisions and as
#    Alembic revisions (bench/cli/generate.py);
# 3. `heads` at 10,000 revisions: bin/retort (the launcher, its class-data-sharing archive written by
#    the first warm-up run), `java -jar` of the runnable jar, bin/retort with RETORT_CDS=off, and
#    `python3 -m alembic heads` (Debian's python3-alembic), interleaved (bench/cli/harness.py);
# 4. `current` at 1,000 revisions on PostgreSQL, database up to date (stamped at the heads), the same
#    way; 5. the flags one by one on `heads` at 1,000 and 10,000 revisions (default JVM flags, C1 only,
#    C1 + serial GC, + the CDS archive).
#
# Needs python3 with alembic and psycopg2 (Debian: python3-alembic python3-psycopg2) and PostgreSQL at
# BENCH_PG_HOST (default 127.0.0.1:5432, user postgres, no password). Writes bench/cli/work/ (ignored
# by git) and prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=15
warmup=2
build=yes
while [[ $# -gt 0 ]]; do
	case $1 in
		--runs) runs=$2; shift 2 ;;
		--warmup) warmup=$2; shift 2 ;;
		--no-build) build=no; shift ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
PY=${BENCH_PYTHON:-/usr/bin/python3}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
"$PY" -c 'import alembic, psycopg2' || { echo "needs python3-alembic and python3-psycopg2" >&2; exit 1; }

# -DskipTests, not -Dmaven.test.skip: the module graph needs core's test jar.
if [[ $build == yes ]]; then
	./mvnw -q -pl cli -am package -DskipTests -Dretort.buildDir=target-bench
fi
work=$PWD/bench/cli/work
rm -rf "$work"
mkdir -p "$work/dist"
tar -xzf cli/target-bench/retort-*.tar.gz -C "$work/dist"
home=$(echo "$work"/dist/retort-*)
fatjar=$(ls "$PWD"/cli/target-bench/retort-cli-*.jar | grep -v -e original -e -lib.jar)
export RETORT_CDS_DIR=$work/cds
"$PY" bench/cli/generate.py "$work/g10000" 10000
"$PY" bench/cli/generate.py "$work/g1000" 1000

harness() { "$PY" bench/cli/harness.py --runs "$runs" --warmup "$warmup" --peer alembic "$@"; }

echo
echo "## heads, 10,000 revisions ($(java -version 2>&1 | head -1); $(nproc) cores)"
echo
g=$work/g10000
harness \
	"retort (bin/retort)=cd $g/retort && $home/bin/retort heads" \
	"retort (java -jar)=cd $g/retort && java -jar $fatjar heads" \
	"alembic=cd $g/alembic && $PY -m alembic heads"

echo
echo "## current, 1,000 revisions, PostgreSQL up to date"
echo
for db in bench_cli_retort bench_cli_alembic; do
	psql -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" postgres
done
g=$work/g1000
url="jdbc:postgresql://$PG_HOST:$PG_PORT/bench_cli_retort?user=postgres"
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql+psycopg2://postgres@$PG_HOST:$PG_PORT/bench_cli_alembic|" \
	"$g/alembic/alembic.ini"
(cd "$g/retort" && "$home/bin/retort" --url "$url" stamp heads >/dev/null)
(cd "$g/alembic" && "$PY" -m alembic stamp heads 2>/dev/null)
harness \
	"retort (bin/retort)=cd $g/retort && $home/bin/retort --url '$url' current" \
	"retort (java -jar)=cd $g/retort && java -jar $fatjar --url '$url' current" \
	"alembic=cd $g/alembic && $PY -m alembic current"

echo
cp=$(ls "$home"/lib/*.jar | paste -sd:)
for size in 1000 10000; do
	echo
	echo "## the launcher's flags, heads at $size revisions"
	echo
	g=$work/g$size
	harness \
		"java, default flags=cd $g/retort && java -cp $cp dev.retort.cli.Main heads" \
		"+ C1 only=cd $g/retort && java -XX:TieredStopAtLevel=1 -cp $cp dev.retort.cli.Main heads" \
		"+ serial GC, no CDS=cd $g/retort && RETORT_CDS=off $home/bin/retort heads" \
		"+ CDS archive: bin/retort=cd $g/retort && $home/bin/retort heads" \
		"alembic=cd $g/alembic && $PY -m alembic heads"
done
