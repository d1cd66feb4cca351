#!/usr/bin/env bash
# Order search benchmark: generates N Chinese orders (default 1,000,000) from the demo categories and streets,
# indexes them with the production OrderIndex, times the production OrderSearcher over a mixed query workload
# (text, text + district, a handler's scope, category subtree + dates, filters only, phrase with exclusion), then
# loads the same rows into an embedded PostgreSQL and times the same queries as ILIKE and pg_trgm (the baseline).
# Figures and analysis: docs/benchmarks.md, "Order search".
#
#   bench/run-search.sh [--orders 1000000] [--queries 2000] [--pg-queries 60] [--no-pg]
#
# Environment: BENCH_BUILD_DIR (default target-bench-search), MVN_ONLINE=1, SEARCH_JAVA_OPTS (default -Xms1g -Xmx3g)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD="${BENCH_BUILD_DIR:-$ROOT/target-bench-search}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
MVN=(mvn -q -B)
if [[ "${MVN_ONLINE:-}" != 1 ]]; then MVN+=(-o); fi
"${MVN[@]}" -Dbuild.dir="$BUILD" compile
CP_FILE="$BUILD/bench-classpath.txt"
if [[ ! -s "$CP_FILE" || "$ROOT/pom.xml" -nt "$CP_FILE" ]]; then
    "${MVN[@]}" -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
rm -rf "$BUILD/bench-classes" && mkdir -p "$BUILD/bench-classes"
javac --release 17 -encoding UTF-8 -nowarn -d "$BUILD/bench-classes" -cp "$BUILD/classes:$(cat "$CP_FILE")" \
    src/test/java/io/swiftresponse/bench/OrderSearchBenchmark.java
echo "== $(date -Is)  nproc=$(nproc)  $(uptime | sed 's/.*load average/load average/')"
echo "== $(java -version 2>&1 | head -1); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
# shellcheck disable=SC2206
OPTS=(${SEARCH_JAVA_OPTS:--Xms1g -Xmx3g})
java "${OPTS[@]}" -Dfile.encoding=UTF-8 -cp "$BUILD/bench-classes:$BUILD/classes:$(cat "$CP_FILE")" \
    io.swiftresponse.bench.OrderSearchBenchmark "$@"
echo "== after: $(uptime | sed 's/.*load average/load average/')"
