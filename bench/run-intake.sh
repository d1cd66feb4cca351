#!/usr/bin/env bash
# Repeat detection: precision/recall on injected repeats and lookup latency with 1,000,000 orders in the
# window, for the previous index design ("before", MinHash) and the current one ("after") in the same run,
# plus a brute-force scan of the window without an index. Figures: docs/benchmarks.md, "Intake".
#
#   bench/run-intake.sh                               # 1,000,000 orders, 4,000 lookups, 50 full scans
#   bench/run-intake.sh --orders 100000 --queries 2000 --baseline-queries 100 --min-similarity 0.65
#   BENCH_NICE=-10 bench/run-intake.sh                 # raise the benchmark's priority on a shared machine (root)
#
# Environment: BENCH_BUILD_DIR (default target-bench-intake), MVN_ONLINE=1 to let Maven download,
# BENCH_JAVA_OPTS (default -Xms4g -Xmx6g), BENCH_NICE (niceness of the benchmark JVM, default 0).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_build target-bench-intake src/test/java/io/swiftresponse/bench/RepeatBenchmark.java \
    src/test/java/io/swiftresponse/intake/suggest/Catalogue.java \
    src/test/java/io/swiftresponse/intake/repeat/MinHashRepeatIndex.java src/test/java/io/swiftresponse/intake/repeat/MinHash.java
NICE=()
if [[ -n "${BENCH_NICE:-}" ]]; then
    NICE=(nice -n "$BENCH_NICE")
    # with autogroup scheduling a niceness only counts inside its session's group: raise the group for this run
    AUTOGROUP=/proc/$$/autogroup
    if [[ -w "$AUTOGROUP" ]]; then
        OLD_NICE="$(sed -n 's/.* nice \(-\{0,1\}[0-9]*\).*/\1/p' "$AUTOGROUP")"
        if echo "$BENCH_NICE" > "$AUTOGROUP" 2>/dev/null; then
            trap 'echo "${OLD_NICE:-0}" > "$AUTOGROUP" 2>/dev/null || true' EXIT
        fi
    fi
fi
bench_machine
echo "== niceness ${BENCH_NICE:-0}"
"${NICE[@]}" java ${BENCH_JAVA_OPTS:--Xms4g -Xmx6g} -cp "$BENCH_CP" io.swiftresponse.bench.RepeatBenchmark "$@"
echo "== after: $(uptime | sed 's/.*load average/load average/')"
