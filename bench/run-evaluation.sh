#!/usr/bin/env bash
# Evaluation benchmark: generates a realistic year of closed orders with callbacks (COPY), then at each scale times
# the full rebuild of the counters and the monthly ranking of every class, and prints record sizes on disk.
# Figures and analysis: docs/benchmarks.md, "Evaluation: rankings and rebuild".
#
#   bench/run-evaluation.sh                                  # scales 1,000,000 then 5,000,000 orders
#   bench/run-evaluation.sh --scales 200000,1000000,5000000  # any list of cumulative scales
#   bench/run-evaluation.sh --data-dir /big/disk/folder      # where the embedded PostgreSQL keeps its files
#   bench/run-evaluation.sh --baseline false                 # skip the previous rebuild (timed at the first scale)
#   bench/run-evaluation.sh --port 15432                     # fixed port of the embedded PostgreSQL (to look in with psql)
#
# Environment: BENCH_BUILD_DIR (default target-bench-eval), MVN_ONLINE=1 to let Maven download,
# BENCH_JAVA_OPTS (default -Xms512m -Xmx2g), BENCH_NICE=-10 (run at this niceness; below 0 needs root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_build target-bench-eval src/test/java/io/swiftresponse/bench/EvaluationBenchmark.java \
    src/test/java/io/swiftresponse/bench/CityYearGenerator.java src/test/java/io/swiftresponse/bench/CopyStream.java
bench_nice
bench_machine
echo "== niceness ${BENCH_NICE:-0}"
# shellcheck disable=SC2086
"${NICE[@]}" java ${BENCH_JAVA_OPTS:--Xms512m -Xmx2g} -cp "$BENCH_CP" \
    io.swiftresponse.bench.EvaluationBenchmark "$@"
