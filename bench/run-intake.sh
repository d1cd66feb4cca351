#!/usr/bin/env bash
# Repeat detection: precision/recall on injected repeats and lookup latency with 1,000,000 orders in the
# window, against a brute-force scan of the window (the baseline). Figures: docs/benchmarks.md, "Intake".
#
#   bench/run-intake.sh                               # 1,000,000 orders, 4,000 lookups, 200 baseline scans
#   bench/run-intake.sh --orders 100000 --queries 2000 --baseline-queries 100
#
# Environment: BENCH_BUILD_DIR (default target-bench-intake), MVN_ONLINE=1 to let Maven download,
# BENCH_JAVA_OPTS (default -Xms2g -Xmx3g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_build target-bench-intake src/test/java/io/swiftresponse/bench/RepeatBenchmark.java \
    src/test/java/io/swiftresponse/intake/suggest/Catalogue.java
bench_machine
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx3g} -cp "$BENCH_CP" \
    io.swiftresponse.bench.RepeatBenchmark "$@"
