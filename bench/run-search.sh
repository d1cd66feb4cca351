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
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_build target-bench-search src/test/java/io/swiftresponse/bench/OrderSearchBenchmark.java
bench_machine
# shellcheck disable=SC2206
OPTS=(${SEARCH_JAVA_OPTS:--Xms1g -Xmx3g})
java "${OPTS[@]}" -Dfile.encoding=UTF-8 -cp "$BENCH_CP" \
    io.swiftresponse.bench.OrderSearchBenchmark "$@"
echo "== after: $(uptime | sed 's/.*load average/load average/')"
