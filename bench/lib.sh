# Shared by the bench/run-*.sh scripts (source it after setting ROOT and cd "$ROOT").
# bench_build <default build folder> <benchmark .java files...>: the main code is compiled into its own build folder
# (not target/, which other builds use), the test classpath is resolved once per change of the pom, and only the
# named benchmark sources are compiled from src/test, so work in progress elsewhere in the tests cannot stop a
# benchmark. Sets BUILD and BENCH_CP. Environment: BENCH_BUILD_DIR, MVN_ONLINE=1 (let Maven download).
bench_build() {
    local default="$1"
    shift
    BUILD="${BENCH_BUILD_DIR:-$ROOT/$default}"
    case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
    local mvn=(mvn -q -B)
    if [[ "${MVN_ONLINE:-}" != 1 ]]; then mvn+=(-o); fi
    "${mvn[@]}" -Dbuild.dir="$BUILD" compile
    local cp_file="$BUILD/bench-classpath.txt"
    if [[ ! -s "$cp_file" || "$ROOT/pom.xml" -nt "$cp_file" ]]; then
        "${mvn[@]}" -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
    fi
    rm -rf "$BUILD/bench-classes"
    mkdir -p "$BUILD/bench-classes"
    javac --release 17 -encoding UTF-8 -nowarn -d "$BUILD/bench-classes" -cp "$BUILD/classes:$(cat "$cp_file")" "$@"
    BENCH_CP="$BUILD/bench-classes:$BUILD/classes:$(cat "$cp_file")"
}

# One line about the machine and its load, one about the JVM and CPU: every figure is recorded with them.
bench_machine() {
    echo "== $(date -Is)  nproc=$(nproc)  $(uptime | sed 's/.*load average/load average/')  commit $(git -C "$ROOT" rev-parse --short HEAD)"
    echo "== $(java -version 2>&1 | head -1); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
}

# bench_nice: sets NICE=(nice -n $BENCH_NICE) when BENCH_NICE is set (below 0 needs root) and raises this session's
# autogroup niceness for the run (with autogroup scheduling a niceness only counts inside its group), put back on exit.
bench_nice() {
    NICE=()
    if [[ -n "${BENCH_NICE:-}" ]]; then
        NICE=(nice -n "$BENCH_NICE")
        local autogroup=/proc/$$/autogroup
        if [[ -w "$autogroup" ]]; then
            BENCH_OLD_NICE="$(sed -n 's/.* nice \(-\{0,1\}[0-9]*\).*/\1/p' "$autogroup")"
            if echo "$BENCH_NICE" > "$autogroup" 2>/dev/null; then
                trap 'echo "${BENCH_OLD_NICE:-0}" > /proc/$$/autogroup 2>/dev/null || true' EXIT
            fi
        fi
    fi
}
