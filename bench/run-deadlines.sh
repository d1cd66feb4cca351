#!/usr/bin/env bash
# Deadline benchmarks: deadline computations per second (bit-set calendar vs a naive HashSet walk, the full
# SlaPolicies.due with its basis sentence) and one deadline sweep over 1,000,000 open orders with 1 % due, on the
# embedded PostgreSQL. Figures and analysis: docs/benchmarks.md, "Deadlines: computation and sweep".
#
#   bench/run-deadlines.sh                        # both (~3 min computation, ~5-10 min sweep on 2 cores)
#   bench/run-deadlines.sh computation [options]  # --warmup 8 --rounds 10 --round-ms 1000 --only bitset,naive,...
#   bench/run-deadlines.sh sweep [options]        # --orders 1000000 --due-percent 1 --runs 5 --warmups 3 --met-clocks 3 --keep true
#                                                 # --data DIR (keeps the loaded database there and reuses it)
#   bench/run-deadlines.sh both --repeat 3        # everything three times (the figures are medians within each run)
#
# Environment:
#   BENCH_BUILD_DIR=folder   where main code and the two benchmarks are compiled (default target-bench2)
#   MVN_ONLINE=1             let Maven download (default: offline, -o)
#   SWEEP_JAVA_OPTS="..."    JVM options of the sweep (default -Xms1g -Xmx2g)
#   BENCH_JFR=1              record the sweep with Java Flight Recorder into $BENCH_BUILD_DIR/sweep.jfr
#   BENCH_NICE=-10           run the benchmarks (and the embedded PostgreSQL they start) at this niceness; below 0
#                            needs root. On a machine shared with builds the benchmark then gets the cores first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD="${BENCH_BUILD_DIR:-$ROOT/target-bench2}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
MVN=(mvn -q -B)
if [[ "${MVN_ONLINE:-}" != 1 ]]; then MVN+=(-o); fi

WHAT="${1:-both}"
[[ $# -gt 0 ]] && shift
REPEAT=1
if [[ "${1:-}" == --repeat ]]; then REPEAT="$2"; shift 2; fi
case "$WHAT" in computation|sweep|both) ;; *) sed -n '2,17p' "$0"; exit 2 ;; esac

# Main code in its own build folder (not target/, which other builds use). Only the deadline benchmarks' files of src/test
# are compiled, with javac, so that work in progress elsewhere in the tests cannot stop the benchmark; when the main
# code itself does not compile (someone mid-edit), wait a minute and try again.
for attempt in 1 2 3 4 5; do
    if "${MVN[@]}" -Dbuild.dir="$BUILD" compile; then break; fi
    [[ $attempt == 5 ]] && { echo "main code does not compile; giving up" >&2; exit 1; }
    echo "compilation failed (attempt $attempt), retrying in 60 s ..." >&2
    sleep 60
done
CP_FILE="$BUILD/bench-classpath.txt"
if [[ ! -s "$CP_FILE" || "$ROOT/pom.xml" -nt "$CP_FILE" ]]; then
    "${MVN[@]}" -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
rm -rf "$BUILD/bench-classes"
mkdir -p "$BUILD/bench-classes"
javac --release 17 -encoding UTF-8 -nowarn -d "$BUILD/bench-classes" -cp "$BUILD/classes:$(cat "$CP_FILE")" \
    src/test/java/io/swiftresponse/bench/Deadline*.java src/test/java/io/swiftresponse/bench/ForkedRounds.java \
    src/test/java/io/swiftresponse/bench/Sweep*.java
CP="$BUILD/bench-classes:$BUILD/classes:$(cat "$CP_FILE")"

NICE=()
if [[ -n "${BENCH_NICE:-}" ]]; then
    NICE=(nice -n "$BENCH_NICE")
    # with autogroup scheduling (the Linux default) a niceness only counts inside its session's group; the group's
    # own niceness decides against other sessions: raised for this run, put back afterwards
    AUTOGROUP=/proc/$$/autogroup
    if [[ -w "$AUTOGROUP" ]]; then
        OLD_NICE="$(sed -n 's/.* nice \(-\{0,1\}[0-9]*\).*/\1/p' "$AUTOGROUP")"
        if echo "$BENCH_NICE" > "$AUTOGROUP" 2>/dev/null; then
            trap 'echo "${OLD_NICE:-0}" > "$AUTOGROUP" 2>/dev/null || true' EXIT
        fi
    fi
fi

machine() {
    echo "== $(date -Is)  nproc=$(nproc)  $(uptime | sed 's/.*load average/load average/')  niceness ${BENCH_NICE:-0}"
    echo "== $(java -version 2>&1 | head -1); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
}

for ((i = 1; i <= REPEAT; i++)); do
    if [[ "$WHAT" == computation || "$WHAT" == both ]]; then
        machine
        "${NICE[@]}" java -Xms256m -Xmx512m -cp "$CP" io.swiftresponse.bench.DeadlineComputationBenchmark "$@"
        echo "== after: $(uptime | sed 's/.*load average/load average/')"
    fi
    if [[ "$WHAT" == sweep || "$WHAT" == both ]]; then
        machine
        # shellcheck disable=SC2206
        OPTS=(${SWEEP_JAVA_OPTS:--Xms1g -Xmx2g})
        if [[ "${BENCH_JFR:-}" == 1 ]]; then OPTS+=("-XX:StartFlightRecording=filename=$BUILD/sweep.jfr,settings=profile"); fi
        "${NICE[@]}" java "${OPTS[@]}" -Dfile.encoding=UTF-8 -cp "$CP" io.swiftresponse.bench.DeadlineSweepBenchmark "$@"
        echo "== after: $(uptime | sed 's/.*load average/load average/')"
    fi
done
