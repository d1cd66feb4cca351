#!/usr/bin/env bash
# Time to record and dispatch a typical order on the workbench, keyboard only: runs WorkbenchTimingBrowserTests in
# headless Chromium (key presses by kind, system time measured) and prints the Keystroke-Level Model estimate.
# Usage: bench/run-workbench-timing.sh   (needs chromium and chromedriver, see docs/web.md)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source bench/lib.sh
bench_machine
mvn -q -o test -Dtest=WorkbenchTimingBrowserTests -DexcludedGroups= -Dgroups=browser -Dsurefire.failIfNoSpecifiedTests=false
cat target/benchmarks/workbench-klm.txt
echo "== after: $(uptime | sed 's/.*load average/load average/')"
