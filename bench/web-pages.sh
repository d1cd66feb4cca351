#!/usr/bin/env bash
# Server time of the main pages as a browser fetches them (HTML only, no assets): median and 90th percentile
# of N sequential requests per page, for one logged-in user each. Usage: bench/web-pages.sh [base URL] [N]
# Needs a running instance with the demo city and at least one order (id 1).
set -euo pipefail
base="${1:-http://localhost:8080}"
n="${2:-30}"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
login() {
  rm -f "$jar"
  local t
  t=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*' | sed 's/.*value="//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=demo&_csrf=$t" "$base/login"
}
measure() {
  local label=$1 path=$2
  for _ in $(seq "$n"); do
    curl -s -b "$jar" -H 'Accept: text/html' -o /dev/null -w '%{time_total}\n' "$base$path"
  done | sort -n | awk -v label="$label" '{a[NR]=$1} END {printf "%-28s median %6.1f ms   p90 %6.1f ms   (n=%d)\n", label, a[int((NR+1)/2)]*1000, a[int(NR*0.9)]*1000, NR}'
}
login agent1
measure "workbench" /workbench
measure "order page" /orders/1
measure "caller's orders (htmx)" "/workbench/caller?phone=13800001234"
measure "category search (htmx)" "/workbench/categories?q=%E6%9A%96"
login dispatcher1
measure "dispatch console" /dispatch
login handler-110101
measure "unit inbox (district)" /inbox
login supervisor1
measure "dashboard page" /dashboard
measure "dashboard data (JSON)" /dashboard/data
measure "login page (baseline)" /login
