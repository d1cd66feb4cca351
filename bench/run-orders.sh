#!/usr/bin/env bash
# Order-throughput benchmark: HTTP create orders/s with p50/p99, the full lifecycle, and the raw JDBC
# ceiling for the same rows in the same run. Figures and analysis: docs/benchmarks.md.
#
#   bench/run-orders.sh                 # ~5 minutes: C = 4, 8, 16, 32
#   bench/run-orders.sh --quick         # ~1.5 minutes, short warm-up: a smoke test, figures are low
#   bench/run-orders.sh --repeat 3      # medians of 3 repetitions (~10 minutes)
#   bench/run-orders.sh --help          # all options (server JVM/application options, --url, ...)
#
# Environment:
#   JAR=path/to/swift-response.jar      the application (default target/swift-response.jar; built if missing)
#   BENCH_BUILD_DIR=folder              where the driver is compiled (default target-bench)
#   BENCH_JAVA_OPTS="..."               JVM options of the load driver (default -Xms256m -Xmx1g)
#   MVN_OFFLINE=1                       run Maven with -o
#   BENCH_NICE=-20                      run driver, server and PostgreSQL at this niceness (below 0 needs root):
#                                       on a machine shared with builds, the benchmark gets the cores first
#                                       (this session's autogroup here; PostgreSQL's, in its own session,
#                                       is set by the driver)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="${JAR:-$ROOT/target/swift-response.jar}"
case "$JAR" in /*) ;; *) JAR="$ROOT/$JAR" ;; esac
BUILD="${BENCH_BUILD_DIR:-$ROOT/target-bench}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
MVN=(mvn -q -B)
if [[ "${MVN_OFFLINE:-}" == 1 ]]; then MVN+=(-o); fi

if [[ ! -f "$JAR" ]]; then
    JAR_DIR="$(dirname "$JAR")"
    echo "building $JAR ..." >&2
    "${MVN[@]}" -Dbuild.dir="$JAR_DIR" -DskipTests package
    [[ -f "$JAR" ]] || { echo "no $JAR after the build (its name is <build.dir>/swift-response.jar)" >&2; exit 1; }
fi

# The driver is one package of the test sources; it needs the test classpath's PostgreSQL driver and Jackson.
# It is compiled on its own so that work in progress elsewhere in src/test cannot stop the benchmark.
mkdir -p "$BUILD/bench-classes"
CP_FILE="$BUILD/bench-classpath.txt"
if [[ ! -s "$CP_FILE" || "$ROOT/pom.xml" -nt "$CP_FILE" ]]; then
    "${MVN[@]}" -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
SRC="$ROOT/src/test/java/io/swiftresponse/bench/orders"
CLASSES="$BUILD/bench-classes/io/swiftresponse/bench/orders"
if [[ ! -f "$CLASSES/.compiled" || -n "$(find "$SRC" -name '*.java' -newer "$CLASSES/.compiled" -print -quit)" ]]; then
    rm -rf "$CLASSES"
    javac --release 17 -encoding UTF-8 -nowarn -proc:none -d "$BUILD/bench-classes" -cp "$(cat "$CP_FILE")" "$SRC"/*.java
    touch "$CLASSES/.compiled"
fi

# shellcheck disable=SC2206
JAVA_OPTS=(${BENCH_JAVA_OPTS:--Xms256m -Xmx1g})
NICE=()
if [[ -n "${BENCH_NICE:-}" ]]; then
    NICE=(nice -n "$BENCH_NICE")
    # With autogroup scheduling (Linux default) a niceness only counts within its session's group; the
    # group's own niceness decides against other sessions' builds. Raised for this run, put back after.
    AUTOGROUP=/proc/$$/autogroup
    if [[ -w "$AUTOGROUP" ]]; then
        OLD_NICE="$(sed -n 's/.* nice \(-\{0,1\}[0-9]*\).*/\1/p' "$AUTOGROUP")"
        if echo "$BENCH_NICE" > "$AUTOGROUP" 2>/dev/null; then
            trap 'echo "${OLD_NICE:-0}" > "$AUTOGROUP" 2>/dev/null || true' EXIT
        fi
    fi
fi
"${NICE[@]}" java "${JAVA_OPTS[@]}" -Dfile.encoding=UTF-8 -cp "$BUILD/bench-classes:$(cat "$CP_FILE")" \
    io.swiftresponse.bench.orders.OrderLoadBenchmark --jar "$JAR" "$@"
