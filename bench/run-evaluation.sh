#!/usr/bin/env bash
# Evaluation benchmark: generates a realistic year of closed orders with callbacks (COPY), then at each scale times
# the full rebuild of the counters and the monthly ranking of every class, and prints record sizes on disk.
# Figures and analysis: docs/benchmarks.md, "Evaluation: rankings and rebuild".
#
#   bench/run-evaluation.sh                                  # scales 1,000,000 then 5,000,000 orders
#   bench/run-evaluation.sh --scales 200000,1000000,5000000  # any list of cumulative scales
#   bench/run-evaluation.sh --data-dir /big/disk/folder      # where the embedded PostgreSQL keeps its files
#
# Environment: BENCH_BUILD_DIR (default target-bench-eval), MVN_ONLINE=1 to let Maven download,
# BENCH_JAVA_OPTS (default -Xms512m -Xmx2g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD="${BENCH_BUILD_DIR:-$ROOT/target-bench-eval}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
MVN=(mvn -q -B)
if [[ "${MVN_ONLINE:-}" != 1 ]]; then MVN+=(-o); fi

# main code in its own build folder (not target/); only the benchmark itself is compiled from src/test
"${MVN[@]}" -Dbuild.dir="$BUILD" compile
CP_FILE="$BUILD/bench-classpath.txt"
if [[ ! -s "$CP_FILE" || "$ROOT/pom.xml" -nt "$CP_FILE" ]]; then
    "${MVN[@]}" -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
rm -rf "$BUILD/bench-classes"
mkdir -p "$BUILD/bench-classes"
javac --release 17 -encoding UTF-8 -nowarn -d "$BUILD/bench-classes" -cp "$BUILD/classes:$(cat "$CP_FILE")" \
    src/test/java/io/swiftresponse/bench/EvaluationBenchmark.java
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx2g} -cp "$BUILD/bench-classes:$BUILD/classes:$(cat "$CP_FILE")" \
    io.swiftresponse.bench.EvaluationBenchmark "$@"
