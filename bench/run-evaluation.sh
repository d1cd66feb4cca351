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
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_build target-bench-eval src/test/java/io/swiftresponse/bench/EvaluationBenchmark.java
bench_machine
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx2g} -cp "$BENCH_CP" \
    io.swiftresponse.bench.EvaluationBenchmark "$@"
