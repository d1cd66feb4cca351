#!/usr/bin/env bash
# Repeat detection: precision/recall on injected repeats and lookup latency with 1,000,000 orders in the
# window, against a brute-force scan of the window (the baseline). Figures: docs/benchmarks.md, "Intake".
#
#   bench/run-intake.sh                               # 1,000,000 orders, 4,000 lookups, 200 baseline scans
#   bench/run-intake.sh --orders 100000 --queries 2000 --baseline-queries 100
#
# Environment: BENCH_JAVA_OPTS (default -Xms2g -Xmx3g), MVN_ONLINE=1 to let Maven download.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN=(mvn -q -B)
if [[ "${MVN_ONLINE:-}" != 1 ]]; then MVN+=(-o); fi
"${MVN[@]}" test-compile
CP_FILE="$ROOT/target/bench-intake.classpath"
"${MVN[@]}" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx3g} -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$CP_FILE")" \
    io.swiftresponse.bench.RepeatBenchmark "$@"
