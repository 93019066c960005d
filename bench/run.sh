#!/usr/bin/env bash
# Runs the Retort / Flyway / Liquibase / plain-JDBC (with and without history) comparison and writes bench/results/results.md
# (Markdown tables) and bench/results/raw.csv. See docs/performance.md.
#
#   bench/run.sh                  # full run (about an hour on 2 shared cores; 10,000-revision prep is slow for Flyway)
#   bench/run.sh --quick          # smoke run: 1 cold run, 1+1 warm, small scenarios
#   bench/run.sh --runs 7 ...     # any option of dev.retort.bench.compare.Compare
#
# Needs PostgreSQL reachable through the admin URL (override with BENCH_POSTGRES_ADMIN);
# H2 runs in memory. Build output goes to bench/target-bench so it does not collide with other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
ADMIN="${BENCH_POSTGRES_ADMIN:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
./mvnw -q -Pbench -pl bench -am package -DskipTests -Dretort.buildDir=target-bench
args=("$@")
if [[ "${1:-}" == "--quick" ]]; then
	args=(--runs 1 --warmup 1 --iterations 1 --scenarios apply-100,noop-100,status-100 "${@:2}")
fi
out=bench/results
for ((i = 0; i < ${#args[@]}; i++)); do
	if [[ "${args[$i]}" == "--out" ]]; then out="${args[$((i + 1))]}"; fi
done
java -Dbench.postgres.admin="$ADMIN" -cp bench/target-bench/benchmarks.jar dev.retort.bench.compare.Compare \
	"${args[@]}" --out "$out"
echo
cat "$out/results.md"
